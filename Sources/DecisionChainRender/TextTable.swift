/// A plain-text table whose columns line up in a terminal, Chinese included.
public struct TextTable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Cells wider than this are cut with `…` (nil: never).
    public var maxColumnWidth: Int?
    /// The whole table fits this many columns: the widest columns are narrowed and their cells
    /// wrapped onto more lines (nil: no limit).
    public var width: Int?

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
        if let width {
            // Narrow the widest column, one column at a time, until the table fits (columns keep at least 8).
            while widths.reduce(0, +) + 2 * max(0, widths.count - 1) > width,
                  let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
                widths[widest] -= 1
            }
        }
        func lines(_ row: [String]) -> [String] {
            let wrapped = (0..<widths.count).map { i -> [String] in
                let c = i < row.count ? row[i] : ""
                return DisplayWidth.of(c) > widths[i] ? DisplayWidth.wrap(c, to: widths[i]) : [c]
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { l in
                var parts: [String] = []
                for i in 0..<widths.count {
                    let c = l < wrapped[i].count ? wrapped[i][l] : ""
                    parts.append(alignments[i] == .right ? DisplayWidth.padLeft(c, to: widths[i]) : DisplayWidth.pad(c, to: widths[i]))
                }
                return trimRight(parts.joined(separator: "  "))
            }
        }
        var out = lines(cells[0]) + [widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += cells.dropFirst().flatMap(lines)
        return out.joined(separator: "\n") + "\n"
    }

    func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

import Foundation
