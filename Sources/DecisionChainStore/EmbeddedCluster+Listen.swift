import Foundation
import Postgres

/// Team mode on the embedded cluster: everyday connections are the OS
/// user's own login (an admin, never the superuser, which only bootstraps),
/// and `db start --listen` opens the cluster to TCP with passwords only.
extension EmbeddedCluster {
    /// The cluster in `home`, on the port it was last told to use
    /// (`db start --listen`), else the default.
    public static func at(home: String) -> EmbeddedCluster {
        let saved = (try? String(contentsOfFile: home + "/port", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return EmbeddedCluster(home: home, port: saved ?? 5432)
    }

    /// The OS user's name, when it can be a dchain login; nil otherwise (or when
    /// it is the bootstrap superuser's name), in which case the superuser is used.
    public static var osLogin: String? {
        guard let pw = getpwuid(geteuid()), let name = String(validatingCString: pw.pointee.pw_name),
              name.range(of: "^[A-Za-z0-9._@-]+$", options: .regularExpression) != nil,
              name != "dchain", !name.hasPrefix("pg_"), !name.hasPrefix("dchain_") else { return nil }
        return name
    }

    /// The conninfo dchain's commands use: the OS user's login on the socket.
    public var loginConninfo: String {
        guard let login = Self.osLogin else { return conninfo }
        return ConnInfo.make(["host": socketDirectory, "port": String(port), "user": login, "dbname": database, "connect_timeout": "5"])
    }

    /// Makes the OS user's login on first use, as the bootstrap superuser: the
    /// database migrated, a login in dchain_admin (and dchain_owner, so it can
    /// migrate: the cluster is the OS user's anyway), and its app_user row.
    public func ensureLogin() throws {
        guard let login = Self.osLogin else { return }
        try withLock {
            let su = try Connection(conninfo)
            try Migrator.migrate(su)
            try su.transaction { c in
                if try c.queryRow("SELECT 1 AS x FROM pg_roles WHERE rolname = $1", [login]) == nil {
                    try c.query("SELECT dchain_login_create($1, NULL, 'admin')", [login])
                }
                try c.run(script: "GRANT dchain_owner TO \(try c.escapeIdentifier(login))")
                try c.execute("""
                    INSERT INTO app_user (login, name, role) VALUES ($1, $1, 'admin')
                    ON CONFLICT (login) DO UPDATE SET role = 'admin', removed_at = NULL
                    """, [login])
            }
        }
    }

    /// Opens the cluster to TCP on `address:port` with scram-sha-256 password
    /// authentication only (the superuser may not log in over TCP at all); the
    /// Unix socket keeps trusting the OS user, whose directory it is in. The
    /// server restarts on the new port, which is kept for later commands.
    public func listen(address: String, port newPort: Int) throws -> EmbeddedCluster {
        guard (1...65535).contains(newPort), !address.isEmpty,
              address.range(of: "^[A-Za-z0-9.:*-]+$", options: .regularExpression) != nil else {
            throw StoreError.rule("--listen \"\(address):\(newPort)\" is not ADDRESS:PORT (e.g. 127.0.0.1:5433)")
        }
        try ensureRunning()
        try ensureLogin()
        let moved = EmbeddedCluster(home: home, port: newPort, database: database)
        try withLock {
            try Self.rewrite(dataDirectory + "/pg_hba.conf", with: """
                # dchain: the Unix socket (in a directory only the cluster's owner may enter) trusts;
                # TCP takes scram-sha-256 passwords only, and never the bootstrap superuser.
                local   all          all                     trust
                local   replication  all                     trust
                host    all          dchain   0.0.0.0/0      reject
                host    all          dchain   ::/0           reject
                host    all          all      0.0.0.0/0      scram-sha-256
                host    all          all      ::/0           scram-sha-256

                """)
            let conf = dataDirectory + "/postgresql.conf"
            let text = (try? String(contentsOfFile: conf, encoding: .utf8)) ?? ""
            let kept = text.components(separatedBy: "\n# dchain --listen\n").first ?? text
            try Self.rewrite(conf, with: kept + """

                # dchain --listen
                listen_addresses = '\(address)'
                port = \(newPort)
                password_encryption = 'scram-sha-256'

                """)
            if case .running = state() {
                try runTool("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-s"])
            }
            try moved.startServer()
            try Self.rewrite(home + "/port", with: "\(newPort)\n")
        }
        return moved
    }

    /// Replaces a file's contents in place (its owner and mode stay: as root the
    /// server's files must stay the postgres user's).
    static func rewrite(_ path: String, with text: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw StoreError.cluster("cannot write \(path)") }
        defer { try? h.close() }
        try h.truncate(atOffset: 0)
        try h.write(contentsOf: Data(text.utf8))
    }
}
