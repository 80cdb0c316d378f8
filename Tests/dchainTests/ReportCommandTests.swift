import Foundation
import Testing
import TestSupport

/// End to end: `dchain report pipeline` and `report deal` on the sample
/// account through the built binary (the section numbers themselves are
/// asserted on a hand-built dataset in PipelineReportTests).
@Suite("report commands end to end")
struct ReportCommandTests {
    @Test("the pipeline report as JSON has every section, and the sample's deal its red flags with reasons")
    func pipelineJSON() throws {
        let cli = try PlanSample.shared.get()
        let r = try cli.run("report", "pipeline", "--today", PlanSample.today, "--format", "json")
        #expect(r.status == 0, "\(r)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["funnel", "velocity", "coverage", "emotion_heatmap", "pain_points", "red_flags", "win_loss"] {
            #expect(doc[key] != nil, "section \(key)")
        }
        let flags = try #require(doc["red_flags"] as? [[String: Any]])
        #expect(flags.allSatisfy { $0["deal"] != nil && $0["account"] != nil && ($0["why"] as? String)?.isEmpty == false })
        let known: Set<String> = ["no-eb", "eb-negative", "overdue-contact", "unanswered-pain", "no-coach", "single-threaded", "stalled",
                                   "opponent", "quiet-stage-contact", "silent-30d"]
        #expect(flags.allSatisfy { known.contains($0["flag"] as? String ?? "") })
        // 陈志强 is a skeptical TB with high influence: the sample deal carries the opponent flag.
        #expect(flags.contains { $0["flag"] as? String == "opponent" })
    }

    @Test("filters narrow the report; text, md, html and csv render; the deal review sheet names the buying influences")
    func formatsAndFilters() throws {
        let cli = try PlanSample.shared.get()
        let none = try cli.run("report", "pipeline", "--today", PlanSample.today, "--kind", "enterprise", "--format", "json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any])
        #expect((doc["red_flags"] as? [Any])?.isEmpty == true)
        #expect(try cli.ok("report", "pipeline", "--today", PlanSample.today, "--lang", "zh").contains("合同谈判"))
        #expect(try cli.ok("report", "pipeline", "--today", PlanSample.today, "--format", "md").contains("|"))
        let html = try cli.ok("report", "pipeline", "--today", PlanSample.today, "--format", "html")
        #expect(html.contains("<svg") && !html.contains("src=\"http"))
        let csv = try cli.ok("report", "pipeline", "--today", PlanSample.today, "--format", "csv", "--section", "red_flags")
        #expect(csv.contains("\r\n"))
        let sheet = try cli.ok("report", "deal", PlanSample.deal, "--account", PlanSample.account, "--today", PlanSample.today)
        for person in ["王建国", "李敏", "刘洋", "孙丽"] { #expect(sheet.contains(person), "\(person)") }
        let bad = try cli.run("report", "pipeline", "--kind", "city")
        #expect(bad.status == 65 && bad.stderr.contains("kind \"city\""))
    }
}
