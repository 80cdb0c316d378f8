import Foundation
import Postgres

/// An open, migrated DecisionChain database: a connection whose search path
/// is the workspace's schema; its actor is the login it connected as.
public final class Database {
    /// The underlying connection.
    public let connection: Connection
    /// The schema the data lives in: `public`, or `ws_<name>` for a workspace.
    public let schema: String
    /// Who changes are recorded as: the PostgreSQL login (`session_user`), the
    /// same name the audit trigger and the `logged_by` stamp use on the server.
    /// No client setting (`DCHAIN_USER`) changes it.
    public let actor: String

    /// Where to find the server.
    public enum Location: Sendable {
        /// Any libpq conninfo or postgres:// URL (a shared server).
        case conninfo(String)
        /// dchain's own cluster in this home directory.
        case embedded(EmbeddedCluster)

        /// The conninfo to connect with.
        public var conninfo: String {
            switch self {
            case let .conninfo(info): return info
            case let .embedded(cluster): return cluster.loginConninfo
            }
        }
    }

    /// `--db`, else `DCHAIN_DB`, else the embedded cluster in `DCHAIN_HOME`.
    public static func location(db: String?, environment env: (String) -> String? = Environment.value) -> Location {
        if let db, !db.isEmpty { return .conninfo(db) }
        if let db = env("DCHAIN_DB") { return .conninfo(db) }
        return .embedded(EmbeddedCluster.at(home: EmbeddedCluster.defaultHome(environment: env)))
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

    /// Whether `open` may create the workspace it is given.
    public enum WorkspaceUse: Sendable {
        /// A write command: the workspace is created on first use.
        case create
        /// A read command: an unknown workspace is refused, listing the existing ones.
        case mustExist
        /// Look without creating or refusing (case commands check existence themselves).
        case probe
    }

    /// When `open` compares the schema with this binary's migrations.
    public enum SchemaCheck: Sendable {
        /// Read the version now and migrate when behind (every command's default).
        case now
        /// Leave the schema as it is (`db status`, probing a trainee's workspace).
        case never
        /// The command's first query reads the version itself: see `firstQuery`.
        case inFirstQuery
    }

    /// Opens the database, starting the embedded cluster on first use, and
    /// migrates it when it is behind (every command migrates on first use).
    /// `actor` is sent as the session setting `dchain.user` for tools that
    /// show it; what is recorded is the login (see `actor`).
    public static func open(_ location: Location, workspace: String? = nil, actor: String,
                            check: SchemaCheck = .now, workspaceUse: WorkspaceUse = .create) throws -> Database {
        let schema = try schema(forWorkspace: workspace)
        if let early = EarlyConnection.shared.claim(conninfo: location.conninfo, schema: schema, actor: actor) {
            let db = Database(connection: early.connection, schema: schema, actor: actor)
            if let workspace { try Workspaces.admit(workspace, schema: schema, use: workspaceUse, on: db.connection) }
            try db.check(check, version: early.version)
            return db
        }
        let settings = sessionSettings(schema: schema, actor: actor)
        func connect(_ info: String) throws -> Connection {
            do {
                return try Connection(info, settings: settings)
            } catch let PostgresError.connectionFailed(_, reason) where reason.contains("\"TimeZone\"") {
                throw StoreError.timeZone(timeZone)
            }
        }
        let conn: Connection
        switch location {
        case let .conninfo(info):
            conn = try connect(info)
        case let .embedded(cluster):
            do {
                conn = try connect(cluster.loginConninfo)
            } catch PostgresError.connectionFailed {
                // Not started yet, its database or the OS user's login missing: set it up, then retry once.
                try cluster.ensureRunning()
                try cluster.ensureLogin()
                conn = try connect(cluster.loginConninfo)
            }
        }
        let db = Database(connection: conn, schema: schema, actor: actor)
        if let workspace { try Workspaces.admit(workspace, schema: schema, use: workspaceUse, on: db.connection) }
        try db.check(check, version: nil)
        return db
    }

    init(connection: Connection, schema: String, actor _: String) {
        self.connection = connection; self.schema = schema; self.actor = connection.user
    }

    /// Whether the schema still has to be compared by `firstQuery`.
    private var versionPending = false

    /// Applies `check`; `version` is the applied version when already read.
    private func check(_ check: SchemaCheck, version: Int??) throws {
        switch check {
        case .never: return
        case .inFirstQuery where version == nil: versionPending = true
        case .now, .inFirstQuery: try migrateIfBehind(version ?? Database.readVersion(connection))
        }
    }

    private func migrateIfBehind(_ version: Int?) throws {
        if version != Migrator.latestVersion { try Migrator.migrate(connection, schema: schema) }
    }

    /// The select-list item a command's first query carries when the database
    /// was opened with `.inFirstQuery`: the applied schema version, or NULL when
    /// the number of applied migrations is not the number this binary knows (a
    /// migration numbered below the newest was added later: a gap to fill).
    public static let versionColumn =
        "(SELECT CASE WHEN count(*) = \(Migrator.versions.count) THEN max(version) END FROM schema_migrations)"

    /// Runs the command's first query, which also reads `versionColumn`, so
    /// checking the schema costs no statement of its own. When the schema is
    /// behind (or missing, and the query failed for it) it migrates and runs
    /// the query again; when the schema was already checked it just runs it.
    public func firstQuery<T>(_ body: () throws -> (value: T, version: Int?)) throws -> T {
        guard versionPending else { return try body().value }
        versionPending = false
        do {
            let first = try body()
            if first.version == Migrator.latestVersion { return first.value }
            try migrateIfBehind(first.version)
        } catch let PostgresError.server(e) where e.sqlState == "42P01" || e.sqlState == "42703" {
            // undefined table or column: a schema never migrated, or an older one.
            try migrateIfBehind(try Database.readVersion(connection))
        }
        return try body().value
    }

    /// The audit actor, search path and time zone: sent with the connection
    /// request, so the server applies them as the session starts.
    static func sessionSettings(schema: String, actor: String) -> [(name: String, value: String)] {
        [("dchain.user", actor), ("search_path", Connection.quoteIdentifier(schema)), ("TimeZone", timeZone)]
    }

    /// The applied schema version of the schema on the search path (as
    /// `versionColumn` reads it); nil when it was never migrated (no
    /// `schema_migrations` table: undefined_table) or has a gap.
    static func readVersion(_ conn: Connection) throws -> Int? {
        do {
            return try conn.queryRow("SELECT \(versionColumn) AS v")?.decodeIfPresent("v")
        } catch let PostgresError.server(e) where e.sqlState == "42P01" {
            return nil
        }
    }

    /// The time zone touchpoint times are read and written in: `DCHAIN_TZ`,
    /// else `TZ`, else UTC.
    public static var timeZone: String {
        for key in ["DCHAIN_TZ", "TZ"] { if let v = Environment.value(key), !v.hasPrefix(":") { return v } }
        return "UTC"
    }

    /// Runs `body` in one transaction on this database.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Applied schema version.
    public func schemaVersion() throws -> Int { try Migrator.currentVersion(connection) }
}
