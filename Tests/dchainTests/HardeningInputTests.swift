import Foundation
import Testing
import TestSupport

/// Issue 14's bad inputs, each through the real binary: the exit status,
/// exactly one line on standard error naming what was wrong, and not one row
/// (nor schema) changed.
@Suite("Hardening: bad inputs change nothing")
struct HardeningInputTests {
    let cli: CLI

    init() throws {
        cli = try CLI.fresh("harden")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("stakeholder", "add", "市数据局", "王局长", "--title", "局长", "--level", "executive")
        try cli.ok("stakeholder", "add", "市数据局", "李处长", "--title", "处长", "--level", "manager")
        try cli.ok("deal", "add", "市数据局", "政务云", "--pipeline", "government", "--on", "2026-01-01")
        try cli.ok("deal", "add", "市数据局", "旧项目", "--pipeline", "government", "--on", "2026-01-01")
        try cli.ok("deal", "close", "旧项目", "won", "--on", "2026-02-01")
        try cli.ok("role", "set", "政务云", "王局长", "EB", "--on", "2026-03-01", "--stance", "skeptic")
        try cli.ok("account", "add", "Team Corp", "--kind", "soe", "--workspace", "team-a")
    }

    /// Every row in every table, the audit log and tasks included, and the workspaces.
    func rows() throws -> Int {
        try cli.count("""
            SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM stakeholder) + (SELECT count(*) FROM deal)
                 + (SELECT count(*) FROM deal_stage_history) + (SELECT count(*) FROM buying_influence)
                 + (SELECT count(*) FROM touchpoint) + (SELECT count(*) FROM plan_item) + (SELECT count(*) FROM audit_log)
                 + (SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'ws\\_%') + (SELECT count(*) FROM ws_team_a.account)
            """)
    }

    @Test("each refused with its status and one line, nothing written", arguments: [
        (["deal", "add", "市数据局", "大项目", "--pipeline", "government", "--amount", "100000000000000000"], 65,
         "amount \"100000000000000000\""),
        (["deal", "move", "政务云", "needs", "--on", "2026-04-01"], 65, "already in stage needs"),
        (["deal", "move", "旧项目", "approval"], 65, "is won (closed 2026-02-01)"),
        (["deal", "close", "旧项目", "lost"], 65, "already won"),
        (["role", "clear", "政务云", "王局长", "EB", "--on", "2026-02-01"], 65, "before 王局长 became EB in 政务云 (2026-03-01)"),
        (["account", "list", "--workspace", "tpyo"], 65, "workspace \"tpyo\" does not exist; existing workspaces: team-a"),
        (["deal", "show", "政务云", "--workspace", "tpyo"], 65, "does not exist"),
        (["day", "市数据局", "--who", "王局长", "--workspace", "tpyo"], 65, "does not exist"),
        (["observe", "list", "市数据局", "--workspace", "tpyo"], 65, "does not exist"),
        (["stakeholder", "find", "王", "--workspace", "tpyo"], 65, "does not exist"),
        (["whoami", "--workspace", "tpyo"], 65, "does not exist"),
        (["team", "list", "--workspace", "tpyo"], 65, "does not exist"),
        (["user", "list", "--workspace", "tpyo"], 65, "does not exist"),
        (["account", "add", "B", "--kind", "soe", "--workspace", "team_a"], 65, "collides with the existing workspace \"team-a\""),
        (["account", "list", "--workspace", "Team-A"], 65, "collides with the existing workspace \"team-a\""),
        (["account", "list", "--out", "/tmp"], 73, "/tmp: is a directory"),
        (["plan", "accept", "市数据局", "--out", "/nonexistent/x.txt"], 73, "/nonexistent/x.txt"),
        (["map", "市数据局", "--format", "html", "--out", "/etc/hostname/x.html"], 73, "/etc/hostname/x.html"),
    ] as [([String], Int32, String)])
    func refused(_ args: [String], _ status: Int32, _ mentions: String) throws {
        let before = try rows()
        let r = try cli.run(args)
        #expect(r.status == status, "\(args): \(r)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r)")
        #expect(r.stderr.contains(mentions), "\(args): \(r)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"), "\(args): \(r)")
        #expect(try rows() == before, "\(args) changed the database")
    }

    @Test("plan accept with a good --out stores its tasks (so the refused one above had tasks to store)")
    func acceptWrites() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("accept-\(getpid()).txt").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try cli.ok("plan", "accept", "市数据局", "--out", out, "--today", "2026-05-01")
        #expect(try cli.count("SELECT count(*) FROM plan_item") > 0)
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test("case reset --trainee li_na never touches li-na's workspace; case start li_na is refused too")
    func lookAlikeTrainees() throws {
        try cli.ok("case", "start", "soe-hidden-eb", "--trainee", "li-na")
        let accounts = try cli.count("SELECT count(*) FROM \"ws_case_li_na\".account")
        for args in [["case", "reset", "--trainee", "li_na"], ["case", "start", "soe-hidden-eb", "--trainee", "li_na"],
                     ["account", "list", "--workspace", "case-Li-Na"]] {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("case-li-na"), "\(args): \(r)")
        }
        #expect(try cli.count("SELECT count(*) FROM \"ws_case_li_na\".account") == accounts)
        #expect(try cli.ok("account", "list", "--workspace", "case-li-na").contains("\n"))
    }
}
