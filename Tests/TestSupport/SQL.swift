import Postgres

/// Small helpers for tests that check what landed in the database.
public struct SQL {
    public let connection: Connection
    public init(_ conninfo: String) throws { connection = try Connection(conninfo) }

    /// The first column of the first row as an integer.
    public func int(_ sql: String, _ params: [any PostgresEncodable] = []) throws -> Int {
        guard let row = try connection.query(sql, params).first, let text = row.values.first ?? nil, let v = Int(text) else {
            throw SubprocessError(message: "no integer from: \(sql)")
        }
        return v
    }

    /// The first column of every row as text.
    public func strings(_ sql: String, _ params: [any PostgresEncodable] = []) throws -> [String?] {
        try connection.query(sql, params).map { $0.values.first ?? nil }
    }
}
