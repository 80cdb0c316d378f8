import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq. Not thread-safe:
/// use one connection per task. Closed when released.
public final class Connection {
    private var conn: OpaquePointer?
    /// How many `transaction` calls are open; nested ones use savepoints.
    private var transactionDepth = 0

    /// Opens a connection from a libpq conninfo string (`host=... dbname=...`)
    /// or a `postgres://` URL; PG* environment variables fill the gaps.
    /// `settings` are run-time parameters (`search_path`, `TimeZone`, custom
    /// `x.y` ones) the server applies while the session starts: no extra round
    /// trip. They come after any `options` of the conninfo or `PGOPTIONS`.
    public convenience init(_ conninfo: String, settings: [(name: String, value: String)] = []) throws {
        let c = Connection.withParams(conninfo, settings) { PQconnectdbParams($0, $1, 1) }
        try self.init(established: c, conninfo: conninfo)
    }

    /// Takes over a libpq connection whose handshake has ended; a failed one
    /// is closed and reported (one line, naming the server).
    init(established c: OpaquePointer?, conninfo: String) throws {
        guard let c, PQstatus(c) == CONNECTION_OK else {
            let reason = c.map { Connection.oneLine(String(cString: PQerrorMessage($0))) } ?? "out of memory"
            let server = c.map(Connection.describe) ?? Connection.redact(conninfo)
            PQfinish(c)
            throw PostgresError.connectionFailed(server: server, reason: reason)
        }
        conn = c
        // Notices (e.g. "relation already exists, skipping") are not for users.
        PQsetNoticeProcessor(c, { _, _ in }, nil)
    }

    deinit { PQfinish(conn) }

    /// Closes the connection now.
    public func close() { PQfinish(conn); conn = nil }

    /// Where this connection goes, for messages: `socket /tmp/x:5432 db dchain`.
    public var server: String { conn.map(Connection.describe) ?? "(closed)" }

    /// The role this connection logged in as (the server's `session_user`).
    public var user: String { conn.flatMap { PQuser($0) }.map { String(cString: $0) } ?? "" }

    /// A password as the server stores it for `user`: a SCRAM-SHA-256 verifier
    /// (or whatever `password_encryption` says), computed here, so the clear
    /// password never travels or lands in a server log.
    public func encryptPassword(_ password: String, user: String) throws -> String {
        guard let p = PQencryptPasswordConn(conn, password, user, nil) else {
            throw PostgresError.client(Connection.oneLine(String(cString: PQerrorMessage(conn))))
        }
        defer { PQfreemem(p) }
        return String(cString: p)
    }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(conn)) }

    /// Runs a statement with bound parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ params: [any PostgresEncodable] = []) throws -> [Row] {
        let result = try execParams(sql, params)
        defer { PQclear(result) }
        return Connection.rows(of: result)
    }

    /// Runs a statement with bound parameters and returns the first row, if any.
    public func queryRow(_ sql: String, _ params: [any PostgresEncodable] = []) throws -> Row? {
        try query(sql, params).first
    }

    /// Runs a statement with bound parameters; returns the count of affected rows.
    @discardableResult
    public func execute(_ sql: String, _ params: [any PostgresEncodable] = []) throws -> Int {
        let result = try execParams(sql, params)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs a script of several statements with no parameters (migrations, SET).
    public func run(script sql: String) throws {
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        try check(result, statement: sql)
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when
    /// it throws. A failed ROLLBACK never hides the original error. Nested
    /// calls use savepoints, so a repository that opens its own transaction
    /// can still be part of a caller's larger one.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        let savepoint = transactionDepth == 0 ? nil : "dchain_sp_\(transactionDepth)"
        try run(script: savepoint.map { "SAVEPOINT \($0)" } ?? "BEGIN")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let value = try body(self)
            try run(script: savepoint.map { "RELEASE SAVEPOINT \($0)" } ?? "COMMIT")
            return value
        } catch {
            try? run(script: savepoint.map { "ROLLBACK TO SAVEPOINT \($0); RELEASE SAVEPOINT \($0)" } ?? "ROLLBACK")
            throw error
        }
    }

    /// Streams rows into `COPY table (cols) FROM STDIN` in text format; nil is NULL.
    /// Returns the count of rows copied.
    @discardableResult
    public func copy<S: Sequence>(_ copySQL: String, rows: S) throws -> Int where S.Element == [String?] {
        try copyIn(copySQL) { w in
            for row in rows {
                for v in row { w.field(v) }
                try w.endRow()
            }
        }
    }

    /// Runs `COPY ... FROM STDIN` (text format) and lets `body` write its rows
    /// through a `CopyWriter`. An error thrown by `body` aborts the COPY (the
    /// server discards it) and is rethrown; a server error names the statement.
    /// Returns the count of rows written.
    @discardableResult
    public func copyIn(_ copySQL: String, _ body: (CopyWriter) throws -> Void) throws -> Int {
        let start = PQexec(conn, copySQL)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            try check(start, statement: copySQL)
            throw PostgresError.client("not a COPY FROM STDIN statement: \(copySQL)")
        }
        PQclear(start)
        let conn = self.conn
        let writer = CopyWriter { bytes in
            let ok = bytes.withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { PQputCopyData(conn, $0, Int32(b.count)) }
            }
            if ok != 1 { throw PostgresError.client(Connection.oneLine(String(cString: PQerrorMessage(conn)))) }
        }
        var failure: Error?
        do {
            try body(writer)
            try writer.flush()
        } catch { failure = error }
        PQputCopyEnd(conn, failure == nil ? nil : "aborted by client")
        var serverError: Error?
        while let r = PQgetResult(conn) {
            do { try check(r, statement: copySQL) } catch { serverError = serverError ?? error }
            PQclear(r)
        }
        if let failure { throw failure }
        if let serverError { throw serverError }
        return writer.rows
    }

    /// Calls a libpq `...Params` connect function with `dbname` set to the
    /// conninfo (expanded: its other settings stay) and `options` carrying
    /// the settings after the conninfo's own options.
    static func withParams(_ conninfo: String, _ settings: [(name: String, value: String)],
                           _ connect: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> OpaquePointer?) -> OpaquePointer? {
        var params = [("dbname", conninfo)]
        if !settings.isEmpty {
            var options = Connection.options(of: conninfo) ?? ""
            for s in settings {
                if !options.isEmpty { options.append(" ") }
                options.append("-c ")
                options.append(escapeOption(s.name + "=" + s.value))
            }
            params.append(("options", options))
        }
        let keys = params.map { strdup($0.0) }, values = params.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let k = (keys + [nil]).map { UnsafePointer($0) }, v = (values + [nil]).map { UnsafePointer($0) }
        return connect(k, v)
    }

    /// The `options` a conninfo string or URL sets, else `PGOPTIONS`.
    public static func options(of conninfo: String) -> String? {
        var error: UnsafeMutablePointer<CChar>?
        if let parsed = PQconninfoParse(conninfo, &error) {
            defer { PQconninfoFree(parsed) }
            if let value = value(of: "options", in: parsed) { return value }
        } else {
            PQfreemem(error) // a bare database name: no options in it
        }
        return getenv("PGOPTIONS").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of one keyword in a libpq option array (PQconninfoParse, PQconninfo).
    static func value(of keyword: String, in options: UnsafeMutablePointer<PQconninfoOption>) -> String? {
        var option = options
        while let k = option.pointee.keyword {
            if String(cString: k) == keyword { return option.pointee.val.map { String(cString: $0) } }
            option += 1
        }
        return nil
    }

    /// In `options`, spaces separate arguments unless escaped with a backslash.
    static func escapeOption(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "\\" || ch == " " { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Quotes an identifier without a connection (UTF-8 server encoding):
    /// doubles embedded double quotes and wraps the name in them.
    public static func quoteIdentifier(_ name: String) -> String {
        // A plain loop: Foundation's replacingOccurrences costs a fresh process
        // ~0.5 ms of runtime type lookups, before dchain log's startup packet.
        var quoted = "\""
        for ch in name {
            if ch == "\"" { quoted.append("\"") }
            quoted.append(ch)
        }
        quoted.append("\"")
        return quoted
    }

    /// Quotes an identifier that must be spliced into SQL (a schema name).
    public func escapeIdentifier(_ name: String) throws -> String {
        guard let p = PQescapeIdentifier(conn, name, name.utf8.count) else {
            throw PostgresError.client(Connection.oneLine(String(cString: PQerrorMessage(conn))))
        }
        defer { PQfreemem(p) }
        return String(cString: p)
    }

    // MARK: - internals

    private func execParams(_ sql: String, _ params: [any PostgresEncodable]) throws -> OpaquePointer? {
        let texts = params.map { $0.postgresText }
        let cStrings: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { cStrings.forEach { free($0) } }
        let result = cStrings.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buf.count, 1)) { ptr in
                PQexecParams(conn, sql, Int32(texts.count), nil, texts.isEmpty ? nil : ptr, nil, nil, 0)
            }
        }
        do { try check(result, statement: sql) } catch { PQclear(result); throw error }
        return result
    }

    private func check(_ result: OpaquePointer?, statement: String?) throws {
        guard let result else {
            throw PostgresError.client(Connection.oneLine(String(cString: PQerrorMessage(conn))))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_SINGLE_TUPLE:
            return
        default:
            func field(_ code: Int32) -> String? {
                PQresultErrorField(result, code).map { String(cString: $0) }
            }
            guard let state = field(DC_PG_DIAG_SQLSTATE) else {
                let message = Connection.oneLine(String(cString: PQerrorMessage(conn)))
                if PQstatus(conn) != CONNECTION_OK {
                    throw PostgresError.connectionFailed(server: server, reason: message)
                }
                throw PostgresError.client(message)
            }
            throw PostgresError.server(ServerError(
                severity: field(DC_PG_DIAG_SEVERITY) ?? "ERROR",
                sqlState: state,
                message: field(DC_PG_DIAG_MESSAGE_PRIMARY) ?? "unknown error",
                detail: field(DC_PG_DIAG_MESSAGE_DETAIL),
                hint: field(DC_PG_DIAG_MESSAGE_HINT),
                constraint: field(DC_PG_DIAG_CONSTRAINT_NAME),
                table: field(DC_PG_DIAG_TABLE_NAME),
                column: field(DC_PG_DIAG_COLUMN_NAME),
                statement: statement))
        }
    }

    private static func rows(of result: OpaquePointer?) -> [Row] {
        let n = Int(PQntuples(result)), m = Int(PQnfields(result))
        guard n > 0 else { return [] }
        let names = (0..<m).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [Row] = []
        rows.reserveCapacity(n)
        for r in 0..<n {
            var values: [String?] = []
            values.reserveCapacity(m)
            for c in 0..<m {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            rows.append(Row(columns: names, values: values))
        }
        return rows
    }

    static func describe(_ c: OpaquePointer) -> String {
        let host = PQhost(c).map { String(cString: $0) } ?? ""
        let port = PQport(c).map { String(cString: $0) } ?? ""
        let db = PQdb(c).map { String(cString: $0) } ?? ""
        let where_ = host.hasPrefix("/") ? "socket \(host)/.s.PGSQL.\(port)" : "\(host):\(port)"
        return db.isEmpty ? where_ : "\(where_) (database \(db))"
    }

    /// A conninfo without its password, for messages.
    static func redact(_ conninfo: String) -> String {
        conninfo.replacingOccurrences(of: "password=[^ ]*", with: "password=***", options: .regularExpression)
            .replacingOccurrences(of: "://([^:/@]*):[^@]*@", with: "://$1:***@", options: .regularExpression)
    }

    /// libpq messages span lines ("connection to server ... failed: \n\tIs the server running...").
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
