/// A buyer persona generated from logged facts: what the people who held one
/// role at one level want, what frustrates them, what they say, which channels
/// lifted or sank their mood, how they felt stage by stage and what moved
/// them. Every line carries its evidence. Stored as JSON (`persona.content`)
/// and printed as `docs/persona-json.md` describes (snake_case keys).
public struct Persona: Sendable, Equatable, Codable {
    /// Fewer people than this and the persona says it is thin instead of pretending.
    public static let minimumPeople = 3

    public var role: Role
    public var level: Level
    /// The pipeline key it was limited to; nil: every pipeline.
    public var pipeline: String?
    /// The account kind it was limited to; nil: every kind.
    public var kind: AccountKind?
    /// Everyone it rests on: people who held the role, their accounts and touchpoints.
    public var evidence: PersonaEvidence
    /// Built on fewer than `minimumPeople` people.
    public var thin: Bool
    /// Their needs, most shared first.
    public var goals: [PersonaLine]
    /// Their pain points, ranked by how many people raised them, then severity.
    public var frustrations: [PersonaLine]
    /// What they said, one quote per person, strongest feeling first.
    public var quotes: [PersonaQuote]
    /// Channels after which their emotion rose or fell (against their previous touchpoint).
    public var channels: [PersonaChannel]
    /// Their mean emotion per stage, in pipeline order.
    public var emotionByStage: [PersonaStageEmotion]
    /// Our responses that addressed their pain points, most people first.
    public var movedBy: [PersonaLine]

    public init(role: Role, level: Level, pipeline: String?, kind: AccountKind?, evidence: PersonaEvidence,
                goals: [PersonaLine], frustrations: [PersonaLine], quotes: [PersonaQuote], channels: [PersonaChannel],
                emotionByStage: [PersonaStageEmotion], movedBy: [PersonaLine]) {
        self.role = role; self.level = level; self.pipeline = pipeline; self.kind = kind; self.evidence = evidence
        self.thin = evidence.people < Persona.minimumPeople
        self.goals = goals; self.frustrations = frustrations; self.quotes = quotes; self.channels = channels
        self.emotionByStage = emotionByStage; self.movedBy = movedBy
    }

    enum CodingKeys: String, CodingKey {
        case role, level, pipeline, kind, evidence, thin, goals, frustrations, quotes, channels
        case emotionByStage = "emotion_by_stage", movedBy = "moved_by"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role); try c.encode(level, forKey: .level); try c.encode(pipeline, forKey: .pipeline)
        try c.encode(kind, forKey: .kind); try c.encode(evidence, forKey: .evidence); try c.encode(thin, forKey: .thin)
        try c.encode(goals, forKey: .goals); try c.encode(frustrations, forKey: .frustrations); try c.encode(quotes, forKey: .quotes)
        try c.encode(channels, forKey: .channels); try c.encode(emotionByStage, forKey: .emotionByStage)
        try c.encode(movedBy, forKey: .movedBy)
    }
}

/// How many people, accounts and touchpoints a line rests on, with their ids
/// (at most `idLimit` of each, smallest first; the counts are always exact).
public struct PersonaEvidence: Sendable, Equatable, Codable {
    /// The most ids of one kind a line lists.
    public static let idLimit = 500

    public var people: Int
    public var accounts: Int
    public var touchpoints: Int
    public var peopleIDs: [Int64]
    public var accountIDs: [Int64]
    public var touchpointIDs: [Int64]

    public init(people: Int, accounts: Int, touchpoints: Int, peopleIDs: [Int64], accountIDs: [Int64], touchpointIDs: [Int64]) {
        self.people = people; self.accounts = accounts; self.touchpoints = touchpoints
        self.peopleIDs = peopleIDs; self.accountIDs = accountIDs; self.touchpointIDs = touchpointIDs
    }

    /// Whether every id is listed (false when a count is above `idLimit`).
    public var idsComplete: Bool { peopleIDs.count == people && accountIDs.count == accounts && touchpointIDs.count == touchpoints }

    enum CodingKeys: String, CodingKey {
        case people, accounts, touchpoints, peopleIDs = "people_ids", accountIDs = "account_ids", touchpointIDs = "touchpoint_ids"
        case idsComplete = "ids_complete"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        people = try c.decode(Int.self, forKey: .people); accounts = try c.decode(Int.self, forKey: .accounts)
        touchpoints = try c.decode(Int.self, forKey: .touchpoints); peopleIDs = try c.decode([Int64].self, forKey: .peopleIDs)
        accountIDs = try c.decode([Int64].self, forKey: .accountIDs); touchpointIDs = try c.decode([Int64].self, forKey: .touchpointIDs)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(people, forKey: .people); try c.encode(accounts, forKey: .accounts); try c.encode(touchpoints, forKey: .touchpoints)
        try c.encode(peopleIDs, forKey: .peopleIDs); try c.encode(accountIDs, forKey: .accountIDs)
        try c.encode(touchpointIDs, forKey: .touchpointIDs); try c.encode(idsComplete, forKey: .idsComplete)
    }
}

/// A goal, a frustration or a response that moved them: the words most often
/// used for one theme (`PainTheme.key`), how severe, and the evidence.
public struct PersonaLine: Sendable, Equatable, Codable {
    public var key: String
    public var text: String
    /// The highest severity raised (goals and frustrations); nil for responses.
    public var severity: Severity?
    /// How many times it was raised with high severity.
    public var high: Int
    /// How many of these pain points are resolved.
    public var resolved: Int
    public var evidence: PersonaEvidence

    public init(key: String, text: String, severity: Severity?, high: Int, resolved: Int, evidence: PersonaEvidence) {
        self.key = key; self.text = text; self.severity = severity; self.high = high; self.resolved = resolved; self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case key, text, severity, high, resolved, evidence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key); try c.encode(text, forKey: .text); try c.encode(severity, forKey: .severity)
        try c.encode(high, forKey: .high); try c.encode(resolved, forKey: .resolved); try c.encode(evidence, forKey: .evidence)
    }
}

/// One thing a person of the persona said, where and how they felt.
public struct PersonaQuote: Sendable, Equatable, Codable {
    public var text: String
    public var stakeholderID: Int64
    public var stakeholder: String
    public var accountID: Int64
    public var account: String
    public var touchpointID: Int64
    public var on: Day
    public var emotion: Emotion?

    public init(text: String, stakeholderID: Int64, stakeholder: String, accountID: Int64, account: String, touchpointID: Int64,
                on: Day, emotion: Emotion?) {
        self.text = text; self.stakeholderID = stakeholderID; self.stakeholder = stakeholder; self.accountID = accountID
        self.account = account; self.touchpointID = touchpointID; self.on = on; self.emotion = emotion
    }

    enum CodingKeys: String, CodingKey {
        case text, stakeholderID = "stakeholder_id", stakeholder, accountID = "account_id", account, touchpointID = "touchpoint_id", on, emotion
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(stakeholder, forKey: .stakeholder)
        try c.encode(accountID, forKey: .accountID); try c.encode(account, forKey: .account); try c.encode(touchpointID, forKey: .touchpointID)
        try c.encode(on, forKey: .on); try c.encode(emotion, forKey: .emotion)
    }
}

/// A channel and how the persona's people felt at it compared with their previous touchpoint.
public struct PersonaChannel: Sendable, Equatable, Codable {
    public var channel: Channel
    public var rose: Int
    public var fell: Int
    public var steady: Int
    /// Mean change of emotion, 2 decimals.
    public var meanChange: Double
    public var evidence: PersonaEvidence

    public init(channel: Channel, rose: Int, fell: Int, steady: Int, meanChange: Double, evidence: PersonaEvidence) {
        self.channel = channel; self.rose = rose; self.fell = fell; self.steady = steady; self.meanChange = meanChange; self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case channel, rose, fell, steady, meanChange = "mean_change", evidence }
}

/// The persona's mean emotion in one stage of a pipeline.
public struct PersonaStageEmotion: Sendable, Equatable, Codable {
    public var pipeline: String
    public var stage: String
    public var position: Int
    public var nameEN: String
    public var nameZH: String
    /// Mean emotion −3…+3, 2 decimals.
    public var mean: Double
    public var evidence: PersonaEvidence

    public init(pipeline: String, stage: String, position: Int, nameEN: String, nameZH: String, mean: Double, evidence: PersonaEvidence) {
        self.pipeline = pipeline; self.stage = stage; self.position = position; self.nameEN = nameEN; self.nameZH = nameZH
        self.mean = mean; self.evidence = evidence
    }

    public func name(_ lang: Language) -> String { lang == .zh ? nameZH : nameEN }

    enum CodingKeys: String, CodingKey { case pipeline, stage, position, nameEN = "name_en", nameZH = "name_zh", mean, evidence }
}

/// A stored persona: the generated part with its identity and who built it
/// when, and the hand-written notes kept apart from it.
public struct PersonaRecord: Sendable, Equatable, Encodable {
    public var id: Int64
    /// team/role/level/pipeline/kind with `*` for any: what notes attach to.
    public var identity: String
    /// The team it was built for; nil: every team (built by an admin).
    public var team: String?
    public var builtAt: String
    public var builtBy: String
    public var persona: Persona
    public var notes: [PersonaNote]

    public init(id: Int64, identity: String, team: String?, builtAt: String, builtBy: String, persona: Persona, notes: [PersonaNote]) {
        self.id = id; self.identity = identity; self.team = team; self.builtAt = builtAt; self.builtBy = builtBy
        self.persona = persona; self.notes = notes
    }

    enum CodingKeys: String, CodingKey { case id, identity, team, builtAt = "built_at", builtBy = "built_by", persona, notes }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(identity, forKey: .identity); try c.encode(team, forKey: .team)
        try c.encode(builtAt, forKey: .builtAt); try c.encode(builtBy, forKey: .builtBy); try c.encode(persona, forKey: .persona)
        try c.encode(notes, forKey: .notes)
    }
}

/// A trainer's or manager's hand-written addition to a persona.
public struct PersonaNote: Sendable, Equatable, Encodable {
    public var id: Int64
    public var text: String
    public var writtenAt: String
    public var writtenBy: String

    public init(id: Int64, text: String, writtenAt: String, writtenBy: String) {
        self.id = id; self.text = text; self.writtenAt = writtenAt; self.writtenBy = writtenBy
    }

    enum CodingKeys: String, CodingKey { case id, text, writtenAt = "written_at", writtenBy = "written_by" }
}

/// A stored persona in a list: its id, identity, team, when and how big.
public struct PersonaSummary: Sendable, Equatable, Encodable {
    public var id: Int64
    public var identity: String
    public var team: String?
    public var role: Role
    public var level: Level
    public var pipeline: String?
    public var kind: AccountKind?
    public var people: Int
    public var accounts: Int
    public var touchpoints: Int
    public var thin: Bool
    public var notes: Int
    public var builtAt: String
    public var builtBy: String

    public init(id: Int64, identity: String, team: String?, role: Role, level: Level, pipeline: String?, kind: AccountKind?,
                people: Int, accounts: Int, touchpoints: Int, thin: Bool, notes: Int, builtAt: String, builtBy: String) {
        self.id = id; self.identity = identity; self.team = team; self.role = role; self.level = level; self.pipeline = pipeline
        self.kind = kind; self.people = people; self.accounts = accounts; self.touchpoints = touchpoints; self.thin = thin
        self.notes = notes; self.builtAt = builtAt; self.builtBy = builtBy
    }

    enum CodingKeys: String, CodingKey {
        case id, identity, team, role, level, pipeline, kind, people, accounts, touchpoints, thin, notes
        case builtAt = "built_at", builtBy = "built_by"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(identity, forKey: .identity); try c.encode(team, forKey: .team)
        try c.encode(role, forKey: .role); try c.encode(level, forKey: .level); try c.encode(pipeline, forKey: .pipeline)
        try c.encode(kind, forKey: .kind); try c.encode(people, forKey: .people); try c.encode(accounts, forKey: .accounts)
        try c.encode(touchpoints, forKey: .touchpoints); try c.encode(thin, forKey: .thin); try c.encode(notes, forKey: .notes)
        try c.encode(builtAt, forKey: .builtAt); try c.encode(builtBy, forKey: .builtBy)
    }
}
