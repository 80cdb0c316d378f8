/// What the database aggregated for personas, per role × level: the rows
/// `PersonaStore` reads (SQL does the counting, ranking and id lists) and
/// `PersonaBuilder` turns into personas.
public struct PersonaFacts: Sendable, Equatable {
    /// A role held at a level: the pair every fact belongs to.
    public struct Key: Hashable, Sendable {
        public var role: Role
        public var level: Level
        public init(role: Role, level: Level) { self.role = role; self.level = level }
    }

    /// Which list a `PersonaLine` belongs in.
    public enum Section: String, Sendable {
        case goal, frustration, response
    }

    /// Everyone who held the role at the level: people, accounts, their touchpoints.
    public var bases: [Key: PersonaEvidence]
    public var lines: [(key: Key, section: Section, line: PersonaLine)]
    public var quotes: [(key: Key, quote: PersonaQuote)]
    public var channels: [(key: Key, channel: PersonaChannel)]
    public var stages: [(key: Key, stage: PersonaStageEmotion)]

    public init(bases: [Key: PersonaEvidence], lines: [(key: Key, section: Section, line: PersonaLine)],
                quotes: [(key: Key, quote: PersonaQuote)], channels: [(key: Key, channel: PersonaChannel)],
                stages: [(key: Key, stage: PersonaStageEmotion)]) {
        self.bases = bases; self.lines = lines; self.quotes = quotes; self.channels = channels; self.stages = stages
    }

    public static func == (a: PersonaFacts, b: PersonaFacts) -> Bool {
        a.bases == b.bases && a.lines.map(\.line) == b.lines.map(\.line) && a.quotes.map(\.quote) == b.quotes.map(\.quote)
            && a.channels.map(\.channel) == b.channels.map(\.channel) && a.stages.map(\.stage) == b.stages.map(\.stage)
    }
}
