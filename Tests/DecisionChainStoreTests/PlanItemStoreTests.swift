import DecisionChain
import DecisionChainStore
import Foundation
import Postgres
import TestSupport
import Testing

/// The sample account (the seed's government case) in a real database: every
/// role held, the TB frustrated at contract negotiation by unclear terms.
enum PlanStoreSample {
    static let script = """
        INSERT INTO app_user (login, name) VALUES ('liwei', 'Li Wei'), ('tester', 'Tester');
        INSERT INTO account (name, kind, code) VALUES ('市数据局', 'government', 'SDJ'), ('Harbour Port Group', 'soe', 'HPG');
        INSERT INTO stakeholder (account_id, name, title, level, preferred_channel)
        SELECT a.id, v.name, v.title, v.level, v.pc FROM account a,
            (VALUES ('王建国', '局长', 'executive', 'visit'), ('李明', '信息化处处长', 'manager', NULL),
                    ('张丽', '科长', 'staff', 'wechat'), ('赵工', '工程师', 'staff', 'wechat')) v (name, title, level, pc)
        WHERE a.code = 'SDJ';
        INSERT INTO stakeholder (account_id, name, title) SELECT id, 'Ms Chen', 'CIO' FROM account WHERE code = 'HPG';
        INSERT INTO deal (account_id, name, pipeline_id, stage_id, method, amount, owner_id)
        SELECT a.id, '政务云平台', p.id, s.id, 'public-tender', 3800000, u.id
        FROM account a, pipeline p JOIN stage s ON s.pipeline_id = p.id AND s.key = 'contract', app_user u
        WHERE a.code = 'SDJ' AND p.key = 'government' AND u.login = 'liwei';
        INSERT INTO deal (account_id, name, pipeline_id, stage_id)
        SELECT a.id, 'Berth scheduling', p.id, s.id FROM account a, pipeline p JOIN stage s ON s.pipeline_id = p.id AND s.key = 'solution'
        WHERE a.code = 'HPG' AND p.key = 'enterprise';
        INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
        SELECT d.account_id, d.id, s.id, v.day::date FROM deal d JOIN stage s ON s.pipeline_id = d.pipeline_id
        JOIN (VALUES ('needs', '2025-10-01'), ('contract', '2026-04-01'), ('solution', '2026-03-01')) v (key, day) ON v.key = s.key;
        INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, valid_from)
        SELECT d.account_id, d.id, sh.id, v.role, v.inf, v.stance, '2025-10-01' FROM deal d
        JOIN stakeholder sh ON sh.account_id = d.account_id
        JOIN (VALUES ('王建国', 'EB', 'high', 'supporter'), ('李明', 'TB', 'high', 'skeptic'), ('张丽', 'UB', 'medium', 'supporter'),
                     ('赵工', 'Coach', 'low', 'champion'), ('Ms Chen', 'EB', 'high', 'neutral')) v (name, role, inf, stance) ON v.name = sh.name;
        INSERT INTO touchpoint (account_id, deal_id, stage_id, at, channel, summary)
        SELECT d.account_id, d.id, s.id, v.at::timestamp, v.channel, v.summary FROM deal d JOIN stage s ON s.pipeline_id = d.pipeline_id
        JOIN (VALUES ('needs', '2025-10-10 10:00', 'visit', 'kickoff'), ('bidding', '2026-02-20 14:00', 'meeting', 'bid q&a'),
                     ('contract', '2026-04-08 09:30', 'contract-review', 'contract review'),
                     ('contract', '2026-04-20 20:00', 'wechat', 'coach chat')) v (stage, at, channel, summary) ON v.stage = s.key
        WHERE d.name = '政务云平台';
        INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label)
        SELECT t.account_id, t.id, sh.id, v.emotion, v.label FROM touchpoint t
        JOIN (VALUES ('kickoff', '王建国', 1, 'interested'), ('bid q&a', '李明', 1, 'interested'), ('bid q&a', '张丽', 2, 'satisfied'),
                     ('contract review', '李明', -3, 'frustrated'), ('coach chat', '赵工', 1, 'trusting')) v (summary, name, emotion, label)
            ON v.summary = t.summary
        JOIN stakeholder sh ON sh.account_id = t.account_id AND sh.name = v.name;
        INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, text, severity, raised_on)
        SELECT t.account_id, t.id, sh.id, t.deal_id, t.stage_id, 'Contract terms unclear: acceptance and liability', 'high', '2026-04-08'
        FROM touchpoint t JOIN stakeholder sh ON sh.account_id = t.account_id AND sh.name = '李明' WHERE t.summary = 'contract review';
        """

    static let today = Day("2026-04-25")!

    /// A fresh database with the sample, opened as `tester`.
    static func database(_ name: String) throws -> Database {
        let db = try Database.open(.conninfo(TestCluster.shared.freshDatabase(name)), actor: "tester")
        try db.connection.run(script: script)
        return db
    }

    static func rules() throws -> PlanRules {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reports/plan-rules.json")
        return try PlanRules.load(defaults: Data(contentsOf: url))
    }

    static func plan(_ db: Database, code: String = "SDJ", today: Day = today) throws -> Plan {
        let account = try Resolver(db).account(code)
        return try PlanEngine(rules: rules()).plan(SnapshotStore(db).load(accountID: account.id), today: today, lang: .en)
    }
}

@Suite("Plan items in the database")
struct PlanItemStoreTests {
    @Test("the sample plan from the database has the EB's stale-contact and the TB's negative-emotion item")
    func samplePlan() throws {
        let db = try PlanStoreSample.database("planSample")
        let plan = try PlanStoreSample.plan(db)
        let eb = try #require(plan.items.first { $0.rule == "stale-contact" && $0.role == .eb })
        #expect(eb.stakeholderName == "王建国" && eb.why.contains("2025-10-10"))
        let neg = try #require(plan.items.first { $0.rule == "negative-emotion" })
        #expect(neg.stakeholderName == "李明" && neg.why.contains("-3 (frustrated)") && neg.why.contains("Contract terms unclear"))
    }

    @Test("accept stores every item once, owned by the deal's owner, at the deal's stage; accepting again adds nothing")
    func accept() throws {
        let db = try PlanStoreSample.database("planAccept")
        let plan = try PlanStoreSample.plan(db)
        let first = try PlanItemStore(db).accept(plan)
        #expect(first.count == plan.items.count && first.allSatisfy(\.isNew))
        #expect(first.allSatisfy { $0.owner == "liwei" && $0.status == .open })
        let again = try PlanItemStore(db).accept(plan)
        #expect(again.allSatisfy { !$0.isNew })
        #expect(again.map(\.id) == first.map(\.id))
        let count: Int = try db.connection.queryRow("SELECT count(*) AS n FROM plan_item")!.decode("n")
        #expect(count == plan.items.count)
        let stages = try db.connection.query("SELECT DISTINCT st.key FROM plan_item pi JOIN stage st ON st.id = pi.stage_id")
        #expect(stages.map { $0["key"] } == ["contract"])
        // The snapshot the journey map reads sees them.
        let account = try Resolver(db).account("SDJ")
        #expect(try SnapshotStore(db).load(accountID: account.id).planItems.count == plan.items.count)
    }

    @Test("a deal without an owner gives its tasks to the acting user")
    func ownerFallback() throws {
        let db = try PlanStoreSample.database("planOwner")
        let accepted = try PlanItemStore(db).accept(PlanStoreSample.plan(db, code: "HPG"))
        #expect(!accepted.isEmpty)
        #expect(accepted.allSatisfy { $0.owner == "tester" })
    }

    @Test("task list filters by owner, overdue day and account; done and cancelled only with includeClosed")
    func list() throws {
        let db = try PlanStoreSample.database("planList")
        let store = PlanItemStore(db)
        let sdj = try store.accept(PlanStoreSample.plan(db))
        let hpg = try store.accept(PlanStoreSample.plan(db, code: "HPG"))
        #expect(try store.tasks().count == sdj.count + hpg.count)
        #expect(try store.tasks(.init(owner: "tester")).map(\.record.id).sorted() == hpg.map(\.id).sorted())
        let account = try Resolver(db).account("SDJ")
        #expect(try store.tasks(.init(accountID: account.id)).allSatisfy { $0.accountName == "市数据局" })

        let earliest = try #require(sdj.map(\.item.due).min())
        #expect(try store.tasks(.init(overdueAsOf: earliest)).isEmpty)
        let overdue = try store.tasks(.init(overdueAsOf: earliest.adding(days: 1)))
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.record.due == earliest })

        let tasks = try store.tasks()
        #expect(tasks.map(\.record.due) == tasks.map(\.record.due).sorted())
        let neg = try #require(tasks.first { $0.record.rule == "negative-emotion" })
        #expect(neg.stakeholderName == "李明" && neg.dealName == "政务云平台")
        _ = try store.done(neg.record.id)
        #expect(try !store.tasks().contains { $0.record.id == neg.record.id })
        #expect(try store.tasks(.init(includeClosed: true)).contains { $0.record.id == neg.record.id && $0.record.status == .done })
    }

    @Test("done marks a task done once; an unknown id is not found")
    func done() throws {
        let db = try PlanStoreSample.database("planDone")
        let store = PlanItemStore(db)
        let id = try #require(try store.accept(PlanStoreSample.plan(db)).first?.id)
        let first = try store.done(id)
        #expect(first.changed && first.task.record.status == .done)
        #expect(try !store.done(id).changed)
        #expect(throws: StoreError.self) { try store.done(999_999) }
    }

    @Test("logging a touchpoint with a stakeholder closes their open contact tasks, not the other rules' tasks")
    func loggedContactCloses() throws {
        let db = try PlanStoreSample.database("planClose")
        let store = PlanItemStore(db)
        let plan = try PlanStoreSample.plan(db)
        _ = try store.accept(plan)
        let account = try Resolver(db).account("SDJ")
        let deal = try Resolver(db).deal("政务云平台", accountID: account.id)
        let li = try Resolver(db).stakeholder("李明", accountID: account.id)
        let logged = try TouchpointStore(db).log(.init(accountID: account.id, deal: deal, at: LocalTime("2026-04-26 10:00")!,
                                                       channel: .meeting, direction: .outbound, summary: "walked through the terms",
                                                       response: nil, participants: [Participant(stakeholderID: li.id, emotion: Emotion(0))],
                                                       raised: []))
        let liTasks = try store.tasks(.init(includeClosed: true)).filter { $0.record.stakeholderID == li.id }
        let contact = liTasks.filter { TouchpointStore.contactRules.contains($0.record.rule) }
        #expect(!contact.isEmpty && contact.allSatisfy { $0.record.status == .done })
        #expect(logged.closedTasks == contact.count)
        #expect(liTasks.filter { !TouchpointStore.contactRules.contains($0.record.rule) }.allSatisfy { $0.record.status == .open })
    }
}
