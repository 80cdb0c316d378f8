/// A moment of truth: one of the deepest emotional dips of a journey, where
/// deals are won or lost. It names the stage, the touchpoint, who, their role,
/// the emotion and why (the pain points raised there).
public struct MomentOfTruth: Sendable, Equatable, Encodable {
    /// Why a touchpoint counts as a moment of truth.
    public enum Kind: String, Sendable, Encodable {
        /// The lowest emotion anyone showed in the map.
        case lowest
        /// The worst participant of the stage with the largest drop of the mean emotion from the stage before.
        case largestDrop = "largest-drop"
    }

    public var kinds: [Kind]
    public var stageKey: String?
    public var stageName: String
    public var touchpointID: Int64
    public var at: LocalTime
    public var channel: Channel
    public var stakeholderID: Int64
    public var name: String
    public var roles: [Role]
    public var emotion: Emotion
    public var emotionLabel: String?
    public var quote: String?
    /// The pain points raised at that touchpoint (by that person first).
    public var why: [String]
    /// For a largest drop: the mean emotion of the stage before, and of this stage.
    public var from: Double?
    public var to: Double?
    public var previousStage: String?

    /// How far the stage mean fell (positive), for a largest drop.
    public var drop: Double? {
        guard let from, let to else { return nil }
        return rounded2(from - to)
    }

    public init(kinds: [Kind], stageKey: String?, stageName: String, touchpointID: Int64, at: LocalTime, channel: Channel,
                stakeholderID: Int64, name: String, roles: [Role], emotion: Emotion, emotionLabel: String?, quote: String?,
                why: [String], from: Double? = nil, to: Double? = nil, previousStage: String? = nil) {
        self.kinds = kinds; self.stageKey = stageKey; self.stageName = stageName; self.touchpointID = touchpointID
        self.at = at; self.channel = channel; self.stakeholderID = stakeholderID; self.name = name; self.roles = roles
        self.emotion = emotion; self.emotionLabel = emotionLabel; self.quote = quote; self.why = why
        self.from = from; self.to = to; self.previousStage = previousStage
    }

    enum CodingKeys: String, CodingKey {
        case kinds, stageKey = "stage", stageName = "stage_name", touchpointID = "touchpoint_id", at, channel
        case stakeholderID = "stakeholder_id", name, roles, emotion, emotionLabel = "emotion_label", quote, why
        case from, to, drop, previousStage = "previous_stage"
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kinds, forKey: .kinds); try c.encode(stageKey, forKey: .stageKey); try c.encode(stageName, forKey: .stageName)
        try c.encode(touchpointID, forKey: .touchpointID); try c.encode(at, forKey: .at); try c.encode(channel, forKey: .channel)
        try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(name, forKey: .name); try c.encode(roles, forKey: .roles)
        try c.encode(emotion, forKey: .emotion); try c.encode(emotionLabel, forKey: .emotionLabel); try c.encode(quote, forKey: .quote)
        try c.encode(why, forKey: .why); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
        try c.encode(drop, forKey: .drop); try c.encode(previousStage, forKey: .previousStage)
    }
}

/// Finds the moments of truth of a map's columns.
public enum MomentsOfTruth {
    /// At most this many touchpoints share the "lowest" mark (the earliest ones).
    public static let maxLowest = 3

    /// The lowest negative emotions (every participant at the minimum, earliest
    /// first, at most `maxLowest`), and the worst participant of the stage whose
    /// mean emotion fell most from the previous stage with a known mean. A
    /// participant found by both is one moment with both kinds. Ordered by
    /// emotion, then time.
    public static func find(in columns: [JourneyStage]) -> [MomentOfTruth] {
        typealias Hit = (column: JourneyStage, touchpoint: MapTouchpoint, person: MapPerson, emotion: Emotion)
        var hits: [Hit] = []
        for column in columns {
            for tp in column.touchpoints {
                for p in tp.participants { if let e = p.emotion { hits.append((column, tp, p, e)) } }
            }
        }
        func earlier(_ a: Hit, _ b: Hit) -> Bool { (a.touchpoint.at, a.touchpoint.id, a.person.stakeholderID) < (b.touchpoint.at, b.touchpoint.id, b.person.stakeholderID) }

        var moments: [MomentOfTruth] = []
        if let minimum = hits.map(\.emotion).min(), minimum.value < 0 {
            for hit in hits.filter({ $0.emotion == minimum }).sorted(by: earlier).prefix(maxLowest) {
                moments.append(moment(hit.column, hit.touchpoint, hit.person, hit.emotion, kind: .lowest))
            }
        }

        // Largest drop between consecutive stages that both have a known mean.
        var best: (from: JourneyStage, to: JourneyStage, drop: Double)?
        var previous: JourneyStage?
        for column in columns where column.key != nil && column.reached {
            guard let mean = column.emotion.all else { continue }
            if let p = previous, let before = p.emotion.all, before - mean > 0, before - mean > (best?.drop ?? 0) {
                best = (p, column, before - mean)
            }
            previous = column
        }
        if let best {
            let worst = hits.filter { $0.column.key == best.to.key }
                .min { ($0.emotion, $0.touchpoint.at, $0.touchpoint.id) < ($1.emotion, $1.touchpoint.at, $1.touchpoint.id) }
            if let worst {
                if let i = moments.firstIndex(where: { $0.touchpointID == worst.touchpoint.id && $0.stakeholderID == worst.person.stakeholderID }) {
                    moments[i].kinds.append(.largestDrop)
                    moments[i].from = best.from.emotion.all; moments[i].to = best.to.emotion.all; moments[i].previousStage = best.from.key
                } else {
                    var m = moment(best.to, worst.touchpoint, worst.person, worst.emotion, kind: .largestDrop)
                    m.from = best.from.emotion.all; m.to = best.to.emotion.all; m.previousStage = best.from.key
                    moments.append(m)
                }
            }
        }
        return moments.sorted { ($0.emotion, $0.at, $0.touchpointID) < ($1.emotion, $1.at, $1.touchpointID) }
    }

    static func moment(_ column: JourneyStage, _ tp: MapTouchpoint, _ person: MapPerson, _ emotion: Emotion,
                       kind: MomentOfTruth.Kind) -> MomentOfTruth {
        // Why: what this person raised there, then what others raised at the same touchpoint.
        let raised = column.painPoints.filter { $0.touchpointID == tp.id }
        let why = raised.filter { $0.stakeholderID == person.stakeholderID } + raised.filter { $0.stakeholderID != person.stakeholderID }
        return MomentOfTruth(kinds: [kind], stageKey: column.key, stageName: column.name, touchpointID: tp.id, at: tp.at,
                             channel: tp.channel, stakeholderID: person.stakeholderID, name: person.name, roles: person.roles,
                             emotion: emotion, emotionLabel: person.emotionLabel, quote: person.quote, why: why.map(\.text))
    }
}
