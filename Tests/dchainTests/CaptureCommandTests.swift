import Foundation
import Testing
import TestSupport

/// End to end: the built binary against a real server, for every capture command.
@Suite("Capture commands end to end")
struct CaptureCommandTests {
    let cli: CLI

    init() throws {
        cli = try CLI.fresh("capture")
        try cli.ok("account", "add", "市数据局", "--kind", "government", "--code", "SZJ", "--region", "华东", "--owner", "zhang.wei", "--team", "政府一组")
        try cli.ok("unit", "add", "市数据局", "信息技术处")
        try cli.ok("stakeholder", "add", "市数据局", "王局长", "--title", "局长", "--level", "executive", "--channel", "visit")
        try cli.ok("stakeholder", "add", "市数据局", "李处长", "--title", "处长", "--level", "manager", "--unit", "信息技术处", "--reports-to", "王局长")
        try cli.ok("stakeholder", "add", "市数据局", "孙丽 🌸", "--title", "科员", "--level", "staff", "--reports-to", "李处长")
        try cli.ok("deal", "add", "市数据局", "政务云", "--pipeline", "government", "--method", "public-tender", "--amount", "3800000", "--on", "2026-03-01")
    }

    @Test("accounts: add, list with filters, show, edit")
    func accounts() throws {
        try cli.ok("account", "add", "Acme Energy", "--kind", "soe", "--region", "North")
        let list = try #require(try cli.json("account", "list") as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["Acme Energy", "市数据局"])
        let soe = try #require(try cli.json("account", "list", "--kind", "soe") as? [[String: Any]])
        #expect(soe.count == 1)
        try cli.ok("account", "edit", "SZJ", "--industry", "政务", "--parent", "Acme Energy")
        let shown = try #require(try cli.json("account", "show", "市数据局") as? [String: Any])
        let account = try #require(shown["account"] as? [String: Any])
        #expect(account["industry"] as? String == "政务")
        #expect(account["owner"] as? String == "zhang.wei")
        #expect((shown["stakeholders"] as? [Any])?.count == 3)
        #expect(try cli.ok("account", "list", "--format", "csv").hasPrefix("\u{FEFF}id,name,kind,code,region,industry,owner,team\r\n"))
    }

    @Test("stakeholders: list top-down, show, edit; the org chart links hold")
    func stakeholders() throws {
        let list = try #require(try cli.json("stakeholder", "list", "市数据局") as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["王局长", "李处长", "孙丽 🌸"])
        #expect(list[1]["reports_to_name"] as? String == "王局长")
        #expect(list[1]["unit"] as? String == "信息技术处")
        try cli.ok("stakeholder", "edit", "市数据局", "孙丽 🌸", "--title", "业务骨干", "--wechat", "sunli")
        try cli.ok("role", "set", "政务云", "孙丽 🌸", "UB", "--stance", "supporter")
        try cli.ok("role", "set", "政务云", "孙丽 🌸", "Coach")
        let shown = try #require(try cli.json("stakeholder", "show", "市数据局", "孙丽 🌸") as? [String: Any])
        #expect((shown["stakeholder"] as? [String: Any])?["title"] as? String == "业务骨干")
        let roles = try #require(shown["roles"] as? [[String: Any]])
        #expect(roles.map { "\($0["deal"] ?? "") \($0["role"] ?? "")" } == ["政务云 UB", "政务云 Coach"])
        let text = try cli.ok("stakeholder", "list", "市数据局")
        #expect(text.contains("孙丽 🌸"))
    }

    @Test("deals: move through stages with history, show, list, close")
    func deals() throws {
        try cli.ok("deal", "move", "政务云", "approval", "--on", "2026-04-01")
        try cli.ok("deal", "move", "政务云", "intention", "--on", "2026-05-01")
        let shown = try #require(try cli.json("deal", "show", "政务云") as? [String: Any])
        let deal = try #require(shown["deal"] as? [String: Any])
        #expect(deal["stage"] as? String == "intention")
        #expect((deal["history"] as? [[String: Any]])?.map { $0["stage"] as? String } == ["needs", "approval", "intention"])
        #expect(deal["amount"] as? Double == 3_800_000)
        try cli.ok("deal", "close", "政务云", "lost", "--reason", "预算取消", "--on", "2026-06-01")
        let list = try #require(try cli.json("deal", "list", "--status", "lost") as? [[String: Any]])
        #expect(list.first?["status"] as? String == "lost")
        let again = try cli.run("deal", "move", "政务云", "bidding")
        #expect(again.status == 65)
    }

    @Test("roles: set, refuse a second EB, replace, list with history, clear")
    func roles() throws {
        try cli.ok("role", "set", "政务云", "王局长", "EB", "--influence", "high", "--stance", "supporter", "--rating", "3", "--win", "考核排名", "--on", "2026-03-02")
        try cli.ok("role", "set", "政务云", "李处长", "TB", "--stance", "skeptic", "--rating", "-2", "--on", "2026-03-03")
        let second = try cli.run("role", "set", "政务云", "李处长", "EB")
        #expect(second.status == 65)
        #expect(second.stderr.contains("already has an EB"))
        try cli.ok("role", "set", "政务云", "李处长", "TB", "--stance", "supporter", "--on", "2026-04-03")
        let chain = try #require(try cli.json("role", "list", "政务云") as? [[String: Any]])
        #expect(chain.map { $0["role"] as? String } == ["EB", "TB"])
        #expect(chain[1]["stance"] as? String == "supporter")
        #expect(chain[1]["rating"] as? Int == -2)
        let history = try #require(try cli.json("role", "list", "政务云", "--history") as? [[String: Any]])
        #expect(history.compactMap { $0["stance"] as? String } == ["supporter", "skeptic", "supporter"])
        try cli.ok("role", "set", "政务云", "李处长", "EB", "--replace")
        try cli.ok("role", "clear", "政务云", "李处长", "TB")
        let after = try #require(try cli.json("role", "list", "政务云") as? [[String: Any]])
        #expect(after.map { "\($0["role"] ?? "") \($0["stakeholder"] ?? "")" } == ["EB 李处长"])
        #expect(try cli.run("role", "clear", "政务云", "王局长").status == 65)  // the replaced EB has no role left
    }

    @Test("log: one command stores the touchpoint, emotions, quotes, pain points and needs")
    func log() throws {
        try cli.ok("deal", "move", "政务云", "contract", "--on", "2026-08-12")
        let out = try cli.ok("log", "市数据局", "--channel", "contract-review", "--on", "2026-08-14 10:00", "--summary", "合同评审",
                             "--with", "李处长:-2:frustrated", "--with", "王局长:1", "--quote", "李处长:条款不清楚，签不了字",
                             "--pain", "李处长:合同条款不清晰:high", "--need", "王局长:月底前签约")
        #expect(out.contains("stage contract"))
        let timeline = try #require(try cli.json("touchpoints", "市数据局") as? [[String: Any]])
        let tp = try #require(timeline.last)
        #expect(tp["stage"] as? String == "contract")
        let people = try #require(tp["participants"] as? [[String: Any]])
        let li = try #require(people.first { $0["stakeholder"] as? String == "李处长" })
        #expect(li["emotion"] as? Int == -2)
        #expect(li["emotion_label"] as? String == "frustrated")
        #expect(li["quote"] as? String == "条款不清楚，签不了字")
        let pains = try #require(try cli.json("pain", "list", "市数据局", "--open") as? [[String: Any]])
        #expect(Set(pains.compactMap { $0["kind"] as? String }) == ["pain", "need"])
        let pain = try #require(pains.first { $0["kind"] as? String == "pain" })
        #expect(pain["severity"] as? String == "high")
        let id = try #require(pain["id"] as? Int)
        try cli.ok("pain", "respond", String(id), "发送条款说明")
        try cli.ok("pain", "resolve", String(id))
        let open = try #require(try cli.json("pain", "list", "市数据局", "--open") as? [[String: Any]])
        #expect(open.count == 1)
        // --since filters the timeline.
        #expect((try cli.json("touchpoints", "市数据局", "--since", "2026-09-01") as? [Any])?.isEmpty == true)
    }

    @Test("Chinese labels and aligned columns with --lang zh")
    func chinese() throws {
        try cli.ok("role", "set", "政务云", "王局长", "EB", "--stance", "supporter")
        let text = try cli.ok("role", "list", "政务云", "--lang", "zh")
        #expect(text.contains("决策链"))
        #expect(text.contains("EB 决策者"))
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("角色") })
        let row = try #require(lines.first { $0.hasPrefix("EB 决策者") })
        // The stakeholder column starts at the same display column in header and row.
        func column(_ line: String, of word: String) -> Int {
            var w = 0
            for ch in line.prefix(upTo: line.range(of: word)!.lowerBound) { w += ch.unicodeScalars.first!.value > 0x2E80 ? 2 : 1 }
            return w
        }
        #expect(column(header, of: "干系人") == column(row, of: "王局长"))
    }

    @Test("ambiguous and unknown references fail and list the candidates")
    func references() throws {
        try cli.ok("stakeholder", "add", "市数据局", "王局长", "--title", "另一位王局长", "--distinct")
        let r = try cli.run("log", "市数据局", "--channel", "call", "--with", "王局长")
        #expect(r.status == 65)
        #expect(r.stderr.contains("ambiguous") && r.stderr.contains("另一位王局长"))
        let u = try cli.run("account", "show", "市数据")
        #expect(u.status == 65)
        #expect(u.stderr == "dchain: account \"市数据\" not found; did you mean \"市数据局\"?\n")
    }
}
