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
        ConnInfo.make(["host": socketDirectory, "port": String(port), "user": "dchain", "dbname": database, "connect_timeout": "5"])
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
        /// `postmaster.pid` names a process that is not this cluster's server
        /// (it was killed; the pid may now be a zombie or another program).
        case stale(pid: Int)
    }

    public var isInitialised: Bool { FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") }

    /// The pid `postmaster.pid` names, if the file is there.
    var recordedPID: Int? {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8) else { return nil }
        return Int(text.split(separator: "\n").first ?? "")
    }

    /// Decided by asking the server (a ping on its socket), not by whether
    /// some process has the recorded pid: a pid file left by a killed server
    /// is `.stale`, whatever now runs under that pid.
    public func state() -> State {
        guard isInitialised else { return .notInitialised }
        let pid = recordedPID
        if Connection.serverAnswers(conninfo(database: "postgres")) { return .running(pid: pid ?? 0) }
        guard let pid else { return .stopped }
        return isOurServer(pid) ? .running(pid: pid) : .stale(pid: pid)
    }

    /// Whether `pid` is a live (not zombie) process working in this cluster's
    /// data directory — a postmaster that does not answer yet (starting up,
    /// or hung) — as opposed to an unrelated process that reused the pid.
    func isOurServer(_ pid: Int) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            // No such process, or no /proc (then fall back to the signal probe).
            return !FileManager.default.fileExists(atPath: "/proc/self/stat") && kill(pid_t(pid), 0) == 0
        }
        // The state letter follows the parenthesised command name.
        if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
            return false
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/\(pid)/cwd", &buffer, buffer.count - 1)
        guard n > 0 else { return false }
        let cwd = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return cwd == URL(fileURLWithPath: dataDirectory).resolvingSymlinksInPath().path || cwd == dataDirectory
    }

    /// Initialises (if needed) and starts (if needed) the cluster, creating
    /// its database. Serialised across processes by a lock file. A stale
    /// `postmaster.pid` (the server was killed) is removed and the server
    /// started; a server process that exists but does not answer is reported.
    public func ensureRunning() throws {
        try withLock {
            if !isInitialised { try initialise() }
            switch state() {
            case .running(let pid) where !Connection.serverAnswers(conninfo(database: "postgres")):
                throw StoreError.cluster("the embedded PostgreSQL (pid \(pid), \(dataDirectory)) runs but does not answer on \(socketDirectory); "
                                         + "see \(logFile), or stop it: pg_ctl stop -D \(dataDirectory)")
            case .running: break
            default: try startServer()
            }
            try createDatabaseIfMissing()
        }
    }

    /// Stops the server (fast shutdown); does nothing when it is not running.
    /// Only ever signals this cluster's own server: a stale pid file's pid
    /// (possibly an unrelated process now) is left alone.
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
        for dir in [dataDirectory, socketDirectory] { try FileError.makeDirectories(dir, mode: 0o700, what: "DCHAIN_HOME directory") }
        if Self.isRoot {
            try Self.ensureReachableByPostgres(home)
            for dir in [dataDirectory, socketDirectory] { try Self.chownToPostgres(dir) }
        }
        try runTool("initdb", ["-D", dataDirectory, "-U", "dchain", "--auth=trust", "--locale=C.UTF-8", "-E", "UTF8",
                               "--no-instructions", "-N"])
        let conf = """

            # dchain: a private cluster on a Unix socket only.
            listen_addresses = ''
            unix_socket_directories = '\(Self.confQuote(socketDirectory))'
            unix_socket_permissions = 0700
            port = \(port)
            fsync = on
            logging_collector = off
            max_connections = 100
            shared_buffers = 128MB

            """
        let confPath = dataDirectory + "/postgresql.conf"
        let fd = open(confPath, O_WRONLY | O_APPEND)
        guard fd >= 0 else { throw FileError(path: confPath, doing: "cannot open", errno: errno) }
        defer { close(fd) }
        let bytes = Array(conf.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw FileError(path: confPath, doing: "cannot write", errno: errno)
        }
    }

    /// A value inside a postgresql.conf single-quoted string: `'` doubled.
    /// (A list setting: a directory with a comma or space is double-quoted.)
    static func confQuote(_ value: String) -> String {
        let listed = value.contains(",") || value.contains(" ") || value.contains("\"")
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        return listed.replacingOccurrences(of: "'", with: "''")
    }

    func startServer() throws {
        // Only called when no server of this cluster answers: lock files a killed
        // server left (naming a pid that is gone, a zombie, or another program)
        // would make the new server refuse to start.
        let fm = FileManager.default
        let socketLock = socketDirectory + "/.s.PGSQL.\(port).lock"
        for lock in [dataDirectory + "/postmaster.pid", socketLock] {
            guard let text = try? String(contentsOfFile: lock, encoding: .utf8), let pid = Int(text.split(separator: "\n").first ?? "") else { continue }
            if isOurServer(pid) {
                throw StoreError.cluster("the embedded PostgreSQL (pid \(pid), \(dataDirectory)) runs but does not answer on \(socketDirectory); "
                                         + "see \(logFile), or stop it: pg_ctl stop -D \(dataDirectory)")
            }
            try? fm.removeItem(atPath: lock)
            if lock == socketLock { try? fm.removeItem(atPath: socketDirectory + "/.s.PGSQL.\(port)") }
        }
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

    /// Every parent of `path` must be traversable by the postgres user. dchain
    /// never changes a directory's permissions for that (a user's 0700 home
    /// stays 0700): it says which directory blocks and what would fix it.
    static func ensureReachableByPostgres(_ path: String) throws {
        let (uid, gid) = try postgresIDs()
        var dir = URL(fileURLWithPath: path).standardized.path
        while dir != "/" && !dir.isEmpty {
            var st = stat()
            if stat(dir, &st) == 0 {
                let bit: mode_t = st.st_uid == uid ? 0o100 : st.st_gid == gid ? 0o010 : 0o001
                if st.st_mode & bit == 0 {
                    throw StoreError.cluster("the postgres user (which runs the server for root) cannot reach \(path): \(dir) is mode "
                                             + String(st.st_mode & 0o7777, radix: 8) + "; run `chmod o+x \(dir)` or set DCHAIN_HOME "
                                             + "to a directory it can reach, e.g. /var/lib/dchain")
                }
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// Holds an exclusive lock on `home/lock` while `body` runs.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        try FileError.makeDirectories(home, mode: 0o755, what: "DCHAIN_HOME")
        let fd = open(home + "/lock", O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw FileError(path: home + "/lock", doing: "cannot open the cluster's lock file", errno: errno) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError.cluster("cannot lock \(home)/lock") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
