import DecisionChain

/// A hand-built account for journey-map and empathy-map tests: the municipal
/// data bureau 市数据局 buying a data-sharing platform through the government
/// pipeline, from needs discovery to contract negotiation, where the TB is
/// frustrated (−2) by unclear contract terms (合同条款不清晰).
/// (Tests/DecisionChainRenderTests/MapFixture.swift is a link to this file.)
enum JourneyFixture {
    static let today = Day("2026-05-01")!

    static let wang: Int64 = 1, li: Int64 = 2, zhang: Int64 = 3, chen: Int64 = 4, liu: Int64 = 5
    static let dealID: Int64 = 101, lostDealID: Int64 = 102

    static func day(_ s: String) -> Day { Day(s)! }
    static func at(_ s: String) -> LocalTime { LocalTime(s)! }
    static func e(_ v: Int) -> Emotion { Emotion(v)! }

    static let government = Pipeline(id: 1, key: "government", nameEN: "Government procurement", nameZH: "政府采购", stages: [
        Stage(id: 1, pipelineKey: "government", key: "needs", position: 1, nameEN: "needs discovery", nameZH: "需求发现", phase: .awareness, expectedDays: 30),
        Stage(id: 2, pipelineKey: "government", key: "approval", position: 2, nameEN: "project approval & budget", nameZH: "立项与预算", phase: .consideration, expectedDays: 60),
        Stage(id: 3, pipelineKey: "government", key: "intention", position: 3, nameEN: "procurement intention published", nameZH: "采购意向公开", phase: .consideration, expectedDays: 30),
        Stage(id: 4, pipelineKey: "government", key: "specification", position: 4, nameEN: "specification & tender documents", nameZH: "需求论证与招标文件", phase: .consideration, expectedDays: 30),
        Stage(id: 5, pipelineKey: "government", key: "tender-notice", position: 5, nameEN: "tender notice", nameZH: "招标公告", phase: .decision, expectedDays: 20),
        Stage(id: 6, pipelineKey: "government", key: "bidding", position: 6, nameEN: "bidding", nameZH: "投标", phase: .decision, expectedDays: 15),
        Stage(id: 7, pipelineKey: "government", key: "evaluation", position: 7, nameEN: "bid evaluation", nameZH: "评标", phase: .decision, expectedDays: 10),
        Stage(id: 8, pipelineKey: "government", key: "award", position: 8, nameEN: "award notice", nameZH: "中标公告", phase: .purchase, expectedDays: 7),
        Stage(id: 9, pipelineKey: "government", key: "contract", position: 9, nameEN: "contract negotiation", nameZH: "合同谈判", phase: .purchase, expectedDays: 30),
        Stage(id: 10, pipelineKey: "government", key: "implementation", position: 10, nameEN: "implementation & acceptance", nameZH: "实施与验收", phase: .service, expectedDays: 90),
        Stage(id: 11, pipelineKey: "government", key: "operation", position: 11, nameEN: "operation & renewal", nameZH: "运维与续约", phase: .loyalty, expectedDays: 365),
    ])

    static let account = Account(id: 7, name: "市数据局", kind: .government, code: "SJJ", region: "江州市", industry: "政务")

    static let stakeholders = [
        Stakeholder(id: wang, accountID: 7, name: "王局长", title: "局长", unitName: "局领导", level: .executive),
        Stakeholder(id: li, accountID: 7, name: "李处长", title: "信息化处处长", unitName: "信息化处", level: .manager, reportsToID: wang),
        Stakeholder(id: zhang, accountID: 7, name: "张科长", title: "数据应用科科长", unitName: "数据应用科", level: .manager, reportsToID: li),
        Stakeholder(id: chen, accountID: 7, name: "陈工", title: "系统工程师", unitName: "信息化处", level: .staff, reportsToID: li),
        Stakeholder(id: liu, accountID: 7, name: "刘主任", title: "办公室主任", unitName: "办公室", level: .manager, reportsToID: wang),
    ]

    static let deal = Deal(id: dealID, accountID: 7, name: "政务数据共享平台", pipelineKey: "government", stageKey: "contract",
                           method: .publicTender, amount: 3_800_000)
    static let lostDeal = Deal(id: lostDealID, accountID: 7, name: "机房运维外包", pipelineKey: "government", stageKey: "evaluation",
                               status: .lost, closedOn: Day("2025-06-30")!, closeReason: "价格")

    /// needs → … → contract; days: 28, 63, 28, 38, 19, 16, 8, 7, then 35 to `today`.
    static let history: [StageVisit] = [
        ("needs", "2025-09-01"), ("approval", "2025-09-29"), ("intention", "2025-12-01"), ("specification", "2025-12-29"),
        ("tender-notice", "2026-02-05"), ("bidding", "2026-02-24"), ("evaluation", "2026-03-12"), ("award", "2026-03-20"),
        ("contract", "2026-03-27"),
    ].map { StageVisit(dealID: dealID, stageKey: $0.0, entered: day($0.1)) } + [
        StageVisit(dealID: lostDealID, stageKey: "needs", entered: day("2025-03-01")),
        StageVisit(dealID: lostDealID, stageKey: "evaluation", entered: day("2025-06-01")),
    ]

    /// 陈工 is both Coach and UB; 刘主任 plays a part only in the lost deal.
    static let influences = [
        BuyingInfluence(dealID: dealID, stakeholderID: wang, role: .eb, influence: .high, stance: .supporter, mode: .growth, rating: 2),
        BuyingInfluence(dealID: dealID, stakeholderID: li, role: .tb, influence: .high, stance: .skeptic, mode: .trouble, rating: -1,
                        personalWin: "验收一次通过，不担审计风险"),
        BuyingInfluence(dealID: dealID, stakeholderID: zhang, role: .ub, influence: .medium, stance: .supporter, rating: 2),
        BuyingInfluence(dealID: dealID, stakeholderID: chen, role: .coach, influence: .low, stance: .champion, rating: 4),
        BuyingInfluence(dealID: dealID, stakeholderID: chen, role: .ub, influence: .low, stance: .champion, rating: 4),
        BuyingInfluence(dealID: lostDealID, stakeholderID: liu, role: .eb, influence: .high, stance: .neutral),
    ]

    static func p(_ id: Int64, _ v: Int?, _ label: String? = nil, _ quote: String? = nil) -> Participant {
        Participant(stakeholderID: id, emotion: v.map(e), emotionLabel: label, quote: quote)
    }

    static func tp(_ id: Int64, _ when: String, _ stage: String?, _ channel: Channel, _ summary: String, _ people: [Participant],
                   direction: Direction = .outbound, deal: Int64? = dealID, response: String? = nil) -> Touchpoint {
        Touchpoint(id: id, accountID: 7, dealID: deal, stageKey: stage, at: at(when), channel: channel, direction: direction,
                   summary: summary, loggedBy: "zhou", participants: people, response: response)
    }

    static let touchpoints: [Touchpoint] = [
        tp(1, "2025-09-03 10:00", "needs", .visit, "首次拜访，了解数据共享需求",
           [p(wang, 1, "interested", "数据要跑起来，群众少跑腿"), p(li, 0, "neutral")]),
        tp(2, "2025-09-18 14:30", "needs", .siteSurvey, "现场调研各科室数据交换",
           [p(li, 1, "interested"), p(chen, 2, "trusting", "我们科里天天手工导数据")]),
        tp(3, "2025-10-15 09:00", "approval", .meeting, "立项汇报",
           [p(wang, 1, "satisfied", "预算今年要落地"), p(li, 0, "neutral")]),
        tp(4, "2025-11-20 16:00", "approval", .call, "陈工告知预算已报财政局", [p(chen, 1, "trusting")], direction: .inbound),
        tp(5, "2025-12-05 11:00", "intention", .email, "发送采购意向解读", [p(li, nil)]),
        tp(6, "2025-12-15 15:00", "intention", .demo, "平台演示",
           [p(zhang, 2, "delighted", "这个界面我们科员都能用"), p(chen, 2, "delighted")]),
        tp(7, "2026-01-10 10:00", "specification", .meeting, "需求论证会",
           [p(li, -1, "anxious", "参数不能有倾向性"), p(zhang, 1, "interested")], response: "提供第三方合规参数建议"),
        tp(8, "2026-01-25 10:00", "specification", .tenderDocument, "提交招标文件技术参数建议", [p(li, 0, "neutral")]),
        tp(9, "2026-02-10 20:00", "tender-notice", .wechat, "陈工提醒公告下周发布", [p(chen, 1, "trusting", "公告下周发")], direction: .inbound),
        tp(10, "2026-02-28 10:00", "bidding", .bidClarification, "投标澄清",
           [p(li, -1, "confused", "实施周期要说清楚")]),
        tp(11, "2026-03-14 09:30", "evaluation", .event, "述标答辩", [p(wang, 1, "satisfied")]),
        tp(12, "2026-03-22 17:00", "award", .call, "中标后致电感谢", [p(wang, 2, "satisfied", "祝贺中标"), p(chen, 3, "delighted")]),
        tp(13, "2026-03-30 14:00", "contract", .contractReview, "合同评审会",
           [p(li, -2, "frustrated", "合同条款不清晰，验收标准写得太含糊"), p(wang, 0, "neutral")]),
        tp(14, "2026-04-08 10:00", "contract", .meeting, "逐条过合同条款", [p(li, -1, "anxious"), p(zhang, nil)],
           response: "承诺一周内给出合同修订稿"),
        tp(15, "2026-04-20 09:00", "contract", .email, "陈工转达法务意见", [p(chen, 0, "neutral")]),
        // An account-level touchpoint with no deal, and one of the lost deal.
        tp(16, "2025-08-20 09:00", nil, .event, "数字政府峰会交流", [p(wang, 1, "interested")], deal: nil),
        tp(17, "2025-05-10 10:00", "evaluation", .meeting, "运维外包评标前沟通", [p(liu, -1, "skeptical")], deal: lostDealID),
    ]

    static let painPoints = [
        PainPoint(id: 1, accountID: 7, touchpointID: 1, stakeholderID: wang, dealID: dealID, stageKey: "needs", kind: .need,
                  text: "跨部门数据共享难", severity: .high, status: .addressed, response: "提供共享交换方案", raisedOn: day("2025-09-03")),
        PainPoint(id: 2, accountID: 7, touchpointID: 2, stakeholderID: chen, dealID: dealID, stageKey: "needs", kind: .pain,
                  text: "手工导数据耗时", severity: .medium, status: .resolved, response: "演示自动化交换", raisedOn: day("2025-09-18")),
        PainPoint(id: 3, accountID: 7, touchpointID: 7, stakeholderID: li, dealID: dealID, stageKey: "specification", kind: .pain,
                  text: "招标参数合规风险", severity: .high, status: .addressed, response: "提供第三方合规参数建议", raisedOn: day("2026-01-10")),
        PainPoint(id: 4, accountID: 7, touchpointID: 10, stakeholderID: li, dealID: dealID, stageKey: "bidding", kind: .pain,
                  text: "实施周期不明确", severity: .medium, status: .resolved, response: "澄清函中给出里程碑", raisedOn: day("2026-02-28")),
        PainPoint(id: 5, accountID: 7, touchpointID: 13, stakeholderID: li, dealID: dealID, stageKey: "contract", kind: .pain,
                  text: "合同条款不清晰", severity: .high, status: .open, raisedOn: day("2026-03-30")),
        PainPoint(id: 6, accountID: 7, touchpointID: 13, stakeholderID: wang, dealID: dealID, stageKey: "contract", kind: .need,
                  text: "付款节点与财政拨款对齐", severity: .medium, status: .open, raisedOn: day("2026-03-30")),
    ]

    static let planItems = [
        PlanItemRecord(id: 1, accountID: 7, dealID: dealID, stakeholderID: li, role: .tb, rule: "dip-follow-up",
                       action: "逐条澄清合同条款，附验收标准样例", channel: .meeting, theme: "合同条款", due: day("2026-05-06"),
                       priority: .high, why: "TB 在合同评审会上情绪 −2，合同条款不清晰未响应", stageKey: "contract"),
        PlanItemRecord(id: 2, accountID: 7, dealID: dealID, stakeholderID: wang, role: .eb, rule: "top-down",
                       action: "拜访王局长确认付款节点", channel: .visit, theme: "付款节点", due: day("2026-05-10"),
                       priority: .high, why: "EB 的需求未响应"),
        PlanItemRecord(id: 3, accountID: 7, dealID: dealID, stakeholderID: zhang, role: .ub, rule: "stage-playbook",
                       action: "制定科员培训计划", channel: .training, due: day("2026-06-15"), priority: .medium,
                       why: "实施阶段 UB 要会用", stageKey: "implementation"),
        PlanItemRecord(id: 4, accountID: 7, dealID: dealID, stakeholderID: chen, role: .coach, rule: "coach-cadence",
                       action: "邀请陈工参加上线启动会", channel: .event, due: day("2026-07-01"), priority: .medium,
                       why: "保持内线", stageKey: "implementation"),
        PlanItemRecord(id: 5, accountID: 7, dealID: dealID, rule: "renewal", action: "续约前满意度回访", channel: .visit,
                       due: day("2026-12-01"), priority: .low, why: "续约前了解满意度", stageKey: "operation"),
        PlanItemRecord(id: 6, accountID: 7, dealID: dealID, rule: "done-example", action: "已完成的事项不进地图", due: day("2026-04-01"),
                       priority: .low, why: "已完成", status: .done),
    ]

    /// Survey answers of the deal: NPS +50 at approval (9 and 7), −50 at contract (the TB's 6, the EB's 8) with the
    /// TB's CSAT 2 there; the Coach's CES 6 at evaluation; one NPS after `today` (left out of every view).
    static let surveys = [
        Survey(id: 1, accountID: 7, stakeholderID: wang, dealID: dealID, stageKey: "approval", on: day("2025-10-15"), kind: .nps, score: 9),
        Survey(id: 2, accountID: 7, stakeholderID: zhang, dealID: dealID, stageKey: "approval", on: day("2025-10-20"), kind: .nps, score: 7),
        Survey(id: 3, accountID: 7, stakeholderID: li, dealID: dealID, stageKey: "contract", on: day("2026-04-10"), kind: .nps, score: 6,
               comment: "合同条款不清晰"),
        Survey(id: 4, accountID: 7, stakeholderID: wang, dealID: dealID, stageKey: "contract", on: day("2026-04-12"), kind: .nps, score: 8),
        Survey(id: 5, accountID: 7, stakeholderID: li, dealID: dealID, stageKey: "contract", on: day("2026-04-10"), kind: .csat, score: 2),
        Survey(id: 6, accountID: 7, stakeholderID: chen, dealID: dealID, stageKey: "evaluation", on: day("2026-03-15"), kind: .ces, score: 6),
        Survey(id: 7, accountID: 7, stakeholderID: wang, dealID: dealID, stageKey: "contract", on: day("2026-05-20"), kind: .nps, score: 0),
    ]
    /// NPS +30 for every pipeline; CSAT 4 for government.
    static let targets = [MetricTarget(kind: .nps, value: 30), MetricTarget(kind: .csat, value: 4, pipelineKey: "government")]

    /// The whole account.
    static func snapshot() -> AccountSnapshot {
        var s = AccountSnapshot(account: account, stakeholders: stakeholders, pipelines: [government], deals: [deal, lostDeal],
                                stageHistory: history, influences: influences, touchpoints: touchpoints, painPoints: painPoints,
                                planItems: planItems)
        s.surveys = surveys
        s.metricTargets = targets
        return s
    }

    /// A small account whose people and words are markup and formulas: every renderer must show them as text.
    static func hostile() -> AccountSnapshot {
        let acct = Account(id: 9, name: "<b>Evil & Co</b>", kind: .enterprise)
        let pipeline = Pipeline(id: 2, key: "enterprise", nameEN: "Enterprise sales", nameZH: "企业销售", stages: [
            Stage(id: 21, pipelineKey: "enterprise", key: "discovery", position: 1, nameEN: "discovery", nameZH: "需求发现", phase: .awareness, expectedDays: 21),
            Stage(id: 22, pipelineKey: "enterprise", key: "solution", position: 2, nameEN: "solution & demo", nameZH: "方案与演示", phase: .consideration, expectedDays: 30),
        ])
        let people = [
            Stakeholder(id: 91, accountID: 9, name: "<script>alert(1)</script>", title: "CIO \"the boss\"", level: .executive),
            Stakeholder(id: 92, accountID: 9, name: "=HYPERLINK(\"x\")", title: "Engineer | lead", reportsToID: 91),
        ]
        let d = Deal(id: 901, accountID: 9, name: "Deal <i>x</i>", pipelineKey: "enterprise", stageKey: "solution")
        return AccountSnapshot(
            account: acct, stakeholders: people, pipelines: [pipeline], deals: [d],
            stageHistory: [StageVisit(dealID: 901, stageKey: "discovery", entered: day("2026-03-01")),
                           StageVisit(dealID: 901, stageKey: "solution", entered: day("2026-04-01"))],
            influences: [BuyingInfluence(dealID: 901, stakeholderID: 91, role: .eb, stance: .skeptic),
                         BuyingInfluence(dealID: 901, stakeholderID: 92, role: .tb)],
            touchpoints: [
                tp(1, "2026-03-05 10:00", "discovery", .meeting, "<img src=x onerror=alert(2)>",
                   [p(91, 1, "<u>happy</u>", "\"><script>alert(3)</script>")], deal: 901).with(account: 9),
                tp(2, "2026-04-10 10:00", "solution", .demo, "demo & talk | *bold*",
                   [p(91, -3, "angry", "</text><script>alert(4)</script>"), p(92, 0, "neutral", "=1+2")], deal: 901).with(account: 9),
            ],
            painPoints: [PainPoint(id: 1, accountID: 9, touchpointID: 2, stakeholderID: 91, dealID: 901, stageKey: "solution",
                                   text: "<script>alert(5)</script> pricing", severity: .high, raisedOn: day("2026-04-10"))])
    }
}

extension Touchpoint {
    /// The same touchpoint at another account.
    func with(account: Int64) -> Touchpoint { var t = self; t.accountID = account; return t }
}
