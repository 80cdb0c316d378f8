/// One role holder's emotion in one stage of the map: the lowest they showed
/// there (a −3 stays −3, never blended into a mean), or, when they had no
/// touchpoint with a known emotion in the stage, their last known one carried
/// forward and marked as carried, so a line never vanishes where nobody met them.
public struct PersonEmotion: Sendable, Equatable, Encodable {
    public var stakeholderID: Int64
    public var name: String
    /// The roles they hold in the deal, EB first.
    public var roles: [Role]
    public var emotion: Emotion
    /// True when `emotion` is carried from an earlier stage (no known emotion in this one).
    public var carried: Bool
    /// Their point here is a moment of truth of the map.
    public var momentOfTruth: Bool

    public init(stakeholderID: Int64, name: String, roles: [Role], emotion: Emotion, carried: Bool, momentOfTruth: Bool = false) {
        self.stakeholderID = stakeholderID; self.name = name; self.roles = roles; self.emotion = emotion
        self.carried = carried; self.momentOfTruth = momentOfTruth
    }

    enum CodingKeys: String, CodingKey { case stakeholderID = "stakeholder_id", name, roles, emotion, carried, momentOfTruth = "moment_of_truth" }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(name, forKey: .name); try c.encode(roles, forKey: .roles)
        try c.encode(emotion, forKey: .emotion); try c.encode(carried, forKey: .carried); try c.encode(momentOfTruth, forKey: .momentOfTruth)
    }
}

/// A role's lowest point in one stage, with the people at it: the curve's
/// point for the role, so the worst-off person of a role is what the line shows.
public struct RoleLow: Sendable, Equatable, Encodable {
    public var role: Role
    public var emotion: Emotion
    /// The holders of the role at that emotion, by name.
    public var people: [String]
    /// True when every one of them is carried from an earlier stage.
    public var carried: Bool
    /// One of them is at a moment of truth here.
    public var momentOfTruth: Bool

    public init(role: Role, emotion: Emotion, people: [String], carried: Bool, momentOfTruth: Bool = false) {
        self.role = role; self.emotion = emotion; self.people = people; self.carried = carried; self.momentOfTruth = momentOfTruth
    }

    enum CodingKeys: String, CodingKey { case role, emotion, people, carried, momentOfTruth = "moment_of_truth" }

    /// The lows of each role from the people of a stage, in decision-chain order.
    public static func of(_ people: [PersonEmotion]) -> [RoleLow] {
        Role.allCases.compactMap { role in
            let holders = people.filter { $0.roles.contains(role) }
            guard let low = holders.map(\.emotion.value).min() else { return nil }
            let at = holders.filter { $0.emotion.value == low }
            return RoleLow(role: role, emotion: at[0].emotion, people: at.map(\.name), carried: at.allSatisfy(\.carried),
                           momentOfTruth: at.contains { $0.momentOfTruth })
        }
    }
}
