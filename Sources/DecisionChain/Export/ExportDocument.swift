import Foundation

/// Reads an export document (`docs/export-format.md`) back into accounts and
/// their rows, checking every key and value type against `ExportFormat`.
/// Problems are `InputError`s naming the JSON path (`$.accounts[0].units[2].name`).
public enum ExportDocument {
    /// The accounts of a document.
    public static func parse(_ data: Data, file: String) throws -> [ExportedAccount] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw InputError(field: file, value: "JSON", problem: "is not valid JSON (\(Self.reason(error)))")
        }
        guard let doc = object as? [String: Any] else {
            throw InputError(field: "\(file): $", value: typeName(object), problem: "is not a dchain export (expected an object with format \"\(ExportFormat.name)\")")
        }
        guard let format = doc["format"] as? String, format == ExportFormat.name else {
            throw InputError(field: "\(file): $.format", value: "\(doc["format"] ?? "missing")",
                             problem: "is not \"\(ExportFormat.name)\": this is not a dchain export")
        }
        guard let version = doc["version"] as? NSNumber, version.intValue == ExportFormat.version else {
            throw InputError(field: "\(file): $.version", value: "\(doc["version"] ?? "missing")",
                             problem: "is not a version this dchain reads (\(ExportFormat.version))")
        }
        try unknownKeys(doc, known: ["format", "version", "accounts"], at: "\(file): $")
        guard let accounts = doc["accounts"] as? [Any] else {
            throw InputError(field: "\(file): $.accounts", value: typeName(doc["accounts"]), problem: "must be an array of accounts")
        }
        var names = Set<String>()
        return try accounts.enumerated().map { i, entry in
            let at = "\(file): $.accounts[\(i)]"
            guard let entry = entry as? [String: Any] else {
                throw InputError(field: at, value: typeName(entry), problem: "must be an object")
            }
            try unknownKeys(entry, known: ["account"] + ExportFormat.entities.map(\.key), at: at)
            guard let account = entry["account"] else {
                throw InputError(field: "\(at).account", value: "missing", problem: "is required")
            }
            var out = ExportedAccount(account: try row(account, ExportFormat.account, at: "\(at).account"))
            let name = out.account["name"] ?? ""
            guard names.insert(name).inserted else {
                throw InputError(field: "\(at).account.name", value: name, problem: "appears twice in the file")
            }
            for entity in ExportFormat.entities {
                guard let list = entry[entity.key] else { continue }
                guard let items = list as? [Any] else {
                    throw InputError(field: "\(at).\(entity.key)", value: typeName(list), problem: "must be an array")
                }
                out.rows[entity.key] = try items.enumerated().map { j, item in try row(item, entity, at: "\(at).\(entity.key)[\(j)]") }
            }
            try checkReferences(out, at: at)
            return out
        }
    }

    /// One row: every key known, every value of its kind; ids present and unique are checked by `checkReferences`.
    static func row(_ value: Any, _ entity: ExportEntity, at: String) throws -> ExportRow {
        guard let object = value as? [String: Any] else { throw InputError(field: at, value: typeName(value), problem: "must be an object") }
        try unknownKeys(object, known: entity.fields.map(\.key), at: at)
        var row = ExportRow()
        for field in entity.fields {
            guard let v = object[field.key], !(v is NSNull) else { continue }
            let path = "\(at).\(field.key)"
            if field.kind.isNumber {
                guard !(v is String), let n = v as? NSNumber, Double(n.int64Value) == n.doubleValue else {
                    throw InputError(field: path, value: "\(v)", problem: "must be a whole number")
                }
                row[field.key] = String(n.int64Value)
            } else {
                guard let s = v as? String else { throw InputError(field: path, value: "\(v)", problem: "must be a string") }
                row[field.key] = s
            }
        }
        if entity.hasID && row["id"] == nil { throw InputError(field: "\(at).id", value: "missing", problem: "is required") }
        return row
    }

    /// Ids are unique per entity and every reference to a row of the same
    /// account names one that is in the file.
    static func checkReferences(_ account: ExportedAccount, at: String) throws {
        var ids: [String: Set<String>] = [:]
        for entity in ExportFormat.entities where entity.hasID {
            var seen = Set<String>()
            for (j, r) in (account.rows[entity.key] ?? []).enumerated() {
                guard seen.insert(r["id"]!).inserted else {
                    throw InputError(field: "\(at).\(entity.key)[\(j)].id", value: r["id"]!, problem: "appears twice")
                }
            }
            ids[entity.key] = seen
        }
        for entity in ExportFormat.entities {
            for (j, r) in (account.rows[entity.key] ?? []).enumerated() {
                for field in entity.fields {
                    guard case let .entity(target) = field.reference, let v = r[field.key] else { continue }
                    guard ids[target, default: []].contains(v) else {
                        throw InputError(field: "\(at).\(entity.key)[\(j)].\(field.key)", value: v,
                                         problem: "is not the id of any of the account's \(target) in the file")
                    }
                }
            }
        }
    }

    static func unknownKeys(_ object: [String: Any], known: [String], at: String) throws {
        let unknown = object.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw InputError(field: at, value: unknown.joined(separator: ", "),
                             problem: "\(unknown.count == 1 ? "is not a known key" : "are not known keys") (known: \(known.joined(separator: ", ")))")
        }
    }

    static func typeName(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: return "null"
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a \(type(of: v!))"
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
