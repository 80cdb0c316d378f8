import DecisionChain
import DecisionChainStore
import Foundation
import Postgres

/// sysexits statuses, and the one place errors become them.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let unavailable: Int32 = 69
    static let software: Int32 = 70
    static let cantCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let noPermission: Int32 = 77
    static let config: Int32 = 78

    /// The status for an error of ours; nil lets ArgumentParser report it (usage, help).
    static func code(for error: Error) -> Int32? {
        switch error {
        case is InputError, is DomainError: return dataError
        case let e as StoreError:
            switch e {
            case .notFound, .ambiguous, .rule: return dataError
            case .migrationChanged, .schemaTooNew: return software
            case .cluster: return unavailable
            case .timeZone: return config
            case .notPermitted: return noPermission
            }
        case let e as PostgresError:
            switch e {
            case let .connectionFailed(_, reason):
                // A wrong password, an unknown or removed login: refused, not unreachable.
                let refused = reason.contains("password authentication failed") || reason.contains("no password supplied")
                    || reason.contains("is not permitted to log in") || reason.contains("pg_hba.conf rejects") || (reason.contains("role \"") && reason.contains("does not exist"))
                return refused ? noPermission : unavailable
            case let .server(s):
                if s.sqlState == "42501" || s.sqlState.hasPrefix("28") { return noPermission }
                if s.isIntegrityViolation || s.sqlState.hasPrefix("22") { return dataError }
                if s.sqlState.hasPrefix("08") || s.sqlState.hasPrefix("57") { return unavailable }
                return software
            case .client: return unavailable
            case .decoding: return software
            }
        case is UsageHint: return usage
        case let e as OutputError:
            return e.status
        default:
            return nil
        }
    }

    /// The one line the user sees.
    static func message(for error: Error) -> String {
        switch error {
        case let e as PostgresError:
            if case let .server(s) = e, s.isIntegrityViolation { return "rejected by the database: \(s.description)" }
            return e.description
        default:
            return String(describing: error)
        }
    }
}

/// A file could not be written.
struct OutputError: Error, CustomStringConvertible {
    var description: String
    var status: Int32 = ExitStatus.cantCreate
}
