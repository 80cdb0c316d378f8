import Foundation
import Postgres

/// dchain's private PostgreSQL cluster, kept in its home directory
/// (`DCHAIN_HOME`): initialised and started on first use, listening on a
/// Unix socket only. As root the server runs as the `postgres` user.
public struct EmbeddedCluster: Sendable {
    /// The cluster's directory: `pgdata/` (data and server log) and `run/` (socket).
    public let home: String
    /// The socket port number (the socket file's name; no TCP is opened).
    public let port: Int
    /// The database dchain uses in this cluster.
    public let database: String

    public init(home: String, port: Int = 5432, database: String = "dchain") {
        self.home = home; self.port = port; self.database = database
    }

    /// `DCHAIN_HOME`, else `$XDG_DATA_HOME/dchain`, else `~/.local/share/dchain`;
    /// as root `/var/lib/dchain`, which the `postgres` user can reach.
    public static func defaultHome(environment env: (String) -> String? = Environment.value) -> String {
        if let h = env("DCHAIN_HOME") { return h }
        if geteuid() == 0 { return "/var/lib/dchain" }
        if let x = env("XDG_DATA_HOME") { return x + "/dchain" }
        return (env("HOME") ?? NSHomeDirectory()) + "/.local/share/dchain"
    }

    public var dataDirectory: String { home + "/pgdata" }
    public var socketDirectory: String { home + "/run" }
    public var logFile: String { dataDirectory + "/server.log" }

    /// The libpq conninfo of the cluster's dchain database.
    public var conninfo: String { conninfo(database: database) }

    /// The conninfo of another database in this cluster.
    public func conninfo(database: String) -> String {
        "host=\(socketDirectory) port=\(port) user=dchain dbname=\(database) connect_timeout=5"
    }

    /// `postgresql:///dchain?host=...`, for tools that take a URL.
    public var url: String {
        let enc = socketDirectory.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? socketDirectory
        return "postgresql://dchain@/\(database)?host=\(enc)&port=\(port)"
    }

    /// Where the cluster stands.
    public enum State: Equatable, Sendable {
        case notInitialised
        case stopped
        case running(pid: Int)
    }

    public var isInitialised: Bool { FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") }

    /// Reads the state from the data directory (postmaster.pid) and checks the process.
    public func state() -> State {
        guard isInitialised else { return .notInitialised }
        guard let pidText = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let pid = Int(pidText.split(separator: "\n").first ?? "") else { return .stopped }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM ? .running(pid: pid) : .stopped
    }

    /// Initialises (if needed) and starts (if needed) the cluster, creating
    /// its database. Serialised across processes by a lock file.
    public func ensureRunning() throws {
        try withLock {
            if !isInitialised { try initialise() }
            let socket = FileManager.default.fileExists(atPath: socketDirectory + "/.s.PGSQL.\(port)")
            if case .running = state(), socket {} else { try startServer() }
            try createDatabaseIfMissing()
        }
    }

    /// Stops the server (fast shutdown); does nothing when it is not running.
    public func stop() throws {
        try withLock {
            guard case .running = state() else { return }
            try runTool("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-s"])
        }
    }

    // MARK: - internals

    func initialise() throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: dataDirectory)
        for dir in [dataDirectory, socketDirectory] {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if Self.isRoot {
            try Self.ensureReachableByPostgres(home)
            for dir in [dataDirectory, socketDirectory] { try Self.chownToPostgres(dir) }
        }
        try runTool("initdb", ["-D", dataDirectory, "-U", "dchain", "--auth=trust", "--locale=C.UTF-8", "-E", "UTF8",
                               "--no-instructions", "-N"])
        let conf = """

            # dchain: a private cluster on a Unix socket only.
            listen_addresses = ''
            unix_socket_directories = '\(socketDirectory)'
            unix_socket_permissions = 0700
            port = \(port)
            fsync = on
            logging_collector = off
            max_connections = 100
            shared_buffers = 128MB

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dataDirectory + "/postgresql.conf"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(conf.utf8))
        try handle.close()
    }

    func startServer() throws {
        try? FileManager.default.removeItem(atPath: dataDirectory + "/postmaster.pid")
        do {
            try runTool("pg_ctl", ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-s"])
        } catch {
            let tail = (try? String(contentsOfFile: logFile, encoding: .utf8))?
                .split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
            throw StoreError.cluster("cannot start the embedded PostgreSQL in \(dataDirectory): \(error)\(tail.isEmpty ? "" : " — log: \(tail)")")
        }
    }

    func createDatabaseIfMissing() throws {
        let admin = try Connection(conninfo(database: "postgres"))
        let exists = try admin.queryRow("SELECT 1 AS one FROM pg_database WHERE datname = $1", [database]) != nil
        if !exists {
            do {
                try admin.run(script: "CREATE DATABASE \(try admin.escapeIdentifier(database))")
            } catch let e as PostgresError where e.sqlState == "42P04" {}  // created meanwhile
        }
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// Runs a PostgreSQL server tool, as `postgres` when we are root. Output
    /// goes to a file, not a pipe: the server pg_ctl starts would hold a pipe open.
    func runTool(_ name: String, _ args: [String]) throws {
        let bin = try Self.binDirectory() + "/" + name
        var argv: [String]
        if Self.isRoot {
            let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let runuser else { throw StoreError.cluster("runuser not found: needed to run the server as the postgres user") }
            argv = [runuser, "-u", "postgres", "--", bin] + args
        } else {
            argv = [bin] + args
        }
        let outPath = home + "/tool-output.txt"
        let status = try Self.spawnAndWait(argv, output: outPath)
        guard status == 0 else {
            let data = FileManager.default.contents(atPath: outPath) ?? Data()
            let text = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
            throw StoreError.cluster("\(name) failed (exit \(status)): \(text)")
        }
    }

    /// posix_spawn + waitpid: Foundation's Process can miss a fast child's exit.
    static func spawnAndWait(_ argv: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else { throw StoreError.cluster("cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { throw StoreError.cluster("waiting for \(argv[0]) failed: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The directory holding initdb, pg_ctl and postgres: `pg_config --bindir`
    /// when its initdb exists, else the newest `/usr/lib/postgresql/N/bin`.
    static func binDirectory() throws -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["DCHAIN_PG_BIN"], fm.isExecutableFile(atPath: env + "/pg_ctl") { return env }
        let base = "/usr/lib/postgresql"
        let versions = ((try? fm.contentsOfDirectory(atPath: base)) ?? []).compactMap(Int.init).sorted(by: >)
        for v in versions where fm.isExecutableFile(atPath: "\(base)/\(v)/bin/pg_ctl") { return "\(base)/\(v)/bin" }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where fm.isExecutableFile(atPath: "\(dir)/pg_ctl") && fm.isExecutableFile(atPath: "\(dir)/postgres") {
            return String(dir)
        }
        throw StoreError.cluster("PostgreSQL server binaries not found (pg_ctl, initdb, postgres); install them: apt-get install postgresql (or set DCHAIN_DB to use an existing server)")
    }

    static func postgresIDs() throws -> (uid_t, gid_t) {
        guard let pw = getpwnam("postgres") else {
            throw StoreError.cluster("running as root needs the 'postgres' system user to run the server; install postgresql (apt-get install postgresql) or run dchain as an ordinary user")
        }
        return (pw.pointee.pw_uid, pw.pointee.pw_gid)
    }

    static func chownToPostgres(_ path: String) throws {
        let (uid, gid) = try postgresIDs()
        guard chown(path, uid, gid) == 0 else {
            throw StoreError.cluster("cannot hand \(path) to the postgres user: \(String(cString: strerror(errno)))")
        }
    }

    /// Every parent of `path` must be traversable (o+x) by the postgres user.
    static func ensureReachableByPostgres(_ path: String) throws {
        var dir = URL(fileURLWithPath: path).standardized.path
        var blocked: [String] = []
        while dir != "/" && !dir.isEmpty {
            var st = stat()
            if stat(dir, &st) == 0, st.st_mode & 0o001 == 0 { blocked.append(dir) }
            dir = (dir as NSString).deletingLastPathComponent
        }
        for d in blocked {
            guard chmod(d, (stat_mode(d) | 0o001)) == 0 else {
                throw StoreError.cluster("the postgres user cannot reach \(path): \(d) is not traversable; set DCHAIN_HOME to a directory it can reach")
            }
        }
    }

    static func stat_mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0o755
    }

    /// Holds an exclusive lock on `home/lock` while `body` runs.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let fd = open(home + "/lock", O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw StoreError.cluster("cannot open \(home)/lock: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.cluster("cannot lock \(home)/lock") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
