import DecisionChain
import Testing

@Suite("Experience metrics: NPS, CSAT, CES, targets, conversion, renewals, trend")
struct MetricsTests {
    @Test("NPS counts 9–10 as promoters, 7–8 as passives, 0–6 as detractors", arguments: [
        (0, NetPromoterScore.Category.detractor), (6, .detractor), (7, .passive), (8, .passive), (9, .promoter), (10, .promoter),
    ] as [(Int, NetPromoterScore.Category)])
    func boundaries(_ score: Int, _ category: NetPromoterScore.Category) {
        #expect(NetPromoterScore.category(score) == category)
    }

    @Test("NPS of a hand-built set at the 9/7 boundaries: % promoters − % detractors, with n")
    func arithmetic() {
        // 6 → detractor, 7 and 8 → passive, 9 and 10 → promoter: 2 promoters, 2 passives, 1 detractor of 5.
        let nps = NetPromoterScore(scores: [6, 7, 8, 9, 10])
        #expect(nps.promoters == 2 && nps.passives == 2 && nps.detractors == 1 && nps.n == 5)
        #expect(nps.score == 20)   // 40% − 20%
        // Passives only move the total: adding two 8s lowers the score to 2/7 − 1/7 = 14.3.
        #expect(NetPromoterScore(scores: [6, 7, 8, 9, 10, 8, 8]).score == 14.3)
        #expect(NetPromoterScore(scores: [0, 6, 6]).score == -100)
        #expect(NetPromoterScore(scores: [9, 9]).score == 100)
        #expect(NetPromoterScore(scores: [7, 8]).score == 0)
        #expect(NetPromoterScore(scores: []).score == nil, "nobody answered: unknown, not 0")
    }

    @Test("CSAT and CES are means with n; scores outside the scale are refused naming the field")
    func means() throws {
        let csat = SurveyTally(kind: .csat, scores: [4, 5, 4])
        #expect(csat.n == 3 && csat.mean == 4.33 && csat.value == 4.33)
        #expect(SurveyTally(kind: .ces, scores: []).mean == nil)
        #expect(try SurveyKind.nps.score("10") == 10)
        #expect(throws: InputError(field: "nps", value: "11", problem: "is outside 0…10")) { try SurveyKind.nps.score("11") }
        #expect(throws: InputError(field: "csat", value: "0", problem: "is outside 1…5")) { try SurveyKind.csat.score("0") }
        #expect(throws: InputError.self) { try SurveyKind.ces.score("8") }
        #expect(throws: InputError.self) { try SurveyKind.nps.score("nine") }
        #expect(throws: InputError.self) { try SurveyKind.nps.target("101") }
        #expect(try SurveyKind.nps.target("-10") == -10)
        #expect(throws: InputError.self) { try SurveyKind.csat.target("0.5") }
    }

    @Test("targets: a pipeline's own wins over the one for all; met means at or above")
    func targets() {
        let t = [MetricTarget(kind: .nps, value: 30), MetricTarget(kind: .nps, value: 50, pipelineKey: "enterprise"),
                 MetricTarget(kind: .csat, value: 4, pipelineKey: "government")]
        #expect(t.value(.nps, pipeline: "enterprise") == 50)
        #expect(t.value(.nps, pipeline: "government") == 30)
        #expect(t.value(.csat, pipeline: nil) == nil)
        let s = [Survey(id: 1, accountID: 1, stakeholderID: 1, dealID: 1, stageKey: "a", on: Day("2026-01-01")!, kind: .nps, score: 9),
                 Survey(id: 2, accountID: 1, stakeholderID: 2, dealID: 1, stageKey: "a", on: Day("2026-01-01")!, kind: .nps, score: 6),
                 Survey(id: 3, accountID: 1, stakeholderID: 2, dealID: 1, stageKey: "a", on: Day("2026-01-01")!, kind: .csat, score: 4)]
        let e = ExperienceScores(surveys: s, targets: t, pipeline: "government")
        #expect(e.nps.value == 0 && e.nps.target == 30 && e.nps.meetsTarget == false)
        #expect(e.csat.value == 4 && e.csat.meetsTarget == true, "exactly on target is met")
        #expect(e.ces.n == 0 && e.ces.meetsTarget == nil)
        #expect(e.answered.map(\.kind) == [.nps, .csat])
    }

    @Test("conversion, median days per stage and days per visit from a stage history")
    func stageFlow() {
        #expect(StageFlow.conversions(reached: [10, 5, 0, 0]) == [nil, 0.5, 0, nil])
        #expect(StageFlow.median([5, 1, 3]) == 3)
        #expect(StageFlow.median([4, 1, 3, 10]) == 3.5)
        #expect(StageFlow.median([]) == nil)
        let h = [StageVisit(dealID: 1, stageKey: "a", entered: Day("2026-01-01")!), StageVisit(dealID: 1, stageKey: "b", entered: Day("2026-01-11")!)]
        #expect(StageFlow.visitDays(h, closedOn: nil).map { $0.days } == [10], "an open deal's current visit is not finished")
        #expect(StageFlow.visitDays(h, closedOn: Day("2026-01-15")!).map { "\($0.stageKey)\($0.days)" } == ["a10", "b4"])
    }

    @Test("renewal rate over the decided deals; trend buckets by month or quarter")
    func renewalAndTrend() {
        let r = RenewalRate(reached: 5, renewed: 3, notRenewed: 1)
        #expect(r.pending == 1 && r.rate == 0.75)
        #expect(RenewalRate(reached: 2, renewed: 0, notRenewed: 0).rate == nil)
        let d = Day("2026-05-17")!
        #expect(TrendGranularity.forPeriod(since: d.adding(days: -90), today: d) == .month)
        #expect(TrendGranularity.forPeriod(since: d.adding(days: -400), today: d) == .quarter)
        #expect(TrendGranularity.month.label(of: d) == "2026-05" && TrendGranularity.quarter.label(of: d) == "2026-Q2")
        #expect(TrendGranularity.quarter.start(of: d) == Day("2026-04-01"))
    }

    @Test("a survey's deal: the only open one, else the only one; several must be named")
    func defaultDeal() throws {
        func deal(_ id: Int64, _ status: DealStatus) -> Deal {
            Deal(id: id, accountID: 1, name: "d\(id)", pipelineKey: "government", stageKey: "needs", status: status)
        }
        #expect(try Survey.defaultDeal(among: [deal(1, .won), deal(2, .open)], account: "A")?.id == 2)
        #expect(try Survey.defaultDeal(among: [deal(1, .won)], account: "A")?.id == 1)
        #expect(try Survey.defaultDeal(among: [], account: "A") == nil)
        #expect(throws: DomainError.self) { try Survey.defaultDeal(among: [deal(1, .open), deal(2, .open)], account: "A") }
        #expect(throws: DomainError.self) { try Survey.defaultDeal(among: [deal(1, .won), deal(2, .lost)], account: "A") }
    }

    @Test("the map's metrics lane: each stage's surveys against targets, nothing after the map's day")
    func mapLane() throws {
        let map = try JourneyMapBuilder.build(snapshot: JourneyFixture.snapshot(), dealID: JourneyFixture.dealID, asOf: JourneyFixture.today,
                                              future: false, lang: .en)
        func stage(_ key: String) throws -> StageMetrics { try #require(map.stages.first { $0.key == key }).metrics }
        #expect(try stage("approval").experience.nps.value == 50)
        #expect(try stage("approval").experience.nps.meetsTarget == true)
        let contract = try stage("contract").experience
        #expect(contract.nps.n == 2 && contract.nps.value == -50 && contract.nps.meetsTarget == false, "the 2026-05-20 answer is after the map's day")
        #expect(contract.csat.value == 2 && contract.csat.target == 4)
        #expect(try stage("evaluation").experience.ces.value == 6)
        #expect(try stage("needs").experience.isEmpty)
        #expect(map.summary.experience.nps.n == 4 && map.summary.experience.nps.value == 0)
    }
}
