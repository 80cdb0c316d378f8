/// Errors of the store layer that are not the server's own: references that
/// do not resolve, a missing server binary, a changed migration.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// A name, code or id that matches nothing; `candidates` are near misses.
    case notFound(kind: String, reference: String, scope: String?, candidates: [String])
    /// A name that matches more than one entity.
    case ambiguous(kind: String, reference: String, scope: String?, candidates: [String])
    /// A rule of the domain refused the change (e.g. a second EB).
    case rule(String)
    /// An applied migration file differs from the one in this binary.
    case migrationChanged(name: String)
    /// The database was migrated by a newer dchain.
    case schemaTooNew(version: Int, known: Int)
    /// The embedded cluster cannot be set up or started.
    case cluster(String)
    /// `DCHAIN_TZ`/`TZ` names a time zone the server does not know.
    case timeZone(String)
    /// The login may not do this (a rep adding users, migrating a shared server).
    case notPermitted(String)

    public var description: String {
        switch self {
        case let .notFound(kind, ref, scope, candidates):
            var s = "\(kind) \"\(ref)\" not found" + (scope.map { " in \($0)" } ?? "")
            if !candidates.isEmpty { s += "; did you mean " + candidates.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + "?" }
            return s
        case let .ambiguous(kind, ref, scope, candidates):
            return "\(kind) \"\(ref)\" is ambiguous" + (scope.map { " in \($0)" } ?? "") + ": "
                + candidates.prefix(8).joined(separator: "; ") + " (use the id)"
        case let .rule(m): return m
        case let .migrationChanged(name):
            return "migration \(name) was changed after it was applied; restore the original file (migrations are forward-only)"
        case let .schemaTooNew(v, known):
            return "database schema version \(v) is newer than this dchain knows (\(known)); upgrade dchain"
        case let .cluster(m): return m
        case let .notPermitted(m): return m
        case let .timeZone(tz):
            return "time zone \"\(tz)\" (from DCHAIN_TZ or TZ) is unknown to the server; set DCHAIN_TZ to a name like Asia/Shanghai or UTC"
        }
    }
}
