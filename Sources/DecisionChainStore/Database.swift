import Foundation
import Postgres

/// An open, migrated DecisionChain database: a connection whose search path
/// is the workspace's schema and whose audit actor is the dchain user.
public final class Database {
    /// The underlying connection.
    public let connection: Connection
    /// The schema the data lives in: `public`, or `ws_<name>` for a workspace.
    public let schema: String
    /// Who changes are audited as (dchain user login).
    public let actor: String

    /// Where to find the server.
    public enum Location: Sendable {
        /// Any libpq conninfo or postgres:// URL (a shared server).
        case conninfo(String)
        /// dchain's own cluster in this home directory.
        case embedded(EmbeddedCluster)
    }

    /// `--db`, else `DCHAIN_DB`, else the embedded cluster in `DCHAIN_HOME`.
    public static func location(db: String?, environment env: [String: String] = ProcessInfo.processInfo.environment) -> Location {
        if let db, !db.isEmpty { return .conninfo(db) }
        if let db = env["DCHAIN_DB"], !db.isEmpty { return .conninfo(db) }
        return .embedded(EmbeddedCluster(home: EmbeddedCluster.defaultHome(environment: env)))
    }

    /// The schema of a workspace; nil or empty is the live data (`public`).
    /// Names are letters (Chinese too), digits, `-` and `_`; the schema is
    /// `ws_<name>`, lower-cased, within PostgreSQL's 63-byte identifier limit.
    public static func schema(forWorkspace workspace: String?) throws -> String {
        guard let w = workspace, !w.isEmpty else { return "public" }
        let schema = "ws_" + w.lowercased().replacingOccurrences(of: "-", with: "_")
        guard w.range(of: "^[\\p{L}\\p{N}_-]+$", options: .regularExpression) != nil, schema.utf8.count <= 63 else {
            throw StoreError.rule("workspace \"\(w)\" is not a valid name; use letters, digits, - and _ (at most 60 bytes)")
        }
        return schema
    }

    /// Opens the database, starting the embedded cluster on first use, and
    /// migrates it when it is behind (every command migrates on first use).
    public static func open(_ location: Location, workspace: String? = nil, actor: String, migrate: Bool = true) throws -> Database {
        let schema = try schema(forWorkspace: workspace)
        let conn: Connection
        switch location {
        case let .conninfo(info):
            conn = try Connection(info)
        case let .embedded(cluster):
            do {
                conn = try Connection(cluster.conninfo)
            } catch PostgresError.connectionFailed {
                // Not started yet, or its database is missing: set it up, then retry once.
                try cluster.ensureRunning()
                conn = try Connection(cluster.conninfo)
            }
        }
        let db = Database(connection: conn, schema: schema, actor: actor)
        try db.prepareSession(migrate: migrate)
        return db
    }

    init(connection: Connection, schema: String, actor: String) {
        self.connection = connection; self.schema = schema; self.actor = actor
    }

    /// Sets the actor, search path and time zone, reads the schema version and
    /// migrates when it is behind: one round trip on the fast path. The version
    /// is read through `query_to_xml` so a schema never migrated yields NULL
    /// instead of an error (the quoted schema name is the only thing spliced).
    func prepareSession(migrate: Bool) throws {
        let path = try connection.escapeIdentifier(schema)
        let row = try connection.queryRow("""
            SELECT set_config('dchain.user', $1, false) AS u, set_config('search_path', $2, false) AS p,
                   set_config('TimeZone', $3, false) AS tz,
                   CASE WHEN to_regclass($2 || '.schema_migrations') IS NOT NULL THEN
                       (xpath('/row/v/text()', query_to_xml('SELECT max(version) AS v FROM ' || $2 || '.schema_migrations',
                                                            false, true, '')))[1]::text::int
                   END AS v
            """, [actor, path, Database.timeZone])
        let version: Int? = try row?.decodeIfPresent("v")
        if version == Migrator.latestVersion || !migrate { return }
        try Migrator.migrate(connection, schema: schema)
    }

    /// The time zone touchpoint times are read and written in: `DCHAIN_TZ`,
    /// else `TZ`, else UTC.
    public static var timeZone: String {
        let env = ProcessInfo.processInfo.environment
        for key in ["DCHAIN_TZ", "TZ"] { if let v = env[key], !v.isEmpty, !v.hasPrefix(":") { return v } }
        return "UTC"
    }

    /// Runs `body` in one transaction on this database.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Applied schema version.
    public func schemaVersion() throws -> Int { try Migrator.currentVersion(connection) }
}
