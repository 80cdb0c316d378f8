import DecisionChain
import Postgres

/// What a dchain user may do: the group role their login belongs to.
public enum UserRole: String, CaseIterable, Sendable, Codable {
    case rep, manager, trainer, admin

    /// Parses a role named on the command line.
    public static func parse(_ text: String, field: String) throws -> UserRole {
        guard let r = UserRole(rawValue: text) else {
            throw InputError(field: field, value: text, problem: "is not a role; use rep, manager, trainer or admin")
        }
        return r
    }
}

/// A dchain user: a row of `app_user` and, for those added with `user add`,
/// a PostgreSQL login role in one of the dchain group roles.
public struct UserRecord: Sendable, Equatable {
    public var login: String
    public var name: String
    public var team: String?
    public var role: String
    /// Whether the login can connect (false: removed, or never given a login).
    public var canLogin: Bool
    public var removed: Bool
}

/// Who the connection is, for `whoami`.
public struct Identity: Sendable, Equatable {
    public var login: String
    public var name: String?
    public var team: String?
    /// The dchain group the login is in (`admin`, `manager`, `trainer`, `rep`), or
    /// `superuser` for the cluster's bootstrap role; nil for any other role.
    public var role: String?
    public var database: String
}

/// Users and their logins. Creating and changing logins goes through the
/// SECURITY DEFINER functions of 0008_teams.sql, which only an admin may run.
public struct UserStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    /// Adds a user with a login role (password, when given, sent as a SCRAM verifier).
    public func add(login: String, name: String, teamID: Int64?, role: UserRole, password: String?) throws {
        try permitted("adding users") {
            try db.transaction { c in
                let verifier = try password.map { try c.encryptPassword($0, user: login) }
                try c.query("SELECT dchain_login_create($1, $2, $3)", [login, verifier, role.rawValue])
                try c.execute("""
                    INSERT INTO app_user (login, name, team_id, role) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (login) DO UPDATE SET name = EXCLUDED.name, team_id = EXCLUDED.team_id,
                        role = EXCLUDED.role, removed_at = NULL
                    """, [login, name, teamID, role.rawValue])
            }
        }
    }

    /// Changes a user's team and/or role (the login's group role follows).
    public func set(login: String, teamID: Int64?, role: UserRole?) throws {
        try permitted("changing users") {
            try db.transaction { c in
                let n = try c.execute("""
                    UPDATE app_user SET team_id = coalesce($2, team_id), role = coalesce($3, role) WHERE login = $1
                    """, [login, teamID, role?.rawValue])
                guard n == 1 else { throw try notFound(login) }
                if let role { try c.query("SELECT dchain_login_set_group($1, $2)", [login, role.rawValue]) }
            }
        }
    }

    /// Removes a user: the login can no longer connect; rows and audit entries stay.
    public func remove(login: String) throws {
        try permitted("removing users") {
            try db.transaction { c in
                let n = try c.execute("UPDATE app_user SET removed_at = now() WHERE login = $1 AND removed_at IS NULL", [login])
                guard n == 1 else { throw try notFound(login) }
                try c.query("SELECT dchain_login_enable($1, false)", [login])
            }
        }
    }

    /// Every user, by login.
    public func list() throws -> [UserRecord] {
        try db.query("""
            SELECT u.login, u.name, t.name AS team, u.role, coalesce(r.rolcanlogin, false) AS can_login,
                   u.removed_at IS NOT NULL AS removed
            FROM app_user u LEFT JOIN team t ON t.id = u.team_id LEFT JOIN pg_roles r ON r.rolname = u.login
            ORDER BY u.login
            """).map {
            UserRecord(login: try $0.decode("login"), name: try $0.decode("name"), team: try $0.decodeIfPresent("team"),
                       role: try $0.decode("role"), canLogin: try $0.decode("can_login", as: Bool.self),
                       removed: try $0.decode("removed", as: Bool.self))
        }
    }

    /// The connected login, as the server knows it.
    public func whoami() throws -> Identity {
        let row = try db.queryRow("""
            SELECT session_user AS login, u.name, t.name AS team, current_database() AS database,
                   CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'superuser'
                        WHEN pg_has_role(session_user, 'dchain_admin', 'MEMBER') THEN 'admin'
                        WHEN pg_has_role(session_user, 'dchain_manager', 'MEMBER') THEN 'manager'
                        WHEN pg_has_role(session_user, 'dchain_trainer', 'MEMBER') THEN 'trainer'
                        WHEN pg_has_role(session_user, 'dchain_rep', 'MEMBER') THEN 'rep' END AS role
            FROM (SELECT 1) one
            LEFT JOIN app_user u ON u.login = session_user LEFT JOIN team t ON t.id = u.team_id
            """)!
        return Identity(login: try row.decode("login"), name: try row.decodeIfPresent("name"), team: try row.decodeIfPresent("team"),
                        role: try row.decodeIfPresent("role"), database: try row.decode("database"))
    }

    private func notFound(_ login: String) throws -> StoreError {
        .notFound(kind: "user", reference: login, scope: nil,
                  candidates: try db.query("SELECT login FROM app_user WHERE login ILIKE $1 ORDER BY login LIMIT 5",
                                           ["%" + login.prefix(3) + "%"]).map { try $0.decode("login") })
    }

    /// Runs `body`; the server's "permission denied" becomes one line naming what needs an admin.
    private func permitted<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let PostgresError.server(e) where e.sqlState == "42501" && !e.message.contains("not a dchain login") {
            throw StoreError.notPermitted("\(what) needs an admin (dchain_admin); \(db.user) is not one")
        } catch let PostgresError.server(e) where e.sqlState == "42710" {
            throw DomainError("a database role with that login already exists; choose another login")
        }
    }
}
