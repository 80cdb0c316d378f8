import Foundation
import Testing
import TestSupport

/// The bilingual sample account (scripts/load-sample.sh, loaded through the
/// real capture commands) in a fresh database of the test cluster.
enum PlanSample {
    static let account = "市数据局"
    static let deal = "城市数据中台项目"
    /// Two weeks after the contract-negotiation dip.
    static let today = "2026-09-01"

    static func load(_ hint: String) throws -> CLI {
        let cli = try CLI.fresh(hint)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/load-sample.sh").path
        let r = try Subprocess.run(["/bin/bash", script], environment: [
            "DCHAIN": CLI.binary, "DCHAIN_DB": cli.conninfo, "DCHAIN_USER": "tester", "TZ": "UTC", "LANG": "C.UTF-8",
        ])
        guard r.status == 0 else { throw SubprocessError(message: "load-sample.sh failed: \(r)") }
        return cli
    }

    /// One read-only copy shared by the read tests (loading takes a few seconds).
    static let shared = Result { try load("planread") }
}

/// End to end: `dchain plan`, `plan accept`, `task list|done` on the sample
/// account against a real server, with a fixed --today.
@Suite("plan and task commands end to end")
struct PlanCommandTests {
    func items(_ cli: CLI, _ extra: String...) throws -> [[String: Any]] {
        let r = try cli.run(["plan", PlanSample.account, "--today", PlanSample.today, "--format", "json"] + extra)
        #expect(r.status == 0, "\(r)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(doc["items"] as? [[String: Any]])
    }

    @Test("the sample plan: the EB is due a contact, the TB frustrated at contract negotiation a follow-up, each why with its facts")
    func sample() throws {
        let cli = try PlanSample.shared.get()
        let doc = try #require(try cli.json("plan", PlanSample.account, "--today", PlanSample.today) as? [String: Any])
        #expect(doc["account"] as? String == PlanSample.account)
        #expect(doc["today"] as? String == PlanSample.today)
        #expect(doc["deal"] is NSNull)
        let items = try #require(doc["items"] as? [[String: Any]])
        func s(_ item: [String: Any], _ key: String) -> String { item[key] as? String ?? "" }

        let eb = try #require(items.first { s($0, "role") == "EB" && ["stale-contact", "top-down"].contains(s($0, "rule")) })
        #expect(s(eb, "stakeholder") == "王建国")
        #expect(s(eb, "why").contains("2026-07-01") && s(eb, "why").contains("62 days"))
        #expect(s(eb, "channel") == "visit")

        let neg = try #require(items.first { s($0, "rule") == "negative-emotion" && s($0, "stakeholder") == "李敏" })
        #expect(s(neg, "why").contains("-2 (frustrated)") && s(neg, "why").contains("2026-08-20"))
        #expect(s(neg, "why").contains("合同条款不清晰"))
        #expect(s(neg, "due") == "2026-09-03" && s(neg, "priority") == "high")

        for item in items {
            for key in ["stakeholder", "role", "action", "channel", "theme", "due", "priority", "rule", "why"] {
                #expect(item.keys.contains(key), "item without \(key): \(item)")
            }
            let why = s(item, "why")
            // The person or the deal, and a date or a number of days, or the stance behind an opponent item.
            #expect(why.contains(s(item, "stakeholder")) || why.contains(PlanSample.deal), "why names nobody: \(why)")
            #expect(why.range(of: #"\d{4}-\d{2}-\d{2}|\d+ days"#, options: .regularExpression) != nil || why.contains("stance"),
                    "why names no fact: \(why)")
            #expect(!why.contains("{") && !s(item, "action").contains("{"))
        }
        // Ordered by priority, then due date.
        let rank = ["high": 0, "medium": 1, "low": 2]
        let keys = items.map { (rank[s($0, "priority")]!, s($0, "due")) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("the same --today gives the same plan in every format; every format renders", arguments: ["text", "md", "html", "json", "csv", "ics"])
    func formats(format: String) throws {
        let cli = try PlanSample.shared.get()
        let a = try cli.ok("plan", PlanSample.account, "--deal", PlanSample.deal, "--today", PlanSample.today, "--format", format)
        let b = try cli.ok("plan", "show", PlanSample.account, "--deal", PlanSample.deal, "--today", PlanSample.today, "--format", format)
        #expect(a == b)
        #expect(a.contains("李敏"))
        if format == "ics" { #expect(a.hasPrefix("BEGIN:VCALENDAR\r\n") && a.contains("BEGIN:VTODO")) }
        if format == "html" { #expect(a.contains("<table class=\"plan-items\">")) }
    }

    @Test("Chinese labels and texts with --lang zh")
    func chinese() throws {
        let cli = try PlanSample.shared.get()
        let text = try cli.ok("plan", PlanSample.account, "--today", PlanSample.today, "--lang", "zh")
        #expect(text.hasPrefix("沟通计划 · 市数据局 · 日期 2026-09-01"))
        #expect(text.contains("负面情绪 negative-emotion"))
    }

    @Test("--rules merges a team's file over the defaults", arguments: [true, false])
    func rulesFile(disable: Bool) throws {
        let cli = try PlanSample.shared.get()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"rules": {"negative-emotion": {"enabled": \#(!disable)}}}"#.utf8).write(to: file)
        let found = try items(cli, "--rules", file.path).contains { $0["rule"] as? String == "negative-emotion" }
        #expect(found == !disable)
    }

    @Test("bad input exits 65 (64 for an unsupported format) with one line naming it", arguments: [
        (["plan", "无此客户", "--today", "2026-09-01"], Int32(65), "account \"无此客户\" not found"),
        (["plan", "市数据局", "--deal", "无此项目"], 65, "deal \"无此项目\" not found"),
        (["plan", "市数据局", "--today", "2026-02-30"], 65, "today \"2026-02-30\""),
        (["plan", "市数据局", "--rules", "/nonexistent/rules.json"], 65, "rules \"/nonexistent/rules.json\" cannot be read"),
        (["plan", "市数据局", "--format", "svg"], 64, "--format svg is not available here"),
        (["task", "done", "999999"], 65, "task \"999999\" not found"),
    ])
    func badInput(args: [String], status: Int32, message: String) throws {
        let cli = try PlanSample.shared.get()
        let r = try cli.run(args)
        #expect(r.status == status, "\(r)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("a rules file with a bad value names the file and the JSON path")
    func badRules() throws {
        let cli = try PlanSample.shared.get()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"roles": {"EB": {"cadence_days": -3}}}"#.utf8).write(to: file)
        let r = try cli.run("plan", PlanSample.account, "--rules", file.path)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(file.path)\" at $.roles.EB.cadence_days: must be a whole number of days > 0"), "\(r.stderr)")
    }

    @Test("accept stores tasks once; task list filters; a logged touchpoint closes contact tasks; task done finishes one")
    func workflow() throws {
        let cli = try PlanSample.load("planflow")
        let planned = try items(cli).count
        let first = try cli.ok("plan", "accept", PlanSample.account, "--today", PlanSample.today)
        #expect(first.contains("stored \(planned) new tasks, 0 already accepted"))
        let again = try cli.ok("plan", "accept", PlanSample.account, "--today", PlanSample.today)
        #expect(again.contains("stored 0 new tasks, \(planned) already accepted"))
        #expect(try cli.count("SELECT count(*) FROM plan_item") == planned)
        #expect(try cli.count("SELECT count(*) FROM plan_item WHERE owner = 'zhang.wei' AND stage_id IS NOT NULL") == planned)

        let all = try #require(try cli.json("task", "list") as? [[String: Any]])
        #expect(all.count == planned)
        #expect(try (cli.json("task", "list", "--mine") as? [Any])?.count == 0)
        #expect(try (cli.json("task", "list", "--mine", "--account", PlanSample.account, "--today", PlanSample.today)
                     as? [Any])?.count == 0)
        // --mine is the login's tasks (DCHAIN_USER no longer names anyone): log in as zhang.wei.
        let mine = try cli.login("zhang.wei").run(["task", "list", "--mine", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [Any])?.count == planned)
        #expect(try (cli.json("task", "list", "--overdue", "--today", PlanSample.today) as? [Any])?.count == 0)
        #expect(try (cli.json("task", "list", "--overdue", "--today", "2026-12-31") as? [Any])?.count == planned)
        #expect(try cli.ok("task", "list", "--format", "csv").hasPrefix("\u{FEFF}id,due,account,stakeholder,action,rule,status,owner\r\n"))

        // Meeting 李敏 closes her contact tasks (negative-emotion), not the pain-point response or playbook step.
        try cli.ok("log", PlanSample.account, "--deal", PlanSample.deal, "--channel", "meeting", "--on", "2026-09-02 10:00",
                   "--summary", "walked through acceptance terms", "--with", "李敏:1:relieved")
        let open = try #require(try cli.json("task", "list") as? [[String: Any]])
        #expect(!open.contains { $0["stakeholder"] as? String == "李敏" && $0["rule"] as? String == "negative-emotion" })
        #expect(open.contains { $0["stakeholder"] as? String == "李敏" && $0["rule"] as? String == "stage-playbook" })

        let id = try #require(open.first?["id"] as? Int)
        #expect(try cli.ok("task", "done", String(id)).hasPrefix("task \(id) done: "))
        #expect(try cli.ok("task", "done", String(id)).hasPrefix("task \(id) was already done"))
        let closed = try #require(try cli.json("task", "list", "--all") as? [[String: Any]])
        #expect(closed.contains { $0["id"] as? Int == id && $0["status"] as? String == "done" })
    }
}
