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

    /// Adds a stakeholder to an account.
    public func add(accountID: Int64, _ f: Fields) throws -> Stakeholder {
        var f = f; f.name = try Names.normalize(f.name, field: "name")
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
}
