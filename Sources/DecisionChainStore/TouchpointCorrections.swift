import DecisionChain
import Postgres

/// Corrections of logged touchpoints: edit, soft delete (to the trash, out of
/// every view) and restore with the same ids. Each is one transaction; the
/// audit triggers keep the before-images.
extension TouchpointStore {
    /// What `touchpoint edit` changes; nil leaves a field as it is.
    public struct TouchpointEdit {
        public var at: LocalTime?
        public var channel: Channel?
        public var direction: Direction?
        public var summary: String?
        public var response: String?
        /// Participants to add, or whose emotion and label to set (a nil emotion or label keeps the stored one).
        public var participants: [Participant]
        /// Quotes to set, by stakeholder id (replacing the stored quote).
        public var quotes: [Int64: String]
        /// Participants to remove.
        public var removed: [Int64]
        public init(at: LocalTime? = nil, channel: Channel? = nil, direction: Direction? = nil, summary: String? = nil,
                    response: String? = nil, participants: [Participant] = [], quotes: [Int64: String] = [:], removed: [Int64] = []) {
            self.at = at; self.channel = channel; self.direction = direction; self.summary = summary; self.response = response
            self.participants = participants; self.quotes = quotes; self.removed = removed
        }
    }

    /// One live touchpoint with its participants.
    public func get(_ id: Int64) throws -> Touchpoint {
        let rows = try db.query("""
            SELECT t.id, t.account_id, t.deal_id, s.key AS stage_key, to_char(t.at, 'YYYY-MM-DD HH24:MI') AS at_local,
                   t.channel, t.direction, t.summary, t.response, t.logged_by
            FROM touchpoint t LEFT JOIN stage s ON s.id = t.stage_id WHERE t.id = $1
            """, [id])
        guard !rows.isEmpty else {
            let trashed = try db.queryRow("SELECT 1 AS x FROM touchpoint_trash WHERE id = $1", [id]) != nil
            throw StoreError.notFound(kind: "touchpoint", reference: "#\(id)", scope: trashed ? "the live data (it is deleted; `dchain touchpoint restore \(id)` brings it back)" : nil,
                                      candidates: [])
        }
        let parts = try db.query("""
            SELECT p.touchpoint_id, p.stakeholder_id, p.emotion, p.emotion_label, p.quote FROM participant p
            WHERE p.touchpoint_id = $1 ORDER BY p.stakeholder_id
            """, [id])
        return try Self.assemble(rows, parts)[0]
    }

    /// Changes a touchpoint. A new time restages it (and its pain points) from
    /// the deal's stage history; the participants keep at least one.
    public func edit(_ id: Int64, _ e: TouchpointEdit) throws -> Touchpoint {
        try db.transaction { c in
            let t = try get(id)
            let a = t.accountID
            try c.execute("""
                UPDATE touchpoint t SET at = coalesce($3::timestamp, t.at), channel = coalesce($4, t.channel),
                    direction = coalesce($5, t.direction), summary = coalesce($6, t.summary), response = coalesce($7, t.response)
                WHERE t.account_id = $1 AND t.id = $2
                """, [a, id, e.at, e.channel?.rawValue, e.direction?.rawValue, e.summary, e.response])
            if e.at != nil {
                try c.execute("""
                    UPDATE touchpoint t SET stage_id = coalesce((
                        SELECT h.stage_id FROM deal_stage_history h
                        WHERE h.account_id = t.account_id AND h.deal_id = t.deal_id
                        ORDER BY (h.entered_on <= t.at::date) DESC,
                                 CASE WHEN h.entered_on <= t.at::date THEN h.entered_on END DESC NULLS LAST, h.entered_on, h.id DESC
                        LIMIT 1), t.stage_id)
                    WHERE t.account_id = $1 AND t.id = $2 AND t.deal_id IS NOT NULL
                    """, [a, id])
                try c.execute("""
                    UPDATE pain_point pp SET raised_on = t.at::date, stage_id = t.stage_id
                    FROM touchpoint t WHERE t.account_id = $1 AND t.id = $2 AND pp.account_id = $1 AND pp.touchpoint_id = $2
                    """, [a, id])
            }
            if !e.removed.isEmpty {
                try c.execute("DELETE FROM participant WHERE account_id = $1 AND touchpoint_id = $2 AND stakeholder_id = ANY($3::bigint[])",
                              [a, id, PostgresArray(e.removed.map(String.init))])
            }
            try TouchpointWriter(connection: c).upsertParticipants(e.participants, accountID: a, touchpointID: id)
            for (sid, quote) in e.quotes.sorted(by: { $0.key < $1.key }) {
                guard try c.execute("UPDATE participant SET quote = $4 WHERE account_id = $1 AND touchpoint_id = $2 AND stakeholder_id = $3",
                                    [a, id, sid, quote]) == 1 else {
                    throw DomainError("a quote needs its speaker among the participants of touchpoint \(id); add them with --with")
                }
            }
            let left = try get(id)
            if left.participants.isEmpty {
                throw DomainError("touchpoint \(id) would have no participant left; delete it instead (`dchain touchpoint delete \(id)`)")
            }
            return left
        }
    }

    /// Soft-deletes a touchpoint: it, its participants and its pain points move
    /// to the trash in one transaction, gone from every view. Tasks it completed
    /// are open again (they keep the touchpoint's id, so a restore completes them
    /// again); returns the touchpoint and how many tasks reopened.
    public func delete(_ id: Int64) throws -> (touchpoint: Touchpoint, reopenedTasks: Int) {
        try db.transaction { c in
            let t = try get(id)
            _ = try c.queryRow("SELECT trash_touchpoint($1, $2, $3) AS ok", [t.accountID, id, actor])
            let reopened = try c.execute("""
                UPDATE plan_item SET status = 'open', done_at = NULL WHERE account_id = $1 AND done_by_touchpoint = $2 AND status = 'done'
                """, [t.accountID, id])
            return (t, reopened)
        }
    }

    /// Moves a deleted touchpoint back from the trash with the same ids; the
    /// tasks it had completed (and that deleting it reopened) are done again.
    public func restore(_ id: Int64) throws -> Touchpoint {
        try db.transaction { c in
            guard let row = try c.queryRow("SELECT account_id FROM touchpoint_trash WHERE id = $1", [id]) else {
                let live = try c.queryRow("SELECT 1 AS x FROM touchpoint WHERE id = $1", [id]) != nil
                throw live ? StoreError.rule("touchpoint \(id) is not deleted; nothing to restore")
                           : StoreError.notFound(kind: "deleted touchpoint", reference: "#\(id)", scope: nil, candidates: [])
            }
            let account: Int64 = try row.decode("account_id")
            _ = try c.queryRow("SELECT restore_touchpoint($1, $2) AS ok", [account, id])
            try c.execute("""
                UPDATE plan_item SET status = 'done', done_at = now() WHERE account_id = $1 AND done_by_touchpoint = $2 AND status = 'open'
                """, [account, id])
            return try get(id)
        }
    }
}
