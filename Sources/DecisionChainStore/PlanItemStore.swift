import DecisionChain
import Postgres

/// Accepted plan items (tasks): storing a plan's items idempotently, listing
/// tasks across accounts, marking them done.
public struct PlanItemStore {
    let db: Connection
    let actor: String

    public init(_ db: Database) { self.db = db.connection; self.actor = db.actor }
    public init(connection: Connection, actor: String) { self.db = connection; self.actor = actor }

    /// What `accept` did with one item.
    public struct Accepted: Sendable {
        public var item: PlanItem
        /// The task id (plan_item.id).
        public var id: Int64
        /// False when the item was accepted before (same uid): nothing changed.
        public var isNew: Bool
        public var status: TaskStatus
        public var owner: String?
    }

    /// A task with the names a listing shows.
    public struct PlanTask: Sendable, Hashable {
        public var record: PlanItemRecord
        public var uid: String
        public var accountName: String
        public var dealName: String?
        public var stakeholderName: String?
    }

    /// Which tasks `tasks(_:)` returns.
    public struct TaskFilter: Sendable {
        /// Only tasks owned by this login (`--mine`).
        public var owner: String?
        /// Only open tasks due before this day (`--overdue`).
        public var overdueAsOf: Day?
        public var accountID: Int64?
        /// Also done and cancelled tasks.
        public var includeClosed: Bool
        public init(owner: String? = nil, overdueAsOf: Day? = nil, accountID: Int64? = nil, includeClosed: Bool = false) {
            self.owner = owner; self.overdueAsOf = overdueAsOf; self.accountID = accountID; self.includeClosed = includeClosed
        }
    }

    /// Stores the plan's items as open tasks in one transaction. The owner is
    /// the deal's owner, else the acting user; the stage is the item's stage.
    /// An item whose uid is already stored is left as it is (accepting twice adds nothing).
    public func accept(_ plan: Plan) throws -> [Accepted] {
        try db.transaction { c in
            try plan.items.map { item in
                let owner = plan.deal(of: item)?.ownerLogin ?? actor
                if let row = try c.queryRow("""
                    INSERT INTO plan_item (account_id, uid, deal_id, stakeholder_id, stage_id, role, rule, action, channel, theme,
                                           due, priority, why, owner)
                    VALUES ($1, $2, $3, $4,
                            (SELECT s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id WHERE p.key = $5 AND s.key = $6),
                            $7, $8, $9, $10, $11, $12, $13, $14, $15)
                    ON CONFLICT (account_id, uid) DO NOTHING
                    RETURNING id, status, owner
                    """, [plan.account.id, item.uid, item.dealID, item.stakeholderID, item.pipelineKey, item.stageKey,
                          item.role?.rawValue, item.rule, item.action, item.channel.rawValue, item.theme, item.due,
                          item.priority.rawValue, item.why, owner]) {
                    return Accepted(item: item, id: try row.decode("id"), isNew: true, status: try row.decode("status"),
                                    owner: try row.decodeIfPresent("owner"))
                }
                let row = try c.queryRow("SELECT id, status, owner FROM plan_item WHERE account_id = $1 AND uid = $2",
                                         [plan.account.id, item.uid])!
                return Accepted(item: item, id: try row.decode("id"), isNew: false, status: try row.decode("status"),
                                owner: try row.decodeIfPresent("owner"))
            }
        }
    }

    /// Tasks across accounts, soonest due first, then by priority.
    public func tasks(_ filter: TaskFilter = TaskFilter()) throws -> [PlanTask] {
        try db.query("""
            SELECT \(Self.columns) FROM \(Self.from)
            WHERE ($1::text IS NULL OR pi.owner = $1)
              AND ($2::date IS NULL OR (pi.status = 'open' AND pi.due < $2::date))
              AND ($3::bigint IS NULL OR pi.account_id = $3)
              AND ($4::boolean OR pi.status = 'open')
            ORDER BY pi.due, CASE pi.priority WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, pi.id
            """, [filter.owner, filter.overdueAsOf, filter.accountID, filter.includeClosed]).map(PlanTask.init(row:))
    }

    /// One task by id; unknown ids are `StoreError.notFound` (exit 65).
    public func task(_ id: Int64) throws -> PlanTask {
        guard let row = try db.queryRow("SELECT \(Self.columns) FROM \(Self.from) WHERE pi.id = $1", [id]) else {
            throw StoreError.notFound(kind: "task", reference: String(id), scope: nil, candidates: [])
        }
        return try PlanTask(row: row)
    }

    /// Marks an open task done; returns the task and whether it changed
    /// (false when it was already done or cancelled).
    public func done(_ id: Int64) throws -> (task: PlanTask, changed: Bool) {
        try db.transaction { c in
            let changed = try c.execute("UPDATE plan_item SET status = 'done', done_at = now() WHERE id = $1 AND status = 'open'", [id]) > 0
            return (try PlanItemStore(connection: c, actor: actor).task(id), changed)
        }
    }

    static let columns = """
        pi.id, pi.account_id, pi.uid, pi.deal_id, pi.stakeholder_id, pi.role, pi.rule, pi.action, pi.channel, pi.theme, pi.due,
        pi.priority, pi.why, pi.status, pi.owner, st.key AS stage_key, a.name AS account_name, d.name AS deal_name,
        s.name AS stakeholder_name
        """
    static let from = """
        plan_item pi JOIN account a ON a.id = pi.account_id
        LEFT JOIN deal d ON d.account_id = pi.account_id AND d.id = pi.deal_id
        LEFT JOIN stakeholder s ON s.account_id = pi.account_id AND s.id = pi.stakeholder_id
        LEFT JOIN stage st ON st.id = pi.stage_id
        """
}

extension PlanItemStore.PlanTask {
    init(row: Row) throws {
        record = try PlanItemRecord(row: row)
        uid = try row.decode("uid")
        accountName = try row.decode("account_name")
        dealName = try row.decodeIfPresent("deal_name")
        stakeholderName = try row.decodeIfPresent("stakeholder_name")
    }
}
