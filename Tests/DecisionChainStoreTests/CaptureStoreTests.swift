import DecisionChain
import DecisionChainStore
import Postgres
import Testing
import TestSupport

@Suite("Capture repositories")
struct CaptureStoreTests {
    let db: Database
    let account: Account
    let deal: Deal
    let wang: Stakeholder, li: Stakeholder

    init() throws {
        db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("capture")), actor: "rep.zhang")
        account = try AccountStore(db).add(.init(name: "市数据局", kind: .government))
        wang = try StakeholderStore(db).add(accountID: account.id, .init(name: "王局长", title: "局长", level: .executive))
        li = try StakeholderStore(db).add(accountID: account.id, .init(name: "李处长", title: "处长", level: .manager, reportsTo: wang.id))
        let p = try PipelineStore(db).pipeline("government")
        deal = try DealStore(db).add(.init(accountID: account.id, name: "政务云", pipeline: p, stageKey: nil, method: .publicTender,
                                           amount: 1_000_000, currency: "CNY", closeBy: nil, ownerID: nil, on: Day("2026-03-01")!))
        _ = try DealStore(db).move(deal, to: p.stage("approval")!, on: Day("2026-04-01")!)
        _ = try DealStore(db).move(try DealStore(db).get(accountID: account.id, id: deal.id), to: p.stage("intention")!, on: Day("2026-05-01")!)
    }

    @Test("a deal has one EB; --replace retires the old one and the history keeps both")
    func oneEB() throws {
        let store = InfluenceStore(db)
        #expect(try store.set(deal: deal, stakeholder: wang, role: .eb, .init(stance: .supporter), replace: false, on: Day("2026-03-02")!) == .added)
        #expect(throws: DomainError.self) {
            try store.set(deal: deal, stakeholder: li, role: .eb, .init(), replace: false, on: Day("2026-03-03")!)
        }
        #expect(try store.set(deal: deal, stakeholder: li, role: .eb, .init(), replace: true, on: Day("2026-03-04")!) == .added)
        let chain = try store.current(deal: deal)
        #expect(chain.filter { $0.role == .eb }.map(\.stakeholderID) == [li.id])
        #expect(try store.history(deal: deal).count == 2)
    }

    @Test("a change of stance or rating keeps the earlier values with their dates")
    func stanceHistory() throws {
        let store = InfluenceStore(db)
        _ = try store.set(deal: deal, stakeholder: li, role: .tb, .init(influence: .high, stance: .skeptic, rating: -2), replace: false, on: Day("2026-03-05")!)
        #expect(try store.set(deal: deal, stakeholder: li, role: .tb, .init(stance: .skeptic), replace: false, on: Day("2026-03-06")!) == .unchanged)
        #expect(try store.set(deal: deal, stakeholder: li, role: .tb, .init(stance: .supporter, rating: 2), replace: false, on: Day("2026-04-06")!) == .changed)
        let history = try store.history(deal: deal)
        #expect(history.map { $0.influence.stance } == [.skeptic, .supporter])
        #expect(history[0].until == Day("2026-04-06"))
        #expect(history[1].influence.influence == .high)  // carried over
        #expect(throws: InputError.self) { try store.set(deal: deal, stakeholder: li, role: .tb, .init(rating: 9), replace: false, on: Day("2026-04-07")!) }
    }

    @Test("a touchpoint takes the deal's stage on its day", arguments: [
        ("2026-03-15 10:00", "needs"), ("2026-04-01 09:00", "approval"), ("2026-04-30 18:00", "approval"), ("2026-06-01 00:00", "intention"),
        ("2026-01-01 00:00", "needs"),
    ])
    func stageAtTime(_ at: String, _ stage: String) throws {
        let logged = try TouchpointStore(db).log(.init(accountID: account.id, deal: deal, at: LocalTime(at)!, channel: .visit, direction: .outbound,
                                                       summary: nil, response: nil, participants: [Participant(stakeholderID: wang.id)], raised: []))
        #expect(logged.stageKey == stage)
    }

    @Test("logging writes participants, quotes and pain points together, or nothing at all")
    func logAtomic() throws {
        let store = TouchpointStore(db)
        let ok = try store.log(.init(accountID: account.id, deal: deal, at: LocalTime("2026-05-02 10:00")!, channel: .meeting, direction: .outbound,
                                     summary: "合同", response: nil,
                                     participants: [Participant(stakeholderID: li.id, emotion: Emotion(-2), emotionLabel: "frustrated", quote: "条款不清")],
                                     raised: [.init(stakeholderID: li.id, kind: .pain, text: "合同条款不清晰", severity: .high)]))
        let timeline = try store.timeline(accountID: account.id)
        #expect(timeline.last?.id == ok.id)
        #expect(timeline.last?.participants.first?.emotion == Emotion(-2))
        #expect(try PainPointStore(db).list(accountID: account.id, openOnly: true).map(\.text) == ["合同条款不清晰"])
        let before = try SQL.count(db, "touchpoint")
        // The second participant is not a stakeholder of this account: the whole touchpoint is refused.
        #expect(throws: PostgresError.self) {
            try store.log(.init(accountID: account.id, deal: deal, at: LocalTime("2026-05-03 10:00")!, channel: .call, direction: .outbound,
                                summary: nil, response: nil, participants: [Participant(stakeholderID: wang.id), Participant(stakeholderID: 999_999)],
                                raised: []))
        }
        #expect(try SQL.count(db, "touchpoint") == before)
    }

    @Test("responding addresses a pain point; resolving closes it")
    func painLifecycle() throws {
        _ = try TouchpointStore(db).log(.init(accountID: account.id, deal: deal, at: LocalTime("2026-05-02 10:00")!, channel: .meeting,
                                              direction: .outbound, summary: nil, response: nil, participants: [Participant(stakeholderID: li.id)],
                                              raised: [.init(stakeholderID: li.id, kind: .need, text: "国产化", severity: .medium)]))
        let p = try #require(try PainPointStore(db).list(accountID: account.id).first)
        #expect(p.status == .open && p.kind == .need)
        #expect(try PainPointStore(db).respond(p.id, response: "提供适配清单", on: Day("2026-05-03")!).status == .addressed)
        #expect(try PainPointStore(db).resolve(p.id, on: Day("2026-05-04")!).status == .resolved)
        #expect(throws: DomainError.self) { try PainPointStore(db).resolve(p.id, on: Day("2026-05-05")!) }
    }

    @Test("references resolve by id, code or name, and misses list candidates")
    func references() throws {
        let r = Resolver(db)
        #expect(try r.account("市数据局").id == account.id)
        #expect(try r.account(String(account.id)).name == "市数据局")
        #expect(try r.stakeholder("王局长", accountID: account.id).id == wang.id)
        do {
            _ = try r.stakeholder("王局", accountID: account.id)
            Issue.record("expected not found")
        } catch let StoreError.notFound(_, _, _, candidates) {
            #expect(candidates == ["王局长"])
        }
        _ = try StakeholderStore(db).add(accountID: account.id, .init(name: "王局长", title: "另一位"), distinct: true)
        #expect(throws: StoreError.self) { try StakeholderStore(db).add(accountID: account.id, .init(name: "王局长 ", title: "再一位")) }
        #expect(throws: StoreError.self) { try r.stakeholder("王局长", accountID: account.id) }
    }

    @Test("a snapshot holds the whole account for the builders")
    func snapshot() throws {
        _ = try InfluenceStore(db).set(deal: deal, stakeholder: wang, role: .eb, .init(), replace: false, on: Day("2026-03-02")!)
        _ = try TouchpointStore(db).log(.init(accountID: account.id, deal: deal, at: LocalTime("2026-05-02 10:00")!, channel: .visit,
                                              direction: .outbound, summary: nil, response: "ok",
                                              participants: [Participant(stakeholderID: wang.id, emotion: Emotion(1))], raised: []))
        let s = try SnapshotStore(db).load(accountID: account.id)
        #expect(s.stakeholders.count == 2)
        #expect(s.deals.first?.stageKey == "intention")
        #expect(s.history(of: deal.id).map(\.stageKey) == ["needs", "approval", "intention"])
        #expect(s.roles(of: wang.id, in: deal.id) == [.eb])
        #expect(s.touchpoints.first?.response == "ok")
        #expect(s.pipelines.count == 2)
    }
}

extension SQL {
    /// Rows in a table of this database.
    static func count(_ db: Database, _ table: String) throws -> Int {
        try db.connection.queryRow("SELECT count(*) AS c FROM \(try db.connection.escapeIdentifier(table))")!.decode("c")
    }
}
