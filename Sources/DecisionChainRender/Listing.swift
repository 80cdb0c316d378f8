import DecisionChain

/// A list or record for `list`/`show` commands: one set of rows rendered as
/// an aligned text table, RFC 4180 CSV (formula-safe), or JSON.
public struct Listing {
    /// Column headers in the chosen language (text); CSV uses `keys`.
    public var headers: [String]
    /// Stable machine keys of the columns (CSV header, JSON object keys).
    public var keys: [String]
    public var rows: [[String]]
    public var alignments: [TextTable.Alignment]?
    /// Lines printed above the table in text form (a record's details).
    public var preamble: [String] = []
    /// A title printed first in text form.
    public var title: String?

    public init(headers: [String], keys: [String], rows: [[String]], alignments: [TextTable.Alignment]? = nil) {
        self.headers = headers; self.keys = keys; self.rows = rows; self.alignments = alignments
    }

    /// Text table (or "(none)" when empty).
    public func text(empty: String = "(none)") -> String {
        var out = ""
        if let title { out += title + "\n" }
        for line in preamble { out += line + "\n" }
        if !preamble.isEmpty && !rows.isEmpty { out += "\n" }
        if rows.isEmpty { return out + empty + "\n" }
        var t = TextTable(headers: headers, alignments: alignments)
        rows.forEach { t.append($0) }
        return out + t.render()
    }

    /// CSV with the machine keys as header.
    /// Columns CSV writes instead of the table's (a spreadsheet gets every field the JSON has).
    public var csvColumns: (keys: [String], rows: [[String]])?

    public func csv() -> String { csvColumns.map { Escape.csv(header: $0.keys, rows: $0.rows) } ?? Escape.csv(header: keys, rows: rows) }
}
