import DecisionChain
import Postgres

/// The people at an account.
public struct StakeholderStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    static let columns = """
        s.account_id, s.id, s.name, s.title, s.unit_id, u.name AS unit_name, s.level, s.reports_to,
        s.email, s.phone, s.wechat, s.preferred_channel
        """

    /// What `stakeholder add` / `edit` may set; nil leaves a field as it is.
    public struct Fields {
        public var name: String?
        public var title: String?
        public var unitID: Int64?
        public var level: Level?
        public var reportsTo: Int64?
        public var email: String?
        public var phone: String?
        public var wechat: String?
        public var channel: Channel?
        public init(name: String? = nil, title: String? = nil, unitID: Int64? = nil, level: Level? = nil, reportsTo: Int64? = nil,
                    email: String? = nil, phone: String? = nil, wechat: String? = nil, channel: Channel? = nil) {
            self.name = name; self.title = title; self.unitID = unitID; self.level = level; self.reportsTo = reportsTo
            self.email = email; self.phone = phone; self.wechat = wechat; self.channel = channel
        }
    }

    /// A name as twins are compared: Unicode-compatibility folded (full-width
    /// letters and spaces), whitespace collapsed and trimmed, lower case.
    static func normalized(_ column: String) -> String {
        "lower(btrim(regexp_replace(normalize(\(column), NFKC), '\\s+', ' ', 'g')))"
    }

    /// Adds a stakeholder to an account. A person whose normalised name is
    /// already there is refused (naming the existing one) unless `distinct`.
    public func add(accountID: Int64, _ f: Fields, distinct: Bool = false) throws -> Stakeholder {
        var f = f; f.name = try Names.normalize(f.name, field: "name")
        if !distinct, let name = f.name, let twin = try db.queryRow("""
            SELECT s.id, s.name, s.title, a.name AS account_name FROM stakeholder s JOIN account a ON a.id = s.account_id
            WHERE s.account_id = $1 AND \(Self.normalized("s.name")) = \(Self.normalized("$2::text")) ORDER BY s.id LIMIT 1
            """, [accountID, name]) {
            let title: String = try twin.decode("title")
            throw StoreError.rule("stakeholder \"\(name)\" already exists at \(try twin.decode("account_name", as: String.self)): #\(try twin.decode("id", as: Int64.self)) "
                                  + "\(try twin.decode("name", as: String.self))\(title.isEmpty ? "" : ", \(title)"); "
                                  + "use that one, or add --distinct if this is another person of the same name")
        }
        let row = try db.queryRow("""
            INSERT INTO stakeholder (account_id, name, title, unit_id, level, reports_to, email, phone, wechat, preferred_channel)
            VALUES ($1, $2, coalesce($3, ''), $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """, [accountID, f.name, f.title, f.unitID, f.level?.rawValue, f.reportsTo, f.email, f.phone, f.wechat, f.channel?.rawValue])
        return try get(accountID: accountID, id: try row!.decode("id"))
    }

    /// Changes the given fields; refuses a reports-to cycle.
    public func edit(accountID: Int64, id: Int64, _ f: Fields) throws -> Stakeholder {
        var f = f; f.name = try Names.normalize(f.name, field: "name")
        if let boss = f.reportsTo {
            let cycle = try db.queryRow("""
                WITH RECURSIVE up(id) AS (SELECT $2::bigint UNION SELECT s.reports_to FROM stakeholder s JOIN up ON s.id = up.id
                                          WHERE s.account_id = $1 AND s.reports_to IS NOT NULL)
                SELECT 1 AS x FROM up WHERE id = $3
                """, [accountID, boss, id])
            if cycle != nil { throw DomainError("reports-to would make a cycle: the new manager already reports to this stakeholder") }
        }
        try db.execute("""
            UPDATE stakeholder SET name = coalesce($3, name), title = coalesce($4, title), unit_id = coalesce($5, unit_id),
                level = coalesce($6, level), reports_to = coalesce($7, reports_to), email = coalesce($8, email),
                phone = coalesce($9, phone), wechat = coalesce($10, wechat), preferred_channel = coalesce($11, preferred_channel)
            WHERE account_id = $1 AND id = $2
            """, [accountID, id, f.name, f.title, f.unitID, f.level?.rawValue, f.reportsTo, f.email, f.phone, f.wechat, f.channel?.rawValue])
        return try get(accountID: accountID, id: id)
    }

    /// One stakeholder.
    public func get(accountID: Int64, id: Int64) throws -> Stakeholder {
        guard let row = try db.queryRow("""
            SELECT \(Self.columns) FROM stakeholder s LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id
            WHERE s.account_id = $1 AND s.id = $2
            """, [accountID, id]) else {
            throw StoreError.notFound(kind: "stakeholder", reference: "#\(id)", scope: nil, candidates: [])
        }
        return try Stakeholder(row: row)
    }

    /// The stakeholders of an account, top of the org chart first.
    public func list(accountID: Int64) throws -> [Stakeholder] {
        try db.query("""
            SELECT \(Self.columns) FROM stakeholder s LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id
            WHERE s.account_id = $1
            ORDER BY CASE s.level WHEN 'executive' THEN 1 WHEN 'manager' THEN 2 WHEN 'staff' THEN 3 ELSE 4 END, s.id
            """, [accountID]).map(Stakeholder.init(row:))
    }

    /// A person found by `find`: where they work and their current roles.
    public struct Found: Sendable {
        public var stakeholder: Stakeholder
        public var accountName: String
        /// Current roles: role and deal name.
        public var roles: [(role: Role, deal: String)]
    }

    /// People across accounts whose normalised name contains `name`; exact matches first.
    public func find(_ name: String) throws -> [Found] {
        let rows = try db.query("""
            SELECT \(Self.columns), a.name AS account_name, bi.role, d.name AS deal_name
            FROM stakeholder s JOIN account a ON a.id = s.account_id
            LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id
            LEFT JOIN buying_influence bi ON bi.account_id = s.account_id AND bi.stakeholder_id = s.id AND bi.valid_to IS NULL
            LEFT JOIN deal d ON d.account_id = bi.account_id AND d.id = bi.deal_id
            WHERE strpos(\(Self.normalized("s.name")), \(Self.normalized("$1::text"))) > 0
            ORDER BY \(Self.normalized("s.name")) = \(Self.normalized("$1::text")) DESC, a.name, s.name, s.id, d.name, bi.role
            """, [name])
        var found: [Found] = []
        for row in rows {
            let s = try Stakeholder(row: row)
            if found.last?.stakeholder.id != s.id || found.last?.stakeholder.accountID != s.accountID {
                found.append(Found(stakeholder: s, accountName: try row.decode("account_name"), roles: []))
            }
            if let role: Role = try row.decodeIfPresent("role"), let deal: String = try row.decodeIfPresent("deal_name") {
                found[found.count - 1].roles.append((role, deal))
            }
        }
        return found
    }

    /// What `delete` did.
    public struct Deleted: Sendable {
        public var stakeholder: Stakeholder
        /// Current roles ended (with `force`) before the person was deleted.
        public var endedRoles: [(role: Role, deal: String)]
    }

    /// Deletes a stakeholder, refused while they hold a current role in a deal
    /// unless `force`, which first ends those roles on `day`. Their reports
    /// lose their manager; their participations, pain points and tasks go with
    /// them. One transaction; the audit keeps every row (`dchain undo` restores).
    public func delete(accountID: Int64, id: Int64, force: Bool, on day: Day) throws -> Deleted {
        try db.transaction { c in
            let s = try get(accountID: accountID, id: id)
            let roles = try c.query("""
                SELECT bi.role, d.name AS deal_name FROM buying_influence bi JOIN deal d ON d.account_id = bi.account_id AND d.id = bi.deal_id
                WHERE bi.account_id = $1 AND bi.stakeholder_id = $2 AND bi.valid_to IS NULL ORDER BY d.name, bi.role
                """, [accountID, id]).map { (role: try $0.decode("role", as: Role.self), deal: try $0.decode("deal_name", as: String.self)) }
            if !roles.isEmpty {
                guard force else {
                    throw StoreError.rule("stakeholder \(s.name) (#\(id)) holds " + roles.map { "\($0.role.rawValue) in \($0.deal)" }.joined(separator: ", ")
                                          + "; clear the role first (`dchain role clear`) or add --force to end it on \(day)")
                }
                try c.execute("""
                    UPDATE buying_influence SET valid_to = greatest($3::date, valid_from)
                    WHERE account_id = $1 AND stakeholder_id = $2 AND valid_to IS NULL
                    """, [accountID, id, day])
            }
            try c.execute("UPDATE stakeholder SET reports_to = NULL WHERE account_id = $1 AND reports_to = $2", [accountID, id])
            try c.execute("DELETE FROM stakeholder WHERE account_id = $1 AND id = $2", [accountID, id])
            return Deleted(stakeholder: s, endedRoles: roles)
        }
    }
}
