/// A one-deal review sheet in the manner of a Blue Sheet: the buying
/// influences with how each stands, the red flags, the strengths, and the
/// plan's next steps.
public struct DealReview: Sendable {
    public var account: Account
    public var deal: Deal
    /// The deal's current stage, when its pipeline is known.
    public var stage: Stage?
    public var today: Day
    public var facts: DealFacts
    /// Current buying influences, EB first, then by name.
    public var influences: [InfluenceLine]
    public var redFlags: [RedFlag]
    public var strengths: [Strength]
    /// The plan's next steps for this deal (empty when the plan has none).
    public var plan: [PlanStep]
    /// The deal's own surveys per stage and overall, and its days per stage.
    public var metrics = DealMetrics(overall: ExperienceScores(), stages: [])
    /// The days the deal's tender failed (流标), oldest first.
    public var failedTenders: [Day] = []

    public init(account: Account, deal: Deal, stage: Stage?, today: Day, facts: DealFacts, influences: [InfluenceLine],
                redFlags: [RedFlag], strengths: [Strength], plan: [PlanStep] = []) {
        self.account = account; self.deal = deal; self.stage = stage; self.today = today; self.facts = facts
        self.influences = influences; self.redFlags = redFlags; self.strengths = strengths; self.plan = plan
    }

    /// Builds the sheet from the account's snapshot and the deal's facts (the
    /// same facts the pipeline report uses, so the red flags agree).
    public static func build(snapshot: AccountSnapshot, deal: Deal, facts: DealFacts, today: Day, plan: [PlanStep] = [],
                             policy: RedFlagPolicy = RedFlagPolicy()) -> DealReview {
        let inScope = snapshot.touchpoints.filter { ($0.dealID == deal.id || $0.dealID == nil) && $0.at.day <= today }
        let lines = snapshot.influences.filter { $0.dealID == deal.id }.map { bi -> InfluenceLine in
            let person = snapshot.stakeholder(bi.stakeholderID)
            let mine = inScope.compactMap { tp in tp.participants.first { $0.stakeholderID == bi.stakeholderID }.map { (tp.at, $0) } }
            let lastKnown = mine.last { $0.1.emotion != nil }
            return InfluenceLine(stakeholderID: bi.stakeholderID, name: person?.name ?? "#\(bi.stakeholderID)",
                                 title: person?.title ?? "", level: person?.level, role: bi.role, influence: bi.influence,
                                 stance: bi.stance, mode: bi.mode, rating: bi.rating, personalWin: bi.personalWin,
                                 since: bi.since, lastContact: mine.last?.0.day, latestEmotion: lastKnown?.1.emotion,
                                 latestQuote: mine.last { $0.1.quote?.isEmpty == false }?.1.quote)
        }.sorted { ($0.role.rank, $0.name, $0.stakeholderID) < ($1.role.rank, $1.name, $1.stakeholderID) }
        let stage = snapshot.pipeline(deal.pipelineKey)?.stage(deal.stageKey)
        let flags = RedFlags.evaluate(facts, today: today, policy: policy)
        var review = DealReview(account: snapshot.account, deal: deal, stage: stage, today: today, facts: facts, influences: lines,
                                redFlags: flags, strengths: Strength.evaluate(facts, influences: lines, today: today, policy: policy, flags: flags),
                                plan: plan)
        review.metrics = DealMetrics.build(snapshot: snapshot, deal: deal, today: today)
        review.failedTenders = snapshot.history(of: deal.id).filter { $0.event == .failedTender }.map(\.entered)
        return review
    }
}

/// One buying influence on the review sheet.
public struct InfluenceLine: Hashable, Sendable {
    public var stakeholderID: Int64
    public var name: String
    public var title: String
    public var level: Level?
    public var role: Role
    public var influence: Influence?
    public var stance: Stance?
    public var mode: ResponseMode?
    /// −5…+5.
    public var rating: Int?
    public var personalWin: String?
    /// The day the role was last set.
    public var since: Day?
    /// The latest of the deal's touchpoints they took part in.
    public var lastContact: Day?
    public var latestEmotion: Emotion?
    /// The latest thing they were quoted as saying.
    public var latestQuote: String?

    public init(stakeholderID: Int64, name: String, title: String, level: Level? = nil, role: Role, influence: Influence? = nil,
                stance: Stance? = nil, mode: ResponseMode? = nil, rating: Int? = nil, personalWin: String? = nil, since: Day? = nil,
                lastContact: Day? = nil, latestEmotion: Emotion? = nil, latestQuote: String? = nil) {
        self.stakeholderID = stakeholderID; self.name = name; self.title = title; self.level = level; self.role = role
        self.influence = influence; self.stance = stance; self.mode = mode; self.rating = rating; self.personalWin = personalWin
        self.since = since; self.lastContact = lastContact; self.latestEmotion = latestEmotion; self.latestQuote = latestQuote
    }
}

/// The stable key of a strength of a deal.
public enum StrengthKind: String, CaseIterable, Codable, Sendable {
    case ebEngaged = "eb-engaged"
    case coachActive = "coach-active"
    case champion
    case multiThreaded = "multi-threaded"
    case onPace = "on-pace"
    case fullCoverage = "full-coverage"
}

/// Something going well on a deal, with its evidence.
public struct Strength: Hashable, Sendable {
    public var evidence: Evidence

    /// The facts behind a strength, for a renderer to phrase.
    public enum Evidence: Hashable, Sendable {
        /// The EB was contacted within cadence and their latest emotion is positive.
        case ebEngaged(names: [String], emotion: Emotion, last: Day)
        /// The Coach was contacted within cadence (`cadenceDays`).
        case coachActive(names: [String], last: Day, cadenceDays: Int)
        /// High-influence champions or supporters.
        case champion(names: [String])
        /// At least `multiThreadMin` stakeholders contacted within 60 days.
        case multiThreaded(contacted: Int, windowDays: Int)
        /// Days in stage within the expected days.
        case onPace(days: Int, expectedDays: Int)
        /// EB, TB, UB and Coach all identified.
        case fullCoverage
    }

    public init(_ evidence: Evidence) { self.evidence = evidence }

    /// The strength's stable key.
    public var kind: StrengthKind {
        switch evidence {
        case .ebEngaged: return .ebEngaged
        case .coachActive: return .coachActive
        case .champion: return .champion
        case .multiThreaded: return .multiThreaded
        case .onPace: return .onPace
        case .fullCoverage: return .fullCoverage
        }
    }

    /// Stakeholders contacted within 60 days for a deal to count as multi-threaded.
    public static let multiThreadMin = 3

    /// The strengths of a deal, in the order of `StrengthKind`, leaving out any that one of
    /// `flags` contradicts (a deal is never both "EB engaged" and "EB overdue").
    public static func evaluate(_ f: DealFacts, influences: [InfluenceLine], today: Day, policy: RedFlagPolicy = RedFlagPolicy(),
                                flags: [RedFlag]? = nil) -> [Strength] {
        var out: [Strength] = []
        let eb = f.role(.eb)
        if eb.withinCadence(today: today, cadenceDays: policy.cadence(.eb)), let e = eb.latestEmotion, e.value > 0, let last = eb.lastContact {
            out.append(Strength(.ebEngaged(names: eb.stakeholders, emotion: e, last: last)))
        }
        let coach = f.role(.coach)
        if coach.withinCadence(today: today, cadenceDays: policy.cadence(.coach)), let last = coach.lastContact {
            out.append(Strength(.coachActive(names: coach.stakeholders, last: last, cadenceDays: policy.cadence(.coach))))
        }
        let champions = influences.filter { $0.influence == .high && ($0.stance == .champion || $0.stance == .supporter) }
        var names: [String] = []
        for c in champions where !names.contains(c.name) { names.append(c.name) }
        if !names.isEmpty { out.append(Strength(.champion(names: names))) }
        if f.contactedLast60Days >= multiThreadMin {
            out.append(Strength(.multiThreaded(contacted: f.contactedLast60Days, windowDays: RedFlags.threadWindowDays)))
        }
        if let days = f.daysInStage(today: today), days <= f.expectedDays {
            out.append(Strength(.onPace(days: days, expectedDays: f.expectedDays)))
        }
        if f.roles.allSatisfy(\.identified) { out.append(Strength(.fullCoverage)) }
        let raised = flags ?? RedFlags.evaluate(f, today: today, policy: policy)
        return out.filter { s in !raised.contains { s.isContradicted(by: $0) } }
    }

    /// True when the flag says the opposite of this strength: the EB or Coach it praises is
    /// missing, negative or overdue; the champion it names is flagged as an opponent; the deal
    /// it calls multi-threaded or on pace is flagged single-threaded or stalled.
    public func isContradicted(by flag: RedFlag) -> Bool {
        switch (evidence, flag.evidence) {
        case (.ebEngaged, .noEB), (.ebEngaged, .ebNegative), (.coachActive, .noCoach),
             (.multiThreaded, .singleThreaded), (.onPace, .stalled), (.fullCoverage, .noEB), (.fullCoverage, .noCoach):
            return true
        case let (.ebEngaged(names, _, _), .overdueContact(name, roles, _)):
            return roles.contains(.eb) || names.contains(name)
        case let (.coachActive(names, _, _), .overdueContact(name, roles, _)):
            return roles.contains(.coach) || names.contains(name)
        case let (.champion(names), .opponent(people)):
            return people.contains { names.contains($0.name) }
        default:
            return false
        }
    }
}

/// One next step of the communication plan, as the review sheet shows it.
public struct PlanStep: Hashable, Sendable {
    public var due: Day
    public var priority: Priority
    /// Who the step is with (a stakeholder's name), if anyone.
    public var with: String?
    public var role: Role?
    public var action: String
    public var channel: Channel?
    /// Why the plan proposes it (names the rule).
    public var why: String
    public init(due: Day, priority: Priority, with: String?, role: Role?, action: String, channel: Channel?, why: String) {
        self.due = due; self.priority = priority; self.with = with; self.role = role; self.action = action
        self.channel = channel; self.why = why
    }
}
