import DecisionChain
import DecisionChainStore
import DecisionChainDev
import Foundation
import Postgres
import Testing
import TestSupport

/// A small hand-built dataset whose every report number is worked out below.
/// Today is 2026-05-01, so the default period starts 2026-01-31.
///
/// Accounts: 1 市数据局 (government, 浙江, East, alice), 2 Acme Corp (enterprise, 上海, West, bob),
/// 3 省医院 (institution, 浙江, East, alice).
/// Deals: D1 政务云平台 (A1, government, open in bidding since 04-01, 1,000,000),
/// D2 数据中台 (A1, government, open in approval since 03-02, 500,000),
/// D3 CRM rollout (A2, enterprise, open in proposal since 04-11, 200,000),
/// D4 Data lake (A2, lost in negotiation 04-15, "price", 300,000),
/// D5 HIS upgrade (A3, government, won in contract 04-20, "best technical score", 800,000),
/// D6 旧项目 (A3, lost 2025-12-01: before the period), D7 Renewal 2025 (A2, dropped 03-10, no amount, no reason).
private let reportDay = Day("2026-05-01")!

@Suite("Pipeline report against a hand-built dataset", .serialized)
struct PipelineReportTests {
    static let today = reportDay

    let db: Database

    init() throws {
        let conninfo = try TestCluster.shared.freshDatabase("pipelinereport")
        db = try Database.open(.conninfo(conninfo), actor: "test")
        try db.connection.run(script: Self.dataset)
    }


    static let dataset = """
        CREATE FUNCTION pg_temp.sid(pk text, sk text) RETURNS bigint LANGUAGE sql AS
            $$ SELECT s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id WHERE p.key = pk AND s.key = sk $$;
        CREATE FUNCTION pg_temp.pid(pk text) RETURNS bigint LANGUAGE sql AS $$ SELECT id FROM pipeline WHERE key = pk $$;
        INSERT INTO team (id, name) VALUES (1, 'East'), (2, 'West');
        INSERT INTO app_user (id, login, name, team_id) VALUES (1, 'alice', 'Alice', 1), (2, 'bob', 'Bob', 2);
        INSERT INTO account (id, name, kind, region, owner_id, team_id) VALUES
            (1, '市数据局', 'government', '浙江', 1, 1),
            (2, 'Acme Corp', 'enterprise', '上海', 2, 2),
            (3, '省医院', 'institution', '浙江', 1, 1);
        INSERT INTO stakeholder (account_id, id, name, title, level) VALUES
            (1, 1, '王局', '局长', 'executive'), (1, 2, '李工', '工程师', 'staff'), (1, 3, '张科', '科员', 'staff'),
            (1, 4, '赵秘书', '秘书', 'staff'), (1, 5, '孙处', '处长', 'manager'),
            (2, 6, 'Mary', 'CIO', 'executive'), (2, 7, 'Tom', 'IT lead', 'manager'), (2, 8, 'Ann', 'Ops', 'staff'),
            (3, 9, '刘院长', '院长', 'executive'), (3, 10, '陈主任', '信息科主任', 'manager');
        INSERT INTO deal (account_id, id, name, pipeline_id, stage_id, status, amount, closed_on, close_reason) VALUES
            (1, 1, '政务云平台', pg_temp.pid('government'), pg_temp.sid('government', 'bidding'), 'open', 1000000, NULL, NULL),
            (1, 2, '数据中台', pg_temp.pid('government'), pg_temp.sid('government', 'approval'), 'open', 500000, NULL, NULL),
            (2, 3, 'CRM rollout', pg_temp.pid('enterprise'), pg_temp.sid('enterprise', 'proposal'), 'open', 200000, NULL, NULL),
            (2, 4, 'Data lake', pg_temp.pid('enterprise'), pg_temp.sid('enterprise', 'negotiation'), 'lost', 300000, '2026-04-15', 'price'),
            (3, 5, 'HIS upgrade', pg_temp.pid('government'), pg_temp.sid('government', 'contract'), 'won', 800000, '2026-04-20', 'best technical score'),
            (3, 6, '旧项目', pg_temp.pid('government'), pg_temp.sid('government', 'needs'), 'lost', 100000, '2025-12-01', 'no budget'),
            (2, 7, 'Renewal 2025', pg_temp.pid('enterprise'), pg_temp.sid('enterprise', 'discovery'), 'dropped', NULL, '2026-03-10', NULL);
        INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
        SELECT account_id, deal_id, pg_temp.sid(pk, sk), entered_on::date FROM (VALUES
            (1, 1, 'government', 'needs', '2026-01-05'), (1, 1, 'government', 'approval', '2026-02-01'),
            (1, 1, 'government', 'intention', '2026-02-20'), (1, 1, 'government', 'specification', '2026-03-05'),
            (1, 1, 'government', 'tender-notice', '2026-03-25'), (1, 1, 'government', 'bidding', '2026-04-01'),
            (1, 2, 'government', 'needs', '2026-02-10'), (1, 2, 'government', 'approval', '2026-03-02'),
            (2, 3, 'enterprise', 'discovery', '2026-02-01'), (2, 3, 'enterprise', 'solution', '2026-03-01'),
            (2, 3, 'enterprise', 'proposal', '2026-04-11'),
            (2, 4, 'enterprise', 'discovery', '2026-01-10'), (2, 4, 'enterprise', 'solution', '2026-02-01'),
            (2, 4, 'enterprise', 'proposal', '2026-03-01'), (2, 4, 'enterprise', 'negotiation', '2026-03-20'),
            (3, 5, 'government', 'needs', '2025-10-01'), (3, 5, 'government', 'approval', '2025-11-01'),
            (3, 5, 'government', 'intention', '2025-12-01'), (3, 5, 'government', 'specification', '2026-01-01'),
            (3, 5, 'government', 'tender-notice', '2026-02-01'), (3, 5, 'government', 'bidding', '2026-02-21'),
            (3, 5, 'government', 'evaluation', '2026-03-08'), (3, 5, 'government', 'award', '2026-03-18'),
            (3, 5, 'government', 'contract', '2026-03-25'),
            (3, 6, 'government', 'needs', '2025-09-01'),
            (2, 7, 'enterprise', 'discovery', '2026-02-15')
        ) AS v (account_id, deal_id, pk, sk, entered_on);
        INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from, valid_to) VALUES
            (1, 1, 1, 'EB', 'high', 'supporter', 'growth', 3, '政绩: 数字政府示范', '2026-01-10', NULL),
            (1, 1, 2, 'TB', 'high', 'skeptic', 'even-keel', -2, NULL, '2026-01-10', NULL),
            (1, 1, 3, 'UB', 'medium', 'neutral', NULL, NULL, NULL, '2026-01-10', NULL),
            (1, 1, 4, 'Coach', 'low', 'champion', NULL, 4, NULL, '2026-01-10', NULL),
            (1, 1, 5, 'TB', 'high', 'opponent', NULL, NULL, NULL, '2026-01-10', '2026-02-15'),
            (1, 2, 5, 'EB', 'high', 'neutral', NULL, NULL, NULL, '2026-02-10', NULL),
            (1, 2, 2, 'TB', 'medium', 'neutral', NULL, NULL, NULL, '2026-02-10', NULL),
            (2, 3, 7, 'TB', 'high', 'opponent', 'trouble', NULL, NULL, '2026-02-01', NULL),
            (2, 3, 8, 'UB', 'low', 'supporter', NULL, NULL, NULL, '2026-02-01', NULL),
            (2, 4, 6, 'EB', 'high', 'neutral', NULL, NULL, NULL, '2026-01-10', NULL),
            (3, 5, 9, 'EB', 'high', 'champion', NULL, NULL, NULL, '2025-10-01', NULL),
            (3, 5, 10, 'TB', 'medium', 'supporter', NULL, NULL, NULL, '2025-10-01', NULL);
        INSERT INTO touchpoint (account_id, id, deal_id, stage_id, at, channel) VALUES
            (1, 1, 1, pg_temp.sid('government', 'needs'), '2026-01-20 10:00', 'visit'),
            (1, 2, 1, pg_temp.sid('government', 'specification'), '2026-03-10 10:00', 'meeting'),
            (1, 3, 1, pg_temp.sid('government', 'bidding'), '2026-04-05 10:00', 'bid-clarification'),
            (1, 13, 1, pg_temp.sid('government', 'bidding'), '2026-04-08 10:00', 'call'),
            (1, 4, 1, pg_temp.sid('government', 'bidding'), '2026-04-20 10:00', 'visit'),
            (1, 5, NULL, NULL, '2026-04-25 10:00', 'wechat'),
            (1, 6, 2, pg_temp.sid('government', 'approval'), '2026-03-15 10:00', 'meeting'),
            (1, 7, 2, pg_temp.sid('government', 'approval'), '2026-03-20 10:00', 'call'),
            (2, 8, 3, pg_temp.sid('enterprise', 'discovery'), '2026-02-10 10:00', 'demo'),
            (2, 9, 3, pg_temp.sid('enterprise', 'solution'), '2026-03-28 10:00', 'email'),
            (2, 10, 4, pg_temp.sid('enterprise', 'negotiation'), '2026-03-25 10:00', 'meeting'),
            (3, 11, 5, pg_temp.sid('government', 'contract'), '2026-04-10 10:00', 'contract-review'),
            (3, 12, 5, pg_temp.sid('government', 'contract'), '2026-05-03 10:00', 'visit');
        INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, quote) VALUES
            (1, 1, 1, 1, NULL),
            (1, 2, 1, 2, NULL), (1, 2, 2, -1, NULL), (1, 2, 5, -3, NULL),
            (1, 3, 2, -2, '方案太复杂'), (1, 3, 3, 0, NULL), (1, 3, 4, 3, NULL),
            (1, 13, 2, -1, NULL),
            (1, 4, 1, -2, '预算可能要砍'), (1, 4, 4, NULL, NULL),
            (1, 5, 3, 1, NULL),
            (1, 6, 5, -1, NULL), (1, 6, 2, 1, NULL),
            (1, 7, 5, NULL, NULL),
            (2, 8, 7, -3, NULL), (2, 8, 8, 2, NULL),
            (2, 9, 8, 1, NULL),
            (2, 10, 6, -2, NULL),
            (3, 11, 9, 2, NULL), (3, 11, 10, 1, NULL),
            (3, 12, 9, -3, NULL);
        INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, text, severity, status, response, raised_on) VALUES
            (1, 2, 1, 1, '预算审批慢', 'high', 'open', NULL, '2026-03-10'),
            (1, 6, 5, 2, '预算审批慢', 'medium', 'open', NULL, '2026-03-15'),
            (3, 11, 9, 5, '预算审批慢', 'low', 'open', NULL, '2026-04-10'),
            (2, 8, 7, 3, 'integration with SAP', 'medium', 'open', NULL, '2026-02-10'),
            (2, 9, 8, 3, 'integration with SAP', 'high', 'resolved', 'connector shipped', '2026-03-28'),
            (1, 5, 3, NULL, '数据安全顾虑', 'high', 'open', NULL, '2026-04-25'),
            (2, 10, 6, 4, 'price too high', 'medium', 'addressed', 'discount offered', '2026-03-25');
        """

    @Test("funnel: open deals, amounts, weighted amounts and conversion per stage")
    func funnel() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        let gov = r.funnel.filter { $0.pipelineKey == "government" }
        #expect(gov.map(\.stageKey) == ["needs", "approval", "intention", "specification", "tender-notice", "bidding",
                                        "evaluation", "award", "contract", "implementation", "operation"])
        #expect(gov.map(\.openDeals) == [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0])
        #expect(gov.map(\.totalAmount) == [0, 500_000, 0, 0, 0, 1_000_000, 0, 0, 0, 0, 0])
        #expect(gov.map(\.weightedAmount) == [0, 50_000, 0, 0, 0, 500_000, 0, 0, 0, 0, 0])
        // Cohort D1 (furthest: bidding), D2 (approval), D5 (contract); D6 closed before the period.
        #expect(gov.map(\.reached) == [3, 3, 2, 2, 2, 2, 1, 1, 1, 0, 0])
        #expect(gov.map(\.conversion) == [nil, 1, 2.0 / 3.0, 1, 1, 1, 0.5, 1, 1, 0, nil])
        let ent = r.funnel.filter { $0.pipelineKey == "enterprise" }
        #expect(ent.map(\.openDeals) == [0, 0, 1, 0, 0, 0, 0, 0])
        #expect(ent.map(\.weightedAmount) == [0, 0, 80_000, 0, 0, 0, 0, 0])
        // D3 (proposal), D4 (negotiation), D7 (discovery).
        #expect(ent.map(\.reached) == [3, 2, 2, 1, 0, 0, 0, 0])
        #expect(ent.map(\.conversion) == [nil, 2.0 / 3.0, 1, 0.5, 0, nil, nil, nil])
    }

    @Test("velocity: days in stage against expected, stalled deals, and stage medians over the period")
    func velocity() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        #expect(r.velocity.deals.map(\.dealName) == ["政务云平台", "数据中台", "CRM rollout"])
        #expect(r.velocity.deals.map(\.daysInStage) == [30, 60, 20])
        #expect(r.velocity.deals.map(\.expectedDays) == [15, 60, 21])
        #expect(r.velocity.deals.map(\.stalled) == [true, false, false])
        let medians = Dictionary(uniqueKeysWithValues: r.velocity.stageMedians.map { ("\($0.pipelineKey)/\($0.stageKey)", ($0.medianDays, $0.visits)) })
        let expected: [String: (Double, Int)] = [
            "government/needs": (23.5, 2), "government/approval": (19, 1), "government/intention": (13, 1),
            "government/specification": (25.5, 2), "government/tender-notice": (13.5, 2), "government/bidding": (15, 1),
            "government/evaluation": (10, 1), "government/award": (7, 1), "government/contract": (26, 1),
            "enterprise/discovery": (23, 3), "enterprise/solution": (34.5, 2), "enterprise/proposal": (19, 1),
            "enterprise/negotiation": (26, 1),
        ]
        #expect(medians.count == expected.count)
        for (key, value) in expected {
            #expect(medians[key]?.0 == value.0, "median of \(key)")
            #expect(medians[key]?.1 == value.1, "visits of \(key)")
        }
        #expect(r.velocity.stageMedians.first?.stageKey == "needs")
    }

    @Test("coverage: each open deal against EB, TB, UB and Coach")
    func coverage() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        #expect(r.coverage.map(\.dealName) == ["CRM rollout", "政务云平台", "数据中台"])
        let d1 = r.coverage[1].cells
        #expect(d1.map(\.stakeholders) == [["王局"], ["李工"], ["张科"], ["赵秘书"]])
        #expect(d1.map(\.lastContact) == [Day("2026-04-20"), Day("2026-04-08"), Day("2026-04-25"), Day("2026-04-20")])
        #expect(d1.map(\.withinCadence) == [true, false, true, false])
        #expect(d1.map(\.latestEmotion) == [Emotion(-2), Emotion(-1), Emotion(1), Emotion(3)])
        let d2 = r.coverage[2].cells
        #expect(d2.map(\.identified) == [true, true, false, false])
        #expect(d2.map(\.lastContact) == [Day("2026-03-20"), Day("2026-03-15"), nil, nil])
        #expect(d2.map(\.latestEmotion) == [Emotion(-1), Emotion(1), nil, nil])
        let d3 = r.coverage[0].cells
        #expect(d3.map(\.stakeholders) == [[], ["Tom"], ["Ann"], []])
        #expect(d3.map(\.withinCadence) == [false, false, false, false])
    }

    @Test("emotion heat map: stage × role mean of known emotions in the period, with counts")
    func heatmap() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        let cells = r.emotionHeatmap.map { "\($0.pipelineKey)/\($0.stageKey)/\($0.role.rawValue)=\($0.meanEmotion)x\($0.count)" }
        #expect(cells == [
            "government/approval/EB=-1.0x1", "government/approval/TB=1.0x1",
            "government/specification/EB=2.0x1", "government/specification/TB=-1.0x1",
            "government/bidding/EB=-2.0x1", "government/bidding/TB=-1.5x2", "government/bidding/UB=0.0x1",
            "government/bidding/Coach=3.0x1",
            "government/contract/EB=2.0x1", "government/contract/TB=1.0x1",
            "enterprise/discovery/TB=-3.0x1", "enterprise/discovery/UB=2.0x1",
            "enterprise/solution/UB=1.0x1", "enterprise/negotiation/EB=-2.0x1",
        ])
    }

    @Test("top pain points: open ones grouped by text, with their accounts")
    func painPoints() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        #expect(r.painPoints.map(\.text) == ["预算审批慢", "数据安全顾虑", "integration with SAP"])
        #expect(r.painPoints.map(\.occurrences) == [3, 1, 1])
        #expect(r.painPoints.map(\.severity) == [.high, .high, .medium])
        #expect(r.painPoints[0].accounts == ["市数据局", "省医院"])
        #expect(r.painPoints.map(\.accountCount) == [2, 1, 1])
        let ent = try report(PipelineReportFilter(pipeline: "enterprise", today: Self.today))
        #expect(ent.painPoints.map(\.text) == ["integration with SAP"])
    }

    @Test("red flags: every flag of every open deal, with its evidence")
    func redFlags() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        #expect(r.redFlags.map { "\($0.dealName):\($0.kind.rawValue)" } == [
            "CRM rollout:no-eb", "CRM rollout:overdue-contact", "CRM rollout:overdue-contact", "CRM rollout:no-coach",
            "CRM rollout:single-threaded", "CRM rollout:opponent", "CRM rollout:silent-30d",
            "政务云平台:eb-negative", "政务云平台:unanswered-pain", "政务云平台:stalled", "政务云平台:opponent",
            "政务云平台:quiet-stage-contact", "政务云平台:quiet-stage-contact",
            "数据中台:eb-negative", "数据中台:overdue-contact", "数据中台:overdue-contact", "数据中台:no-coach", "数据中台:silent-30d",
        ])
        let evidence = r.redFlags.map(\.evidence)
        // Every role holder past cadence, EB first, with the day of the last contact: Tom (TB, 14 days) last on 02-10.
        #expect(evidence[1] == .overdueContact(name: "Tom", roles: [.tb], overdue: .init(cadenceRole: .tb, cadenceDays: 14,
                                                                                        lastContact: Day("2026-02-10"), days: 80)))
        #expect(evidence[2] == .overdueContact(name: "Ann", roles: [.ub], overdue: .init(cadenceRole: .ub, cadenceDays: 21,
                                                                                        lastContact: Day("2026-03-28"), days: 34)))
        #expect(evidence[4] == .singleThreaded(contacted: 1, windowDays: 60))
        #expect(evidence[5] == .opponent([AdversePerson(name: "Tom", role: .tb, stance: .opponent)]))
        #expect(evidence[6] == .silent(last: Day("2026-03-28"), windowDays: 30))
        #expect(evidence[7] == .ebNegative(names: ["王局"], emotion: Emotion(-2)!, on: Day("2026-04-20")))
        // The high pain raised on 03-10 has waited 52 days, past the 14-day threshold.
        #expect(evidence[8] == .unansweredPain(PainFacts(text: "预算审批慢", severity: .high, raisedOn: Day("2026-03-10")!, raisedBy: "王局"),
                                               days: 52, thresholdDays: 14))
        #expect(evidence[9] == .stalled(stageKey: "bidding", days: 30, expectedDays: 15, factor: 1.5))
        // The former TB 孙处 (closed role) is not an opponent any more: only the current skeptic 李工.
        #expect(evidence[10] == .opponent([AdversePerson(name: "李工", role: .tb, stance: .skeptic)]))
        // Bidding is quiet: the call of 04-08 and the visit of 04-20 are flagged, the bid clarification of 04-05 is not;
        // and no overdue, single-threaded or silent flag asks for contact there.
        guard case let .quietStageContact(q) = evidence[11], case let .quietStageContact(q2) = evidence[12] else {
            Issue.record("quiet-stage contacts expected"); return
        }
        #expect((q.on, q.channel, q.stageKey, q.people) == (Day("2026-04-08")!, .call, "bidding", ["李工"]))
        #expect((q2.on, q2.channel) == (Day("2026-04-20")!, .visit))
        #expect(evidence[13] == .ebNegative(names: ["孙处"], emotion: Emotion(-1)!, on: Day("2026-03-15")))
        #expect(evidence[14] == .overdueContact(name: "孙处", roles: [.eb], overdue: .init(cadenceRole: .eb, cadenceDays: 30,
                                                                                         lastContact: Day("2026-03-20"), days: 42)))
        #expect(evidence[17] == .silent(last: Day("2026-03-20"), windowDays: 30))
    }

    @Test("win/loss: deals closed in the period by outcome, last stage and reason")
    func winLoss() throws {
        let r = try report(PipelineReportFilter(today: Self.today))
        #expect(r.winLoss.map { "\($0.pipelineKey)/\($0.stageKey)/\($0.status.rawValue)/\($0.reason ?? "-")/\($0.deals)/\($0.amount)" } == [
            "government/contract/won/best technical score/1/800000.0",
            "enterprise/discovery/dropped/-/1/0.0",
            "enterprise/negotiation/lost/price/1/300000.0",
        ])
    }

    @Test("filters: team, owner, region, kind and pipeline narrow the deals", arguments: [
        (PipelineReportFilter(team: "West", today: reportDay), ["CRM rollout"]),
        (PipelineReportFilter(owner: "alice", today: reportDay), ["政务云平台", "数据中台"]),
        (PipelineReportFilter(region: "上海", today: reportDay), ["CRM rollout"]),
        (PipelineReportFilter(kind: .government, today: reportDay), ["政务云平台", "数据中台"]),
        (PipelineReportFilter(pipeline: "enterprise", today: reportDay), ["CRM rollout"]),
        (PipelineReportFilter(kind: .institution, today: reportDay), []),
    ])
    func filters(_ filter: PipelineReportFilter, _ deals: [String]) throws {
        let r = try report(filter)
        #expect(r.coverage.map(\.dealName) == deals)
        if filter.pipeline == "enterprise" { #expect(Set(r.funnel.map(\.pipelineKey)) == ["enterprise"]) }
        if filter.team == "West" {
            #expect(r.winLoss.map(\.stageKey) == ["discovery", "negotiation"])
            // No government deal in West's scope: that pipeline is left out.
            #expect(Set(r.funnel.map(\.pipelineKey)) == ["enterprise"])
            #expect(Set(r.stages.map(\.pipelineKey)) == ["enterprise"])
        }
    }

    @Test("--since narrows the period: win/loss and medians follow it")
    func since() throws {
        let r = try report(PipelineReportFilter(since: Day("2026-04-16"), today: Self.today))
        #expect(r.winLoss.map(\.stageKey) == ["contract"])
        #expect(r.velocity.stageMedians.map(\.stageKey) == ["contract"])
        #expect(r.emotionHeatmap.map(\.stageKey) == ["bidding"])
    }

    @Test("an unknown team, owner or pipeline is refused, naming the value")
    func unknownFilter() throws {
        #expect(throws: InputError.self) { try report(PipelineReportFilter(team: "Nowhere", today: Self.today)) }
        #expect(throws: InputError.self) { try report(PipelineReportFilter(owner: "nobody", today: Self.today)) }
        #expect(throws: InputError.self) { try report(PipelineReportFilter(pipeline: "retail", today: Self.today)) }
        #expect(throws: InputError.self) { try report(PipelineReportFilter(since: Day("2026-06-01"), today: Self.today)) }
    }

    @Test("the printed psql script runs the same statements without error")
    func psqlScript() throws {
        let script = PipelineReportStore.psqlScript(PipelineReportFilter(team: "O'Brien's", today: Self.today))
        #expect(script.contains("'O''Brien''s'"))
        #expect(script.components(separatedBy: "EXECUTE ").count == 12)
        try db.connection.run(script: script)
    }

    @Test("the deal review sheet: influences, the same red flags, strengths")
    func review() throws {
        let account = try Resolver(db).account("市数据局")
        let deal = try Resolver(db).deal("政务云平台", accountID: account.id)
        let sheet = try review(account: account, deal: deal, today: Self.today)
        #expect(sheet.influences.map(\.name) == ["王局", "李工", "张科", "赵秘书"])
        #expect(sheet.influences.map(\.role) == [.eb, .tb, .ub, .coach])
        #expect(sheet.influences[0].personalWin == "政绩: 数字政府示范")
        #expect(sheet.influences[0].latestEmotion == Emotion(-2))
        #expect(sheet.influences[0].latestQuote == "预算可能要砍")
        #expect(sheet.influences[3].latestEmotion == Emotion(3))
        #expect(sheet.redFlags.map(\.kind) == [.ebNegative, .unansweredPain, .stalled, .opponent, .quietStageContact, .quietStageContact])
        #expect(sheet.strengths.map(\.kind) == [.champion, .multiThreaded, .fullCoverage])
        #expect(sheet.facts.contactedLast60Days == 5)
        let won = try review(account: try Resolver(db).account("省医院"),
                                                     deal: try Resolver(db).deal("HIS upgrade", accountID: 3), today: Self.today)
        #expect(won.redFlags.isEmpty)
        #expect(won.facts.status == .won)
    }
}

extension PipelineReportTests {
    @Test("a report of some sections runs only their statements")
    func someSections() throws {
        let r = try report(PipelineReportFilter(today: Self.today), sections: [.winLoss])
        #expect(r.winLoss.count == 3)
        #expect(r.coverage.isEmpty && r.redFlags.isEmpty && r.funnel.isEmpty && r.emotionHeatmap.isEmpty)
        #expect(PipelineReportStore.statements(PipelineReportFilter(today: Self.today), sections: [.redFlags]).map(\.name) == ["facts"])
        #expect(PipelineReportStore.statements(PipelineReportFilter(today: Self.today), sections: [.velocity]).map(\.name)
                == ["facts", "stage_medians"])
    }
}

@Suite("Synthetic data generator", .serialized)
struct SyntheticDataTests {
    static let today = Day("2026-05-01")!

    /// Every generated row of the big tables, as one checksum.
    func fingerprint(_ c: Connection) throws -> String {
        try c.queryRow("""
            SELECT md5(string_agg(x, '|' ORDER BY x)) AS f FROM (
                SELECT 'a' || a.id || a.name || a.kind || coalesce(a.region, '') AS x FROM account a
                UNION ALL SELECT 's' || account_id || '/' || id || name || title FROM stakeholder
                UNION ALL SELECT 'd' || account_id || '/' || id || name || stage_id || status || coalesce(amount::text, '') FROM deal
                UNION ALL SELECT 'h' || deal_id || '/' || stage_id || entered_on FROM deal_stage_history
                UNION ALL SELECT 'b' || deal_id || '/' || stakeholder_id || role || coalesce(stance, '') FROM buying_influence
                UNION ALL SELECT 't' || id || coalesce(deal_id::text, '-') || at || channel FROM touchpoint
                UNION ALL SELECT 'p' || touchpoint_id || '/' || stakeholder_id || coalesce(emotion::text, '?') FROM participant
                UNION ALL SELECT 'x' || id || text || status FROM pain_point) rows
            """)!.decode("f")
    }

    func seeded(_ seed: UInt64) throws -> Database {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("synthetic")), actor: "test")
        let summary = try SyntheticData(db).seed(.init(accounts: 25, seed: seed, touchpointsPerAccount: 20, today: Self.today))
        #expect(summary.accounts == 25)
        #expect(summary.touchpoints == 25 * 20, "the total is exactly accounts × touchpoints per account")
        return db
    }

    @Test("the same seed gives the same data; another seed other data")
    func deterministic() throws {
        let a = try seeded(42), b = try seeded(42), c = try seeded(43)
        #expect(try fingerprint(a.connection) == fingerprint(b.connection))
        #expect(try fingerprint(a.connection) != fingerprint(c.connection))
    }

    @Test("the load is consistent, skips the audit log, and leaves the sequences past its ids")
    func consistent() throws {
        let db = try seeded(7)
        let c = db.connection
        let orphans: Int = try c.queryRow("""
            SELECT (SELECT count(*) FROM participant p LEFT JOIN touchpoint t ON t.account_id = p.account_id AND t.id = p.touchpoint_id
                    WHERE t.id IS NULL)
                 + (SELECT count(*) FROM touchpoint t LEFT JOIN deal d ON d.account_id = t.account_id AND d.id = t.deal_id
                    WHERE t.deal_id IS NOT NULL AND d.id IS NULL)
                 + (SELECT count(*) FROM buying_influence b LEFT JOIN stakeholder s ON s.account_id = b.account_id AND s.id = b.stakeholder_id
                    WHERE s.id IS NULL)
                 + (SELECT count(*) FROM deal d WHERE NOT EXISTS (SELECT 1 FROM deal_stage_history h
                    WHERE h.account_id = d.account_id AND h.deal_id = d.id AND h.stage_id = d.stage_id)) AS n
            """)!.decode("n")
        #expect(orphans == 0)
        #expect(try c.queryRow("SELECT count(*) AS n FROM audit_log WHERE table_name = 'touchpoint'")!.decode("n", as: Int.self) == 0)
        #expect(try c.queryRow("SELECT count(*) AS n FROM touchpoint WHERE at >= $1::date + 1", [Self.today])!.decode("n", as: Int.self) == 0)
        // New rows after the load get fresh ids (the sequences moved past the copied ids).
        let next: Int64 = try c.queryRow("INSERT INTO account (name, kind) VALUES ('after the seed', 'soe') RETURNING id")!.decode("id")
        #expect(next == 26)
        // Seeding more with another seed adds accounts after the first ones.
        try SyntheticData(db).seed(.init(accounts: 3, seed: 8, touchpointsPerAccount: 5, today: Self.today))
        #expect(try c.queryRow("SELECT count(*) AS n FROM account")!.decode("n", as: Int.self) == 29)
        let report = PipelineReport.build(filter: PipelineReportFilter(today: Self.today), rows: try PipelineReportStore(db).rows(PipelineReportFilter(today: Self.today)))
        #expect(report.coverage.count == (try c.queryRow("SELECT count(*) AS n FROM deal WHERE status = 'open'")!.decode("n", as: Int.self)))
    }

    @Test("--team puts every account in that one team (its name normalised), the rest of the data the same; an empty name is refused")
    func oneTeam() throws {
        let spread = try seeded(42)
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("syntheticteam")), actor: "test")
        try SyntheticData(db).seed(.init(accounts: 25, seed: 42, touchpointsPerAccount: 20, today: Self.today, team: "  北区 "))
        let c = db.connection
        #expect(try c.queryRow("SELECT count(DISTINCT team_id) AS n FROM account")!.decode("n", as: Int.self) == 1)
        #expect(try c.queryRow("SELECT t.name FROM account a JOIN team t ON t.id = a.team_id LIMIT 1")!.decode("name", as: String.self) == "北区")
        #expect(try fingerprint(c) == fingerprint(spread.connection))
        #expect(throws: InputError.self) {
            try SyntheticData(db).seed(.init(accounts: 1, seed: 9, touchpointsPerAccount: 1, today: Self.today, team: " "))
        }
    }

    @Test("bad generator options are refused, naming the field")
    func badOptions() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("syntheticbad")), actor: "test")
        #expect(throws: InputError.self) { try SyntheticData(db).seed(.init(accounts: 0, seed: 1, today: Self.today)) }
        #expect(throws: InputError.self) {
            try SyntheticData(db).seed(.init(accounts: 1, seed: 1, touchpointsPerAccount: 0, today: Self.today))
        }
    }
}

/// What `dchain report` does: the store reads the rows, the domain builds the report.
extension PipelineReportTests {
    func report(_ filter: PipelineReportFilter, sections: [PipelineReportSection] = PipelineReportSection.allCases) throws -> PipelineReport {
        PipelineReport.build(filter: filter, rows: try PipelineReportStore(db).rows(filter, sections: sections))
    }

    func review(account: Account, deal: Deal, today: Day) throws -> DealReview {
        let snapshot = try SnapshotStore(db).load(accountID: account.id)
        let facts = try PipelineReportStore(db).facts(accountID: account.id, dealID: deal.id, today: today)
        return DealReview.build(snapshot: snapshot, deal: deal, facts: facts, today: today)
    }
}
