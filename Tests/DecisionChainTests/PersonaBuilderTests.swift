import Testing
@testable import DecisionChain

@Suite("Persona builder")
struct PersonaBuilderTests {
    @Test("one theme for the same complaint in other words", arguments: [
        ("合同条款不清晰 unclear contract terms (acceptance, O&M duties)", "合同条款不清晰"),
        ("合同条款不清晰：验收标准、运维责任 unclear contract terms", "合同条款不清晰"),
        ("合同条款不清晰", "合同条款不清晰"),
        ("Unclear contract terms (acceptance)", "unclear contract terms"),
        ("budget overrun risk: high", "budget overrun risk"),
        ("  OA系统卡顿 slow OA ", "oa系统卡顿 slow oa"),
        ("（括号开头）", "（括号开头）"),
    ])
    func themes(_ text: String, _ key: String) {
        #expect(PainTheme.key(text) == key)
    }

    static func evidence(_ people: [Int64], accounts: [Int64] = [1], touchpoints: [Int64] = [1]) -> PersonaEvidence {
        PersonaEvidence(people: people.count, accounts: accounts.count, touchpoints: touchpoints.count,
                        peopleIDs: people, accountIDs: accounts, touchpointIDs: touchpoints)
    }

    static func line(_ key: String, _ severity: Severity?, people: [Int64], high: Int = 0) -> PersonaLine {
        PersonaLine(key: key, text: key, severity: severity, high: high, resolved: 0, evidence: evidence(people))
    }

    @Test("frustrations: most people first, then severity; fewer than 3 people flags the persona; exact asks are built empty")
    func ranking() {
        let tb = PersonaFacts.Key(role: .tb, level: .manager)
        let eb = PersonaFacts.Key(role: .eb, level: .executive)
        let facts = PersonaFacts(
            bases: [tb: Self.evidence([1, 2, 3, 4]), eb: Self.evidence([9])],
            lines: [(tb, .frustration, Self.line("b-high-one", .high, people: [1], high: 1)),
                    (tb, .frustration, Self.line("a-medium-two", .medium, people: [1, 2])),
                    (tb, .frustration, Self.line("c-low-one", .low, people: [3])),
                    (tb, .goal, Self.line("need", .medium, people: [2])),
                    (tb, .response, Self.line("answer", nil, people: [1]))],
            quotes: [], channels: [], stages: [])
        let all = PersonaBuilder.build(facts, scope: PersonaScope())
        #expect(all.map { "\($0.role.rawValue)/\($0.level.rawValue)" } == ["EB/executive", "TB/manager"])
        let persona = all[1]
        #expect(persona.frustrations.map(\.key) == ["a-medium-two", "b-high-one", "c-low-one"])
        #expect(persona.goals.map(\.key) == ["need"] && persona.movedBy.map(\.key) == ["answer"])
        #expect(!persona.thin)
        #expect(all[0].thin, "one EB is not a persona")
        let exact = PersonaBuilder.build(facts, scope: PersonaScope(role: .ub, level: .staff))
        #expect(exact.count == 1 && exact[0].thin && exact[0].evidence.people == 0)
        #expect(PersonaBuilder.build(facts, scope: PersonaScope(role: .ub)).isEmpty)
    }
}
