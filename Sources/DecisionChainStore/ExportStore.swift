import DecisionChain
import Postgres

/// Reads accounts with every row hanging off them, for `dchain export`, in
/// the shape of `ExportFormat`. Streams: one server-side cursor per table, all
/// ordered by account, read in batches inside one read-only repeatable-read
/// transaction (one consistent snapshot); only one account's rows are in
/// memory at a time. Row-level security applies: a rep reads their team's accounts.
public struct ExportStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// Rows fetched per round trip and cursor.
    static let batch = 500

    /// Calls `body` with each account (every visible one, or those whose ids
    /// are given), by id, with all its rows.
    public func each(accountIDs: [Int64]?, _ body: (ExportedAccount) throws -> Void) throws {
        let filter = accountIDs.map { PostgresArray($0.map { Optional(String($0)) }) }
        try db.transaction { c in
            try c.run(script: "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let accounts = try Cursor(c, name: "dchain_export_account", sql: Self.select(ExportFormat.account, filter: "t.id", all: true), filter)
            let children = try ExportFormat.entities.map {
                try Cursor(c, name: "dchain_export_\($0.table)", sql: Self.select($0, filter: "t.account_id", all: true), filter)
            }
            while let row = try accounts.next() {
                let id: Int64 = try row.decode("_account")
                var out = ExportedAccount(account: Self.exportRow(row, ExportFormat.account))
                for (entity, cursor) in zip(ExportFormat.entities, children) {
                    var rows: [ExportRow] = []
                    while let r = try cursor.peek() {
                        let owner: Int64 = try r.decode("_account")
                        if owner > id { break }
                        cursor.advance()
                        if owner == id { rows.append(Self.exportRow(r, entity)) }
                    }
                    out.rows[entity.key] = rows
                }
                try body(out)
            }
        }
    }

    /// The SELECT of an entity's rows in export form, ordered by account and id:
    /// `_account` and one column per field, named by its JSON key. With `all`,
    /// `$1` is an optional array of account ids; else `$1` is one account id.
    static func select(_ entity: ExportEntity, filter column: String, all: Bool) -> String {
        let columns = entity.fields.map { "\(expression($0)) AS \(Connection.quoteIdentifier($0.key))" }
        let order = entity.hasID ? "t.id" : entity.match.compactMap { k in entity.fields.first { $0.key == k }?.column }.map { "t.\($0)" }
            .joined(separator: ", ")
        let condition = all ? "($1::bigint[] IS NULL OR \(column) = ANY($1::bigint[]))" : "\(column) = $1"
        return "SELECT \(column) AS _account, " + columns.joined(separator: ", ")
            + " FROM \(entity.table) t WHERE \(condition) ORDER BY \(column), \(order)"
    }

    /// A field's value as text in export form: ids and numbers as PostgreSQL
    /// writes them, dates `YYYY-MM-DD`, instants in UTC with microseconds,
    /// references to shared tables by key, login or name.
    static func expression(_ f: ExportField) -> String {
        let col = "t.\(f.column)"
        switch f.reference {
        case .stage: return "(SELECT s.key FROM stage s WHERE s.id = \(col))"
        case .pipeline: return "(SELECT p.key FROM pipeline p WHERE p.id = \(col))"
        case .user: return "(SELECT u.login FROM app_user u WHERE u.id = \(col))"
        case .team: return "(SELECT tm.name FROM team tm WHERE tm.id = \(col))"
        case .account: return "(SELECT pa.name FROM account pa WHERE pa.id = \(col))"
        case .entity, nil:
            switch f.kind {
            case .timestamp: return "to_char(\(col) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
            case .date: return "to_char(\(col), 'YYYY-MM-DD')"
            case .time: return "to_char(\(col), 'HH24:MI:SS')"
            default: return "\(col)::text"
            }
        }
    }

    static func exportRow(_ row: Row, _ entity: ExportEntity) -> ExportRow {
        var out = ExportRow()
        for f in entity.fields { if let v = row[f.key] { out[f.key] = v } }
        return out
    }
}

/// A server-side cursor read in batches (`DECLARE` … `FETCH n`), inside the caller's transaction.
final class Cursor {
    let connection: Connection
    let name: String
    private var buffer: [Row] = []
    private var index = 0
    private var exhausted = false

    init(_ connection: Connection, name: String, sql: String, _ parameter: (any PostgresEncodable)?) throws {
        self.connection = connection
        self.name = name
        let bound: any PostgresEncodable = parameter ?? (nil as String?)
        try connection.execute("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", [bound])
    }

    /// The next row without consuming it; nil at the end.
    func peek() throws -> Row? {
        if index >= buffer.count {
            guard !exhausted else { return nil }
            buffer = try connection.query("FETCH \(ExportStore.batch) FROM \(name)")
            index = 0
            if buffer.count < ExportStore.batch { exhausted = true }
            if buffer.isEmpty { return nil }
        }
        return buffer[index]
    }

    func advance() { index += 1 }

    /// The next row, consumed.
    func next() throws -> Row? {
        let r = try peek()
        if r != nil { advance() }
        return r
    }
}
