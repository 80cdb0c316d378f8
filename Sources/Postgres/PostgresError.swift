/// An error from PostgreSQL or from talking to it. Server errors carry the
/// SQLSTATE and the server's message, detail and hint.
public enum PostgresError: Error, CustomStringConvertible, Sendable {
    /// The server could not be reached: which server, and libpq's reason.
    case connectionFailed(server: String, reason: String)
    /// The server rejected a statement.
    case server(ServerError)
    /// The connection broke or libpq failed outside a statement.
    case client(String)
    /// A value in a row could not be decoded as the asked type.
    case decoding(column: String, value: String?, type: String)

    public var description: String {
        switch self {
        case let .connectionFailed(server, reason): "cannot connect to PostgreSQL at \(server): \(reason)"
        case let .server(e): e.description
        case let .client(m): m
        case let .decoding(column, value, type): "column \(column): cannot read \(value.map { "\"\($0)\"" } ?? "NULL") as \(type)"
        }
    }

    /// The SQLSTATE of a server error, else nil.
    public var sqlState: String? {
        if case let .server(e) = self { return e.sqlState }
        return nil
    }

    /// The named SQLSTATE of a server error, else nil.
    public var state: SQLState? {
        if case let .server(e) = self { return e.state }
        return nil
    }
}

/// The fields of an error report from the server.
public struct ServerError: Sendable, CustomStringConvertible {
    public var severity: String
    public var sqlState: String
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// The statement that failed (its text, parameters not included).
    public var statement: String?

    public init(severity: String, sqlState: String, message: String, detail: String? = nil, hint: String? = nil,
                constraint: String? = nil, table: String? = nil, column: String? = nil, statement: String? = nil) {
        self.severity = severity; self.sqlState = sqlState; self.message = message; self.detail = detail; self.hint = hint
        self.constraint = constraint; self.table = table; self.column = column; self.statement = statement
    }

    /// The SQLSTATE, named.
    public var state: SQLState { SQLState(sqlState) }

    public var description: String {
        var s = message
        if let detail { s += " (\(detail))" }
        if let hint { s += "; hint: \(hint)" }
        return s
    }

    /// Class 23: integrity constraint violation.
    public var isIntegrityViolation: Bool { state.errorClass == "23" }
    /// Class 22: a value the server cannot take (out of range, malformed).
    public var isDataException: Bool { state.errorClass == "22" }
    /// 40001 / 40P01: the transaction may succeed if retried.
    public var isRetryable: Bool { state == .serializationFailure || state == .deadlockDetected }
}
