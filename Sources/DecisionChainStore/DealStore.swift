import DecisionChain
import Postgres

/// Deals, their stage history, and closing them.
public struct DealStore {
    let db: Connection
    let actor: String
    public init(_ db: Database) { self.db = db.connection; self.actor = db.actor }

    static let columns = """
        d.account_id, d.id, d.name, p.key AS pipeline_key, s.key AS stage_key, d.status, d.method, d.amount,
        d.currency, d.close_by, d.closed_on, d.close_reason, u.login AS owner_login, d.ocid
        """
    static let from = """
        deal d JOIN stage s ON s.id = d.stage_id JOIN pipeline p ON p.id = d.pipeline_id LEFT JOIN app_user u ON u.id = d.owner_id
        """

    /// What `deal add` needs.
    public struct NewDeal {
        public var accountID: Int64
        public var name: String
        public var pipeline: Pipeline
        public var stageKey: String?
        public var method: ProcurementMethod?
        public var amount: Double?
        public var currency: String
        public var closeBy: Day?
        public var ownerID: Int64?
        /// When the deal entered its first stage.
        public var on: Day
        /// The OCDS contracting-process id, when a portal gave one.
        public var ocid: String?
        /// The first stage entry's event and where it came from (`import ocds`).
        public var event: StageEvent?
        public var source: String?
        public init(accountID: Int64, name: String, pipeline: Pipeline, stageKey: String?, method: ProcurementMethod?,
                    amount: Double?, currency: String, closeBy: Day?, ownerID: Int64?, on: Day, ocid: String? = nil,
                    event: StageEvent? = nil, source: String? = nil) {
            self.accountID = accountID; self.name = name; self.pipeline = pipeline; self.stageKey = stageKey; self.method = method
            self.amount = amount; self.currency = currency; self.closeBy = closeBy; self.ownerID = ownerID; self.on = on
            self.ocid = ocid; self.event = event; self.source = source
        }
    }

    /// Adds a deal in its first (or given) stage and records the entry.
    public func add(_ n: NewDeal) throws -> Deal {
        var n = n; n.name = try Names.normalize(n.name, field: "name")
        guard let stage = n.stageKey.map({ n.pipeline.stage($0) }) ?? n.pipeline.stages.first else {
            throw InputError(field: "stage", value: n.stageKey ?? "", problem: "is not a stage of pipeline \(n.pipeline.key) ("
                             + n.pipeline.stages.map(\.key).joined(separator: ", ") + ")")
        }
        if try db.queryRow("SELECT 1 AS x FROM deal WHERE account_id = $1 AND name = $2", [n.accountID, n.name]) != nil {
            throw DomainError("deal \"\(n.name)\" already exists in this account")
        }
        if let ocid = n.ocid { try checkOCIDFree(ocid, accountID: n.accountID, except: nil) }
        let fields = FieldErrors([
            n.amount.map { .init(column: "amount", field: "amount", value: String(describing: $0), kind: .number, limit: FieldErrors.amountLimit) },
            n.closeBy.map { .init(column: "close_by", field: "close-by", value: $0.description, kind: .date) },
            .init(column: "entered_on", field: "on", value: n.on.description, kind: .date),
            .init(column: "currency", field: "currency", value: n.currency, kind: .text),
            n.ocid.map { .init(column: "ocid", field: "ocid", value: $0, kind: .text) },
        ])
        return try fields.map { try db.transaction { c in
            let row = try c.queryRow("""
                INSERT INTO deal (account_id, name, pipeline_id, stage_id, method, amount, currency, close_by, owner_id, ocid)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, (SELECT owner_id FROM account WHERE id = $1)), $10) RETURNING id
                """, [n.accountID, n.name, n.pipeline.id, stage.id, n.method?.rawValue, n.amount, n.currency, n.closeBy, n.ownerID, n.ocid])
            let id: Int64 = try row!.decode("id")
            try c.execute("""
                INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on, recorded_by, event, source)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [n.accountID, id, stage.id, n.on, actor, n.event?.rawValue, n.source])
            return try get(accountID: n.accountID, id: id)
        } }
    }

    /// Moves an open deal to a stage of its pipeline on a day, recording the history.
    /// The deal's row is locked for the transaction and the rules
    /// (`DealRules.checkMove`: open, another stage, not before the last
    /// change) judge the deal as locked, so concurrent moves serialise and the
    /// current stage is always the last history entry. `event` marks the
    /// entry (a failed tender: `DealRules.checkFailedTender` judges it too);
    /// `source` says where it came from (`ocds:<ocid>/<release id>`).
    public func move(_ deal: Deal, to stage: Stage, on day: Day, event: StageEvent? = nil, source: String? = nil) throws -> Deal {
        try FieldErrors([.init(column: "entered_on", field: "on", value: day.description, kind: .date)]).map { try db.transaction { c in
            let (locked, last) = try Self.lock(deal, in: c)
            if event == .failedTender { try DealRules.checkFailedTender(locked, to: stage) }
            try DealRules.checkMove(locked, to: stage, on: day, lastChange: last)
            try c.execute("UPDATE deal SET stage_id = $3 WHERE account_id = $1 AND id = $2", [deal.accountID, deal.id, stage.id])
            try c.execute("""
                INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on, recorded_by, event, source)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [deal.accountID, deal.id, stage.id, day, actor, event?.rawValue, source])
            return try get(accountID: deal.accountID, id: deal.id)
        } }
    }

    /// Closes an open deal as won, lost or dropped, under the deal's row
    /// lock: of two concurrent closes exactly one wins, the other is refused
    /// naming the status it found.
    public func close(_ deal: Deal, as status: DealStatus, reason: String?, on day: Day) throws -> Deal {
        guard status != .open else { throw InputError(field: "outcome", value: "open", problem: "is not an outcome; use won, lost or dropped") }
        return try FieldErrors([.init(column: "closed_on", field: "on", value: day.description, kind: .date)]).map { try db.transaction { c in
            try DealRules.checkClose(try Self.lock(deal, in: c).deal, as: status)
            try c.execute("UPDATE deal SET status = $3, close_reason = $4, closed_on = $5 WHERE account_id = $1 AND id = $2",
                          [deal.accountID, deal.id, status.rawValue, reason, day])
            return try get(accountID: deal.accountID, id: deal.id)
        } }
    }

    /// Locks a deal's row for the rest of the transaction (`SELECT … FOR
    /// UPDATE`) and returns it as it stands then, with the last day of its
    /// stage history. Every state change of a deal (move, close,
    /// role set/clear) takes this lock first.
    static func lock(_ deal: Deal, in c: Connection) throws -> (deal: Deal, lastChange: Day?) {
        guard let row = try c.queryRow("""
            SELECT \(Self.columns) FROM \(Self.from) WHERE d.account_id = $1 AND d.id = $2 FOR UPDATE OF d
            """, [deal.accountID, deal.id]) else {
            throw StoreError.notFound(kind: "deal", reference: "#\(deal.id)", scope: nil, candidates: [])
        }
        let span = try c.queryRow("SELECT max(entered_on) AS last FROM deal_stage_history WHERE account_id = $1 AND deal_id = $2",
                                  [deal.accountID, deal.id])
        return (try Deal(row: row), try span?.decodeIfPresent("last", as: Day.self))
    }

    /// One deal.
    public func get(accountID: Int64, id: Int64) throws -> Deal {
        guard let row = try db.queryRow("SELECT \(Self.columns) FROM \(Self.from) WHERE d.account_id = $1 AND d.id = $2", [accountID, id]) else {
            throw StoreError.notFound(kind: "deal", reference: "#\(id)", scope: nil, candidates: [])
        }
        return try Deal(row: row)
    }

    /// Deals, optionally of one account and status; newest first.
    public func list(accountID: Int64? = nil, status: DealStatus? = nil) throws -> [(deal: Deal, account: String)] {
        try db.query("""
            SELECT \(Self.columns), a.name AS account_name FROM \(Self.from) JOIN account a ON a.id = d.account_id
            WHERE ($1::bigint IS NULL OR d.account_id = $1) AND ($2::text IS NULL OR d.status = $2)
            ORDER BY a.name, d.id
            """, [accountID, status?.rawValue]).map { (try Deal(row: $0), try $0.decode("account_name")) }
    }

    /// The stage entries of a deal, oldest first.
    public func history(_ deal: Deal) throws -> [StageVisit] {
        try db.query("""
            SELECT h.deal_id, s.key, h.entered_on, h.event FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id
            WHERE h.account_id = $1 AND h.deal_id = $2 ORDER BY h.entered_on, h.id
            """, [deal.accountID, deal.id]).map {
            StageVisit(dealID: try $0.decode("deal_id"), stageKey: try $0.decode("key"), entered: try $0.decode("entered_on"),
                       event: try $0.decodeIfPresent("event"))
        }
    }

    /// Refuses an ocid another deal of the account already has (the unique
    /// key is the guard; this names the deal).
    func checkOCIDFree(_ ocid: String, accountID: Int64, except dealID: Int64?) throws {
        if let other = try db.queryRow("SELECT id, name FROM deal WHERE account_id = $1 AND ocid = $2 AND id IS DISTINCT FROM $3",
                                       [accountID, ocid, dealID]) {
            let id: Int64 = try other.decode("id"), name: String = try other.decode("name")
            throw DomainError("ocid \"\(ocid)\" is already the ocid of deal #\(id) \(name) in this account")
        }
    }
}
