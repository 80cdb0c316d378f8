/// A case exercise for trainers (docs/case-format.md): a realistic account
/// whose history is released to trainees in rounds, and a hidden answer key
/// (who really is EB, TB, UB and Coach, where the moment of truth is, what a
/// good plan contains). Parse and check files with `CaseValidator`; the JSON
/// keys are the Codable keys below (snake_case).
public struct CaseFile: Hashable, Sendable, Codable {
    /// The only format this dchain reads.
    public static let currentFormat = "dchain-case/1"

    public var format: String
    /// Lower-case letters, digits and `-`: what `case start ID` takes.
    public var id: String
    public var title: CaseText
    /// What trainees see (`case show`): the situation, never the answer.
    public var brief: CaseText
    public var account: CaseAccount
    /// Departments, each listed after its parent (may be empty, not absent).
    public var units: [CaseUnit]
    /// People, each listed after the person they report to; names are unique.
    public var stakeholders: [CaseStakeholder]
    public var deal: CaseDeal
    /// Round 1 is loaded by `case start`, each later one by `case next`.
    public var rounds: [CaseRound]
    /// In time order; each names the round that releases it.
    public var touchpoints: [CaseTouchpoint]
    /// The answer: never loaded into a trainee's workspace.
    public var key: CaseKey

    public init(format: String = CaseFile.currentFormat, id: String, title: CaseText, brief: CaseText, account: CaseAccount,
                units: [CaseUnit], stakeholders: [CaseStakeholder], deal: CaseDeal, rounds: [CaseRound],
                touchpoints: [CaseTouchpoint], key: CaseKey) {
        self.format = format; self.id = id; self.title = title; self.brief = brief; self.account = account
        self.units = units; self.stakeholders = stakeholders; self.deal = deal; self.rounds = rounds
        self.touchpoints = touchpoints; self.key = key
    }

    /// The kind of organisation the case is about (what `case list` shows).
    public var kind: AccountKind { account.kind }

    /// A stakeholder by name.
    public func stakeholder(named name: String) -> CaseStakeholder? { stakeholders.first { $0.name == name } }

    /// The stage entries a round releases, in order.
    public func stageEntries(in round: Int) -> [CaseStageEntry] { deal.stages.filter { $0.round == round } }

    /// The touchpoints a round releases, in time order.
    public func touchpoints(in round: Int) -> [CaseTouchpoint] { touchpoints.filter { $0.round == round } }

    /// The deal's stage once `round` has been released: its latest released entry.
    public func currentStage(afterRound round: Int) -> String? {
        deal.stages.last { $0.round <= round }?.stage
    }

    /// The stage the deal was in at a time, as far as `round` has released it:
    /// the latest released entry on or before that day, else the first entry.
    public func stage(at time: LocalTime, afterRound round: Int) -> String? {
        let released = deal.stages.filter { $0.round <= round }
        return released.last { $0.entered <= time.day }?.stage ?? released.first?.stage
    }

    /// The case's "today" once `round` has been released (use it as `--today`).
    public func today(afterRound round: Int) -> Day? {
        rounds.indices.contains(round - 1) ? rounds[round - 1].today : nil
    }
}

/// A text in English and Chinese.
public struct CaseText: Hashable, Sendable, Codable {
    public var en: String
    public var zh: String
    public init(en: String, zh: String) { self.en = en; self.zh = zh }
    /// The text in a language.
    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }
}

/// The account of a case.
public struct CaseAccount: Hashable, Sendable, Codable {
    public var name: String
    public var kind: AccountKind
    public var code: String?
    public var region: String?
    public var industry: String?
    public init(name: String, kind: AccountKind, code: String? = nil, region: String? = nil, industry: String? = nil) {
        self.name = name; self.kind = kind; self.code = code; self.region = region; self.industry = industry
    }
}

/// A department; `parent` names a unit listed before it.
public struct CaseUnit: Hashable, Sendable, Codable {
    public var name: String
    public var parent: String?
    public init(name: String, parent: String? = nil) { self.name = name; self.parent = parent }
}

/// A person at the account. `unit` and `reportsTo` are names.
public struct CaseStakeholder: Hashable, Sendable, Codable {
    public var name: String
    public var title: String
    public var unit: String?
    public var level: Level?
    public var reportsTo: String?
    public var channel: Channel?
    public var email: String?
    public var phone: String?
    public var wechat: String?

    public init(name: String, title: String, unit: String? = nil, level: Level? = nil, reportsTo: String? = nil,
                channel: Channel? = nil, email: String? = nil, phone: String? = nil, wechat: String? = nil) {
        self.name = name; self.title = title; self.unit = unit; self.level = level; self.reportsTo = reportsTo
        self.channel = channel; self.email = email; self.phone = phone; self.wechat = wechat
    }

    enum CodingKeys: String, CodingKey {
        case name, title, unit, level, reportsTo = "reports_to", channel, email, phone, wechat
    }
}

/// The deal trainees work, with its stage history released round by round.
public struct CaseDeal: Hashable, Sendable, Codable {
    public var name: String
    /// A pipeline key (`government`, `enterprise`).
    public var pipeline: String
    public var method: ProcurementMethod?
    public var amount: Double?
    public var currency: String?
    public var closeBy: Day?
    /// Stage entries in time order; the first belongs to round 1.
    public var stages: [CaseStageEntry]

    public init(name: String, pipeline: String, method: ProcurementMethod? = nil, amount: Double? = nil, currency: String? = nil,
                closeBy: Day? = nil, stages: [CaseStageEntry]) {
        self.name = name; self.pipeline = pipeline; self.method = method; self.amount = amount; self.currency = currency
        self.closeBy = closeBy; self.stages = stages
    }

    enum CodingKeys: String, CodingKey {
        case name, pipeline, method, amount, currency, closeBy = "close_by", stages
    }
}

/// The deal entering a stage on a day, released in a round.
public struct CaseStageEntry: Hashable, Sendable, Codable {
    public var stage: String
    public var entered: Day
    public var round: Int
    public init(stage: String, entered: Day, round: Int) { self.stage = stage; self.entered = entered; self.round = round }
}

/// One round of the exercise: what it is called, the case's day when it is
/// released (trainees plan with `--today` set to it), and what it tells them.
public struct CaseRound: Hashable, Sendable, Codable {
    public var title: CaseText
    public var today: Day
    public var brief: CaseText?
    public init(title: CaseText, today: Day, brief: CaseText? = nil) { self.title = title; self.today = today; self.brief = brief }
}

/// A touchpoint of the case's history.
public struct CaseTouchpoint: Hashable, Sendable, Codable {
    public var round: Int
    public var at: LocalTime
    public var channel: Channel
    public var direction: Direction?
    public var summary: String?
    /// What we did or said in reply; answers the pain points raised here.
    public var response: String?
    public var participants: [CaseParticipant]
    public var painPoints: [CasePainPoint]

    public init(round: Int, at: LocalTime, channel: Channel, direction: Direction? = nil, summary: String? = nil,
                response: String? = nil, participants: [CaseParticipant], painPoints: [CasePainPoint] = []) {
        self.round = round; self.at = at; self.channel = channel; self.direction = direction; self.summary = summary
        self.response = response; self.participants = participants; self.painPoints = painPoints
    }

    enum CodingKeys: String, CodingKey {
        case round, at, channel, direction, summary, response, participants, painPoints = "pain_points"
    }

    /// `pain_points` may be left out of a file: none were raised.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(round: try c.decode(Int.self, forKey: .round), at: try c.decode(LocalTime.self, forKey: .at),
                  channel: try c.decode(Channel.self, forKey: .channel), direction: try c.decodeIfPresent(Direction.self, forKey: .direction),
                  summary: try c.decodeIfPresent(String.self, forKey: .summary), response: try c.decodeIfPresent(String.self, forKey: .response),
                  participants: try c.decode([CaseParticipant].self, forKey: .participants),
                  painPoints: try c.decodeIfPresent([CasePainPoint].self, forKey: .painPoints) ?? [])
    }
}

/// A stakeholder at a case touchpoint, with their emotion (nil = unknown).
public struct CaseParticipant: Hashable, Sendable, Codable {
    public var stakeholder: String
    public var emotion: Emotion?
    public var label: String?
    public var quote: String?
    public init(stakeholder: String, emotion: Emotion? = nil, label: String? = nil, quote: String? = nil) {
        self.stakeholder = stakeholder; self.emotion = emotion; self.label = label; self.quote = quote
    }
}

/// A pain point or need raised at a case touchpoint by one of its participants.
public struct CasePainPoint: Hashable, Sendable, Codable {
    public var stakeholder: String
    public var kind: PainKind?
    public var text: String
    public var severity: Severity?
    public init(stakeholder: String, kind: PainKind? = nil, text: String, severity: Severity? = nil) {
        self.stakeholder = stakeholder; self.kind = kind; self.text = text; self.severity = severity
    }
}

/// The answer key: what a full score takes, and how much each part weighs.
public struct CaseKey: Hashable, Sendable, Codable {
    public var weights: CaseWeights
    /// The real decision chain.
    public var roles: [CaseKeyRole]
    /// The people a good trainee stays in touch with (a logged touchpoint or an accepted plan item).
    public var coverage: [String]
    /// Acceptable answers for the moment of truth; any one earns full marks.
    public var momentsOfTruth: [CaseKeyMoment]
    /// The plan items a good answer contains.
    public var plan: [CaseKeyPlanItem]
    /// The trainer's model answer, told as a story for the debrief.
    public var debrief: CaseText

    public init(weights: CaseWeights, roles: [CaseKeyRole], coverage: [String], momentsOfTruth: [CaseKeyMoment],
                plan: [CaseKeyPlanItem], debrief: CaseText) {
        self.weights = weights; self.roles = roles; self.coverage = coverage; self.momentsOfTruth = momentsOfTruth
        self.plan = plan; self.debrief = debrief
    }

    enum CodingKeys: String, CodingKey {
        case weights, roles, coverage, momentsOfTruth = "moments_of_truth", plan, debrief
    }
}

/// Points per criterion (whole numbers; usually they add up to 100).
public struct CaseWeights: Hashable, Sendable, Codable {
    public var roles: Int
    public var coverage: Int
    public var moment: Int
    public var plan: Int
    public init(roles: Int, coverage: Int, moment: Int, plan: Int) {
        self.roles = roles; self.coverage = coverage; self.moment = moment; self.plan = plan
    }
    /// The weight of one criterion.
    public func weight(_ c: CaseCriterion) -> Int {
        switch c { case .roles: roles; case .coverage: coverage; case .moment: moment; case .plan: plan }
    }
    /// The most a trainee can score.
    public var total: Int { roles + coverage + moment + plan }
}

/// A role of the real decision chain; `influence` and `stance`, when given,
/// must be recorded too for the full share.
public struct CaseKeyRole: Hashable, Sendable, Codable {
    public var stakeholder: String
    public var role: Role
    public var influence: Influence?
    public var stance: Stance?
    public var why: CaseText
    public init(stakeholder: String, role: Role, influence: Influence? = nil, stance: Stance? = nil, why: CaseText) {
        self.stakeholder = stakeholder; self.role = role; self.influence = influence; self.stance = stance; self.why = why
    }
}

/// A moment of truth: a stage and the person whose dip it is.
public struct CaseKeyMoment: Hashable, Sendable, Codable {
    public var stage: String
    public var stakeholder: String
    public var why: CaseText
    public init(stage: String, stakeholder: String, why: CaseText) { self.stage = stage; self.stakeholder = stakeholder; self.why = why }
}

/// A plan item a good answer contains: a plan rule for a person, optionally
/// for a role and at a stage (the deal's stage when the plan was accepted).
public struct CaseKeyPlanItem: Hashable, Sendable, Codable {
    public var rule: String
    public var stakeholder: String
    public var role: Role?
    public var stage: String?
    public var why: CaseText
    public init(rule: String, stakeholder: String, role: Role? = nil, stage: String? = nil, why: CaseText) {
        self.rule = rule; self.stakeholder = stakeholder; self.role = role; self.stage = stage; self.why = why
    }
}
