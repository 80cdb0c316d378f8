import DecisionChain
import Postgres

/// The last change a login made, read from the audit log, and undoing it
/// (`undo_transaction` in 0005_corrections.sql): one transaction, audited.
public struct UndoStore {
    let db: Connection
    let actor: String
    public init(_ db: Database) { self.db = db.connection; self.actor = db.actor }

    /// One change: the transaction, when it was made and its audited rows, oldest first.
    public struct Change: Sendable {
        public var xact: Int64
        public var at: String
        public var rows: [UndoDescription.Row]
    }

    /// The actor's latest change within `withinMinutes` that is neither undone nor itself an undo.
    public func lastChange(withinMinutes: Int = 60) throws -> Change? {
        guard let head = try db.queryRow("""
            SELECT l.xact, to_char(max(l.at), 'YYYY-MM-DD HH24:MI:SS') AS at FROM audit_log l
            WHERE l.actor = $1 AND l.xact IS NOT NULL AND l.at > now() - make_interval(mins => $2)
              AND NOT EXISTS (SELECT 1 FROM audit_undo u WHERE u.undone_xact = l.xact OR u.undo_xact = l.xact)
            GROUP BY l.xact ORDER BY max(l.id) DESC LIMIT 1
            """, [actor, withinMinutes]) else { return nil }
        let xact: Int64 = try head.decode("xact")
        let rows = try db.query("""
            SELECT l.table_name, l.op, (coalesce(l.after, l.before) ->> 'id')::bigint AS id,
                   coalesce(l.after, l.before) ->> CASE WHEN l.table_name LIKE 'touchpoint%' THEN 'summary'
                                                        WHEN l.table_name LIKE 'pain_point%' OR l.table_name = 'plan_item' THEN 'text'
                                                        WHEN l.table_name = 'deal_stage_history' THEN 'entered_on'
                                                        WHEN l.table_name = 'buying_influence' THEN 'role'
                                                        ELSE 'name' END AS label,
                   l.after ->> 'action' AS action,
                   (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(l.after) k
                    WHERE l.op = 'UPDATE' AND l.after -> k IS DISTINCT FROM l.before -> k) AS changed
            FROM audit_log l WHERE l.xact = $1 ORDER BY l.id
            """, [xact]).map {
            UndoDescription.Row(table: try $0.decode("table_name"), operation: try $0.decode("op"), id: try $0.decodeIfPresent("id"),
                                label: try $0.decodeIfPresent("label") ?? $0.decodeIfPresent("action"),
                                changed: (try $0.decodeIfPresent("changed", as: String.self))?.split(separator: ",").map(String.init) ?? [])
        }
        return Change(xact: xact, at: try head.decode("at"), rows: rows)
    }

    /// Undoes a change in one statement; returns the number of rows set back.
    /// A row changed since (by anyone) refuses the whole undo (SQLSTATE 40001).
    public func undo(_ change: Change) throws -> Int {
        do {
            return try db.queryRow("SELECT undo_transaction($1, $2) AS n", [change.xact, actor])!.decode("n")
        } catch let PostgresError.server(e) where ["40001", "55000", "23503", "23505"].contains(e.sqlState) {
            // Changed since, already undone, or in the way of later data: a refusal, not a failure.
            throw StoreError.rule("cannot undo (SQLSTATE \(e.sqlState)): \(e.message)")
        }
    }
}
