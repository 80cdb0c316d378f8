import DecisionChain
import Postgres

/// Survey answers (NPS, CSAT, CES): recording, listing and deleting them. The
/// database attaches each to the stage its deal was in on the day surveyed
/// and records the login that wrote it (0013_metrics.sql).
public struct SurveyStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// One answer to record.
    public struct NewSurvey: Sendable {
        public var accountID: Int64
        public var stakeholderID: Int64
        public var dealID: Int64?
        public var on: Day
        public var kind: SurveyKind
        public var score: Int
        public var comment: String?
        public init(accountID: Int64, stakeholderID: Int64, dealID: Int64?, on: Day, kind: SurveyKind, score: Int, comment: String?) {
            self.accountID = accountID; self.stakeholderID = stakeholderID; self.dealID = dealID; self.on = on
            self.kind = kind; self.score = score; self.comment = comment
        }
    }

    static let columns = """
        v.id, v.account_id, v.stakeholder_id, v.deal_id, s.key AS stage_key, v.surveyed_on, v.kind, v.score, v.comment, v.recorded_by
        """

    /// Records one answer (audited like every write) and returns it with its stage.
    public func record(_ n: NewSurvey) throws -> Survey {
        let row = try db.queryRow("""
            WITH v AS (
                INSERT INTO survey (account_id, stakeholder_id, deal_id, surveyed_on, kind, score, comment)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
            SELECT \(Self.columns) FROM v LEFT JOIN stage s ON s.id = v.stage_id
            """, [n.accountID, n.stakeholderID, n.dealID, n.on, n.kind.rawValue, n.score, n.comment])!
        return try Survey(row: row)
    }

    /// The answers of an account (all visible accounts with nil), of one deal, oldest first.
    public func list(accountID: Int64?, dealID: Int64? = nil) throws -> [Survey] {
        try Self.list(db, accountID: accountID, dealID: dealID)
    }

    /// The same on a bare connection (the snapshot loader).
    static func list(_ db: Connection, accountID: Int64?, dealID: Int64? = nil) throws -> [Survey] {
        try db.query("""
            SELECT \(Self.columns) FROM survey v LEFT JOIN stage s ON s.id = v.stage_id
            WHERE ($1::bigint IS NULL OR v.account_id = $1) AND ($2::bigint IS NULL OR v.deal_id = $2)
            ORDER BY v.surveyed_on, v.id
            """, [accountID, dealID]).map(Survey.init(row:))
    }

    /// Deletes one answer (a mistake); the audit keeps it. Returns what was deleted.
    public func delete(_ id: Int64) throws -> Survey {
        guard let row = try db.queryRow("""
            WITH v AS (DELETE FROM survey WHERE id = $1 RETURNING *)
            SELECT \(Self.columns) FROM v LEFT JOIN stage s ON s.id = v.stage_id
            """, [id]) else {
            throw StoreError.notFound(kind: "survey", reference: String(id), scope: nil, candidates: [])
        }
        return try Survey(row: row)
    }
}

extension Survey {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), accountID: try row.decode("account_id"), stakeholderID: try row.decode("stakeholder_id"),
                  dealID: try row.decodeIfPresent("deal_id"), stageKey: try row.decodeIfPresent("stage_key"),
                  on: try row.decode("surveyed_on"), kind: try row.decode("kind"), score: try row.decode("score"),
                  comment: try row.decodeIfPresent("comment"), recordedBy: try row.decode("recorded_by"))
    }
}

extension SurveyStore {
    /// The names a list of answers shows: accounts, people and deals by id.
    public struct Names: Sendable {
        public var accounts: [Int64: String] = [:]
        public var people: [Int64: String] = [:]
        public var deals: [Int64: String] = [:]
    }

    /// The names of the accounts, people and deals of some answers, in three queries.
    public func names(of surveys: [Survey]) throws -> Names {
        var n = Names()
        guard !surveys.isEmpty else { return n }
        let accounts = PostgresArray(Array(Set(surveys.map(\.accountID))).map { Optional(String($0)) })
        for r in try db.query("SELECT id, name FROM account WHERE id = ANY ($1::bigint[])", [accounts]) {
            n.accounts[try r.decode("id")] = try r.decode("name")
        }
        for r in try db.query("SELECT id, name FROM stakeholder WHERE account_id = ANY ($1::bigint[])", [accounts]) {
            n.people[try r.decode("id")] = try r.decode("name")
        }
        for r in try db.query("SELECT id, name FROM deal WHERE account_id = ANY ($1::bigint[])", [accounts]) {
            n.deals[try r.decode("id")] = try r.decode("name")
        }
        return n
    }
}
