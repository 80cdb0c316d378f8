import DecisionChain
import Foundation
import Postgres

/// A trainee's case exercise, as its workspace records it (`case_session`):
/// which case, the document it was loaded from, how far it has been released,
/// and the moment of truth the trainee submitted.
public struct CaseSession: Sendable, Hashable {
    public var trainee: String
    public var caseID: String
    /// `shipped` or the path of the file `case start` read.
    public var source: String
    /// The case document as loaded: grading uses this key even if the file changes later.
    public var document: String
    public var round: Int
    public var rounds: Int
    public var accountID: Int64
    public var dealID: Int64
    public var startedAt: String
    public var moment: CaseWork.MomentClaim?
}

/// What `case start` or `case next` released.
public struct CaseRelease: Sendable, Hashable {
    public var round: Int
    public var touchpoints: Int
    /// The deal's stage after the release.
    public var stage: String?
    /// The case's day for this round (use it as `--today`).
    public var today: Day?
}

/// Case exercises in trainees' workspaces. A trainee's workspace is
/// `case-<trainee>` (schema `ws_case_<trainee>`), isolated from the live data
/// and from other trainees; its `case_session` table is workspace-local
/// bookkeeping that `case board` reads across workspaces.
public struct CaseStore {
    /// `touchpoint.logged_by` of the touchpoints a case loads, so grading can
    /// tell them from the ones the trainee logs.
    public static let author = "dchain-case"

    let db: Database
    var conn: Connection { db.connection }
    public init(_ db: Database) { self.db = db }

    /// The workspace of a trainee: `case-` + name. Names are what a workspace
    /// allows (letters, digits, `-`, `_`), at most 35 characters.
    public static func workspace(forTrainee trainee: String) throws -> String {
        guard trainee.range(of: "^[\\p{L}\\p{N}_-]{1,18}$", options: .regularExpression) != nil else {
            throw InputError(field: "trainee", value: trainee,
                             problem: "must be 1 to 18 letters (Chinese too), digits, - or _ (it names the workspace case-NAME)")
        }
        return "case-" + trainee
    }

    // MARK: - opening a trainee's workspace

    /// Opens a trainee's workspace without creating it; a trainee with no
    /// case loaded is `StoreError.notFound` naming the trainees that have one.
    public static func open(_ location: Database.Location, trainee: String, actor: String) throws -> (Database, CaseSession) {
        let (db, existed) = try attach(location, trainee: trainee, actor: actor)
        let store = CaseStore(db)
        guard existed, let session = try store.session() else {
            throw StoreError.notFound(kind: "case trainee", reference: trainee, scope: nil,
                                      candidates: try store.trainees().filter { $0 != trainee })
        }
        if try Database.readVersion(db.connection) != Migrator.latestVersion { try Migrator.migrate(db.connection, schema: db.schema) }
        return (db, session)
    }

    /// Connects with the trainee's workspace on the search path, whether or
    /// not it exists yet (never creating it); tells whether it exists.
    static func attach(_ location: Database.Location, trainee: String, actor: String) throws -> (Database, Bool) {
        let db = try Database.open(location, workspace: try workspace(forTrainee: trainee), actor: actor, check: .never, workspaceUse: .probe)
        let existed = try db.connection.queryRow("SELECT 1 AS x FROM pg_namespace WHERE nspname = $1", [db.schema]) != nil
        return (db, existed)
    }

    /// Loads round 1 of a case into the trainee's own workspace (created on
    /// first use), in one transaction: the account, units, stakeholders, the
    /// deal with its known stage history and the first touchpoints, never the
    /// answer key's roles. A workspace this call created is dropped again when
    /// loading fails, so a refused start leaves nothing behind.
    public static func start(_ file: CaseFile, document: String, source: String, trainee: String,
                             location: Database.Location, actor: String) throws -> CaseRelease {
        let (db, existed) = try attach(location, trainee: trainee, actor: actor)
        let store = CaseStore(db)
        if existed {
            if let s = try store.session() {
                throw DomainError("trainee \(trainee) already works case \(s.caseID) (round \(s.round) of \(s.rounds)); "
                                  + "run `dchain case reset --trainee \(trainee)` to start over")
            }
            if let n: Int = try db.connection.queryRow("SELECT count(*) AS n FROM account")?.decode("n"), n > 0 {
                throw DomainError("workspace \(try workspace(forTrainee: trainee)) already holds \(n) account\(n == 1 ? "" : "s"); "
                                  + "run `dchain case reset --trainee \(trainee)` first")
            }
        }
        do {
            if !existed { try Workspaces.claim(try workspace(forTrainee: trainee), schema: db.schema, on: db.connection) }
            try Migrator.migrate(db.connection, schema: db.schema)
            return try db.transaction { _ in try store.load(file, document: document, source: source, trainee: trainee) }
        } catch {
            if !existed { try? store.dropSchema() }
            throw error
        }
    }

    /// Drops a trainee's workspace with everything in it; returns the case
    /// session it held (nil when it had none). Unknown trainees are notFound.
    public static func reset(_ location: Database.Location, trainee: String, actor: String) throws -> CaseSession? {
        let (db, existed) = try attach(location, trainee: trainee, actor: actor)
        let store = CaseStore(db)
        guard existed else {
            throw StoreError.notFound(kind: "case trainee", reference: trainee, scope: nil, candidates: try store.trainees())
        }
        let session = try store.session()
        if let session, session.trainee != trainee {
            // A workspace from before names were recorded, shared by a look-alike name.
            throw DomainError("workspace \(try workspace(forTrainee: trainee)) belongs to trainee \(session.trainee), not \(trainee); nothing dropped")
        }
        try store.dropSchema()
        return session
    }

    // MARK: - the session

    /// The case session of this workspace, if a case was started here.
    public func session() throws -> CaseSession? {
        guard try conn.queryRow("SELECT to_regclass('case_session') IS NOT NULL AS e")?.decode("e", as: Bool.self) == true,
              let row = try conn.queryRow("""
                SELECT trainee, case_id, source, document, round, rounds, account_id, deal_id,
                       to_char(started_at, 'YYYY-MM-DD HH24:MI') AS started, moment_stage, moment_stakeholder, moment_why
                FROM case_session ORDER BY started_at LIMIT 1
                """) else { return nil }
        var moment: CaseWork.MomentClaim?
        if let stage: String = try row.decodeIfPresent("moment_stage"), let who: String = try row.decodeIfPresent("moment_stakeholder") {
            moment = CaseWork.MomentClaim(stage: stage, stakeholder: who, why: try row.decodeIfPresent("moment_why"))
        }
        return CaseSession(trainee: try row.decode("trainee"), caseID: try row.decode("case_id"), source: try row.decode("source"),
                           document: try row.decode("document"), round: try row.decode("round"), rounds: try row.decode("rounds"),
                           accountID: try row.decode("account_id"), dealID: try row.decode("deal_id"),
                           startedAt: try row.decode("started"), moment: moment)
    }

    /// Releases the next round: its stage entries (the deal moves on) and its
    /// touchpoints, in one transaction. After the last round it refuses.
    public func next(_ session: CaseSession, file: CaseFile) throws -> CaseRelease {
        guard session.round < session.rounds else {
            throw DomainError("case \(session.caseID) has no round after \(session.round): all \(session.rounds) rounds are released; "
                              + "grade it with `dchain case grade --trainee \(session.trainee)`")
        }
        let round = session.round + 1
        return try db.transaction { c in
            let stages = try stageIDs(file.deal.pipeline)
            let entries = file.stageEntries(in: round)
            for e in entries {
                try c.execute("INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on, recorded_by) VALUES ($1, $2, $3, $4, $5)",
                              [session.accountID, session.dealID, try stageID(stages, e.stage), e.entered, Self.author])
            }
            if let last = entries.last {
                try c.execute("UPDATE deal SET stage_id = $3 WHERE account_id = $1 AND id = $2",
                              [session.accountID, session.dealID, try stageID(stages, last.stage)])
            }
            let people = try stakeholderIDs(session.accountID)
            let touchpoints = file.touchpoints(in: round)
            for t in touchpoints {
                try insert(t, file: file, round: round, accountID: session.accountID, dealID: session.dealID, stages: stages, people: people)
            }
            try c.execute("UPDATE case_session SET round = $2 WHERE trainee = $1", [session.trainee, round])
            return CaseRelease(round: round, touchpoints: touchpoints.count, stage: file.currentStage(afterRound: round),
                               today: file.today(afterRound: round))
        }
    }

    /// Records the trainee's answer for the moment of truth: a stage of the
    /// deal's pipeline and a stakeholder of the case account (by id or name).
    /// Returns the stakeholder's name as stored.
    @discardableResult
    public func submit(_ session: CaseSession, file: CaseFile, stage: String, stakeholder: String, why: String?) throws -> String {
        let stages = try PipelineStore(connection: conn).pipeline(file.deal.pipeline).stages.map(\.key)
        guard stages.contains(stage) else {
            throw InputError(field: "moment", value: stage, problem: "is not a stage of pipeline \(file.deal.pipeline) (" + stages.joined(separator: ", ") + ")")
        }
        let person = try Resolver(connection: conn).stakeholder(stakeholder, accountID: session.accountID)
        try conn.execute("""
            UPDATE case_session SET moment_stage = $2, moment_stakeholder = $3, moment_why = $4, submitted_at = now() WHERE trainee = $1
            """, [session.trainee, stage, person.name, why])
        return person.name
    }

    /// What the trainee did in this workspace, for the grader: current roles in
    /// the case's deal, the people in touchpoints they logged themselves, the
    /// plan items they accepted (not cancelled) and their moment of truth.
    public func work(_ session: CaseSession) throws -> CaseWork {
        let roles = try conn.query("""
            SELECT s.name, b.role, b.influence, b.stance FROM buying_influence b
            JOIN stakeholder s ON s.account_id = b.account_id AND s.id = b.stakeholder_id
            WHERE b.account_id = $1 AND b.deal_id = $2 AND b.valid_to IS NULL ORDER BY b.id
            """, [session.accountID, session.dealID]).map {
            CaseWork.RoleClaim(stakeholder: try $0.decode("name"), role: try $0.decode("role"),
                               influence: try $0.decodeIfPresent("influence"), stance: try $0.decodeIfPresent("stance"))
        }
        let contacted = try conn.query("""
            SELECT DISTINCT s.name FROM touchpoint t
            JOIN participant p ON p.account_id = t.account_id AND p.touchpoint_id = t.id
            JOIN stakeholder s ON s.account_id = p.account_id AND s.id = p.stakeholder_id
            WHERE t.account_id = $1 AND t.logged_by IS DISTINCT FROM $2
            """, [session.accountID, Self.author]).map { try $0.decode("name", as: String.self) }
        let plan = try conn.query("""
            SELECT pi.rule, s.name, pi.role, st.key AS stage, pi.status FROM plan_item pi
            LEFT JOIN stakeholder s ON s.account_id = pi.account_id AND s.id = pi.stakeholder_id
            LEFT JOIN stage st ON st.id = pi.stage_id
            WHERE pi.account_id = $1 AND (pi.deal_id IS NULL OR pi.deal_id = $2) AND pi.status <> 'cancelled' ORDER BY pi.id
            """, [session.accountID, session.dealID]).map {
            CaseWork.PlanClaim(rule: try $0.decode("rule"), stakeholder: try $0.decodeIfPresent("name"), role: try $0.decodeIfPresent("role"),
                               stage: try $0.decodeIfPresent("stage"), status: try $0.decode("status"))
        }
        return CaseWork(roles: roles, contacted: Set(contacted), plan: plan, moment: session.moment)
    }

    // MARK: - across workspaces

    /// Every trainee's session and work, read workspace by workspace on this
    /// connection (optionally only those working `caseID`), by trainee.
    public func board(caseID: String?) throws -> [(session: CaseSession, work: CaseWork)] {
        let schemas = try caseSchemas()
        defer { _ = try? conn.query("SELECT set_config('search_path', $1, false)", [try conn.escapeIdentifier(db.schema)]) }
        var out: [(session: CaseSession, work: CaseWork)] = []
        for schema in schemas {
            try conn.query("SELECT set_config('search_path', $1, false)", [try conn.escapeIdentifier(schema)])
            guard let s = try session(), caseID == nil || s.caseID == caseID else { continue }
            out.append((s, try work(s)))
        }
        return out.sorted { $0.session.trainee < $1.session.trainee }
    }

    /// The names of trainees with a case workspace.
    public func trainees() throws -> [String] {
        try caseSchemas().map { String($0.dropFirst("ws_case_".count)) }
    }

    /// Schemas of trainee workspaces that hold a case session.
    func caseSchemas() throws -> [String] {
        try conn.query("""
            SELECT nspname FROM pg_namespace
            WHERE nspname LIKE 'ws\\_case\\_%' AND to_regclass(quote_ident(nspname) || '.case_session') IS NOT NULL
            ORDER BY nspname
            """).map { try $0.decode("nspname") }
    }

    func dropSchema() throws {
        try conn.run(script: "DROP SCHEMA IF EXISTS \(try conn.escapeIdentifier(db.schema)) CASCADE")
    }

    // MARK: - loading

    static let sessionTable = """
        CREATE TABLE IF NOT EXISTS case_session (
            trainee            text PRIMARY KEY,
            case_id            text NOT NULL,
            source             text NOT NULL,
            document           text NOT NULL,
            round              int NOT NULL CHECK (round >= 1),
            rounds             int NOT NULL CHECK (rounds >= round),
            account_id         bigint NOT NULL,
            deal_id            bigint NOT NULL,
            started_at         timestamptz NOT NULL DEFAULT now(),
            moment_stage       text,
            moment_stakeholder text,
            moment_why         text,
            submitted_at       timestamptz,
            FOREIGN KEY (account_id, deal_id) REFERENCES deal (account_id, id) ON DELETE CASCADE
        )
        """

    /// Writes round 1; runs inside the caller's transaction.
    func load(_ file: CaseFile, document: String, source: String, trainee: String) throws -> CaseRelease {
        try conn.run(script: Self.sessionTable)
        try conn.query("SELECT dchain_secure_schema()")  // row-level security for case_session too
        // Logins are ASCII; a Chinese trainee name becomes a hex login of its UTF-8 bytes.
        let asciiLogin = trainee.range(of: "^[A-Za-z0-9._@-]+$", options: .regularExpression) != nil
        let login = asciiLogin ? trainee : "trainee-" + trainee.utf8.map { String($0, radix: 16) }.joined()
        let owner = try Resolver(connection: conn).userID(login: login)
        let entries = file.stageEntries(in: 1)
        guard let current = entries.last else { throw DomainError("case \(file.id) releases no stage in round 1") }
        let (account, dealID, stages, people) = try writeAccount(file, entries: entries, owner: owner)
        let touchpoints = file.touchpoints(in: 1)
        for t in touchpoints {
            try insert(t, file: file, round: 1, accountID: account, dealID: dealID, stages: stages, people: people)
        }
        try conn.execute("""
            INSERT INTO case_session (trainee, case_id, source, document, round, rounds, account_id, deal_id)
            VALUES ($1, $2, $3, $4, 1, $5, $6, $7)
            """, [trainee, file.id, source, document, file.rounds.count, account, dealID])
        return CaseRelease(round: 1, touchpoints: touchpoints.count, stage: current.stage, today: file.today(afterRound: 1))
    }

    /// One case touchpoint with its participants and pain points; its stage is
    /// the deal's stage on that day as far as the round has released it.
    func insert(_ t: CaseTouchpoint, file: CaseFile, round: Int, accountID: Int64, dealID: Int64,
                stages: [String: Int64], people: [String: Int64]) throws {
        let stageID = try file.stage(at: t.at, afterRound: round).map { try self.stageID(stages, $0) }
        let participants = try t.participants.map {
            Participant(stakeholderID: try person(people, $0.stakeholder), emotion: $0.emotion, emotionLabel: $0.label, quote: $0.quote)
        }
        let raised = try t.painPoints.map {
            TouchpointDraft.Raised.answered(by: t.response, on: t.at.day, stakeholderID: try person(people, $0.stakeholder),
                                            kind: $0.kind ?? .pain, text: $0.text, severity: $0.severity ?? .medium)
        }
        try TouchpointWriter(connection: conn).write(TouchpointDraft(
            accountID: accountID, dealID: dealID, stageID: stageID, at: t.at, channel: t.channel, direction: t.direction ?? .outbound,
            summary: t.summary, response: t.response, participants: participants, raised: raised, loggedBy: Self.author))
    }

    /// Stage ids of a pipeline by key, from this database.
    /// Writes a case's account (owned by `owner`), its units and stakeholders, and its deal at
    /// the last of `entries` with those stage entries; runs in the caller's
    /// transaction. Returns the ids, the pipeline's stage ids and the people's ids by name.
    func writeAccount(_ file: CaseFile, entries: [CaseStageEntry], owner: Int64?) throws
        -> (account: Int64, deal: Int64, stages: [String: Int64], people: [String: Int64]) {
        let a = file.account
        let account = try AccountStore(db).add(.init(name: a.name, kind: a.kind, code: a.code, region: a.region, industry: a.industry,
                                                     ownerID: owner)).id
        var units: [String: Int64] = [:]
        for u in file.units {
            units[u.name] = try AccountStore(db).addUnit(accountID: account, name: u.name, parentID: u.parent.flatMap { units[$0] }).id
        }
        var people: [String: Int64] = [:]
        for s in file.stakeholders {
            people[s.name] = try StakeholderStore(db).add(accountID: account, .init(
                name: s.name, title: s.title, unitID: s.unit.flatMap { units[$0] }, level: s.level,
                reportsTo: s.reportsTo.flatMap { people[$0] }, email: s.email, phone: s.phone, wechat: s.wechat, channel: s.channel)).id
        }
        guard let current = entries.last else { throw DomainError("case \(file.id) has no stage entries") }
        let stages = try stageIDs(file.deal.pipeline)
        let d = file.deal
        let dealID: Int64 = try conn.queryRow("""
            INSERT INTO deal (account_id, name, pipeline_id, stage_id, method, amount, currency, close_by, owner_id)
            VALUES ($1, $2, (SELECT id FROM pipeline WHERE key = $3), $4, $5, $6, coalesce($7, 'CNY'), $8, $9) RETURNING id
            """, [account, d.name, d.pipeline, try stageID(stages, current.stage), d.method?.rawValue, d.amount, d.currency,
                  d.closeBy, owner])!.decode("id")
        for e in entries {
            try conn.execute("INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on, recorded_by) VALUES ($1, $2, $3, $4, $5)",
                             [account, dealID, try stageID(stages, e.stage), e.entered, Self.author])
        }
        return (account, dealID, stages, people)
    }

    func stageIDs(_ pipeline: String) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try PipelineStore(connection: conn).pipeline(pipeline).stages.map { ($0.key, $0.id) })
    }

    func stageID(_ stages: [String: Int64], _ key: String) throws -> Int64 {
        guard let id = stages[key] else {
            throw InputError(field: "stage", value: key, problem: "is not a stage of the case's pipeline in this database")
        }
        return id
    }

    func person(_ people: [String: Int64], _ name: String) throws -> Int64 {
        guard let id = people[name] else { throw InputError(field: "stakeholder", value: name, problem: "is not a stakeholder of the case") }
        return id
    }

    func stakeholderIDs(_ accountID: Int64) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try conn.query("SELECT id, name FROM stakeholder WHERE account_id = $1 ORDER BY id", [accountID]) {
            let name: String = try row.decode("name")
            if ids[name] == nil { ids[name] = try row.decode("id") }
        }
        return ids
    }
}
