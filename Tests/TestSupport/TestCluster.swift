import DecisionChainStore
import Foundation
import Postgres

/// One throwaway PostgreSQL cluster per test run, with a migrated template
/// database; each suite clones its own database from the template.
public final class TestCluster: @unchecked Sendable {
    public static let shared = TestCluster()

    private let lock = NSLock()
    private var cluster: EmbeddedCluster?
    private var failure: Error?
    private var counter = 0
    public static let template = "dchain_template"
    /// The newest schema version and how many migrations there are (tests must not hard-code them).
    public static var latestVersion: Int { Migrator.latestVersion }
    public static var migrationCount: Int { Migrator.versions.count }

    private init() {}

    /// The running cluster (started on first call).
    public func start() throws -> EmbeddedCluster {
        lock.lock(); defer { lock.unlock() }
        if let cluster { return cluster }
        if let failure { throw failure }
        do {
            // Short path: socket paths must stay under ~100 bytes.
            let home = "/tmp/dchain-test-\(getpid())"
            try? FileManager.default.removeItem(atPath: home)
            let c = EmbeddedCluster(home: home, port: 5432, database: "postgres")
            try c.ensureRunning()
            let admin = try Connection(c.conninfo(database: "postgres"))
            try admin.run(script: "DROP DATABASE IF EXISTS \(Self.template)")
            try admin.run(script: "CREATE DATABASE \(Self.template)")
            admin.close()
            let tpl = try Connection(c.conninfo(database: Self.template))
            try Migrator.migrate(tpl)
            tpl.close()
            cluster = c
            atexit {
                // Stop the server and remove the cluster when the test process ends.
                if let c = TestCluster.shared.cluster {
                    try? c.stop()
                    try? FileManager.default.removeItem(atPath: c.home)
                }
            }
            return c
        } catch {
            failure = error
            throw error
        }
    }

    /// A fresh, migrated database for one suite; returns its conninfo.
    public func freshDatabase(_ hint: String = "suite") throws -> String {
        let c = try start()
        lock.lock()
        counter += 1
        let name = "t_\(hint.lowercased().filter { $0.isLetter || $0.isNumber })_\(counter)"
        defer { lock.unlock() }
        let admin = try Connection(c.conninfo(database: "postgres"))
        try admin.run(script: "CREATE DATABASE \(name) TEMPLATE \(Self.template)")
        return c.conninfo(database: name)
    }

    /// A fresh empty (unmigrated) database; returns its conninfo.
    public func emptyDatabase(_ hint: String = "empty") throws -> String {
        let c = try start()
        lock.lock()
        counter += 1
        let name = "e_\(hint.lowercased().filter { $0.isLetter || $0.isNumber })_\(counter)"
        defer { lock.unlock() }
        let admin = try Connection(c.conninfo(database: "postgres"))
        try admin.run(script: "CREATE DATABASE \(name)")
        return c.conninfo(database: name)
    }
}
