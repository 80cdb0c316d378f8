import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// One sheet of an XLSX workbook (Office Open XML), read with ZIPFoundation
/// and Foundation's XMLParser: shared strings, inline strings, numbers,
/// booleans. The zip's central directory is checked before anything is
/// expanded: a workbook that declares an absurd expanded size (a zip bomb)
/// is refused, and an entry that expands beyond what it declared is cut off.
public final class XLSXTableReader: TableReader {
    /// Expanded bytes a workbook may declare in all (the parts read are far smaller).
    public static let maximumExpandedBytes: UInt64 = 256 << 20
    /// Expansion ratio beyond which a large entry is refused as a bomb.
    public static let maximumRatio: UInt64 = 200

    public let header: [String]
    public let description: String
    /// The sheet read.
    public let sheet: String
    private var rows: [(number: Int, cells: [String])]
    private var index = 0

    /// Opens `path` and reads the sheet named `sheet` (else the first) into rows.
    public init(path: String, sheet wanted: String?) throws {
        let notWorkbook = "is not an .xlsx workbook"
        guard let handle = FileHandle(forReadingAtPath: path) else { throw TableFileError("cannot be opened") }
        let magic = (try? handle.read(upToCount: 4)) ?? nil
        try? handle.close()
        guard let magic, magic.count == 4 else { throw TableFileError("is empty: \(notWorkbook)") }
        guard [UInt8](magic) == [0x50, 0x4B, 0x03, 0x04] else { throw TableFileError("\(notWorkbook) (it is not a zip file); save it from Excel as .xlsx, or as CSV") }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw TableFileError("\(notWorkbook): its zip directory cannot be read (damaged or truncated)")
        }
        // Zip bombs: judge the declared sizes before expanding anything.
        var declared: UInt64 = 0
        for entry in archive {
            declared &+= entry.uncompressedSize
            let ratio = entry.uncompressedSize / max(entry.compressedSize, 1)
            if entry.uncompressedSize > 16 << 20 && ratio > Self.maximumRatio {
                throw TableFileError("declares that \(entry.path) expands \(ratio) times to \(entry.uncompressedSize >> 20) MB: refused as a zip bomb, nothing was expanded")
            }
        }
        if declared > Self.maximumExpandedBytes {
            throw TableFileError("declares \(declared >> 20) MB when expanded (at most \(Self.maximumExpandedBytes >> 20) MB): refused, nothing was expanded; split the workbook or save the sheet as CSV")
        }
        guard let workbookEntry = archive["xl/workbook.xml"] else { throw TableFileError("\(notWorkbook): it is a zip file without xl/workbook.xml") }
        let workbook = try SheetList.parse(try Self.read(workbookEntry, in: archive))
        let relations = try Relations.parse(try archive["xl/_rels/workbook.xml.rels"].map { try Self.read($0, in: archive) } ?? Data())
        guard !workbook.sheets.isEmpty else { throw TableFileError("\(notWorkbook): it has no sheets") }
        let chosen: (name: String, relation: String)
        if let wanted {
            guard let s = workbook.sheets.first(where: { $0.name == wanted }) ?? workbook.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw TableFileError("has no sheet \"\(wanted)\"; its sheets are " + workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))
            }
            chosen = s
        } else {
            chosen = workbook.sheets[0]
        }
        guard var target = relations[chosen.relation] else { throw TableFileError("\(notWorkbook): sheet \"\(chosen.name)\" has no part") }
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        guard let sheetEntry = archive[target] else { throw TableFileError("\(notWorkbook): the part \(target) of sheet \"\(chosen.name)\" is missing") }
        let shared = try archive["xl/sharedStrings.xml"].map { try SharedStrings.parse(try Self.read($0, in: archive)) } ?? []
        var rows = try SheetRows.parse(try Self.read(sheetEntry, in: archive), shared: shared)
        rows.removeAll { $0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !rows.isEmpty else { throw TableFileError("is empty: sheet \"\(chosen.name)\" has no header row and no data") }
        let first = rows.removeFirst()
        header = first.cells
        self.rows = rows
        sheet = chosen.name
        description = "XLSX, sheet \(chosen.name)"
    }

    public func next() throws -> (number: Int, cells: [String])? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }

    /// Expands one entry, never beyond what it declared.
    static func read(_ entry: Entry, in archive: Archive) throws -> Data {
        var data = Data()
        let limit = entry.uncompressedSize
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > limit { throw TableFileError("expands \(entry.path) beyond its declared size: refused as a damaged or hostile workbook") }
            }
        } catch let e as TableFileError {
            throw e
        } catch {
            throw TableFileError("is not an .xlsx workbook: \(entry.path) cannot be expanded (damaged)")
        }
        return data
    }
}

/// Runs XMLParser over `data` with `delegate`; a parse error is a damaged workbook.
private func parseXML(_ data: Data, part: String, _ delegate: XMLParserDelegate) throws {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.delegate = delegate
    if !parser.parse() {
        throw TableFileError("is not an .xlsx workbook: \(part) is not well-formed XML (line \(parser.lineNumber))")
    }
}

/// The local name of an element (`x:sheet` → `sheet`).
private func local(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

/// `xl/workbook.xml`: the sheets in order, with their relation ids.
private final class SheetList: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relation: String)] = []
    static func parse(_ data: Data) throws -> SheetList {
        let d = SheetList()
        try parseXML(data, part: "xl/workbook.xml", d)
        return d
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard local(name) == "sheet", let sheetName = attributes["name"] else { return }
        let rid = attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
        sheets.append((sheetName, rid))
    }
}

/// `xl/_rels/workbook.xml.rels`: relation id → part path.
private final class Relations: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    static func parse(_ data: Data) throws -> [String: String] {
        guard !data.isEmpty else { return [:] }
        let d = Relations()
        try parseXML(data, part: "xl/_rels/workbook.xml.rels", d)
        return d.targets
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

/// `xl/sharedStrings.xml`: every `<si>`, its text runs joined (phonetic runs left out).
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = "", inText = false, inPhonetic = false
    static func parse(_ data: Data) throws -> [String] {
        let d = SharedStrings()
        try parseXML(data, part: "xl/sharedStrings.xml", d)
        return d.strings
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(name) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
}

/// A worksheet's rows: cells placed by their reference (`C7`), so skipped
/// empty cells stay empty columns; row numbers as Excel shows them.
private final class SheetRows: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [(number: Int, cells: [String])] = []
    var cells: [String] = [], rowNumber = 0
    var column = 0, type = "", value = "", inValue = false, inInline = false
    var failure: TableFileError?

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String]) throws -> [(number: Int, cells: [String])] {
        let d = SheetRows(shared: shared)
        try parseXML(data, part: "the sheet", d)
        if let f = d.failure { throw f }
        return d.rows
    }

    /// `BC12` → column index 54 (0-based); nil without letters.
    static func columnIndex(_ reference: String) -> Int? {
        var n = 0, any = false
        for u in reference.unicodeScalars {
            guard u.value >= 65 && u.value <= 90 || u.value >= 97 && u.value <= 122 else { break }
            n = n * 26 + Int((u.value & 0x1F))
            any = true
        }
        return any && n <= 16384 ? n - 1 : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch local(name) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
        case "c":
            column = attributes["r"].flatMap(Self.columnIndex) ?? cells.count
            type = attributes["t"] ?? "n"
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t": inValue = inInline
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            var text = value
            switch type {
            case "s":
                guard let i = Int(value), shared.indices.contains(i) else {
                    failure = TableFileError("is a damaged workbook: row \(rowNumber) refers to shared string \(value), which does not exist")
                    parser.abortParsing(); return
                }
                text = shared[i]
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "n": text = Self.number(value)
            default: break
            }
            while cells.count < column { cells.append("") }
            if column < cells.count { cells[column] = text } else { cells.append(text) }
        case "row":
            rows.append((rowNumber, cells))
        default: break
        }
    }

    /// A number as a person would type it: `4800000` rather than `4.8E6`.
    static func number(_ written: String) -> String {
        guard written.contains(where: { $0 == "E" || $0 == "e" }), let d = Double(written), d.isFinite else { return written }
        if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
        return String(d)
    }
}
