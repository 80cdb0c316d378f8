import DecisionChain
import Postgres

extension CaseStore {
    /// What `loadComplete` wrote.
    public struct Loaded: Sendable {
        public var accountID: Int64
        public var dealID: Int64
        public var touchpoints: Int
        public var roles: Int
    }

    /// Loads a whole case into this database (the live data or a workspace) as
    /// an ordinary account: every round's stage entries and touchpoints, and
    /// the answer key's decision chain as buying influences (from the deal's
    /// first stage entry). Trainees never see this: it is reference data —
    /// shipped cases side by side with real accounts, e.g. to build personas
    /// from. One transaction; an account of the same name is refused.
    public func loadComplete(_ file: CaseFile) throws -> Loaded {
        try db.transaction { c in
            let entries = file.deal.stages.sorted { $0.entered < $1.entered }
            guard let first = entries.first else { throw DomainError("case \(file.id) has no stage entries") }
            let (account, dealID, stages, people) = try writeAccount(file, entries: entries, owner: nil)
            let last = file.rounds.count
            for t in file.touchpoints.sorted(by: { $0.at < $1.at }) {
                try insert(t, file: file, round: last, accountID: account, dealID: dealID, stages: stages, people: people)
            }
            for r in file.key.roles {
                try c.execute("""
                    INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, valid_from)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, [account, dealID, try person(people, r.stakeholder), r.role.rawValue, r.influence?.rawValue, r.stance?.rawValue,
                          first.entered])
            }
            return Loaded(accountID: account, dealID: dealID, touchpoints: file.touchpoints.count, roles: file.key.roles.count)
        }
    }
}
