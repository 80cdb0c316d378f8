import Foundation
import Postgres

/// A connection requested before the command line is parsed: the startup
/// packet goes out at once (without blocking), so the server forks and
/// initialises its backend while ArgumentParser works (a rep's `dchain log`
/// would otherwise wait for both, one after the other). It is only ever a
/// head start: `Database.open` takes it when it was requested for the same
/// server, schema and actor, and connects itself in every other case,
/// including any failure here. It never starts the embedded cluster and
/// never migrates.
public final class EarlyConnection: @unchecked Sendable {
    /// The head start of this process, the one `Database.open` looks for.
    public static let shared = EarlyConnection()

    public init() {}

    private struct Request {
        var conninfo: String
        var schema: String
        var actor: String
        var readVersion: Bool
    }

    /// A head start handed over.
    public struct Opened {
        /// Connected with the session settings of `Database.open`.
        public var connection: Connection
        /// The applied schema version (nil: never migrated), when it was read.
        public var version: Int??
    }

    private var request: Request?
    private var pending: PendingConnection?
    /// Tests open databases from many threads at once.
    private let lock = NSLock()

    /// Sends the connection request; at most once per process.
    /// `readVersion`: read the schema version when the connection is claimed
    /// (a command whose first query reads it itself passes false).
    public func start(_ location: Database.Location, workspace: String?, actor: String, readVersion: Bool = true) {
        lock.lock(); defer { lock.unlock() }
        guard request == nil, let schema = try? Database.schema(forWorkspace: workspace) else { return }
        request = Request(conninfo: location.conninfo, schema: schema, actor: actor, readVersion: readVersion)
        pending = PendingConnection(location.conninfo, settings: Database.sessionSettings(schema: schema, actor: actor))
    }

    /// The head start, if it was requested for exactly this server, schema
    /// and actor: the handshake is completed and it is handed over, once.
    public func claim(conninfo: String, schema: String, actor: String) -> Opened? {
        lock.lock(); defer { lock.unlock() }
        let (r, p) = (request, pending)
        (request, pending) = (nil, nil)
        guard let r, let p, r.conninfo == conninfo, r.schema == schema, r.actor == actor else {
            _ = try? p?.finish() // a polite goodbye, not a broken pipe in the server log
            return nil
        }
        do {
            let connection = try p.finish()
            return Opened(connection: connection, version: r.readVersion ? .some(try Database.readVersion(connection)) : .none)
        } catch {
            return nil
        }
    }

    /// Closes a head start nobody claimed (the command failed before it
    /// needed the database).
    public func discard() {
        lock.lock(); defer { lock.unlock() }
        _ = try? pending?.finish()
        (request, pending) = (nil, nil)
    }
}
