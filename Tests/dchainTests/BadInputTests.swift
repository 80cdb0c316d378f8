import Foundation
import Testing
import TestSupport

/// Bad input: one line naming the field and the value, exit 65 (64 for a
/// malformed command line), and nothing written.
@Suite("Bad input end to end")
struct BadInputTests {
    let cli: CLI

    init() throws {
        cli = try CLI.fresh("bad")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("account", "add", "Other Corp", "--kind", "enterprise")
        try cli.ok("stakeholder", "add", "市数据局", "王局长", "--title", "局长")
        try cli.ok("stakeholder", "add", "Other Corp", "Alice", "--title", "CIO")
        try cli.ok("deal", "add", "市数据局", "政务云", "--pipeline", "government")
    }

    /// Every row in every table, the audit log included.
    func rows() throws -> Int {
        try SQL(cli.conninfo).int("""
            SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM stakeholder) + (SELECT count(*) FROM deal)
                 + (SELECT count(*) FROM deal_stage_history) + (SELECT count(*) FROM buying_influence) + (SELECT count(*) FROM touchpoint)
                 + (SELECT count(*) FROM participant) + (SELECT count(*) FROM pain_point) + (SELECT count(*) FROM unit)
                 + (SELECT count(*) FROM app_user) + (SELECT count(*) FROM team) + (SELECT count(*) FROM audit_log)
            """)
    }

    @Test("bad values exit 65 with one line naming the field and the value, and write nothing", arguments: [
        (["account", "add", "X", "--kind", "city"], "kind \"city\""),
        (["account", "add", " ", "--kind", "government"], "name \" \""),
        (["account", "add", "Y", "--kind", "soe", "--owner", "bad login!"], "owner \"bad login!\""),
        (["stakeholder", "add", "市数据局", "", "--title", "x"], "name \"\""),
        (["stakeholder", "add", "市数据局", "赵", "--title", "x", "--level", "boss"], "level \"boss\""),
        (["deal", "add", "市数据局", "新项目", "--pipeline", "gov"], "pipeline \"gov\""),
        (["deal", "add", "市数据局", "新项目", "--pipeline", "government", "--stage", "signing"], "stage \"signing\""),
        (["deal", "add", "市数据局", "新项目", "--pipeline", "government", "--on", "2026-02-30"], "on \"2026-02-30\""),
        (["deal", "add", "市数据局", "新项目", "--pipeline", "government", "--amount", "lots"], "amount \"lots\""),
        (["deal", "move", "政务云", "signing"], "stage \"signing\""),
        (["role", "set", "政务云", "王局长", "CEO"], "role \"CEO\""),
        (["role", "set", "政务云", "王局长", "EB", "--rating", "7"], "rating \"7\""),
        (["role", "set", "政务云", "王局长", "EB", "--stance", "hostile"], "stance \"hostile\""),
        (["role", "set", "政务云", "Alice", "TB"], "Alice"),
        (["log", "市数据局", "--channel", "fax", "--with", "王局长"], "channel \"fax\""),
        (["log", "市数据局", "--channel", "call", "--with", "王局长:4"], "emotion \"4\""),
        (["log", "市数据局", "--channel", "call", "--with", "王局长:-4"], "emotion \"-4\""),
        (["log", "市数据局", "--channel", "call", "--with", "王局长", "--on", "yesterday"], "on \"yesterday\""),
        (["log", "市数据局", "--channel", "call", "--with", "Alice:1"], "Alice"),
        (["log", "市数据局", "--channel", "call", "--with", "王局长:1", "--with", "Alice:2", "--pain", "王局长:cost:high"], "Alice"),
        (["log", "市数据局", "--channel", "call", "--with", "王局长", "--quote", "李处长:hello"], "quote"),
        (["log", "市数据局", "--channel", "call", "--with", "王局长", "--pain", "王局长:"], "pain"),
        (["log", "无此客户", "--channel", "call", "--with", "王局长"], "account \"无此客户\" not found"),
        (["touchpoints", "市数据局", "--since", "2026-13-01"], "since \"2026-13-01\""),
        (["pain", "resolve", "424242"], "pain point \"424242\" not found"),
    ])
    func badValue(_ args: [String], _ mentions: String) throws {
        let before = try rows()
        let r = try cli.run(args)
        #expect(r.status == 65, "\(args): \(r)")
        #expect(r.stderr.hasPrefix("dchain: "))
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(try rows() == before)
    }

    @Test("a malformed command line exits 64", arguments: [
        ["log", "市数据局"], ["account", "add"], ["role", "set", "政务云"], ["deal", "add", "市数据局", "x"], ["frobnicate"],
        ["log", "市数据局", "--channel", "call"],
    ])
    func usage(_ args: [String]) throws {
        let r = try cli.run(args)
        #expect(r.status == 64, "\(args): \(r)")
    }

    @Test("a server that is not there exits 69 with one line naming it")
    func unreachable() throws {
        let dead = CLI(conninfo: "host=/tmp/dchain-no-server port=5999 dbname=x connect_timeout=2")
        for args in [["account", "list"], ["log", "市数据局", "--channel", "call", "--with", "王局长"], ["db", "migrate"]] {
            let r = try dead.run(args)
            #expect(r.status == 69, "\(args): \(r)")
            #expect(r.stderr.contains("/tmp/dchain-no-server"))
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(!r.stderr.contains("Fatal error"))
        }
        let tcp = try CLI(conninfo: "postgresql://u:pw@127.0.0.1:1/db?connect_timeout=2").run("account", "list", "--db", "postgresql://u:pw@127.0.0.1:1/db?connect_timeout=2")
        #expect(tcp.status == 69)
        #expect(tcp.stderr.contains("127.0.0.1") && !tcp.stderr.contains("pw@"))
    }
}
