#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Postgres

/// A connection opened on a background thread while the command line is
/// still being parsed, so the server forks its backend and answers the
/// schema-version query in the meantime (a rep's `dchain log` is mostly
/// waiting otherwise). It is only ever a head start: `Database.open` takes it
/// when it was opened for the same server, schema and actor, and opens its
/// own connection in every other case (including any failure here). It
/// never starts the embedded cluster and never migrates.
public final class EarlyConnection: @unchecked Sendable {
    /// The head start of this process, the one `Database.open` looks for.
    public static let shared = EarlyConnection()

    public init() {}

    private struct Request {
        var conninfo: String
        var schema: String
        var actor: String
    }

    /// What the background thread produced.
    public struct Opened {
        /// Connected with the session settings of `Database.open`.
        public var connection: Connection
        /// The applied schema version; nil when the schema was never migrated.
        public var version: Int?
    }

    private var request: Request?
    private var opened: Opened?
    private var thread: pthread_t?
    /// Guards the three above: tests open databases from many threads at once.
    private let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// Starts connecting in the background; at most once per process.
    public func start(_ location: Database.Location, workspace: String?, actor: String) {
        locked { startLocked(location, workspace: workspace, actor: actor) }
    }

    private func startLocked(_ location: Database.Location, workspace: String?, actor: String) {
        guard thread == nil, request == nil, let schema = try? Database.schema(forWorkspace: workspace) else { return }
        request = Request(conninfo: location.conninfo, schema: schema, actor: actor)
        let context = Unmanaged.passRetained(self).toOpaque()
        var tid = pthread_t()
        guard pthread_create(&tid, nil, { context in
            let early = Unmanaged<EarlyConnection>.fromOpaque(context!).takeRetainedValue()
            early.connect()
            return nil
        }, context) == 0 else {
            Unmanaged<EarlyConnection>.fromOpaque(context).release()
            request = nil
            return
        }
        thread = tid
    }

    /// Runs on the background thread; any failure just leaves nothing behind.
    /// `request` is not written while the thread runs (claim and discard join first).
    private func connect() {
        guard let r = request else { return }
        do {
            let conn = try Connection(r.conninfo, settings: Database.sessionSettings(schema: r.schema, actor: r.actor))
            opened = Opened(connection: conn, version: try Database.readVersion(conn))
        } catch {}
    }

    /// Waits for the background thread; the result is then safe to read here.
    private func join() {
        guard let tid = thread else { return }
        pthread_join(tid, nil)
        thread = nil
    }

    /// The head start, if it was made for exactly this server, schema and
    /// actor; it is handed over once. A mismatch closes it.
    public func claim(conninfo: String, schema: String, actor: String) -> Opened? {
        locked {
            join()
            defer { opened = nil; request = nil }
            guard let r = request, let o = opened, r.conninfo == conninfo, r.schema == schema, r.actor == actor else {
                opened?.connection.close()
                return nil
            }
            return o
        }
    }

    /// Closes a head start nobody claimed (the command failed before it
    /// needed the database, or did not need it).
    public func discard() {
        locked {
            join()
            opened?.connection.close()
            opened = nil
            request = nil
        }
    }
}
