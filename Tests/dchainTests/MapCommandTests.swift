import Foundation
import Testing
import TestSupport

/// End to end: `dchain map` and `dchain empathy` on the sample account
/// (loaded through the real capture commands) against a real server.
@Suite("map and empathy commands end to end")
struct MapCommandTests {
    @Test("the sample map as JSON: stages reached, the dip at contract negotiation, the decision chain")
    func sampleJSON() throws {
        let cli = try PlanSample.shared.get()
        let r = try cli.run("map", PlanSample.account, "--today", PlanSample.today, "--format", "json")
        #expect(r.status == 0, "\(r)")
        let map = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let stages = try #require(map["stages"] as? [[String: Any]])
        #expect(stages.map { $0["key"] as? String } == ["needs", "approval", "intention", "specification", "tender-notice",
                                                        "bidding", "evaluation", "award", "contract"])
        let contract = try #require(stages.last)
        #expect(contract["expected_days"] as? Int == 30)
        let emotion = try #require(contract["emotion"] as? [String: Any])
        #expect((emotion["TB"] as? Double).map { $0 < 0 } == true)
        #expect(emotion.keys.sorted() == ["Coach", "EB", "TB", "UB", "all"])
        let moments = try #require(map["moments_of_truth"] as? [[String: Any]])
        #expect(moments.contains { ($0["stage"] as? String ?? "").contains("contract") || ($0["stage_key"] as? String) == "contract" })
        let chain = try #require(map["decision_chain"] as? [[String: Any]])
        #expect(chain.count == 7)
    }

    @Test("text, md, html and svg render; --out writes the file; zh labels")
    func formats() throws {
        let cli = try PlanSample.shared.get()
        let text = try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--lang", "zh")
        #expect(text.contains("合同谈判"))
        let md = try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--format", "md")
        #expect(md.contains("|"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--format", "html", "--out", out)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>") || html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        // Self-contained: nothing is fetched from anywhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http") && !html.contains("<script src"))
        let svg = try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--format", "svg")
        #expect(svg.contains("<svg"))
        let empathy = try cli.ok("empathy", "李敏", "--account", PlanSample.account, "--today", PlanSample.today)
        #expect(empathy.contains("验收标准和运维责任写得不清楚"))
    }

    @Test("user text is escaped in HTML and SVG; small accounts give small maps; unknown accounts exit 65")
    func safety() throws {
        let cli = try CLI.fresh("mapsafe")
        try cli.ok("account", "add", "<b>Evil</b> Corp", "--kind", "enterprise")
        #expect(try cli.run("map", "<b>Evil</b> Corp", "--format", "json").status == 0)  // no deals: a smaller map
        try cli.ok("stakeholder", "add", "<b>Evil</b> Corp", "<script>alert(1)</script>", "--title", "CIO")
        try cli.ok("deal", "add", "<b>Evil</b> Corp", "Platform", "--pipeline", "enterprise", "--on", "2026-01-05")
        #expect(try cli.run("map", "<b>Evil</b> Corp", "--today", "2026-02-01", "--format", "html").status == 0)  // no touchpoints
        try cli.ok("role", "set", "Platform", "<script>alert(1)</script>", "EB", "--on", "2026-01-06")
        try cli.ok("log", "<b>Evil</b> Corp", "--channel", "demo", "--on", "2026-01-10", "--with", "<script>alert(1)</script>:-2",
                   "--quote", "<script>alert(1)</script>:<img src=x onerror=alert(2)>")
        for format in ["html", "svg"] {
            let out = try cli.ok("map", "<b>Evil</b> Corp", "--today", "2026-02-01", "--format", format)
            #expect(!out.contains("<script>alert(1)</script>"), "\(format)")
            #expect(!out.contains("<img src=x"), "\(format)")
            #expect(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(format)")
        }
        let unknown = try cli.run("map", "No Such Account")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
    }
}
