/// One row of a result, in text format, with its column names. Decode
/// columns by name into any `PostgresDecodable` type.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [String?]

    public init(columns: [String], values: [String?]) { self.columns = columns; self.values = values }

    func index(_ column: String) throws -> Int {
        guard let i = columns.firstIndex(of: column) else {
            throw PostgresError.client("no column \"\(column)\" in result (has \(columns.joined(separator: ", ")))")
        }
        return i
    }

    /// The raw text of a column, nil for NULL.
    public subscript(_ column: String) -> String? {
        guard let i = columns.firstIndex(of: column) else { return nil }
        return values[i]
    }

    /// Decodes a NOT NULL column; NULL is an error.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let i = try index(column)
        guard let text = values[i], let v = T(postgresText: text) else {
            throw PostgresError.decoding(column: column, value: values[i], type: String(describing: T.self))
        }
        return v
    }

    /// Decodes a nullable column; NULL becomes nil.
    public func decodeIfPresent<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        let i = try index(column)
        guard let text = values[i] else { return nil }
        guard let v = T(postgresText: text) else {
            throw PostgresError.decoding(column: column, value: text, type: String(describing: T.self))
        }
        return v
    }

    /// Decodes a text column into a `RawRepresentable` enum.
    public func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let text: String = try decode(column)
        guard let v = T(rawValue: text) else { throw PostgresError.decoding(column: column, value: text, type: String(describing: T.self)) }
        return v
    }

    /// Decodes a nullable text column into a `RawRepresentable` enum.
    public func decodeIfPresent<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T? where T.RawValue == String {
        guard let text: String = try decodeIfPresent(column) else { return nil }
        guard let v = T(rawValue: text) else { throw PostgresError.decoding(column: column, value: text, type: String(describing: T.self)) }
        return v
    }
}
