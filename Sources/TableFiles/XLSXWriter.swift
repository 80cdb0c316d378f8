import Foundation
import ZIPFoundation

/// Writes an XLSX workbook (Office Open XML, the parts Excel, LibreOffice and
/// openpyxl need) whose sheets hold text cells, all sheets at once, row
/// by row: each sheet's XML goes to a temporary file, and the workbook is
/// zipped from those files, so no sheet is held in memory. Cells are inline
/// strings: a spreadsheet never runs them as formulas.
public final class XLSXWriter {
    let directory: URL
    private let names: [String]
    private var files: [URL] = []
    private var handles: [FileHandle] = []
    private var rowNumbers: [Int] = []

    /// A workbook of these sheets (names of 31 characters at most, no `[]:*?/\`),
    /// each starting with its header row; temporary files go to a new
    /// directory under `temporaryDirectory`, removed when the writer goes.
    public init(sheets: [(name: String, header: [String])], temporaryDirectory: URL = FileManager.default.temporaryDirectory) throws {
        directory = temporaryDirectory.appendingPathComponent("dchain-xlsx-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        names = sheets.map(\.name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (i, sheet) in sheets.enumerated() {
            let file = directory.appendingPathComponent("sheet\(i + 1).xml")
            FileManager.default.createFile(atPath: file.path, contents: nil)
            files.append(file)
            handles.append(try FileHandle(forWritingTo: file))
            rowNumbers.append(0)
            try put(i, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
            try addRow(i, sheet.header)
        }
    }

    deinit {
        for h in handles { try? h.close() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Appends one row of text cells to a sheet (empty cells left out).
    public func addRow(_ sheet: Int, _ cells: [String]) throws {
        rowNumbers[sheet] += 1
        let r = rowNumbers[sheet]
        var xml = "<row r=\"\(r)\">"
        for (i, cell) in cells.enumerated() where !cell.isEmpty {
            xml += "<c r=\"\(Self.column(i))\(r)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(cell))</t></is></c>"
        }
        try put(sheet, xml + "</row>")
    }

    /// Zips the workbook to `url` (which must not exist yet).
    public func finish(to url: URL) throws {
        for i in handles.indices { try put(i, "</sheetData></worksheet>"); try handles[i].close() }
        handles = []
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { position, size in data.subdata(in: Int(position) ..< Int(position) + size) })
        }
        let ns = "http://schemas.openxmlformats.org"
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="\(ns)/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(names.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
            </Types>
            """)
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(ns)/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(ns)/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(ns)/spreadsheetml/2006/main" xmlns:r="\(ns)/officeDocument/2006/relationships"><sheets>\
            \(names.enumerated().map { "<sheet name=\"\(Self.escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
            </sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(ns)/package/2006/relationships">\
            \(names.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(ns)/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            <Relationship Id="rId\(names.count + 1)" Type="\(ns)/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        try add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(ns)/spreadsheetml/2006/main">\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
            </styleSheet>
            """)
        for (i, file) in files.enumerated() {
            try archive.addEntry(with: "xl/worksheets/sheet\(i + 1).xml", fileURL: file, compressionMethod: .deflate)
        }
    }

    private func put(_ sheet: Int, _ text: String) throws {
        try handles[sheet].write(contentsOf: Data(text.utf8))
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column.
    static func column(_ i: Int) -> String {
        var n = i + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Text as XML character data: markup escaped, characters XML 1.0 forbids dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
