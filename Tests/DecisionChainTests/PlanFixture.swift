import Foundation
@testable import DecisionChain

/// The sample account for plan tests, after the seed's government case: a
/// municipal data bureau buying a government cloud platform, in contract
/// negotiation, where the TB was frustrated by unclear contract terms.
enum PlanFixture {
    static let today = Day("2026-04-25")!

    /// The shipped rules, read from the repository's Reports/plan-rules.json.
    static func rules() throws -> PlanRules {
        try PlanRules.load(defaults: Data(contentsOf: rulesURL))
    }

    static var rulesURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reports/plan-rules.json")
    }

    static let account = Account(id: 1, name: "市数据局", kind: .government, code: "SDJ")

    static let wang = Stakeholder(id: 1, accountID: 1, name: "王建国", title: "局长", level: .executive, preferredChannel: .visit)
    static let li = Stakeholder(id: 2, accountID: 1, name: "李明", title: "信息化处处长", level: .manager)
    static let zhang = Stakeholder(id: 3, accountID: 1, name: "张丽", title: "科长", level: .staff, preferredChannel: .wechat)
    static let zhao = Stakeholder(id: 4, accountID: 1, name: "赵工", title: "工程师", level: .staff, preferredChannel: .wechat)

    static var government: Pipeline {
        let rows: [(String, String, String, JourneyPhase, Int)] = [
            ("needs", "needs discovery", "需求发现", .awareness, 30),
            ("approval", "project approval & budget", "立项与预算", .consideration, 60),
            ("intention", "procurement intention published", "采购意向公开", .consideration, 30),
            ("specification", "specification & tender documents", "需求论证与招标文件", .consideration, 30),
            ("tender-notice", "tender notice", "招标公告", .decision, 20),
            ("bidding", "bidding", "投标", .decision, 15),
            ("evaluation", "bid evaluation", "评标", .decision, 10),
            ("award", "award notice", "中标公告", .purchase, 7),
            ("contract", "contract negotiation", "合同谈判", .purchase, 30),
            ("implementation", "implementation & acceptance", "实施与验收", .service, 90),
            ("operation", "operation & renewal", "运维与续约", .loyalty, 365),
        ]
        return Pipeline(id: 1, key: "government", nameEN: "Government procurement", nameZH: "政府采购", stages: rows.enumerated().map { i, r in
            Stage(id: Int64(i + 1), pipelineKey: "government", key: r.0, position: i + 1, nameEN: r.1, nameZH: r.2, phase: r.3, expectedDays: r.4)
        })
    }

    static var enterprise: Pipeline {
        let keys = ["discovery", "solution", "proposal", "negotiation", "contract", "onboarding", "adoption", "renewal"]
        let phases: [JourneyPhase] = [.awareness, .consideration, .consideration, .decision, .purchase, .service, .service, .loyalty]
        return Pipeline(id: 2, key: "enterprise", nameEN: "Enterprise sales", nameZH: "企业销售", stages: keys.enumerated().map { i, k in
            Stage(id: Int64(20 + i), pipelineKey: "enterprise", key: k, position: i + 1, nameEN: k, nameZH: k, phase: phases[i], expectedDays: 21)
        })
    }

    static let deal = Deal(id: 10, accountID: 1, name: "政务云平台", pipelineKey: "government", stageKey: "contract",
                           method: .publicTender, amount: 3_800_000, ownerLogin: "liwei")

    static func tp(_ id: Int64, _ at: String, _ channel: Channel, stage: String?, deal: Int64? = 10,
                   _ people: [(Int64, Int?, String?)]) -> Touchpoint {
        Touchpoint(id: id, accountID: 1, dealID: deal, stageKey: stage, at: LocalTime(at)!, channel: channel,
                   participants: people.map { Participant(stakeholderID: $0.0, emotion: $0.1.flatMap(Emotion.init), emotionLabel: $0.2) })
    }

    /// The full sample: every role held, the TB frustrated at contract negotiation.
    static var sample: AccountSnapshot {
        AccountSnapshot(
            account: account, stakeholders: [wang, li, zhang, zhao], pipelines: [government, enterprise], deals: [deal],
            stageHistory: [("needs", "2025-10-01"), ("approval", "2025-11-01"), ("specification", "2026-01-05"),
                           ("tender-notice", "2026-02-01"), ("bidding", "2026-02-15"), ("evaluation", "2026-03-01"),
                           ("award", "2026-03-15"), ("contract", "2026-04-01")].map { StageVisit(dealID: 10, stageKey: $0.0, entered: Day($0.1)!) },
            influences: [
                BuyingInfluence(dealID: 10, stakeholderID: 1, role: .eb, influence: .high, stance: .supporter),
                BuyingInfluence(dealID: 10, stakeholderID: 2, role: .tb, influence: .high, stance: .skeptic),
                BuyingInfluence(dealID: 10, stakeholderID: 3, role: .ub, influence: .medium, stance: .supporter),
                BuyingInfluence(dealID: 10, stakeholderID: 4, role: .coach, influence: .low, stance: .champion),
            ],
            touchpoints: [
                tp(1, "2025-10-10 10:00", .visit, stage: "needs", [(1, 1, "interested")]),
                tp(2, "2026-02-20 14:00", .meeting, stage: "bidding", [(2, 1, "interested"), (3, 2, "satisfied")]),
                tp(3, "2026-04-08 09:30", .contractReview, stage: "contract", [(2, -3, "frustrated")]),
                tp(4, "2026-04-20 20:00", .wechat, stage: "contract", [(4, 1, "trusting")]),
            ],
            painPoints: [
                PainPoint(id: 1, accountID: 1, touchpointID: 3, stakeholderID: 2, dealID: 10, stageKey: "contract",
                          text: "Contract terms unclear: acceptance and liability", severity: .high, raisedOn: Day("2026-04-08")!),
            ])
    }

    /// A bare account with the deal at a stage and the given chain, touchpoints and pain points.
    static func snapshot(stage: String = "contract", influences: [BuyingInfluence], touchpoints: [Touchpoint] = [],
                         pains: [PainPoint] = [], stakeholders: [Stakeholder] = [wang, li, zhang, zhao],
                         history: [StageVisit] = []) -> AccountSnapshot {
        var d = deal
        d.stageKey = stage
        return AccountSnapshot(account: account, stakeholders: stakeholders, pipelines: [government, enterprise], deals: [d],
                               stageHistory: history, influences: influences, touchpoints: touchpoints, painPoints: pains)
    }

    /// The four roles held by the four sample people.
    static let fullChain: [BuyingInfluence] = [
        BuyingInfluence(dealID: 10, stakeholderID: 1, role: .eb, influence: .high),
        BuyingInfluence(dealID: 10, stakeholderID: 2, role: .tb, influence: .high),
        BuyingInfluence(dealID: 10, stakeholderID: 3, role: .ub, influence: .medium),
        BuyingInfluence(dealID: 10, stakeholderID: 4, role: .coach, influence: .low),
    ]

    /// A day `n` days before the fixture's today, as a touchpoint time.
    static func daysAgo(_ n: Int) -> String { today.adding(days: -n).description + " 10:00" }
}
