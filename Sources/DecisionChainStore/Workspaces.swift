import DecisionChain
import Postgres

/// Workspaces (isolated schemas `ws_<name>`) and the names they were created
/// under. Names fold to a schema (lower case, `-` as `_`), so `team-a`,
/// `team_a` and `Team-A` would share one: the name a workspace was created
/// with is recorded as its schema's comment, and another name that folds to
/// the same schema is refused instead of silently sharing it.
public enum Workspaces {
    /// Lets `name` (whose schema is `schema`) be used as `use` says: refuses a
    /// name that collides with another workspace's, refuses an unknown one
    /// for read commands (exit 65 listing the existing ones), and creates it
    /// for write commands.
    static func admit(_ name: String, schema: String, use: Database.WorkspaceUse, on c: Connection) throws {
        if let row = try c.queryRow("SELECT obj_description(oid, 'pg_namespace') AS name FROM pg_namespace WHERE nspname = $1", [schema]) {
            let recorded: String? = try row.decodeIfPresent("name")
            if let recorded, recorded != name { throw collision(name, recorded, schema) }
            if recorded == nil, use == .create { try claim(name, schema: schema, on: c) }
            return
        }
        switch use {
        case .create: try claim(name, schema: schema, on: c)
        case .probe: return
        case .mustExist:
            let existing = try list(on: c)
            throw DomainError("workspace \"\(name)\" does not exist; "
                              + (existing.isEmpty ? "there are no workspaces yet" : "existing workspaces: " + existing.joined(separator: ", "))
                              + " (commands that write create a workspace on first use)")
        }
    }

    /// Creates the workspace's schema if needed and records `name` as its
    /// owner, under the migration lock of that schema so two first uses with
    /// colliding names cannot both claim it.
    public static func claim(_ name: String, schema: String, on c: Connection) throws {
        try c.transaction { c in
            try c.query("SELECT pg_advisory_xact_lock(hashtext('dchain.migrate'), hashtext($1))", [schema])
            let recorded: String? = try c.queryRow("SELECT obj_description(oid, 'pg_namespace') AS name FROM pg_namespace WHERE nspname = $1",
                                                   [schema])?.decodeIfPresent("name")
            if let recorded {
                guard recorded == name else { throw collision(name, recorded, schema) }
                return
            }
            try c.run(script: "CREATE SCHEMA IF NOT EXISTS \(try c.escapeIdentifier(schema))")
            // COMMENT takes no parameters: format() quotes both values server-side.
            let sql: String = try c.queryRow("SELECT format('COMMENT ON SCHEMA %I IS %L', $1::text, $2::text) AS sql", [schema, name])!.decode("sql")
            try c.run(script: sql)
        }
    }

    /// The names of the existing workspaces (their schemas' recorded names).
    public static func list(on c: Connection) throws -> [String] {
        try c.query("""
            SELECT coalesce(obj_description(oid, 'pg_namespace'), substr(nspname, 4)) AS name FROM pg_namespace
            WHERE nspname LIKE 'ws\\_%' ORDER BY 1
            """).map { try $0.decode("name") }
    }

    static func collision(_ name: String, _ recorded: String, _ schema: String) -> DomainError {
        DomainError("workspace \"\(name)\" collides with the existing workspace \"\(recorded)\" (both fold to schema \(schema)); "
                    + "use --workspace \(recorded) for that one, or choose a name that differs in more than case, - and _")
    }
}
