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
                if s.state == .insufficientPrivilege || s.state.errorClass == "28" { return noPermission }
                if s.isIntegrityViolation || s.isDataException { return dataError }
                if s.state.errorClass == "08" || s.state.errorClass == "57" { return unavailable }
                return software
            case .client: return unavailable
            case .decoding: return software
            }
        case is UsageHint: return usage
        case let e as OutputError:
            return e.status
        case let e as FileError:
            switch e.kind {
            case .cannotCreate: return cantCreate
            case .io: return ioError
            case .permission: return noPermission
            }
        case let e as CocoaError:
            // A Foundation file error that slipped past the checks: still one line.
            return e.code == .fileWriteNoPermission || e.code == .fileReadNoPermission ? noPermission : cantCreate
        default:
            return nil
        }
    }

    /// The one line the user sees.
    static func message(for error: Error) -> String {
        switch error {
        case let e as PostgresError:
            if case let .server(s) = e, s.state == .uniqueViolation, s.constraint == "buying_influence_one_eb" {
                return "the deal already has an EB; a deal has one economic buyer — use --replace (rejected by the database: \(s.constraint!))"
            }
            if case let .server(s) = e, s.isIntegrityViolation || s.isDataException { return "rejected by the database: \(s.description)" }
            return e.description
        case let e as CocoaError:
            let path = e.userInfo[NSFilePathErrorKey] as? String ?? e.userInfo[NSURLErrorKey].map { "\($0)" } ?? "file"
            let posix = (e.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
            return "\(path): " + (posix ?? "cannot be read or written (\(e.code.rawValue))")
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
