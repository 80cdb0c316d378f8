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
            let a = file.account
            let account = try AccountStore(db).add(.init(name: a.name, kind: a.kind, code: a.code, region: a.region, industry: a.industry))
            var units: [String: Int64] = [:]
            for u in file.units {
                units[u.name] = try AccountStore(db).addUnit(accountID: account.id, name: u.name, parentID: u.parent.flatMap { units[$0] }).id
            }
            var people: [String: Int64] = [:]
            for s in file.stakeholders {
                people[s.name] = try StakeholderStore(db).add(accountID: account.id, .init(
                    name: s.name, title: s.title, unitID: s.unit.flatMap { units[$0] }, level: s.level,
                    reportsTo: s.reportsTo.flatMap { people[$0] }, email: s.email, phone: s.phone, wechat: s.wechat, channel: s.channel)).id
            }
            let stages = try stageIDs(file.deal.pipeline)
            let entries = file.deal.stages.sorted { $0.entered < $1.entered }
            guard let first = entries.first, let current = entries.last else { throw DomainError("case \(file.id) has no stage entries") }
            let d = file.deal
            let dealID: Int64 = try c.queryRow("""
                INSERT INTO deal (account_id, name, pipeline_id, stage_id, method, amount, currency, close_by)
                VALUES ($1, $2, (SELECT id FROM pipeline WHERE key = $3), $4, $5, $6, coalesce($7, 'CNY'), $8) RETURNING id
                """, [account.id, d.name, d.pipeline, try stageID(stages, current.stage), d.method?.rawValue, d.amount, d.currency,
                      d.closeBy])!.decode("id")
            for e in entries {
                try c.execute("INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on, recorded_by) VALUES ($1, $2, $3, $4, $5)",
                              [account.id, dealID, try stageID(stages, e.stage), e.entered, Self.author])
            }
            let last = file.rounds.count
            for t in file.touchpoints.sorted(by: { $0.at < $1.at }) {
                try insert(t, file: file, round: last, accountID: account.id, dealID: dealID, stages: stages, people: people)
            }
            for r in file.key.roles {
                try c.execute("""
                    INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, valid_from)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, [account.id, dealID, try person(people, r.stakeholder), r.role.rawValue, r.influence?.rawValue, r.stance?.rawValue,
                          first.entered])
            }
            return Loaded(accountID: account.id, dealID: dealID, touchpoints: file.touchpoints.count, roles: file.key.roles.count)
        }
    }
}
