import DecisionChain
import Foundation
import Postgres

/// The SQL of the pipeline report. PostgreSQL does the aggregation (GROUP BY,
/// window functions, percentile_cont) and Swift receives report-sized
/// results: one row per open deal, per stage, per heat-map cell, per pain
/// group, per win/loss group — never the touchpoints themselves.
public struct PipelineReportStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// One statement of the report with its bound parameters.
    public struct Statement: Sendable {
        /// A short name (`facts`, `funnel`, ...), also the prepared statement's name in `psqlScript`.
        public var name: String
        public var sql: String
        /// Parameter values as PostgreSQL text; nil is NULL.
        public var parameters: [String?]
    }

    /// Checks the filter and runs the statements the chosen sections need: the rows the
    /// report is built from (`PipelineReport.build`), sections not chosen left empty.
    public func rows(_ filter: PipelineReportFilter, sections: [PipelineReportSection] = PipelineReportSection.allCases,
                     policy: RedFlagPolicy = RedFlagPolicy()) throws -> PipelineReportRows {
        try validate(filter)
        let stages = try PipelineStore(connection: db).all()
            .filter { filter.pipeline == nil || $0.key == filter.pipeline }.flatMap(\.stages)
        let s = Self.statements(filter, sections: sections, policy: policy)
        // Planner settings for the report's statements, restored afterwards (psqlScript says the same):
        // - jit off: short scans and aggregates; compiling them costs seconds and saves less.
        // - enable_nestloop off: under row-level security the planner cannot use column statistics
        //   through non-leakproof operators and misjudges row counts after the policies' filters; it
        //   then picks nested loops that take minutes for a manager. The report's joins are all
        //   set-sized (hash and merge joins), so nothing it does needs a nested loop.
        let was = try db.queryRow("""
            SELECT current_setting('jit') AS jit, current_setting('enable_nestloop') AS nestloop,
                   set_config('jit', 'off', false) AS a, set_config('enable_nestloop', 'off', false) AS b
            """)
        defer {
            if let was, let jit: String = try? was.decode("jit"), let nestloop: String = try? was.decode("nestloop") {
                _ = try? db.query("SELECT set_config('jit', $1, false), set_config('enable_nestloop', $2, false)", [jit, nestloop])
            }
        }
        func run(_ name: String) throws -> [Row] {
            guard let st = s.first(where: { $0.name == name }) else { return [] }
            return try db.query(st.sql, st.parameters.map(TextParameter.init))
        }
        return PipelineReportRows(stages: stages, deals: try run("facts").map(DealFacts.init(reportRow:)),
                                  funnel: try run("funnel").map(FunnelStage.init(row:)),
                                  stageMedians: try run("stage_medians").map(StageMedian.init(row:)),
                                  emotionHeatmap: try run("emotion_heatmap").map(HeatCell.init(row:)),
                                  painPoints: try run("pain_points").map(PainGroup.init(row:)),
                                  winLoss: try run("win_loss").map(WinLossRow.init(row:)),
                                  metrics: PipelineMetricsRows(
                                      stages: try run("metrics_stages").map(StageTally.init(row:)),
                                      roles: try run("metrics_roles").map(RoleTally.init(row:)),
                                      periods: try run("metrics_trend").map(PeriodTally.init(row:)),
                                      renewal: try run("metrics_renewal").first.map(RenewalRate.init(row:)) ?? RenewalRate(reached: 0, renewed: 0, notRenewed: 0),
                                      targets: try run("metric_targets").map(MetricTarget.init(row:))))
    }

    /// The facts of one deal, whatever its status (for the deal review sheet).
    public func facts(accountID: Int64, dealID: Int64, today: Day, policy: RedFlagPolicy = RedFlagPolicy()) throws -> DealFacts {
        let sql = Self.factsSQL(oneDeal: true)
        let params: [String?] = [nil, nil, nil, nil, nil] + Self.factParameters(today: today, policy: policy) + [String(accountID), String(dealID)]
        guard let row = try db.queryRow(sql, params.map(TextParameter.init)) else {
            throw StoreError.notFound(kind: "deal", reference: "#\(dealID)", scope: nil, candidates: [])
        }
        return try DealFacts(reportRow: row)
    }

    /// $6 today, $7 the pain severities the red flags watch, $8 the channels allowed in a quiet stage.
    static func factParameters(today: Day, policy: RedFlagPolicy) -> [String?] {
        [today.description, PostgresArray(policy.rules.painSeverities.map { Optional($0.rawValue) }).postgresText,
         PostgresArray(policy.rules.quietAllowedChannels.map { Optional($0.rawValue) }).postgresText]
    }

    /// Refuses a team, owner or pipeline that does not exist (an empty report would mislead).
    func validate(_ f: PipelineReportFilter) throws {
        if let team = f.team, try db.queryRow("SELECT 1 AS x FROM team WHERE name = $1", [team]) == nil {
            let known = try db.query("SELECT name FROM team ORDER BY name LIMIT 10").compactMap { $0["name"] ?? nil }
            throw InputError(field: "team", value: team, problem: "is not a team" + (known.isEmpty ? "" : " (teams: \(known.joined(separator: ", ")))"))
        }
        if let owner = f.owner, try db.queryRow("SELECT 1 AS x FROM app_user WHERE login = $1", [owner]) == nil {
            throw InputError(field: "owner", value: owner, problem: "is not a user login")
        }
        if let p = f.pipeline { _ = try PipelineStore(connection: db).pipeline(p) }
        guard f.since <= f.today else {
            throw InputError(field: "since", value: f.since.description, problem: "is after today (\(f.today))")
        }
    }

    /// The statements the chosen sections need, in order, with their parameters:
    /// what `report` runs and what `psqlScript` prints.
    public static func statements(_ f: PipelineReportFilter, sections: [PipelineReportSection] = PipelineReportSection.allCases,
                                  policy: RedFlagPolicy = RedFlagPolicy()) -> [Statement] {
        let filters: [String?] = [f.team, f.owner, f.region, f.kind?.rawValue, f.pipeline]
        let since = f.since.description, today = f.today.description
        let needs: [String: [PipelineReportSection]] = [
            "facts": [.velocity, .coverage, .redFlags], "funnel": [.funnel, .metrics], "stage_medians": [.velocity, .metrics],
            "emotion_heatmap": [.emotionHeatmap], "pain_points": [.painPoints], "win_loss": [.winLoss],
            "metrics_stages": [.metrics], "metrics_roles": [.metrics], "metrics_trend": [.metrics], "metrics_renewal": [.metrics],
            "metric_targets": [.metrics],
        ]
        let granularity = TrendGranularity.forPeriod(since: f.since, today: f.today)
        return [
            Statement(name: "facts", sql: factsSQL(oneDeal: false), parameters: filters + factParameters(today: f.today, policy: policy)),
            Statement(name: "funnel", sql: funnelSQL, parameters: filters + [since]),
            Statement(name: "stage_medians", sql: mediansSQL, parameters: filters + [since, today]),
            Statement(name: "emotion_heatmap", sql: heatmapSQL, parameters: filters + [since, today]),
            Statement(name: "pain_points", sql: painSQL, parameters: filters + [today, String(PainGroup.limit), String(PainGroup.accountLimit)]),
            Statement(name: "win_loss", sql: winLossSQL, parameters: filters + [since, today]),
            Statement(name: "metrics_stages", sql: metricsStagesSQL, parameters: filters + [since, today]),
            Statement(name: "metrics_roles", sql: metricsRolesSQL, parameters: filters + [since, today]),
            Statement(name: "metrics_trend", sql: metricsTrendSQL, parameters: filters + [since, today, granularity.rawValue]),
            Statement(name: "metrics_renewal", sql: renewalSQL,
                      parameters: filters + [since, today, RenewalRate.pipelineKey, RenewalRate.stageKey]),
            Statement(name: "metric_targets", sql: targetsSQL, parameters: [f.pipeline]),
        ].filter { st in needs[st.name, default: []].contains(where: sections.contains) }
    }

    /// The report's statements as a psql script (PREPARE, then EXECUTE with
    /// the values as quoted literals), for DBAs and for the benchmark that
    /// compares `dchain` with psql running the same SQL.
    public static func psqlScript(_ f: PipelineReportFilter, sections: [PipelineReportSection] = PipelineReportSection.allCases,
                                  schema: String = "public", policy: RedFlagPolicy = RedFlagPolicy()) -> String {
        var out = "-- dchain report pipeline: the statements it runs, with its parameters.\n"
        out += "SET search_path = \(quoteLiteral(schema));\nSET TimeZone = \(quoteLiteral(Database.timeZone));\nSET jit = off;\nSET enable_nestloop = off;\n"
        for s in statements(f, sections: sections, policy: policy) {
            out += "\nPREPARE \(s.name) AS\n\(s.sql);\n"
            out += "EXECUTE \(s.name)(" + s.parameters.map { $0.map(quoteLiteral) ?? "NULL" }.joined(separator: ", ") + ");\n"
        }
        return out
    }

    /// A SQL string literal (for the printed script only; the report itself binds parameters).
    static func quoteLiteral(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    // MARK: - SQL

    /// Deals in scope: $1 team name, $2 account owner login, $3 region, $4 account kind, $5 pipeline key.
    static let scopeJoins = """
        FROM deal d
        JOIN account a ON a.id = d.account_id
        JOIN pipeline p ON p.id = d.pipeline_id
        """
    static let scopeWhere = """
        ($1::text IS NULL OR a.team_id = (SELECT t.id FROM team t WHERE t.name = $1))
          AND ($2::text IS NULL OR a.owner_id = (SELECT u.id FROM app_user u WHERE u.login = $2))
          AND ($3::text IS NULL OR a.region = $3)
          AND ($4::text IS NULL OR a.kind = $4)
          AND ($5::text IS NULL OR p.key = $5)
        """

    /// One row per open deal in scope ($6 today, $7 the flagged pain severities, $8 the channels allowed in a
    /// quiet stage); with `oneDeal`, one row for the deal $9/$10 whatever its status.
    ///
    /// The big tables are joined to `deal` itself, never to a CTE of deals, so that the planner can
    /// use the foreign keys (account_id, deal_id) for its row estimates and choose hash joins.
    static func factsSQL(oneDeal: Bool) -> String {
        // Open on $6: open now, or closed after it (the deal is replayed as it was that day).
        let selected = oneDeal ? "d.account_id = $9::bigint AND d.id = $10::bigint" : "(d.status = 'open' OR d.closed_on > $6::date)"
        // A deal whose history starts after $6 did not exist yet (one named deal is shown at its first stage).
        let existed = oneDeal ? "" : """
            AND (th.stage_id IS NOT NULL
                 OR NOT EXISTS (SELECT 1 FROM deal_stage_history h WHERE h.account_id = d.account_id AND h.deal_id = d.id))
            """
        return """
        WITH d AS (
            SELECT d.account_id, d.id, d.name,
                   CASE WHEN d.status <> 'open' AND d.closed_on > $6::date THEN 'open' ELSE d.status END AS status,
                   d.amount, d.currency, s.id AS stage_id, a.name AS account_name,
                   p.key AS pipeline_key, s.key AS stage_key, s.position, s.expected_days, s.quiet AS stage_quiet,
                   coalesce(du.login, au.login) AS owner_login
            \(scopeJoins)
            LEFT JOIN LATERAL (
                SELECT h.stage_id FROM deal_stage_history h
                WHERE h.account_id = d.account_id AND h.deal_id = d.id AND h.entered_on <= $6::date
                ORDER BY h.entered_on DESC, h.id DESC LIMIT 1) th ON true
            JOIN stage s ON s.id = coalesce(th.stage_id, d.stage_id)
            LEFT JOIN app_user du ON du.id = d.owner_id
            LEFT JOIN app_user au ON au.id = a.owner_id
            WHERE \(scopeWhere) AND \(selected) \(existed)
        ),
        entered AS (
            SELECT d.account_id, d.id AS deal_id, max(h.entered_on) AS entered_on
            FROM d JOIN deal_stage_history h ON h.account_id = d.account_id AND h.deal_id = d.id AND h.stage_id = d.stage_id
                                             AND h.entered_on <= $6::date
            GROUP BY d.account_id, d.id
        ),
        bi AS (
            SELECT b.account_id, b.deal_id, b.stakeholder_id, b.role, b.influence, b.stance
            FROM buying_influence b
            JOIN deal d ON d.account_id = b.account_id AND d.id = b.deal_id
            JOIN account a ON a.id = d.account_id JOIN pipeline p ON p.id = d.pipeline_id
            WHERE b.valid_from <= $6::date AND (b.valid_to IS NULL OR b.valid_to > $6::date) AND \(scopeWhere) AND \(selected)
        ),
        -- Each role holder at the deal's touchpoints (tagged with the deal or with no deal) up to today.
        -- `known` packs the latest known emotion into one bigint, epoch seconds × 8 + (3 − emotion), so a
        -- plain max() finds it: the latest first, the lower emotion on a tie.
        role_contact AS (
            SELECT bi.account_id, bi.deal_id, bi.role, max(tp.at)::date AS last_contact,
                   max(extract(epoch FROM tp.at)::bigint * 8 + 3 - pa.emotion) AS known
            FROM bi
            JOIN participant pa ON pa.account_id = bi.account_id AND pa.stakeholder_id = bi.stakeholder_id
            JOIN touchpoint tp ON tp.account_id = pa.account_id AND tp.id = pa.touchpoint_id
            WHERE (tp.deal_id = bi.deal_id OR tp.deal_id IS NULL) AND tp.at < ($6::date + 1)::timestamptz
            GROUP BY bi.account_id, bi.deal_id, bi.role
        ),
        roles AS (
            SELECT n.account_id, n.deal_id, n.role, n.names, c.last_contact, 3 - (c.known % 8)::int AS latest_emotion,
                   to_timestamp(c.known / 8)::date AS latest_emotion_on
            FROM (SELECT bi.account_id, bi.deal_id, bi.role, array_to_json(array_agg(st.name ORDER BY st.name))::text AS names
                  FROM bi JOIN stakeholder st ON st.account_id = bi.account_id AND st.id = bi.stakeholder_id
                  GROUP BY bi.account_id, bi.deal_id, bi.role) n
            LEFT JOIN role_contact c ON c.account_id = n.account_id AND c.deal_id = n.deal_id AND c.role = n.role
        ),
        -- Who took part in the account's touchpoints of the last 60 days, per deal tag (NULL: no deal).
        recent AS (
            SELECT DISTINCT tp.account_id, tp.deal_id, pa.stakeholder_id
            FROM touchpoint tp JOIN participant pa ON pa.account_id = tp.account_id AND pa.touchpoint_id = tp.id
            WHERE tp.at >= ($6::date - 60)::timestamptz AND tp.at < ($6::date + 1)::timestamptz
        ),
        threads AS (
            SELECT d.account_id, d.id AS deal_id, count(DISTINCT r.stakeholder_id) AS contacted
            FROM d JOIN recent r ON r.account_id = d.account_id AND (r.deal_id = d.id OR r.deal_id IS NULL)
            GROUP BY d.account_id, d.id
        ),
        last_tp AS (
            SELECT tp.account_id, tp.deal_id, max(tp.at)::date AS last_at
            FROM touchpoint tp
            JOIN deal d ON d.account_id = tp.account_id AND d.id = tp.deal_id
            JOIN account a ON a.id = d.account_id JOIN pipeline p ON p.id = d.pipeline_id
            WHERE tp.at < ($6::date + 1)::timestamptz AND \(scopeWhere) AND \(selected)
            GROUP BY tp.account_id, tp.deal_id
        ),
        -- Each current role holder with their roles (EB first) and their latest touchpoint at the account
        -- up to today: what the plan's stale-contact rule reads, so the overdue-contact flag agrees with it.
        holder_last AS (
            SELECT pa.account_id, pa.stakeholder_id, max(tp.at)::date AS last_contact
            FROM (SELECT DISTINCT account_id, stakeholder_id FROM bi) hs
            JOIN participant pa ON pa.account_id = hs.account_id AND pa.stakeholder_id = hs.stakeholder_id
            JOIN touchpoint tp ON tp.account_id = pa.account_id AND tp.id = pa.touchpoint_id
            WHERE tp.at < ($6::date + 1)::timestamptz
            GROUP BY pa.account_id, pa.stakeholder_id
        ),
        holders AS (
            SELECT h.account_id, h.deal_id,
                   json_agg(json_build_object('name', st.name, 'roles', h.roles, 'last', hl.last_contact) ORDER BY st.name, st.id)::text AS holders
            FROM (SELECT account_id, deal_id, stakeholder_id,
                         array_agg(role ORDER BY array_position(ARRAY['EB', 'TB', 'UB', 'Coach'], role)) AS roles
                  FROM bi GROUP BY account_id, deal_id, stakeholder_id) h
            JOIN stakeholder st ON st.account_id = h.account_id AND st.id = h.stakeholder_id
            LEFT JOIN holder_last hl ON hl.account_id = h.account_id AND hl.stakeholder_id = h.stakeholder_id
            GROUP BY h.account_id, h.deal_id
        ),
        -- Pain points of the watched severities still waiting for a response, placed in deals as the plan's
        -- open-pain rule places them: the deal named, else the deals their author is in the chain of,
        -- else (no author either) the account's first open deal.
        pains AS (
            SELECT d.account_id, d.id AS deal_id,
                   json_agg(json_build_object('text', pp.text, 'kind', pp.kind, 'severity', pp.severity, 'raised_on', pp.raised_on,
                                              'by', st.name) ORDER BY pp.raised_on, pp.id)::text AS pains
            FROM d JOIN pain_point pp ON pp.account_id = d.account_id
            LEFT JOIN stakeholder st ON st.account_id = pp.account_id AND st.id = pp.stakeholder_id
            -- Unanswered on $6: no response by then (a response dated later did not exist yet).
            WHERE pp.raised_on <= $6::date AND NOT coalesce(pp.resolved_on <= $6::date, pp.status = 'resolved')
              AND (pp.responded_on > $6::date OR (pp.responded_on IS NULL AND pp.status = 'open' AND coalesce(pp.response, '') = ''))
              AND pp.severity = ANY ($7::text[])
              AND (pp.deal_id = d.id
                   OR (pp.deal_id IS NULL AND pp.stakeholder_id IS NOT NULL AND EXISTS (
                          SELECT 1 FROM bi WHERE bi.account_id = pp.account_id AND bi.deal_id = d.id AND bi.stakeholder_id = pp.stakeholder_id))
                   OR (pp.deal_id IS NULL AND pp.stakeholder_id IS NULL
                       AND d.id = (SELECT min(o.id) FROM deal o WHERE o.account_id = d.account_id
                                   AND (o.status = 'open' OR o.closed_on > $6::date))))
            GROUP BY d.account_id, d.id
        ),
        -- Touchpoints of the deal with the buyer's people logged in a quiet stage, other than by the allowed channels.
        quiet AS (
            SELECT tp.account_id, tp.deal_id,
                   json_agg(json_build_object('on', tp.at::date, 'stage', s.key, 'en', s.name_en, 'zh', s.name_zh, 'channel', tp.channel,
                            'people', (SELECT json_agg(st.name ORDER BY st.name) FROM participant pa
                                       JOIN stakeholder st ON st.account_id = pa.account_id AND st.id = pa.stakeholder_id
                                       WHERE pa.account_id = tp.account_id AND pa.touchpoint_id = tp.id))
                            ORDER BY tp.at, tp.id)::text AS contacts
            FROM touchpoint tp
            JOIN stage s ON s.id = tp.stage_id AND s.quiet
            JOIN deal d ON d.account_id = tp.account_id AND d.id = tp.deal_id
            JOIN account a ON a.id = d.account_id JOIN pipeline p ON p.id = d.pipeline_id
            WHERE tp.at < ($6::date + 1)::timestamptz AND tp.channel <> ALL ($8::text[])
              AND EXISTS (SELECT 1 FROM participant pa WHERE pa.account_id = tp.account_id AND pa.touchpoint_id = tp.id)
              AND \(scopeWhere) AND \(selected)
            GROUP BY tp.account_id, tp.deal_id
        ),
        adverse AS (
            SELECT bi.account_id, bi.deal_id,
                   json_agg(json_build_object('name', st.name, 'role', bi.role, 'stance', bi.stance) ORDER BY st.name, bi.role)::text AS people
            FROM bi JOIN stakeholder st ON st.account_id = bi.account_id AND st.id = bi.stakeholder_id
            WHERE bi.influence = 'high' AND bi.stance IN ('skeptic', 'opponent')
            GROUP BY bi.account_id, bi.deal_id
        )
        SELECT d.account_id, d.account_name, d.id AS deal_id, d.name AS deal_name, d.status, d.pipeline_key, d.stage_key,
               d.position, d.amount, d.currency, d.owner_login, e.entered_on, d.expected_days, d.stage_quiet,
               coalesce(t.contacted, 0) AS contacted, l.last_at, adv.people AS adverse,
               ho.holders, pn.pains, q.contacts AS quiet_contacts,
               eb.names AS eb_names, eb.last_contact AS eb_last, eb.latest_emotion AS eb_emotion, eb.latest_emotion_on AS eb_emotion_on,
               tb.names AS tb_names, tb.last_contact AS tb_last, tb.latest_emotion AS tb_emotion, tb.latest_emotion_on AS tb_emotion_on,
               ub.names AS ub_names, ub.last_contact AS ub_last, ub.latest_emotion AS ub_emotion, ub.latest_emotion_on AS ub_emotion_on,
               co.names AS coach_names, co.last_contact AS coach_last, co.latest_emotion AS coach_emotion,
               co.latest_emotion_on AS coach_emotion_on
        FROM d
        LEFT JOIN entered e ON e.account_id = d.account_id AND e.deal_id = d.id
        LEFT JOIN threads t ON t.account_id = d.account_id AND t.deal_id = d.id
        LEFT JOIN last_tp l ON l.account_id = d.account_id AND l.deal_id = d.id
        LEFT JOIN adverse adv ON adv.account_id = d.account_id AND adv.deal_id = d.id
        LEFT JOIN holders ho ON ho.account_id = d.account_id AND ho.deal_id = d.id
        LEFT JOIN pains pn ON pn.account_id = d.account_id AND pn.deal_id = d.id
        LEFT JOIN quiet q ON q.account_id = d.account_id AND q.deal_id = d.id
        LEFT JOIN roles eb ON eb.account_id = d.account_id AND eb.deal_id = d.id AND eb.role = 'EB'
        LEFT JOIN roles tb ON tb.account_id = d.account_id AND tb.deal_id = d.id AND tb.role = 'TB'
        LEFT JOIN roles ub ON ub.account_id = d.account_id AND ub.deal_id = d.id AND ub.role = 'UB'
        LEFT JOIN roles co ON co.account_id = d.account_id AND co.deal_id = d.id AND co.role = 'Coach'
        ORDER BY d.account_name, d.name, d.id
        """
    }

    /// Per stage: open deals, amounts, and how many deals of the period ($6 since) reached it;
    /// conversion is reached ÷ the previous stage's reached (lag over the stages).
    static let funnelSQL = """
        WITH scoped AS (
            SELECT d.account_id, d.id, d.pipeline_id, d.stage_id, d.status, d.amount
            \(scopeJoins)
            WHERE \(scopeWhere) AND (d.status = 'open' OR d.closed_on >= $6::date)
        ),
        furthest AS (
            SELECT d.pipeline_id, greatest(cs.position, coalesce(max(hs.position), 0)) AS position
            FROM scoped d
            JOIN stage cs ON cs.id = d.stage_id
            LEFT JOIN deal_stage_history h ON h.account_id = d.account_id AND h.deal_id = d.id
            LEFT JOIN stage hs ON hs.id = h.stage_id
            GROUP BY d.account_id, d.id, d.pipeline_id, cs.position
        ),
        furthest_count AS (
            SELECT pipeline_id, position, count(*) AS n FROM furthest GROUP BY pipeline_id, position
        ),
        open_by_stage AS (
            SELECT stage_id, count(*) AS open_deals, coalesce(sum(amount), 0) AS total
            FROM scoped WHERE status = 'open' GROUP BY stage_id
        ),
        per_stage AS (
            SELECT p.id AS pipeline_id, p.key AS pipeline_key, s.key AS stage_key, s.position, s.weight,
                   coalesce(o.open_deals, 0) AS open_deals, coalesce(o.total, 0) AS total_amount,
                   coalesce(o.total, 0) * s.weight AS weighted_amount,
                   -- Reaching a stage means reaching it or any later one: a running sum from the last stage back.
                   sum(coalesce(fc.n, 0)) OVER (PARTITION BY p.id ORDER BY s.position DESC) AS reached
            FROM stage s
            JOIN pipeline p ON p.id = s.pipeline_id
            LEFT JOIN open_by_stage o ON o.stage_id = s.id
            LEFT JOIN furthest_count fc ON fc.pipeline_id = s.pipeline_id AND fc.position = s.position
            WHERE ($5::text IS NULL OR p.key = $5)
        )
        SELECT pipeline_key, stage_key, position, weight, open_deals, total_amount, weighted_amount, reached,
               reached::float8 / nullif(lag(reached) OVER (PARTITION BY pipeline_id ORDER BY position), 0) AS conversion
        FROM per_stage
        ORDER BY pipeline_id, position
        """

    /// Median days per stage over the stage visits that ended within the period ($6 since … $7 today).
    /// A visit ends when the deal enters its next stage, or when a closed deal closed.
    static let mediansSQL = """
        WITH scoped AS (
            SELECT d.account_id, d.id, d.status, d.closed_on
            \(scopeJoins)
            WHERE \(scopeWhere)
        ),
        visits AS (
            SELECT h.stage_id, h.entered_on,
                   coalesce(lead(h.entered_on) OVER (PARTITION BY h.account_id, h.deal_id ORDER BY h.entered_on, h.id),
                            CASE WHEN d.status <> 'open' THEN d.closed_on END) AS left_on
            FROM deal_stage_history h JOIN scoped d ON d.account_id = h.account_id AND d.id = h.deal_id
        )
        SELECT p.key AS pipeline_key, s.key AS stage_key, s.position, s.expected_days,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY v.left_on - v.entered_on) AS median_days, count(*) AS visits
        FROM visits v
        JOIN stage s ON s.id = v.stage_id
        JOIN pipeline p ON p.id = s.pipeline_id
        WHERE v.left_on BETWEEN $6::date AND $7::date
        GROUP BY p.id, p.key, s.key, s.position, s.expected_days
        ORDER BY p.id, s.position
        """

    /// Stage × role mean of the known emotions at deal touchpoints within the period;
    /// the role is the participant's current buying influence in the touchpoint's deal.
    static let heatmapSQL = """
        -- Known emotions at deal touchpoints of the period first (a join the foreign keys let the planner
        -- size right), then their roles and the scope.
        WITH seen AS MATERIALIZED (
            SELECT tp.account_id, tp.deal_id, tp.stage_id, pa.stakeholder_id, pa.emotion
            FROM touchpoint tp JOIN participant pa ON pa.account_id = tp.account_id AND pa.touchpoint_id = tp.id
            WHERE tp.at >= ($6::date)::timestamptz AND tp.at < ($7::date + 1)::timestamptz AND tp.deal_id IS NOT NULL AND pa.emotion IS NOT NULL
        ),
        cells AS (
            SELECT s.stage_id, b.role, sum(s.emotion) AS total, count(*) AS n
            FROM seen s
            JOIN buying_influence b ON b.account_id = s.account_id AND b.deal_id = s.deal_id
                                   AND b.stakeholder_id = s.stakeholder_id AND b.valid_to IS NULL
            JOIN deal d ON d.account_id = s.account_id AND d.id = s.deal_id
            JOIN account a ON a.id = d.account_id
            JOIN pipeline p ON p.id = d.pipeline_id
            WHERE \(scopeWhere)
            GROUP BY s.stage_id, b.role
        )
        SELECT p.key AS pipeline_key, s.key AS stage_key, s.position, c.role, c.total::float8 / c.n AS mean_emotion, c.n
        FROM cells c
        JOIN stage s ON s.id = c.stage_id
        JOIN pipeline p ON p.id = s.pipeline_id
        ORDER BY p.id, s.position, array_position(ARRAY['EB', 'TB', 'UB', 'Coach'], c.role)
        """

    /// The most frequent open pain points (grouped by text as entered, raised up to $6 today),
    /// top $7, each with up to $8 accounts (most occurrences first). With a pipeline filter only
    /// pain points raised on a deal of that pipeline count.
    static let painSQL = """
        WITH open_pains AS (
            SELECT pp.text, pp.severity, pp.account_id, a.name AS account_name
            FROM pain_point pp
            JOIN account a ON a.id = pp.account_id
            LEFT JOIN deal d ON d.account_id = pp.account_id AND d.id = pp.deal_id
            LEFT JOIN pipeline p ON p.id = d.pipeline_id
            WHERE pp.status = 'open' AND pp.raised_on <= $6::date AND \(scopeWhere)
        ),
        groups AS (
            SELECT text, count(*) AS occurrences, count(DISTINCT account_id) AS account_count,
                   max(CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) AS severity_rank
            FROM open_pains GROUP BY text
            ORDER BY occurrences DESC, severity_rank DESC, text
            LIMIT $7::int
        ),
        per_account AS (
            SELECT o.text, o.account_name,
                   row_number() OVER (PARTITION BY o.text ORDER BY count(*) DESC, o.account_name, o.account_id) AS rank
            FROM open_pains o JOIN groups g ON g.text = o.text
            GROUP BY o.text, o.account_id, o.account_name
        )
        SELECT g.text, g.occurrences, g.account_count, g.severity_rank,
               (SELECT array_to_json(array_agg(pa.account_name ORDER BY pa.rank))::text
                FROM per_account pa WHERE pa.text = g.text AND pa.rank <= $8::int) AS accounts
        FROM groups g
        ORDER BY g.occurrences DESC, g.severity_rank DESC, g.text
        """

    /// Deals closed within the period, by outcome, the stage they closed in, and the reason.
    static let winLossSQL = """
        SELECT p.key AS pipeline_key, s.key AS stage_key, s.position, d.status,
               nullif(btrim(d.close_reason), '') AS reason, count(*) AS deals, coalesce(sum(d.amount), 0) AS amount
        \(scopeJoins)
        JOIN stage s ON s.id = d.stage_id
        WHERE \(scopeWhere) AND d.status <> 'open' AND d.closed_on BETWEEN $6::date AND $7::date
        GROUP BY p.id, p.key, s.key, s.position, d.status, nullif(btrim(d.close_reason), '')
        ORDER BY p.id, s.position, array_position(ARRAY['won', 'lost', 'dropped'], d.status), count(*) DESC, reason NULLS LAST
        """
}

extension PipelineReportStore {
    /// Survey answers in scope within the period ($6 since … $7 today, dates both): the account's
    /// filters through the account, the pipeline filter through the survey's deal.
    static let surveysInScope = """
        FROM survey v
        JOIN account a ON a.id = v.account_id
        LEFT JOIN deal d ON d.account_id = v.account_id AND d.id = v.deal_id
        LEFT JOIN pipeline p ON p.id = d.pipeline_id
        """

    /// The counts every metrics statement returns per group: answers, their sum, and the NPS split.
    static let tallyColumns = """
        v.kind, count(*) AS n, sum(v.score) AS total,
        count(*) FILTER (WHERE v.kind = 'nps' AND v.score >= 9) AS promoters,
        count(*) FILTER (WHERE v.kind = 'nps' AND v.score BETWEEN 7 AND 8) AS passives,
        count(*) FILTER (WHERE v.kind = 'nps' AND v.score <= 6) AS detractors
        """

    /// Survey answers per stage (the stage the deal was in on the day answered) and kind.
    static let metricsStagesSQL = """
        SELECT p.key AS pipeline_key, s.key AS stage_key, s.position, \(tallyColumns)
        \(surveysInScope)
        JOIN stage s ON s.id = v.stage_id
        WHERE v.surveyed_on BETWEEN $6::date AND $7::date AND \(scopeWhere)
        GROUP BY p.id, p.key, s.key, s.position, v.kind
        ORDER BY p.id, s.position, v.kind
        """

    /// Survey answers per buying role the person held in the deal on the day answered (NULL: none) and kind;
    /// a person holding two roles counts in both.
    static let metricsRolesSQL = """
        SELECT b.role, \(tallyColumns)
        \(surveysInScope)
        LEFT JOIN buying_influence b ON b.account_id = v.account_id AND b.deal_id = v.deal_id AND b.stakeholder_id = v.stakeholder_id
                                    AND b.valid_from <= v.surveyed_on AND (b.valid_to IS NULL OR b.valid_to > v.surveyed_on)
        WHERE v.surveyed_on BETWEEN $6::date AND $7::date AND \(scopeWhere)
        GROUP BY b.role, v.kind
        ORDER BY array_position(ARRAY['EB', 'TB', 'UB', 'Coach'], b.role), v.kind
        """

    /// Survey answers per month or quarter ($8: `month` or `quarter`) and kind.
    static let metricsTrendSQL = """
        SELECT date_trunc($8::text, v.surveyed_on::timestamp)::date AS period_start, \(tallyColumns)
        \(surveysInScope)
        WHERE v.surveyed_on BETWEEN $6::date AND $7::date AND \(scopeWhere)
        GROUP BY 1, v.kind
        ORDER BY 1, v.kind
        """

    /// Deals of pipeline $8 that entered stage $9 by $7 today, open or closed within the period (as the funnel
    /// counts them), by how they came out as of today: won is renewed, lost or dropped is not.
    static let renewalSQL = """
        SELECT count(*) AS reached,
               count(*) FILTER (WHERE d.status = 'won' AND d.closed_on <= $7::date) AS renewed,
               count(*) FILTER (WHERE d.status IN ('lost', 'dropped') AND d.closed_on <= $7::date) AS not_renewed
        \(scopeJoins)
        WHERE \(scopeWhere) AND p.key = $8 AND (d.status = 'open' OR d.closed_on >= $6::date)
          AND EXISTS (SELECT 1 FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id
                      WHERE h.account_id = d.account_id AND h.deal_id = d.id AND s.key = $9 AND h.entered_on <= $7::date)
        """

    /// The targets that apply to the report: every all-pipelines target, and each pipeline's own
    /// (only the filtered pipeline's when $1 names one).
    static let targetsSQL = """
        SELECT t.kind, p.key AS pipeline_key, t.value::float8 AS value, t.set_by
        FROM metric_target t LEFT JOIN pipeline p ON p.id = t.pipeline_id
        WHERE t.pipeline_id IS NULL OR $1::text IS NULL OR p.key = $1
        ORDER BY t.pipeline_id NULLS FIRST, array_position(ARRAY['nps', 'csat', 'ces'], t.kind)
        """
}

extension SurveyTally {
    init(row: Row) throws {
        self.init(kind: try row.decode("kind"), n: try row.decode("n"), total: try row.decode("total"),
                  nps: NetPromoterScore(promoters: try row.decode("promoters"), passives: try row.decode("passives"),
                                        detractors: try row.decode("detractors")))
    }
}

extension StageTally {
    init(row: Row) throws {
        self.init(pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"), position: try row.decode("position"),
                  tally: try SurveyTally(row: row))
    }
}

extension RoleTally {
    init(row: Row) throws { self.init(role: try row.decodeIfPresent("role"), tally: try SurveyTally(row: row)) }
}

extension PeriodTally {
    init(row: Row) throws { self.init(start: try row.decode("period_start"), tally: try SurveyTally(row: row)) }
}

extension RenewalRate {
    init(row: Row) throws {
        self.init(reached: try row.decode("reached"), renewed: try row.decode("renewed"), notRenewed: try row.decode("not_renewed"))
    }
}

/// A parameter already in PostgreSQL text form (nil is NULL).
struct TextParameter: PostgresEncodable {
    var text: String?
    init(_ text: String?) { self.text = text }
    var postgresText: String? { text }
}

extension DealFacts {
    init(reportRow row: Row) throws {
        func role(_ r: Role, _ prefix: String) throws -> RoleFacts {
            let names: [String] = try row.decodeIfPresent("\(prefix)_names", as: String.self).map { try decodeJSON([String].self, $0) } ?? []
            let emotion: Int? = try row.decodeIfPresent("\(prefix)_emotion")
            return RoleFacts(role: r, stakeholders: names, lastContact: try row.decodeIfPresent("\(prefix)_last"),
                             latestEmotion: emotion.flatMap(Emotion.init), latestEmotionOn: try row.decodeIfPresent("\(prefix)_emotion_on"))
        }
        struct Adverse: Decodable { let name: String; let role: Role; let stance: Stance }
        let adverse = try row.decodeIfPresent("adverse", as: String.self).map { try decodeJSON([Adverse].self, $0) } ?? []
        struct Holder: Decodable { let name: String; let roles: [Role]; let last: Day? }
        struct Pain: Decodable { let text: String; let kind: PainKind; let severity: Severity; let raised_on: Day; let by: String? }
        struct Quiet: Decodable { let on: Day; let stage: String; let en: String; let zh: String; let channel: Channel; let people: [String]? }
        let holders = try row.decodeIfPresent("holders", as: String.self).map { try decodeJSON([Holder].self, $0) } ?? []
        let pains = try row.decodeIfPresent("pains", as: String.self).map { try decodeJSON([Pain].self, $0) } ?? []
        let quiet = try row.decodeIfPresent("quiet_contacts", as: String.self).map { try decodeJSON([Quiet].self, $0) } ?? []
        self.init(accountID: try row.decode("account_id"), accountName: try row.decode("account_name"),
                  dealID: try row.decode("deal_id"), dealName: try row.decode("deal_name"), status: try row.decode("status"),
                  pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"),
                  stagePosition: try row.decode("position"), amount: try row.decodeIfPresent("amount"),
                  currency: try row.decode("currency"), ownerLogin: try row.decodeIfPresent("owner_login"),
                  enteredStage: try row.decodeIfPresent("entered_on"), expectedDays: try row.decode("expected_days"),
                  roles: [try role(.eb, "eb"), try role(.tb, "tb"), try role(.ub, "ub"), try role(.coach, "coach")],
                  contactedLast60Days: try row.decode("contacted"), lastDealTouchpoint: try row.decodeIfPresent("last_at"),
                  highInfluenceAdverse: adverse.map { AdversePerson(name: $0.name, role: $0.role, stance: $0.stance) },
                  holders: holders.map { HolderFacts(name: $0.name, roles: $0.roles, lastContact: $0.last) },
                  unansweredPains: pains.map { PainFacts(text: $0.text, kind: $0.kind, severity: $0.severity, raisedOn: $0.raised_on, raisedBy: $0.by) },
                  quietContacts: quiet.map { QuietContact(on: $0.on, stageKey: $0.stage, stageName: LocalizedText(en: $0.en, zh: $0.zh),
                                                          channel: $0.channel, people: $0.people ?? []) },
                  stageQuiet: try row.decode("stage_quiet"))
    }
}

extension FunnelStage {
    init(row: Row) throws {
        self.init(pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"), position: try row.decode("position"),
                  weight: try row.decode("weight"), openDeals: try row.decode("open_deals"), totalAmount: try row.decode("total_amount"),
                  weightedAmount: try row.decode("weighted_amount"), reached: try row.decode("reached"),
                  conversion: try row.decodeIfPresent("conversion"))
    }
}

extension StageMedian {
    init(row: Row) throws {
        self.init(pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"), position: try row.decode("position"),
                  expectedDays: try row.decode("expected_days"), medianDays: try row.decode("median_days"), visits: try row.decode("visits"))
    }
}

extension HeatCell {
    init(row: Row) throws {
        self.init(pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"), position: try row.decode("position"),
                  role: try row.decode("role"), meanEmotion: try row.decode("mean_emotion"), count: try row.decode("n"))
    }
}

extension PainGroup {
    init(row: Row) throws {
        let rank: Int = try row.decode("severity_rank")
        self.init(text: try row.decode("text"), occurrences: try row.decode("occurrences"),
                  severity: rank >= 3 ? .high : rank == 2 ? .medium : .low,
                  accounts: try row.decodeIfPresent("accounts", as: String.self).map { try decodeJSON([String].self, $0) } ?? [],
                  accountCount: try row.decode("account_count"))
    }
}

extension WinLossRow {
    init(row: Row) throws {
        self.init(pipelineKey: try row.decode("pipeline_key"), stageKey: try row.decode("stage_key"), position: try row.decode("position"),
                  status: try row.decode("status"), reason: try row.decodeIfPresent("reason"), deals: try row.decode("deals"),
                  amount: try row.decode("amount"))
    }
}

/// Decodes a JSON value the server built (json_agg, array_to_json).
private func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    do {
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    } catch {
        throw PostgresError.decoding(column: "json", value: text, type: String(describing: T.self))
    }
}
