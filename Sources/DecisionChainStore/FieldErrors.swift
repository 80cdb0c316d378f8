import DecisionChain
import Postgres

/// The backstop that turns a server's refusal of a value (numeric overflow,
/// a date out of range, a failed CHECK) into an `InputError` naming the CLI
/// field and the value the user typed. Commands validate first; this catches
/// what slipped through, so the user never sees raw server text.
public struct FieldErrors: Sendable {
    /// One value a statement writes: its column, the CLI field it came from,
    /// the text the user typed, and the limit to name when it is too large.
    public struct Field: Sendable {
        public enum Kind: Sendable { case number, date, text }
        public var column: String
        public var field: String
        public var value: String
        public var kind: Kind
        public var limit: String?
        public init(column: String, field: String, value: String, kind: Kind, limit: String? = nil) {
            self.column = column; self.field = field; self.value = value; self.kind = kind; self.limit = limit
        }
    }

    public var fields: [Field]
    public init(_ fields: [Field?]) { self.fields = fields.compactMap { $0 } }

    /// The largest amount a `numeric(18,2)` column holds.
    public static let amountLimit = "9999999999999999.99"

    /// Runs `body`; a server error about one of `fields` becomes an InputError.
    public func map<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let PostgresError.server(e) {
            if let mapped = inputError(for: e) { throw mapped }
            throw PostgresError.server(e)
        }
    }

    /// The InputError for a server error, when it is about one of the fields.
    public func inputError(for e: ServerError) -> InputError? {
        func named(_ f: Field, _ problem: String) -> InputError { InputError(field: f.field, value: f.value, problem: problem) }
        if let column = e.column, let f = fields.first(where: { $0.column == column }) {
            return named(f, "is refused by the database (\(e.message))")
        }
        switch e.state {
        case .numericValueOutOfRange:
            guard let f = fields.first(where: { $0.kind == .number }) else { return nil }
            return named(f, "is too large" + (f.limit.map { " (at most \($0))" } ?? ""))
        case .datetimeFieldOverflow, .invalidDatetimeFormat:
            let dates = fields.filter { $0.kind == .date }
            guard let f = dates.first(where: { e.message.contains($0.value) || (e.detail ?? "").contains($0.value) }) ?? dates.first else { return nil }
            return named(f, "is out of the range of dates the database takes")
        case .checkViolation, .notNullViolation:
            guard let constraint = e.constraint ?? e.column,
                  let f = fields.first(where: { constraint.contains($0.column) }) else { return nil }
            return named(f, "is not allowed here (rule \(constraint))")
        case .stringDataRightTruncation:
            guard let f = fields.first(where: { $0.kind == .text }) else { return nil }
            return named(f, "is too long")
        default:
            return nil
        }
    }
}
