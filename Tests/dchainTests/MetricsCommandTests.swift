import Foundation
import Testing
import TestSupport

/// End to end: `dchain survey` and `dchain metric` on a real server, and the
/// surveys in the map's metrics lane, the pipeline report's `metrics` section
/// (every format) and the deal review.
@Suite("survey and metric commands end to end")
struct MetricsCommandTests {
    static let account = "市数据局", deal = "城市数据中台项目"

    /// An account with a government deal moved needs → approval (2026-03-20) → contract (2026-04-20),
    /// its EB 王建国 and TB 李敏; a person at another account.
    static func setUp(_ hint: String) throws -> CLI {
        let cli = try CLI.fresh(hint)
        try cli.ok("account", "add", account, "--kind", "government")
        try cli.ok("account", "add", "Other Corp", "--kind", "enterprise")
        try cli.ok("stakeholder", "add", account, "王建国", "--title", "局长", "--level", "executive")
        try cli.ok("stakeholder", "add", account, "李敏", "--title", "处长", "--reports-to", "王建国")
        try cli.ok("stakeholder", "add", "Other Corp", "Alice", "--title", "CIO")
        try cli.ok("deal", "add", account, deal, "--pipeline", "government", "--on", "2026-03-02")
        try cli.ok("deal", "move", deal, "approval", "--account", account, "--on", "2026-03-20")
        try cli.ok("deal", "move", deal, "contract", "--account", account, "--on", "2026-04-20")
        try cli.ok("role", "set", deal, "王建国", "EB", "--account", account, "--on", "2026-03-02")
        try cli.ok("role", "set", deal, "李敏", "TB", "--account", account, "--on", "2026-03-02")
        return cli
    }

    /// NPS 9 (EB) and 6 (TB) in approval: +0; the TB's NPS 10 and CSAT 2 in contract; targets NPS +30, CSAT 4 (government).
    static func surveyed(_ hint: String) throws -> CLI {
        let cli = try setUp(hint)
        try cli.ok("survey", account, "--who", "王建国", "--nps", "9", "--on", "2026-03-25")
        try cli.ok("survey", account, "--who", "李敏", "--nps", "6", "--on", "2026-04-01", "--comment", "验收标准不清楚")
        try cli.ok("survey", account, "--who", "李敏", "--nps", "10", "--on", "2026-04-25")
        try cli.ok("survey", account, "--who", "李敏", "--csat", "2", "--on", "2026-04-26", "--deal", deal)
        try cli.ok("metric", "target", "nps", "30")
        try cli.ok("metric", "target", "csat", "4", "--pipeline", "government")
        return cli
    }

    @Test("survey records the stage the deal was in that day, the login, and is audited; a back-dated move restages it")
    func record() throws {
        let cli = try Self.setUp("svyrec")
        let out = try cli.ok("survey", Self.account, "--who", "李敏", "--nps", "9", "--on", "2026-03-25", "--comment", "响应快")
        #expect(out.contains("recorded NPS 9 from 李敏 at 市数据局 on 2026-03-25 (城市数据中台项目, stage approval)"), "\(out)")
        let sql = try SQL(cli.conninfo)
        #expect(try sql.strings("SELECT s.key FROM survey v JOIN stage s ON s.id = v.stage_id") == ["approval"])
        #expect(try sql.strings("SELECT recorded_by FROM survey") == [try sql.strings("SELECT current_user")[0]])
        #expect(try sql.int("SELECT count(*) FROM audit_log WHERE table_name = 'survey' AND op = 'INSERT'") == 1)
        // Taking back the move to contract changes nothing here; a move back-dated before the answer does.
        try cli.ok("deal", "move", Self.deal, "--undo", "--account", Self.account)
        try cli.ok("deal", "move", Self.deal, "intention", "--account", Self.account, "--on", "2026-03-22")
        #expect(try sql.strings("SELECT s.key FROM survey v JOIN stage s ON s.id = v.stage_id") == ["intention"])
        let list = try #require(try cli.json("survey", "list", Self.account) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list[0]["kind"] as? String == "nps" && list[0]["score"] as? Int == 9 && list[0]["nps_category"] as? String == "promoter")
        #expect(list[0]["who"] as? String == "李敏" && list[0]["stage"] as? String == "intention" && list[0]["comment"] as? String == "响应快")
        let id = try #require(list[0]["id"] as? Int)
        #expect(try cli.ok("survey", "delete", String(id)).contains("deleted survey #\(id)"))
        #expect(try sql.int("SELECT count(*) FROM survey") == 0)
    }

    @Test("bad input: one line, exit 65, nothing written", arguments: [
        (["--who", "李敏", "--nps", "11"], "nps \"11\" is outside 0…10"),
        (["--who", "李敏", "--csat", "0"], "csat \"0\" is outside 1…5"),
        (["--who", "李敏", "--ces", "8"], "ces \"8\" is outside 1…7"),
        (["--who", "李明", "--nps", "9"], "did you mean \"李敏\""),
        (["--who", "Alice", "--nps", "9"], "belongs to account \"Other Corp\""),
        (["--who", "李敏", "--nps", "9", "--on", "2999-01-01"], "is in the future"),
        (["--who", "李敏", "--nps", "9", "--deal", "无此项目"], "not found"),
    ] as [([String], String)])
    func badInput(_ args: [String], _ says: String) throws {
        let cli = try Self.setUp("svybad")
        let r = try cli.run(["survey", Self.account] + args)
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains(says), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try cli.count("SELECT count(*) FROM survey") == 0)
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE table_name = 'survey'") == 0)
    }

    @Test("with LANG=zh_CN.UTF-8 the bad score is one Chinese line, still exit 65")
    func zhError() throws {
        let cli = try Self.setUp("svyzh")
        let r = try cli.run(["survey", Self.account, "--who", "李敏", "--nps", "11"], env: ["LANG": "zh_CN.UTF-8"])
        #expect(r.status == 65 && r.stderr.contains("nps “11” 超出 0…10"), "\(r)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test("several open deals: the survey must name one; no answer kind or two kinds is a usage error")
    func ambiguous() throws {
        let cli = try Self.setUp("svyamb")
        try cli.ok("deal", "add", Self.account, "第二个项目", "--pipeline", "government")
        let r = try cli.run("survey", Self.account, "--who", "李敏", "--nps", "9")
        #expect(r.status == 65 && r.stderr.contains("name one with --deal"), "\(r)")
        #expect(try cli.run("survey", Self.account, "--who", "李敏").status == 64)
        #expect(try cli.run("survey", Self.account, "--who", "李敏", "--nps", "9", "--csat", "4").status == 64)
        #expect(try cli.count("SELECT count(*) FROM survey") == 0)
    }

    @Test("metric target sets, replaces, lists and clears; out-of-range targets are refused")
    func targets() throws {
        let cli = try CLI.fresh("svytgt")
        #expect(try cli.ok("metric", "target", "nps", "30").contains("target set: NPS +30 for every pipeline"))
        try cli.ok("metric", "target", "nps", "-10", "--pipeline", "enterprise")
        try cli.ok("metric", "target", "nps", "35")
        let list = try #require(try cli.json("metric", "list") as? [[String: Any]])
        #expect(list.map { "\($0["kind"]!) \($0["value"]!) \($0["pipeline"]!)" } == ["nps 35 <null>", "nps -10 enterprise"])
        let bad = try cli.run("metric", "target", "csat", "6")
        #expect(bad.status == 65 && bad.stderr.contains("value \"6\" is outside 1…5"), "\(bad)")
        #expect(try cli.run("metric", "target", "nps", "30", "--pipeline", "nope").status == 65)
        #expect(try cli.ok("metric", "clear", "nps", "--pipeline", "enterprise").contains("target removed"))
        #expect(try cli.count("SELECT count(*) FROM metric_target") == 1)
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE table_name = 'metric_target'") == 4)
    }

    @Test("the map's metrics lane shows per stage NPS with n, CSAT mean, against target, in every format")
    func map() throws {
        let cli = try Self.surveyed("svymap")
        let map = try #require(try cli.json("map", Self.account, "--today", "2026-05-01") as? [String: Any])
        let stages = try #require(map["stages"] as? [[String: Any]])
        func metrics(_ key: String) throws -> [String: Any] {
            let stage = try #require(stages.first { $0["key"] as? String == key })
            return try #require(stage["metrics"] as? [String: Any])
        }
        let approval = try #require(try metrics("approval")["nps"] as? [String: Any])
        #expect(approval["score"] as? Double == 0 && approval["n"] as? Int == 2 && approval["target"] as? Double == 30)
        #expect(approval["meets_target"] as? Bool == false && approval["promoters"] as? Int == 1 && approval["detractors"] as? Int == 1)
        let contract = try metrics("contract")
        #expect((contract["nps"] as? [String: Any])?["score"] as? Double == 100)
        #expect((contract["csat"] as? [String: Any])?["mean"] as? Double == 2)
        #expect((contract["csat"] as? [String: Any])?["meets_target"] as? Bool == false)
        #expect((contract["ces"] as? [String: Any])?["mean"] is NSNull)
        let text = try cli.ok("map", Self.account, "--today", "2026-05-01")
        #expect(text.contains("NPS 0 (n=2; target +30 below)"), "\(text)")
        #expect(text.contains("CSAT 2/5 (n=1; target 4 below)"))
        for format in ["md", "html", "svg"] {
            #expect(try cli.ok("map", Self.account, "--today", "2026-05-01", "--format", format).contains("NPS +100"), "\(format)")
        }
        #expect(try cli.ok("map", Self.account, "--today", "2026-05-01", "--lang", "zh").contains("NPS 0（2 份；目标 +30 未达）"))
    }

    @Test("report pipeline has a metrics section in every format; --sql prints its statements")
    func report() throws {
        let cli = try Self.surveyed("svyrpt")
        let args = ["report", "pipeline", "--today", "2026-05-01", "--since", "2026-03-01"]
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.lines(args + ["--format", "json"]).utf8)) as? [String: Any])
        let m = try #require(json["metrics"] as? [String: Any])
        #expect(m["granularity"] as? String == "month")
        let overall = try #require((m["overall"] as? [String: Any])?["nps"] as? [String: Any])
        #expect(overall["n"] as? Int == 3 && overall["score"] as? Double == 33.3)
        let byStage = try #require(m["by_stage"] as? [[String: Any]])
        let contract = try #require(byStage.first { $0["stage"] as? String == "contract" })
        #expect((contract["csat"] as? [String: Any])?["mean"] as? Double == 2)
        #expect(contract["conversion"] is Double && contract["reached"] as? Int == 1)
        let roles = try #require(m["by_role"] as? [[String: Any]])
        #expect(roles.map { $0["role"] as? String } == ["EB", "TB"])
        let tb = try #require(roles.last?["nps"] as? [String: Any])
        #expect(tb["n"] as? Int == 2 && tb["score"] as? Double == 0)
        let trend = try #require(m["trend"] as? [[String: Any]])
        #expect(trend.map { $0["period"] as? String } == ["2026-03", "2026-04"])
        #expect((m["targets"] as? [[String: Any]])?.count == 2)
        #expect(json["funnel"] != nil && json["win_loss"] != nil, "nothing existing renamed")

        let text = try cli.lines(args)
        #expect(text.contains("Experience metrics") && text.contains("By role") && text.contains("Trend by month") && text.contains("+33.3"), "\(text)")
        #expect(try cli.lines(args + ["--format", "md"]).contains("## Experience metrics"))
        #expect(try cli.lines(args + ["--format", "html"]).contains("Experience metrics"))
        #expect(try cli.lines(args + ["--lang", "zh"]).contains("体验指标"))
        let csv = try cli.lines(args + ["--format", "csv", "--section", "metrics_trend", "--no-bom"])
        #expect(csv.hasPrefix("period,start,nps,nps_n,promoters,passives,detractors,nps_target,csat") && csv.contains("2026-04,2026-04-01"), "\(csv)")
        #expect(try cli.lines(args + ["--format", "csv", "--section", "metrics", "--no-bom"]).contains("government,contract"))
        let sql = try cli.lines(args + ["--sql", "--section", "metrics"])
        #expect(sql.contains("PREPARE metrics_stages") && sql.contains("PREPARE metrics_trend") && sql.contains("PREPARE metric_targets"))
        // A pipeline filter leaves out the answers of other pipelines' deals.
        let ent = try #require(try JSONSerialization.jsonObject(with: Data(try cli.lines(args + ["--pipeline", "enterprise", "--format", "json"]).utf8))
                               as? [String: Any])
        #expect(((ent["metrics"] as? [String: Any])?["by_stage"] as? [Any])?.isEmpty == true)
    }

    @Test("report deal shows the deal's own surveys per stage")
    func dealReview() throws {
        let cli = try Self.surveyed("svydeal")
        let text = try cli.ok("report", "deal", Self.deal, "--today", "2026-05-01")
        #expect(text.contains("Experience metrics") && text.contains("0 (n=2) ✗") && text.contains("2 (n=1) ✗"), "\(text)")
        let json = try #require(try cli.json("report", "deal", Self.deal, "--today", "2026-05-01") as? [String: Any])
        let m = try #require(json["metrics"] as? [String: Any])
        let stages = try #require(m["by_stage"] as? [[String: Any]])
        #expect(stages.map { $0["stage"] as? String } == ["needs", "approval", "contract"])
        #expect(((m["overall"] as? [String: Any])?["nps"] as? [String: Any])?["n"] as? Int == 3)
        #expect(try cli.ok("report", "deal", Self.deal, "--today", "2026-05-01", "--format", "html").contains("Experience metrics"))
    }
}

extension CLI {
    /// `ok` with an argument array.
    func lines(_ args: [String]) throws -> String {
        let r = try run(args)
        guard r.status == 0 else { throw SubprocessError(message: "dchain \(args.joined(separator: " ")) failed: \(r)") }
        return r.stdout
    }
}
