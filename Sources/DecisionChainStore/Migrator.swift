import DecisionChainSchema
import Postgres

/// Applies the embedded migrations that a database (or workspace schema) is
/// missing: in one transaction, under an advisory lock, each recorded with
/// its checksum. Safe to run twice or from two processes at once.
public enum Migrator {
    /// The newest schema version this binary knows.
    public static var latestVersion: Int { SchemaMigrations.all.last?.version ?? 0 }

    /// Every version this binary knows, oldest first.
    public static var versions: [Int] { SchemaMigrations.all.map(\.version) }

    /// Migrates the current schema (the first on the search path). Returns the
    /// versions applied now (empty when up to date).
    @discardableResult
    public static func migrate(_ conn: Connection, schema: String = "public") throws -> [Int] {
        try conn.transaction { c in
            try c.query("SELECT pg_advisory_xact_lock(hashtext('dchain.migrate'), hashtext($1))", [schema])
            // A workspace's schema is created here, under the lock, so two first uses do not race.
            if schema != "public" { try c.run(script: "CREATE SCHEMA IF NOT EXISTS \(try c.escapeIdentifier(schema))") }
            try c.run(script: """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     int PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """)
            // Once a schema's tables belong to dchain_owner (0008_teams), migrations run as that
            // role, so what they create belongs to it too; one who may not is told to ask.
            let owner = try c.queryRow("""
                SELECT pg_get_userbyid(relowner) = 'dchain_owner' AS owned,
                       pg_get_userbyid(relowner) = 'dchain_owner' AND pg_has_role(relowner, 'MEMBER') AS may
                FROM pg_class WHERE oid = to_regclass('schema_migrations')
                """)
            let ownedByOwner = try owner?.decode("owned", as: Bool.self) ?? false
            let mayActAsOwner = try owner?.decode("may", as: Bool.self) ?? false
            var applied: [Int: String] = [:]
            for row in try c.query("SELECT version, checksum FROM schema_migrations") {
                applied[try row.decode("version")] = try row.decode("checksum")
            }
            if let newest = applied.keys.max(), newest > latestVersion {
                throw StoreError.schemaTooNew(version: newest, known: latestVersion)
            }
            var done: [Int] = []
            let pending = SchemaMigrations.all.filter { applied[$0.version] == nil }
            if !pending.isEmpty && ownedByOwner {
                guard mayActAsOwner else {
                    throw StoreError.notPermitted("database schema is at version \(applied.keys.max() ?? 0), this dchain needs \(latestVersion); ask a database owner (member of dchain_owner) to run `dchain db migrate`")
                }
                try adoptFunctions(c)
                try c.run(script: "SET LOCAL ROLE dchain_owner")
            }
            for m in SchemaMigrations.all {
                let sum: String = try c.queryRow("SELECT md5($1) AS sum", [m.sql])!.decode("sum")
                if let recorded = applied[m.version] {
                    guard recorded == sum else { throw StoreError.migrationChanged(name: m.name) }
                    continue
                }
                try c.run(script: m.sql)
                try c.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                              [m.version, m.name, sum])
                done.append(m.version)
            }
            if !done.isEmpty && !ownedByOwner { try adoptFunctions(c) }
            // Row-level security and privileges for every table, those just added included.
            if !done.isEmpty, try c.queryRow("SELECT to_regproc('dchain_secure_schema') IS NOT NULL AS e")?.decode("e", as: Bool.self) == true {
                try c.query("SELECT dchain_secure_schema()")
            }
            return done
        }
    }

    /// Gives dchain_owner the schema's functions that another role made — the
    /// first migration runs as whoever creates the database, often a superuser —
    /// where the migrating role may: a SECURITY DEFINER trigger must not run as a
    /// superuser, and later migrations (run as dchain_owner) must be able to
    /// replace them. The user-management functions stay dchain_usermgr's, and a
    /// workspace's functions their trainer's (its tables are not dchain_owner's).
    static func adoptFunctions(_ c: Connection) throws {
        let mine = try c.query("""
            SELECT p.oid::regprocedure::text AS f FROM pg_proc p
            WHERE p.pronamespace = current_schema()::regnamespace AND current_schema() NOT LIKE 'ws\\_%'
              AND to_regrole('dchain_owner') IS NOT NULL AND pg_has_role('dchain_owner', 'MEMBER')
              AND pg_get_userbyid(p.proowner) NOT IN ('dchain_owner', 'dchain_usermgr')
              AND pg_has_role(p.proowner, 'MEMBER') AND p.prokind IN ('f', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            """)
        for row in mine {
            try c.run(script: "ALTER ROUTINE \(try row.decode("f", as: String.self)) OWNER TO dchain_owner")
        }
    }

    /// The highest applied version, or 0 for a database never migrated.
    public static func currentVersion(_ conn: Connection) throws -> Int {
        let exists = try conn.queryRow("SELECT to_regclass('schema_migrations') IS NOT NULL AS e")?.decode("e", as: Bool.self) ?? false
        guard exists else { return 0 }
        return try conn.queryRow("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")?.decode("v") ?? 0
    }
}
