/// Bad input, named by its field and value: `emotion "5" is outside -3...3`.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    public var field: String
    public var value: String
    public var problem: String

    public init(field: String, value: String, problem: String) {
        self.field = field; self.value = value; self.problem = problem
    }

    public var description: String { "\(field) \"\(value)\" \(problem)" }

    /// `kind "city" is not one of government, institution, soe, enterprise`.
    public static func notOneOf<E: CaseIterable & RawRepresentable>(_ field: String, _ value: String, _ type: E.Type) -> InputError
    where E.RawValue == String {
        InputError(field: field, value: value, problem: "is not one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
    }
}

/// A domain rule refused an operation (e.g. a deal already has an EB).
public struct DomainError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// Parses a CLI value, naming the field in the error.
    public static func parse(_ value: String, field: String) throws -> Self {
        if let v = Self(rawValue: value) { return v }
        if let v = allCases.first(where: { $0.rawValue.lowercased() == value.lowercased() }) { return v }
        throw InputError.notOneOf(field, value, Self.self)
    }
}
