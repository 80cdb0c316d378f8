/// A touchpoint about to be written: everything `log`, case loading, the dev
/// seed and `import` know before the database gives it an id. Participants
/// carry their own emotion, label and quote; pain points and needs raised at
/// the touchpoint come along so they land with it.
public struct TouchpointDraft: Hashable, Sendable {
    /// A pain point or need raised at the touchpoint, with our response so far.
    public struct Raised: Hashable, Sendable {
        public var stakeholderID: Int64?
        public var kind: PainKind
        public var text: String
        public var severity: Severity
        public var status: PainStatus
        public var response: String?
        public var respondedOn: Day?
        public var resolvedOn: Day?
        public init(stakeholderID: Int64?, kind: PainKind = .pain, text: String, severity: Severity = .medium,
                    status: PainStatus = .open, response: String? = nil, respondedOn: Day? = nil, resolvedOn: Day? = nil) {
            self.stakeholderID = stakeholderID; self.kind = kind; self.text = text; self.severity = severity
            self.status = status; self.response = response; self.respondedOn = respondedOn; self.resolvedOn = resolvedOn
        }

        /// Raised at a touchpoint whose response (if any) answers it on the
        /// same day: open without one, addressed with one — how `log` and
        /// case files record what a rep says in the room.
        public static func answered(by response: String?, on day: Day, stakeholderID: Int64?, kind: PainKind, text: String,
                                    severity: Severity) -> Raised {
            Raised(stakeholderID: stakeholderID, kind: kind, text: text, severity: severity, status: response == nil ? .open : .addressed,
                   response: response, respondedOn: response == nil ? nil : day)
        }
    }

    public var accountID: Int64
    public var dealID: Int64?
    /// The stage when nothing else says: with a deal that has a stage
    /// history, the database sets the deal's stage on the touchpoint's day
    /// (its `stage_from_history` trigger) whatever is given here.
    public var stageID: Int64?
    /// Wall-clock time in the team's time zone (the session's `TimeZone`).
    public var at: LocalTime
    public var channel: Channel
    public var direction: Direction
    public var summary: String?
    /// What we did or said in reply (the map's response lane).
    public var response: String?
    public var participants: [Participant]
    public var raised: [Raised]
    /// The login or author recorded as having logged it.
    public var loggedBy: String?
    /// The touchpoint's id in the system it came from (import matches on it,
    /// unique per account).
    public var externalID: String?

    public init(accountID: Int64, dealID: Int64? = nil, stageID: Int64? = nil, at: LocalTime, channel: Channel,
                direction: Direction = .outbound, summary: String? = nil, response: String? = nil, participants: [Participant] = [],
                raised: [Raised] = [], loggedBy: String? = nil, externalID: String? = nil) {
        self.accountID = accountID; self.dealID = dealID; self.stageID = stageID; self.at = at; self.channel = channel
        self.direction = direction; self.summary = summary; self.response = response; self.participants = participants
        self.raised = raised; self.loggedBy = loggedBy; self.externalID = externalID
    }
}
