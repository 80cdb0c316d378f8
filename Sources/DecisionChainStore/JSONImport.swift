import DecisionChain
import Foundation
import Postgres

/// What an import did, per entity and in total.
public struct ImportCounts: Sendable, Equatable {
    public var added = 0, changed = 0, unchanged = 0
    /// Per entity key (`account`, `units`, …): added, changed, unchanged.
    public var byEntity: [String: [Int]] = [:]

    public init() {}

    /// `3 added, 1 changed, 40 unchanged`.
    public var summary: String { "\(added) added, \(changed) changed, \(unchanged) unchanged" }

    mutating func count(_ entity: String, added a: Int = 0, changed c: Int = 0, unchanged u: Int = 0) {
        added += a; changed += c; unchanged += u
        var e = byEntity[entity] ?? [0, 0, 0]
        e[0] += a; e[1] += c; e[2] += u
        byEntity[entity] = e
    }
}

/// Reads dchain's own export (`docs/export-format.md`) back into a database:
/// all or nothing (one transaction), idempotent (rows are found again by their
/// natural keys, `ExportEntity.match`, so a second import says `0 added, 0
/// changed, N unchanged`), never deleting. A changed row is updated and audited
/// like any edit. Ids are kept where the target database never handed them out
/// (an empty database gets the exporting database's ids, so every view that
/// shows ids is the same) and the sequences move past them; elsewhere rows get
/// new ids and the references in the file follow.
public struct JSONImport {
    let db: Database
    var c: Connection { db.connection }
    public init(_ db: Database) { self.db = db }

    /// Imports an export file. With `dryRun` every check and write runs and is rolled back.
    public func run(path: String, dryRun: Bool = false) throws -> ImportCounts {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                throw FileError(path: path, problem: "cannot be read", kind: .permission)
            }
            throw InputError(field: "file", value: path, problem: isDir.boolValue ? "is a directory" : "does not exist")
        }
        return try run(try ExportDocument.parse(data, file: (path as NSString).lastPathComponent), dryRun: dryRun)
    }

    /// Imports parsed accounts.
    public func run(_ accounts: [ExportedAccount], dryRun: Bool = false) throws -> ImportCounts {
        struct RolledBack: Error { let counts: ImportCounts }
        do {
            return try db.transaction { _ in
                var session = try Session(c, keepIDs: !dryRun)
                try session.reserveIDs(accounts)
                var imported: [(ExportedAccount, Int64)] = []
                for a in accounts { imported.append((a, try session.importAccount(a))) }
                for (a, id) in imported { try session.setParent(a, accountID: id) }
                if dryRun { throw RolledBack(counts: session.counts) }
                return session.counts
            }
        } catch let r as RolledBack {
            return r.counts
        }
    }
}

/// The state of one import: the shared tables' ids, which file ids are kept,
/// and the counts.
private struct Session {
    let c: Connection
    let keepIDs: Bool
    var counts = ImportCounts()
    /// Stage ids by pipeline key and stage key; pipeline ids by key.
    var stages: [String: [String: Int64]] = [:]
    var pipelines: [String: Int64] = [:]
    var users: [String: Int64] = [:]
    var teams: [String: Int64] = [:]
    /// Per table: file ids above this were never handed out by the target's sequence and are kept.
    var keepAbove: [String: Int64] = [:]

    init(_ c: Connection, keepIDs: Bool) throws {
        self.c = c
        self.keepIDs = keepIDs
        for r in try c.query("SELECT s.id, s.key, p.key AS pipeline, p.id AS pipeline_id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id") {
            let p: String = try r.decode("pipeline"), key: String = try r.decode("key")
            let id: Int64 = try r.decode("id"), pipelineID: Int64 = try r.decode("pipeline_id")
            stages[p, default: [:]][key] = id
            pipelines[p] = pipelineID
        }
    }

    /// For each table: which file ids can be kept (those its sequence never
    /// handed out), and the sequence moved past the largest, so rows added
    /// later by anyone never collide with them. Needs the right to set the
    /// sequence (the tables' owner); otherwise every row gets a new id.
    mutating func reserveIDs(_ accounts: [ExportedAccount]) throws {
        guard keepIDs else { return }
        let entities = [ExportFormat.account] + ExportFormat.entities.filter(\.hasID)
        for entity in entities {
            let ids = entity.key == "account" ? accounts.compactMap { Int64($0.account["id"] ?? "") }
                : accounts.flatMap { ($0.rows[entity.key] ?? []).compactMap { Int64($0["id"] ?? "") } }
            guard let top = ids.max() else { continue }
            guard let row = try c.queryRow("""
                SELECT coalesce(pg_sequence_last_value(q.seq::regclass), 0) AS last, has_sequence_privilege(q.seq, 'UPDATE') AS can
                FROM (SELECT pg_get_serial_sequence($1, 'id') AS seq) q WHERE q.seq IS NOT NULL
                """, [entity.table]), try row.decode("can", as: Bool.self) else { continue }
            let last: Int64 = try row.decode("last")
            guard top > last else { continue }
            try c.query("SELECT setval(pg_get_serial_sequence($1, 'id'), $2)", [entity.table, top])
            keepAbove[entity.table] = last
        }
    }

    // MARK: accounts

    /// Finds (by code, else name) or adds the account and imports its rows; returns its id.
    mutating func importAccount(_ a: ExportedAccount) throws -> Int64 {
        let file = a.account
        let entity = ExportFormat.account
        var values = try resolve(file, entity, ids: [:], pipeline: nil)
        values["parent_id"] = nil
        let existing = try c.queryRow("""
            SELECT id FROM account WHERE code = $1 OR name = $2 ORDER BY (code = $1) DESC NULLS LAST, id LIMIT 1
            """, [file["code"], file["name"] ?? ""])
        let id: Int64
        if let existing {
            id = try existing.decode("id")
            let current = try currentRows(entity, accountID: id).first?.row ?? [:]
            var differs = false
            for f in entity.fields where f.kind != .id && f.reference != .account {
                // No team in the file: the account stays with the team it has.
                if f.reference == .team && file[f.key] == nil { values[f.column] = nil; continue }
                if current[f.key] != file[f.key] { differs = true }
            }
            if differs {
                try write(file, "account", file) { try update(entity.table, values, key: ["id": String(id)]) }
                counts.count("account", changed: 1)
            } else {
                counts.count("account", unchanged: 1)
            }
        } else {
            if let fileID = file["id"], let n = Int64(fileID), n > keepAbove["account", default: .max] { values["id"] = fileID }
            if file["team"] == nil { values["team_id"] = nil }
            id = try write(file, "account", file) { try insert(entity.table, values) }
            counts.count("account", added: 1)
        }
        var ids: [String: [String: Int64]] = [:]
        var dealPipelines: [String: String] = [:]   // target deal id → pipeline key
        for entity in ExportFormat.entities {
            try importRows(entity, a.rows[entity.key] ?? [], account: file, accountID: id, ids: &ids, dealPipelines: &dealPipelines)
        }
        return id
    }

    /// Runs one row's write; a value the database refuses (a CHECK, a key, a
    /// malformed date) becomes an InputError naming the account, entity and
    /// row id of the file (exit 65); other errors (permission) pass as they are.
    func write<T>(_ account: ExportRow, _ entity: String, _ row: ExportRow, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let PostgresError.server(e) where e.isIntegrityViolation || e.isDataException {
            let which = row["id"].map { " id \($0)" } ?? row.filter { $0.key.hasSuffix("_id") }.sorted { $0.key < $1.key }
                .map { " \($0.key) \($0.value)" }.joined()
            throw InputError(field: "account \"\(account["name"] ?? "")\" \(entity)\(which)", value: e.constraint ?? e.column ?? e.sqlState,
                             problem: "is rejected by the database: \(e.description)")
        }
    }

    /// Sets the parent accounts once every account of the file is in.
    mutating func setParent(_ a: ExportedAccount, accountID: Int64) throws {
        let current: String? = try c.queryRow("SELECT (SELECT p.name FROM account p WHERE p.id = a.parent_id) AS parent FROM account a WHERE a.id = $1",
                                              [accountID])?.decodeIfPresent("parent")
        guard current != a.account["parent"] else { return }
        var parentID: Int64?
        if let name = a.account["parent"] {
            guard let p = try c.queryRow("SELECT id FROM account WHERE name = $1 OR code = $1 ORDER BY (name = $1) DESC LIMIT 1", [name]) else {
                throw InputError(field: "account \(a.account["name"] ?? "").parent", value: name,
                                 problem: "is neither in the file nor an account of this database")
            }
            parentID = try p.decode("id")
        }
        try c.execute("UPDATE account SET parent_id = $2 WHERE id = $1", [accountID, parentID])
    }

    // MARK: rows of an account

    /// Matches the file's rows of one entity to the account's rows by natural
    /// key, adds the rest, then sets references to rows of the same entity
    /// (a unit's parent, who a stakeholder reports to) and updates what differs.
    mutating func importRows(_ entity: ExportEntity, _ fileRows: [ExportRow], account: ExportRow, accountID: Int64,
                             ids: inout [String: [String: Int64]], dealPipelines: inout [String: String]) throws {
        let rows = fileRows.sorted { (Int64($0["id"] ?? "") ?? 0) < (Int64($1["id"] ?? "") ?? 0) }
        let current = try currentRows(entity, accountID: accountID)
        if entity.key == "deals" {
            for r in current { if let id = r.id, let p = r.row["pipeline"] { dealPipelines[String(id)] = p } }
        }
        // Natural key → the account's rows with it, oldest first.
        var queues: [String: [Int]] = [:]
        for (i, r) in current.enumerated() { queues[matchKey(r.row, entity), default: []].append(i) }
        let selfRefs = entity.fields.filter { $0.reference == .entity(entity.key) }
        var matched: [Int?] = []
        for r in rows {
            let key = matchKey(mapped(r, entity, ids: ids), entity)
            if var q = queues[key], !q.isEmpty {
                matched.append(q.removeFirst())
                queues[key] = q
            } else {
                matched.append(nil)
            }
        }
        // Add the rows not found, references to their own entity left for the second pass.
        var added = Set<Int>()
        for (i, r) in rows.enumerated() where matched[i] == nil {
            var values = try resolve(r, entity, ids: ids, pipeline: pipeline(of: r, entity, ids: ids, dealPipelines))
            for f in selfRefs { values[f.column] = .some(nil) }
            values["account_id"] = String(accountID)
            if entity.hasID, let fileID = r["id"], let n = Int64(fileID), n > keepAbove[entity.table, default: .max] {
                values["id"] = fileID
            }
            let newID = try write(account, entity.key, r) { try insert(entity.table, values, returning: entity.hasID) }
            if entity.hasID, let fileID = r["id"] { ids[entity.key, default: [:]][fileID] = newID }
            if entity.key == "deals", let p = r["pipeline"] { dealPipelines[String(newID)] = p }
            added.insert(i)
        }
        for (i, r) in rows.enumerated() {
            if let m = matched[i], entity.hasID, let fileID = r["id"], let id = current[m].id { ids[entity.key, default: [:]][fileID] = id }
        }
        // Second pass: self references of added rows; every field of found rows.
        for (i, r) in rows.enumerated() {
            let key = try primaryKey(r, entity, ids: ids, accountID: accountID, current: matched[i].map { current[$0] })
            if added.contains(i) {
                let refs = selfRefs.filter { r[$0.key] != nil }
                if !refs.isEmpty {
                    let values = try resolve(r, entity, ids: ids, pipeline: nil, only: refs)
                    try write(account, entity.key, r) { try update(entity.table, values, key: key) }
                }
                counts.count(entity.key, added: 1)
                continue
            }
            let have = current[matched[i]!].row
            let want = mapped(r, entity, ids: ids)
            if entity.fields.allSatisfy({ $0.kind == .id || have[$0.key] == want[$0.key] }) {
                counts.count(entity.key, unchanged: 1)
            } else {
                var values = try resolve(r, entity, ids: ids, pipeline: pipeline(of: r, entity, ids: ids, dealPipelines))
                values["id"] = nil
                try write(account, entity.key, r) { try update(entity.table, values, key: key) }
                counts.count(entity.key, changed: 1)
            }
        }
    }

    /// The account's rows of an entity in export form (references to its own
    /// rows as this database's ids), oldest first.
    func currentRows(_ entity: ExportEntity, accountID: Int64) throws -> [(id: Int64?, row: ExportRow)] {
        let column = entity.key == "account" ? "t.id" : "t.account_id"
        return try c.query(ExportStore.select(entity, filter: column, all: false), [accountID]).map { r in
            (entity.hasID ? try r.decode("id") : nil, ExportStore.exportRow(r, entity))
        }
    }

    /// A file row with its references to rows of the same account turned into this database's ids.
    func mapped(_ r: ExportRow, _ entity: ExportEntity, ids: [String: [String: Int64]]) -> ExportRow {
        var out = r
        for f in entity.fields {
            guard case let .entity(target) = f.reference, let v = r[f.key] else { continue }
            out[f.key] = ids[target]?[v].map { String($0) } ?? (target == entity.key ? "pending:\(v)" : "missing:\(v)")
        }
        return out
    }

    func matchKey(_ r: ExportRow, _ entity: ExportEntity) -> String {
        entity.match.map { r[$0] ?? "\u{0}" }.joined(separator: "\u{1F}")
    }

    /// The pipeline a row's stage key is read in: its own (a deal), else its deal's.
    func pipeline(of r: ExportRow, _ entity: ExportEntity, ids: [String: [String: Int64]], _ dealPipelines: [String: String]) -> String? {
        if entity.key == "deals" { return r["pipeline"] }
        guard let deal = r["deal_id"], let id = ids["deals"]?[deal] else { return nil }
        return dealPipelines[String(id)]
    }

    /// Column → value as bound text (`.some(nil)` is NULL) for a file row:
    /// references resolved to this database's ids. With `only`, just those fields.
    mutating func resolve(_ r: ExportRow, _ entity: ExportEntity, ids: [String: [String: Int64]], pipeline: String?,
                          only: [ExportField]? = nil) throws -> [String: String?] {
        var out: [String: String?] = [:]
        let fields = only ?? entity.fields.filter { $0.kind != .id }
        let pipelineKey = pipeline
        for f in fields {
            let where_ = "\(entity.key == "account" ? "account" : entity.key) \(r["id"].map { "#\($0)" } ?? "").\(f.key)"
            guard let v = r[f.key] else { out[f.column] = .some(nil); continue }
            switch f.reference {
            case let .entity(target):
                out[f.column] = .some(ids[target]?[v].map { String($0) })
            case .stage:
                let candidates = pipelineKey.map { [$0] } ?? stages.keys.sorted()
                let found = candidates.compactMap { stages[$0]?[v] }
                guard found.count == 1 else {
                    throw InputError(field: where_, value: v, problem: found.isEmpty ? "is not a stage of pipeline \(candidates.joined(separator: ", "))"
                                     : "is a stage of several pipelines; the row needs a deal")
                }
                out[f.column] = String(found[0])
            case .pipeline:
                guard let id = pipelines[v] else {
                    throw InputError(field: where_, value: v, problem: "is not a pipeline (\(pipelines.keys.sorted().joined(separator: ", ")))")
                }
                out[f.column] = String(id)
            case .user:
                if users[v] == nil { users[v] = try Resolver(connection: c).userID(login: v) }
                out[f.column] = String(users[v]!)
            case .team:
                if teams[v] == nil { teams[v] = try Resolver(connection: c).teamID(name: v) }
                out[f.column] = String(teams[v]!)
            case .account:
                out[f.column] = .some(nil)   // set by setParent once every account is in
            case nil:
                out[f.column] = v
            }
        }
        return out
    }

    /// The key that updates one row: its id, or for participants its touchpoint and stakeholder.
    func primaryKey(_ r: ExportRow, _ entity: ExportEntity, ids: [String: [String: Int64]], accountID: Int64,
                    current: (id: Int64?, row: ExportRow)?) throws -> [String: String] {
        if entity.hasID {
            let id = current?.id ?? r["id"].flatMap { ids[entity.key]?[$0] }
            return ["account_id": String(accountID), "id": String(id!)]
        }
        let m = mapped(r, entity, ids: ids)
        var key = ["account_id": String(accountID)]
        for k in entity.match { if let f = entity.fields.first(where: { $0.key == k }) { key[f.column] = m[k] ?? "" } }
        return key
    }

    // MARK: SQL

    /// INSERT with bound values; returns the new row's id (0 without `returning`).
    func insert(_ table: String, _ values: [String: String?], returning: Bool = true) throws -> Int64 {
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.map(Connection.quoteIdentifier).joined(separator: ", "))) VALUES ("
            + columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ") + ")" + (returning ? " RETURNING id" : "")
        let params: [any PostgresEncodable] = columns.map { values[$0]! }
        if returning { return try c.queryRow(sql, params)!.decode("id") }
        try c.execute(sql, params)
        return 0
    }

    func update(_ table: String, _ values: [String: String?], key: [String: String]) throws {
        let columns = values.keys.filter { key[$0] == nil }.sorted()
        guard !columns.isEmpty else { return }
        let keys = key.keys.sorted()
        let sql = "UPDATE \(table) SET " + columns.enumerated().map { "\(Connection.quoteIdentifier($1)) = $\($0 + 1)" }.joined(separator: ", ")
            + " WHERE " + keys.enumerated().map { "\(Connection.quoteIdentifier($1)) = $\(columns.count + $0 + 1)" }.joined(separator: " AND ")
        let params: [any PostgresEncodable] = columns.map { values[$0]! } + keys.map { key[$0]! }
        try c.execute(sql, params)
    }
}
