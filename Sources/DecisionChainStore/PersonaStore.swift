import DecisionChain
import Foundation
import Postgres

/// Personas in the database: the aggregates they are built from (run by
/// PostgreSQL as the login, so row-level security limits them to the accounts
/// the login sees), storing the generated part, listing, reading, and the
/// hand-written notes. Rows and values only: `PersonaBuilder` builds.
public struct PersonaStore {
    let database: Database
    var conn: Connection { database.connection }
    public init(_ db: Database) { self.database = db }

    /// One aggregate statement with its bound parameters.
    public struct Statement: Sendable {
        /// A short name (`base`, `lines`, …), also the prepared statement's name in `psqlScript`.
        public var name: String
        public var sql: String
        /// Parameter values as PostgreSQL text; nil is NULL.
        public var parameters: [String?]
    }

    // MARK: - building

    /// The key of a pipeline as typed (key, English or Chinese name, 政府/企业).
    public func pipelineKey(_ typed: String) throws -> String {
        let pipelines = try PipelineStore(connection: conn).all()
        guard let p = pipelines.first(where: { $0.matches(typed: typed) }) else {
            throw InputError(field: "pipeline", value: typed, problem: "is not a pipeline (" + pipelines.map(\.key).joined(separator: ", ") + ")")
        }
        return p.key
    }

    /// Runs the aggregates, builds the personas with `build` and stores them,
    /// in one transaction: a rebuild replaces the generated part of each
    /// persona (same row, same id) and leaves its notes alone. Returns the
    /// stored personas with their notes.
    public func build(_ scope: PersonaScope, _ build: (PersonaFacts) throws -> [Persona]) throws -> [PersonaRecord] {
        try conn.transaction { c in
            // As the printed script says: no JIT compilation for these few large aggregates.
            try c.execute("SET LOCAL jit = off")
            let personas = try build(try facts(scope, c))
            var records: [PersonaRecord] = []
            for p in personas {
                let json = String(decoding: try JSONEncoder().encode(p), as: UTF8.self)
                let r = try c.queryRow("""
                    INSERT INTO persona (team_id, role, level, pipeline, kind, people, accounts, touchpoints, content)
                    VALUES (dchain_persona_team(), $1, $2, $3, $4, $5, $6, $7, $8::jsonb)
                    ON CONFLICT (identity) DO UPDATE SET built_at = now(), built_by = session_user, people = EXCLUDED.people,
                        accounts = EXCLUDED.accounts, touchpoints = EXCLUDED.touchpoints, content = EXCLUDED.content
                    RETURNING id, identity, (SELECT t.name FROM team t WHERE t.id = team_id) AS team,
                              to_char(built_at, 'YYYY-MM-DD HH24:MI') AS built_at, built_by
                    """, [p.role.rawValue, p.level.rawValue, p.pipeline, p.kind?.rawValue, p.evidence.people, p.evidence.accounts,
                          p.evidence.touchpoints, json])!
                // The persona just stored is the one in hand: no need to read its JSON back.
                let identity: String = try r.decode("identity")
                records.append(PersonaRecord(id: try r.decode("id"), identity: identity, team: try r.decodeIfPresent("team"),
                                             builtAt: try r.decode("built_at"), builtBy: try r.decode("built_by"), persona: p,
                                             notes: try notes(identity, c)))
            }
            return records
        }
    }

    /// The aggregated facts for a scope (see `statements`).
    public func facts(_ scope: PersonaScope) throws -> PersonaFacts { try facts(scope, conn) }

    func facts(_ scope: PersonaScope, _ c: Connection) throws -> PersonaFacts {
        let st = Self.statements(scope)
        func run(_ i: Int) throws -> [Row] { try c.query(st[i].sql, st[i].parameters.map { $0 as any PostgresEncodable }) }
        func key(_ r: Row) throws -> PersonaFacts.Key { .init(role: try r.decode("role"), level: try r.decode("level")) }
        var bases: [PersonaFacts.Key: PersonaEvidence] = [:]
        for r in try run(0) { bases[try key(r)] = try evidence(r) }
        let lines = try run(1).map { r -> (key: PersonaFacts.Key, section: PersonaFacts.Section, line: PersonaLine) in
            let section: PersonaFacts.Section = try r.decode("section")
            return (try key(r), section, PersonaLine(
                key: try r.decode("key"), text: try r.decode("text"),
                severity: try r.decodeIfPresent("severity", as: Severity.self),
                high: try r.decode("high"), resolved: try r.decode("resolved"), evidence: try evidence(r)))
        }
        let quotes = try run(2).map { r in
            (key: try key(r), quote: PersonaQuote(
                text: try r.decode("quote"), stakeholderID: try r.decode("stakeholder_id"), stakeholder: try r.decode("stakeholder"),
                accountID: try r.decode("account_id"), account: try r.decode("account"), touchpointID: try r.decode("touchpoint_id"),
                on: try r.decode("on_day"), emotion: try r.decodeIfPresent("emotion", as: Int.self).flatMap { Emotion($0) }))
        }
        let channels = try run(3).map { r in
            (key: try key(r), channel: PersonaChannel(
                channel: try r.decode("channel"), rose: try r.decode("rose"), fell: try r.decode("fell"), steady: try r.decode("steady"),
                meanChange: try r.decode("mean_change"), evidence: try evidence(r)))
        }
        let stages = try run(4).map { r in
            (key: try key(r), stage: PersonaStageEmotion(
                pipeline: try r.decode("pipeline"), stage: try r.decode("stage"), position: try r.decode("position"),
                nameEN: try r.decode("name_en"), nameZH: try r.decode("name_zh"), mean: try r.decode("mean"), evidence: try evidence(r)))
        }
        return PersonaFacts(bases: bases, lines: lines, quotes: quotes, channels: channels, stages: stages)
    }

    func evidence(_ r: Row) throws -> PersonaEvidence {
        PersonaEvidence(people: try r.decode("people"), accounts: try r.decode("accounts"), touchpoints: try r.decode("touchpoints"),
                        peopleIDs: try Self.ids(r.decodeIfPresent("people_ids")), accountIDs: try Self.ids(r.decodeIfPresent("account_ids")),
                        touchpointIDs: try Self.ids(r.decodeIfPresent("touchpoint_ids")))
    }

    /// A bigint[] in PostgreSQL's text form (`{3,17,42}`).
    static func ids(_ text: String?) throws -> [Int64] {
        guard let text, text.count > 2 else { return [] }
        return try text.dropFirst().dropLast().split(separator: ",").map {
            guard let v = Int64($0) else { throw StoreError.rule("persona evidence: \"\($0)\" is not an id") }
            return v
        }
    }

    // MARK: - reading

    /// Every stored persona the login may see, EB first, executives first.
    public func list() throws -> [PersonaSummary] {
        try conn.query("""
            SELECT p.id, p.identity, t.name AS team, p.role, p.level, p.pipeline, p.kind, p.people, p.accounts, p.touchpoints,
                   to_char(p.built_at, 'YYYY-MM-DD HH24:MI') AS built_at, p.built_by,
                   (SELECT count(*) FROM persona_note n WHERE n.persona_identity = p.identity) AS notes
            FROM persona p LEFT JOIN team t ON t.id = p.team_id
            ORDER BY array_position(ARRAY['EB', 'TB', 'UB', 'Coach'], p.role), array_position(ARRAY['executive', 'manager', 'staff'], p.level),
                     p.pipeline NULLS FIRST, p.kind NULLS FIRST, p.id
            """).map { r in
            let people: Int = try r.decode("people")
            return PersonaSummary(id: try r.decode("id"), identity: try r.decode("identity"), team: try r.decodeIfPresent("team"),
                           role: try r.decode("role"), level: try r.decode("level"), pipeline: try r.decodeIfPresent("pipeline"),
                           kind: try r.decodeIfPresent("kind"), people: people, accounts: try r.decode("accounts"),
                           touchpoints: try r.decode("touchpoints"), thin: people < Persona.minimumPeople, notes: try r.decode("notes"),
                           builtAt: try r.decode("built_at"), builtBy: try r.decode("built_by"))
        }
    }

    /// One stored persona with its notes; an id the login cannot see is not found.
    public func record(_ id: Int64) throws -> PersonaRecord { try record(id, conn) }

    func record(_ id: Int64, _ c: Connection) throws -> PersonaRecord {
        guard let r = try c.queryRow("""
            SELECT p.id, p.identity, t.name AS team, to_char(p.built_at, 'YYYY-MM-DD HH24:MI') AS built_at, p.built_by, p.content::text AS content
            FROM persona p LEFT JOIN team t ON t.id = p.team_id WHERE p.id = $1
            """, [id]) else {
            throw StoreError.notFound(kind: "persona", reference: String(id), scope: nil, candidates: [])
        }
        let content: String = try r.decode("content")
        let persona: Persona
        do {
            persona = try JSONDecoder().decode(Persona.self, from: Data(content.utf8))
        } catch {
            throw StoreError.rule("persona \(id): its stored content cannot be read (\(error)); rebuild it with `dchain persona build`")
        }
        return PersonaRecord(id: id, identity: try r.decode("identity"), team: try r.decodeIfPresent("team"), builtAt: try r.decode("built_at"),
                             builtBy: try r.decode("built_by"), persona: persona, notes: try notes(try r.decode("identity"), c))
    }

    /// The notes of a persona identity, oldest first.
    func notes(_ identity: String, _ c: Connection) throws -> [PersonaNote] {
        try c.query("""
            SELECT id, text, to_char(written_at, 'YYYY-MM-DD HH24:MI') AS written_at, written_by FROM persona_note
            WHERE persona_identity = $1 ORDER BY id
            """, [identity]).map {
            PersonaNote(id: try $0.decode("id"), text: try $0.decode("text"), writtenAt: try $0.decode("written_at"), writtenBy: try $0.decode("written_by"))
        }
    }

    /// The stored personas of a role the login may see, the broadest first
    /// (no pipeline or kind limit), then by how many people they rest on.
    public func records(role: Role) throws -> [PersonaRecord] {
        try conn.query("""
            SELECT id FROM persona WHERE role = $1
            ORDER BY (pipeline IS NULL AND kind IS NULL) DESC, people DESC, id
            """, [role.rawValue]).map { try record(try $0.decode("id")) }
    }

    /// The role and stored personas `map --persona` draws on: a persona id
    /// gives that persona; a role (key or Chinese) gives its broadest stored
    /// personas (every level, same pipeline and kind limits), possibly none.
    public func focus(_ reference: String) throws -> (role: Role, personas: [PersonaRecord]) {
        if let id = Int64(reference) {
            let r = try record(id)
            return (r.persona.role, [r])
        }
        let role = try Role.parse(reference, field: "persona")
        let all = try records(role: role)
        guard let first = all.first else { return (role, []) }
        return (role, all.filter { $0.persona.pipeline == first.persona.pipeline && $0.persona.kind == first.persona.kind })
    }

    // MARK: - notes

    /// Adds a hand-written note to a persona's identity (it survives every rebuild).
    @discardableResult
    public func addNote(personaID: Int64, text: String) throws -> PersonaNote {
        guard let r = try conn.queryRow("""
            INSERT INTO persona_note (persona_identity, team_id, text)
            SELECT identity, team_id, $2 FROM persona WHERE id = $1
            RETURNING id, text, to_char(written_at, 'YYYY-MM-DD HH24:MI') AS written_at, written_by
            """, [personaID, text]) else {
            throw StoreError.notFound(kind: "persona", reference: String(personaID), scope: nil, candidates: [])
        }
        return PersonaNote(id: try r.decode("id"), text: try r.decode("text"), writtenAt: try r.decode("written_at"), writtenBy: try r.decode("written_by"))
    }

    // MARK: - SQL

    /// The aggregate statements, in the order `facts` reads them, with their
    /// parameters: $1 role, $2 level, $3 pipeline key, $4 account kind (NULL:
    /// any), $5 the most ids a line lists, $6 the most lines per list.
    public static func statements(_ scope: PersonaScope) -> [Statement] {
        let p: [String?] = [scope.role?.rawValue, scope.level?.rawValue, scope.pipeline, scope.kind?.rawValue,
                            String(PersonaEvidence.idLimit), String(PersonaBuilder.linesPerSection)]
        return [
            Statement(name: "persona_base", sql: baseSQL, parameters: p),
            Statement(name: "persona_lines", sql: linesSQL, parameters: p),
            Statement(name: "persona_quotes", sql: quotesSQL, parameters: p),
            Statement(name: "persona_channels", sql: channelsSQL, parameters: p),
            Statement(name: "persona_stages", sql: stagesSQL, parameters: p),
        ]
    }

    /// The statements as a psql script (PREPARE, then EXECUTE with the values
    /// as literals): for DBAs and for the benchmark against psql.
    public static func psqlScript(_ scope: PersonaScope, schema: String = "public") -> String {
        var out = "-- dchain persona build: the aggregates it runs, with its parameters.\n"
        out += "SET search_path = \(PipelineReportStore.quoteLiteral(schema));\nSET jit = off;\n"
        for s in statements(scope) {
            out += "\nPREPARE \(s.name) AS\n\(s.sql);\n"
            out += "EXECUTE \(s.name)(" + s.parameters.map { $0.map(PipelineReportStore.quoteLiteral) ?? "NULL" }.joined(separator: ", ") + ");\n"
        }
        return out
    }

    /// `PainTheme.key` in SQL over an expression (for tests that keep the two in step).
    public static func themeExpression(_ t: String) -> String { themeSQL(t) }

    /// `PainTheme.key` in SQL, over the expression `t`.
    static func themeSQL(_ t: String) -> String {
        """
        coalesce(nullif(lower(btrim(CASE WHEN \(t) ~ '^[^\\x01-\\x7f]' THEN substring(\(t) FROM '^[^\\x01-\\x7f：（，；。、！？]+')
                                          ELSE substring(\(t) FROM '^[^(:;,]*') END, E' \\t\\r\\n')), ''), lower(btrim(\(t), E' \\t\\r\\n')))
        """
    }

    /// Who held the role: (role, level, account, deal, stakeholder) from every
    /// buying influence, current or past, within the scope's pipeline and kind.
    static let holderCTE = """
        holder AS MATERIALIZED (
            SELECT DISTINCT b.role, s.level, b.account_id, b.deal_id, b.stakeholder_id
            FROM buying_influence b
            JOIN stakeholder s ON s.account_id = b.account_id AND s.id = b.stakeholder_id
            JOIN deal d ON d.account_id = b.account_id AND d.id = b.deal_id
            -- $5 and $6 (the id and line limits) are named here so every statement types all six parameters.
            WHERE s.level IS NOT NULL AND $5::int > 0 AND $6::int > 0
              AND ($1::text IS NULL OR b.role = $1) AND ($2::text IS NULL OR s.level = $2)
              AND ($3::text IS NULL OR d.pipeline_id = (SELECT pl.id FROM pipeline pl WHERE pl.key = $3))
              AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM account a WHERE a.id = b.account_id AND a.kind = $4))
        )
        """

    /// The holders' participations in touchpoints of the deals where they held the role.
    static let partCTE = """
        part AS MATERIALIZED (
            SELECT h.role, h.level, h.account_id, h.stakeholder_id, t.id AS touchpoint_id, t.at, t.channel, t.stage_id,
                   p.emotion, p.quote
            FROM holder h
            JOIN participant p ON p.account_id = h.account_id AND p.stakeholder_id = h.stakeholder_id
            JOIN touchpoint t ON t.account_id = p.account_id AND t.id = p.touchpoint_id AND t.deal_id = h.deal_id
        )
        """

    /// Counts and id lists of a group (columns account_id, stakeholder_id, touchpoint_id).
    static let evidenceColumns = """
        count(DISTINCT stakeholder_id)::int AS people, count(DISTINCT account_id)::int AS accounts,
        count(DISTINCT touchpoint_id)::int AS touchpoints,
        (array_agg(DISTINCT stakeholder_id ORDER BY stakeholder_id))[1:$5::int] AS people_ids,
        (array_agg(DISTINCT account_id ORDER BY account_id))[1:$5::int] AS account_ids,
        (array_agg(DISTINCT touchpoint_id ORDER BY touchpoint_id))[1:$5::int] AS touchpoint_ids
        """

    static let baseSQL = """
        WITH \(holderCTE), \(partCTE)
        SELECT h.role, h.level, h.people, h.accounts, h.people_ids, h.account_ids,
               coalesce(t.touchpoints, 0) AS touchpoints, t.touchpoint_ids
        FROM (SELECT role, level, count(DISTINCT stakeholder_id)::int AS people, count(DISTINCT account_id)::int AS accounts,
                     (array_agg(DISTINCT stakeholder_id ORDER BY stakeholder_id))[1:$5::int] AS people_ids,
                     (array_agg(DISTINCT account_id ORDER BY account_id))[1:$5::int] AS account_ids
              FROM holder GROUP BY role, level) h
        LEFT JOIN (SELECT role, level, count(DISTINCT touchpoint_id)::int AS touchpoints,
                          (array_agg(DISTINCT touchpoint_id ORDER BY touchpoint_id))[1:$5::int] AS touchpoint_ids
                   FROM part GROUP BY role, level) t USING (role, level)
        ORDER BY 1, 2
        """

    /// Goals (needs), frustrations (pain points) and the responses that addressed them, by theme.
    static let linesSQL = """
        WITH \(holderCTE),
        raised AS (
            SELECT h.role, h.level, pp.account_id, pp.stakeholder_id, pp.touchpoint_id, pp.kind, pp.text, pp.severity, pp.status,
                   pp.response, \(themeSQL("pp.text")) AS key
            FROM holder h
            JOIN pain_point pp ON pp.account_id = h.account_id AND pp.deal_id = h.deal_id AND pp.stakeholder_id = h.stakeholder_id
        ),
        grouped AS (
            SELECT role, level, CASE kind WHEN 'need' THEN 'goal' ELSE 'frustration' END AS section, key,
                   mode() WITHIN GROUP (ORDER BY text) AS text,
                   (ARRAY['low', 'medium', 'high'])[max(CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)] AS severity,
                   max(CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) AS severity_rank,
                   count(*) FILTER (WHERE severity = 'high')::int AS high, count(*) FILTER (WHERE status = 'resolved')::int AS resolved,
                   \(evidenceColumns)
            FROM raised GROUP BY role, level, kind, key
            UNION ALL
            SELECT role, level, 'response', \(themeSQL("response")) AS key, mode() WITHIN GROUP (ORDER BY response), NULL, 0,
                   0, count(*) FILTER (WHERE status = 'resolved')::int,
                   \(evidenceColumns)
            FROM raised WHERE response IS NOT NULL AND btrim(response) <> '' AND status IN ('addressed', 'resolved')
            GROUP BY role, level, \(themeSQL("response"))
        )
        SELECT role, level, section, key, text, severity, high, resolved, people, accounts, touchpoints, people_ids, account_ids, touchpoint_ids
        FROM (SELECT g.*, row_number() OVER (PARTITION BY role, level, section
                                            ORDER BY people DESC, severity_rank DESC, high DESC, resolved DESC, touchpoints DESC, key) AS rank
              FROM grouped g) r
        WHERE rank <= $6::int
        ORDER BY role, level, section, rank
        """

    /// One quote per person (their strongest feeling, the latest), the strongest first.
    static let quotesSQL = """
        WITH \(holderCTE), \(partCTE),
        said AS (
            SELECT part.*, row_number() OVER (PARTITION BY role, level, account_id, stakeholder_id
                                             ORDER BY abs(coalesce(emotion, 0)) DESC, at DESC, touchpoint_id) AS per_person
            FROM part WHERE quote IS NOT NULL AND btrim(quote) <> ''
        ),
        ranked AS (
            SELECT said.*, row_number() OVER (PARTITION BY role, level ORDER BY abs(coalesce(emotion, 0)) DESC, at DESC, touchpoint_id) AS rank
            FROM said WHERE per_person = 1
        )
        SELECT r.role, r.level, r.quote, r.stakeholder_id, s.name AS stakeholder, r.account_id, a.name AS account, r.touchpoint_id,
               to_char(r.at, 'YYYY-MM-DD') AS on_day, r.emotion
        FROM ranked r
        JOIN stakeholder s ON s.account_id = r.account_id AND s.id = r.stakeholder_id
        JOIN account a ON a.id = r.account_id
        WHERE r.rank <= $6::int
        ORDER BY r.role, r.level, r.rank
        """

    /// Per channel: how often a person's emotion there was above, below or equal to their previous one.
    static let channelsSQL = """
        WITH \(holderCTE), \(partCTE),
        shift AS (
            SELECT part.*, emotion - lag(emotion) OVER (PARTITION BY role, level, account_id, stakeholder_id ORDER BY at, touchpoint_id) AS change
            FROM part WHERE emotion IS NOT NULL
        )
        SELECT role, level, channel, count(*) FILTER (WHERE change > 0)::int AS rose, count(*) FILTER (WHERE change < 0)::int AS fell,
               count(*) FILTER (WHERE change = 0)::int AS steady, round(avg(change), 2)::float8 AS mean_change,
               \(evidenceColumns)
        FROM shift WHERE change IS NOT NULL
        GROUP BY role, level, channel
        ORDER BY role, level, channel
        """

    /// Mean emotion per stage of each pipeline.
    static let stagesSQL = """
        WITH \(holderCTE), \(partCTE)
        SELECT part.role, part.level, pl.key AS pipeline, st.key AS stage, st.position, st.name_en, st.name_zh,
               round(avg(part.emotion), 2)::float8 AS mean,
               count(DISTINCT part.stakeholder_id)::int AS people, count(DISTINCT part.account_id)::int AS accounts,
               count(DISTINCT part.touchpoint_id)::int AS touchpoints,
               (array_agg(DISTINCT part.stakeholder_id ORDER BY part.stakeholder_id))[1:$5::int] AS people_ids,
               (array_agg(DISTINCT part.account_id ORDER BY part.account_id))[1:$5::int] AS account_ids,
               (array_agg(DISTINCT part.touchpoint_id ORDER BY part.touchpoint_id))[1:$5::int] AS touchpoint_ids
        FROM part JOIN stage st ON st.id = part.stage_id JOIN pipeline pl ON pl.id = st.pipeline_id
        WHERE part.emotion IS NOT NULL
        GROUP BY part.role, part.level, pl.key, st.key, st.position, st.name_en, st.name_zh
        ORDER BY 1, 2, 3, 5
        """
}
