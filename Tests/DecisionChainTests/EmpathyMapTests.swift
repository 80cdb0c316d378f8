import Testing
@testable import DecisionChain

@Suite("Empathy map")
struct EmpathyMapTests {
    typealias F = JourneyFixture

    func build(_ who: Int64, deal: Int64? = F.dealID, asOf: Day = F.today) throws -> EmpathyMap {
        try EmpathyMapBuilder.build(snapshot: F.snapshot(), stakeholderID: who, dealID: deal, asOf: asOf, lang: .zh)
    }

    @Test("says: the TB's quotes, in time order, with the stage")
    func says() throws {
        let m = try build(F.li)
        #expect(m.says.map(\.text) == ["参数不能有倾向性", "实施周期要说清楚", "合同条款不清晰，验收标准写得太含糊"])
        #expect(m.says.last?.stage == "contract")
        #expect(m.says.last?.stageName == "合同谈判")
        #expect(m.says.last?.emotion == Emotion(-2))
    }

    @Test("thinks: the concerns and needs they raised, and their personal win")
    func thinks() throws {
        let li = try build(F.li)
        #expect(li.thinks.concerns.map(\.text) == ["招标参数合规风险", "实施周期不明确", "合同条款不清晰"])
        #expect(li.thinks.needs.isEmpty)
        #expect(li.thinks.personalWins == ["验收一次通过，不担审计风险"])
        #expect(try build(F.wang).thinks.needs.map(\.text) == ["跨部门数据共享难", "付款节点与财政拨款对齐"])
    }

    @Test("does: every touchpoint they took part in; feels: labels by frequency, mean, latest and trend")
    func doesAndFeels() throws {
        let m = try build(F.li)
        #expect(m.does.map(\.touchpointID) == [1, 2, 3, 5, 7, 8, 10, 13, 14])
        #expect(m.feels.moments.count == 9)
        #expect(m.feels.moments[3].emotion == nil, "unknown stays unknown")
        #expect(m.feels.mean == -0.5)
        #expect(m.feels.latest == Emotion(-1))
        #expect(m.feels.trend == .falling)
        #expect(m.feels.labels.map(\.label) == ["neutral", "anxious", "interested", "confused", "frustrated"])
        #expect(m.feels.labels.first?.count == 3)
        #expect(m.roles == [.tb])
    }

    @Test("without a deal: every touchpoint of the account and every role")
    func noDeal() throws {
        let wang = try build(F.wang, deal: nil)
        #expect(wang.deal == nil)
        #expect(wang.does.map(\.touchpointID) == [16, 1, 3, 11, 12, 13])
        #expect(wang.does.first?.stage == nil)
        #expect(try build(F.chen, deal: nil).roles == [.ub, .coach])
        #expect(try build(F.chen, deal: nil).feels.trend == .steady)
    }

    @Test("--as-of leaves out later contacts")
    func asOf() throws {
        #expect(try build(F.li, asOf: Day("2026-02-01")!).does.count == 6)
    }

    @Test("a stakeholder never met: an empty map, not an error")
    func empty() throws {
        let m = try build(F.liu)
        #expect(m.says.isEmpty && m.does.isEmpty && m.feels.moments.isEmpty)
        #expect(m.feels.mean == nil && m.feels.latest == nil && m.feels.trend == .unknown)
        #expect(m.roles.isEmpty)
    }

    @Test("an unknown stakeholder or deal is refused")
    func unknown() {
        #expect(throws: DomainError.self) { try build(999) }
        #expect(throws: DomainError.self) { try build(F.li, deal: 999) }
    }

    @Test("trend compares the later half with the earlier half", arguments: [
        ([], EmpathyMap.Trend.unknown), ([2], .unknown), ([-1, 1], .rising), ([2, 0], .falling), ([1, 1, 1], .steady),
        ([0, 3, 1], .rising), ([2, 1, 2, 1, 3, 0], .steady),
    ] as [([Int], EmpathyMap.Trend)])
    func trend(_ values: [Int], _ expected: EmpathyMap.Trend) {
        #expect(EmpathyMapBuilder.trend(values.compactMap(Emotion.init)) == expected)
    }
}
