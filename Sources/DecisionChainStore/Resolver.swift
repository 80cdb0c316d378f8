import DecisionChain
import Postgres

/// Turns what a user typed (an id, a code or a unique name) into an entity.
/// Unknown references list near misses; ambiguous ones list the candidates.
public struct Resolver {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// An account by id, code or name.
    public func account(_ ref: String) throws -> Account {
        let ref = try Names.normalize(ref, field: "account")
        let rows = try db.query("""
            SELECT \(AccountStore.columns) FROM account a
            WHERE (a.id::text = $1) OR a.code = $1 OR a.name = $1
            ORDER BY (a.id::text = $1) DESC, (a.code = $1) DESC
            """, [ref])
        if let first = rows.first { return try Account(row: first) }
        throw StoreError.notFound(kind: "account", reference: ref, scope: nil,
                                  candidates: try near(ref, "SELECT name FROM account UNION ALL SELECT code FROM account WHERE code IS NOT NULL", []))
    }

    /// A deal of an account by id or name.
    public func deal(_ ref: String, accountID: Int64) throws -> Deal {
        let ref = try Names.normalize(ref, field: "deal")
        let rows = try db.query("""
            SELECT \(DealStore.columns) FROM deal d JOIN stage s ON s.id = d.stage_id JOIN pipeline p ON p.id = d.pipeline_id
            LEFT JOIN app_user u ON u.id = d.owner_id
            WHERE d.account_id = $1 AND (d.id::text = $2 OR d.name = $2)
            ORDER BY (d.id::text = $2) DESC
            """, [accountID, ref])
        if let first = rows.first { return try Deal(row: first) }
        throw StoreError.notFound(kind: "deal", reference: ref, scope: try accountName(accountID),
                                  candidates: try near(ref, "SELECT name FROM deal WHERE account_id = $1", [accountID]))
    }

    /// A deal anywhere, by id or unique name (for commands that take only DEAL).
    public func deal(_ ref: String) throws -> Deal {
        let ref = try Names.normalize(ref, field: "deal")
        let rows = try db.query("""
            SELECT \(DealStore.columns), a.name AS account_name FROM deal d JOIN stage s ON s.id = d.stage_id
            JOIN pipeline p ON p.id = d.pipeline_id JOIN account a ON a.id = d.account_id
            LEFT JOIN app_user u ON u.id = d.owner_id
            WHERE d.id::text = $1 OR d.name = $1 ORDER BY (d.id::text = $1) DESC, d.id
            """, [ref])
        return try unique(rows, kind: "deal", reference: ref, scope: nil, make: Deal.init(row:),
                          label: { "#\($0["id"] ?? "") at \($0["account_name"] ?? "")" },
                          near: { try near(ref, "SELECT name FROM deal", []) })
    }

    /// A stakeholder of an account by id or name.
    public func stakeholder(_ ref: String, accountID: Int64) throws -> Stakeholder {
        let ref = try Names.normalize(ref, field: "stakeholder")
        let rows = try db.query("""
            SELECT \(StakeholderStore.columns) FROM stakeholder s LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id
            WHERE s.account_id = $1 AND (s.id::text = $2 OR s.name = $2) ORDER BY (s.id::text = $2) DESC, s.id
            """, [accountID, ref])
        if !rows.isEmpty {
            return try unique(rows, kind: "stakeholder", reference: ref, scope: try accountName(accountID), make: Stakeholder.init(row:),
                              label: { "#\($0["id"] ?? "") \($0["name"] ?? ""), \($0["title"] ?? "")" }, near: { [] })
        }
        // A stakeholder of another account is not this account's: say where they are.
        let elsewhere = try db.query("""
            SELECT a.name FROM stakeholder s JOIN account a ON a.id = s.account_id
            WHERE s.account_id <> $1 AND (s.id::text = $2 OR s.name = $2) LIMIT 1
            """, [accountID, ref]).first?["name"]
        if let elsewhere {
            throw StoreError.rule("stakeholder \"\(ref)\" belongs to account \"\(elsewhere)\", not \"\(try accountName(accountID))\"")
        }
        throw StoreError.notFound(kind: "stakeholder", reference: ref, scope: try accountName(accountID),
                                  candidates: try near(ref, "SELECT name FROM stakeholder WHERE account_id = $1", [accountID]))
    }

    /// A stakeholder anywhere by id or unique name.
    public func stakeholder(_ ref: String) throws -> Stakeholder {
        let ref = try Names.normalize(ref, field: "stakeholder")
        let rows = try db.query("""
            SELECT \(StakeholderStore.columns), a.name AS account_name FROM stakeholder s JOIN account a ON a.id = s.account_id
            LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id
            WHERE s.id::text = $1 OR s.name = $1 ORDER BY (s.id::text = $1) DESC, s.id
            """, [ref])
        return try unique(rows, kind: "stakeholder", reference: ref, scope: nil, make: Stakeholder.init(row:),
                          label: { "#\($0["id"] ?? "") at \($0["account_name"] ?? "")" },
                          near: { try near(ref, "SELECT name FROM stakeholder", []) })
    }

    /// A unit of an account by id or name.
    public func unit(_ ref: String, accountID: Int64) throws -> OrgUnit {
        let ref = try Names.normalize(ref, field: "unit")
        if let row = try db.queryRow("SELECT account_id, id, name, parent_id FROM unit WHERE account_id = $1 AND (id::text = $2 OR name = $2) ORDER BY (id::text = $2) DESC LIMIT 1",
                                     [accountID, ref]) {
            return OrgUnit(id: try row.decode("id"), accountID: try row.decode("account_id"), name: try row.decode("name"),
                           parentID: try row.decodeIfPresent("parent_id"))
        }
        throw StoreError.notFound(kind: "unit", reference: ref, scope: try accountName(accountID),
                                  candidates: try near(ref, "SELECT name FROM unit WHERE account_id = $1", [accountID]))
    }

    /// A user id by login (users are created on first mention).
    public func userID(login: String) throws -> Int64 {
        guard login.range(of: "^[A-Za-z0-9._@-]+$", options: .regularExpression) != nil else {
            throw InputError(field: "owner", value: login, problem: "is not a valid login (letters, digits, . _ @ -)")
        }
        // Look first: only admins may add users (a rep naming a known owner must not need that right).
        if let known = try db.queryRow("SELECT id FROM app_user WHERE login = $1", [login]) { return try known.decode("id") }
        let row = try db.queryRow("""
            WITH ins AS (INSERT INTO app_user (login, name) VALUES ($1, $1) ON CONFLICT (login) DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL SELECT id FROM app_user WHERE login = $1 LIMIT 1
            """, [login])
        return try row!.decode("id")
    }

    /// A team id by name (teams are created on first mention).
    public func teamID(name: String) throws -> Int64 {
        let name = try Names.normalize(name, field: "team")
        let row = try db.queryRow("""
            WITH ins AS (INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL SELECT id FROM team WHERE name = $1 LIMIT 1
            """, [name])
        return try row!.decode("id")
    }

    func accountName(_ id: Int64) throws -> String {
        try db.queryRow("SELECT name FROM account WHERE id = $1", [id])?.decode("name") ?? "#\(id)"
    }

    /// The one row a reference means: an exact id wins, a name must be unique;
    /// several rows are ambiguous (listing them), none is not found (listing near misses).
    func unique<T>(_ rows: [Row], kind: String, reference ref: String, scope: String?, make: (Row) throws -> T,
                   label: (Row) -> String, near: () throws -> [String]) throws -> T {
        if rows.count == 1 || rows.first?["id"] == ref { return try make(rows[0]) }
        if rows.count > 1 { throw StoreError.ambiguous(kind: kind, reference: ref, scope: scope, candidates: rows.map(label)) }
        throw StoreError.notFound(kind: kind, reference: ref, scope: scope, candidates: try near())
    }

    /// The did-you-mean of a miss: the names of `sql` (its first column, in
    /// scope by `params`) nearest to the reference (see `Names.suggestions`).
    /// Reads at most 50,000 names: a miss is rare, and this is its only cost.
    func near(_ ref: String, _ sql: String, _ params: [any PostgresEncodable]) throws -> [String] {
        let names = try db.query("SELECT name FROM (\(sql)) AS n(name) LIMIT 50000", params).compactMap { $0["name"] ?? nil }
        return Names.suggestions(for: ref, among: names)
    }
}

extension Resolver {
    /// What `dchain log` needs, resolved in one round trip.
    public struct LogTargets {
        public var accountID: Int64
        public var accountName: String
        public var dealID: Int64?
        public var dealName: String?
        /// Stakeholder ids by the names typed.
        public var stakeholders: [String: Int64]
        public init(accountID: Int64, accountName: String, dealID: Int64?, dealName: String?, stakeholders: [String: Int64]) {
            self.accountID = accountID; self.accountName = accountName; self.dealID = dealID; self.dealName = dealName
            self.stakeholders = stakeholders
        }
    }

    /// Resolves the account, the deal (given, or the account's only open deal)
    /// and the participants' names at once, and reads the schema version (see
    /// `Database.firstQuery`). Targets are nil when anything is missing or
    /// ambiguous: the caller then resolves one by one for a precise error.
    public func logTargets(account: String, deal: String?, names: [String]) throws -> (value: LogTargets?, version: Int?) {
        let account = try Names.normalize(account, field: "account"), deal = try Names.normalize(deal, field: "deal")
        // Plain comparisons and no aggregates: this is a fresh backend's first
        // statement, and every operator or function it names is a catalog lookup.
        let rows = try db.query("""
            WITH a AS (SELECT id, name FROM account WHERE id = $4 OR code = $1 OR name = $1
                       ORDER BY id = $4 DESC NULLS LAST, code = $1 DESC NULLS LAST LIMIT 1)
            SELECT 'v' AS k, \(Database.versionColumn)::bigint AS id, NULL AS name
            UNION ALL
            SELECT 'a', a.id, a.name FROM a
            UNION ALL
            SELECT 's', s.id, s.name FROM a JOIN stakeholder s ON s.account_id = a.id AND s.name = ANY($2::text[])
            UNION ALL
            SELECT 'd', d.id, d.name FROM a JOIN deal d ON d.account_id = a.id
            WHERE CASE WHEN $3::text IS NULL THEN d.status = 'open' ELSE (d.id = $5 OR d.name = $3) END
            """, [account, PostgresArray(names), deal, Self.id(account), deal.flatMap(Self.id)])
        let version: Int? = try rows.first(where: { $0["k"] == "v" })?.decodeIfPresent("id")
        return (try logTargets(rows, deal: deal, names: names), version)
    }

    /// A reference that is an id as the database writes it ("42", not "042").
    static func id(_ reference: String) -> Int64? {
        Int64(reference).flatMap { String($0) == reference ? $0 : nil }
    }

    private func logTargets(_ rows: [Row], deal: String?, names: [String]) throws -> LogTargets? {
        guard let a = rows.first(where: { $0["k"] == "a" }) else { return nil }
        var ids: [String: Int64] = [:]
        let people = rows.filter { $0["k"] == "s" }
        for r in people { ids[try r.decode("name")] = try r.decode("id") }
        // Every name found, and none twice (two people of one name: ambiguous).
        guard ids.count == Set(names).count, people.count == ids.count else { return nil }
        let deals = rows.filter { $0["k"] == "d" }
        var targets = LogTargets(accountID: try a.decode("id"), accountName: try a.decode("name"), dealID: nil, dealName: nil, stakeholders: ids)
        if deal != nil {
            guard deals.count >= 1 else { return nil }
            let exact = deals.first { $0["id"] == deal } ?? deals[0]
            if deals.count > 1 && exact["id"] != deal { return nil }
            targets.dealID = try exact.decode("id"); targets.dealName = try exact.decode("name")
        } else if deals.count == 1 {
            targets.dealID = try deals[0].decode("id"); targets.dealName = try deals[0].decode("name")
        }
        return targets
    }
}
