import DecisionChain
import DecisionChainStore
import Foundation
import Postgres

/// Generates realistic synthetic accounts — units, stakeholders, deals moving
/// through their pipeline's stages, buying influences, touchpoints with
/// participants and emotions, pain points — for benchmarks and demos.
///
/// Deterministic: the same seed, account count, touchpoints per account and
/// `today` give the same rows. Each account is drawn from its own SplitMix64
/// stream, so an account can be drawn again for each table: rows stream into
/// `COPY` one account at a time and memory stays flat however many are made.
/// The load runs in one transaction, as the tables' owner (acting as it when
/// the user is a member of it), with the audit triggers of the loaded tables
/// disabled inside that transaction only: no superuser needed, foreign keys
/// still checked.
public struct SyntheticData {
    let db: Connection

    public init(_ db: Database) { self.db = db.connection }

    /// The tables the load writes, whose audit triggers it switches off.
    static let audited = ["account", "unit", "stakeholder", "deal", "deal_stage_history", "buying_influence", "touchpoint",
                          "participant", "pain_point"]
    public init(connection: Connection) { self.db = connection }

    /// What to generate.
    public struct Options: Sendable {
        public var accounts: Int
        public var seed: UInt64
        /// Touchpoints per account on average; the total is exactly accounts × this.
        public var touchpointsPerAccount: Int
        /// The day the data leads up to (touchpoints, stage entries and closings are on or before it).
        public var today: Day
        /// Puts every account in this team (made if missing) instead of spreading them over the
        /// generator's four; the rest of the data is the same either way.
        public var team: String?
        public init(accounts: Int, seed: UInt64, touchpointsPerAccount: Int = 100, today: Day, team: String? = nil) {
            self.accounts = accounts; self.seed = seed; self.touchpointsPerAccount = touchpointsPerAccount; self.today = today
            self.team = team
        }
    }

    /// How many rows went into each table.
    public struct Summary: Sendable, Equatable {
        public var accounts = 0, units = 0, stakeholders = 0, deals = 0, stageEntries = 0, influences = 0
        public var touchpoints = 0, participants = 0, painPoints = 0
    }

    /// Generates and loads the data; `progress` hears one line per table.
    @discardableResult
    public func seed(_ o: Options, progress: (String) -> Void = { _ in }) throws -> Summary {
        guard o.accounts > 0 else { throw InputError(field: "accounts", value: String(o.accounts), problem: "must be at least 1") }
        guard (1...10_000).contains(o.touchpointsPerAccount) else {
            throw InputError(field: "touchpoints-per-account", value: String(o.touchpointsPerAccount), problem: "must be 1…10000")
        }
        let pipelines = try PipelineStore(connection: db).all()
        guard let gov = pipelines.first(where: { $0.key == "government" }), let ent = pipelines.first(where: { $0.key == "enterprise" }),
              !gov.stages.isEmpty, !ent.stages.isEmpty else {
            throw StoreError.rule("the government and enterprise pipelines are missing; run dchain db migrate")
        }
        let seeded = Seeded(options: o, government: gov, enterprise: ent)
        let summary = try db.transaction { c -> Summary in
            // Load as the tables' owner when a member of it (dchain_owner once teams exist): row-level
            // security does not apply to the owner, and COPY refuses tables where it would.
            if let owner = try c.queryRow("""
                SELECT pg_get_userbyid(relowner) AS owner FROM pg_class
                WHERE oid = to_regclass('account') AND relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND pg_has_role(relowner, 'MEMBER') AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                """) {
                try c.run(script: "SET LOCAL ROLE \(try c.escapeIdentifier(try owner.decode("owner", as: String.self)))")
            }
            // The audit triggers are disabled for this transaction only: ALTER TABLE is transactional
            // and holds its lock until commit, so no other session ever writes unaudited. Only the
            // tables' owner may do it — no superuser needed (session_replication_role needed one).
            for table in Self.audited { try c.run(script: "ALTER TABLE \(table) DISABLE TRIGGER audit") }
            var reference = try referenceData(c, team: o.team)
            reference.bases = try idBases(c)
            var s = Summary()
            // COPY refuses tables whose row-level security applies to this user (teams force it on
            // every role but superusers): then rows go through a temporary table and one INSERT.
            let staged = try c.queryRow("SELECT row_security_active('account') AS on")?.decode("on", as: Bool.self) ?? false
            func copy(_ table: String, _ columns: String, _ rows: @escaping (AccountPlan) -> [[String?]]) throws -> Int {
                let target = staged ? "dchain_load_\(table)" : table
                if staged { try c.run(script: "CREATE TEMP TABLE \(target) (LIKE \(table) INCLUDING DEFAULTS) ON COMMIT DROP") }
                let n = try c.copy("COPY \(target) (\(columns)) FROM STDIN",
                                   rows: AccountRows(count: o.accounts, touchpoints: false, seeded: seeded, reference: reference, rows: rows))
                if staged { try c.execute("INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(target)") }
                progress("\(table): \(n) rows")
                return n
            }
            s.accounts = try copy("account", "id, name, kind, code, region, industry, owner_id, team_id") { $0.accountRows() }
            s.units = try copy("unit", "account_id, id, name, parent_id") { $0.unitRows() }
            s.stakeholders = try copy("stakeholder", "account_id, id, name, title, unit_id, level, reports_to, preferred_channel, phone") { $0.stakeholderRows() }
            s.deals = try copy("deal", "account_id, id, name, pipeline_id, stage_id, status, method, amount, close_by, closed_on, close_reason, owner_id") { $0.dealRows() }
            s.stageEntries = try copy("deal_stage_history", "account_id, id, deal_id, stage_id, entered_on, recorded_by") { $0.historyRows() }
            s.influences = try copy("buying_influence",
                                    "account_id, id, deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from") { $0.influenceRows() }
            // Touchpoints with their participants and pain points go through the one touchpoint writer.
            let written = try TouchpointWriter(connection: c).write(batch: AccountRows(
                count: o.accounts, touchpoints: true, seeded: seeded, reference: reference) { $0.touchpointDrafts() })
            s.touchpoints = written.touchpoints; s.participants = written.participants; s.painPoints = written.painPoints
            progress("touchpoint: \(s.touchpoints) rows, participant: \(s.participants) rows, pain_point: \(s.painPoints) rows")
            for table in Self.audited { try c.run(script: "ALTER TABLE \(table) ENABLE TRIGGER audit") }
            // Explicit ids were copied: move the sequences past them (touchpoints took theirs from the sequence).
            for table in ["account", "unit", "stakeholder", "deal", "deal_stage_history", "buying_influence"] {
                try c.query("SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM \(try c.escapeIdentifier(table))))", [table])
            }
            return s
        }
        try db.run(script: "ANALYZE")
        progress("analyzed")
        return summary
    }

    /// Teams and users the accounts are spread over (created when missing).
    func referenceData(_ c: Connection, team: String?) throws -> Reference {
        var r = Reference()
        func teamID(_ name: String) throws -> Int64 {
            try c.queryRow("""
                WITH ins AS (INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id)
                SELECT id FROM ins UNION ALL SELECT id FROM team WHERE name = $1 LIMIT 1
                """, [name])!.decode("id")
        }
        if let team { r.onlyTeam = try teamID(try Names.normalize(team, field: "team")) }
        for (i, name) in Vocab.teams.enumerated() {
            let teamID = try teamID(name)
            r.teams.append(teamID)
            for j in 0..<Vocab.repsPerTeam {
                let login = "rep\(i + 1)\(j + 1)"
                let u = try c.queryRow("""
                    WITH ins AS (INSERT INTO app_user (login, name, team_id) VALUES ($1, $2, $3) ON CONFLICT (login) DO NOTHING RETURNING id)
                    SELECT id FROM ins UNION ALL SELECT id FROM app_user WHERE login = $1 LIMIT 1
                    """, [login, "Rep \(i + 1)-\(j + 1)", teamID])
                r.users.append((try u!.decode("id"), login))
            }
        }
        return r
    }

    /// The highest id of each table, so generated ids follow what is there.
    func idBases(_ c: Connection) throws -> IDs {
        let row = try c.queryRow("""
            SELECT (SELECT coalesce(max(id), 0) FROM account) AS account, (SELECT coalesce(max(id), 0) FROM unit) AS unit,
                   (SELECT coalesce(max(id), 0) FROM stakeholder) AS stakeholder, (SELECT coalesce(max(id), 0) FROM deal) AS deal,
                   (SELECT coalesce(max(id), 0) FROM deal_stage_history) AS history,
                   (SELECT coalesce(max(id), 0) FROM buying_influence) AS influence
            """)!
        return IDs(account: try row.decode("account"), unit: try row.decode("unit"), stakeholder: try row.decode("stakeholder"),
                   deal: try row.decode("deal"), history: try row.decode("history"), influence: try row.decode("influence"))
    }
}

// MARK: - the generator

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and the same on every
/// platform, which `SystemRandomNumberGenerator`-based APIs do not promise.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stream for one purpose of one item: the seed mixed with both.
    init(seed: UInt64, stream: UInt64, item: Int) {
        var mix = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mix.next() ^ UInt64(truncatingIfNeeded: item) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    /// Uniform in 0..<n (n > 0), by multiply-shift.
    mutating func below(_ n: Int) -> Int { Int((UInt64(n).multipliedFullWidth(by: next())).high) }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    /// An index drawn with the given weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        var x = unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() { x -= w; if x < 0 { return i } }
        return weights.count - 1
    }
}

/// Running id counters while accounts are drawn in order.
struct IDs {
    var account: Int64 = 0, unit: Int64 = 0, stakeholder: Int64 = 0, deal: Int64 = 0, history: Int64 = 0
    var influence: Int64 = 0
}

/// Teams and users, and where each table's ids start.
struct Reference {
    var teams: [Int64] = []
    /// Every account's team, when the load was asked for one.
    var onlyTeam: Int64?
    var users: [(id: Int64, login: String)] = []
    var bases = IDs()
}

/// The options and pipelines every account is drawn from.
struct Seeded {
    let options: SyntheticData.Options
    let government: Pipeline
    let enterprise: Pipeline
}

/// Rows of one table (or touchpoint drafts), drawn account by account (never all in memory).
struct AccountRows<Element>: Sequence, IteratorProtocol {
    let count: Int
    let touchpoints: Bool
    let seeded: Seeded
    let reference: Reference
    let rows: (AccountPlan) -> [Element]
    var index = 0
    var ids = IDs()
    var pending: [Element] = []
    var started = false

    init(count: Int, touchpoints: Bool, seeded: Seeded, reference: Reference, rows: @escaping (AccountPlan) -> [Element]) {
        self.count = count; self.touchpoints = touchpoints; self.seeded = seeded; self.reference = reference; self.rows = rows
    }

    mutating func next() -> Element? {
        if !started { started = true; ids = reference.bases }
        while pending.isEmpty {
            guard index < count else { return nil }
            let plan = AccountPlan.draw(index: index, seeded: seeded, reference: reference, ids: &ids, touchpoints: touchpoints)
            pending = rows(plan).reversed()
            index += 1
        }
        return pending.removeLast()
    }
}

/// One synthetic account with everything in it.
struct AccountPlan {
    struct Person { var id: Int64; var name, title: String; var unitID: Int64; var level: Level; var reportsTo: Int64?; var channel: Channel }
    struct Visit { var id: Int64; var stage: Stage; var entered: Day }
    struct Influence {
        var id: Int64; var person: Int; var role: Role; var influence: DecisionChain.Influence; var stance: Stance
        var mode: ResponseMode?; var rating: Int?; var personalWin: String?
    }
    struct DealPlan {
        var id: Int64; var name: String; var pipeline: Pipeline; var visits: [Visit]; var status: DealStatus
        var method: ProcurementMethod?; var amount: Int; var created: Day; var closedOn: Day?; var reason: String?; var closeBy: Day
        var influences: [Influence]; var ownerID: Int64
        /// The last day anyone works on the deal (some open deals go quiet).
        var lastActive: Day
        /// When set, only this person is ever met about the deal (a single-threaded deal).
        var focus: Int?
        var stage: Stage { visits.last!.stage }
        func stage(on day: Day) -> Stage? { visits.last { $0.entered <= day }?.stage }
    }
    struct Pain { var text: String; var severity: Severity; var status: PainStatus; var response: String?; var kind: PainKind }
    struct Attendee { var person: Int; var emotion: Int?; var quote: String? }
    struct TouchpointPlan {
        var deal: Int?; var stage: Stage?; var day: Day; var minute: Int; var channel: Channel; var inbound: Bool
        var summary: String; var attendees: [Attendee]; var pain: Pain?
    }

    var id: Int64
    var name: String
    var kind: AccountKind
    var code: String
    var region: String
    var industry: String
    var owner: (id: Int64, login: String)
    var teamID: Int64
    var units: [(id: Int64, name: String, parent: Int64?)]
    var people: [Person]
    var deals: [DealPlan]
    var touchpoints: [TouchpointPlan]

    /// Draws account `index`; `ids` advance past its rows. Touchpoints (the
    /// bulk) come from their own stream and are drawn only when asked for.
    static func draw(index: Int, seeded: Seeded, reference: Reference, ids: inout IDs, touchpoints withTouchpoints: Bool) -> AccountPlan {
        let o = seeded.options
        var rng = SplitMix64(seed: o.seed, stream: 1, item: index)
        ids.account += 1
        let kind = [AccountKind.government, .institution, .soe, .enterprise][rng.weighted([40, 20, 20, 20])]
        let city = rng.below(Vocab.cities.count)
        let base: String
        switch kind {
        case .government: base = Vocab.cities[city].name + "市" + rng.pick(Vocab.agencies)
        case .institution: base = Vocab.cities[city].name + rng.pick(Vocab.institutions)
        case .soe: base = Vocab.cities[city].name + rng.pick(Vocab.soes)
        case .enterprise: base = Vocab.cities[city].name + rng.pick(Vocab.brands) + rng.pick(Vocab.companies)
        }
        let code = "SYN-\(o.seed)-\(index + 1)"
        let teamIndex = rng.below(reference.teams.count)
        let owner = reference.users[teamIndex * Vocab.repsPerTeam + rng.below(Vocab.repsPerTeam)]
        var plan = AccountPlan(id: ids.account, name: "\(base) · \(code)", kind: kind, code: code, region: Vocab.cities[city].region,
                               industry: Vocab.industry(kind, &rng), owner: owner, teamID: reference.onlyTeam ?? reference.teams[teamIndex],
                               units: [], people: [], deals: [], touchpoints: [])
        // Units: leadership above an IT division and a business office.
        for (i, unitName) in Vocab.units(kind).enumerated() {
            ids.unit += 1
            plan.units.append((ids.unit, unitName, i == 0 ? nil : plan.units[0].id))
        }
        // People: one or two executives, managers under them, staff under the managers.
        let executives = rng.int(1...2), managers = rng.int(2...4), staff = rng.int(3...4)
        var usedNames = Set<String>()
        func person(_ level: Level, unit: Int64, reportsTo: Int64?) {
            var name = rng.pick(Vocab.surnames) + rng.pick(Vocab.given)
            while usedNames.contains(name) { name = rng.pick(Vocab.surnames) + rng.pick(Vocab.given) }
            usedNames.insert(name)
            ids.stakeholder += 1
            plan.people.append(Person(id: ids.stakeholder, name: name, title: rng.pick(Vocab.titles(level, kind)), unitID: unit,
                                      level: level, reportsTo: reportsTo, channel: rng.pick(Vocab.channels(level))))
        }
        for i in 0..<executives { person(.executive, unit: plan.units[0].id, reportsTo: i == 0 ? nil : plan.people[0].id) }
        for _ in 0..<managers { person(.manager, unit: plan.units[1 + rng.below(2)].id, reportsTo: plan.people[rng.below(executives)].id) }
        for _ in 0..<staff {
            person(.staff, unit: plan.units[1 + rng.below(2)].id, reportsTo: plan.people[executives + rng.below(managers)].id)
        }
        // Deals: one to three, each walking its pipeline from a start day until it closes or reaches today.
        let dealCount = [1, 2, 3][rng.weighted([50, 35, 15])]
        for d in 0..<dealCount {
            let pipeline: Pipeline
            switch kind {
            case .government, .institution: pipeline = seeded.government
            case .soe: pipeline = rng.chance(0.5) ? seeded.government : seeded.enterprise
            case .enterprise: pipeline = seeded.enterprise
            }
            ids.deal += 1
            plan.deals.append(drawDeal(id: ids.deal, ordinal: d, pipeline: pipeline, people: plan.people, executives: executives,
                                       owner: owner.id, today: o.today, rng: &rng, ids: &ids))
        }
        if withTouchpoints { plan.touchpoints = drawTouchpoints(plan, index: index, seeded: seeded, ids: &ids) }
        return plan
    }

    static func drawDeal(id: Int64, ordinal: Int, pipeline: Pipeline, people: [Person], executives: Int, owner: Int64, today: Day,
                         rng: inout SplitMix64, ids: inout IDs) -> DealPlan {
        let created = today.adding(days: -rng.int(10...420))
        // Government deals are won when the contract stage ends, enterprise deals likewise.
        let winAt = pipeline.stages.firstIndex { $0.key == "contract" } ?? (pipeline.stages.count - 1)
        var visits: [Visit] = []
        var day = created, status = DealStatus.open
        var closedOn: Day?
        var reason: String?
        var s = 0
        while true {
            let stage = pipeline.stages[s]
            ids.history += 1
            visits.append(Visit(id: ids.history, stage: stage, entered: day))
            // Most stages take 0.4–1.6× their expected days; one in eight drags on to 2–4×.
            let factor = rng.chance(0.125) ? 2 + 2 * rng.unit() : 0.4 + 1.2 * rng.unit()
            let leave = day.adding(days: max(1, Int((Double(stage.expectedDays) * factor).rounded())))
            if leave > today { break }
            if rng.chance(0.07) { status = .lost; reason = rng.pick(Vocab.lostReasons) }
            else if rng.chance(0.03) { status = .dropped; reason = rng.chance(0.5) ? rng.pick(Vocab.droppedReasons) : nil }
            else if s == winAt { status = .won; reason = rng.pick(Vocab.wonReasons) }
            if status != .open { closedOn = leave; break }
            guard s + 1 < pipeline.stages.count else { break }
            s += 1
            day = leave
        }
        // The decision chain: usually an EB and TBs, often UBs, a Coach in about half the deals.
        var influences: [Influence] = []
        let staffStart = people.firstIndex { $0.level == .staff } ?? people.count
        func add(_ person: Int, _ role: Role) {
            guard !influences.contains(where: { $0.person == person && $0.role == role }) else { return }
            ids.influence += 1
            let stance = [Stance.champion, .supporter, .neutral, .skeptic, .opponent][rng.weighted([12, 30, 33, 17, 8])]
            let influence = role == .eb ? DecisionChain.Influence.high
                : [DecisionChain.Influence.high, .medium, .low][rng.weighted([35, 45, 20])]
            let rating: Int? = rng.chance(0.7) ? max(-5, min(5, Vocab.stanceScore(stance) * 2 + rng.int(-1...1))) : nil
            influences.append(Influence(id: ids.influence, person: person, role: role, influence: influence, stance: stance,
                                        mode: rng.chance(0.6) ? rng.pick(ResponseMode.allCases) : nil, rating: rating,
                                        personalWin: rng.chance(0.5) ? rng.pick(Vocab.personalWins) : nil))
        }
        if rng.chance(0.85) { add(rng.below(executives), .eb) }
        if rng.chance(0.95) { for _ in 0..<rng.int(1...2) { add(rng.int(executives...staffStart - 1), .tb) } }
        if rng.chance(0.85) { for _ in 0..<rng.int(1...2) { add(rng.int(staffStart...people.count - 1), .ub) } }
        if rng.chance(0.55) { add(rng.int(executives...people.count - 1), .coach) }
        let amount = Int((pipeline.key == "government" ? 200_000 : 50_000) * pow(40, rng.unit()) / 1000) * 1000
        let method: ProcurementMethod? = pipeline.key == "government"
            ? [.publicTender, .invitedTender, .competitiveNegotiation, .competitiveConsultation, .singleSource, .inquiry][rng.weighted([50, 10, 15, 15, 5, 5])]
            : (rng.chance(0.5) ? .direct : nil)
        // One open deal in five has gone quiet for a month or more; one in seven hangs on a single contact.
        let quietSince: Day? = status == .open && rng.chance(0.2) ? today.adding(days: -rng.int(31...150)) : nil
        let lastActive = max(created, min(closedOn ?? today, quietSince ?? today))
        let focus = rng.chance(0.15) ? influences.first?.person : nil
        return DealPlan(id: id, name: "\(rng.pick(Vocab.projects)) \(ordinal + 1)期", pipeline: pipeline, visits: visits, status: status,
                        method: method, amount: amount, created: created, closedOn: closedOn, reason: reason,
                        closeBy: created.adding(days: rng.int(120...400)), influences: influences, ownerID: owner,
                        lastActive: lastActive, focus: focus)
    }

    /// The account's touchpoints: the total over all accounts is exactly accounts × per-account,
    /// pairs of accounts trading a random share so counts vary.
    static func drawTouchpoints(_ plan: AccountPlan, index: Int, seeded: Seeded, ids: inout IDs) -> [TouchpointPlan] {
        let o = seeded.options, per = o.touchpointsPerAccount
        var pairRng = SplitMix64(seed: o.seed, stream: 2, item: index / 2)
        let shift = pairRng.int(0...(per * 6 / 10))
        let paired = index / 2 * 2 + 1 < o.accounts
        let count = !paired ? per : (index % 2 == 0 ? per + shift : per - shift)
        var rng = SplitMix64(seed: o.seed, stream: 3, item: index)
        let start = (plan.deals.map(\.created).min() ?? o.today).adding(days: -30)
        let span = max(1, start.days(to: o.today))
        var out: [TouchpointPlan] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let day = start.adding(days: rng.int(0...span))
            let active = plan.deals.indices.filter { plan.deals[$0].created <= day && day <= plan.deals[$0].lastActive }
            let dealIndex: Int? = !active.isEmpty && rng.chance(0.85) ? rng.pick(active) : nil
            let deal = dealIndex.map { plan.deals[$0] }
            // Mostly the deal's decision chain, sometimes anyone at the account.
            var attendees: [Attendee] = []
            for _ in 0..<[1, 2, 3][rng.weighted([55, 30, 15])] {
                let chain = deal?.influences ?? []
                let person = deal?.focus ?? (!chain.isEmpty && rng.chance(0.75) ? rng.pick(chain).person : rng.below(plan.people.count))
                guard !attendees.contains(where: { $0.person == person }) else { continue }
                let stance = chain.first { $0.person == person }?.stance ?? .neutral
                let emotion: Int? = rng.chance(0.85) ? max(-3, min(3, Vocab.stanceScore(stance) + rng.int(-2...2) + (deal?.status == .lost ? -1 : 0))) : nil
                attendees.append(Attendee(person: person, emotion: emotion, quote: rng.chance(0.05) ? rng.pick(Vocab.quotes) : nil))
            }
            var pain: Pain?
            if rng.chance(0.04) {
                let status = [PainStatus.open, .addressed, .resolved][rng.weighted([50, 30, 20])]
                pain = Pain(text: rng.pick(Vocab.pains), severity: [Severity.low, .medium, .high][rng.weighted([25, 50, 25])],
                            status: status, response: status == .open ? nil : rng.pick(Vocab.responses), kind: rng.chance(0.7) ? .pain : .need)
            }
            out.append(TouchpointPlan(deal: dealIndex, stage: deal?.stage(on: day), day: day, minute: rng.int(8 * 60...19 * 60),
                                      channel: Vocab.channelsByWeight[rng.weighted(Vocab.channelWeights)], inbound: rng.chance(0.2),
                                      summary: rng.pick(Vocab.summaries), attendees: attendees, pain: pain))
        }
        return out
    }

    // MARK: rows, in the column order of each COPY

    func accountRows() -> [[String?]] {
        [[String(id), name, kind.rawValue, code, region, industry, String(owner.id), String(teamID)]]
    }
    func unitRows() -> [[String?]] { units.map { [String(id), String($0.id), $0.name, $0.parent.map(String.init)] } }
    func stakeholderRows() -> [[String?]] {
        people.map { [String(id), String($0.id), $0.name, $0.title, String($0.unitID), $0.level.rawValue, $0.reportsTo.map(String.init),
                      $0.channel.rawValue, "0571-\(8800 + $0.id % 1000)-\(String(format: "%04d", $0.id % 10000))"] }
    }
    func dealRows() -> [[String?]] {
        deals.map { d in
            [String(id), String(d.id), d.name, String(d.pipeline.id), String(d.stage.id), d.status.rawValue, d.method?.rawValue, String(d.amount),
             d.closeBy.description, d.closedOn?.description, d.reason, String(d.ownerID)]
        }
    }
    func historyRows() -> [[String?]] {
        deals.flatMap { d in d.visits.map { [String(id), String($0.id), String(d.id), String($0.stage.id), $0.entered.description, owner.login] } }
    }
    func influenceRows() -> [[String?]] {
        deals.flatMap { d in d.influences.map { i in
            [String(id), String(i.id), String(d.id), String(people[i.person].id), i.role.rawValue, i.influence.rawValue, i.stance.rawValue,
             i.mode?.rawValue, i.rating.map(String.init), i.personalWin, d.created.description]
        } }
    }
    /// The account's touchpoints for the touchpoint writer: participants with
    /// their emotions, and a pain point raised by the first of them now and then.
    func touchpointDrafts() -> [TouchpointDraft] {
        touchpoints.map { t in
            let raised = t.pain.map { p in
                TouchpointDraft.Raised(stakeholderID: t.attendees.first.map { people[$0.person].id }, kind: p.kind, text: p.text,
                                       severity: p.severity, status: p.status, response: p.response,
                                       respondedOn: p.status == .open ? nil : t.day.adding(days: 3),
                                       resolvedOn: p.status == .resolved ? t.day.adding(days: 10) : nil)
            }
            return TouchpointDraft(
                accountID: id, dealID: t.deal.map { deals[$0].id }, stageID: t.stage?.id, at: LocalTime(day: t.day, minuteOfDay: t.minute),
                channel: t.channel, direction: t.inbound ? .inbound : .outbound, summary: t.summary,
                participants: t.attendees.map { a in
                    Participant(stakeholderID: people[a.person].id, emotion: a.emotion.flatMap(Emotion.init),
                                emotionLabel: a.emotion.map(Vocab.emotionLabel), quote: a.quote)
                },
                raised: raised.map { [$0] } ?? [], loggedBy: owner.login)
        }
    }
}

/// The words synthetic accounts are made of.
enum Vocab {
    static let teams = ["华东政府组 East Gov", "华南政府组 South Gov", "国企事业部 SOE", "企业事业部 Enterprise"]
    static let repsPerTeam = 6
    static let cities: [(name: String, region: String)] = [
        ("杭州", "华东 East China"), ("宁波", "华东 East China"), ("南京", "华东 East China"), ("苏州", "华东 East China"),
        ("合肥", "华东 East China"), ("福州", "华东 East China"), ("济南", "华北 North China"), ("石家庄", "华北 North China"),
        ("太原", "华北 North China"), ("郑州", "华中 Central China"), ("武汉", "华中 Central China"), ("长沙", "华中 Central China"),
        ("广州", "华南 South China"), ("深圳", "华南 South China"), ("南宁", "华南 South China"), ("成都", "西南 Southwest"),
        ("昆明", "西南 Southwest"), ("贵阳", "西南 Southwest"), ("西安", "西北 Northwest"), ("沈阳", "东北 Northeast"),
    ]
    static let agencies = ["数据资源局", "卫生健康委员会", "公安局", "交通运输局", "教育局", "市场监督管理局", "人力资源和社会保障局",
                           "应急管理局", "住房和城乡建设局", "自然资源和规划局", "政务服务管理办公室", "生态环境局"]
    static let institutions = ["市第一人民医院", "中心医院", "疾病预防控制中心", "职业技术学院", "档案馆", "图书馆", "第一中学", "不动产登记中心"]
    static let soes = ["城投集团", "能源集团", "水务集团", "交通投资集团", "供电公司", "燃气集团", "地铁集团", "港务集团"]
    static let brands = ["华信", "远景", "恒泰", "新锐", "博达", "鼎盛", "中科", "天成", "汇通", "启明", "瑞丰", "卓越"]
    static let companies = ["科技有限公司", "制造股份有限公司", "物流有限公司", "零售集团", "生物医药有限公司", "汽车零部件有限公司"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
                           "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"]
    static let given = ["建国", "志强", "敏", "磊", "洋", "丽", "婷", "伟", "芳", "军", "静", "涛", "明", "超", "霞", "平", "刚", "娜", "杰",
                        "勇", "艳", "斌", "丹", "鹏", "华", "红", "飞", "鑫", "宇", "晨"]
    static let projects = ["数据中台", "政务云平台", "一网通办", "智慧医院", "城市大脑", "应急指挥系统", "数字档案", "ERP升级", "CRM系统",
                           "供应链协同平台", "智能客服", "视频监控联网", "电子病历", "财务共享中心", "安全运营中心"]
    static let lostReasons = ["price too high", "competitor incumbent", "technical score", "budget cut", "lost the tender", "relationship"]
    static let droppedReasons = ["project cancelled", "merged into a larger project", "no budget this year"]
    static let wonReasons = ["best technical score", "reference cases", "price", "relationship", "local service team"]
    static let personalWins = ["考核排名 a better performance ranking", "少加班 fewer late nights", "晋升 a promotion", "合规零风险 no audit findings",
                               "预算可控 a budget he can defend", "系统稳定 a stable system"]
    static let pains = [
        "预算审批周期长 long budget approval", "与现有系统集成困难 hard to integrate with existing systems",
        "数据安全合规顾虑 data security and compliance concerns", "国产化适配 domestic hardware and OS support",
        "运维费用不透明 unclear O&M costs", "上线周期太长 rollout takes too long", "用户培训不足 not enough user training",
        "报表不满足领导需求 reports miss what leaders need", "供应商响应慢 slow vendor response", "合同条款不清晰 unclear contract terms",
        "付款节点与验收脱节 payment milestones not tied to acceptance", "系统性能不足 poor system performance",
        "数据口径不统一 inconsistent data definitions", "采购流程合规风险 procurement compliance risk", "移动端体验差 poor mobile experience",
        "历史数据迁移风险 legacy data migration risk", "定制开发成本高 costly customisation", "跨部门协调难 hard cross-department coordination",
        "等保测评要求 MLPS security requirements", "本地化服务不足 no local service team",
    ]
    static let responses = ["提供参考案例 shared reference cases", "安排技术交流 arranged a technical session", "调整报价 revised the quote",
                            "补充方案说明 sent a solution addendum", "承诺驻场支持 committed on-site support"]
    static let summaries = ["需求沟通 requirements discussion", "方案汇报 solution briefing", "技术交流 technical exchange",
                            "商务沟通 commercial discussion", "现场调研 site survey", "产品演示 product demo", "招标答疑 tender Q&A",
                            "合同评审 contract review", "项目例会 project meeting", "培训 training session"]
    static let quotes = ["这个方案我们要再研究一下", "价格还有空间吗？", "上线时间能不能提前？", "领导很关心安全问题", "你们的案例很有说服力"]
    static let channelsByWeight: [Channel] = [.visit, .meeting, .call, .email, .wechat, .event, .demo, .tenderDocument, .bidClarification,
                                              .siteSurvey, .contractReview, .training, .support, .other]
    static let channelWeights: [Double] = [18, 14, 18, 12, 20, 2, 4, 2, 2, 2, 2, 2, 1, 1]

    static func industry(_ kind: AccountKind, _ rng: inout SplitMix64) -> String {
        switch kind {
        case .government: return "政务 Government services"
        case .institution: return rng.pick(["医疗 Healthcare", "教育 Education", "公共服务 Public services"])
        case .soe: return rng.pick(["能源 Energy", "交通 Transport", "公用事业 Utilities"])
        case .enterprise: return rng.pick(["制造 Manufacturing", "零售 Retail", "物流 Logistics", "医药 Pharma"])
        }
    }

    static func units(_ kind: AccountKind) -> [String] {
        switch kind {
        case .government: return ["局领导 Leadership", "信息技术处 IT Division", "业务处 Business Division"]
        case .institution: return ["院领导 Leadership", "信息中心 IT Centre", "业务科室 Operations"]
        case .soe, .enterprise: return ["公司领导 Management", "信息技术部 IT Department", "业务部 Business Unit"]
        }
    }

    static func titles(_ level: Level, _ kind: AccountKind) -> [String] {
        let government = kind == .government || kind == .institution
        switch level {
        case .executive: return government ? ["局长 Director-General", "副局长 Deputy Director-General"] : ["总经理 CEO", "副总经理 Vice President"]
        case .manager: return government ? ["处长 Division Head", "主任 Office Head", "科长 Section Chief"] : ["部门经理 Department Manager", "IT总监 IT Director"]
        case .staff: return government ? ["科员 Officer", "业务骨干 Senior Officer", "工程师 Engineer"] : ["工程师 Engineer", "专员 Specialist", "主管 Supervisor"]
        }
    }

    static func channels(_ level: Level) -> [Channel] {
        switch level {
        case .executive: return [.visit, .meeting]
        case .manager: return [.wechat, .meeting, .email, .call]
        case .staff: return [.wechat, .call, .email]
        }
    }

    /// Where a stance puts a person's emotions on average.
    static func stanceScore(_ s: Stance) -> Int {
        switch s { case .champion: 2; case .supporter: 1; case .neutral: 0; case .skeptic: -1; case .opponent: -2 }
    }

    static func emotionLabel(_ e: Int) -> String {
        ["frustrated", "anxious", "confused", "neutral", "interested", "satisfied", "delighted"][e + 3]
    }
}
