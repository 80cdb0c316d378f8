/// Builds personas from the aggregated facts: one per role × level of the
/// scope that someone held (and the one asked for exactly, even when nobody
/// did), each list ranked and cut to `linesPerSection`.
public enum PersonaBuilder {
    /// The most lines of one kind a persona shows (SQL keeps as many per list).
    public static let linesPerSection = 5

    public static func build(_ facts: PersonaFacts, scope: PersonaScope) -> [Persona] {
        scope.pairs.compactMap { pair in
            let key = PersonaFacts.Key(role: pair.role, level: pair.level)
            guard let base = facts.bases[key] ?? (scope.isExact ? PersonaEvidence.none : nil) else { return nil }
            func lines(_ section: PersonaFacts.Section) -> [PersonaLine] {
                facts.lines.filter { $0.key == key && $0.section == section }.map(\.line)
            }
            let byShare: (PersonaLine, PersonaLine) -> Bool = { a, b in
                if a.evidence.people != b.evidence.people { return a.evidence.people > b.evidence.people }
                if a.severity != b.severity { return (a.severity ?? .low) > (b.severity ?? .low) }
                if a.high != b.high { return a.high > b.high }
                if a.evidence.touchpoints != b.evidence.touchpoints { return a.evidence.touchpoints > b.evidence.touchpoints }
                return a.key < b.key
            }
            let moved = lines(.response).sorted { a, b in
                a.evidence.people != b.evidence.people ? a.evidence.people > b.evidence.people
                    : a.resolved != b.resolved ? a.resolved > b.resolved : a.key < b.key
            }
            let quotes = facts.quotes.filter { $0.key == key }.map(\.quote).sorted { a, b in
                let ea = abs(a.emotion?.value ?? 0), eb = abs(b.emotion?.value ?? 0)
                return ea != eb ? ea > eb : a.on != b.on ? a.on > b.on : a.touchpointID < b.touchpointID
            }
            let channels = facts.channels.filter { $0.key == key }.map(\.channel).sorted { a, b in
                a.meanChange != b.meanChange ? a.meanChange > b.meanChange : a.channel.rawValue < b.channel.rawValue
            }
            let stages = facts.stages.filter { $0.key == key }.map(\.stage).sorted { a, b in
                a.pipeline != b.pipeline ? a.pipeline < b.pipeline : a.position < b.position
            }
            return Persona(role: pair.role, level: pair.level, pipeline: scope.pipeline, kind: scope.kind, evidence: base,
                           goals: Array(lines(.goal).sorted(by: byShare).prefix(linesPerSection)),
                           frustrations: Array(lines(.frustration).sorted(by: byShare).prefix(linesPerSection)),
                           quotes: Array(quotes.prefix(linesPerSection)), channels: channels, emotionByStage: stages,
                           movedBy: Array(moved.prefix(linesPerSection)))
        }
    }
}

extension PersonaEvidence {
    /// Nobody: the evidence of a persona asked for that nobody fits.
    public static let none = PersonaEvidence(people: 0, accounts: 0, touchpoints: 0, peopleIDs: [], accountIDs: [], touchpointIDs: [])
}
