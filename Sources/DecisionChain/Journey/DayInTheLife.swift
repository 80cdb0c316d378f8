/// A day-in-the-life map: one person's working day as observed on site (or
/// their typical day across several observed days) — hour by hour what they
/// do, the tools they touch, what they think, the emotion curve, the pains and
/// low points, and where our product would change the day. JSON keys are
/// documented in `docs/day-json.md`.
public struct DayInTheLife: Sendable, Encodable, Equatable {
    /// `observed`: one day as seen; `typical`: several days folded hour by hour.
    public enum Kind: String, Sendable, Encodable { case observed, typical }

    public var kind: Kind
    public var accountID: Int64
    public var account: String
    public var stakeholderID: Int64
    public var stakeholder: String
    public var title: String
    /// The person's current buying roles across the account's deals (e.g. UB).
    public var roles: [Role]
    /// The day shown (observed), or nil (typical).
    public var date: Day?
    /// Every observed day of the person (the typical day folds all of them).
    public var observedDays: [Day]
    public var steps: [Step]
    /// Tools touched, most used first.
    public var tools: [ToolUse]
    /// The emotion curve across the day: one point per step that has a feeling.
    public var curve: [CurvePoint]
    /// The pains of the day, each with what would change it.
    public var pains: [Pain]
    /// The mean feeling of the day, when any step has one.
    public var meanFeels: Double?

    /// One step (observed) or one hour (typical).
    public struct Step: Sendable, Encodable, Equatable {
        /// `HH:MM` (typical: the hour, `HH:00`).
        public var time: String
        public var minute: Int
        public var does: String
        /// Typical day: what else the person did in that hour on other days.
        public var alsoDoes: [String]
        public var thinks: [String]
        public var tools: [String]
        /// The feeling (observed) or the mean across days (typical).
        public var feels: Double?
        public var feelsMin: Int?
        public var feelsMax: Int?
        public var labels: [String]
        /// Pain point ids raised at this step.
        public var painPointIDs: [Int64]
        /// A low point of the day: the lowest feeling when negative, or any feeling of −2 or below.
        public var low: Bool
        /// On how many observed days this step (hour) was seen.
        public var days: Int
        /// The stored observation ids folded into this step.
        public var observationIDs: [Int64]

        enum CodingKeys: String, CodingKey {
            case time, minute, does, alsoDoes = "also_does", thinks, tools, feels, feelsMin = "feels_min", feelsMax = "feels_max"
            case labels, painPointIDs = "pain_point_ids", low, days, observationIDs = "observation_ids"
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(time, forKey: .time); try c.encode(minute, forKey: .minute); try c.encode(does, forKey: .does)
            try c.encode(alsoDoes, forKey: .alsoDoes); try c.encode(thinks, forKey: .thinks); try c.encode(tools, forKey: .tools)
            try c.encode(feels, forKey: .feels); try c.encode(feelsMin, forKey: .feelsMin); try c.encode(feelsMax, forKey: .feelsMax)
            try c.encode(labels, forKey: .labels); try c.encode(painPointIDs, forKey: .painPointIDs); try c.encode(low, forKey: .low)
            try c.encode(days, forKey: .days); try c.encode(observationIDs, forKey: .observationIDs)
        }
    }

    /// How often a tool was touched over the day.
    public struct ToolUse: Sendable, Encodable, Equatable {
        public var tool: String
        public var steps: Int
        public var first: String
    }

    /// A point of the emotion curve: the time and feeling, with the spread across days.
    public struct CurvePoint: Sendable, Encodable, Equatable {
        public var time: String
        public var minute: Int
        public var feels: Double
        public var min: Int
        public var max: Int
        public var low: Bool
    }

    /// A pain of the day (an ordinary pain point) and what would change it.
    public struct Pain: Sendable, Encodable, Equatable {
        public var painPointID: Int64
        public var time: String
        public var text: String
        public var severity: Severity
        public var status: PainStatus
        public var deal: String?
        /// On how many observed days the pain was seen (typical day).
        public var days: Int
        /// Where our product would change the day: our response to this pain,
        /// a need of the deal it speaks to, a planned task for the person.
        public var changes: [Change]

        enum CodingKeys: String, CodingKey {
            case painPointID = "pain_point_id", time, text, severity, status, deal, days, changes
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(painPointID, forKey: .painPointID); try c.encode(time, forKey: .time); try c.encode(text, forKey: .text)
            try c.encode(severity, forKey: .severity); try c.encode(status, forKey: .status); try c.encode(deal, forKey: .deal)
            try c.encode(days, forKey: .days); try c.encode(changes, forKey: .changes)
        }
    }

    /// One link from a pain to what would change it.
    public struct Change: Sendable, Encodable, Equatable {
        public enum Kind: String, Sendable, Encodable { case response, need, plan }
        public var kind: Kind
        public var text: String
        /// The pain point (need) or plan item it links to.
        public var id: Int64?
        public var deal: String?

        enum CodingKeys: String, CodingKey { case kind, text, id, deal }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind); try c.encode(text, forKey: .text); try c.encode(id, forKey: .id); try c.encode(deal, forKey: .deal)
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, accountID = "account_id", account, stakeholderID = "stakeholder_id", stakeholder, title, roles, date
        case observedDays = "observed_days", steps, tools, curve, pains, meanFeels = "mean_feels"
    }

    /// Every key always present; unknown values are null.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind); try c.encode(accountID, forKey: .accountID); try c.encode(account, forKey: .account)
        try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(stakeholder, forKey: .stakeholder); try c.encode(title, forKey: .title)
        try c.encode(roles, forKey: .roles); try c.encode(date, forKey: .date); try c.encode(observedDays, forKey: .observedDays)
        try c.encode(steps, forKey: .steps); try c.encode(tools, forKey: .tools); try c.encode(curve, forKey: .curve)
        try c.encode(pains, forKey: .pains); try c.encode(meanFeels, forKey: .meanFeels)
    }

    /// The lowest feeling of the day, if any.
    public var lowest: Double? { curve.map(\.feels).min() }
}
