import ArgumentParser
import DecisionChain
import DecisionChainStore
import Foundation
import Postgres

/// `dchain db ...`: the database and the embedded cluster.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the database: migrate, and start/stop/inspect the embedded cluster.",
        subcommands: [Migrate.self, Status.self, Start.self, Stop.self, URL.self]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply the schema migrations that are missing (safe to repeat).")
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let db = try connection.open(check: .never)
            let applied = try Migrator.migrate(db.connection, schema: db.schema)
            let version = try db.schemaVersion()
            print(applied.isEmpty ? "schema is up to date (version \(version))"
                                  : "applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(version)")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show where the database is, whether it runs, and its schema version.")
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            switch Database.location(db: connection.db) {
            case let .embedded(cluster):
                print("database: embedded cluster in \(cluster.home)")
                switch cluster.state() {
                case .notInitialised: print("server:   not initialised (starts on first use)")
                case .stopped: print("server:   stopped")
                case let .running(pid): print("server:   running (pid \(pid), socket \(cluster.socketDirectory))")
                case let .stale(pid):
                    print("server:   not running; \(cluster.dataDirectory)/postmaster.pid names pid \(pid), which is not this cluster's "
                          + "server (left by a killed server) — `dchain db start` (or any command) removes it and starts the server")
                }
                guard case .running = cluster.state() else { return }
            case .conninfo:
                print("database: DCHAIN_DB / --db")
            }
            let db = try connection.open(check: .never)
            print("server:   PostgreSQL \(db.connection.serverVersion / 10000).\(db.connection.serverVersion % 10000) at \(db.connection.server)")
            print("schema:   version \(try db.schemaVersion()) of \(Migrator.latestVersion)" + (db.schema == "public" ? "" : " (workspace \(db.schema))"))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Initialise (first time) and start the embedded cluster.")
        @Option(help: ArgumentHelp("Also listen on TCP at ADDRESS:PORT, scram-sha-256 passwords only (team mode; kept until changed).",
                                   valueName: "address:port"))
        var listen: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            var cluster = try embedded(connection)
            if let listen {
                guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
                    throw InputError(field: "listen", value: listen, problem: "is not ADDRESS:PORT (e.g. 127.0.0.1:5433)")
                }
                cluster = try cluster.listen(address: String(listen[..<colon]), port: port)
                print("listening on \(listen) (scram-sha-256 passwords; add logins with `dchain user add LOGIN ... --password-stdin`)")
            }
            try cluster.ensureRunning()
            _ = try connection.open()
            print("embedded PostgreSQL running in \(cluster.home)")
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the embedded cluster.")
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let cluster = try embedded(connection)
            let before = cluster.state()
            try cluster.stop()
            switch before {
            case .running: print("embedded PostgreSQL stopped (\(cluster.home))")
            case let .stale(pid): print("embedded PostgreSQL was not running (stale postmaster.pid of pid \(pid) left alone; `dchain db start` clears it)")
            default: print("embedded PostgreSQL was not running (\(cluster.home))")
            }
        }
    }

    struct URL: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the embedded cluster's connection URL (for psql and other tools).")
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            print(try embedded(connection).url)
        }
    }

    static func embedded(_ c: ConnectionOptions) throws -> EmbeddedCluster {
        guard case let .embedded(cluster) = Database.location(db: c.db) else {
            throw ValidationError("this manages the embedded cluster; --db / DCHAIN_DB point at another server")
        }
        return cluster
    }
}

func embedded(_ c: ConnectionOptions) throws -> EmbeddedCluster { try DBCommand.embedded(c) }
