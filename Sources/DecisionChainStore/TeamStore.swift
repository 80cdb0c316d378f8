import DecisionChain
import Postgres

/// A team as `team list` shows it: its members and the accounts the caller can see.
public struct TeamRecord: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var members: Int
    public var accounts: Int
}

/// Teams: the unit row-level security gives accounts to. Only admins write them.
public struct TeamStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    /// Adds a team; a second team of the same name is refused.
    public func add(name: String) throws -> TeamRecord {
        let name = try Names.normalize(name, field: "team")
        do {
            let row = try db.queryRow("INSERT INTO team (name) VALUES ($1) RETURNING id", [name])
            return TeamRecord(id: try row!.decode("id"), name: name, members: 0, accounts: 0)
        } catch let PostgresError.server(e) where e.sqlState == "23505" {
            throw DomainError("team \"\(name)\" already exists")
        } catch let PostgresError.server(e) where e.sqlState == "42501" {
            throw StoreError.notPermitted("adding a team needs an admin (dchain_admin); \(db.user) is not one")
        }
    }

    /// Every team with its active members and the accounts visible to the caller.
    public func list() throws -> [TeamRecord] {
        try db.query("""
            SELECT t.id, t.name,
                   (SELECT count(*) FROM app_user u WHERE u.team_id = t.id AND u.removed_at IS NULL) AS members,
                   (SELECT count(*) FROM account a WHERE a.team_id = t.id) AS accounts
            FROM team t ORDER BY t.name
            """).map {
            TeamRecord(id: try $0.decode("id"), name: try $0.decode("name"),
                       members: try $0.decode("members"), accounts: try $0.decode("accounts"))
        }
    }

    /// A team's id by exact name.
    public func id(name: String) throws -> Int64 {
        let name = try Names.normalize(name, field: "team")
        guard let row = try db.queryRow("SELECT id FROM team WHERE name = $1", [name]) else {
            throw StoreError.notFound(kind: "team", reference: name, scope: nil,
                                      candidates: Names.suggestions(for: name, among: try db.query("SELECT name FROM team").map { try $0.decode("name") }))
        }
        return try row.decode("id")
    }
}
