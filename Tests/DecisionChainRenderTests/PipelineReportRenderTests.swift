import DecisionChain
import Foundation
import Testing
@testable import DecisionChainRender

/// A finished pipeline report for the renderers, with names that test
/// escaping (markup, spreadsheet formulas, Markdown pipes) and Chinese width.
enum PipelineReportFixture {
    static let today = Day("2026-05-01")!
    static let stages = [
        Stage(id: 1, pipelineKey: "government", key: "needs", position: 1, nameEN: "needs discovery", nameZH: "需求发现",
              phase: .awareness, expectedDays: 30, weight: 0.05),
        Stage(id: 2, pipelineKey: "government", key: "approval", position: 2, nameEN: "project approval & budget", nameZH: "立项与预算",
              phase: .consideration, expectedDays: 60, weight: 0.1),
        Stage(id: 6, pipelineKey: "government", key: "bidding", position: 3, nameEN: "bidding", nameZH: "投标",
              phase: .decision, expectedDays: 15, weight: 0.5),
    ]
    static let hostileAccount = "<script>alert(1)</script> Ltd"
    static let hostileDeal = "=HYPERLINK(\"http://x\")"

    static func deals() -> [DealFacts] {
        [
            DealFacts(accountID: 1, accountName: "市数据局", dealID: 1, dealName: "政务云平台", pipelineKey: "government", stageKey: "bidding",
                      stagePosition: 3, amount: 1_000_000, enteredStage: today.adding(days: -30), expectedDays: 15,
                      roles: [RoleFacts(role: .eb, stakeholders: ["王局"], lastContact: Day("2026-04-20"), latestEmotion: Emotion(-2),
                                        latestEmotionOn: Day("2026-04-20")),
                              RoleFacts(role: .tb, stakeholders: ["李工", "张工"], lastContact: Day("2026-04-08"), latestEmotion: Emotion(-1)),
                              RoleFacts(role: .coach, stakeholders: ["赵秘书"], lastContact: Day("2026-04-28"), latestEmotion: Emotion(3))],
                      contactedLast60Days: 5, lastDealTouchpoint: Day("2026-04-20"),
                      highInfluenceAdverse: [AdversePerson(name: "李工", role: .tb, stance: .skeptic)],
                      holders: [HolderFacts(name: "王局", roles: [.eb], lastContact: Day("2026-04-20")),
                                HolderFacts(name: "李工", roles: [.tb], lastContact: Day("2026-04-08"))],
                      unansweredPains: [PainFacts(text: "预算审批慢", severity: .high, raisedOn: Day("2026-02-01")!, raisedBy: "王局")],
                      quietContacts: [QuietContact(on: Day("2026-04-20")!, stageKey: "bidding", stageName: LocalizedText(en: "bidding", zh: "投标"),
                                                   channel: .visit, people: ["王局"])]),
            DealFacts(accountID: 2, accountName: hostileAccount, dealID: 2, dealName: hostileDeal, pipelineKey: "government", stageKey: "approval",
                      stagePosition: 2, amount: 250_000.5, currency: "USD", ownerLogin: "bob", enteredStage: today.adding(days: -20),
                      expectedDays: 60,
                      roles: [RoleFacts(role: .ub, stakeholders: ["Ann | Ops"], lastContact: Day("2026-03-01"))],
                      contactedLast60Days: 1, lastDealTouchpoint: nil),
        ]
    }

    static func report() -> PipelineReport {
        PipelineReport.build(
            filter: PipelineReportFilter(team: "East", today: today), stages: stages,
            funnel: [
                FunnelStage(pipelineKey: "government", stageKey: "needs", position: 1, weight: 0.05, openDeals: 0, totalAmount: 0,
                            weightedAmount: 0, reached: 3, conversion: nil),
                FunnelStage(pipelineKey: "government", stageKey: "approval", position: 2, weight: 0.1, openDeals: 1, totalAmount: 250_000.5,
                            weightedAmount: 25_000.05, reached: 3, conversion: 1),
                FunnelStage(pipelineKey: "government", stageKey: "bidding", position: 3, weight: 0.5, openDeals: 1, totalAmount: 1_000_000,
                            weightedAmount: 500_000, reached: 2, conversion: 2.0 / 3.0),
            ],
            stageMedians: [
                StageMedian(pipelineKey: "government", stageKey: "needs", position: 1, expectedDays: 30, medianDays: 23.5, visits: 2),
                StageMedian(pipelineKey: "government", stageKey: "approval", position: 2, expectedDays: 60, medianDays: 95, visits: 1),
            ],
            deals: deals(),
            emotionHeatmap: [
                HeatCell(pipelineKey: "government", stageKey: "approval", position: 2, role: .eb, meanEmotion: -1, count: 1),
                HeatCell(pipelineKey: "government", stageKey: "bidding", position: 3, role: .tb, meanEmotion: -1.5, count: 2),
                HeatCell(pipelineKey: "government", stageKey: "bidding", position: 3, role: .coach, meanEmotion: 3, count: 1),
            ],
            painPoints: [
                PainGroup(text: "预算审批慢 | slow budget", occurrences: 3, severity: .high, accounts: ["市数据局", hostileAccount], accountCount: 4),
                PainGroup(text: "=1+1", occurrences: 1, severity: .low, accounts: ["市数据局"], accountCount: 1),
            ],
            winLoss: [
                WinLossRow(pipelineKey: "government", stageKey: "bidding", position: 3, status: .won, reason: "best technical score",
                           deals: 1, amount: 800_000),
                WinLossRow(pipelineKey: "government", stageKey: "needs", position: 1, status: .dropped, reason: nil, deals: 2, amount: 0),
            ],
            metrics: metricsRows())
    }

    /// Survey counts as SQL gives them: NPS at approval 2 promoters + 1 detractor (+33.3), CSAT at bidding 3 answers
    /// summing 10 (3.33, below the target 4); by role and by month; one enterprise renewal of two decided.
    static func metricsRows() -> PipelineMetricsRows {
        let nps = SurveyTally(kind: .nps, n: 3, total: 24, nps: NetPromoterScore(promoters: 2, passives: 0, detractors: 1))
        let csat = SurveyTally(kind: .csat, n: 3, total: 10)
        return PipelineMetricsRows(
            stages: [StageTally(pipelineKey: "government", stageKey: "approval", position: 2, tally: nps),
                     StageTally(pipelineKey: "government", stageKey: "bidding", position: 3, tally: csat)],
            roles: [RoleTally(role: .eb, tally: nps), RoleTally(role: nil, tally: csat)],
            periods: [PeriodTally(start: Day("2026-03-01")!, tally: nps), PeriodTally(start: Day("2026-04-01")!, tally: csat)],
            renewal: RenewalRate(reached: 3, renewed: 1, notRenewed: 1),
            targets: [MetricTarget(kind: .nps, value: 30), MetricTarget(kind: .csat, value: 4, pipelineKey: "government")])
    }

    static func review() -> DealReview {
        let facts = deals()[0]
        let lines = [
            InfluenceLine(stakeholderID: 1, name: "王局", title: "局长", level: .executive, role: .eb, influence: .high, stance: .supporter,
                          mode: .growth, rating: 3, personalWin: "政绩 <评优>", since: Day("2026-01-10"), lastContact: Day("2026-04-20"),
                          latestEmotion: Emotion(-2), latestQuote: "预算可能要砍"),
            InfluenceLine(stakeholderID: 2, name: "李工", title: "工程师", role: .tb, influence: .high, stance: .skeptic, rating: -2,
                          lastContact: Day("2026-04-08"), latestEmotion: Emotion(-1)),
        ]
        var review = DealReview(
            account: Account(id: 1, name: "市数据局", kind: .government),
            deal: Deal(id: 1, accountID: 1, name: "政务云平台", pipelineKey: "government", stageKey: "bidding", amount: 1_000_000, ownerLogin: "alice"),
            stage: stages[2], today: today, facts: facts, influences: lines, redFlags: RedFlags.evaluate(facts, today: today),
            strengths: Strength.evaluate(facts, influences: lines, today: today),
            plan: [PlanStep(due: Day("2026-05-03")!, priority: .high, with: "王局", role: .eb, action: "Visit 王局 about the budget",
                            channel: .visit, why: "EB latest emotion -2 on 2026-04-20.")])
        review.metrics = DealMetrics(
            overall: ExperienceScores(tallies: [SurveyTally(kind: .nps, scores: [9, 6]), SurveyTally(kind: .csat, scores: [4])],
                                      targets: [MetricTarget(kind: .nps, value: 30)], pipeline: "government"),
            stages: [DealMetrics.StageLine(stageKey: "bidding", stage: stages[2],
                                           scores: ExperienceScores(tallies: [SurveyTally(kind: .nps, scores: [9, 6])],
                                                                    targets: [MetricTarget(kind: .nps, value: 30)], pipeline: "government"),
                                           days: 30, expectedDays: 15)])
        return review
    }
}

@Suite("Pipeline report and deal review renderers")
struct PipelineReportRenderTests {
    func golden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.check(name, actual, sourceLocation: sourceLocation)
    }

    @Test("every format of the pipeline report and the review sheet matches its golden file")
    func goldens() throws {
        let r = PipelineReportFixture.report(), sheet = PipelineReportFixture.review()
        try golden("pipeline-report.txt", PipelineReportTextRenderer.render(r, lang: .en))
        try golden("pipeline-report.zh.txt", PipelineReportTextRenderer.render(r, lang: .zh))
        try golden("pipeline-report.md", PipelineReportMarkdownRenderer.render(r, lang: .en))
        try golden("pipeline-report.json", PipelineReportJSONRenderer.render(r, lang: .en))
        try golden("pipeline-report.html", PipelineReportHTMLRenderer.render(r, lang: .en, stylesheet: "/* css */"))
        try golden("pipeline-report.csv", PipelineReportCSVRenderer.files(r, lang: .en).map { "# \($0.name).csv\n\($0.csv)" }.joined())
        try golden("deal-review.txt", DealReviewRenderer.text(sheet, lang: .en))
        try golden("deal-review.zh.md", DealReviewRenderer.markdown(sheet, lang: .zh))
        try golden("deal-review.json", DealReviewRenderer.json(sheet, lang: .en))
        try golden("deal-review.html", DealReviewRenderer.html(sheet, lang: .en, stylesheet: "/* css */"))
    }

    @Test("JSON: the seven sections are top-level keys and each red flag has deal, account, flag and why")
    func jsonShape() throws {
        let text = try PipelineReportJSONRenderer.render(PipelineReportFixture.report(), lang: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["funnel", "velocity", "coverage", "emotion_heatmap", "pain_points", "red_flags", "win_loss",
                                     "metrics", "period", "filters", "language"])
        let flags = try #require(object["red_flags"] as? [[String: Any]])
        // Accounts in name order: "<script>…" sorts before "市数据局".
        #expect(flags.map { $0["flag"] as? String } == ["no-eb", "no-coach", "single-threaded", "silent-30d", "eb-negative", "overdue-contact",
                                                   "unanswered-pain", "stalled", "opponent", "quiet-stage-contact"])
        for f in flags {
            #expect(f["deal"] is String && f["account"] is String && f["why"] is String)
            #expect(!(f["why"] as? String ?? "").isEmpty)
        }
        let funnel = try #require(object["funnel"] as? [[String: Any]])
        #expect(funnel[0]["conversion"] is NSNull, "unknown values are null, not missing")
        let coverage = try #require(object["coverage"] as? [[String: Any]])
        let roles = try #require(coverage[0]["roles"] as? [String: [String: Any]])
        #expect(Set(roles.keys) == ["EB", "TB", "UB", "Coach"])
        #expect(roles["EB"]?["identified"] as? Bool == false)
        #expect(roles["EB"]?["last_contact"] is NSNull)
        #expect(roles["UB"]?["stakeholders"] as? [String] == ["Ann | Ops"])
    }

    @Test("--section keeps only that section", arguments: PipelineReportSection.allCases)
    func oneSection(_ section: PipelineReportSection) throws {
        let r = PipelineReportFixture.report()
        let text = try PipelineReportJSONRenderer.render(r, lang: .en, sections: [section])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [section.rawValue, "period", "filters", "language"])
        let plain = PipelineReportTextRenderer.render(r, lang: .en, sections: [section])
        for other in PipelineReportSection.allCases where other != section {
            #expect(!plain.contains("\n" + ReportLabels.section(other, .en) + "\n"))
        }
        #expect(plain.contains("\n" + ReportLabels.section(section, .en) + "\n"))
    }

    @Test("HTML is self-contained, escapes user text, and draws the funnel, velocity and heat-map charts")
    func html() throws {
        let html = try PipelineReportHTMLRenderer.render(PipelineReportFixture.report(), lang: .en, stylesheet: "/* css */")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ltd"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("@media print"))
        let zh = try PipelineReportHTMLRenderer.render(PipelineReportFixture.report(), lang: .zh, stylesheet: "")
        #expect(zh.contains("lang=\"zh-CN\"") && zh.contains("风险信号") && zh.contains("投标"))
    }

    @Test("HTML: each deal shows its owner and its amount in its currency; stages without deals are folded, not drawn empty")
    func htmlOwnersAndFolding() throws {
        var r = PipelineReportFixture.report()
        r.stages.append(Stage(id: 9, pipelineKey: "government", key: "contract", position: 4, nameEN: "contract signing", nameZH: "合同签订",
                              phase: .decision, expectedDays: 20, weight: 0.9))
        r.funnel.append(FunnelStage(pipelineKey: "government", stageKey: "contract", position: 4, weight: 0.9, openDeals: 0, totalAmount: 0,
                                    weightedAmount: 0, reached: 0, conversion: 0))
        let html = try PipelineReportHTMLRenderer.render(r, lang: .en, stylesheet: "")
        #expect(html.contains("<td class=\"\">–</td><td class=\"num\">1,000,000 CNY</td>"), "no owner: a dash")
        #expect(html.contains("<td class=\"\">bob</td><td class=\"num\">250,000.50 USD</td>"))
        let funnel = try #require(html.components(separatedBy: "<section class=\"card\" id=\"funnel\">").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(funnel.contains("No deals in 1 stage(s), folded: contract signing"))
        #expect(funnel.components(separatedBy: "contract signing").count - 1 == 1, "the folded stage is neither a bar nor a table row")
        #expect(funnel.components(separatedBy: "needs discovery").count - 1 == 2, "stages with deals keep their bar and row")
    }

    @Test("CSV: one file per section, formula-safe fields, stable headers")
    func csv() throws {
        let files = PipelineReportCSVRenderer.files(PipelineReportFixture.report(), lang: .en)
        #expect(files.map(\.name) == ["funnel", "velocity", "velocity_stages", "coverage", "emotion_heatmap", "pain_points", "red_flags", "win_loss",
                                         "metrics", "metrics_roles", "metrics_trend", "metrics_renewal"])
        let flags = try #require(files.first { $0.name == "red_flags" }?.csv)
        #expect(flags.hasPrefix("account,account_id,deal,deal_id,flag,why\r\n"))
        #expect(flags.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        let pains = try #require(files.first { $0.name == "pain_points" }?.csv)
        #expect(pains.contains("'=1+1"))
        #expect(PipelineReportCSVRenderer.section(ofFile: "velocity_stages") == .velocity)
        #expect(PipelineReportCSVRenderer.section(ofFile: "nope") == nil)
    }

    @Test("Markdown cells cannot break the table")
    func markdown() {
        let md = PipelineReportMarkdownRenderer.render(PipelineReportFixture.report(), lang: .en)
        #expect(md.contains("预算审批慢 \\| slow budget"))
        #expect(md.contains("&lt;script&gt;"))
    }

    @Test("every red flag explains itself in English and Chinese", arguments: RedFlagKind.allCases)
    func whyTexts(_ kind: RedFlagKind) throws {
        let r = PipelineReportFixture.report()
        let flag = try #require(r.redFlags.first { $0.kind == kind })
        let en = ReportLabels.why(flag, .en), zh = ReportLabels.why(flag, .zh)
        #expect(!en.isEmpty && !zh.isEmpty && en != zh)
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(ReportLabels.flagName(kind, .en) != ReportLabels.flagName(kind, .zh))
    }

    @Test("numbers: money with separators, percentages, signed emotion means",
          arguments: [(1_250_000.0, "1,250,000"), (99.5, "99.50"), (0, "0"), (-1234.25, "-1,234.25"), (25_000.05, "25,000.05")])
    func money(_ value: Double, _ text: String) {
        #expect(ReportLabels.money(value) == text)
    }

    @Test("percent and emotion formatting")
    func formats() {
        #expect(ReportLabels.percent(2.0 / 3.0) == "66.7%")
        #expect(ReportLabels.percent(nil) == "–")
        #expect(ReportLabels.emotionMean(1.5) == "+1.5")
        #expect(ReportLabels.emotionMean(-0.01) == "0.0")
        #expect(ReportLabels.emotionMean(-2) == "-2.0")
    }
}
