import Testing
@testable import DecisionChain

@Suite("Journey map builder")
struct JourneyMapBuilderTests {
    typealias F = JourneyFixture

    func build(_ s: AccountSnapshot = F.snapshot(), deal: Int64? = nil, asOf: Day = F.today, future: Bool = false,
               lang: Language = .en, all: Bool = false) throws -> JourneyMap {
        try JourneyMapBuilder.build(snapshot: s, dealID: deal, asOf: asOf, future: future, lang: lang, allOpportunities: all)
    }

    func stage(_ m: JourneyMap, _ key: String) throws -> JourneyStage {
        try #require(m.stages.first { $0.key == key })
    }

    @Test("columns are the stages the deal reached, in pipeline order, with days spent vs expected")
    func columns() throws {
        let m = try build()
        #expect(m.deal?.id == F.dealID)
        #expect(m.stages.map(\.key) == ["needs", "approval", "intention", "specification", "tender-notice", "bidding",
                                        "evaluation", "award", "contract"])
        #expect(m.stages.map(\.days) == [28, 63, 28, 38, 19, 16, 8, 7, 35])
        #expect(m.stages.map(\.metrics.overBy) == [0, 3, 0, 8, 0, 1, 0, 0, 5])
        #expect(try stage(m, "contract").current)
        #expect(try stage(m, "contract").entered == Day("2026-03-27"))
        #expect(try stage(m, "specification").phase == .consideration)
        #expect(m.stages.map(\.touchpoints.count).reduce(0, +) == 15)
        #expect(m.unstaged == nil, "the account-level touchpoint is not part of the deal's map")
        #expect(m.summary.days == 242)
    }

    @Test("stage names follow the language")
    func language() throws {
        #expect(try stage(try build(lang: .zh), "contract").name == "合同谈判")
        #expect(try build(lang: .zh).deal?.pipelineName == "政府采购")
        #expect(try stage(try build(lang: .en), "contract").name == "contract negotiation")
    }

    @Test("emotion per role is the mean of that role's participants; unknown stays unknown, never 0")
    func emotionPerRole() throws {
        let m = try build()
        let contract = try stage(m, "contract").emotion
        #expect(contract.tb == -1.5)
        #expect(contract.eb == 0)
        #expect(contract.ub == 0, "张科长's unknown emotion is left out; 陈工 counts as UB")
        #expect(contract.coach == 0)
        #expect(contract.all == -0.75)

        let intention = try stage(m, "intention").emotion
        #expect(intention.tb == nil, "李处长 was there but his emotion is unknown")
        #expect(intention.eb == nil, "no EB at that stage")
        #expect(intention.all == 2)

        let approval = try stage(m, "approval").emotion
        #expect(approval.all == 0.67, "rounded to 2 decimals")
    }

    @Test("a person holding two roles counts in both")
    func twoRoles() throws {
        let award = try stage(try build(), "award").emotion
        #expect(award.ub == 3)
        #expect(award.coach == 3)
        #expect(award.eb == 2)
        #expect(award.all == 2.5)
    }

    @Test("the contract dip is the moment of truth: lowest emotion and largest drop, with the pain point as why")
    func momentOfTruth() throws {
        let m = try build()
        try #require(m.momentsOfTruth.count == 1)
        let mot = m.momentsOfTruth[0]
        #expect(mot.kinds == [.lowest, .largestDrop])
        #expect(mot.stageKey == "contract")
        #expect(mot.touchpointID == 13)
        #expect(mot.name == "李处长")
        #expect(mot.roles == [.tb])
        #expect(mot.emotion == Emotion(-2))
        #expect(mot.emotionLabel == "frustrated")
        #expect(mot.why.first == "合同条款不清晰")
        #expect(mot.from == 2.5 && mot.to == -0.75 && mot.drop == 3.25)
        #expect(mot.previousStage == "award")
        #expect(try stage(m, "contract").momentOfTruth)
        #expect(try !stage(m, "award").momentOfTruth)
    }

    @Test("opportunities: open pain without response, negative emotion not followed up, stage over time")
    func opportunities() throws {
        let contract = try stage(try build(all: true), "contract")
        #expect(contract.opportunities.map(\.kind) == [.openPain, .openPain, .unansweredEmotion, .overTime])
        #expect(contract.opportunities[0].text == "合同条款不清晰", "high severity first")
        #expect(contract.opportunities[1].text == "付款节点与财政拨款对齐")
        #expect(contract.opportunities[2].stakeholders == ["李处长"])
        #expect(contract.opportunities[2].touchpointID == 14, "his latest contact left him at -1")
        #expect(contract.opportunities[3].days == 5)
    }

    @Test("opportunities are capped per stage, most pressing first; the rest are counted and shown with --all")
    func opportunityCap() throws {
        let capped = try stage(try build(), "contract")
        #expect(capped.opportunities.map(\.kind) == [.openPain, .openPain, .unansweredEmotion])
        #expect(capped.moreOpportunities == 1)
        let all = try stage(try build(all: true), "contract")
        #expect(all.opportunities.count == 4 && all.moreOpportunities == 0)
        #expect(try build().summary.opportunities == (try build(all: true)).stages.reduce(0) { $0 + $1.opportunities.count })
    }

    @Test("a role of the deal not met in a stage is an opportunity naming who holds it")
    func uncoveredRole() throws {
        let m = try build()
        let intention = try stage(m, "intention")
        #expect(intention.metrics.rolesCovered == [.tb, .ub, .coach])
        #expect(intention.metrics.rolesMissing == [.eb])
        #expect(intention.metrics.coverage == 0.75)
        let uncovered = intention.opportunities.filter { $0.kind == .uncoveredRole }
        #expect(uncovered.map(\.role) == [.eb])
        #expect(uncovered.first?.stakeholders == ["王局长"])
        #expect(try stage(m, "contract").metrics.coverage == 1)
    }

    @Test("a negative emotion followed by a later contact is not an opportunity")
    func followedUp() throws {
        let spec = try stage(try build(), "specification")
        #expect(!spec.opportunities.contains { $0.kind == .unansweredEmotion })
    }

    @Test("pain points and our responses land in the stage they were raised in")
    func painAndResponses() throws {
        let m = try build()
        let needs = try stage(m, "needs")
        #expect(needs.painPoints.map(\.text) == ["跨部门数据共享难", "手工导数据耗时"])
        #expect(needs.responses.map(\.text) == ["提供共享交换方案", "演示自动化交换"])
        #expect(try stage(m, "specification").responses.map(\.text) == ["提供第三方合规参数建议"],
                "a touchpoint's reply that repeats its pain point's response is shown once")
        let contract = try stage(m, "contract").responses
        #expect(contract.map(\.text) == ["承诺一周内给出合同修订稿"], "a touchpoint's own reply is a response too")
        #expect(contract.first?.painPointID == nil && contract.first?.to == nil)
        #expect(m.summary.openPainPoints == 2)
    }

    @Test("stakeholder actions: contacts they started and what they said")
    func actions() throws {
        let approval = try stage(try build(), "approval")
        #expect(approval.actions.map(\.name) == ["王局长", "陈工"])
        #expect(approval.actions[0].said == "预算今年要落地" && approval.actions[0].did == nil)
        #expect(approval.actions[1].did == "陈工告知预算已报财政局", "an inbound call is something the customer did")
    }

    @Test("the decision chain is an org chart, EB on top, with role, stance and latest emotion")
    func decisionChain() throws {
        let chain = try build().decisionChain
        #expect(chain.map(\.name) == ["王局长", "李处长", "张科长", "陈工"])
        #expect(chain.map(\.depth) == [0, 1, 2, 2])
        #expect(chain[1].reportsTo == F.wang)
        #expect(chain[1].roles == [.tb] && chain[1].stance == .skeptic && chain[1].influence == .high)
        #expect(chain[1].latestEmotion == Emotion(-1) && chain[1].latestEmotionOn == Day("2026-04-08"))
        #expect(chain[2].latestEmotion == Emotion(1), "an unknown emotion later does not hide the last known one")
        #expect(chain[3].roles == [.ub, .coach])
    }

    @Test("--as-of leaves out later stages, touchpoints and pain points")
    func asOf() throws {
        let m = try build(deal: F.dealID, asOf: Day("2026-03-25")!)
        #expect(m.stages.last?.key == "award")
        #expect(m.stages.last?.days == 5)
        #expect(m.stages.last?.current == true)
        #expect(m.summary.touchpoints == 12)
        #expect(m.summary.openPainPoints == 0)
        #expect(m.momentsOfTruth.map(\.touchpointID) == [7, 10])
        #expect(m.momentsOfTruth[0].kinds == [.lowest, .largestDrop])
        #expect(m.momentsOfTruth[1].kinds == [.lowest])
    }

    @Test("without --deal: the open deal with the latest activity, as of the day")
    func dealChoice() throws {
        #expect(JourneyMapBuilder.chooseDeal(in: F.snapshot(), asOf: F.today)?.id == F.dealID)
        // In May 2025 the later-lost deal was still open and the only one active.
        #expect(JourneyMapBuilder.chooseDeal(in: F.snapshot(), asOf: Day("2025-05-15")!)?.id == F.lostDealID)
        var onlyLost = F.snapshot(); onlyLost.deals = [F.lostDeal]
        #expect(JourneyMapBuilder.chooseDeal(in: onlyLost, asOf: F.today)?.id == F.lostDealID, "else the latest deal")
        let lost = try build(deal: F.lostDealID)
        #expect(lost.deal?.status == .lost)
        #expect(lost.stages.last?.days == 29, "a closed deal's clock stops at its close")
    }

    @Test("the future state adds the stages to come with the open plan items placed in them")
    func future() throws {
        let m = try build(future: true)
        #expect(m.state == .future)
        #expect(m.stages.map(\.key).suffix(2) == ["implementation", "operation"])
        #expect(try !stage(m, "implementation").reached)
        #expect(try stage(m, "implementation").metrics.rolesMissing == [], "stages to come are not gaps")
        #expect(try stage(m, "contract").planned.map(\.id) == [1, 2], "an item without a stage goes to the current one")
        #expect(try stage(m, "implementation").planned.map(\.id) == [3, 4])
        #expect(try stage(m, "operation").planned.map(\.stakeholder) == [nil])
        #expect(!m.columns.flatMap(\.planned).contains { $0.id == 6 }, "done items are not plans")
        #expect(try build().stages.allSatisfy { $0.planned.isEmpty }, "the current state shows no plans")
    }

    @Test("an account with no deals: a map of its touchpoints without stages")
    func noDeals() throws {
        let s = AccountSnapshot(account: F.account, stakeholders: F.stakeholders, pipelines: [F.government],
                                touchpoints: [F.touchpoints[15]])
        let m = try build(s)
        #expect(m.deal == nil)
        #expect(m.stages.isEmpty)
        #expect(m.unstaged?.touchpoints.map(\.id) == [16])
        #expect(m.unstaged?.emotion.all == 1)
        #expect(m.unstaged?.emotion.eb == nil, "no deal, no roles")
        #expect(m.decisionChain.map(\.name) == ["王局长", "刘主任", "李处长", "张科长", "陈工"])
        #expect(m.momentsOfTruth.isEmpty)
        let empty = try build(AccountSnapshot(account: F.account))
        #expect(empty.stages.isEmpty && empty.unstaged == nil && empty.decisionChain.isEmpty)
    }

    @Test("a deal with no touchpoints, and stages with no emotion data, give a smaller map, not an error")
    func sparse() throws {
        var s = F.snapshot()
        s.touchpoints = []; s.painPoints = []
        let bare = try build(s, deal: F.dealID)
        #expect(bare.stages.count == 9)
        #expect(bare.stages.allSatisfy { $0.emotion.isEmpty && $0.touchpoints.isEmpty })
        #expect(bare.momentsOfTruth.isEmpty)
        #expect(bare.summary.emotion.all == nil)

        var silent = F.snapshot()
        silent.touchpoints = silent.touchpoints.map { tp in
            var t = tp; t.participants = t.participants.map { Participant(stakeholderID: $0.stakeholderID) }; return t
        }
        let m = try build(silent)
        #expect(m.stages.allSatisfy { $0.emotion.all == nil })
        #expect(m.momentsOfTruth.isEmpty)
        #expect(m.stages.allSatisfy { !$0.opportunities.contains { $0.kind == .unansweredEmotion } })
    }

    @Test("a touchpoint without a recorded stage is placed by its date")
    func placedByDate() throws {
        var s = F.snapshot()
        s.touchpoints = s.touchpoints.map { tp in var t = tp; if t.id == 11 { t.stageKey = nil }; return t }
        #expect(try stage(try build(s), "evaluation").touchpoints.map(\.id) == [11])
    }

    @Test("an unknown deal is refused")
    func unknownDeal() {
        #expect(throws: DomainError.self) { try build(deal: 999) }
    }
}

@Suite("Moments of truth and opportunities")
struct MomentsAndOpportunitiesTests {
    func person(_ id: Int64, _ v: Int?) -> MapPerson {
        MapPerson(stakeholderID: id, name: "P\(id)", roles: [], emotion: v.flatMap(Emotion.init), emotionLabel: nil, quote: nil)
    }

    func column(_ key: String, _ tpID: Int64, _ day: String, _ people: [MapPerson], mean: Double?) -> JourneyStage {
        JourneyStage(key: key, name: key, phase: nil, position: nil, reached: true, current: false, entered: nil, days: nil,
                     expectedDays: nil,
                     touchpoints: people.isEmpty ? [] : [MapTouchpoint(id: tpID, at: LocalTime(day)!, channel: .call, direction: .outbound,
                                                                        summary: nil, loggedBy: nil, participants: people)],
                     emotion: RoleEmotions(all: mean),
                     metrics: StageMetrics(touchpoints: 0, stakeholders: 0, rolesCovered: [], rolesMissing: [], coverage: nil, days: nil, expectedDays: nil))
    }

    @Test("the lowest emotion and the largest drop can be two moments; stages without emotion are skipped")
    func twoMoments() {
        let columns = [
            column("a", 1, "2026-01-01", [person(1, 3), person(2, -3)], mean: 0),
            column("b", 2, "2026-02-01", [person(1, -1)], mean: -1),
            column("c", 3, "2026-03-01", [person(1, 2)], mean: 2),
            column("quiet", 0, "2026-03-15", [], mean: nil),
            column("d", 4, "2026-04-01", [person(1, -2), person(2, 0)], mean: -1),
        ]
        let moments = MomentsOfTruth.find(in: columns)
        #expect(moments.map(\.kinds) == [[.lowest], [.largestDrop]])
        #expect(moments.map(\.stakeholderID) == [2, 1])
        #expect(moments[1].stageKey == "d" && moments[1].previousStage == "c" && moments[1].drop == 3)
    }

    @Test("no negative emotion, no lowest moment; no drop, no drop moment")
    func none() {
        let rising = [column("a", 1, "2026-01-01", [person(1, 0)], mean: 0), column("b", 2, "2026-02-01", [person(1, 2)], mean: 2)]
        #expect(MomentsOfTruth.find(in: rising).isEmpty)
    }

    @Test("only the latest contact of a person counts as not followed up", arguments: [
        ([-2, 1], false), ([1, -2], true), ([-1, nil], false), ([nil], false), ([0, -3, -1], true),
    ] as [([Int?], Bool)])
    func unanswered(_ emotions: [Int?], _ open: Bool) {
        let tps = emotions.enumerated().map { i, v in
            Touchpoint(id: Int64(i + 1), accountID: 1, at: LocalTime(day: Day("2026-01-01")!.adding(days: i)), channel: .call,
                       participants: [Participant(stakeholderID: 5, emotion: v.flatMap(Emotion.init))])
        }
        let keys = Opportunities.unansweredNegatives(in: tps)
        #expect(keys == (open ? [Opportunities.ParticipantKey(touchpointID: Int64(emotions.count), stakeholderID: 5)] : []))
    }
}
