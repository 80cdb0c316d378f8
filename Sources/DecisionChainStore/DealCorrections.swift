import DecisionChain
import Postgres

/// Corrections of a deal: its fields, and taking back its latest stage move.
/// Both run under the deal's row lock (`DealStore.lock`), like every state change of a deal.
extension DealStore {
    /// What `deal edit` changes; nil leaves a field as it is.
    public struct DealEdit {
        public var name: String?
        public var amount: Double?
        public var currency: String?
        public var closeBy: Day?
        public var ownerID: Int64?
        public var method: ProcurementMethod?
        /// The OCDS contracting-process id a portal gave the deal.
        public var ocid: String?
        public init(name: String? = nil, amount: Double? = nil, currency: String? = nil, closeBy: Day? = nil, ownerID: Int64? = nil,
                    method: ProcurementMethod? = nil, ocid: String? = nil) {
            self.name = name; self.amount = amount; self.currency = currency; self.closeBy = closeBy; self.ownerID = ownerID; self.method = method
            self.ocid = ocid
        }
    }

    /// Changes a deal's name, amount, currency, close-by date, owner, procurement method or ocid.
    public func edit(_ deal: Deal, _ e: DealEdit) throws -> Deal {
        var e = e; e.name = try Names.normalize(e.name, field: "name")
        return try db.transaction { c in
            _ = try Self.lock(deal, in: c)
            if let name = e.name,
               try c.queryRow("SELECT 1 AS x FROM deal WHERE account_id = $1 AND name = $2 AND id <> $3", [deal.accountID, name, deal.id]) != nil {
                throw DomainError("deal \"\(name)\" already exists in this account")
            }
            if let ocid = e.ocid { try checkOCIDFree(ocid, accountID: deal.accountID, except: deal.id) }
            try c.execute("""
                UPDATE deal SET name = coalesce($3, name), amount = coalesce($4, amount), currency = coalesce($5, currency),
                    close_by = coalesce($6, close_by), owner_id = coalesce($7, owner_id), method = coalesce($8, method),
                    ocid = coalesce($9, ocid)
                WHERE account_id = $1 AND id = $2
                """, [deal.accountID, deal.id, e.name, e.amount, e.currency, e.closeBy, e.ownerID, e.method?.rawValue, e.ocid])
            return try get(accountID: deal.accountID, id: deal.id)
        }
    }

    /// Takes back the deal's latest stage move: its latest history entry goes,
    /// the deal falls back to the stage before, and the touchpoints of the
    /// deal are restaged from the history as it is now. Refused for a closed
    /// deal and when only the first stage remains (`DealCorrectionRules`).
    public func undoMove(_ deal: Deal) throws -> (deal: Deal, removed: StageVisit, back: StageVisit) {
        try db.transaction { c in
            let (locked, _) = try Self.lock(deal, in: c)
            let (removed, back) = try DealCorrectionRules.checkUndoMove(locked, history: try history(locked))
            try c.execute("""
                DELETE FROM deal_stage_history WHERE (account_id, id) = (
                    SELECT account_id, id FROM deal_stage_history WHERE account_id = $1 AND deal_id = $2
                    ORDER BY entered_on DESC, id DESC LIMIT 1)
                """, [deal.accountID, deal.id])
            try c.execute("""
                UPDATE deal d SET stage_id = h.stage_id
                FROM (SELECT stage_id FROM deal_stage_history WHERE account_id = $1 AND deal_id = $2
                      ORDER BY entered_on DESC, id DESC LIMIT 1) h
                WHERE d.account_id = $1 AND d.id = $2
                """, [deal.accountID, deal.id])
            try Self.restageTouchpoints(accountID: deal.accountID, dealID: deal.id, in: c)
            return (try get(accountID: deal.accountID, id: deal.id), removed, back)
        }
    }

    /// Sets the stage of a deal's touchpoints (and their pain points) from the
    /// stage history: the latest entry on or before the touchpoint's day, else
    /// the first. Changes only what differs, so it composes with a trigger doing the same.
    static func restageTouchpoints(accountID: Int64, dealID: Int64, in c: Connection) throws {
        try c.execute("""
            WITH staged AS (
                SELECT t.account_id, t.id, (
                    SELECT h.stage_id FROM deal_stage_history h
                    WHERE h.account_id = t.account_id AND h.deal_id = t.deal_id
                    ORDER BY (h.entered_on <= t.at::date) DESC,
                             CASE WHEN h.entered_on <= t.at::date THEN h.entered_on END DESC NULLS LAST, h.entered_on, h.id DESC
                    LIMIT 1) AS stage_id
                FROM touchpoint t WHERE t.account_id = $1 AND t.deal_id = $2),
            moved AS (
                UPDATE touchpoint t SET stage_id = s.stage_id FROM staged s
                WHERE t.account_id = s.account_id AND t.id = s.id AND s.stage_id IS NOT NULL AND t.stage_id IS DISTINCT FROM s.stage_id
                RETURNING t.account_id, t.id, t.stage_id)
            UPDATE pain_point pp SET stage_id = m.stage_id FROM moved m
            WHERE pp.account_id = m.account_id AND pp.touchpoint_id = m.id AND pp.stage_id IS DISTINCT FROM m.stage_id
            """, [accountID, dealID])
    }
}
