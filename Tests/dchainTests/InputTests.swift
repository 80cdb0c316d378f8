import Foundation
import Testing
import TestSupport

/// Typing as reps type: names that look alike are one name, bad bytes are
/// refused, amounts in 万/亿, ISO 8601 times, Chinese vocabulary, did-you-mean.
@Suite("Forgiving input, never guessing wrong")
struct InputTests {
    let cli: CLI

    init() throws {
        cli = try CLI.fresh("input")
        try cli.ok("account", "add", "市数据局", "--kind", "政府")
        try cli.ok("stakeholder", "add", "市数据局", "刘主任", "--title", "主任", "--level", "处级")
        try cli.ok("stakeholder", "add", "市数据局", "李敏", "--title", "处长")
        try cli.ok("unit", "add", "市数据局", "信息技术处")
        try cli.ok("deal", "add", "市数据局", "数据中台", "--pipeline", "政府", "--amount", "650万", "--stage", "立项")
    }

    func rows() throws -> Int {
        try SQL(cli.conninfo).int("""
            SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM stakeholder) + (SELECT count(*) FROM deal)
                 + (SELECT count(*) FROM deal_stage_history) + (SELECT count(*) FROM touchpoint) + (SELECT count(*) FROM pain_point)
                 + (SELECT count(*) FROM unit) + (SELECT count(*) FROM audit_log)
            """)
    }

    /// Runs a refused command: its exit code, one stderr line, nothing written.
    func refused(_ args: [String], _ code: Int32, mentions: String, env: [String: String] = [:]) throws {
        let before = try rows()
        let r = try cli.run(args, env: env)
        #expect(r.status == code, "\(args): \(r)")
        #expect(r.stderr.hasPrefix("dchain: ") && r.stderr.contains(mentions), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}"))
        #expect(try rows() == before)
    }

    @Test("Chinese labels and amounts in 万 went in as keys and exact amounts")
    func stored() throws {
        let sql = try SQL(cli.conninfo)
        #expect(try sql.strings("SELECT kind::text FROM account") == ["government"])
        #expect(try sql.strings("SELECT level::text FROM stakeholder WHERE name = '刘主任'") == ["manager"])
        #expect(try sql.strings("SELECT s.key || ' ' || d.amount FROM deal d JOIN stage s ON s.id = d.stage_id") == ["approval 6500000.00"])
        try cli.ok("deal", "add", "市数据局", "二期", "--pipeline", "government", "--amount", "¥1.2亿")
        try cli.ok("deal", "add", "市数据局", "三期", "--pipeline", "government", "--amount", "4,800,000")
        #expect(try sql.strings("SELECT amount::text FROM deal WHERE name IN ('二期', '三期') ORDER BY id") == ["120000000.00", "4800000.00"])
    }

    @Test("Café composed and decomposed is one account; a trailing space still finds it")
    func sameName() throws {
        try cli.ok("account", "add", "Café", "--kind", "enterprise")
        try refused(["account", "add", "Cafe\u{301}", "--kind", "enterprise"], 65, mentions: "already exists")
        #expect(try cli.ok("account", "show", "Cafe\u{301}").contains("Café"))
        #expect(try cli.ok("touchpoints", "市数据局 ").contains("市数据局"))
        #expect(try cli.ok("stakeholder", "show", "市数据局", " 刘主任").contains("刘主任"))
    }

    @Test("names with control characters, newlines, escapes or broken UTF-8 are refused with 65, naming the field", arguments: [
        (["account", "add", "A\nB", "--kind", "soe"], "name \"A\\nB\""),
        (["account", "add", "\u{1B}[31mRed", "--kind", "soe"], "name \"\\u{1B}[31mRed\""),
        (["stakeholder", "add", "市数据局", "王\u{7}", "--title", "x"], "name"),
        (["unit", "add", "市数据局", "处\u{FFFD}"], "not valid UTF-8"),
        (["deal", "add", "市数据局", "新\r项目", "--pipeline", "government"], "name"),
        (["log", "市数据局", "--channel", "call", "--with", "李敏\u{1B}[2J"], "with"),
        (["touchpoints", "市\n数据局"], "account"),
        (["log", "市数据局", "--channel", "call", "--with", "李敏", "--summary", "看\u{1B}[2J"], "summary"),
    ])
    func controlCharacters(_ args: [String], _ mentions: String) throws {
        try refused(args, 65, mentions: mentions)
    }

    @Test("a miss of any name suggests the nearest one", arguments: [
        (["log", "市数据局", "--channel", "visit", "--with", "刘主人"], "did you mean \"刘主任\""),
        (["stakeholder", "show", "市数据局", "李明"], "did you mean \"李敏\""),
        (["touchpoints", "市数据据"], "did you mean \"市数据局\""),
        (["deal", "show", "数据中台x"], "did you mean \"数据中台\""),
        (["unit", "add", "市数据局", "数据科", "--parent", "信息技术"], "did you mean \"信息技术处\""),
    ])
    func didYouMean(_ args: [String], _ mentions: String) throws {
        try refused(args, 65, mentions: mentions)
    }

    @Test("bad amounts, severities and dates are refused at parse, naming the field", arguments: [
        (["deal", "add", "市数据局", "x", "--pipeline", "government", "--amount", "0.001"], "amount \"0.001\" has more than two decimal places"),
        (["deal", "add", "市数据局", "x", "--pipeline", "government", "--amount", "1e20"], "amount \"1e20\""),
        (["deal", "add", "市数据局", "x", "--pipeline", "government", "--amount", "100000000亿"], "too large"),
        (["deal", "add", "市数据局", "x", "--pipeline", "government", "--amount", "48,00,000"], "thousands separators"),
        (["deal", "add", "市数据局", "x", "--pipeline", "government", "--close-by", "9999-12-31"], "close-by \"9999-12-31\" is outside the years"),
        (["deal", "move", "数据中台", "bidding", "--on", "0001-01-01"], "on \"0001-01-01\""),
        (["log", "市数据局", "--channel", "call", "--with", "李敏", "--pain", "李敏:慢:critical"], "severity \"critical\""),
        (["log", "市数据局", "--channel", "call", "--with", "李敏", "--on", "2026-03-31T23:30:00+25:00"], "on \""),
    ])
    func badValues(_ args: [String], _ mentions: String) throws {
        try refused(args, 65, mentions: mentions)
    }

    @Test("ISO 8601 times with an offset land at the same instant, shown in the configured zone")
    func iso8601() throws {
        try cli.ok("log", "市数据局", "--channel", "拜访", "--with", "李敏:1", "--on", "2026-03-31T23:30:00+08:00",
                   "--pain", "李敏:导数慢:高", env: ["DCHAIN_TZ": "UTC"])
        try cli.ok("log", "市数据局", "--channel", "电话", "--with", "李敏", "--on", "2026-03-31T15:45:00Z", env: ["DCHAIN_TZ": "Asia/Shanghai"])
        let sql = try SQL(cli.conninfo)
        #expect(try sql.strings("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || channel FROM touchpoint ORDER BY id")
                == ["2026-03-31 15:30 visit", "2026-03-31 15:45 call"])
        #expect(try sql.strings("SELECT severity::text FROM pain_point") == ["high"])
        let shanghai = try cli.ok("touchpoints", "市数据局", env: ["DCHAIN_TZ": "Asia/Shanghai"])
        #expect(shanghai.contains("2026-03-31 23:30") && shanghai.contains("2026-03-31 23:45"))
    }

    @Test("a malformed command line is one line with where to read more, exit 64", arguments: [
        ["log", "市数据局"], ["deal", "move"], ["deal", "frob"], ["plan", "--format", "xyz", "市数据局"], ["account", "add", "x", "--kind"],
    ])
    func usage(_ args: [String]) throws {
        let r = try cli.run(args)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("see dchain \(args[0])"), "\(r.stderr)")
    }

    @Test("--help lists only the formats a command writes, and parsing refuses the others", arguments: [
        (["pain", "list", "市数据局"], "text|json|csv"), (["map", "市数据局"], "text|md|html|svg|json"),
        (["plan", "市数据局"], "text|md|html|json|csv|ics"), (["report", "pipeline"], "text|md|html|json|csv"),
        (["empathy", "市数据局", "李敏"], "text|md|html|json"),
    ])
    func formats(_ command: [String], _ formats: String) throws {
        let help = try cli.run(command + ["--help"]).stdout
        #expect(help.contains("--format <\(formats)>"), "\(help)")
        for f in ["text", "md", "html", "svg", "json", "csv", "ics"] where !formats.split(separator: "|").contains(Substring(f)) {
            let r = try cli.run(command + ["--format", f])
            #expect(r.status == 64 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("not available here"), "\(command) \(f): \(r)")
        }
    }

    @Test("stored text with control characters is shown escaped in text output, never obeyed")
    func terminalSafe() throws {
        try cli.ok("log", "市数据局", "--channel", "call", "--with", "李敏", "--summary", "第一行", "--on", "2026-05-01")
        // Written past the CLI (an import, psql): the text output must still be safe.
        _ = try SQL(cli.conninfo).connection.execute("UPDATE touchpoint SET summary = E'红\\x1b[31m字'")
        let out = try cli.ok("touchpoints", "市数据局")
        #expect(!out.contains("\u{1B}") && out.contains("红\\u{1B}[31m字"), "\(out)")
    }
}
