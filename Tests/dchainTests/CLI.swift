import Foundation
import TestSupport

/// Runs the built `dchain` binary against one test database (DCHAIN_DB).
struct CLI {
    /// The database every call uses.
    let conninfo: String
    /// Extra environment for every call.
    var environment: [String: String] = [:]

    /// A CLI on a fresh migrated database of the test cluster.
    static func fresh(_ hint: String) throws -> CLI {
        CLI(conninfo: try TestCluster.shared.freshDatabase(hint))
    }

    /// `DCHAIN_BIN`, else the `dchain` built next to this test bundle.
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["DCHAIN_BIN"], !b.isEmpty { return b }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("dchain").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/dchain").path
    }

    /// Runs `dchain args...`.
    @discardableResult
    func run(_ args: String..., env: [String: String] = [:]) throws -> Subprocess.Result {
        try run(args, env: env)
    }

    /// Runs `dchain` with an argument array.
    @discardableResult
    func run(_ args: [String], env: [String: String] = [:]) throws -> Subprocess.Result {
        var e = ["DCHAIN_DB": conninfo, "DCHAIN_USER": "tester", "LANG": "C.UTF-8", "TZ": "UTC", "COLUMNS": "200"]
        for (k, v) in environment { e[k] = v }
        for (k, v) in env { e[k] = v }
        return try Subprocess.run([Self.binary] + args, environment: e)
    }

    /// Runs and requires exit 0, returning stdout.
    @discardableResult
    func ok(_ args: String..., env: [String: String] = [:]) throws -> String {
        let r = try run(args, env: env)
        guard r.status == 0 else { throw SubprocessError(message: "dchain \(args.joined(separator: " ")) failed: \(r)") }
        return r.stdout
    }

    /// Runs with `--format json` appended and decodes the output.
    func json(_ args: String...) throws -> Any {
        let r = try run(args + ["--format", "json"])
        guard r.status == 0 else { throw SubprocessError(message: "dchain \(args.joined(separator: " ")) failed: \(r)") }
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    /// A direct connection to the same database, for checking what landed.
    func count(_ sql: String) throws -> Int {
        try SQL(conninfo).int(sql)
    }
}
