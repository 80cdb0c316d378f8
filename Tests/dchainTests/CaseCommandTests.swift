import Foundation
import Testing
import TestSupport

/// A shipped case as the trainer sees it through the CLI: the brief (account,
/// deal, rounds and their days) and the answer key (`case answer --format json`).
private struct PlayedCase {
    let id: String
    let account: String
    let deal: String
    let days: [String]
    let key: [String: Any]

    init(_ cli: CLI, _ id: String) throws {
        self.id = id
        let brief = try #require(try cli.json("case", "show", id) as? [String: Any])
        account = try #require(brief["account"] as? String)
        deal = try #require(brief["deal"] as? String)
        days = try #require(brief["rounds"] as? [[String: Any]]).compactMap { $0["today"] as? String }
        let answer = try #require(try cli.json("case", "answer", id) as? [String: Any])
        key = try #require(answer["key"] as? [String: Any])
    }

    var lastDay: String { days.last ?? "" }
    func list(_ name: String) -> [[String: Any]] { key[name] as? [[String: Any]] ?? [] }

    /// Releases every round of the trainee's case.
    func releaseAll(_ cli: CLI, trainee: String) throws {
        for _ in days.dropFirst() { try cli.ok("case", "next", "--trainee", trainee) }
    }

    /// Works the case exactly as its key says: the roles (with influence and
    /// stance where given), a plan accepted on the last round's day, a contact
    /// with every person the key wants covered, and the moment of truth.
    func followKey(_ cli: CLI, trainee: String) throws {
        let ws = "case-" + trainee
        for r in list("roles") {
            var args = ["role", "set", deal, r["stakeholder"] as! String, r["role"] as! String, "--account", account,
                        "--workspace", ws, "--on", lastDay]
            if let i = r["influence"] as? String { args += ["--influence", i] }
            if let s = r["stance"] as? String { args += ["--stance", s] }
            let result = try cli.run(args)
            #expect(result.status == 0, "\(result)")
        }
        try cli.ok("plan", "accept", account, "--today", lastDay, "--workspace", ws)
        for name in key["coverage"] as? [String] ?? [] {
            try cli.ok("log", account, "--deal", deal, "--channel", "visit", "--with", name, "--on", lastDay + " 16:00", "--workspace", ws)
        }
        let moment = try #require(list("moments_of_truth").first)
        try cli.ok("case", "submit", "--trainee", trainee, "--moment", moment["stage"] as! String,
                   "--stakeholder", moment["stakeholder"] as! String, "--why", "the deepest dip")
    }
}

private func grade(_ cli: CLI, _ trainee: String) throws -> [String: Any] {
    try #require(try cli.json("case", "grade", "--trainee", trainee) as? [String: Any])
}

private func earned(_ grade: [String: Any]) -> [String: Double] {
    var out: [String: Double] = [:]
    for c in grade["criteria"] as? [[String: Any]] ?? [] { out[c["criterion"] as? String ?? ""] = c["earned"] as? Double }
    return out
}

@Suite("dchain case end to end")
struct CaseCommandTests {
    @Test("two trainees on the government case: the one who follows the key scores 100, the other is debriefed point by point, the board shows both, neither sees the other's data")
    func twoTrainees() throws {
        let cli = try CLI.fresh("casetwo")
        let c = try PlayedCase(cli, "gov-contract-dip")
        for t in ["ann", "bob"] {
            let out = try cli.ok("case", "start", c.id, "--trainee", t)
            #expect(out.contains("round 1 of 3") && out.contains("workspace case-\(t)") && out.contains("--today 2026-04-10"))
        }
        // Round 1 only: the dip at contract negotiation is not visible yet.
        #expect(try cli.count("SELECT count(*) FROM ws_case_ann.touchpoint") == 5)
        #expect(try cli.count("SELECT count(*) FROM ws_case_ann.participant WHERE emotion <= -2") == 0)
        try c.releaseAll(cli, trainee: "ann")
        try c.releaseAll(cli, trainee: "bob")
        #expect(try cli.count("SELECT count(*) FROM ws_case_ann.touchpoint") == 15)

        try c.followKey(cli, trainee: "ann")
        // bob takes the visible deputy for the EB, misses the IT head and never names the moment of truth.
        let bob = ["--account", c.account, "--workspace", "case-bob", "--on", c.lastDay]
        for (person, role) in [("吴海涛", "EB"), ("马骏", "TB"), ("郑琳", "UB")] {
            let r = try cli.run(["role", "set", c.deal, person, role] + bob)
            #expect(r.status == 0, "\(r)")
        }
        try cli.ok("plan", "accept", c.account, "--today", c.lastDay, "--workspace", "case-bob")

        let a = try grade(cli, "ann")
        #expect(a["total"] as? Double == 100 && a["possible"] as? Int == 100)
        #expect((a["lost_points"] as? [Any])?.isEmpty == true)

        let b = try grade(cli, "bob")
        // Roles: 马骏 and 郑琳 right (2 of 6 shares), 吴海涛 as EB costs a share: 40 × 2/12.
        #expect(earned(b) == ["roles": 6.67, "coverage": 9, "moment": 0, "plan": 8.33])
        #expect(b["total"] as? Double == 24)
        let lost = try #require(b["lost_points"] as? [[String: Any]])
        let total = lost.compactMap { $0["lost"] as? Double }.reduce(0, +)
        #expect(abs(total - 76) < 0.05, "every lost point is explained")
        #expect(lost.contains { ($0["subject"] as? String) == "周振华 · EB" && ($0["note"] as? String)?.contains("you named 吴海涛 as EB") == true })
        #expect(lost.contains { ($0["subject"] as? String) == "negative-emotion · 何静 · contract" && ($0["why"] as? String)?.isEmpty == false })
        let text = try cli.ok("case", "grade", "--trainee", "bob")
        #expect(text.contains("Debrief: every lost point") && text.contains("-20.0 moment of truth"))

        let board = try #require(try cli.json("case", "board", c.id) as? [String: Any])
        let rows = try #require(board["trainees"] as? [[String: Any]])
        #expect(rows.map { $0["trainee"] as? String } == ["ann", "bob"])
        #expect(rows.map { $0["total"] as? Double } == [100, 24])
        #expect(try cli.ok("case", "board", c.id, "--format", "csv").hasPrefix("\u{FEFF}trainee,round,rounds,roles,coverage,moment,plan,total\r\nann,3,3,40.0,15.0,20.0,25.0,100.0\r\n"))

        // Isolation: each trainee sees only their own roles; the live data has none of it.
        let annChain = try #require(try cli.json("role", "list", c.deal, "--account", c.account, "--workspace", "case-ann") as? [[String: Any]])
        let bobChain = try #require(try cli.json("role", "list", c.deal, "--account", c.account, "--workspace", "case-bob") as? [[String: Any]])
        #expect(annChain.count == 6 && bobChain.count == 3)
        #expect(!bobChain.contains { $0["stakeholder"] as? String == "周振华" })
        #expect(annChain.contains { $0["stakeholder"] as? String == "周振华" && $0["role"] as? String == "EB" })
        #expect(try cli.count("SELECT count(*) FROM public.account") == 0)
        #expect(try cli.ok("account", "list").contains("(none)"))
        #expect(try cli.count("SELECT count(*) FROM ws_case_bob.plan_item WHERE owner = 'bob'") > 0)
    }

    @Test("each shipped case validates and is played through to a full score by following its answer key",
          arguments: ["gov-contract-dip", "platform-signup-dropoff", "soe-hidden-eb"])
    func fullScore(id: String) throws {
        let cli = try CLI.fresh("caseplay")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("cases/\(id).json").path
        #expect(try cli.ok("case", "validate", path).hasPrefix("\(path): ok (\(id):"))

        let c = try PlayedCase(cli, id)
        try cli.ok("case", "start", path, "--trainee", "player")
        try c.releaseAll(cli, trainee: "player")
        try c.followKey(cli, trainee: "player")
        let g = try grade(cli, "player")
        let lost = g["lost_points"] as? [[String: Any]] ?? []
        #expect(g["total"] as? Double == 100, "lost: \(lost.map { "\($0["subject"] ?? ""): \($0["note"] ?? "")" })")
        #expect(lost.isEmpty)
        #expect(g["round"] as? Int == c.days.count)
    }

    @Test("a broken case file: validate names the file, the path and the problem; start refuses it and writes nothing")
    func brokenFile() throws {
        let cli = try CLI.fresh("casebad")
        // Start from the shipped file and break three things.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("cases/gov-contract-dip.json"))) as? [String: Any])
        var account = try #require(doc["account"] as? [String: Any])
        account.removeValue(forKey: "kind")
        doc["account"] = account
        var key = try #require(doc["key"] as? [String: Any])
        var roles = try #require(key["roles"] as? [[String: Any]])
        roles[0]["role"] = "Boss"
        key["roles"] = roles
        doc["key"] = key
        var touchpoints = try #require(doc["touchpoints"] as? [[String: Any]])
        var participants = try #require(touchpoints[3]["participants"] as? [[String: Any]])
        participants[0]["stakeholder"] = "王五"
        touchpoints[3]["participants"] = participants
        doc["touchpoints"] = touchpoints
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }

        let v = try cli.run("case", "validate", file)
        #expect(v.status == 65)
        #expect(v.stdout == """
            \(file): $.account.kind: is missing
            \(file): $.touchpoints[3].participants[0].stakeholder: names "王五", who is not among the stakeholders
            \(file): $.key.roles[0].role: "Boss" is not one of EB, TB, UB, Coach

            """)
        #expect(v.stderr.hasPrefix("dchain: case file"))

        let s = try cli.run("case", "start", file, "--trainee", "carl")
        #expect(s.status == 65)
        #expect(s.stderr.contains("\(file): $.key.roles[0].role: \"Boss\" is not one of EB, TB, UB, Coach"))
        #expect(s.stderr.contains("has 3 problems; nothing was loaded"))
        #expect(try cli.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'ws_case_carl'") == 0)
        #expect(try cli.count("SELECT count(*) FROM account") == 0)
    }

    @Test("rounds end, trainees are checked, submissions are checked, and reset drops the workspace")
    func lifecycle() throws {
        let cli = try CLI.fresh("caselife")
        try cli.ok("case", "start", "soe-hidden-eb", "--trainee", "dan")
        let again = try cli.run("case", "start", "gov-contract-dip", "--trainee", "dan")
        #expect(again.status == 65 && again.stderr.contains("already works case soe-hidden-eb (round 1 of 3)"))
        #expect(try cli.ok("case", "next", "--trainee", "dan").contains("round 2 of 3 (Solution and demo): 4 touchpoints, deal at stage solution"))
        try cli.ok("case", "next", "--trainee", "dan")
        let past = try cli.run("case", "next", "--trainee", "dan")
        #expect(past.status == 65 && past.stderr.contains("all 3 rounds are released"))

        let stranger = try cli.run("case", "grade", "--trainee", "eve")
        #expect(stranger.status == 65 && stranger.stderr.contains("case trainee \"eve\" not found; did you mean \"dan\"?"))
        #expect(try cli.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'ws_case_eve'") == 0)
        // Chinese names work: the workspace is the quoted schema ws_case_张三.
        try cli.ok("case", "start", "soe-hidden-eb", "--trainee", "张三")
        #expect(try cli.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'ws_case_张三'") == 1)
        #expect(try cli.ok("account", "list", "--workspace", "case-张三").contains("\n"))
        try cli.ok("case", "reset", "--trainee", "张三")
        #expect(try cli.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'ws_case_张三'") == 0)
        let badName = try cli.run("case", "start", "soe-hidden-eb", "--trainee", "bad name!")
        #expect(badName.status == 65 && badName.stderr.contains("trainee \"bad name!\" must be 1 to 18 letters"))
        let unknown = try cli.run("case", "start", "no-such-case", "--trainee", "fay")
        #expect(unknown.status == 65 && unknown.stderr.contains("is neither a shipped case (gov-contract-dip, platform-signup-dropoff, soe-hidden-eb)"))

        let badStage = try cli.run("case", "submit", "--trainee", "dan", "--moment", "demo", "--stakeholder", "孙卫东")
        #expect(badStage.status == 65 && badStage.stderr.contains("moment \"demo\" is not a stage of pipeline enterprise"))
        let nobody = try cli.run("case", "submit", "--trainee", "dan", "--moment", "solution", "--stakeholder", "王五")
        #expect(nobody.status == 65)
        #expect(try cli.ok("case", "submit", "--trainee", "dan", "--moment", "solution", "--stakeholder", "孙卫东")
            .contains("moment of truth is 孙卫东 at solution"))
        #expect(earned(try grade(cli, "dan"))["moment"] == 15)

        #expect(try cli.ok("case", "reset", "--trainee", "dan").contains("dropped workspace case-dan (case soe-hidden-eb, round 3 of 3)"))
        #expect(try cli.count("SELECT count(*) FROM pg_namespace WHERE nspname = 'ws_case_dan'") == 0)
        #expect(try cli.run("case", "reset", "--trainee", "dan").status == 65)
        let board = try #require(try cli.json("case", "board", "soe-hidden-eb") as? [String: Any])
        #expect((board["trainees"] as? [Any])?.isEmpty == true)
    }

    @Test("case list and show need no database: ids, titles and kinds; the brief never gives the answer away")
    func listAndShow() throws {
        let cli = CLI(conninfo: "host=/nonexistent-dchain-socket dbname=none")
        let list = try #require(try cli.json("case", "list") as? [[String: String]])
        #expect(list.map { $0["id"] } == ["gov-contract-dip", "platform-signup-dropoff", "soe-hidden-eb"])
        #expect(list.map { $0["kind"] } == ["government", "enterprise", "soe"])
        #expect(list.allSatisfy { Set($0.keys) == ["id", "title", "kind"] })
        let zh = try cli.ok("case", "show", "soe-hidden-eb", "--lang", "zh")
        #expect(zh.contains("国有能源企业：藏在联系人之上的决策者") && zh.contains("dchain case start soe-hidden-eb --trainee NAME"))
        #expect(!zh.contains("高建平"), "the brief must not name the hidden EB")
        let answer = try cli.ok("case", "answer", "soe-hidden-eb")
        #expect(answer.contains("EB 高建平") && answer.contains("TB 孙卫东 (influence high, stance skeptic)"))
    }
}
