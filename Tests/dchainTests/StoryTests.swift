import Foundation
import Testing
import TestSupport

/// The story of issue 13, entered from scratch as a new user would: a city data
/// bureau's cloud platform. On 2025-10-29 the EB has not been contacted for 70
/// days, a high-severity pain has waited 238 days for a response, one of the two
/// TBs fell to −3 at the contract review, and somebody lobbied the buyer in bidding.
enum Story {
    static let account = "市大数据局"
    static let deal = "政务云数据平台项目"
    static let today = "2025-10-29"

    /// Builds the story's phases `from`…`until` (1: up to bidding on 2025-07-01; 2: bidding to the contract
    /// review; 3: the back-dated move to contract, a Coach, October), so a test can compare a database as it
    /// was with `--as-of`.
    static func load(_ cli: CLI, from first: Int = 1, until phase: Int = 3) throws {
        let a = account, d = deal
        func q(_ args: String...) throws {
            let r = try cli.run(args)
            guard r.status == 0 else { throw SubprocessError(message: "dchain \(args.joined(separator: " ")) failed: \(r)") }
        }
        if first <= 1 && phase >= 1 {
            try q("account", "add", a, "--kind", "government", "--code", "SDJ-13")
            try q("stakeholder", "add", a, "王局长", "--title", "局长", "--level", "executive", "--phone", "0571-8800-0001",
                  "--email", "wang@example.gov.cn", "--wechat", "wangjz")
            try q("stakeholder", "add", a, "李处长", "--title", "信息化处处长", "--level", "manager")
            try q("stakeholder", "add", a, "张工", "--title", "高级工程师", "--level", "staff")
            try q("stakeholder", "add", a, "刘科长", "--title", "数据科科长", "--level", "manager")
            try q("stakeholder", "add", a, "陈工", "--title", "工程师", "--level", "staff")
            try q("deal", "add", a, d, "--pipeline", "government", "--method", "public-tender", "--amount", "3800000", "--on", "2025-03-01")
            try q("role", "set", d, "王局长", "EB", "--account", a, "--influence", "high", "--stance", "supporter", "--on", "2025-03-01")
            try q("role", "set", d, "李处长", "TB", "--account", a, "--influence", "high", "--stance", "neutral", "--on", "2025-03-01")
            try q("role", "set", d, "张工", "TB", "--account", a, "--influence", "medium", "--stance", "supporter", "--on", "2025-03-01")
            try q("role", "set", d, "刘科长", "UB", "--account", a, "--influence", "medium", "--stance", "supporter", "--on", "2025-03-01")
            try q("log", a, "--deal", d, "--channel", "visit", "--on", "2025-03-05 10:00", "--summary", "首次拜访",
                  "--with", "刘科长:1:interested", "--pain", "刘科长:跨部门数据无法共享:high")
            try q("deal", "move", d, "approval", "--account", a, "--on", "2025-04-01")
            try q("deal", "move", d, "specification", "--account", a, "--on", "2025-05-10")
            try q("log", a, "--deal", d, "--channel", "meeting", "--on", "2025-05-20 10:00", "--summary", "需求论证",
                  "--with", "李处长:1:interested", "--with", "张工:1:interested")
            try q("deal", "move", d, "tender-notice", "--account", a, "--on", "2025-06-20")
            try q("deal", "move", d, "bidding", "--account", a, "--on", "2025-07-01")
        }
        if first <= 2 && phase >= 2 {
            // Lobbying in the quiet period of bidding, and a bid clarification (allowed).
            try q("log", a, "--deal", d, "--channel", "visit", "--on", "2025-07-10 15:00", "--summary", "投标期间拜访局长",
                  "--with", "王局长:1:interested")
            try q("log", a, "--deal", d, "--channel", "bid-clarification", "--on", "2025-07-12 10:00", "--summary", "投标澄清",
                  "--with", "李处长:0:neutral")
            try q("deal", "move", d, "evaluation", "--account", a, "--on", "2025-07-20")
            try q("deal", "move", d, "award", "--account", a, "--on", "2025-08-01")
            // Logged while the deal is still recorded at award: the move below, back-dated, must restage it.
            try q("log", a, "--deal", d, "--channel", "contract-review", "--on", "2025-08-20 10:00", "--summary", "合同评审",
                  "--with", "王局长:1:neutral", "--with", "李处长:-3:frustrated", "--with", "张工:1:interested",
                  "--quote", "李处长:验收标准写得不清楚，这合同我签不了")
        }
        if first <= 3 && phase >= 3 {
            try q("deal", "move", d, "contract", "--account", a, "--on", "2025-08-10")
            try q("role", "set", d, "陈工", "Coach", "--account", a, "--influence", "low", "--stance", "champion", "--on", "2025-09-01")
            try q("log", a, "--deal", d, "--channel", "wechat", "--on", "2025-10-25 20:00", "--summary", "教练通报",
                  "--with", "陈工:2:trusting")
        }
    }

    static let shared = Result { () throws -> CLI in
        let cli = try CLI.fresh("story13")
        try load(cli)
        return cli
    }
}

@Suite("issue 13's story: views a manager can trust")
struct StoryTests {
    func flags(_ doc: Any?) throws -> [[String: Any]] { try #require((doc as? [String: Any])?["red_flags"] as? [[String: Any]]) }

    @Test("the deal sheet and the pipeline report flag the 70-day EB gap and the 238-day pain with their dates; no strength contradicts")
    func redFlags() throws {
        let cli = try Story.shared.get()
        let sheet = try #require(try cli.json("report", "deal", Story.deal, "--account", Story.account, "--today", Story.today) as? [String: Any])
        let sheetFlags = try flags(sheet)
        let eb = try #require(sheetFlags.first { $0["key"] as? String == "overdue-contact" && ($0["why"] as? String ?? "").contains("王局长") })
        #expect((eb["why"] as? String ?? "").contains("2025-08-20") && (eb["why"] as? String ?? "").contains("70 days"), "\(eb)")
        #expect(eb["since"] as? String == "2025-08-20")
        let pain = try #require(sheetFlags.first { $0["key"] as? String == "unanswered-pain" })
        #expect((pain["why"] as? String ?? "").contains("2025-03-05") && (pain["why"] as? String ?? "").contains("238 days"), "\(pain)")
        // The visit to the EB in bidding is flagged; the bid clarification is not.
        let quiet = sheetFlags.filter { $0["key"] as? String == "quiet-stage-contact" }
        #expect(quiet.count == 1 && (quiet.first?["why"] as? String ?? "").contains("2025-07-10"), "\(quiet)")
        let strengths = try #require(sheet["strengths"] as? [[String: Any]]).compactMap { $0["key"] as? String }
        #expect(!strengths.contains("eb-engaged"), "the EB is overdue: not engaged")
        #expect(strengths.contains("coach-active"), "the Coach was contacted 4 days ago")

        let report = try cli.json("report", "pipeline", "--today", Story.today)
        let mine = try flags(report).filter { $0["deal"] as? String == Story.deal }
        #expect(mine.contains { $0["flag"] as? String == "overdue-contact" && ($0["why"] as? String ?? "").contains("王局长")
            && ($0["why"] as? String ?? "").contains("2025-08-20") })
        #expect(mine.contains { $0["flag"] as? String == "unanswered-pain" && ($0["since"] as? String) == "2025-03-05" })
        #expect(mine.contains { $0["flag"] as? String == "quiet-stage-contact" })
        // The same facts, the same flags: the sheet and the report agree.
        #expect(Set(sheetFlags.compactMap { $0["key"] as? String }) == Set(mine.compactMap { $0["flag"] as? String }))
        // The plan agrees: the EB's overdue contact is an item, as on the sheet.
        let plan = try #require(try cli.json("plan", Story.account, "--today", Story.today) as? [String: Any])
        let items = try #require(plan["items"] as? [[String: Any]])
        #expect(items.contains { $0["rule"] as? String == "stale-contact" && $0["stakeholder"] as? String == "王局长" })
    }

    @Test("the map carries the TB's −3 at the contract review as −3 for that person, in JSON, SVG and text")
    func emotionOfPeople() throws {
        let cli = try Story.shared.get()
        let map = try #require(try cli.json("map", Story.account, "--today", Story.today) as? [String: Any])
        let stages = try #require(map["stages"] as? [[String: Any]])
        let contract = try #require(stages.first { $0["key"] as? String == "contract" })
        let people = try #require(contract["emotion_people"] as? [[String: Any]])
        let li = try #require(people.first { $0["name"] as? String == "李处长" })
        #expect(li["emotion"] as? Int == -3 && li["carried"] as? Bool == false, "\(li)")
        let lows = try #require(contract["emotion_lows"] as? [[String: Any]])
        let tb = try #require(lows.first { $0["role"] as? String == "TB" })
        #expect(tb["emotion"] as? Int == -3 && (tb["people"] as? [String]) == ["李处长"], "the TB line shows −3, not the mean of two TBs")
        #expect(((contract["emotion"] as? [String: Any])?["TB"] as? Double) == -1, "the mean is still there: (−3 + 1) / 2")
        // Where the TBs were not met (evaluation), their line is carried, not gone.
        let evaluation = try #require(stages.first { $0["key"] as? String == "evaluation" })
        let carried = (evaluation["emotion_lows"] as? [[String: Any]] ?? []).first { $0["role"] as? String == "TB" }
        #expect(carried?["carried"] as? Bool == true, "\(evaluation["emotion_lows"] ?? "")")
        let svg = try cli.ok("map", Story.account, "--today", Story.today, "--format", "svg")
        #expect(svg.contains("data-emotion=\"-3\""), "a solid −3 point")
        #expect(svg.contains("-3 李处长"), "the −3 is labelled with the person")
        let text = try cli.ok("map", Story.account, "--today", Story.today)
        #expect(text.contains("TB -3 李处长"))
    }

    @Test("CSV opens in Excel: a UTF-8 BOM unless --no-bom; the stakeholder CSV has every field of its JSON")
    func csv() throws {
        let cli = try Story.shared.get()
        let csv = try cli.ok("stakeholder", "list", Story.account, "--format", "csv")
        #expect(csv.hasPrefix("\u{FEFF}id,"))
        let json = try #require(try cli.json("stakeholder", "list", Story.account) as? [[String: Any]])
        let header = csv.dropFirst().components(separatedBy: "\r\n")[0].components(separatedBy: ",")
        // JSON leaves out null fields: every key any stakeholder's JSON has is a CSV column.
        #expect(Set(json.flatMap(\.keys)).isSubset(of: Set(header)), "\(header) vs \(Set(json.flatMap(\.keys)))")
        #expect(Set(json.flatMap(\.keys)).count >= 8 && header.count == Set(header).count)
        #expect(csv.contains("0571-8800-0001") && csv.contains("wang@example.gov.cn") && csv.contains("wangjz"))
        #expect(try cli.ok("stakeholder", "list", Story.account, "--format", "csv", "--no-bom").hasPrefix("id,"))
        let plan = try cli.ok("plan", Story.account, "--today", Story.today, "--format", "csv")
        #expect(plan.hasPrefix("\u{FEFF}"))
    }

    @Test("report pipeline and report deal fit a 100-column terminal, Chinese included")
    func width() throws {
        let cli = try Story.shared.get()
        /// Display columns: East Asian wide characters take two.
        func columns(_ line: Substring) -> Int {
            line.unicodeScalars.reduce(0) { n, u in n + ((0x1100...0x115F).contains(u.value) || (0x2E80...0xA4CF).contains(u.value)
                || (0xAC00...0xD7A3).contains(u.value) || (0xF900...0xFAFF).contains(u.value) || (0xFF00...0xFF60).contains(u.value)
                || (0xFFE0...0xFFE6).contains(u.value) ? 2 : 1) }
        }
        for args in [["report", "pipeline", "--today", Story.today], ["report", "deal", Story.deal, "--account", Story.account, "--today", Story.today],
                     ["report", "deal", Story.deal, "--account", Story.account, "--today", Story.today, "--lang", "zh"]] {
            let r = try cli.run(args, env: ["COLUMNS": "100"])
            #expect(r.status == 0, "\(r)")
            let wide = r.stdout.split(separator: "\n").filter { columns($0) > 100 }
            #expect(wide.isEmpty, "\(args.joined(separator: " ")): \(wide.joined(separator: "\n"))")
        }
    }

    @Test("no contact opportunity in bidding or evaluation; the back-dated move restaged the contract review")
    func procurement() throws {
        let cli = try Story.shared.get()
        let map = try #require(try cli.json("map", Story.account, "--all", "--today", Story.today) as? [String: Any])
        let stages = try #require(map["stages"] as? [[String: Any]])
        for stage in stages where ["bidding", "evaluation"].contains(stage["key"] as? String ?? "") {
            #expect(stage["quiet"] as? Bool == true)
            let kinds = (stage["opportunities"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(!kinds.contains("uncovered-role"), "\(stage["key"] ?? ""): \(kinds)")
        }
        let contract = try #require(stages.first { $0["key"] as? String == "contract" })
        let summaries = (contract["touchpoints"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
        #expect(summaries.contains("合同评审"), "logged at award, restaged to contract by the back-dated move")
        #expect(try cli.count("""
            SELECT count(*) FROM touchpoint t JOIN stage s ON s.id = t.stage_id WHERE t.summary = '合同评审' AND s.key = 'contract'
            """) == 1)
    }
}

@Suite("issue 13's story: time travel")
struct StoryTimeTravelTests {
    @Test("plan and report deal --as-of a past day equal what a database holding only the facts up to that day said")
    func asOf() throws {
        let cli = try CLI.fresh("story13asof")
        try Story.load(cli, until: 1)
        let day = "2025-07-05"
        let planThen = try cli.ok("plan", Story.account, "--today", day, "--format", "json")
        let sheetThen = try cli.ok("report", "deal", Story.deal, "--account", Story.account, "--today", day, "--format", "json")
        let reportThen = try cli.ok("report", "pipeline", "--today", day, "--section", "red_flags", "--format", "json")
        // In bidding (quiet) the plan asks nobody to be contacted.
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(planThen.utf8)) as? [String: Any])
        let rules = (doc["items"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.isEmpty && !rules.contains("stale-contact") && !rules.contains("single-threaded") && !rules.contains("top-down"), "\(rules)")
        // Later facts arrive: the lobbying visit, the contract review, a back-dated move, a new Coach.
        try Story.load(cli, from: 2, until: 3)
        #expect(try cli.ok("plan", Story.account, "--as-of", day, "--format", "json") == planThen)
        #expect(try cli.ok("report", "deal", Story.deal, "--account", Story.account, "--as-of", day, "--format", "json") == sheetThen)
        #expect(try cli.ok("report", "pipeline", "--as-of", day, "--section", "red_flags", "--format", "json") == reportThen)
        // And today's plan is not the plan of then.
        #expect(try cli.ok("plan", Story.account, "--today", Story.today, "--format", "json") != planThen)
    }
}
