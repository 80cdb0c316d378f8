import Foundation
import Testing
import TestSupport

/// End to end: corrections on a private copy of the sample account, and that
/// every view (timeline, map, plan, pipeline report) sees them at once.
/// Serialized: the tests change one shared database, each a different part of it.
@Suite("corrections end to end", .serialized)
struct CorrectionCommandTests {
    static let sample = Result { try PlanSample.load("corrections") }
    let cli: CLI
    init() throws { cli = try Self.sample.get() }

    func views() throws -> (map: String, plan: String, report: String, timeline: String) {
        (try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--format", "json"),
         try cli.ok("plan", PlanSample.account, "--today", PlanSample.today, "--format", "json"),
         try cli.ok("report", "pipeline", "--today", PlanSample.today, "--format", "json"),
         try cli.ok("touchpoints", PlanSample.account, "--format", "json"))
    }

    func id(_ sql: String) throws -> String { String(try cli.count(sql)) }

    @Test("pain edit corrects a typo in the map, the plan and the pipeline report at once")
    func painEdit() throws {
        let pain = try id("SELECT id FROM pain_point WHERE text LIKE '合同条款不清晰%'")
        let before = try views()
        #expect(before.map.contains("合同条款不清晰") && before.plan.contains("合同条款不清晰") && before.report.contains("合同条款不清晰"))
        try cli.ok("pain", "edit", pain, "--text", "合同条款含糊 vague contract terms", "--severity", "high")
        let after = try views()
        for view in [after.map, after.plan, after.report] {
            #expect(view.contains("合同条款含糊 vague contract terms") && !view.contains("合同条款不清晰"))
        }
        #expect(try cli.run("pain", "edit", pain).status == 64)
        #expect(try cli.run("pain", "edit", "9999", "--text", "x").status == 65)
    }

    @Test("touchpoint delete: gone from the timeline, map, plan and report; kept in the audit; restore brings it back with its ids")
    func deleteAndRestore() throws {
        // The contract-review dip: 李敏 at -2 with a high pain point.
        let tp = try id("SELECT id FROM touchpoint WHERE channel = 'contract-review' AND at::date = '2026-08-14'")
        let pains = try cli.count("SELECT count(*) FROM pain_point WHERE touchpoint_id = \(tp)")
        #expect(pains > 0)
        let before = try views()
        #expect(before.timeline.contains("\"id\" : \(tp),") && before.map.contains("\"touchpoint_id\" : \(tp)"))

        let hint = try cli.run("touchpoints", "delete", tp)
        #expect(hint.status == 64 && hint.stderr.contains("dchain touchpoint delete \(tp)") && hint.stderr.split(separator: "\n").count == 1)

        try cli.ok("touchpoint", "delete", tp)
        let after = try views()
        #expect(!after.timeline.contains("\"id\" : \(tp),") && !after.map.contains("\"touchpoint_id\" : \(tp)"))
        #expect(after.plan != before.plan && after.report != before.report)
        #expect(try cli.count("SELECT count(*) FROM pain_point WHERE touchpoint_id = \(tp)") == 0)
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE table_name = 'touchpoint' AND op = 'DELETE' AND before->>'id' = '\(tp)'") == 1)
        #expect(try cli.run("touchpoint", "edit", tp, "--summary", "x").status == 65)
        #expect(try cli.run("touchpoint", "delete", tp).status == 65)

        try cli.ok("touchpoint", "restore", tp)
        let back = try views()
        #expect(back.timeline == before.timeline && back.map == before.map && back.plan == before.plan && back.report == before.report)
        #expect(try cli.count("SELECT count(*) FROM pain_point WHERE touchpoint_id = \(tp)") == pains)
        #expect(try cli.run("touchpoint", "restore", tp).status == 65)
    }

    @Test("deleting a touchpoint reopens the tasks it completed; restoring it completes them again")
    func deleteReopensTasks() throws {
        try cli.ok("plan", "accept", PlanSample.account, "--deal", PlanSample.deal, "--today", PlanSample.today)
        // The EB (#1; by id, as another 王建国 may have joined) is due a contact.
        let open = try cli.count("SELECT count(*) FROM plan_item WHERE stakeholder_id = 1 AND status = 'open' AND rule IN ('stale-contact', 'top-down')")
        #expect(open > 0)
        let logged = try cli.ok("log", PlanSample.account, "--channel", "visit", "--with", "1:1", "--on", "2026-09-01 10:00")
        #expect(logged.contains("closed"))
        let tp = try id("SELECT max(id) FROM touchpoint")
        #expect(try cli.count("SELECT count(*) FROM plan_item WHERE done_by_touchpoint = \(tp) AND status = 'done'") == open)
        #expect(try cli.ok("touchpoint", "delete", tp).contains("open again"))
        #expect(try cli.count("SELECT count(*) FROM plan_item WHERE done_by_touchpoint = \(tp) AND status = 'open'") == open)
        try cli.ok("touchpoint", "restore", tp)
        #expect(try cli.count("SELECT count(*) FROM plan_item WHERE done_by_touchpoint = \(tp) AND status = 'done'") == open)
    }

    @Test("touchpoint edit: channel, emotion, quote, a participant out, a new time restages it; the map follows")
    func touchpointEdit() throws {
        // 2026-03-10: 李敏 (0) and 刘洋 (+1) at the IT needs interview, stage needs.
        let tp = try id("SELECT id FROM touchpoint WHERE at::date = '2026-03-10'")
        try cli.ok("touchpoint", "edit", tp, "--channel", "call", "--with", "李敏:-1:anxious", "--quote", "李敏：接口必须标准化",
                   "--remove", "刘洋", "--on", "2026-03-25 11:00")
        let list = try #require(try cli.json("touchpoints", PlanSample.account) as? [[String: Any]])
        let t = try #require(list.first { "\($0["id"] ?? "")" == tp })
        #expect(t["channel"] as? String == "call" && t["at"] as? String == "2026-03-25 11:00" && t["stage"] as? String == "approval")
        let people = try #require(t["participants"] as? [[String: Any]])
        #expect(people.count == 1 && people[0]["stakeholder"] as? String == "李敏" && people[0]["emotion"] as? Int == -1)
        #expect(people[0]["quote"] as? String == "接口必须标准化")
        #expect(try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--format", "json").contains("接口必须标准化"))
        // The last participant cannot go: that is a delete.
        let r = try cli.run("touchpoint", "edit", tp, "--remove", "李敏")
        #expect(r.status == 65 && r.stderr.contains("touchpoint delete"))
        #expect(try cli.run("touchpoint", "edit", tp, "--with", "无名氏").status == 65)
    }

    @Test("stakeholder delete is refused for a role holder; --force ends the role on the day; units are renamed and deleted")
    func stakeholderAndUnit() throws {
        let refused = try cli.run("stakeholder", "delete", PlanSample.account, "周婷")
        #expect(refused.status == 65 && refused.stderr.contains("UB") && refused.stderr.contains("--force"))
        try cli.ok("stakeholder", "delete", PlanSample.account, "周婷", "--force", "--on", "2026-09-01")
        #expect(try cli.count("""
            SELECT count(*) FROM audit_log WHERE table_name = 'buying_influence' AND op = 'UPDATE' AND after->>'valid_to' = '2026-09-01'
            """) == 1)
        #expect(!(try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--format", "json")).contains("周婷"))
        #expect(!(try cli.ok("plan", PlanSample.account, "--today", PlanSample.today, "--format", "json")).contains("周婷"))

        try cli.ok("unit", "edit", PlanSample.account, "政务服务科 Citizen Services Section", "--name", "政务服务科")
        try cli.ok("unit", "delete", PlanSample.account, "数据资源科 Data Resources Section")
        let units = try #require(try cli.json("unit", "list", PlanSample.account) as? [[String: Any]])
        #expect(units.contains { $0["name"] as? String == "政务服务科" })
        #expect(!units.contains { ($0["name"] as? String ?? "").hasPrefix("数据资源科") })
        #expect(try cli.count("SELECT count(*) FROM stakeholder WHERE name = '刘洋' AND unit_id IS NULL") == 1)
    }

    @Test("dchain undo shows the login's last change, --yes undoes it (audited), a row changed since refuses it")
    func undo() throws {
        let pain = try id("SELECT id FROM pain_point WHERE text LIKE '运维费用不透明%'")
        let me = try cli.login("undoer")  // the actor is the login: each actor is a login of its own
        try me.ok("pain", "edit", pain, "--severity", "low")
        let shown = try me.ok("undo")
        #expect(shown.contains("pain point #\(pain)") && shown.contains("severity") && shown.contains("undo --yes"))
        #expect(try cli.count("SELECT count(*) FROM pain_point WHERE id = \(pain) AND severity = 'low'") == 1)
        try me.ok("undo", "--yes")
        #expect(try cli.count("SELECT count(*) FROM pain_point WHERE id = \(pain) AND severity = 'medium'") == 1)
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE actor = 'undoer' AND table_name = 'pain_point' AND op = 'UPDATE'") == 2)
        let nothing = try me.run("undo")
        #expect(nothing.status == 65 && nothing.stderr.contains("nothing to undo"))

        // Undo of a delete brings the touchpoint back with its id.
        let tp = try id("SELECT min(id) FROM touchpoint")
        try me.ok("touchpoint", "delete", tp)
        try me.ok("undo", "--yes")
        #expect(try cli.count("SELECT count(*) FROM touchpoint WHERE id = \(tp)") == 1)
        #expect(try cli.count("SELECT count(*) FROM touchpoint_trash WHERE id = \(tp)") == 0)

        // Someone else changed the row since: the undo is refused, nothing changes.
        try me.ok("pain", "edit", pain, "--severity", "low")
        try cli.login("other").ok("pain", "edit", pain, "--text", "运维费用不透明")
        let refused = try me.run("undo", "--yes")
        #expect(refused.status == 65 && refused.stderr.contains("changed"))
        #expect(try cli.count("SELECT count(*) FROM pain_point WHERE id = \(pain) AND severity = 'low'") == 1)
    }

    @Test("a twin is refused with the existing person's id and title unless --distinct; stakeholder find lists both")
    func twins() throws {
        for name in ["王建国 ", "王建国　", " 王建国"] {
            let r = try cli.run("stakeholder", "add", PlanSample.account, name, "--title", "科员")
            #expect(r.status == 65 && r.stderr.contains("#1") && r.stderr.contains("局长 Director-General") && r.stderr.contains("--distinct"), "\(r)")
        }
        try cli.ok("stakeholder", "add", PlanSample.account, "王建国", "--title", "科员 Clerk", "--distinct")
        let found = try #require(try cli.json("stakeholder", "find", "王建国") as? [[String: Any]])
        #expect(found.count == 2 && found.allSatisfy { $0["account"] as? String == PlanSample.account })
        let roles = try #require(found.first { $0["title"] as? String == "局长 Director-General" }?["roles"] as? [[String: Any]])
        #expect(roles.contains { $0["role"] as? String == "EB" && $0["deal"] as? String == PlanSample.deal })
        #expect(try cli.ok("stakeholder", "find", "王", "--format", "csv").hasPrefix("\u{FEFF}id,name,account,title,roles\r\n"))
        #expect(try cli.json("stakeholder", "find", "没有这个人") as? [Any] != nil)
    }

    @Test("a deal added without --owner belongs to the account's owner, so task list --mine shows the rep its tasks")
    func dealOwner() throws {
        try cli.ok("deal", "add", PlanSample.account, "二期 Phase 2", "--pipeline", "government", "--on", "2026-08-01")
        let deals = try #require(try cli.json("deal", "list", "--account", PlanSample.account) as? [[String: Any]])
        #expect(deals.first { $0["name"] as? String == "二期 Phase 2" }?["owner"] as? String == "zhang.wei")
        try cli.ok("plan", "accept", PlanSample.account, "--deal", "二期 Phase 2", "--today", PlanSample.today)
        let mine = try cli.login("zhang.wei").run(["task", "list", "--mine", "--format", "json"])
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [[String: Any]])
        #expect(tasks.contains { $0["deal"] as? String == "二期 Phase 2" })
        #expect(tasks.allSatisfy { $0["owner"] as? String == "zhang.wei" })
    }

    @Test("deal edit: amount in 万, close-by, method, name; the map and the pipeline report follow")
    func dealEdit() throws {
        let before = try views()
        try cli.ok("deal", "edit", PlanSample.deal, "--account", PlanSample.account, "--amount", "650万", "--close-by", "2026-10-31",
                   "--method", "competitive-negotiation")
        let shown = try #require(try cli.json("deal", "show", PlanSample.deal) as? [String: Any])
        let deal = try #require(shown["deal"] as? [String: Any])
        #expect(deal["amount"] as? Double == 6_500_000 && deal["close_by"] as? String == "2026-10-31")
        #expect(deal["method"] as? String == "competitive-negotiation")
        let after = try views()
        #expect(after.map.contains("6500000") && !after.map.contains("4800000"))
        #expect(after.report.contains("6500000") && after.report != before.report)
        try cli.ok("deal", "add", PlanSample.account, "三期", "--pipeline", "enterprise", "--on", "2026-08-01")
        try cli.ok("deal", "edit", "三期", "--name", "三期 Phase 3", "--owner", "li.na")
        let deals = try #require(try cli.json("deal", "list", "--account", PlanSample.account) as? [[String: Any]])
        #expect(deals.first { $0["name"] as? String == "三期 Phase 3" }?["owner"] as? String == "li.na")
        #expect(try cli.run("deal", "edit", "三期 Phase 3", "--name", PlanSample.deal).status == 65)
        #expect(try cli.run("deal", "edit", "三期 Phase 3").status == 64)
    }

    @Test("deal move --undo takes back the latest move and restages its touchpoints; dchain undo brings it back; the first stage stays")
    func moveUndo() throws {
        let me = ["DCHAIN_USER": "mover"]
        func stageOf(_ day: String) throws -> String? {
            let list = try #require(try cli.json("touchpoints", PlanSample.account) as? [[String: Any]])
            return list.first { ($0["at"] as? String ?? "").hasPrefix(day) }?["stage"] as? String
        }
        #expect(try stageOf("2026-08-14") == "contract")
        let before = try views()
        let out = try cli.ok("deal", "move", PlanSample.deal, "--undo", env: me)
        #expect(out.contains("back in award") && out.contains("contract"))
        let shown = try #require(try cli.json("deal", "show", PlanSample.deal) as? [String: Any])
        #expect((shown["deal"] as? [String: Any])?["stage"] as? String == "award")
        #expect(try stageOf("2026-08-14") == "award")
        let after = try views()
        #expect(after.map != before.map && after.report != before.report && after.plan != before.plan)

        #expect(try cli.ok("undo", env: me).contains("deal stage history"))
        try cli.ok("undo", "--yes", env: me)
        #expect(try stageOf("2026-08-14") == "contract")
        #expect(try views().map == before.map)

        // Back to the first stage, one move at a time; then there is nothing left to undo.
        try cli.ok("deal", "add", PlanSample.account, "四期", "--pipeline", "government", "--on", "2026-01-05")
        try cli.ok("deal", "move", "四期", "approval", "--on", "2026-02-01")
        try cli.ok("deal", "move", "四期", "--undo")
        let refused = try cli.run("deal", "move", "四期", "--undo")
        #expect(refused.status == 65 && refused.stderr.contains("first stage"))
        #expect(try cli.run("deal", "move", "四期", "approval", "--undo").status == 64)
    }
}
