import DecisionChain
import Postgres

/// The facts of `dchain today` across all accounts: one aggregate query per
/// kind of fact, filtered on the server with the plan rules' numbers, never a
/// query per account.
public struct TodayStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }

    /// Whose work: the owner of a task, else the deal's owner, else the account's.
    static func ownerFilter(_ param: String, deal: String, account: String) -> String {
        """
        (\(param)::text IS NULL OR coalesce((SELECT login FROM app_user WHERE id = \(deal).owner_id),
                                             (SELECT login FROM app_user WHERE id = \(account).owner_id)) = \(param))
        """
    }

    /// Open tasks due by `horizon`.
    public func tasks(owner: String?, horizon: Day) throws -> [DayAgenda.TaskFact] {
        try db.query("""
            SELECT pi.id, a.name AS account, d.name AS deal, s.name AS stakeholder, pi.role, pi.action, pi.rule, pi.due, pi.priority
            FROM plan_item pi JOIN account a ON a.id = pi.account_id
            LEFT JOIN deal d ON d.account_id = pi.account_id AND d.id = pi.deal_id
            LEFT JOIN stakeholder s ON s.account_id = pi.account_id AND s.id = pi.stakeholder_id
            WHERE pi.status = 'open' AND pi.due <= $2::date
              AND ($1::text IS NULL OR pi.owner = $1 OR (pi.owner IS NULL AND \(Self.ownerFilter("$1", deal: "d", account: "a"))))
            """, [owner, horizon]).map {
            DayAgenda.TaskFact(id: try $0.decode("id"), account: try $0.decode("account"), deal: try $0.decodeIfPresent("deal"),
                               stakeholder: try $0.decodeIfPresent("stakeholder"), role: try $0.decodeIfPresent("role"),
                               action: try $0.decode("action"), rule: try $0.decode("rule"), due: try $0.decode("due"),
                               priority: try $0.decode("priority"))
        }
    }

    /// Current role holders in open deals whose cadence (days per role, from
    /// the plan rules) runs out by `horizon`, with their last contact up to `today`.
    public func roleHolders(owner: String?, cadence: [Role: Int], today: Day, horizon: Day) throws -> [DayAgenda.RoleHolderFact] {
        let roles = cadence.keys.sorted()
        return try db.query("""
            WITH cadence AS (SELECT * FROM unnest($2::text[], $3::int[]) AS c(role, days))
            SELECT a.name AS account, d.name AS deal, s.name AS stakeholder, bi.role, bi.valid_from, last.day AS last_contact
            FROM buying_influence bi
            JOIN cadence c ON c.role = bi.role
            JOIN deal d ON d.account_id = bi.account_id AND d.id = bi.deal_id AND d.status = 'open'
            JOIN account a ON a.id = bi.account_id
            JOIN stakeholder s ON s.account_id = bi.account_id AND s.id = bi.stakeholder_id
            LEFT JOIN LATERAL (
                SELECT max(t.at)::date AS day FROM participant p
                JOIN touchpoint t ON t.account_id = p.account_id AND t.id = p.touchpoint_id
                WHERE p.account_id = bi.account_id AND p.stakeholder_id = bi.stakeholder_id AND t.at < $4::date + 1) last ON true
            WHERE bi.valid_to IS NULL AND bi.valid_from <= $4::date
              AND coalesce(last.day, bi.valid_from) + c.days <= $5::date
              AND \(Self.ownerFilter("$1", deal: "d", account: "a"))
            """, [owner, PostgresArray(roles.map(\.rawValue)), PostgresArray(roles.map { String(cadence[$0]!) }), today, horizon]).map {
            DayAgenda.RoleHolderFact(account: try $0.decode("account"), deal: try $0.decode("deal"), stakeholder: try $0.decode("stakeholder"),
                                     role: try $0.decode("role"), since: try $0.decode("valid_from"),
                                     lastContact: try $0.decodeIfPresent("last_contact"))
        }
    }

    /// Open (unanswered) pain points and needs of a severity raised up to `today`.
    public func unansweredPains(owner: String?, severity: Severity, today: Day) throws -> [DayAgenda.PainFact] {
        try db.query("""
            SELECT pp.id, a.name AS account, d.name AS deal, s.name AS stakeholder, pp.text, pp.severity, pp.raised_on
            FROM pain_point pp JOIN account a ON a.id = pp.account_id
            LEFT JOIN deal d ON d.account_id = pp.account_id AND d.id = pp.deal_id
            LEFT JOIN stakeholder s ON s.account_id = pp.account_id AND s.id = pp.stakeholder_id
            WHERE pp.status = 'open' AND pp.response IS NULL AND pp.severity = $2 AND pp.raised_on <= $3::date
              AND \(Self.ownerFilter("$1", deal: "d", account: "a"))
            """, [owner, severity.rawValue, today]).map {
            DayAgenda.PainFact(id: try $0.decode("id"), account: try $0.decode("account"), deal: try $0.decodeIfPresent("deal"),
                               stakeholder: try $0.decodeIfPresent("stakeholder"), text: try $0.decode("text"),
                               severity: try $0.decode("severity"), raisedOn: try $0.decode("raised_on"))
        }
    }

    /// Open deals in their stage longer than `factor` times the stage's expected days as of `today`.
    public func stalledDeals(owner: String?, factor: Double, today: Day) throws -> [DayAgenda.DealStageFact] {
        try db.query("""
            SELECT a.name AS account, d.name AS deal, st.key AS stage_key, st.name_en, st.name_zh, st.expected_days, h.entered_on
            FROM deal d JOIN account a ON a.id = d.account_id JOIN stage st ON st.id = d.stage_id
            JOIN LATERAL (SELECT entered_on FROM deal_stage_history
                          WHERE account_id = d.account_id AND deal_id = d.id AND entered_on <= $3::date
                          ORDER BY entered_on DESC, id DESC LIMIT 1) h ON true
            WHERE d.status = 'open' AND ($3::date - h.entered_on) > $2::float8 * st.expected_days
              AND \(Self.ownerFilter("$1", deal: "d", account: "a"))
            """, [owner, factor, today]).map {
            DayAgenda.DealStageFact(account: try $0.decode("account"), deal: try $0.decode("deal"), stageKey: try $0.decode("stage_key"),
                                    stageName: LocalizedText(en: try $0.decode("name_en"), zh: try $0.decode("name_zh")),
                                    entered: try $0.decode("entered_on"), expectedDays: try $0.decode("expected_days"))
        }
    }
}
