import Foundation
import Testing
import TestSupport

@Suite("db commands end to end")
struct DatabaseCommandTests {
    @Test("db migrate twice: the second changes nothing; two at once both exit 0 and each migration is applied once")
    func migrate() async throws {
        let cli = CLI(conninfo: try TestCluster.shared.emptyDatabase("dbmig"))
        let results = try await withThrowingTaskGroup(of: Subprocess.Result.self) { group in
            for _ in 0..<2 { group.addTask { try cli.run("db", "migrate") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
        #expect(try cli.count("SELECT count(*) FROM schema_migrations") == TestCluster.migrationCount)
        #expect(try cli.count("SELECT count(*) FROM stage") == 19)
        let again = try cli.ok("db", "migrate")
        #expect(again.contains("up to date"))
        #expect(try cli.count("SELECT count(*) FROM schema_migrations") == TestCluster.migrationCount)
    }

    @Test("every command migrates a new database on first use")
    func firstUse() throws {
        let cli = CLI(conninfo: try TestCluster.shared.emptyDatabase("first"))
        let out = try cli.ok("pipeline", "list", "--lang", "zh")
        #expect(out.contains("需求论证与招标文件"))
        #expect(try cli.count("SELECT max(version) FROM schema_migrations") == TestCluster.latestVersion)
    }

    @Test("log on a new database migrates it through its first query, then reports what it cannot find")
    func logFirstUse() throws {
        let cli = CLI(conninfo: try TestCluster.shared.emptyDatabase("logfirst"))
        let r = try cli.run("log", "市数据局", "--channel", "call", "--with", "王局长:1")
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("account \"市数据局\" not found"))
        #expect(try cli.count("SELECT max(version) FROM schema_migrations") == TestCluster.latestVersion)
        // A workspace never used before: created and migrated the same way.
        let w = try cli.run("log", "市数据局", "--channel", "call", "--with", "王局长:1", env: ["DCHAIN_WORKSPACE": "新人"])
        #expect(w.status == 65 && w.stderr.contains("not found"), "\(w)")
        #expect(try cli.count("SELECT max(version) FROM \"ws_新人\".schema_migrations") == TestCluster.latestVersion)
    }

    @Test("a time zone the server does not know is one line and exit 78")
    func unknownTimeZone() throws {
        let cli = try CLI.fresh("tz")
        let r = try cli.run("account", "list", env: ["TZ": "Mars/Olympus_Mons"])
        #expect(r.status == 78, "\(r)")
        #expect(r.stderr.contains("time zone \"Mars/Olympus_Mons\""))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test("db status names the server and the schema version")
    func status() throws {
        let cli = try CLI.fresh("status")
        let out = try cli.ok("db", "status")
        #expect(out.contains("PostgreSQL 15") || out.contains("PostgreSQL 1"))
        #expect(out.contains("version \(TestCluster.latestVersion) of \(TestCluster.latestVersion)"))
    }

    @Test("the embedded cluster starts on first use, reports status and stops", .timeLimit(.minutes(2)))
    func embedded() throws {
        let home = "/tmp/dchain-e2e-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: home) }
        var env = ["DCHAIN_HOME": home, "DCHAIN_DB": ""]
        let cli = CLI(conninfo: "", environment: env)
        #expect(try cli.ok("db", "status").contains("not initialised"))
        #expect(try cli.ok("account", "add", "Acme", "--kind", "enterprise").contains("added account"))
        let status = try cli.ok("db", "status")
        #expect(status.contains("running") && status.contains("version \(TestCluster.latestVersion) of \(TestCluster.latestVersion)"))
        #expect(try cli.ok("db", "url").hasPrefix("postgresql://dchain@/dchain?host="))
        try cli.ok("db", "stop")
        #expect(try cli.ok("db", "status").contains("stopped"))
        // Started again transparently by the next command; the data is still there.
        #expect(try cli.ok("account", "list").contains("Acme"))
        env["DCHAIN_HOME"] = home
        try cli.ok("db", "stop")
    }
}
