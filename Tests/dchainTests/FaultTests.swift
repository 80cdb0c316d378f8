import Foundation
import Postgres
import Testing
import TestSupport

/// The fault suite: what the user sees when things around dchain go wrong —
/// a killed writer, a killed server, a stale pid file, bad places to write,
/// look-alike workspace names — always one line, the right exit status, and
/// nothing half-written. Every case runs the real binary.
@Suite("Faults: killed processes, stale pid files, bad paths and names")
struct FaultTests {
    /// Lines of standard error (a user-visible error is exactly one).
    static func lines(_ r: Subprocess.Result) -> Int { r.stderr.split(separator: "\n", omittingEmptySubsequences: true).count }

    /// A process started without waiting for it.
    static func spawn(_ argv: [String], environment extra: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in extra { env[k] = v }
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cEnv.forEach { free($0) }; cArgs.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw SubprocessError(message: "cannot run \(argv[0])") }
        return pid
    }

    static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    @Test("kill -9 of dchain log at random points, 24 times: every touchpoint is whole (its 2 participants and its pain point) or absent")
    func killedWriters() throws {
        let cli = try CLI.fresh("fault-kill-log")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("stakeholder", "add", "市数据局", "王局长", "--title", "局长")
        try cli.ok("stakeholder", "add", "市数据局", "李处长", "--title", "处长")
        try cli.ok("deal", "add", "市数据局", "政务云", "--pipeline", "government", "--on", "2026-01-01")
        var generator = SystemRandomNumberGenerator()
        let env = ["DCHAIN_DB": cli.conninfo, "DCHAIN_USER": "tester", "LANG": "C.UTF-8", "TZ": "UTC"]
        for i in 0..<24 {
            let pid = try Self.spawn([CLI.binary, "log", "市数据局", "--channel", "call", "--deal", "政务云", "--summary", "k\(i)",
                                      "--with", "王局长:1", "--with", "李处长:-1", "--pain", "李处长:issue \(i):low"], environment: env)
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(pid, SIGKILL)
            Self.reap(pid)
        }
        #expect(try cli.count("""
            SELECT count(*) FROM touchpoint t WHERE (SELECT count(*) FROM participant p WHERE p.touchpoint_id = t.id) <> 2
               OR (SELECT count(*) FROM pain_point x WHERE x.touchpoint_id = t.id) <> 1
            """) == 0)
        #expect(try cli.count("SELECT count(*) FROM participant p WHERE NOT EXISTS (SELECT 1 FROM touchpoint t WHERE t.id = p.touchpoint_id)") == 0)
        // The database is still in use afterwards.
        try cli.ok("log", "市数据局", "--channel", "call", "--summary", "after", "--with", "王局长")
        #expect(try cli.count("SELECT count(*) FROM touchpoint WHERE summary = 'after'") == 1)
    }

    @Test("embedded cluster in a home with a space: kill -9 of the server recovers; a stale pid file (zombie or another process) is reported, never signalled, and db start recovers",
          .timeLimit(.minutes(2)))
    func embeddedCluster() throws {
        let base = "/tmp/dchain-fault-\(getpid())"
        let home = base + "/my home"
        mkdir(base, 0o755)
        defer { _ = try? CLI(conninfo: "", environment: ["DCHAIN_HOME": home, "DCHAIN_DB": ""]).run("db", "stop")
                try? FileManager.default.removeItem(atPath: base) }
        let cli = CLI(conninfo: "", environment: ["DCHAIN_HOME": home, "DCHAIN_DB": ""])
        // A space in DCHAIN_HOME: the socket directory is quoted in the conninfo.
        try cli.ok("account", "add", "Acme", "--kind", "enterprise")
        let pidFile = home + "/pgdata/postmaster.pid"
        func serverPID() throws -> pid_t {
            let text = try String(contentsOfFile: pidFile, encoding: .utf8)
            return pid_t(text.split(separator: "\n").first.flatMap { Int($0) } ?? 0)
        }

        // kill -9 of the server: the next command starts it again.
        kill(try serverPID(), SIGKILL)
        usleep(200_000)
        let status = try cli.run("db", "status")
        #expect(status.status == 0 && (status.stdout.contains("not running") || status.stdout.contains("stopped")), "\(status)")
        #expect(try cli.ok("account", "list").contains("Acme"))
        #expect(try cli.ok("db", "status").contains("running (pid"))

        // A stale pid file naming an unrelated live process: status says so,
        // stop does not signal it, start recovers.
        kill(try serverPID(), SIGKILL)
        usleep(200_000)
        let other = try Self.spawn(["/bin/sleep", "60"], environment: [:])
        defer { kill(other, SIGKILL); Self.reap(other) }
        var text = try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        text[0] = Substring(String(other))
        try text.joined(separator: "\n").write(toFile: pidFile, atomically: true, encoding: .utf8)
        let stale = try cli.ok("db", "status")
        #expect(stale.contains("names pid \(other)") && stale.contains("db start"), "\(stale)")
        let stop = try cli.run("db", "stop")
        #expect(stop.status == 0, "\(stop)")
        #expect(kill(other, 0) == 0, "db stop signalled an unrelated process")
        try cli.ok("db", "start")
        #expect(try cli.ok("account", "list").contains("Acme"))
        #expect(kill(other, 0) == 0)
    }

    @Test("DCHAIN_HOME under /proc or /sys, or a file: one line naming the path, exit 73, no Foundation error dump",
          arguments: ["/proc/dchain-x", "/sys/dchain-x", "/etc/hostname", "/etc/hostname/sub"])
    func badHome(_ home: String) throws {
        let r = try CLI(conninfo: "", environment: ["DCHAIN_HOME": home, "DCHAIN_DB": ""]).run("account", "list")
        #expect(r.status == 73 && Self.lines(r) == 1, "\(r)")
        #expect(r.stderr.contains(home.hasSuffix("/sub") ? "/etc/hostname" : home) && !r.stderr.contains("NSCocoaErrorDomain"), "\(r)")
    }

    @Test("dev seed as a database owner who is not a superuser: the rows land, no audit rows for the load, ordinary writes audited")
    func seedWithoutSuperuser() throws {
        let admin = try CLI.fresh("fault-seed-admin")
        let sql = try SQL(admin.conninfo)
        let db = "dchain_seed_owner_\(getpid())"
        try sql.connection.run(script: "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dchain_seed_owner') "
                                   + "THEN CREATE ROLE dchain_seed_owner LOGIN NOSUPERUSER; END IF; END $$")
        try sql.connection.run(script: "CREATE DATABASE \(db) OWNER dchain_seed_owner")
        // The first migration of a database creates the cluster's roles (a superuser's job); the
        // owner is then a member of dchain_owner, which owns the tables. Later keywords override earlier ones.
        try CLI(conninfo: admin.conninfo + " dbname=\(db)").ok("db", "migrate")
        try sql.connection.run(script: "GRANT dchain_owner TO dchain_seed_owner")
        let owner = CLI(conninfo: admin.conninfo + " dbname=\(db) user=dchain_seed_owner")
        let r = try owner.run("dev", "seed", "--accounts", "3", "--touchpoints-per-account", "4", "--today", "2026-06-01")
        #expect(r.status == 0, "\(r)")
        #expect(try owner.count("SELECT count(*) FROM touchpoint") == 12)
        #expect(try owner.count("SELECT count(*) FROM audit_log WHERE table_name = 'touchpoint'") == 0)
        // Ordinary writes are still audited.
        try owner.ok("account", "add", "Audited", "--kind", "soe")
        #expect(try owner.count("SELECT count(*) FROM audit_log WHERE table_name = 'account'") == 1)
    }
}
