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

        /// The touchpoint as the writer takes it.
        func draft(loggedBy: String) -> TouchpointDraft {
            TouchpointDraft(accountID: accountID, dealID: dealID, at: at, channel: channel, direction: direction, summary: summary,
                            response: response, participants: participants,
                            raised: raised.map { .answered(by: response, on: at.day, stakeholderID: $0.stakeholderID, kind: $0.kind,
                                                           text: $0.text, severity: $0.severity) },
                            loggedBy: loggedBy)
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

    /// Logs a touchpoint: all of it lands, or nothing does (one statement
    /// through `TouchpointWriter`). It is logged by this session's login, its
    /// stage is the deal's on that day, the pain points raised are addressed
    /// by its response when there is one, and it completes the participants'
    /// open contact tasks.
    public func log(_ t: NewTouchpoint) throws -> Logged {
        let written = try TouchpointWriter(connection: db).write(t.draft(loggedBy: actor), completing: Self.contactRules)
        return Logged(id: written.id, stageKey: written.stageKey, closedTasks: written.closedTasks)
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
