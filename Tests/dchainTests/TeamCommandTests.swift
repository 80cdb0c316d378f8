import Foundation
import Postgres
import Testing
import TestSupport

/// Team mode end to end: the built binary run as the logins of two teams.
@Suite("Team mode: users, teams and what each login sees")
struct TeamCommandTests {
    static let fixture = Result { try TeamFixture.make("cli") }
    let f: TeamFixture
    init() throws { f = try Self.fixture.get() }

    func cli(_ login: String) -> CLI { CLI(conninfo: f.conninfo(as: login)) }

    @Test("another team's account looks exactly like a missing one (exit 65); lists and reports leave it out")
    func noLeaks() throws {
        let rep = cli(f.repA)
        let theirs = try rep.run("account", "show", String(f.accountB))
        let missing = try rep.run("account", "show", "987654")
        #expect(theirs.status == 65 && missing.status == 65)
        #expect(theirs.stderr.replacingOccurrences(of: String(f.accountB), with: "987654") == missing.stderr)
        #expect(theirs.stderr.split(separator: "\n").count == 1)
        for args in [["map", f.nameB], ["touchpoints", f.nameB], ["plan", f.nameB], ["log", f.nameB, "--channel", "call", "--with", "王局长:1"]] {
            let r = try rep.run(args)
            #expect(r.status == 65, "\(args): \(r)")
            #expect(!r.stderr.contains(f.nameB.dropLast(2)) || r.stderr.contains("\"\(f.nameB)\" not found"), "\(args): \(r.stderr)")
        }
        for args in [["account", "list", "--format", "json"], ["report", "pipeline", "--format", "json"],
                     ["report", "pipeline", "--format", "csv", "--section", "coverage", "--today", "2026-04-01"], ["task", "list", "--format", "json"], ["team", "list", "--format", "json"]] {
            let r = try rep.run(args)
            #expect(r.status == 0, "\(args): \(r)")
            let out = r.stdout
            #expect(!out.contains(f.nameB), "\(args) shows team B's account")
        }
        #expect(try rep.ok("report", "pipeline", "--format", "json", "--today", "2026-04-01").contains(f.nameA))
        // The name is taken by the other team's account: one line, nothing about it.
        let clash = try rep.run("account", "add", f.nameB, "--kind", "soe")
        #expect(clash.status == 65)
        #expect(clash.stderr == "dchain: account name \"\(f.nameB)\" is already used by an account outside your team; ask an admin\n")
        // Moving an own account to the other team is refused.
        let move = try rep.run("account", "assign", f.nameA, "--team", "南区")
        #expect(move.status == 77 && move.stderr.split(separator: "\n").count == 1, "\(move)")
    }

    @Test("an admin adds, changes and removes users; a rep may not (one line, exit 77)")
    func users() throws {
        let rep = try cli(f.repA).run("user", "add", "cli.mallory", "--name", "M", "--role", "admin")
        #expect(rep.status == 77)
        #expect(rep.stderr == "dchain: adding users needs an admin (dchain_admin); \(f.repA) is not one\n")
        #expect(try cli(f.repA).run("team", "add", "黑客组").status == 77)

        let admin = cli(f.admin)
        try admin.ok("team", "add", "西区")
        let added = try Subprocess.run([CLI.binary, "user", "add", "cli.zhao", "--name", "赵六", "--team", "西区", "--role", "rep", "--password-stdin"],
                                       environment: ["DCHAIN_DB": admin.conninfo], stdin: "s3cret pass\n")
        #expect(added.status == 0, "\(added)")
        let me = try #require(try cli("cli.zhao").json("whoami") as? [String: Any])
        #expect(me["login"] as? String == "cli.zhao" && me["team"] as? String == "西区" && me["role"] as? String == "rep")
        #expect(me["name"] as? String == "赵六")
        let verifier: String? = try SQL(f.conninfo).strings("SELECT rolpassword FROM pg_authid WHERE rolname = 'cli.zhao'").first ?? nil
        #expect(verifier?.hasPrefix("SCRAM-SHA-256$") == true)

        try admin.ok("user", "set", "cli.zhao", "--role", "manager", "--team", "北区")
        let now = try #require(try cli("cli.zhao").json("whoami") as? [String: Any])
        #expect(now["role"] as? String == "manager" && now["team"] as? String == "北区")
        #expect(try cli("cli.zhao").ok("account", "list").contains(f.nameA))

        let users = try #require(try admin.json("user", "list") as? [[String: Any]])
        #expect(users.contains { $0["login"] as? String == "cli.zhao" && $0["can_login"] as? Bool == true })

        try admin.ok("user", "remove", "cli.zhao")
        let gone = try cli("cli.zhao").run("whoami")
        #expect(gone.status == 77 && gone.stderr.split(separator: "\n").count == 1, "\(gone)")
        let after = try #require(try admin.json("user", "list") as? [[String: Any]])
        #expect(after.contains { $0["login"] as? String == "cli.zhao" && $0["removed"] as? Bool == true && $0["can_login"] as? Bool == false })
    }

    @Test("the audit and logged_by name the login even with DCHAIN_USER set to someone else")
    func actor() throws {
        try cli(f.repA).ok("log", f.nameA, "--channel", "call", "--with", "王局长:1", "--summary", "回访", env: ["DCHAIN_USER": "someone-else"])
        let sql = try SQL(f.conninfo)
        #expect(try sql.strings("SELECT logged_by FROM touchpoint WHERE summary = '回访'") == [f.repA])
        #expect(try sql.strings("SELECT actor FROM audit_log WHERE table_name = 'touchpoint' AND after ->> 'summary' = '回访'") == [f.repA])
    }

    @Test("an admin assigns an unowned account to a team; then that team sees it")
    func assign() throws {
        let admin = cli(f.admin)
        try admin.ok("account", "add", "待分配客户", "--kind", "enterprise")
        #expect(try !cli(f.repB).ok("account", "list").contains("待分配客户"))
        try admin.ok("account", "assign", "待分配客户", "--team", "南区", "--owner", f.repB)
        #expect(try cli(f.repB).ok("account", "list").contains("待分配客户"))
        #expect(try !cli(f.repA).ok("account", "list").contains("待分配客户"))
        let who = try #require(try admin.json("whoami") as? [String: Any])
        #expect(who["role"] as? String == "admin" && who["login"] as? String == f.admin)
    }
}

extension CLI {
    /// The same database as a dchain login (an admin unless `group` says otherwise):
    /// who acts is the login, so tests that need two actors need two logins.
    func login(_ name: String, group: String = "admin") throws -> CLI {
        CLI(conninfo: try TeamFixture.login(name, group: group, in: conninfo), environment: environment)
    }
}
