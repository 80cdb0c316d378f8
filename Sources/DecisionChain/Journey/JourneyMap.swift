/// The finished customer journey map of one deal (or, with no deal, of an
/// account's touchpoints): stages as columns, lanes per stage, the moments of
/// truth and the decision chain. Renderers read it; `--format json` encodes it
/// as documented in docs/journey-map-json.md (snake_case keys, null for unknown).
public struct JourneyMap: Sendable, Equatable, Encodable {
    /// Current state (logged facts) or future state (with the planned actions).
    public enum State: String, Sendable, Encodable { case current, future }

    public var account: MapAccount
    /// The deal mapped; nil when the account has no deals.
    public var deal: MapDeal?
    /// Facts after this day are left out.
    public var asOf: Day
    public var state: State
    /// The language stage and pipeline names are in.
    public var language: Language
    /// The pipeline's stages the deal has reached, in pipeline order; in the
    /// future state followed by the stages to come (`reached` false).
    public var stages: [JourneyStage]
    /// Touchpoints, pain points and plans no stage holds (all of them when there is no deal).
    public var unstaged: JourneyStage?
    public var momentsOfTruth: [MomentOfTruth]
    /// The deal's stakeholders (and the people they report to) in org-chart order.
    public var decisionChain: [ChainMember]
    public var summary: MapSummary
    /// The role whose point of view the map takes (`map --persona`); nil: no focus.
    public var persona: PersonaFocus?

    public init(account: MapAccount, deal: MapDeal?, asOf: Day, state: State, language: Language, stages: [JourneyStage],
                unstaged: JourneyStage?, momentsOfTruth: [MomentOfTruth], decisionChain: [ChainMember], summary: MapSummary) {
        self.account = account; self.deal = deal; self.asOf = asOf; self.state = state; self.language = language
        self.stages = stages; self.unstaged = unstaged; self.momentsOfTruth = momentsOfTruth
        self.decisionChain = decisionChain; self.summary = summary
    }

    /// Every column in display order: the stages, then the unstaged column when it has anything.
    public var columns: [JourneyStage] { stages + (unstaged.map { [$0] } ?? []) }

    enum CodingKeys: String, CodingKey {
        case account, deal, asOf = "as_of", state, language, stages, unstaged
        case momentsOfTruth = "moments_of_truth", decisionChain = "decision_chain", summary, persona
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(account, forKey: .account); try c.encode(deal, forKey: .deal); try c.encode(asOf, forKey: .asOf)
        try c.encode(state, forKey: .state); try c.encode(language, forKey: .language); try c.encode(stages, forKey: .stages)
        try c.encode(unstaged, forKey: .unstaged); try c.encode(momentsOfTruth, forKey: .momentsOfTruth)
        try c.encode(decisionChain, forKey: .decisionChain); try c.encode(summary, forKey: .summary)
        // Only a focused map has the key: unfocused maps stay as documented before personas.
        try c.encodeIfPresent(persona, forKey: .persona)
    }
}

/// The account a map is about.
public struct MapAccount: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var kind: AccountKind
    public var code: String?
    public init(_ a: Account) { id = a.id; name = a.name; kind = a.kind; code = a.code }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(kind, forKey: .kind); try c.encode(code, forKey: .code)
    }
    enum CodingKeys: String, CodingKey { case id, name, kind, code }
}

/// The deal a map is about.
public struct MapDeal: Sendable, Equatable, Encodable {
    public var id: Int64
    public var name: String
    public var pipeline: String
    public var pipelineName: String
    /// The stage the deal is in as of the map's day.
    public var stage: String
    public var stageName: String
    /// Status as of the map's day (a deal closed later was still open).
    public var status: DealStatus
    public var method: ProcurementMethod?
    public var amount: Double?
    public var currency: String

    public init(id: Int64, name: String, pipeline: String, pipelineName: String, stage: String, stageName: String,
                status: DealStatus, method: ProcurementMethod?, amount: Double?, currency: String) {
        self.id = id; self.name = name; self.pipeline = pipeline; self.pipelineName = pipelineName; self.stage = stage
        self.stageName = stageName; self.status = status; self.method = method; self.amount = amount; self.currency = currency
    }

    enum CodingKeys: String, CodingKey {
        case id, name, pipeline, pipelineName = "pipeline_name", stage, stageName = "stage_name", status, method, amount, currency
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(pipeline, forKey: .pipeline)
        try c.encode(pipelineName, forKey: .pipelineName); try c.encode(stage, forKey: .stage); try c.encode(stageName, forKey: .stageName)
        try c.encode(status, forKey: .status); try c.encode(method, forKey: .method); try c.encode(amount, forKey: .amount)
        try c.encode(currency, forKey: .currency)
    }
}

/// One column of the map: a pipeline stage with its lanes.
public struct JourneyStage: Sendable, Equatable, Encodable {
    /// Stage key; nil for the unstaged column.
    public var key: String?
    /// Stage name in the map's language ("" for the unstaged column; renderers label it).
    public var name: String
    public var phase: JourneyPhase?
    public var position: Int?
    /// The deal has entered this stage (false for stages to come in the future state).
    public var reached: Bool
    /// The deal is in this stage as of the map's day.
    public var current: Bool
    /// First entry into the stage.
    public var entered: Day?
    /// Days spent in the stage (all visits), up to the next entry or the map's day.
    public var days: Int?
    public var expectedDays: Int?
    public var touchpoints: [MapTouchpoint]
    /// What the stakeholders did (contacts they started) and said (quotes).
    public var actions: [StakeholderAction]
    public var emotion: RoleEmotions
    public var painPoints: [MapPainPoint]
    /// Our responses to the pain points raised in this stage.
    public var responses: [MapResponse]
    public var opportunities: [Opportunity]
    /// Plan items placed in this stage (future state only).
    public var planned: [PlannedAction]
    public var metrics: StageMetrics
    /// A moment of truth happened in this stage.
    public var momentOfTruth: Bool
    /// A quiet period of procurement (bidding, evaluation): no "contact X" advice here.
    public var quiet: Bool = false
    /// Opportunities found beyond the ones shown (the map shows the top few per stage unless asked for all).
    public var moreOpportunities: Int = 0
    /// Each role holder's emotion here (their lowest, or carried from before), in decision-chain order.
    public var people: [PersonEmotion] = []
    /// The role the map is focused on (`map --persona`): its low point comes first.
    public var focusRole: Role? = nil
    /// Each role's lowest point here with the people at it: what the curve draws per role
    /// (the focused role first).
    public var roleLows: [RoleLow] {
        let lows = RoleLow.of(people)
        guard let f = focusRole else { return lows }
        return lows.filter { $0.role == f } + lows.filter { $0.role != f }
    }

    public init(key: String?, name: String, phase: JourneyPhase?, position: Int?, reached: Bool, current: Bool,
                entered: Day?, days: Int?, expectedDays: Int?, touchpoints: [MapTouchpoint] = [], actions: [StakeholderAction] = [],
                emotion: RoleEmotions = RoleEmotions(), painPoints: [MapPainPoint] = [], responses: [MapResponse] = [],
                opportunities: [Opportunity] = [], planned: [PlannedAction] = [], metrics: StageMetrics, momentOfTruth: Bool = false,
                quiet: Bool = false) {
        self.key = key; self.name = name; self.phase = phase; self.position = position; self.reached = reached
        self.current = current; self.entered = entered; self.days = days; self.expectedDays = expectedDays
        self.touchpoints = touchpoints; self.actions = actions; self.emotion = emotion; self.painPoints = painPoints
        self.responses = responses; self.opportunities = opportunities; self.planned = planned; self.metrics = metrics
        self.momentOfTruth = momentOfTruth; self.quiet = quiet
    }

    enum CodingKeys: String, CodingKey {
        case key, name, phase, position, reached, current, entered, days, expectedDays = "expected_days", touchpoints, actions
        case emotion, painPoints = "pain_points", responses, opportunities, planned, metrics, momentOfTruth = "moment_of_truth"
        case quiet, moreOpportunities = "more_opportunities", people = "emotion_people", roleLows = "emotion_lows"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key); try c.encode(name, forKey: .name); try c.encode(phase, forKey: .phase)
        try c.encode(position, forKey: .position); try c.encode(reached, forKey: .reached); try c.encode(current, forKey: .current)
        try c.encode(entered, forKey: .entered); try c.encode(days, forKey: .days); try c.encode(expectedDays, forKey: .expectedDays)
        try c.encode(touchpoints, forKey: .touchpoints); try c.encode(actions, forKey: .actions); try c.encode(emotion, forKey: .emotion)
        try c.encode(painPoints, forKey: .painPoints); try c.encode(responses, forKey: .responses)
        try c.encode(opportunities, forKey: .opportunities); try c.encode(planned, forKey: .planned)
        try c.encode(metrics, forKey: .metrics); try c.encode(momentOfTruth, forKey: .momentOfTruth)
        try c.encode(quiet, forKey: .quiet); try c.encode(moreOpportunities, forKey: .moreOpportunities)
        try c.encode(people, forKey: .people); try c.encode(roleLows, forKey: .roleLows)
    }
}

/// A stakeholder at a touchpoint, with the roles they hold in the deal.
public struct MapPerson: Sendable, Equatable, Encodable {
    public var stakeholderID: Int64
    public var name: String
    public var roles: [Role]
    public var emotion: Emotion?
    public var emotionLabel: String?
    public var quote: String?

    public init(stakeholderID: Int64, name: String, roles: [Role], emotion: Emotion?, emotionLabel: String?, quote: String?) {
        self.stakeholderID = stakeholderID; self.name = name; self.roles = roles; self.emotion = emotion
        self.emotionLabel = emotionLabel; self.quote = quote
    }

    enum CodingKeys: String, CodingKey { case stakeholderID = "stakeholder_id", name, roles, emotion, emotionLabel = "emotion_label", quote }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(name, forKey: .name); try c.encode(roles, forKey: .roles)
        try c.encode(emotion, forKey: .emotion); try c.encode(emotionLabel, forKey: .emotionLabel); try c.encode(quote, forKey: .quote)
    }
}

/// A touchpoint as the map shows it: when, how, who.
public struct MapTouchpoint: Sendable, Equatable, Encodable {
    public var id: Int64
    public var at: LocalTime
    public var channel: Channel
    public var direction: Direction
    public var summary: String?
    public var loggedBy: String?
    public var participants: [MapPerson]

    public init(id: Int64, at: LocalTime, channel: Channel, direction: Direction, summary: String?, loggedBy: String?, participants: [MapPerson]) {
        self.id = id; self.at = at; self.channel = channel; self.direction = direction; self.summary = summary
        self.loggedBy = loggedBy; self.participants = participants
    }

    enum CodingKeys: String, CodingKey { case id, at, channel, direction, summary, loggedBy = "logged_by", participants }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(at, forKey: .at); try c.encode(channel, forKey: .channel)
        try c.encode(direction, forKey: .direction); try c.encode(summary, forKey: .summary); try c.encode(loggedBy, forKey: .loggedBy)
        try c.encode(participants, forKey: .participants)
    }
}

/// What a stakeholder did (a contact they started) or said (a quote) at a touchpoint.
public struct StakeholderAction: Sendable, Equatable, Encodable {
    public var touchpointID: Int64
    public var at: LocalTime
    public var stakeholderID: Int64
    public var name: String
    public var roles: [Role]
    /// The touchpoint's summary when the stakeholder started the contact (inbound).
    public var did: String?
    public var said: String?

    public init(touchpointID: Int64, at: LocalTime, stakeholderID: Int64, name: String, roles: [Role], did: String?, said: String?) {
        self.touchpointID = touchpointID; self.at = at; self.stakeholderID = stakeholderID; self.name = name
        self.roles = roles; self.did = did; self.said = said
    }

    enum CodingKeys: String, CodingKey { case touchpointID = "touchpoint_id", at, stakeholderID = "stakeholder_id", name, roles, did, said }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(touchpointID, forKey: .touchpointID); try c.encode(at, forKey: .at); try c.encode(stakeholderID, forKey: .stakeholderID)
        try c.encode(name, forKey: .name); try c.encode(roles, forKey: .roles); try c.encode(did, forKey: .did); try c.encode(said, forKey: .said)
    }
}

/// Mean emotion per buying role and over everyone, rounded to 2 decimals; nil when unknown (never 0).
public struct RoleEmotions: Sendable, Equatable, Encodable {
    public var eb: Double?
    public var tb: Double?
    public var ub: Double?
    public var coach: Double?
    public var all: Double?

    public init(eb: Double? = nil, tb: Double? = nil, ub: Double? = nil, coach: Double? = nil, all: Double? = nil) {
        self.eb = eb; self.tb = tb; self.ub = ub; self.coach = coach; self.all = all
    }

    /// The mean of one role.
    public subscript(role: Role) -> Double? {
        get {
            switch role { case .eb: eb; case .tb: tb; case .ub: ub; case .coach: coach }
        }
        set {
            switch role { case .eb: eb = newValue; case .tb: tb = newValue; case .ub: ub = newValue; case .coach: coach = newValue }
        }
    }

    /// True when no emotion at all is known.
    public var isEmpty: Bool { all == nil && Role.allCases.allSatisfy { self[$0] == nil } }

    enum CodingKeys: String, CodingKey { case eb = "EB", tb = "TB", ub = "UB", coach = "Coach", all }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(eb, forKey: .eb); try c.encode(tb, forKey: .tb); try c.encode(ub, forKey: .ub)
        try c.encode(coach, forKey: .coach); try c.encode(all, forKey: .all)
    }
}

/// A pain point or need in the map (status as it is now: the map cannot know when it changed).
public struct MapPainPoint: Sendable, Equatable, Encodable {
    public var id: Int64
    public var kind: PainKind
    public var text: String
    public var severity: Severity
    public var status: PainStatus
    public var stakeholderID: Int64?
    public var stakeholder: String?
    public var touchpointID: Int64
    public var raisedOn: Day
    public var response: String?
    /// One of the focused persona's typical frustrations (`map --persona`; in the JSON under `persona.typical`).
    public var typical: Bool = false

    public init(id: Int64, kind: PainKind, text: String, severity: Severity, status: PainStatus, stakeholderID: Int64?,
                stakeholder: String?, touchpointID: Int64, raisedOn: Day, response: String?) {
        self.id = id; self.kind = kind; self.text = text; self.severity = severity; self.status = status
        self.stakeholderID = stakeholderID; self.stakeholder = stakeholder; self.touchpointID = touchpointID
        self.raisedOn = raisedOn; self.response = response
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, text, severity, status, stakeholderID = "stakeholder_id", stakeholder
        case touchpointID = "touchpoint_id", raisedOn = "raised_on", response
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(kind, forKey: .kind); try c.encode(text, forKey: .text)
        try c.encode(severity, forKey: .severity); try c.encode(status, forKey: .status); try c.encode(stakeholderID, forKey: .stakeholderID)
        try c.encode(stakeholder, forKey: .stakeholder); try c.encode(touchpointID, forKey: .touchpointID)
        try c.encode(raisedOn, forKey: .raisedOn); try c.encode(response, forKey: .response)
    }
}

/// Our response (the enterprise-response lane): to a pain point, or what we
/// said or did in reply at a touchpoint.
public struct MapResponse: Sendable, Equatable, Encodable {
    /// The pain point answered; nil for a touchpoint's own response.
    public var painPointID: Int64?
    public var touchpointID: Int64
    public var text: String
    /// The pain point or need responded to.
    public var to: String?
    /// The pain point's status.
    public var status: PainStatus?

    public init(painPointID: Int64?, touchpointID: Int64, text: String, to: String?, status: PainStatus?) {
        self.painPointID = painPointID; self.touchpointID = touchpointID; self.text = text; self.to = to; self.status = status
    }

    enum CodingKeys: String, CodingKey { case painPointID = "pain_point_id", touchpointID = "touchpoint_id", text, to, status }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(painPointID, forKey: .painPointID); try c.encode(touchpointID, forKey: .touchpointID)
        try c.encode(text, forKey: .text); try c.encode(to, forKey: .to); try c.encode(status, forKey: .status)
    }
}

/// A planned action (an accepted plan item) placed in a stage of the future-state map.
public struct PlannedAction: Sendable, Equatable, Encodable {
    public var id: Int64
    public var due: Day
    public var action: String
    public var role: Role?
    public var stakeholderID: Int64?
    public var stakeholder: String?
    public var channel: Channel?
    public var theme: String?
    public var priority: Priority
    public var why: String
    public var rule: String

    public init(id: Int64, due: Day, action: String, role: Role?, stakeholderID: Int64?, stakeholder: String?,
                channel: Channel?, theme: String?, priority: Priority, why: String, rule: String) {
        self.id = id; self.due = due; self.action = action; self.role = role; self.stakeholderID = stakeholderID
        self.stakeholder = stakeholder; self.channel = channel; self.theme = theme; self.priority = priority
        self.why = why; self.rule = rule
    }

    enum CodingKeys: String, CodingKey {
        case id, due, action, role, stakeholderID = "stakeholder_id", stakeholder, channel, theme, priority, why, rule
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(due, forKey: .due); try c.encode(action, forKey: .action)
        try c.encode(role, forKey: .role); try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(stakeholder, forKey: .stakeholder)
        try c.encode(channel, forKey: .channel); try c.encode(theme, forKey: .theme); try c.encode(priority, forKey: .priority)
        try c.encode(why, forKey: .why); try c.encode(rule, forKey: .rule)
    }
}

/// The numbers of one stage: contact count, role coverage, days vs expected.
public struct StageMetrics: Sendable, Equatable, Encodable {
    public var touchpoints: Int
    /// Distinct stakeholders met.
    public var stakeholders: Int
    /// Roles of the deal met in this stage, EB first.
    public var rolesCovered: [Role]
    /// Roles someone holds in the deal but nobody holding them was met here.
    public var rolesMissing: [Role]
    /// rolesCovered / roles held in the deal, 0…1, 2 decimals; nil when the deal has no roles.
    public var coverage: Double?
    public var days: Int?
    public var expectedDays: Int?
    /// Days beyond the expected duration (0 when within); nil when either is unknown.
    public var overBy: Int?
    /// The surveys answered in this stage (NPS, CSAT, CES) against their targets: the metrics lane.
    public var experience = ExperienceScores()

    public init(touchpoints: Int, stakeholders: Int, rolesCovered: [Role], rolesMissing: [Role], coverage: Double?,
                days: Int?, expectedDays: Int?) {
        self.touchpoints = touchpoints; self.stakeholders = stakeholders; self.rolesCovered = rolesCovered
        self.rolesMissing = rolesMissing; self.coverage = coverage; self.days = days; self.expectedDays = expectedDays
        if let days, let expectedDays { overBy = max(0, days - expectedDays) } else { overBy = nil }
    }

    enum CodingKeys: String, CodingKey {
        case touchpoints, stakeholders, rolesCovered = "roles_covered", rolesMissing = "roles_missing", coverage, days
        case expectedDays = "expected_days", overBy = "over_by", nps, csat, ces
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(touchpoints, forKey: .touchpoints); try c.encode(stakeholders, forKey: .stakeholders)
        try c.encode(rolesCovered, forKey: .rolesCovered); try c.encode(rolesMissing, forKey: .rolesMissing)
        try c.encode(coverage, forKey: .coverage); try c.encode(days, forKey: .days); try c.encode(expectedDays, forKey: .expectedDays)
        try c.encode(overBy, forKey: .overBy)
        try c.encode(experience.nps, forKey: .nps); try c.encode(experience.csat, forKey: .csat); try c.encode(experience.ces, forKey: .ces)
    }
}

/// One person of the decision chain, in org-chart order.
public struct ChainMember: Sendable, Equatable, Encodable {
    public var stakeholderID: Int64
    public var name: String
    public var title: String
    public var unit: String?
    public var level: Level?
    /// The boss, when the boss is in the chart too.
    public var reportsTo: Int64?
    /// 0 for the top of a tree.
    public var depth: Int
    /// Roles in the deal, EB first; empty for people shown only because someone in the deal reports to them.
    public var roles: [Role]
    public var influence: Influence?
    public var stance: Stance?
    public var mode: ResponseMode?
    public var rating: Int?
    public var latestEmotion: Emotion?
    public var latestEmotionLabel: String?
    public var latestEmotionOn: Day?

    public init(stakeholderID: Int64, name: String, title: String, unit: String?, level: Level?, reportsTo: Int64?, depth: Int,
                roles: [Role], influence: Influence?, stance: Stance?, mode: ResponseMode?, rating: Int?,
                latestEmotion: Emotion?, latestEmotionLabel: String?, latestEmotionOn: Day?) {
        self.stakeholderID = stakeholderID; self.name = name; self.title = title; self.unit = unit; self.level = level
        self.reportsTo = reportsTo; self.depth = depth; self.roles = roles; self.influence = influence; self.stance = stance
        self.mode = mode; self.rating = rating; self.latestEmotion = latestEmotion; self.latestEmotionLabel = latestEmotionLabel
        self.latestEmotionOn = latestEmotionOn
    }

    enum CodingKeys: String, CodingKey {
        case stakeholderID = "stakeholder_id", name, title, unit, level, reportsTo = "reports_to", depth, roles, influence, stance
        case mode, rating, latestEmotion = "latest_emotion", latestEmotionLabel = "latest_emotion_label", latestEmotionOn = "latest_emotion_on"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(name, forKey: .name); try c.encode(title, forKey: .title)
        try c.encode(unit, forKey: .unit); try c.encode(level, forKey: .level); try c.encode(reportsTo, forKey: .reportsTo)
        try c.encode(depth, forKey: .depth); try c.encode(roles, forKey: .roles); try c.encode(influence, forKey: .influence)
        try c.encode(stance, forKey: .stance); try c.encode(mode, forKey: .mode); try c.encode(rating, forKey: .rating)
        try c.encode(latestEmotion, forKey: .latestEmotion); try c.encode(latestEmotionLabel, forKey: .latestEmotionLabel)
        try c.encode(latestEmotionOn, forKey: .latestEmotionOn)
    }
}

/// Totals over the whole map.
public struct MapSummary: Sendable, Equatable, Encodable {
    public var touchpoints: Int
    /// Distinct stakeholders met.
    public var stakeholders: Int
    public var emotion: RoleEmotions
    public var openPainPoints: Int
    public var opportunities: Int
    /// Days from the first stage entry to the map's day (or the deal's close).
    public var days: Int?
    /// Every survey of the deal up to the map's day, against the targets.
    public var experience = ExperienceScores()

    public init(touchpoints: Int, stakeholders: Int, emotion: RoleEmotions, openPainPoints: Int, opportunities: Int, days: Int?) {
        self.touchpoints = touchpoints; self.stakeholders = stakeholders; self.emotion = emotion
        self.openPainPoints = openPainPoints; self.opportunities = opportunities; self.days = days
    }

    enum CodingKeys: String, CodingKey {
        case touchpoints, stakeholders, emotion, openPainPoints = "open_pain_points", opportunities, days, experience
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(touchpoints, forKey: .touchpoints); try c.encode(stakeholders, forKey: .stakeholders)
        try c.encode(emotion, forKey: .emotion); try c.encode(openPainPoints, forKey: .openPainPoints)
        try c.encode(opportunities, forKey: .opportunities); try c.encode(days, forKey: .days)
        try c.encode(experience, forKey: .experience)
    }
}

/// Rounds to 2 decimals, keeping unknown unknown.
func rounded2(_ x: Double?) -> Double? { x.map { ($0 * 100).rounded() / 100 } }
