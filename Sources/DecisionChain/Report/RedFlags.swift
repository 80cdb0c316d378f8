/// The stable key of a red flag (the JSON `flag` value); never rename.
public enum RedFlagKind: String, CaseIterable, Codable, Sendable {
    case noEB = "no-eb"
    case ebNegative = "eb-negative"
    case overdueContact = "overdue-contact"
    case unansweredPain = "unanswered-pain"
    case noCoach = "no-coach"
    case singleThreaded = "single-threaded"
    case stalled
    case opponent
    case quietStageContact = "quiet-stage-contact"
    case silent30d = "silent-30d"
}

/// The data the red flags read beyond a deal's facts: the role cadences and
/// the thresholds of `Reports/plan-rules.json`, the same the plan uses.
public struct RedFlagPolicy: Hashable, Sendable {
    /// Days between contacts per role.
    public var cadenceDays: [Role: Int]
    public var rules: RedFlagRules
    public init(cadenceDays: [Role: Int] = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, RoleFacts.cadenceDays($0)) }),
                rules: RedFlagRules = RedFlagRules()) {
        self.cadenceDays = cadenceDays; self.rules = rules
    }
    /// The policy of a plan's rules: its role cadences and its `red_flags` section.
    public init(_ plan: PlanRules) {
        self.init(cadenceDays: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, plan.role($0).cadenceDays) }), rules: plan.redFlags)
    }
    /// The cadence of a role.
    public func cadence(_ role: Role) -> Int { cadenceDays[role] ?? RoleFacts.cadenceDays(role) }
}

/// A warning about one deal, with the evidence that raised it.
public struct RedFlag: Hashable, Sendable {
    public var accountID: Int64
    public var accountName: String
    public var dealID: Int64
    public var dealName: String
    /// The deal's pipeline (for the names of the stages in the evidence).
    public var pipelineKey: String
    public var evidence: Evidence

    /// Why the flag was raised: the facts a renderer turns into a sentence.
    public enum Evidence: Hashable, Sendable {
        /// No current EB on the deal.
        case noEB
        /// The EB's latest known emotion is at or below the threshold.
        case ebNegative(names: [String], emotion: Emotion, on: Day?)
        /// No current Coach on the deal.
        case noCoach
        /// At most one stakeholder took part in the deal's touchpoints within `windowDays`.
        case singleThreaded(contacted: Int, windowDays: Int)
        /// Days in stage above `factor` × expected.
        case stalled(stageKey: String, days: Int, expectedDays: Int, factor: Double)
        /// High-influence skeptics or opponents.
        case opponent([AdversePerson])
        /// No touchpoint tagged with the deal within `windowDays` (`last` nil: never).
        case silent(last: Day?, windowDays: Int)
        /// A role holder past the cadence of their most demanding role (the plan's `stale-contact`).
        case overdueContact(name: String, roles: [Role], overdue: ContactCadence.Overdue)
        /// A pain point of a flagged severity with no response for more than `thresholdDays` (the plan's `open-pain`).
        case unansweredPain(PainFacts, days: Int, thresholdDays: Int)
        /// A touchpoint with the buyer's side while the deal was in a quiet stage (bidding, evaluation).
        case quietStageContact(QuietContact)
    }

    public init(accountID: Int64, accountName: String, dealID: Int64, dealName: String, pipelineKey: String, evidence: Evidence) {
        self.accountID = accountID; self.accountName = accountName; self.dealID = dealID; self.dealName = dealName
        self.pipelineKey = pipelineKey; self.evidence = evidence
    }

    /// The flag's stable key.
    public var kind: RedFlagKind {
        switch evidence {
        case .noEB: return .noEB
        case .ebNegative: return .ebNegative
        case .noCoach: return .noCoach
        case .singleThreaded: return .singleThreaded
        case .stalled: return .stalled
        case .opponent: return .opponent
        case .silent: return .silent30d
        case .overdueContact: return .overdueContact
        case .unansweredPain: return .unansweredPain
        case .quietStageContact: return .quietStageContact
        }
    }

    /// The day the flag's evidence dates from, when it has one (the last contact, the day a
    /// pain was raised, the day of a quiet-stage touchpoint, the stage entry).
    public var since: Day? {
        switch evidence {
        case let .ebNegative(_, _, on): return on
        case let .silent(last, _): return last
        case let .overdueContact(_, _, o): return o.lastContact
        case let .unansweredPain(p, _, _): return p.raisedOn
        case let .quietStageContact(q): return q.on
        default: return nil
        }
    }
}

/// The red-flag rules, decided from a deal's facts. Thresholds are named so
/// the documentation and the tests can quote them.
public enum RedFlags {
    /// A deal is stalled when its days in stage exceed this multiple of the stage's expected days.
    public static let stallFactor = 1.5
    /// The EB is negative when their latest known emotion is at or below this.
    public static let ebNegativeAt = -1
    /// Single-threaded: one stakeholder (or none) contacted within this many days.
    public static let threadWindowDays = 60
    /// Silent: no touchpoint on the deal within this many days.
    public static let silenceDays = 30

    /// True when `days` in a stage exceed 1.5 × its expected days.
    public static func isStalled(days: Int?, expectedDays: Int) -> Bool {
        guard let days else { return false }
        return Double(days) > stallFactor * Double(expectedDays)
    }

    /// Every red flag of an open deal, in the order of `RedFlagKind`. Closed deals have none. In a
    /// quiet stage the flags that call for contact (overdue, single-threaded, silent) are not raised.
    public static func evaluate(_ f: DealFacts, today: Day, policy: RedFlagPolicy = RedFlagPolicy()) -> [RedFlag] {
        guard f.status == .open else { return [] }
        var evidence: [RedFlag.Evidence] = []
        let eb = f.role(.eb)
        if !eb.identified {
            evidence.append(.noEB)
        } else if let e = eb.latestEmotion, e.value <= ebNegativeAt {
            evidence.append(.ebNegative(names: eb.stakeholders, emotion: e, on: eb.latestEmotionOn))
        }
        // Every holder past cadence, in decision-chain order (EB first), as the plan's stale-contact finds them.
        // In a quiet stage (bidding, evaluation) the plan proposes no contact, and neither do the flags.
        for h in f.stageQuiet ? [] : f.holders.sorted(by: { ($0.roles.first?.rank ?? 9, $0.name) < ($1.roles.first?.rank ?? 9, $1.name) }) {
            if let o = ContactCadence.overdue(roles: h.roles, last: h.lastContact, today: today, cadence: policy.cadence) {
                evidence.append(.overdueContact(name: h.name, roles: h.roles, overdue: o))
            }
        }
        let severities = Set(policy.rules.painSeverities)
        for p in f.unansweredPains where severities.contains(p.severity) && p.raisedOn <= today {
            let days = p.raisedOn.days(to: today)
            if days > policy.rules.painDays { evidence.append(.unansweredPain(p, days: days, thresholdDays: policy.rules.painDays)) }
        }
        if !f.role(.coach).identified { evidence.append(.noCoach) }
        // Nobody contacted at all is as thin as one person: the chain hangs on at most one thread.
        if f.contactedLast60Days <= 1 && !f.stageQuiet {
            evidence.append(.singleThreaded(contacted: f.contactedLast60Days, windowDays: threadWindowDays))
        }
        let days = f.daysInStage(today: today)
        if let days, isStalled(days: days, expectedDays: f.expectedDays) {
            evidence.append(.stalled(stageKey: f.stageKey, days: days, expectedDays: f.expectedDays, factor: stallFactor))
        }
        if !f.highInfluenceAdverse.isEmpty { evidence.append(.opponent(f.highInfluenceAdverse)) }
        let allowed = Set(policy.rules.quietAllowedChannels)
        for q in f.quietContacts where !allowed.contains(q.channel) && q.on <= today { evidence.append(.quietStageContact(q)) }
        if !f.stageQuiet, f.lastDealTouchpoint.map({ $0.days(to: today) > silenceDays }) ?? true {
            evidence.append(.silent(last: f.lastDealTouchpoint, windowDays: silenceDays))
        }
        return evidence.map { RedFlag(accountID: f.accountID, accountName: f.accountName, dealID: f.dealID, dealName: f.dealName,
                                          pipelineKey: f.pipelineKey, evidence: $0) }
    }
}
