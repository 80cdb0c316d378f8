import DecisionChain
import Postgres

/// Pain points and needs: listing them, responding, resolving.
public struct PainPointStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    static let columns = """
        pp.account_id, pp.id, pp.touchpoint_id, pp.stakeholder_id, pp.deal_id, s.key AS stage_key, pp.kind, pp.text,
        pp.severity, pp.status, pp.response, pp.raised_on
        """

    /// The pain points of an account (only open ones with `openOnly`), newest first.
    public func list(accountID: Int64, openOnly: Bool = false) throws -> [PainPoint] {
        try db.query("""
            SELECT \(Self.columns) FROM pain_point pp LEFT JOIN stage s ON s.id = pp.stage_id
            WHERE pp.account_id = $1 AND (NOT $2 OR pp.status = 'open') ORDER BY pp.raised_on DESC, pp.id DESC
            """, [accountID, openOnly]).map(PainPoint.init(row:))
    }

    /// One pain point by id.
    public func get(_ id: Int64) throws -> PainPoint {
        guard let row = try db.queryRow("SELECT \(Self.columns) FROM pain_point pp LEFT JOIN stage s ON s.id = pp.stage_id WHERE pp.id = $1", [id]) else {
            throw StoreError.notFound(kind: "pain point", reference: String(id), scope: nil, candidates: [])
        }
        return try PainPoint(row: row)
    }

    /// Records our response; an open pain point becomes addressed.
    public func respond(_ id: Int64, response: String, on day: Day) throws -> PainPoint {
        let p = try get(id)
        try db.execute("""
            UPDATE pain_point SET response = $3, responded_on = $4, status = CASE WHEN status = 'open' THEN 'addressed' ELSE status END
            WHERE account_id = $1 AND id = $2
            """, [p.accountID, id, response, day])
        return try get(id)
    }

    /// Marks a pain point resolved.
    public func resolve(_ id: Int64, on day: Day) throws -> PainPoint {
        let p = try get(id)
        guard p.status != .resolved else { throw DomainError("pain point \(id) is already resolved") }
        try db.execute("UPDATE pain_point SET status = 'resolved', resolved_on = $3 WHERE account_id = $1 AND id = $2", [p.accountID, id, day])
        return try get(id)
    }

    /// What `pain edit` changes; nil leaves a field as it is.
    public struct PainEdit {
        public var text: String?
        public var kind: PainKind?
        public var severity: Severity?
        public var response: String?
        public var stakeholderID: Int64?
        public init(text: String? = nil, kind: PainKind? = nil, severity: Severity? = nil, response: String? = nil, stakeholderID: Int64? = nil) {
            self.text = text; self.kind = kind; self.severity = severity; self.response = response; self.stakeholderID = stakeholderID
        }
    }

    /// Corrects a pain point (its text, kind, severity, response or who raised it).
    public func edit(_ id: Int64, _ e: PainEdit) throws -> PainPoint {
        let p = try get(id)
        try db.execute("""
            UPDATE pain_point SET text = coalesce($3, text), kind = coalesce($4, kind), severity = coalesce($5, severity),
                response = coalesce($6, response), stakeholder_id = coalesce($7, stakeholder_id)
            WHERE account_id = $1 AND id = $2
            """, [p.accountID, id, e.text, e.kind?.rawValue, e.severity?.rawValue, e.response, e.stakeholderID])
        return try get(id)
    }

    /// Deletes a pain point: it moves to the trash (the audit keeps it; `dchain undo` brings it back).
    public func delete(_ id: Int64, by actor: String) throws -> PainPoint {
        try db.transaction { c in
            let p = try get(id)
            _ = try c.queryRow("SELECT trash_pain_point($1, $2, $3) AS ok", [p.accountID, id, actor])
            return p
        }
    }
}
