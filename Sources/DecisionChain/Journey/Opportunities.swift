/// Something we can still do better in a stage, derived from the facts:
/// an open pain without a response, a negative emotion nobody followed up,
/// a buying role not met in the stage, or a stage over its expected time.
public struct Opportunity: Sendable, Equatable, Encodable {
    /// What produced the opportunity (keys used in JSON).
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case openPain = "open-pain"
        case unansweredEmotion = "unanswered-emotion"
        case overTime = "over-time"
        case uncoveredRole = "uncovered-role"
    }

    public var kind: Kind
    public var stageKey: String?
    /// The role not met (uncovered-role).
    public var role: Role?
    /// The person concerned (open-pain: who raised it; unanswered-emotion: who felt it).
    public var stakeholderID: Int64?
    /// Names of the people concerned (for uncovered-role: who holds the role).
    public var stakeholders: [String]
    public var touchpointID: Int64?
    public var painPointID: Int64?
    /// The pain point's or need's text (open-pain).
    public var text: String?
    public var severity: Severity?
    public var emotion: Emotion?
    /// The day of the touchpoint or of the pain point.
    public var on: Day?
    /// Days over the expected duration (over-time).
    public var days: Int?

    public init(kind: Kind, stageKey: String?, role: Role? = nil, stakeholderID: Int64? = nil, stakeholders: [String] = [],
                touchpointID: Int64? = nil, painPointID: Int64? = nil, text: String? = nil, severity: Severity? = nil,
                emotion: Emotion? = nil, on: Day? = nil, days: Int? = nil) {
        self.kind = kind; self.stageKey = stageKey; self.role = role; self.stakeholderID = stakeholderID
        self.stakeholders = stakeholders; self.touchpointID = touchpointID; self.painPointID = painPointID
        self.text = text; self.severity = severity; self.emotion = emotion; self.on = on; self.days = days
    }

    enum CodingKeys: String, CodingKey {
        case kind, stageKey = "stage", role, stakeholderID = "stakeholder_id", stakeholders, touchpointID = "touchpoint_id"
        case painPointID = "pain_point_id", text, severity, emotion, on, days
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind); try c.encode(stageKey, forKey: .stageKey); try c.encode(role, forKey: .role)
        try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(stakeholders, forKey: .stakeholders)
        try c.encode(touchpointID, forKey: .touchpointID); try c.encode(painPointID, forKey: .painPointID)
        try c.encode(text, forKey: .text); try c.encode(severity, forKey: .severity); try c.encode(emotion, forKey: .emotion)
        try c.encode(on, forKey: .on); try c.encode(days, forKey: .days)
    }
}

/// Derives the opportunities of a map column.
public enum Opportunities {
    /// A participant at one touchpoint.
    public struct ParticipantKey: Hashable, Sendable {
        public var touchpointID: Int64
        public var stakeholderID: Int64
        public init(touchpointID: Int64, stakeholderID: Int64) { self.touchpointID = touchpointID; self.stakeholderID = stakeholderID }
    }

    /// Participants left negative: their emotion was below 0 at their latest
    /// touchpoint, so nobody has been back to them since. `touchpoints` must be
    /// every touchpoint that counts as a follow-up (the account's, up to the
    /// map's day), in time order.
    public static func unansweredNegatives(in touchpoints: [Touchpoint]) -> Set<ParticipantKey> {
        var latest: [Int64: (touchpointID: Int64, emotion: Emotion?)] = [:]
        for tp in touchpoints {
            for p in tp.participants { latest[p.stakeholderID] = (tp.id, p.emotion) }
        }
        var out = Set<ParticipantKey>()
        for (stakeholderID, last) in latest where (last.emotion?.value ?? 0) < 0 {
            out.insert(ParticipantKey(touchpointID: last.touchpointID, stakeholderID: stakeholderID))
        }
        return out
    }

    /// How many opportunities a map shows per stage unless asked for all (`map --all`).
    public static let shownPerStage = 3

    /// The opportunities of one column, most pressing first: open pain points
    /// without a response (by severity), negative emotions not followed up, the
    /// stage over its expected time, then the roles of the deal not met here —
    /// except in a quiet stage (bidding, evaluation), where meeting the buyer's
    /// people is not advice a bidder may follow.
    /// `rolesHeld` maps each role held in the deal to the names holding it.
    public static func find(in column: JourneyStage, rolesHeld: [Role: [String]], unanswered: Set<ParticipantKey>) -> [Opportunity] {
        var out: [Opportunity] = []
        let openPain = column.painPoints
            .filter { $0.status == .open && ($0.response ?? "").isEmpty }
            .sorted { $0.severity != $1.severity ? $0.severity > $1.severity : ($0.raisedOn, $0.id) < ($1.raisedOn, $1.id) }
        for pain in openPain {
            out.append(Opportunity(kind: .openPain, stageKey: column.key, stakeholderID: pain.stakeholderID,
                                   stakeholders: pain.stakeholder.map { [$0] } ?? [], touchpointID: pain.touchpointID,
                                   painPointID: pain.id, text: pain.text, severity: pain.severity, on: pain.raisedOn))
        }
        for tp in column.touchpoints {
            for p in tp.participants where unanswered.contains(ParticipantKey(touchpointID: tp.id, stakeholderID: p.stakeholderID)) {
                out.append(Opportunity(kind: .unansweredEmotion, stageKey: column.key, role: p.roles.first, stakeholderID: p.stakeholderID,
                                       stakeholders: [p.name], touchpointID: tp.id, emotion: p.emotion, on: tp.at.day))
            }
        }
        if let over = column.metrics.overBy, over > 0 {
            out.append(Opportunity(kind: .overTime, stageKey: column.key, on: column.entered, days: over))
        }
        if column.key != nil && column.reached && !column.quiet {
            for role in column.metrics.rolesMissing {
                out.append(Opportunity(kind: .uncoveredRole, stageKey: column.key, role: role, stakeholders: rolesHeld[role] ?? []))
            }
        }
        return out
    }
}
