import DecisionChain
import Postgres

/// Logging touchpoints (with participants, quotes, pain points and needs, in
/// one transaction) and reading the timeline.
public struct TouchpointStore {
    let db: Connection
    let actor: String
    public init(_ db: Database) { self.db = db.connection; self.actor = db.actor }

    /// A pain point or need raised at the touchpoint being logged.
    public struct RaisedItem {
        public var stakeholderID: Int64
        public var kind: PainKind
        public var text: String
        public var severity: Severity
        public init(stakeholderID: Int64, kind: PainKind, text: String, severity: Severity) {
            self.stakeholderID = stakeholderID; self.kind = kind; self.text = text; self.severity = severity
        }
    }

    /// One touchpoint to log.
    public struct NewTouchpoint {
        public var accountID: Int64
        public var dealID: Int64?
        public var at: LocalTime
        public var channel: Channel
        public var direction: Direction
        public var summary: String?
        public var response: String?
        public var participants: [Participant]
        public var raised: [RaisedItem]
        public init(accountID: Int64, deal: Deal?, at: LocalTime, channel: Channel, direction: Direction, summary: String?,
                    response: String?, participants: [Participant], raised: [RaisedItem]) {
            self.init(accountID: accountID, dealID: deal?.id, at: at, channel: channel, direction: direction, summary: summary,
                      response: response, participants: participants, raised: raised)
        }
        public init(accountID: Int64, dealID: Int64?, at: LocalTime, channel: Channel, direction: Direction, summary: String?,
                    response: String?, participants: [Participant], raised: [RaisedItem]) {
            self.accountID = accountID; self.dealID = dealID; self.at = at; self.channel = channel; self.direction = direction
            self.summary = summary; self.response = response; self.participants = participants; self.raised = raised
        }
    }

    /// What `log` stored.
    public struct Logged {
        public var id: Int64
        public var stageKey: String?
        public var closedTasks: Int
    }

    /// Plan rules whose open tasks a touchpoint with that stakeholder completes.
    public static let contactRules = ["stale-contact", "top-down", "negative-emotion", "single-threaded", "opponent"]

    /// Logs a touchpoint: all of it lands, or nothing does. One statement
    /// (data-modifying CTEs are atomic), so one round trip to the server.
    public func log(_ t: NewTouchpoint) throws -> Logged {
        let quotes = t.participants.map(\.quote)
        let row = try db.queryRow("""
            WITH stage_then AS (
                -- The deal's stage on that day: the latest entry on or before it, else the first.
                SELECT h.stage_id FROM deal_stage_history h
                WHERE h.account_id = $1 AND h.deal_id = $2
                ORDER BY (h.entered_on <= $3::timestamp::date) DESC,
                         CASE WHEN h.entered_on <= $3::timestamp::date THEN h.entered_on END DESC NULLS LAST,
                         h.entered_on, h.id DESC
                LIMIT 1),
            tp AS (
                INSERT INTO touchpoint (account_id, deal_id, stage_id, at, channel, direction, summary, response, logged_by)
                VALUES ($1, $2, (SELECT stage_id FROM stage_then), $3::timestamp, $4, $5, $6, $7, $8)
                RETURNING id, stage_id, at),
            parts AS (
                INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label, quote)
                SELECT $1, tp.id, u.sid, u.emotion, u.label, u.quote
                FROM tp, unnest($9::bigint[], $10::smallint[], $11::text[], $12::text[]) AS u(sid, emotion, label, quote)
                RETURNING 1),
            raised AS (
                INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity,
                                        status, response, raised_on, responded_on)
                SELECT $1, tp.id, u.sid, $2, tp.stage_id, u.kind, u.text, u.severity,
                       CASE WHEN $7::text IS NULL THEN 'open' ELSE 'addressed' END, $7, tp.at::date,
                       CASE WHEN $7::text IS NULL THEN NULL ELSE tp.at::date END
                FROM tp, unnest($13::bigint[], $14::text[], $15::text[], $16::text[]) AS u(sid, kind, text, severity)
                RETURNING 1),
            closed AS (
                -- A touchpoint with a stakeholder completes their open contact tasks.
                UPDATE plan_item pi SET status = 'done', done_at = now(), done_by_touchpoint = tp.id
                FROM tp
                WHERE pi.account_id = $1 AND pi.status = 'open' AND pi.stakeholder_id = ANY($9::bigint[])
                  AND pi.rule = ANY($17::text[]) AND ($2::bigint IS NULL OR pi.deal_id IS NULL OR pi.deal_id = $2)
                RETURNING 1)
            SELECT tp.id, (SELECT key FROM stage WHERE id = tp.stage_id) AS stage_key,
                   (SELECT count(*) FROM closed) AS closed, (SELECT count(*) FROM parts) AS parts, (SELECT count(*) FROM raised) AS raised
            FROM tp
            """, [t.accountID, t.dealID, t.at, t.channel.rawValue, t.direction.rawValue, t.summary, t.response, actor,
                  PostgresArray(t.participants.map { String($0.stakeholderID) }),
                  PostgresArray(t.participants.map { $0.emotion.map { String($0.value) } }),
                  PostgresArray(t.participants.map(\.emotionLabel)), PostgresArray(quotes),
                  PostgresArray(t.raised.map { String($0.stakeholderID) }), PostgresArray(t.raised.map { $0.kind.rawValue }),
                  PostgresArray(t.raised.map(\.text)), PostgresArray(t.raised.map { $0.severity.rawValue }),
                  PostgresArray(Self.contactRules)])!
        return Logged(id: try row.decode("id"), stageKey: try row.decodeIfPresent("stage_key"), closedTasks: try row.decode("closed"))
    }

    /// The timeline of an account: touchpoints with participants, oldest first.
    public func timeline(accountID: Int64, dealID: Int64? = nil, since: Day? = nil) throws -> [Touchpoint] {
        let rows = try db.query("""
            SELECT t.id, t.account_id, t.deal_id, s.key AS stage_key, to_char(t.at, 'YYYY-MM-DD HH24:MI') AS at_local,
                   t.channel, t.direction, t.summary, t.response, t.logged_by
            FROM touchpoint t LEFT JOIN stage s ON s.id = t.stage_id
            WHERE t.account_id = $1 AND ($2::bigint IS NULL OR t.deal_id = $2) AND ($3::date IS NULL OR t.at >= $3::date)
            ORDER BY t.at, t.id
            """, [accountID, dealID, since])
        let parts = try db.query("""
            SELECT p.touchpoint_id, p.stakeholder_id, p.emotion, p.emotion_label, p.quote
            FROM participant p JOIN touchpoint t ON t.account_id = p.account_id AND t.id = p.touchpoint_id
            WHERE p.account_id = $1 AND ($2::bigint IS NULL OR t.deal_id = $2) AND ($3::date IS NULL OR t.at >= $3::date)
            ORDER BY p.touchpoint_id, p.stakeholder_id
            """, [accountID, dealID, since])
        return try Self.assemble(rows, parts)
    }

    static func assemble(_ rows: [Row], _ parts: [Row]) throws -> [Touchpoint] {
        var byTouchpoint: [Int64: [Participant]] = [:]
        for p in parts {
            let e: Int? = try p.decodeIfPresent("emotion")
            byTouchpoint[try p.decode("touchpoint_id"), default: []].append(
                Participant(stakeholderID: try p.decode("stakeholder_id"), emotion: e.flatMap(Emotion.init),
                            emotionLabel: try p.decodeIfPresent("emotion_label"), quote: try p.decodeIfPresent("quote")))
        }
        return try rows.map { r in
            let id: Int64 = try r.decode("id")
            return Touchpoint(id: id, accountID: try r.decode("account_id"), dealID: try r.decodeIfPresent("deal_id"),
                              stageKey: try r.decodeIfPresent("stage_key"), at: try r.decode("at_local"),
                              channel: try r.decode("channel"), direction: try r.decode("direction"),
                              summary: try r.decodeIfPresent("summary"), loggedBy: try r.decodeIfPresent("logged_by"),
                              participants: byTouchpoint[id] ?? [], response: try r.decodeIfPresent("response"))
        }
    }
}
