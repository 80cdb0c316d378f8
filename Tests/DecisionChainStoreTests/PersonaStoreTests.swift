import DecisionChain
import DecisionChainStore
import Foundation
import Postgres
import Testing
import TestSupport

/// Personas under row-level security, as the logins see them (never as the superuser).
@Suite("Personas: built per team, seen by that team only")
struct PersonaStoreTests {
    static let fixture = Result { try TeamFixture.make("persona") }
    let f: TeamFixture
    init() throws { f = try Self.fixture.get() }

    func open(_ login: String) throws -> Database { try Database.open(.conninfo(f.conninfo(as: login)), actor: login) }

    func build(_ login: String) throws -> [PersonaRecord] {
        let scope = PersonaScope(role: .eb)
        return try PersonaStore(open(login)).build(scope) { PersonaBuilder.build($0, scope: scope) }
    }

    @Test("a rep's persona rests on the team's accounts; the other team never sees it, its quotes or its evidence")
    func teams() throws {
        let mine = try #require(try build(f.repA).first)
        #expect(mine.team == "北区")
        #expect(mine.persona.evidence.accountIDs == [f.accountA])
        #expect(mine.persona.thin, "one EB: a thin persona")
        #expect(mine.persona.frustrations.map(\.key) == ["预算紧"])
        try PersonaStore(open(f.repA)).addNote(personaID: mine.id, text: "北区的笔记")

        let theirs = try #require(try build(f.repB).first)
        #expect(theirs.persona.evidence.accountIDs == [f.accountB])
        #expect(theirs.id != mine.id)
        let seenByB = try PersonaStore(open(f.repB)).list()
        #expect(seenByB.map(\.id) == [theirs.id])
        #expect(throws: StoreError.self) { try PersonaStore(open(f.repB)).record(mine.id) }
        let rawB = try Connection(f.conninfo(as: f.repB))
        #expect(try rawB.queryRow("SELECT count(*) AS n FROM persona_note")!.decode("n", as: Int.self) == 0)
        // Writing a note on the other team's persona, or moving a persona to another team, changes nothing.
        #expect(throws: StoreError.self) { try PersonaStore(open(f.repB)).addNote(personaID: mine.id, text: "偷看") }
        #expect(try rawB.execute("UPDATE persona SET team_id = NULL WHERE id = $1", [mine.id]) == 0)
        #expect(throws: PostgresError.self) { try rawB.execute("UPDATE persona SET team_id = NULL WHERE id = $1", [theirs.id]) }

        // The manager of team A sees team A's persona and its note; the trainer sees none.
        let managed = try PersonaStore(open(f.managerA)).record(mine.id)
        #expect(managed.notes.map(\.text) == ["北区的笔记"])
        #expect(try PersonaStore(open(f.trainer)).list().isEmpty)
    }

    @Test("an admin's persona spans every team and is the admins' alone; a rebuild keeps the id and the notes")
    func admin() throws {
        let all = try #require(try build(f.admin).first)
        #expect(all.team == nil)
        #expect(Set(all.persona.evidence.accountIDs).isSuperset(of: [f.accountA, f.accountB]))
        #expect(!(try PersonaStore(open(f.repA)).list().contains { $0.id == all.id }))
        try PersonaStore(open(f.admin)).addNote(personaID: all.id, text: "跨团队")
        let again = try #require(try build(f.admin).first)
        #expect(again.id == all.id && again.notes.map(\.text) == ["跨团队"])
        let audited = try Connection(f.conninfo).queryRow(
            "SELECT count(*) AS n FROM audit_log WHERE table_name = 'persona_note' AND actor = $1", [f.admin])!.decode("n", as: Int.self)
        #expect(audited == 1)
    }

    @Test("persona tables force row-level security; reps and managers may not delete them")
    func catalog() throws {
        let c = try Connection(f.conninfo)
        let forced = try c.query("""
            SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname IN ('persona', 'persona_note')
              AND relrowsecurity AND relforcerowsecurity ORDER BY relname
            """).map { try $0.decode("relname") as String }
        #expect(forced == ["persona", "persona_note"])
        let rep = try Connection(f.conninfo(as: f.repA))
        #expect(throws: PostgresError.self) { try rep.execute("DELETE FROM persona_note") }
        #expect(throws: PostgresError.self) { try rep.execute("DELETE FROM persona") }
    }

    @Test("the SQL theme of a pain point is PainTheme.key")
    func themeInSQL() throws {
        let texts = ["合同条款不清晰 unclear contract terms (acceptance, O&M duties)", "合同条款不清晰：验收标准、运维责任", "budget overrun risk: high",
                     "  OA系统卡顿 slow OA ", "（括号开头）", "Unclear, really"]
        let c = try Connection(f.conninfo)
        for t in texts {
            let sql: String = try c.queryRow("SELECT \(PersonaStore.themeExpression("$1::text")) AS k", [t])!.decode("k")
            #expect(sql == PainTheme.key(t), "\(t)")
        }
    }
}
