import Foundation

/// A table file opened for reading row by row: a CSV file or one sheet of
/// an XLSX workbook. Knows nothing of sales: cells are text.
public protocol TableReader: AnyObject {
    /// The cells of the first row (the header).
    var header: [String] { get }
    /// What the file turned out to be, for the user: `CSV, UTF-8`, `CSV, GB18030`, `XLSX, sheet 客户`.
    var description: String { get }
    /// The next data row: its spreadsheet row number (the header is row 1) and its cells; nil at the end.
    func next() throws -> (number: Int, cells: [String])?
}

/// A file that cannot be read as a table: where (a line of a CSV file's
/// text, when known) and why, in one line.
public struct TableFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line of the file's text the problem is on, when known.
    public var line: Int?
    /// What is wrong and what to do.
    public var problem: String
    public init(line: Int? = nil, _ problem: String) { self.line = line; self.problem = problem }
    public var description: String { (line.map { "line \($0): " } ?? "") + problem }
}

/// The text encodings a CSV file may be in.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030

    /// `utf-8`, `utf8`, `gb18030`, `gbk` (read as GB18030, its superset), any case.
    public init?(typed: String) {
        switch typed.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// The name shown to the user.
    public var display: String { self == .utf8 ? "UTF-8" : "GB18030" }
}

/// Opens table files by their extension.
public enum TableFile {
    /// Opens `path`: `.csv` (UTF-8 with or without BOM or GB18030, detected
    /// unless `encoding` is given) or `.xlsx` (the sheet named `sheet`, else the first).
    public static func open(_ path: String, encoding: TextEncoding? = nil, sheet: String? = nil) throws -> TableReader {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw TableFileError("no such file") }
        guard !isDirectory.boolValue else { throw TableFileError("is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw TableFileError("cannot be read (permission denied)") }
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm":
            if encoding != nil { throw TableFileError("--encoding is for CSV files; an .xlsx workbook is always Unicode") }
            return try XLSXTableReader(path: path, sheet: sheet)
        case "xls":
            throw TableFileError("is an old Excel .xls file; save it as .xlsx or as CSV (UTF-8) and import that")
        default:
            if sheet != nil { throw TableFileError("--sheet is for .xlsx workbooks; a CSV file has one table") }
            return try CSVTableReader(path: path, encoding: encoding)
        }
    }
}
