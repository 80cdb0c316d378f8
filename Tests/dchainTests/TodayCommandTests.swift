import Foundation
import Testing
import TestSupport

/// End to end on the read-only sample: `dchain today` across accounts with a
/// fixed --today, and people named account-then-person.
@Suite("today and people lookup end to end")
struct TodayCommandTests {
    func agenda(_ cli: CLI, _ extra: String...) throws -> [[String: Any]] {
        let r = try cli.run(["today", "--today", PlanSample.today, "--format", "json"] + extra)
        #expect(r.status == 0, "\(r)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["today"] as? String == PlanSample.today)
        return try #require(doc["items"] as? [[String: Any]])
    }

    @Test("the sample's day: the EB past the 30-day cadence first, the unanswered high pain next, each with its command")
    func sample() throws {
        let cli = try PlanSample.shared.get()
        let items = try agenda(cli)
        func s(_ i: [String: Any], _ k: String) -> String { i[k] as? String ?? "" }
        let first = try #require(items.first)
        #expect(s(first, "kind") == "contact" && s(first, "stakeholder") == "王建国" && s(first, "role") == "EB")
        #expect(first["days_late"] as? Int == 32 && s(first, "why").contains("2026-07-01") && s(first, "why").contains("30 days"))
        #expect(s(first, "command") == "dchain log 市数据局 --deal 城市数据中台项目 --channel visit --with 王建国")
        let pain = try #require(items.first { s($0, "kind") == "pain" })
        #expect(s(pain, "action").contains("合同条款不清晰") && s(pain, "command").hasPrefix("dchain pain respond "))
        // Overdue first, then by priority within the overdue.
        let late = items.map { ($0["days_late"] as? Int ?? 0) > 0 }
        #expect(late == late.sorted { $0 && !$1 })
        let rank = ["high": 0, "medium": 1, "low": 2]
        let overdue = items.filter { ($0["days_late"] as? Int ?? 0) > 0 }.map { rank[s($0, "priority")]! }
        #expect(overdue == overdue.sorted())
        // Every line acts through a dchain command, and nothing is due after today.
        #expect(items.allSatisfy { s($0, "command").hasPrefix("dchain ") && s($0, "due") <= PlanSample.today })
    }

    @Test("--owner filters by the rep, --days looks ahead; text, md and ics carry the same lines")
    func filtersAndFormats() throws {
        let cli = try PlanSample.shared.get()
        let all = try agenda(cli)
        #expect(try agenda(cli, "--owner", "zhang.wei").count == all.count)
        #expect(try agenda(cli, "--owner", "somebody.else").isEmpty)
        let ahead = try agenda(cli, "--days", "14")
        #expect(ahead.count > all.count && ahead.contains { ($0["days_late"] as? Int ?? 0) < 0 })
        let text = try cli.ok("today", "--today", PlanSample.today)
        #expect(text.contains("$ dchain log 市数据局 --deal 城市数据中台项目 --channel visit --with 王建国"))
        #expect(text.components(separatedBy: "\n   $ dchain ").count - 1 == all.count)
        let ics = try cli.ok("today", "--today", PlanSample.today, "--format", "ics")
        #expect(ics.components(separatedBy: "BEGIN:VTODO").count - 1 == all.count && ics.contains("\r\n"))
        #expect(try cli.ok("today", "--today", PlanSample.today, "--format", "md", "--lang", "zh").contains("逾期"))
        #expect(try cli.run("today", "--format", "csv").status != 0)
    }

    @Test("empathy and stakeholder show take account then person, the person alone, or the old order")
    func personOrder() throws {
        let cli = try PlanSample.shared.get()
        let canonical = try cli.ok("empathy", PlanSample.account, "李敏", "--today", PlanSample.today)
        #expect(try cli.ok("empathy", "李敏", "--account", PlanSample.account, "--today", PlanSample.today) == canonical)
        #expect(try cli.ok("empathy", "李敏", "--today", PlanSample.today) == canonical)
        #expect(try cli.ok("empathy", "李敏", PlanSample.account, "--today", PlanSample.today) == canonical)
        let show = try cli.ok("stakeholder", "show", PlanSample.account, "李敏")
        #expect(try cli.ok("stakeholder", "show", "李敏") == show && show.contains("TB"))
        #expect(try cli.run("stakeholder", "show", "没有这个人").status == 65)
    }
}
