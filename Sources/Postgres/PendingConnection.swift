import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection being opened without blocking. Creating it sends the startup
/// packet and returns at once, so the server forks and initialises its
/// backend while the caller does other work (a CLI parses its command line);
/// `finish` completes the handshake and hands over the `Connection`.
/// Released unfinished, it is closed.
public final class PendingConnection {
    private var conn: OpaquePointer?
    private let conninfo: String
    /// What libpq last asked for; before the first poll it is "writable".
    private var status = PGRES_POLLING_WRITING

    /// Starts connecting with the same conninfo and settings as
    /// `Connection.init(_:settings:)`.
    public init(_ conninfo: String, settings: [(name: String, value: String)] = []) {
        self.conninfo = conninfo
        conn = Connection.withParams(conninfo, settings) { PQconnectStartParams($0, $1, 1) }
        if conn == nil || PQstatus(conn) == CONNECTION_BAD { status = PGRES_POLLING_FAILED }
        advance(until: 0)
    }

    deinit { PQfinish(conn) }

    /// Waits for the server to finish the handshake (at most
    /// `connect_timeout` seconds when the conninfo sets one).
    public func finish() throws -> Connection {
        advance(until: deadline())
        let c = conn
        conn = nil
        if status != PGRES_POLLING_OK, let c, PQstatus(c) != CONNECTION_BAD {
            // We stopped waiting; libpq itself has nothing to say.
            let server = Connection.describe(c)
            PQfinish(c)
            throw PostgresError.connectionFailed(server: server, reason: "timeout expired")
        }
        return try Connection(established: c, conninfo: conninfo) // reports a failure, closing it
    }

    /// Polls libpq while the socket is ready; `until` is a CLOCK_MONOTONIC
    /// deadline in ms (0: only what is ready now, -1: no limit).
    private func advance(until deadline: Int) {
        while status == PGRES_POLLING_READING || status == PGRES_POLLING_WRITING {
            var fds = pollfd(fd: PQsocket(conn), events: Int16(status == PGRES_POLLING_READING ? POLLIN : POLLOUT), revents: 0)
            let wait = deadline < 0 ? -1 : max(0, deadline - Self.nowMS())
            let ready = poll(&fds, 1, Int32(clamping: wait))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                if deadline == 0 { return }
                status = PGRES_POLLING_FAILED // timed out
                return
            }
            status = PQconnectPoll(conn)
        }
    }

    /// `connect_timeout` of the conninfo as a deadline (libpq only enforces
    /// it when it blocks itself); -1 when there is none.
    private func deadline() -> Int {
        guard let options = PQconninfo(conn) else { return -1 }
        defer { PQconninfoFree(options) }
        guard let seconds = Connection.value(of: "connect_timeout", in: options).flatMap({ Int($0) }), seconds > 0 else { return -1 }
        return Self.nowMS() + max(seconds, 2) * 1000 // libpq's minimum is 2 s
    }

    private static func nowMS() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}
