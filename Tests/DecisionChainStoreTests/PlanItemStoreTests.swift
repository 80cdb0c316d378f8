import DecisionChain
import DecisionChainStore
import Foundation
import Postgres
import TestSupport
import Testing

/// The sample account (the seed's government case) in a real database: every
/// role held, the TB frustrated at contract negotiation by unclear terms.
enum PlanStoreSample {
    /// The same SQL the ICS check loads (tests/ics/sample.sql), so the two samples cannot drift.
    static var script: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("tests/ics/sample.sql"), encoding: .utf8)
        }
    }

    static let today = Day("2026-04-25")!

    /// A fresh database with the sample, opened as `tester`.
    static func database(_ name: String) throws -> Database {
        let db = try Database.open(.conninfo(TestCluster.shared.freshDatabase(name)), actor: "tester")
        try db.connection.run(script: try script)
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
        #expect(accepted.allSatisfy { $0.owner == db.actor })  // the login, not the client's "tester"
    }

    @Test("task list filters by owner, overdue day and account; done and cancelled only with includeClosed")
    func list() throws {
        let db = try PlanStoreSample.database("planList")
        let store = PlanItemStore(db)
        let sdj = try store.accept(PlanStoreSample.plan(db))
        let hpg = try store.accept(PlanStoreSample.plan(db, code: "HPG"))
        #expect(try store.tasks().count == sdj.count + hpg.count)
        #expect(try store.tasks(.init(owner: db.actor)).map(\.record.id).sorted() == hpg.map(\.id).sorted())
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
