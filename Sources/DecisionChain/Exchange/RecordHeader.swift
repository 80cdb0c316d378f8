import Foundation

/// Something wrong with a table file being imported: where (row, or line for
/// a problem of the file's text), which column, which value, and why.
public struct RecordIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The spreadsheet row (the header is row 1); nil for the file as a whole.
    public var row: Int?
    /// A line of the file's text, for problems found before rows are read (quotes, encoding).
    public var line: Int?
    /// The column as its header is written in the file.
    public var column: String?
    /// The offending value.
    public var value: String?
    /// Why it cannot be imported, and what to do.
    public var problem: String

    public init(row: Int? = nil, line: Int? = nil, column: String? = nil, value: String? = nil, problem: String) {
        self.row = row; self.line = line; self.column = column; self.value = value; self.problem = problem
    }

    /// `row 4, column 金额 "12x": is not an amount …`.
    public var description: String {
        var place: [String] = []
        if let row { place.append("row \(row)") }
        if let line { place.append("line \(line)") }
        if let column { place.append("column \(column)") }
        var s = place.joined(separator: ", ")
        if let value { s += (s.isEmpty ? "" : " ") + "\"\(Names.visible(value))\"" }
        return s.isEmpty ? problem : s + ": " + problem
    }
}

/// The header row of a table file mapped onto the columns of one record type.
public struct RecordHeader: Sendable {
    public let type: RecordType
    /// For every column of the file, the key of the column it names; nil for a blank header (ignored).
    public let keys: [String?]
    /// The header as written, by column key (for messages).
    public let written: [String: String]

    /// Maps `headers` onto `type`'s columns. Unknown and duplicated columns and
    /// missing required ones are refused, every one named, with the known columns listed.
    public init(_ headers: [String], type: RecordType) throws(RecordIssues) {
        var keys: [String?] = [], written: [String: String] = [:], issues: [RecordIssue] = []
        let known = RecordColumns.columns(type).map { "\($0.key) (\($0.zh))" }.joined(separator: ", ")
        for h in headers {
            let trimmed = h.trimmingCharacters(in: .whitespaces)
            if RecordColumns.fold(trimmed).isEmpty { keys.append(nil); continue }
            guard let c = RecordColumns.column(named: trimmed, in: type) else {
                issues.append(RecordIssue(row: 1, column: trimmed, problem: "is not a column of \(type.rawValue); the columns are \(known)"))
                keys.append(nil); continue
            }
            if let first = written[c.key] {
                issues.append(RecordIssue(row: 1, column: trimmed, problem: "is the same column as \"\(first)\" (\(c.key)); keep one of them"))
                keys.append(nil); continue
            }
            written[c.key] = trimmed
            keys.append(c.key)
        }
        for c in RecordColumns.columns(type) where c.required && written[c.key] == nil {
            issues.append(RecordIssue(row: 1, column: c.key, problem: "is missing: \(type.rawValue) need a column \(c.key) (\(c.zh))"))
        }
        guard issues.isEmpty else { throw RecordIssues(issues) }
        self.type = type; self.keys = keys; self.written = written
    }

    /// The record type a header row names, when exactly one type has every
    /// column it names and all its required columns. Returns the candidates
    /// otherwise (none or several).
    public static func guess(_ headers: [String]) -> (type: RecordType?, candidates: [RecordType]) {
        let candidates = RecordType.allCases.filter { (try? RecordHeader(headers, type: $0)) != nil }
        return (candidates.count == 1 ? candidates[0] : nil, candidates)
    }

    /// One data row as cells by column key: trimmed, blanks left out.
    public func row(_ number: Int, _ cells: [String]) -> RecordRow {
        var values: [String: String] = [:]
        for (i, key) in keys.enumerated() {
            guard let key, i < cells.count else { continue }
            let v = cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
            if !v.isEmpty { values[key] = v }
        }
        return RecordRow(number: number, values: values, written: written)
    }
}

/// Several issues at once: every bad row of a file, or every bad column of a header.
public struct RecordIssues: Error, Sendable {
    public var issues: [RecordIssue]
    public init(_ issues: [RecordIssue]) { self.issues = issues }
}

/// One data row of a table file: its row number and its non-blank cells by column key.
public struct RecordRow: Sendable {
    /// The spreadsheet row number (the header is row 1).
    public let number: Int
    /// Non-blank cells, trimmed, by column key.
    public let values: [String: String]
    /// Headers as written, by column key.
    let written: [String: String]

    public init(number: Int, values: [String: String], written: [String: String]) {
        self.number = number; self.values = values; self.written = written
    }

    /// Whether every cell is blank (such rows are skipped).
    public var isBlank: Bool { values.isEmpty }

    /// The header of a column as the file writes it.
    public func header(_ key: String) -> String { written[key] ?? key }

    /// An issue about the cell of `key` in this row.
    public func issue(_ key: String, _ problem: String) -> RecordIssue {
        RecordIssue(row: number, column: header(key), value: values[key], problem: problem)
    }
}
