import DecisionChain
import Postgres

/// Buying influences: who plays EB, TB, UB or Coach in a deal. Rows are
/// temporal: a change closes the current row and opens a new one.
public struct InfluenceStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    /// The attributes `role set` may change; nil keeps the current value.
    public struct Attributes {
        public var influence: Influence?
        public var stance: Stance?
        public var mode: ResponseMode?
        public var rating: Int?
        public var personalWin: String?
        public init(influence: Influence? = nil, stance: Stance? = nil, mode: ResponseMode? = nil, rating: Int? = nil, personalWin: String? = nil) {
            self.influence = influence; self.stance = stance; self.mode = mode; self.rating = rating; self.personalWin = personalWin
        }
    }

    /// What `set` did.
    public enum Outcome: Equatable { case added, changed, unchanged }

    /// Sets a stakeholder's role in a deal. A second EB is refused unless
    /// `replace`, which retires the current EB.
    public func set(deal: Deal, stakeholder: Stakeholder, role: Role, _ a: Attributes, replace: Bool, on day: Day) throws -> Outcome {
        if let r = a.rating, !BuyingInfluence.ratingRange.contains(r) {
            throw InputError(field: "rating", value: String(r), problem: "is outside -5...5")
        }
        return try db.transaction { c in
            // Serialise changes to one deal's chain so the one-EB rule holds under concurrency.
            _ = try DealStore.lock(deal, in: c)
            let other = role == .eb ? try c.queryRow("""
                SELECT s.name FROM buying_influence b JOIN stakeholder s ON s.account_id = b.account_id AND s.id = b.stakeholder_id
                WHERE b.account_id = $1 AND b.deal_id = $2 AND b.role = 'EB' AND b.valid_to IS NULL AND b.stakeholder_id <> $3
                """, [deal.accountID, deal.id, stakeholder.id]) : nil
            let change = try DecisionChainRules.admitEB(deal: deal.name, newcomer: stakeholder.name,
                                                        currentEB: try other?.decode("name", as: String.self), replace: replace)
            if change == .retire {
                try c.execute("UPDATE buying_influence SET valid_to = greatest($3::date, valid_from) WHERE account_id = $1 AND deal_id = $2 AND role = 'EB' AND valid_to IS NULL",
                              [deal.accountID, deal.id, day])
            }
            let current = try c.queryRow("""
                SELECT id, influence, stance, mode, rating, personal_win, valid_from FROM buying_influence
                WHERE account_id = $1 AND deal_id = $2 AND stakeholder_id = $3 AND role = $4 AND valid_to IS NULL
                """, [deal.accountID, deal.id, stakeholder.id, role.rawValue])
            var merged = a
            if let current {
                let was = Attributes(influence: try current.decodeIfPresent("influence"), stance: try current.decodeIfPresent("stance"),
                                     mode: try current.decodeIfPresent("mode"), rating: try current.decodeIfPresent("rating"),
                                     personalWin: try current.decodeIfPresent("personal_win"))
                merged.influence = a.influence ?? was.influence
                merged.stance = a.stance ?? was.stance
                merged.mode = a.mode ?? was.mode
                merged.rating = a.rating ?? was.rating
                merged.personalWin = a.personalWin ?? was.personalWin
                let same = merged.influence == was.influence && merged.stance == was.stance && merged.mode == was.mode
                    && merged.rating == was.rating && merged.personalWin == was.personalWin
                if same { return .unchanged }
                let from: Day = try current.decode("valid_from")
                try DecisionChainRules.checkChange(began: from, on: day)
                try c.execute("UPDATE buying_influence SET valid_to = $2 WHERE account_id = $1 AND id = $3",
                              [deal.accountID, day, try current.decode("id", as: Int64.self)])
            }
            try c.execute("""
                INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, [deal.accountID, deal.id, stakeholder.id, role.rawValue, merged.influence?.rawValue, merged.stance?.rawValue,
                      merged.mode?.rawValue, merged.rating, merged.personalWin, day])
            return current == nil ? .added : .changed
        }
    }

    /// Ends a stakeholder's role(s) in a deal on a day; returns how many were
    /// ended. Under the deal's row lock; a day before a role began is refused
    /// (`DecisionChainRules.checkEnd`), naming both days.
    public func clear(deal: Deal, stakeholder: Stakeholder, role: Role?, on day: Day) throws -> Int {
        try db.transaction { c in
            _ = try DealStore.lock(deal, in: c)
            let current = try c.query("""
                SELECT id, role, valid_from FROM buying_influence
                WHERE account_id = $1 AND deal_id = $2 AND stakeholder_id = $3 AND ($4::text IS NULL OR role = $4) AND valid_to IS NULL
                ORDER BY id
                """, [deal.accountID, deal.id, stakeholder.id, role?.rawValue])
            for row in current {
                try DecisionChainRules.checkEnd(stakeholder: stakeholder.name, role: try row.decode("role", as: Role.self), deal: deal.name,
                                                began: try row.decode("valid_from"), on: day)
            }
            for row in current {
                try c.execute("UPDATE buying_influence SET valid_to = $3 WHERE account_id = $1 AND id = $2",
                              [deal.accountID, try row.decode("id", as: Int64.self), day])
            }
            return current.count
        }
    }

    /// The current decision chain of a deal, EB first.
    public func current(deal: Deal) throws -> [BuyingInfluence] {
        try db.query("""
            SELECT deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from FROM buying_influence
            WHERE account_id = $1 AND deal_id = $2 AND valid_to IS NULL
            ORDER BY array_position(ARRAY['EB','TB','UB','Coach'], role), stakeholder_id
            """, [deal.accountID, deal.id]).map(BuyingInfluence.init(row:))
    }

    /// A stakeholder's current roles across the deals of their account, in one query.
    public func current(stakeholder: Stakeholder) throws -> [(deal: String, influence: BuyingInfluence)] {
        try db.query("""
            SELECT d.name AS deal_name, b.deal_id, b.stakeholder_id, b.role, b.influence, b.stance, b.mode, b.rating, b.personal_win, b.valid_from
            FROM buying_influence b JOIN deal d ON d.account_id = b.account_id AND d.id = b.deal_id
            WHERE b.account_id = $1 AND b.stakeholder_id = $2 AND b.valid_to IS NULL
            ORDER BY d.id, array_position(ARRAY['EB','TB','UB','Coach'], b.role)
            """, [stakeholder.accountID, stakeholder.id]).map { (try $0.decode("deal_name"), try BuyingInfluence(row: $0)) }
    }

    /// Every version of every role in a deal, oldest first (how stances moved).
    public func history(deal: Deal) throws -> [(influence: BuyingInfluence, until: Day?)] {
        try db.query("""
            SELECT deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from, valid_to FROM buying_influence
            WHERE account_id = $1 AND deal_id = $2 ORDER BY valid_from, id
            """, [deal.accountID, deal.id]).map { (try BuyingInfluence(row: $0), try $0.decodeIfPresent("valid_to")) }
    }
}
