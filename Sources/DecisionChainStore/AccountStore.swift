import DecisionChain
import Postgres

/// Accounts and their units.
public struct AccountStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    static let columns = """
        a.id, a.name, a.kind, a.code, a.region, a.industry, a.parent_id,
        (SELECT login FROM app_user WHERE id = a.owner_id) AS owner_login,
        (SELECT name FROM team WHERE id = a.team_id) AS team_name
        """

    /// What `account add` / `account edit` may set; nil leaves a field as it is.
    public struct Fields {
        public var name: String?
        public var kind: AccountKind?
        public var code: String?
        public var region: String?
        public var industry: String?
        public var parentID: Int64?
        public var ownerID: Int64?
        public var teamID: Int64?
        public init(name: String? = nil, kind: AccountKind? = nil, code: String? = nil, region: String? = nil,
                    industry: String? = nil, parentID: Int64? = nil, ownerID: Int64? = nil, teamID: Int64? = nil) {
            self.name = name; self.kind = kind; self.code = code; self.region = region; self.industry = industry
            self.parentID = parentID; self.ownerID = ownerID; self.teamID = teamID
        }
    }

    /// Adds an account; a second account of the same name or code is refused.
    public func add(_ f: Fields) throws -> Account {
        var f = f; f.name = try Names.normalize(f.name, field: "name"); f.code = try Names.normalize(f.code, field: "code")
        guard let name = f.name, let kind = f.kind else { throw DomainError("an account needs a name and a kind") }
        if let existing = try db.queryRow("SELECT id FROM account WHERE name = $1 OR code = $2", [name, f.code]) {
            throw DomainError("account \"\(name)\"\(f.code.map { " or code \"\($0)\"" } ?? "") already exists (#\(existing["id"].flatMap { $0 } ?? ""))")
        }
        let row: Row?
        do {
            row = try db.queryRow("""
                INSERT INTO account (name, kind, code, region, industry, parent_id, owner_id, team_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                """, [name, kind.rawValue, f.code, f.region, f.industry, f.parentID, f.ownerID, f.teamID])
        } catch let PostgresError.server(e) where e.sqlState == "23505" {
            // Names and codes are unique across teams (two teams must not chase one account);
            // the other team's account stays invisible: say only that the name is taken.
            throw DomainError("account name \"\(name)\"\(f.code.map { " or code \"\($0)\"" } ?? "") is already used by an account outside your team; ask an admin")
        }
        return try get(try row!.decode("id"))
    }

    /// Changes the given fields of an account.
    public func edit(_ id: Int64, _ f: Fields) throws -> Account {
        var f = f; f.name = try Names.normalize(f.name, field: "name"); f.code = try Names.normalize(f.code, field: "code")
        try db.execute("""
            UPDATE account SET name = coalesce($2, name), kind = coalesce($3, kind), code = coalesce($4, code),
                region = coalesce($5, region), industry = coalesce($6, industry), parent_id = coalesce($7, parent_id),
                owner_id = coalesce($8, owner_id), team_id = coalesce($9, team_id), updated_at = now()
            WHERE id = $1
            """, [id, f.name, f.kind?.rawValue, f.code, f.region, f.industry, f.parentID, f.ownerID, f.teamID])
        return try get(id)
    }

    /// One account by id.
    public func get(_ id: Int64) throws -> Account {
        guard let row = try db.queryRow("SELECT \(Self.columns) FROM account a WHERE a.id = $1", [id]) else {
            throw StoreError.notFound(kind: "account", reference: "#\(id)", scope: nil, candidates: [])
        }
        return try Account(row: row)
    }

    /// Accounts, filtered; ordered by name.
    public func list(kind: AccountKind? = nil, region: String? = nil, owner: String? = nil) throws -> [Account] {
        try db.query("""
            SELECT \(Self.columns) FROM account a
            WHERE ($1::text IS NULL OR a.kind = $1) AND ($2::text IS NULL OR a.region = $2)
              AND ($3::text IS NULL OR a.owner_id = (SELECT id FROM app_user WHERE login = $3))
            ORDER BY a.name
            """, [kind?.rawValue, region, owner]).map(Account.init(row:))
    }

    /// Adds a unit (department) to an account.
    public func addUnit(accountID: Int64, name: String, parentID: Int64?) throws -> OrgUnit {
        let name = try Names.normalize(name, field: "unit")
        if try db.queryRow("SELECT 1 AS x FROM unit WHERE account_id = $1 AND name = $2", [accountID, name]) != nil {
            throw DomainError("unit \"\(name)\" already exists in this account")
        }
        let row = try db.queryRow("INSERT INTO unit (account_id, name, parent_id) VALUES ($1, $2, $3) RETURNING id",
                                  [accountID, name, parentID])
        return OrgUnit(id: try row!.decode("id"), accountID: accountID, name: name, parentID: parentID)
    }

    /// A unit by name, created when missing.
    public func unitID(accountID: Int64, name: String) throws -> Int64 {
        let name = try Names.normalize(name, field: "unit")
        let row = try db.queryRow("""
            WITH ins AS (INSERT INTO unit (account_id, name) VALUES ($1, $2) ON CONFLICT (account_id, name) DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL SELECT id FROM unit WHERE account_id = $1 AND name = $2 LIMIT 1
            """, [accountID, name])
        return try row!.decode("id")
    }

    /// The units of an account, ordered by name.
    public func units(accountID: Int64) throws -> [OrgUnit] {
        try db.query("SELECT account_id, id, name, parent_id FROM unit WHERE account_id = $1 ORDER BY name", [accountID]).map {
            OrgUnit(id: try $0.decode("id"), accountID: try $0.decode("account_id"), name: try $0.decode("name"),
                    parentID: try $0.decodeIfPresent("parent_id"))
        }
    }

    /// Renames a unit or gives it another parent (refusing a cycle).
    public func editUnit(accountID: Int64, id: Int64, name: String?, parentID: Int64?) throws -> OrgUnit {
        let name = try Names.normalize(name, field: "name")
        if let parentID {
            let cycle = try db.queryRow("""
                WITH RECURSIVE up(id) AS (SELECT $2::bigint UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id
                                          WHERE u.account_id = $1 AND u.parent_id IS NOT NULL)
                SELECT 1 AS x FROM up WHERE id = $3
                """, [accountID, parentID, id])
            if cycle != nil { throw DomainError("unit parent would make a cycle: the new parent is the unit itself or one of its sub-units") }
        }
        if let name, try db.queryRow("SELECT 1 AS x FROM unit WHERE account_id = $1 AND name = $2 AND id <> $3", [accountID, name, id]) != nil {
            throw DomainError("unit \"\(name)\" already exists in this account")
        }
        try db.execute("UPDATE unit SET name = coalesce($3, name), parent_id = coalesce($4, parent_id) WHERE account_id = $1 AND id = $2",
                       [accountID, id, name, parentID])
        return try unit(accountID: accountID, id: id)
    }

    /// What deleting a unit moved: its people (now in no unit) and its sub-units (now under its parent).
    public struct UnitDeleted: Sendable {
        public var unit: OrgUnit
        public var people: Int
        public var subunits: Int
    }

    /// Deletes a unit in one transaction: its people keep working there without
    /// a unit, its sub-units move up to its parent.
    public func deleteUnit(accountID: Int64, id: Int64) throws -> UnitDeleted {
        try db.transaction { c in
            let u = try unit(accountID: accountID, id: id)
            let people = try c.execute("UPDATE stakeholder SET unit_id = NULL WHERE account_id = $1 AND unit_id = $2", [accountID, id])
            let subunits = try c.execute("UPDATE unit SET parent_id = $3 WHERE account_id = $1 AND parent_id = $2", [accountID, id, u.parentID])
            try c.execute("DELETE FROM unit WHERE account_id = $1 AND id = $2", [accountID, id])
            return UnitDeleted(unit: u, people: people, subunits: subunits)
        }
    }

    /// One unit.
    public func unit(accountID: Int64, id: Int64) throws -> OrgUnit {
        guard let row = try db.queryRow("SELECT account_id, id, name, parent_id FROM unit WHERE account_id = $1 AND id = $2", [accountID, id]) else {
            throw StoreError.notFound(kind: "unit", reference: "#\(id)", scope: nil, candidates: [])
        }
        return OrgUnit(id: try row.decode("id"), accountID: try row.decode("account_id"), name: try row.decode("name"),
                       parentID: try row.decodeIfPresent("parent_id"))
    }
}
