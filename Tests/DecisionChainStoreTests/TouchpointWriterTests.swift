import DecisionChain
import DecisionChainStore
import Foundation
import Postgres
import Testing
import TestSupport

/// The one touchpoint writer: a touchpoint at a time (log, case loading) and
/// a batch through COPY (dev seed, import) write the same rows, under
/// row-level security too.
@Suite("Touchpoint writer")
struct TouchpointWriterTests {
    /// One account with two people and a government deal that entered `needs`
    /// on 2026-03-01 and `approval` on 2026-04-01; the same ids in every fresh database.
    struct Setup { var account: Int64; var deal: Int64; var li: Int64; var zhao: Int64 }

    static func populate(_ c: Connection, name: String = "市数据局") throws -> Setup {
        let row = try c.queryRow("""
            WITH a AS (INSERT INTO account (name, kind) VALUES ($1, 'government') RETURNING id),
            s1 AS (INSERT INTO stakeholder (account_id, name, level) SELECT id, '李敏', 'manager' FROM a RETURNING id),
            s2 AS (INSERT INTO stakeholder (account_id, name, level) SELECT id, '赵磊', 'staff' FROM a RETURNING id),
            d AS (INSERT INTO deal (account_id, name, pipeline_id, stage_id)
                  SELECT a.id, '城市数据中台', p.id, st.id FROM a, pipeline p JOIN stage st ON st.pipeline_id = p.id
                  WHERE p.key = 'government' AND st.key = 'approval' RETURNING account_id, id)
            SELECT (SELECT id FROM a) AS account, (SELECT id FROM d) AS deal, (SELECT id FROM s1) AS li, (SELECT id FROM s2) AS zhao
            """, [name])!
        let s = Setup(account: try row.decode("account"), deal: try row.decode("deal"), li: try row.decode("li"), zhao: try row.decode("zhao"))
        try c.execute("""
            INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
            SELECT $1, $2, st.id, v.d FROM (VALUES ('needs', DATE '2026-03-01'), ('approval', DATE '2026-04-01')) v(k, d)
            JOIN stage st ON st.key = v.k JOIN pipeline p ON p.id = st.pipeline_id AND p.key = 'government'
            """, [s.account, s.deal])
        return s
    }

    /// Touchpoints with everything a draft can hold, text that COPY and arrays must escape included.
    static func drafts(_ s: Setup) -> [TouchpointDraft] {
        let nasty = "引号 \"quoted\", {braces}, back\\slash, tab\there,\nnew line, NULL"
        return [
            TouchpointDraft(accountID: s.account, dealID: s.deal, at: LocalTime("2026-03-15 10:00")!, channel: .contractReview,
                            summary: "合同评审 " + nasty, response: "我们会补充验收标准",
                            participants: [Participant(stakeholderID: s.li, emotion: Emotion(-2), emotionLabel: "frustrated", quote: nasty),
                                           Participant(stakeholderID: s.zhao)],
                            raised: [.answered(by: "我们会补充验收标准", on: Day("2026-03-15")!, stakeholderID: s.li, kind: .pain,
                                               text: "合同条款不清晰", severity: .high)],
                            loggedBy: "zhang.wei"),
            TouchpointDraft(accountID: s.account, dealID: s.deal, at: LocalTime("2026-04-02 09:30")!, channel: .wechat, direction: .inbound,
                            summary: nasty, participants: [Participant(stakeholderID: s.zhao, emotion: Emotion(3), emotionLabel: "delighted")],
                            raised: [.init(stakeholderID: s.zhao, kind: .need, text: "移动端 " + nasty, severity: .low),
                                     .init(stakeholderID: nil, text: "预算", status: .resolved, response: "调整报价",
                                           respondedOn: Day("2026-04-03")!, resolvedOn: Day("2026-04-10")!)],
                            loggedBy: "zhang.wei", externalID: "crm-2"),
            // Before the first stage entry: the first stage. No deal: the given stage, here none.
            TouchpointDraft(accountID: s.account, dealID: s.deal, at: LocalTime("2026-02-01 08:00")!, channel: .call,
                            participants: [Participant(stakeholderID: s.li, emotion: Emotion(0))]),
            TouchpointDraft(accountID: s.account, at: LocalTime("2026-03-20 16:45")!, channel: .event, summary: "",
                            participants: [Participant(stakeholderID: s.li, quote: "")], loggedBy: nil, externalID: "crm-4"),
        ]
    }

    /// Every written row as the database holds it (timestamps of the write left out).
    static func dump(_ c: Connection) throws -> [String] {
        try c.query("""
            SELECT 't' || (to_jsonb(t) - 'created_at' || jsonb_build_object('stage', s.key))::text AS r
            FROM touchpoint t LEFT JOIN stage s ON s.id = t.stage_id
            UNION ALL SELECT 'p' || to_jsonb(p)::text FROM participant p
            UNION ALL SELECT 'x' || (to_jsonb(x) || jsonb_build_object('stage', s.key))::text FROM pain_point x LEFT JOIN stage s ON s.id = x.stage_id
            UNION ALL SELECT 'a' || table_name || ' ' || op || ' ' || count(*) FROM audit_log
                      WHERE table_name IN ('touchpoint', 'participant', 'pain_point') GROUP BY table_name, op
            ORDER BY 1
            """).map { try $0.decode("r") }
    }

    /// The SQLSTATE `body` failed with; nil when it succeeded.
    static func sqlState(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as PostgresError { return e.sqlState } catch { return "\(error)" }
    }

    @Test("a batch writes the same rows as one touchpoint at a time: stages from the history, pain points, audit, escaping")
    func batchEqualsSingle() throws {
        let one = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("writer1")), actor: "test")
        let many = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("writer2")), actor: "test")
        let s1 = try Self.populate(one.connection), s2 = try Self.populate(many.connection)
        #expect(s1.account == s2.account && s1.li == s2.li, "the two databases start alike")
        var written: [TouchpointWriter.Written] = []
        for d in Self.drafts(s1) { written.append(try TouchpointWriter(one).write(d)) }
        #expect(written.map(\.stageKey) == ["needs", "approval", "needs", nil])
        let summary = try TouchpointWriter(many).write(batch: Self.drafts(s2))
        #expect(summary == .init(touchpoints: 4, participants: 5, painPoints: 3))
        let rows = try Self.dump(one.connection)
        #expect(rows.count == 4 + 5 + 3 + 3)
        #expect(rows == (try Self.dump(many.connection)))
        // What the views read back is what was written, to the byte.
        let timeline = try TouchpointStore(many).timeline(accountID: s2.account)
        #expect(timeline == (try TouchpointStore(one).timeline(accountID: s1.account)))
        #expect(timeline.first { $0.summary?.hasPrefix("合同评审") == true }?.participants.first?.quote == Self.drafts(s2)[0].participants[0].quote)
        #expect(timeline.map(\.summary).contains(Self.drafts(s2)[1].summary))
        // An empty batch writes nothing and says so.
        #expect(try TouchpointWriter(many).write(batch: [TouchpointDraft]()) == .init())
    }

    @Test("a batch is all or nothing: a bad row, or an error while the drafts are read, leaves no row")
    func batchAllOrNothing() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("writerall")), actor: "test")
        let s = try Self.populate(db.connection)
        var bad = Self.drafts(s)
        bad[3].participants = [Participant(stakeholderID: 999_999)]
        #expect(Self.sqlState { try TouchpointWriter(db).write(batch: bad) } == "23503")
        struct Unreadable: Error {}
        var left = Self.drafts(s)[...]
        #expect(throws: Unreadable.self) {
            try TouchpointWriter(db).write(batchFrom: { () throws -> TouchpointDraft? in
                guard let d = left.popFirst() else { throw Unreadable() }
                return d
            })
        }
        #expect(try db.connection.queryRow("SELECT count(*) AS n FROM touchpoint")!.decode("n", as: Int.self) == 0)
        #expect(try db.connection.queryRow("SELECT count(*) AS n FROM participant")!.decode("n", as: Int.self) == 0)
        // Inside a caller's transaction, twice: the staging table is the batch's own.
        let n = try db.transaction { _ in
            try TouchpointWriter(db).write(batch: Self.drafts(s)[0...1]).touchpoints + TouchpointWriter(db).write(batch: Self.drafts(s)[2...3]).touchpoints
        }
        #expect(n == 4)
    }

    @Test("skipping existing touchpoints: the same batch twice adds nothing the second time; by external id, else by the natural key")
    func skippingExisting() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("writerskip")), actor: "test")
        let s = try Self.populate(db.connection)
        let w = TouchpointWriter(db)
        #expect(try w.write(batch: Self.drafts(s), skippingExisting: true) == .init(touchpoints: 4, participants: 5, painPoints: 3))
        #expect(try w.write(batch: Self.drafts(s), skippingExisting: true) == .init(skipped: 4))
        var changed = Self.drafts(s)
        changed[0].summary = "另一次评审"          // no external id: another touchpoint
        changed[1].summary = "改过的摘要"           // external id crm-2: the same touchpoint
        #expect(try w.write(batch: changed, skippingExisting: true) == .init(touchpoints: 1, participants: 2, painPoints: 1, skipped: 3))
        #expect(try db.connection.queryRow("SELECT count(*) AS n FROM touchpoint")!.decode("n", as: Int.self) == 5)
    }

    @Test("external ids are unique per account, never blank, and survive delete and restore")
    func externalIDs() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("writerext")), actor: "test")
        let s = try Self.populate(db.connection), other = try Self.populate(db.connection, name: "市卫健委")
        let w = TouchpointWriter(db)
        func draft(_ s: Setup, _ id: String?) -> TouchpointDraft {
            TouchpointDraft(accountID: s.account, at: LocalTime("2026-03-02 10:00")!, channel: .visit,
                            participants: [Participant(stakeholderID: s.li)], externalID: id)
        }
        #expect(try w.write(batch: [draft(s, "x-1"), draft(s, "x-2"), draft(s, nil), draft(s, nil)]).touchpoints == 4)
        #expect(Self.sqlState { try w.write(batch: [draft(s, "x-3"), draft(s, "x-1")]) } == "23505")
        #expect(Self.sqlState { try w.write(draft(s, "x-2")) } == "23505")
        #expect(Self.sqlState { try w.write(draft(s, "  ")) } == "23514")
        #expect(try db.connection.queryRow("SELECT count(*) AS n FROM touchpoint WHERE external_id = 'x-3'")!.decode("n", as: Int.self) == 0)
        // Another account may use the same id.
        let theirs = try w.write(draft(other, "x-1"))
        _ = try TouchpointStore(db).delete(theirs.id)
        #expect(Self.sqlState { try w.write(draft(other, "x-1")) } == nil, "a deleted touchpoint's id is free while it is in the trash")
        try db.connection.execute("DELETE FROM touchpoint WHERE account_id = $1 AND external_id = 'x-1'", [other.account])
        _ = try TouchpointStore(db).restore(theirs.id)
        #expect(try db.connection.queryRow("SELECT external_id FROM touchpoint WHERE id = $1", [theirs.id])!.decode("external_id", as: String.self) == "x-1")
    }

    @Test("a rep's batch writes their team's touchpoints through the policies and is refused the other team's account")
    func underRowLevelSecurity() throws {
        let f = try TeamFixture.make("tpwriter")
        let su = try Connection(f.conninfo)
        func ids(_ account: Int64) throws -> (deal: Int64, person: Int64) {
            let r = try su.queryRow("""
                SELECT (SELECT id FROM deal WHERE account_id = $1) AS deal, (SELECT id FROM stakeholder WHERE account_id = $1) AS person
                """, [account])!
            return (try r.decode("deal"), try r.decode("person"))
        }
        let a = try ids(f.accountA), b = try ids(f.accountB)
        let rep = try Database.open(.conninfo(f.conninfo(as: f.repA)), actor: f.repA)
        func draft(_ account: Int64, _ x: (deal: Int64, person: Int64), _ day: String) -> TouchpointDraft {
            TouchpointDraft(accountID: account, dealID: x.deal, at: LocalTime(day + " 10:00")!, channel: .visit,
                            participants: [Participant(stakeholderID: x.person, emotion: Emotion(1))],
                            raised: [.init(stakeholderID: x.person, text: "预算紧")], loggedBy: f.repA)
        }
        func count(_ account: Int64) throws -> Int {
            try su.queryRow("SELECT count(*) AS n FROM touchpoint WHERE account_id = $1", [account])!.decode("n")
        }
        let before = (try count(f.accountA), try count(f.accountB))
        let summary = try TouchpointWriter(rep).write(batch: [draft(f.accountA, a, "2026-03-05"), draft(f.accountA, a, "2026-03-06")])
        #expect(summary == .init(touchpoints: 2, participants: 2, painPoints: 2))
        let mine = try TouchpointStore(rep).timeline(accountID: f.accountA)
        #expect(mine.filter { $0.loggedBy == f.repA }.map(\.stageKey) == ["needs", "needs"])
        let audited: Int = try su.queryRow("SELECT count(*) AS n FROM audit_log WHERE table_name = 'touchpoint' AND actor = $1",
                                           [f.repA])!.decode("n")
        #expect(audited == 2)
        #expect(Self.sqlState { try TouchpointWriter(rep).write(batch: [draft(f.accountA, a, "2026-03-07"), draft(f.accountB, b, "2026-03-07")]) }
                == "42501")
        #expect(Self.sqlState { try TouchpointWriter(rep).write(draft(f.accountB, b, "2026-03-07")) } == "42501")
        #expect(try count(f.accountA) == before.0 + 2, "nothing of the refused batch landed")
        #expect(try count(f.accountB) == before.1)
    }
}
