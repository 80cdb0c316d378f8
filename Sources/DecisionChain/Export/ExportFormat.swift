/// dchain's own full-fidelity exchange format (`dchain export --format json`,
/// read back by `dchain import FILE.json`): per account, every row of every
/// account-owned table, with its id, and references to the shared tables by
/// their keys (pipeline and stage keys, user logins, team and account names).
/// `docs/export-format.md` documents every key; this table is what export
/// writes and import reads, so the two cannot drift apart.
public enum ExportFormat {
    /// The value of the document's `format` key.
    public static let name = "dchain-export"
    /// The value of the document's `version` key; raised when a key changes meaning.
    public static let version = 1

    /// The account row itself (the `account` object of each entry).
    public static let account = ExportEntity(
        key: "account", table: "account",
        fields: [
            .init("id", .id, "the account's id in the exporting database"),
            .init("name", .text, "name (unique)"),
            .init("kind", .text, "government, institution, soe or enterprise"),
            .init("code", .text, "code (unique), or null"),
            .init("region", .text, "region, or null"),
            .init("industry", .text, "industry, or null"),
            .init("parent", column: "parent_id", .text, reference: .account, "name of the parent account, or null"),
            .init("owner", column: "owner_id", .text, reference: .user, "login of the owning rep, or null"),
            .init("team", column: "team_id", .text, reference: .team, "name of the owning team, or null"),
            .init("created_at", .timestamp, "when the account was added"),
            .init("updated_at", .timestamp, "when it was last edited"),
        ],
        match: [], meaning: "the account")

    /// The account-owned entities, in the order import writes them (every
    /// reference points to an entity earlier in the list, or to its own).
    public static let entities: [ExportEntity] = [
        ExportEntity(key: "units", table: "unit", fields: [
            .init("id", .id, "the unit's id"),
            .init("name", .text, "department name (unique in the account)"),
            .init("parent_id", .int, reference: .entity("units"), "id of the parent unit, or null"),
        ], match: ["name"], meaning: "departments (the org chart's boxes)"),
        ExportEntity(key: "stakeholders", table: "stakeholder", fields: [
            .init("id", .id, "the stakeholder's id"),
            .init("name", .text, "name"),
            .init("title", .text, "title (may be empty)"),
            .init("unit_id", .int, reference: .entity("units"), "id of the unit, or null"),
            .init("level", .text, "executive, manager or staff, or null"),
            .init("reports_to", .int, reference: .entity("stakeholders"), "id of the stakeholder this one reports to, or null"),
            .init("email", .text, "e-mail, or null"),
            .init("phone", .text, "phone, or null"),
            .init("wechat", .text, "WeChat id, or null"),
            .init("preferred_channel", .text, "channel key, or null"),
            .init("created_at", .timestamp, "when the stakeholder was added"),
        ], match: ["name"], meaning: "people at the account"),
        ExportEntity(key: "deals", table: "deal", fields: [
            .init("id", .id, "the deal's id"),
            .init("name", .text, "name (unique in the account)"),
            .init("pipeline", column: "pipeline_id", .text, reference: .pipeline, "pipeline key"),
            .init("stage", column: "stage_id", .text, reference: .stage, "current stage key (in the deal's pipeline)"),
            .init("status", .text, "open, won, lost or dropped"),
            .init("method", .text, "procurement method key, or null"),
            .init("amount", .amount, "amount as a decimal string (\"4800000.00\"), or null"),
            .init("currency", .text, "ISO 4217 code"),
            .init("close_by", .date, "expected close date, or null"),
            .init("closed_on", .date, "close date (null while open)"),
            .init("close_reason", .text, "why it closed, or null"),
            .init("owner", column: "owner_id", .text, reference: .user, "login of the deal's owner, or null"),
            .init("ocid", .text, "the OCDS contracting process id a procurement portal gave the deal, or null"),
            .init("created_at", .timestamp, "when the deal was added"),
        ], match: ["name"], meaning: "deals"),
        ExportEntity(key: "deal_stage_history", table: "deal_stage_history", fields: [
            .init("id", .id, "the entry's id"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal"),
            .init("stage", column: "stage_id", .text, reference: .stage, "stage key (in the deal's pipeline)"),
            .init("entered_on", .date, "day the deal entered the stage"),
            .init("recorded_at", .timestamp, "when the move was recorded"),
            .init("recorded_by", .text, "login that recorded it, or null"),
            .init("event", .text, "what happened beyond entering the stage: failed-tender (流标), or null"),
            .init("source", .text, "where the entry came from when not typed by a rep (ocds:OCID/RELEASE), or null"),
        ], match: ["deal_id", "stage", "entered_on", "recorded_at"], meaning: "the stage history of every deal"),
        ExportEntity(key: "buying_influences", table: "buying_influence", fields: [
            .init("id", .id, "the entry's id"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal"),
            .init("stakeholder_id", .int, reference: .entity("stakeholders"), "id of the stakeholder"),
            .init("role", .text, "EB, TB, UB or Coach"),
            .init("influence", .text, "high, medium or low, or null"),
            .init("stance", .text, "champion, supporter, neutral, skeptic or opponent, or null"),
            .init("mode", .text, "growth, trouble, even-keel or overconfident, or null"),
            .init("rating", .int, "−5…+5, or null"),
            .init("personal_win", .text, "personal win, or null"),
            .init("valid_from", .date, "first day of this role, stance and rating"),
            .init("valid_to", .date, "last day (null: the current decision chain)"),
            .init("recorded_at", .timestamp, "when it was recorded"),
        ], match: ["deal_id", "stakeholder_id", "role", "valid_from", "recorded_at"],
        meaning: "roles in deals with their history (closed rows have valid_to)"),
        ExportEntity(key: "touchpoints", table: "touchpoint", fields: [
            .init("id", .id, "the touchpoint's id"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal, or null"),
            .init("stage", column: "stage_id", .text, reference: .stage, "stage key at the time (in the deal's pipeline), or null"),
            .init("at", .timestamp, "when it happened"),
            .init("channel", .text, "channel key"),
            .init("direction", .text, "outbound or inbound"),
            .init("summary", .text, "summary, or null"),
            .init("response", .text, "our response, or null"),
            .init("logged_by", .text, "login that logged it, or null"),
            .init("external_id", .text, "the id of the system an import brought it from (unique in the account), or null"),
            .init("created_at", .timestamp, "when it was logged"),
        ], match: ["at", "channel", "created_at"], meaning: "every contact"),
        ExportEntity(key: "participants", table: "participant", fields: [
            .init("touchpoint_id", .int, reference: .entity("touchpoints"), "id of the touchpoint"),
            .init("stakeholder_id", .int, reference: .entity("stakeholders"), "id of the stakeholder"),
            .init("emotion", .int, "−3…+3, or null (unknown)"),
            .init("emotion_label", .text, "emotion label, or null"),
            .init("quote", .text, "what they said, or null"),
        ], match: ["touchpoint_id", "stakeholder_id"], meaning: "who took part in each touchpoint, with their emotion and quote"),
        ExportEntity(key: "pain_points", table: "pain_point", fields: [
            .init("id", .id, "the pain point's id"),
            .init("touchpoint_id", .int, reference: .entity("touchpoints"), "id of the touchpoint it was raised at"),
            .init("stakeholder_id", .int, reference: .entity("stakeholders"), "id of who raised it, or null"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal, or null"),
            .init("stage", column: "stage_id", .text, reference: .stage, "stage key (in the deal's pipeline), or null"),
            .init("kind", .text, "pain or need"),
            .init("text", .text, "what hurts or is needed"),
            .init("severity", .text, "low, medium or high"),
            .init("status", .text, "open, addressed or resolved"),
            .init("response", .text, "our response, or null"),
            .init("raised_on", .date, "day raised"),
            .init("responded_on", .date, "day answered, or null"),
            .init("resolved_on", .date, "day resolved, or null"),
        ], match: ["touchpoint_id", "kind", "text"], meaning: "pain points and needs"),
        ExportEntity(key: "plan_items", table: "plan_item", fields: [
            .init("id", .id, "the item's id"),
            .init("uid", .text, "the item's stable identity (unique in the account)"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal, or null"),
            .init("stakeholder_id", .int, reference: .entity("stakeholders"), "id of the stakeholder, or null"),
            .init("stage", column: "stage_id", .text, reference: .stage, "stage key (in the deal's pipeline), or null"),
            .init("role", .text, "EB, TB, UB or Coach, or null"),
            .init("rule", .text, "the plan rule that produced it"),
            .init("action", .text, "what to do"),
            .init("channel", .text, "channel, or null"),
            .init("theme", .text, "message theme, or null"),
            .init("due", .date, "due day"),
            .init("priority", .text, "high, medium or low"),
            .init("why", .text, "why (the rule's reason with its facts)"),
            .init("status", .text, "open, done or cancelled"),
            .init("owner", .text, "login of the task's owner, or null"),
            .init("created_at", .timestamp, "when the plan item was accepted"),
            .init("done_at", .timestamp, "when it was done, or null"),
            .init("done_by_touchpoint", .int, reference: .entity("touchpoints"), "id of the touchpoint that completed it, or null"),
        ], match: ["uid"], meaning: "accepted communication-plan items (tasks)"),
        ExportEntity(key: "observations", table: "observation", fields: [
            .init("id", .id, "the step's id"),
            .init("stakeholder_id", .int, reference: .entity("stakeholders"), "id of the person observed"),
            .init("observed_on", .date, "the day observed"),
            .init("at", .time, "time of day (HH:MM:SS)"),
            .init("touchpoint_id", .int, reference: .entity("touchpoints"), "id of the site-survey touchpoint the day hangs off"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal, or null"),
            .init("does", .text, "what they do"),
            .init("thinks", .text, "what they think, or null"),
            .init("feels", .int, "−3…+3, or null"),
            .init("feels_label", .text, "feeling label, or null"),
            .init("tool", .text, "tool used, or null"),
            .init("pain_point_id", .int, reference: .entity("pain_points"), "id of the pain point of this step, or null"),
            .init("recorded_by", .text, "login that recorded it, or null"),
            .init("created_at", .timestamp, "when it was recorded"),
        ], match: ["stakeholder_id", "observed_on", "at"], meaning: "day-in-the-life steps"),
        ExportEntity(key: "surveys", table: "survey", fields: [
            .init("id", .id, "the answer's id"),
            .init("stakeholder_id", .int, reference: .entity("stakeholders"), "id of who answered"),
            .init("deal_id", .int, reference: .entity("deals"), "id of the deal, or null"),
            .init("stage", column: "stage_id", .text, reference: .stage, "stage key the deal was in on the day (set from the stage history), or null"),
            .init("surveyed_on", .date, "day answered"),
            .init("kind", .text, "nps, csat or ces"),
            .init("score", .int, "the answer: NPS 0…10, CSAT 1…5, CES 1…7"),
            .init("comment", .text, "comment, or null"),
            .init("created_at", .timestamp, "when it was recorded"),
        ], match: ["stakeholder_id", "surveyed_on", "kind", "created_at"], meaning: "experience survey answers (NPS, CSAT, CES)"),
    ]

    /// An entity by its JSON key.
    public static func entity(_ key: String) -> ExportEntity? { entities.first { $0.key == key } }

    /// Columns of exported tables that export leaves out, as `table.column`,
    /// with why (derived by the database from other rows; import lets it derive them again).
    /// (Every account-owned table's `team_id` is left out too: see ``isDerived(table:column:)``.)
    public static let excludedColumns: [String: String] = [
        "survey.recorded_by": "the login that recorded it, forced by a trigger (0013): an import records the importing login",
    ]

    /// Whether a column of an account-owned table is its account's, copied onto the row by the
    /// database: `account_id` (the entity nests under its account) and `team_id` (set from the
    /// account by a trigger for row-level security, 0014/0015; import lets it be set again).
    public static func isDerived(table: String, column: String) -> Bool {
        table != "account" && (column == "account_id" || column == "team_id")
    }

    /// The tables (and their columns) export deliberately leaves out, with why:
    /// checked against the catalog by a test, so a new column is a decision.
    public static let excluded: [String: String] = [
        "audit_log": "the change history belongs to the exporting database; import is audited anew",
        "audit_undo": "bookkeeping of undone changes in the exporting database",
        "touchpoint_trash": "deleted touchpoints are not part of the account",
        "participant_trash": "deleted with their touchpoint",
        "pain_point_trash": "deleted pain points are not part of the account",
        "case_session": "a trainee's case bookkeeping, local to the workspace",
    ]
}

/// One exported entity: a JSON key (`units`), its table and its fields.
public struct ExportEntity: Sendable {
    /// The JSON key of the entity's array in an account entry.
    public let key: String
    /// The table the rows come from and go to.
    public let table: String
    public let fields: [ExportField]
    /// The fields (JSON keys) that find an existing row on import when ids
    /// differ between databases: the natural key within the account.
    public let match: [String]
    /// What the rows are, for the documentation.
    public let meaning: String

    public init(key: String, table: String, fields: [ExportField], match: [String], meaning: String) {
        self.key = key; self.table = table; self.fields = fields; self.match = match; self.meaning = meaning
    }

    /// Whether rows have their own `id` (all but participants).
    public var hasID: Bool { fields.contains { $0.kind == .id } }
}

/// One key of an exported row.
public struct ExportField: Sendable {
    /// How the value is written: ids and integers as JSON numbers, everything else as strings.
    public enum Kind: Sendable, Equatable {
        case id, int, text, amount, date, timestamp, time
        /// Written as a JSON number.
        public var isNumber: Bool { self == .id || self == .int }
    }

    /// What a value refers to, when it is a reference.
    public enum Reference: Sendable, Equatable {
        /// The id of a row of an entity of the same account (by its JSON key).
        case entity(String)
        /// A stage key, in the pipeline of the row's deal (the deal's own for a deal).
        case stage
        case pipeline, user, team
        /// Another account, by name.
        case account
    }

    /// The JSON key.
    public let key: String
    /// The table column.
    public let column: String
    public let kind: Kind
    public let reference: Reference?
    public let meaning: String

    public init(_ key: String, column: String? = nil, _ kind: Kind, reference: Reference? = nil, _ meaning: String) {
        self.key = key; self.column = column ?? key; self.kind = kind; self.reference = reference; self.meaning = meaning
    }
}

/// One exported row: JSON key → value as text (PostgreSQL's text form for
/// numbers, ISO 8601 for dates and times); a missing key is null.
public typealias ExportRow = [String: String]

/// One account with all its rows, as export writes it and import reads it.
public struct ExportedAccount: Sendable {
    public var account: ExportRow
    /// Rows by entity key (`units`, `stakeholders`, …).
    public var rows: [String: [ExportRow]]

    public init(account: ExportRow, rows: [String: [ExportRow]] = [:]) { self.account = account; self.rows = rows }
}
