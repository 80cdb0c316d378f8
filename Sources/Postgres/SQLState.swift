/// A PostgreSQL error code (SQLSTATE), named: `SQLState.uniqueViolation`
/// reads better than `"23505"` where errors are mapped.
public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ code: String) { self.rawValue = code }
    public var description: String { rawValue }

    /// The two-character class (`23` integrity, `22` data, `08` connection…).
    public var errorClass: String { String(rawValue.prefix(2)) }

    // Class 22: data exception.
    public static let dataException = SQLState("22000")
    public static let stringDataRightTruncation = SQLState("22001")
    public static let numericValueOutOfRange = SQLState("22003")
    public static let invalidDatetimeFormat = SQLState("22007")
    public static let datetimeFieldOverflow = SQLState("22008")
    public static let invalidTextRepresentation = SQLState("22P02")
    public static let characterNotInRepertoire = SQLState("22021")
    public static let untranslatableCharacter = SQLState("22P05")
    // Class 23: integrity constraint violation.
    public static let notNullViolation = SQLState("23502")
    public static let foreignKeyViolation = SQLState("23503")
    public static let uniqueViolation = SQLState("23505")
    public static let checkViolation = SQLState("23514")
    public static let exclusionViolation = SQLState("23P01")
    // Class 40: transaction rollback.
    public static let serializationFailure = SQLState("40001")
    public static let deadlockDetected = SQLState("40P01")
    // Class 42: syntax error or access rule violation.
    public static let insufficientPrivilege = SQLState("42501")
    public static let undefinedColumn = SQLState("42703")
    public static let undefinedTable = SQLState("42P01")
    public static let undefinedObject = SQLState("42704")
    public static let duplicateDatabase = SQLState("42P04")
    public static let duplicateSchema = SQLState("42P06")
    public static let invalidSchemaName = SQLState("3F000")
    // Class 28 / 08 / 57: authorization, connection, operator intervention.
    public static let invalidAuthorizationSpecification = SQLState("28000")
    public static let invalidPassword = SQLState("28P01")
    public static let connectionException = SQLState("08000")
    public static let adminShutdown = SQLState("57P01")
    public static let cannotConnectNow = SQLState("57P03")
    // Class 55: object not in prerequisite state.
    public static let lockNotAvailable = SQLState("55P03")
}
