/// A plain-text table whose columns line up in a terminal, Chinese included.
public struct TextTable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Cells wider than this are cut with `…` (nil: never).
    public var maxColumnWidth: Int?

    public init(headers: [String], alignments: [Alignment]? = nil, maxColumnWidth: Int? = 40) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.maxColumnWidth = maxColumnWidth
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines: header, a rule, the rows; no trailing spaces.
    public func render() -> String {
        let cells = ([headers] + rows).map { row in
            row.map { cell in
                let flat = cell.replacingOccurrences(of: "\n", with: " ")
                return maxColumnWidth.map { DisplayWidth.truncate(flat, to: $0) } ?? flat
            }
        }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for i in 0..<widths.count {
                let c = i < row.count ? row[i] : ""
                parts.append(alignments[i] == .right ? DisplayWidth.padLeft(c, to: widths[i]) : DisplayWidth.pad(c, to: widths[i]))
            }
            return trimRight(parts.joined(separator: "  "))
        }
        var out = [line(cells[0]), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += cells.dropFirst().map(line)
        return out.joined(separator: "\n") + "\n"
    }

    func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

import Foundation
