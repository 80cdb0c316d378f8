import DecisionChain
import Postgres

/// The one place that writes touchpoints and their participants (and the pain
/// points raised at them): `log`, case loading, `touchpoint edit`, the dev
/// seed and `import` all come here.
///
/// One touchpoint is one statement (data-modifying CTEs are atomic: one round
/// trip). A batch streams drafts through `COPY` into a temporary table and
/// moves them on with `INSERT ... SELECT`, so it works for every login:
/// PostgreSQL refuses `COPY FROM` into a table whose row-level security
/// applies to the user, while an `INSERT` runs the team policies' WITH CHECK
/// on every row. Either way the tables' triggers run as for any insert: the
/// stage comes from the deal's history, every row is audited.
public struct TouchpointWriter {
    let db: Connection

    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// What one write stored.
    public struct Written: Sendable, Equatable {
        public var id: Int64
        /// The stage the touchpoint got (from the deal's history, else the draft's).
        public var stageKey: String?
        /// Open plan tasks the touchpoint completed.
        public var closedTasks: Int
    }

    /// How many rows a batch wrote, and how many drafts it left out as already there.
    public struct BatchSummary: Sendable, Equatable {
        public var touchpoints = 0, participants = 0, painPoints = 0
        /// Drafts not written because the touchpoint is already there (with `skippingExisting`).
        public var skipped = 0
        public init(touchpoints: Int = 0, participants: Int = 0, painPoints: Int = 0, skipped: Int = 0) {
            self.touchpoints = touchpoints; self.participants = participants; self.painPoints = painPoints; self.skipped = skipped
        }
    }

    /// Writes one touchpoint with its participants and raised pain points: all
    /// of it lands, or nothing does. Open tasks of the participants whose plan
    /// rule is in `completing` (for the touchpoint's deal, or any deal) are
    /// marked done by it.
    @discardableResult
    public func write(_ t: TouchpointDraft, completing rules: [String] = []) throws -> Written {
        let row = try db.queryRow("""
            WITH tp AS (
                INSERT INTO touchpoint (account_id, deal_id, stage_id, at, channel, direction, summary, response, logged_by, external_id)
                VALUES ($1, $2, $18, $3::timestamp, $4, $5, $6, $7, $8, $19)
                RETURNING id, stage_id, at),
            parts AS (
                INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label, quote)
                SELECT $1, tp.id, u.sid, u.emotion, u.label, u.quote
                FROM tp, unnest($9::bigint[], $10::smallint[], $11::text[], $12::text[]) AS u(sid, emotion, label, quote)
                RETURNING 1),
            raised AS (
                INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity,
                                        status, response, raised_on, responded_on, resolved_on)
                SELECT $1, tp.id, u.sid, $2, tp.stage_id, u.kind, u.text, u.severity, u.status, u.response, tp.at::date,
                       u.responded, u.resolved
                FROM tp, unnest($13::bigint[], $14::text[], $15::text[], $16::text[], $20::text[], $21::text[], $22::date[],
                                $23::date[]) AS u(sid, kind, text, severity, status, response, responded, resolved)
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
            """, [t.accountID, t.dealID, t.at, t.channel.rawValue, t.direction.rawValue, t.summary, t.response, t.loggedBy,
                  PostgresArray(t.participants.map { String($0.stakeholderID) }),
                  PostgresArray(t.participants.map { $0.emotion.map { String($0.value) } }),
                  PostgresArray(t.participants.map(\.emotionLabel)), PostgresArray(t.participants.map(\.quote)),
                  PostgresArray(t.raised.map { $0.stakeholderID.map(String.init) }), PostgresArray(t.raised.map { $0.kind.rawValue }),
                  PostgresArray(t.raised.map(\.text)), PostgresArray(t.raised.map { $0.severity.rawValue }),
                  PostgresArray(rules), t.stageID, t.externalID,
                  PostgresArray(t.raised.map { $0.status.rawValue }), PostgresArray(t.raised.map(\.response)),
                  PostgresArray(t.raised.map { $0.respondedOn?.description }), PostgresArray(t.raised.map { $0.resolvedOn?.description })])!
        return Written(id: try row.decode("id"), stageKey: try row.decodeIfPresent("stage_key"), closedTasks: try row.decode("closed"))
    }

    /// Writes a batch of touchpoints, streamed: all land, or none (a nested
    /// transaction when the caller has one open). Memory stays flat however
    /// many the sequence yields.
    ///
    /// With `skippingExisting`, a draft whose touchpoint is already there is
    /// left out (and counted as skipped): the same account and external id when
    /// the draft has one, else the same account, deal, time, channel and
    /// summary — so writing the same batch twice adds nothing the second time.
    @discardableResult
    public func write<S: Sequence>(batch drafts: S, skippingExisting: Bool = false) throws -> BatchSummary
    where S.Element == TouchpointDraft {
        var iterator = drafts.makeIterator()
        return try write(skippingExisting: skippingExisting, batchFrom: { iterator.next() })
    }

    /// Writes the drafts `next` returns until it returns nil; an error it
    /// throws aborts the batch (nothing written) and is rethrown.
    @discardableResult
    public func write(skippingExisting: Bool = false, batchFrom next: () throws -> TouchpointDraft?) throws -> BatchSummary {
        try db.transaction { c in
            // Ids come from touchpoint's own sequence as the rows arrive (a column default of the staging
            // table), so participants and pain points travel in the same row as arrays: one COPY, no join.
            let sequence: Int64 = try c.queryRow("SELECT pg_get_serial_sequence('touchpoint', 'id')::regclass::oid::bigint AS oid")!
                .decode("oid")
            try c.run(script: """
                DROP TABLE IF EXISTS pg_temp.\(Self.staging);
                CREATE TEMP TABLE \(Self.staging) (
                    id bigint NOT NULL DEFAULT nextval(\(sequence)::oid::regclass),
                    account_id bigint, deal_id bigint, stage_id bigint, at timestamp, channel text, direction text,
                    summary text, response text, logged_by text, external_id text,
                    p_sid bigint[], p_emotion smallint[], p_label text[], p_quote text[],
                    r_sid bigint[], r_kind text[], r_text text[], r_severity text[], r_status text[], r_response text[],
                    r_responded date[], r_resolved date[]
                ) ON COMMIT DROP
                """)
            var summary = BatchSummary()
            var raisedCount = 0
            summary.touchpoints = try c.copyIn("""
                COPY \(Self.staging) (account_id, deal_id, stage_id, at, channel, direction, summary, response, logged_by, external_id,
                    p_sid, p_emotion, p_label, p_quote, r_sid, r_kind, r_text, r_severity, r_status, r_response, r_responded, r_resolved)
                FROM STDIN
                """) { w in
                while let t = try next() {
                    w.field(t.accountID); w.field(t.dealID); w.field(t.stageID); w.field(t.at.description)
                    w.field(t.channel.rawValue); w.field(t.direction.rawValue); w.field(t.summary); w.field(t.response)
                    w.field(t.loggedBy); w.field(t.externalID)
                    let p = t.participants
                    w.field(array: p.map { Optional($0.stakeholderID) })
                    w.field(array: p.map { $0.emotion.map { Int64($0.value) } })
                    w.field(array: p.map(\.emotionLabel)); w.field(array: p.map(\.quote))
                    if t.raised.isEmpty {
                        for _ in 0..<8 { w.field(nil as String?) }
                    } else {
                        let r = t.raised
                        raisedCount += r.count
                        w.field(array: r.map(\.stakeholderID)); w.field(array: r.map { Optional($0.kind.rawValue) })
                        w.field(array: r.map { Optional($0.text) }); w.field(array: r.map { Optional($0.severity.rawValue) })
                        w.field(array: r.map { Optional($0.status.rawValue) }); w.field(array: r.map(\.response))
                        w.field(array: r.map { $0.respondedOn?.description }); w.field(array: r.map { $0.resolvedOn?.description })
                    }
                    try w.endRow()
                }
            }
            if skippingExisting && summary.touchpoints > 0 {
                summary.skipped = try c.execute("""
                    DELETE FROM \(Self.staging) i USING touchpoint t
                    WHERE i.external_id IS NOT NULL AND t.account_id = i.account_id AND t.external_id = i.external_id
                    """)
                summary.skipped += try c.execute("""
                    DELETE FROM \(Self.staging) i USING touchpoint t
                    WHERE i.external_id IS NULL AND t.account_id = i.account_id AND t.at = i.at AND t.deal_id IS NOT DISTINCT FROM i.deal_id
                      AND t.channel = i.channel AND t.summary IS NOT DISTINCT FROM i.summary
                    """)
                summary.touchpoints -= summary.skipped
            }
            if summary.touchpoints > 0 {
                try c.execute("""
                    INSERT INTO touchpoint (account_id, id, deal_id, stage_id, at, channel, direction, summary, response, logged_by, external_id)
                    SELECT account_id, id, deal_id, stage_id, at, channel, direction, summary, response, logged_by, external_id
                    FROM \(Self.staging)
                    """)
                summary.participants = try c.execute("""
                    INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label, quote)
                    SELECT i.account_id, i.id, u.sid, u.emotion, u.label, u.quote
                    FROM \(Self.staging) i, unnest(i.p_sid, i.p_emotion, i.p_label, i.p_quote) AS u(sid, emotion, label, quote)
                    """)
            }
            if raisedCount > 0 {
                // The touchpoint's stage as its trigger set it, for the pain points raised there.
                summary.painPoints = try c.execute("""
                    INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity,
                                            status, response, raised_on, responded_on, resolved_on)
                    SELECT i.account_id, i.id, u.sid, i.deal_id,
                           (SELECT t.stage_id FROM touchpoint t WHERE t.account_id = i.account_id AND t.id = i.id), u.kind, u.text,
                           u.severity, u.status, u.response, i.at::date, u.responded, u.resolved
                    FROM \(Self.staging) i,
                         unnest(i.r_sid, i.r_kind, i.r_text, i.r_severity, i.r_status, i.r_response, i.r_responded, i.r_resolved)
                             AS u(sid, kind, text, severity, status, response, responded, resolved)
                    WHERE i.r_kind IS NOT NULL
                    """)
            }
            try c.run(script: "DROP TABLE \(Self.staging)")
            return summary
        }
    }

    /// The staging table of a batch (temporary: this session's only).
    static let staging = "dchain_touchpoint_in"

    /// Adds participants to a logged touchpoint, or sets the emotion and label
    /// of ones already there (a nil emotion or label keeps the stored one);
    /// runs in the caller's transaction. Quotes are left as they are.
    public func upsertParticipants(_ participants: [Participant], accountID: Int64, touchpointID: Int64) throws {
        for p in participants {
            try db.execute("""
                INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (account_id, touchpoint_id, stakeholder_id) DO UPDATE
                SET emotion = coalesce(EXCLUDED.emotion, participant.emotion),
                    emotion_label = coalesce(EXCLUDED.emotion_label, participant.emotion_label)
                """, [accountID, touchpointID, p.stakeholderID, p.emotion.map { $0.value }, p.emotionLabel])
        }
    }
}
