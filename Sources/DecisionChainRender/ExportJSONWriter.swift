import DecisionChain

/// Writes an export document (`docs/export-format.md`) one account at a time,
/// so an export of many accounts never sits in memory as one string. Keys are
/// sorted and every key is always present (null when empty), as in every
/// `--format json` output; text is UTF-8 as is.
public struct ExportJSONWriter {
    let emit: (String) throws -> Void
    /// Accounts written so far.
    public private(set) var count = 0

    /// Starts the document.
    public init(_ emit: @escaping (String) throws -> Void) throws {
        self.emit = emit
        try emit("{\n  \"accounts\": [")
    }

    /// Writes one account with all its rows.
    public mutating func write(_ account: ExportedAccount) throws {
        var out = count == 0 ? "\n    {\n" : ",\n    {\n"
        var parts: [(String, String)] = [("account", Self.object(account.account, ExportFormat.account, indent: 6))]
        for entity in ExportFormat.entities {
            let rows = account.rows[entity.key] ?? []
            let body = rows.isEmpty ? "[]"
                : "[\n" + rows.map { "        " + Self.object($0, entity, indent: 8) }.joined(separator: ",\n") + "\n      ]"
            parts.append((entity.key, body))
        }
        out += parts.sorted { $0.0 < $1.0 }.map { "      \(Self.string($0.0)): \($0.1)" }.joined(separator: ",\n")
        out += "\n    }"
        try emit(out)
        count += 1
    }

    /// Ends the document.
    public func finish() throws {
        try emit((count == 0 ? "]" : "\n  ]") + ",\n  \"format\": \(Self.string(ExportFormat.name)),\n  \"version\": \(ExportFormat.version)\n}\n")
    }

    /// One row as a JSON object whose closing brace is indented by `indent - 2`.
    static func object(_ row: ExportRow, _ entity: ExportEntity, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let lines = entity.fields.sorted { $0.key < $1.key }.map { f -> String in
            let value = row[f.key].map { f.kind.isNumber ? $0 : string($0) } ?? "null"
            return pad + string(f.key) + ": " + value
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent - 2) + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, nothing else.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
