import DecisionChain
import Postgres

/// Day-in-the-life observations: recording the steps of a person's observed
/// day, listing and deleting them. The steps of one person's day hang off one
/// `site-survey` touchpoint written by `TouchpointStore.log`; a step's pain is
/// an ordinary pain point on that touchpoint.
public struct ObservationStore {
    let database: Database
    var db: Connection { database.connection }
    public init(_ db: Database) { self.database = db }

    /// The steps of one person's observed day, to record.
    public struct NewDay {
        public var accountID: Int64
        public var stakeholderID: Int64
        public var on: Day
        public var dealID: Int64?
        /// The summary of the day's touchpoint when it is created.
        public var summary: String
        public var steps: [ObservationStep]
        public init(accountID: Int64, stakeholderID: Int64, on: Day, dealID: Int64?, summary: String, steps: [ObservationStep]) {
            self.accountID = accountID; self.stakeholderID = stakeholderID; self.on = on; self.dealID = dealID
            self.summary = summary; self.steps = steps
        }
    }

    /// What recording one day did.
    public struct Recorded: Sendable {
        public var touchpointID: Int64
        public var createdTouchpoint: Bool
        /// Ids of the steps added, in time order.
        public var added: [Int64]
        /// Steps already recorded the same way (same time, same text): re-running a file adds nothing.
        public var unchanged: Int
        public var pains: Int
    }

    /// Records the days, all or nothing, in one transaction. A step at a time
    /// that already holds a different step is refused (delete that one first).
    public func record(_ days: [NewDay]) throws -> [Recorded] {
        try db.transaction { c in try days.map { try record($0, c) } }
    }

    func record(_ d: NewDay, _ c: Connection) throws -> Recorded {
        // One writer per person and day, so two reps recording at once share one touchpoint.
        try c.execute("SELECT pg_advisory_xact_lock(hashtextextended('dchain.observation:' || $1 || ':' || $2 || ':' || $3, 0))",
                      [d.accountID, d.stakeholderID, d.on])
        let existing = try c.query("""
            SELECT id, touchpoint_id, (extract(hour FROM at) * 60 + extract(minute FROM at))::int AS minute, does
            FROM observation WHERE account_id = $1 AND stakeholder_id = $2 AND observed_on = $3
            """, [d.accountID, d.stakeholderID, d.on])
        var byMinute: [Int: (id: Int64, does: String)] = [:]
        var touchpointID: Int64? = nil
        for r in existing {
            byMinute[try r.decode("minute")] = (try r.decode("id"), try r.decode("does"))
            touchpointID = try r.decode("touchpoint_id")
        }
        var fresh: [ObservationStep] = []
        var unchanged = 0
        for s in d.steps {
            if let old = byMinute[s.minute] {
                guard old.does == s.does else {
                    throw InputError(field: "at", value: "\(d.on) \(s.time)",
                                     problem: "already has step #\(old.id) (\(old.does)); delete it first with `dchain observe delete \(old.id)`")
                }
                unchanged += 1
            } else {
                fresh.append(s)
            }
        }
        guard !fresh.isEmpty else { return Recorded(touchpointID: touchpointID ?? 0, createdTouchpoint: false, added: [], unchanged: unchanged, pains: 0) }
        var created = false
        if touchpointID == nil {
            let first = fresh.map(\.minute).min()!
            touchpointID = try TouchpointStore(database).log(.init(
                accountID: d.accountID, dealID: d.dealID, at: LocalTime(day: d.on, minuteOfDay: first), channel: .siteSurvey,
                direction: .outbound, summary: d.summary, response: nil,
                participants: [Participant(stakeholderID: d.stakeholderID, emotion: nil, emotionLabel: nil, quote: nil)], raised: [])).id
            created = true
        }
        var added: [Int64] = [], pains = 0
        for s in fresh {
            let row = try c.queryRow("""
                WITH pp AS (
                    INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity, raised_on)
                    SELECT $1, t.id, $2, coalesce($5, t.deal_id), t.stage_id, 'pain', $10, $11, $3
                    FROM touchpoint t WHERE t.account_id = $1 AND t.id = $4 AND $10::text IS NOT NULL
                    RETURNING id)
                INSERT INTO observation (account_id, stakeholder_id, observed_on, at, touchpoint_id, deal_id, does, thinks,
                                         feels, feels_label, tool, pain_point_id, recorded_by)
                VALUES ($1, $2, $3, $6::time, $4, $5, $7, $8, $9, $12, $13, (SELECT id FROM pp), $14)
                RETURNING id, pain_point_id
                """, [d.accountID, d.stakeholderID, d.on, touchpointID!, d.dealID, s.time, s.does, s.thinks, s.feels?.value,
                      s.pain, (s.severity ?? .medium).rawValue, s.feelsLabel, s.tool, database.actor])!
            added.append(try row.decode("id"))
            if (try row.decodeIfPresent("pain_point_id") as Int64?) != nil { pains += 1 }
        }
        try refresh(accountID: d.accountID, touchpointID: touchpointID!, stakeholderID: d.stakeholderID, c)
        return Recorded(touchpointID: touchpointID!, createdTouchpoint: created, added: added, unchanged: unchanged, pains: pains)
    }

    /// Keeps the day's touchpoint in step with its steps: it starts at the first
    /// step, and the person's emotion there is the day's mean feeling (rounded).
    func refresh(accountID: Int64, touchpointID: Int64, stakeholderID: Int64, _ c: Connection) throws {
        try c.execute("""
            WITH day AS (
                SELECT min(observed_on + at) AS first, round(avg(feels))::smallint AS mean
                FROM observation WHERE account_id = $1 AND touchpoint_id = $2),
            moved AS (
                UPDATE touchpoint t SET at = day.first FROM day
                WHERE t.account_id = $1 AND t.id = $2 AND t.at IS DISTINCT FROM day.first::timestamptz RETURNING 1)
            UPDATE participant p SET emotion = day.mean FROM day
            WHERE p.account_id = $1 AND p.touchpoint_id = $2 AND p.stakeholder_id = $3 AND p.emotion IS DISTINCT FROM day.mean
            """, [accountID, touchpointID, stakeholderID])
    }

    static let columns = """
        o.id, o.account_id, o.stakeholder_id, o.observed_on, (extract(hour FROM o.at) * 60 + extract(minute FROM o.at))::int AS minute,
        o.touchpoint_id, o.deal_id, o.does, o.thinks, o.feels, o.feels_label, o.tool, o.pain_point_id
        """

    /// The observations of an account (of one person, of one day), in time order.
    public func list(accountID: Int64, stakeholderID: Int64? = nil, on: Day? = nil) throws -> [Observation] {
        try Self.list(db, accountID: accountID, stakeholderID: stakeholderID, on: on)
    }

    /// The same on a bare connection (the snapshot loader).
    static func list(_ db: Connection, accountID: Int64, stakeholderID: Int64? = nil, on: Day? = nil) throws -> [Observation] {
        try db.query("""
            SELECT \(Self.columns) FROM observation o
            WHERE o.account_id = $1 AND ($2::bigint IS NULL OR o.stakeholder_id = $2) AND ($3::date IS NULL OR o.observed_on = $3)
            ORDER BY o.observed_on, o.at, o.id
            """, [accountID, stakeholderID, on]).map(Observation.init(row:))
    }

    /// Deletes one step; the pain point it raised goes to the trash (as `pain
    /// delete` does), and the day's last step takes the day's touchpoint to the
    /// trash with it (as `touchpoint delete` does). Returns the step deleted.
    public func delete(_ id: Int64) throws -> Observation {
        try db.transaction { c in
            guard let row = try c.queryRow("DELETE FROM observation o WHERE o.id = $1 RETURNING \(Self.columns)", [id]) else {
                throw StoreError.notFound(kind: "observation", reference: String(id), scope: nil, candidates: [])
            }
            let o = try Observation(row: row)
            if let pain = o.painPointID {
                _ = try PainPointStore(database).delete(pain, by: database.actor)
            }
            let left = try c.queryRow("SELECT count(*) AS n FROM observation WHERE account_id = $1 AND touchpoint_id = $2",
                                      [o.accountID, o.touchpointID])!
            if try left.decode("n") as Int64 == 0 {
                _ = try TouchpointStore(database).delete(o.touchpointID)
            } else {
                try refresh(accountID: o.accountID, touchpointID: o.touchpointID, stakeholderID: o.stakeholderID, c)
            }
            return o
        }
    }
}

extension Observation {
    init(row: Row) throws {
        let feels: Int? = try row.decodeIfPresent("feels")
        self.init(id: try row.decode("id"), accountID: try row.decode("account_id"), stakeholderID: try row.decode("stakeholder_id"),
                  on: try row.decode("observed_on"), minute: try row.decode("minute"), touchpointID: try row.decode("touchpoint_id"),
                  dealID: try row.decodeIfPresent("deal_id"), does: try row.decode("does"), thinks: try row.decodeIfPresent("thinks"),
                  feels: feels.flatMap(Emotion.init), feelsLabel: try row.decodeIfPresent("feels_label"), tool: try row.decodeIfPresent("tool"),
                  painPointID: try row.decodeIfPresent("pain_point_id"))
    }
}
