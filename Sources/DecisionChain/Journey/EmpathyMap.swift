/// The empathy map of one stakeholder: what they say (quotes), think (needs,
/// concerns, personal wins), do (their touchpoints) and feel (emotions, the
/// labels they showed, and the trend). `--format json` encodes it.
public struct EmpathyMap: Sendable, Equatable, Encodable {
    /// Which way a person's emotion has moved.
    public enum Trend: String, Sendable, Encodable, CaseIterable {
        case rising, falling, steady, unknown
    }

    public var account: MapAccount
    /// The deal the map is limited to; nil: every touchpoint of the account.
    public var deal: MapDeal?
    public var stakeholder: EmpathyPerson
    /// Roles in the deal (in any deal when there is none), EB first.
    public var roles: [Role]
    public var asOf: Day
    public var says: [Saying]
    public var thinks: Thoughts
    public var does: [Deed]
    public var feels: Feelings

    public init(account: MapAccount, deal: MapDeal?, stakeholder: EmpathyPerson, roles: [Role], asOf: Day,
                says: [Saying], thinks: Thoughts, does: [Deed], feels: Feelings) {
        self.account = account; self.deal = deal; self.stakeholder = stakeholder; self.roles = roles; self.asOf = asOf
        self.says = says; self.thinks = thinks; self.does = does; self.feels = feels
    }

    enum CodingKeys: String, CodingKey { case account, deal, stakeholder, roles, asOf = "as_of", says, thinks, does, feels }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(account, forKey: .account); try c.encode(deal, forKey: .deal); try c.encode(stakeholder, forKey: .stakeholder)
        try c.encode(roles, forKey: .roles); try c.encode(asOf, forKey: .asOf); try c.encode(says, forKey: .says)
        try c.encode(thinks, forKey: .thinks); try c.encode(does, forKey: .does); try c.encode(feels, forKey: .feels)
    }

    /// The person an empathy map is about.
    public struct EmpathyPerson: Sendable, Equatable, Encodable {
        public var id: Int64
        public var name: String
        public var title: String
        public var unit: String?
        public var level: Level?
        public init(_ s: Stakeholder) { id = s.id; name = s.name; title = s.title; unit = s.unitName; level = s.level }

        enum CodingKeys: String, CodingKey { case id, name, title, unit, level }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(title, forKey: .title)
            try c.encode(unit, forKey: .unit); try c.encode(level, forKey: .level)
        }
    }

    /// Something the person said at a touchpoint.
    public struct Saying: Sendable, Equatable, Encodable {
        public var touchpointID: Int64
        public var at: LocalTime
        public var stage: String?
        public var stageName: String?
        public var text: String
        public var emotion: Emotion?

        enum CodingKeys: String, CodingKey { case touchpointID = "touchpoint_id", at, stage, stageName = "stage_name", text, emotion }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(touchpointID, forKey: .touchpointID); try c.encode(at, forKey: .at); try c.encode(stage, forKey: .stage)
            try c.encode(stageName, forKey: .stageName); try c.encode(text, forKey: .text); try c.encode(emotion, forKey: .emotion)
        }
    }

    /// What the person has on their mind: the needs and concerns they raised, and what they want for themselves.
    public struct Thoughts: Sendable, Equatable, Encodable {
        public var needs: [MapPainPoint]
        public var concerns: [MapPainPoint]
        public var personalWins: [String]

        enum CodingKeys: String, CodingKey { case needs, concerns, personalWins = "personal_wins" }
    }

    /// A touchpoint the person took part in (`inbound`: they started it).
    public struct Deed: Sendable, Equatable, Encodable {
        public var touchpointID: Int64
        public var at: LocalTime
        public var stage: String?
        public var stageName: String?
        public var channel: Channel
        public var direction: Direction
        public var summary: String?

        enum CodingKeys: String, CodingKey {
            case touchpointID = "touchpoint_id", at, stage, stageName = "stage_name", channel, direction, summary
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(touchpointID, forKey: .touchpointID); try c.encode(at, forKey: .at); try c.encode(stage, forKey: .stage)
            try c.encode(stageName, forKey: .stageName); try c.encode(channel, forKey: .channel)
            try c.encode(direction, forKey: .direction); try c.encode(summary, forKey: .summary)
        }
    }

    /// The person's emotions over time, the labels they showed most, and the trend.
    public struct Feelings: Sendable, Equatable, Encodable {
        public var moments: [Feeling]
        public var labels: [LabelCount]
        /// Mean of the known emotions, 2 decimals; nil when none is known.
        public var mean: Double?
        public var latest: Emotion?
        public var trend: Trend

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(moments, forKey: .moments); try c.encode(labels, forKey: .labels); try c.encode(mean, forKey: .mean)
            try c.encode(latest, forKey: .latest); try c.encode(trend, forKey: .trend)
        }
        enum CodingKeys: String, CodingKey { case moments, labels, mean, latest, trend }
    }

    /// The person's emotion at one touchpoint (known or not).
    public struct Feeling: Sendable, Equatable, Encodable {
        public var touchpointID: Int64
        public var at: LocalTime
        public var stage: String?
        public var emotion: Emotion?
        public var label: String?

        enum CodingKeys: String, CodingKey { case touchpointID = "touchpoint_id", at, stage, emotion, label }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(touchpointID, forKey: .touchpointID); try c.encode(at, forKey: .at); try c.encode(stage, forKey: .stage)
            try c.encode(emotion, forKey: .emotion); try c.encode(label, forKey: .label)
        }
    }

    /// An emotion label and how often it was shown.
    public struct LabelCount: Sendable, Equatable, Encodable {
        public var label: String
        public var count: Int
    }
}
