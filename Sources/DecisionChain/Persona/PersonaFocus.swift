/// A journey map from one role's point of view (`map ACCOUNT --persona TB`):
/// the people of this account who hold the role, and the persona's typical
/// frustrations with where this account shows them. `apply` reorders the map
/// so the role's emotion, pains, quotes and people come first.
public struct PersonaFocus: Sendable, Equatable, Encodable {
    /// A typical frustration of the persona and the pain points of this account that share its theme.
    public struct Typical: Sendable, Equatable, Encodable {
        public var key: String
        public var text: String
        /// How many people of the persona raised it.
        public var people: Int
        public var painPointIDs: [Int64]
        public var shownHere: Bool { !painPointIDs.isEmpty }

        enum CodingKeys: String, CodingKey { case key, text, people, painPointIDs = "pain_point_ids", shownHere = "shown_here" }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key); try c.encode(text, forKey: .text); try c.encode(people, forKey: .people)
            try c.encode(painPointIDs, forKey: .painPointIDs); try c.encode(shownHere, forKey: .shownHere)
        }
    }

    public var role: Role
    /// The stored personas it draws on; empty when none was built for the role yet.
    public var personaIDs: [Int64]
    /// True when every persona it draws on rests on fewer than 3 people (or there is none).
    public var thin: Bool
    /// This account's people who hold the role in the mapped deal, in decision-chain order.
    public var stakeholderIDs: [Int64]
    public var stakeholders: [String]
    public var typical: [Typical]

    enum CodingKeys: String, CodingKey {
        case role, personaIDs = "persona_ids", thin, stakeholderIDs = "stakeholder_ids", stakeholders, typical
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role); try c.encode(personaIDs, forKey: .personaIDs); try c.encode(thin, forKey: .thin)
        try c.encode(stakeholderIDs, forKey: .stakeholderIDs); try c.encode(stakeholders, forKey: .stakeholders)
        try c.encode(typical, forKey: .typical)
    }

    /// Focuses `map` on `role`, drawing typical frustrations from `personas`
    /// (id and persona; several levels of one role are merged, most people first).
    public static func apply(to map: JourneyMap, role: Role, personas: [(id: Int64, persona: Persona)]) -> JourneyMap {
        var map = map
        let holders = map.decisionChain.filter { $0.roles.contains(role) }
        let ids = Set(holders.map(\.stakeholderID))
        var merged: [String: (text: String, people: Int)] = [:]
        var order: [String] = []
        for p in personas {
            for f in p.persona.frustrations {
                if let seen = merged[f.key] {
                    merged[f.key] = (seen.text, seen.people + f.evidence.people)
                } else {
                    merged[f.key] = (f.text, f.evidence.people); order.append(f.key)
                }
            }
        }
        let keys = Set(order)
        var shown: [String: [Int64]] = [:]
        func focus(_ s: JourneyStage) -> JourneyStage {
            var s = s
            s.focusRole = role
            s.people = stable(s.people) { ids.contains($0.stakeholderID) }
            s.actions = stable(s.actions) { ids.contains($0.stakeholderID) }
            s.touchpoints = s.touchpoints.map { tp in
                var tp = tp
                tp.participants = stable(tp.participants) { ids.contains($0.stakeholderID) }
                return tp
            }
            s.painPoints = stable(s.painPoints) { p in p.stakeholderID.map { ids.contains($0) } ?? false }.map { p in
                var p = p
                let key = PainTheme.key(p.text)
                p.typical = keys.contains(key)
                if p.typical { shown[key, default: []].append(p.id) }
                return p
            }
            return s
        }
        map.stages = map.stages.map(focus)
        map.unstaged = map.unstaged.map(focus)
        let typical = order.map { k in Typical(key: k, text: merged[k]!.text, people: merged[k]!.people, painPointIDs: (shown[k] ?? []).sorted()) }
            .sorted { a, b in a.people != b.people ? a.people > b.people : order.firstIndex(of: a.key)! < order.firstIndex(of: b.key)! }
        map.persona = PersonaFocus(role: role, personaIDs: personas.map(\.id),
                                   thin: personas.allSatisfy { $0.persona.thin }, stakeholderIDs: holders.map(\.stakeholderID),
                                   stakeholders: holders.map(\.name), typical: typical)
        return map
    }

    /// The elements that match first, each group in its old order.
    static func stable<T>(_ items: [T], first: (T) -> Bool) -> [T] {
        items.filter(first) + items.filter { !first($0) }
    }
}
