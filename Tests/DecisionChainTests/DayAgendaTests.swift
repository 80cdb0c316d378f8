import Foundation
import Testing
@testable import DecisionChain

/// `dchain today`'s ranking and schedule rules, without a database.
@Suite("day agenda")
struct DayAgendaTests {
    let today = Day("2026-09-01")!
    func settings() throws -> DayAgenda.Settings { DayAgenda.Settings(rules: try PlanFixture.rules()) }

    @Test("cadences come from the plan rules: the EB is due 30 days after the last contact, a changed rule moves it")
    func cadence() throws {
        let holder = DayAgenda.RoleHolderFact(account: "A", deal: "D", stakeholder: "王", role: .eb, since: Day("2026-01-01")!,
                                              lastContact: Day("2026-08-01")!)
        let items = DayAgenda.build(tasks: [], roleHolders: [holder], pains: [], deals: [], settings: try settings(),
                                    today: today, days: 0, lang: .en)
        #expect(items.count == 1 && items[0].due == Day("2026-08-31") && items[0].daysLate == 1 && items[0].priority == .high)
        var rules = try PlanFixture.rules()
        rules.roles["EB"]!.cadenceDays = 45
        #expect(DayAgenda.build(tasks: [], roleHolders: [holder], pains: [], deals: [], settings: DayAgenda.Settings(rules: rules),
                                today: today, days: 0, lang: .en).isEmpty)
        #expect(DayAgenda.build(tasks: [], roleHolders: [holder], pains: [], deals: [], settings: DayAgenda.Settings(rules: rules),
                                today: today, days: 15, lang: .en).count == 1)
    }

    @Test("someone holding two roles in a deal is one line, on the more demanding cadence")
    func twoRoles() throws {
        let tb = DayAgenda.RoleHolderFact(account: "A", deal: "D", stakeholder: "刘", role: .tb, since: Day("2026-01-01")!,
                                          lastContact: Day("2026-08-20")!)
        var coach = tb; coach.role = .coach
        let items = DayAgenda.build(tasks: [], roleHolders: [tb, coach], pains: [], deals: [], settings: try settings(),
                                    today: today, days: 0, lang: .en)
        #expect(items.count == 1 && items[0].role == .coach && items[0].due == Day("2026-08-27") && items[0].action.contains("TB/Coach"))
    }

    @Test("overdue before due today before upcoming; then priority; then the longest overdue")
    func ranking() throws {
        func task(_ id: Int64, _ due: String, _ p: Priority) -> DayAgenda.TaskFact {
            .init(id: id, account: "A", deal: nil, stakeholder: nil, role: nil, action: "a\(id)", rule: "r", due: Day(due)!, priority: p)
        }
        let tasks = [task(1, "2026-09-03", .high), task(2, "2026-09-01", .high), task(3, "2026-08-20", .low),
                     task(4, "2026-08-30", .high), task(5, "2026-08-10", .high)]
        let items = DayAgenda.build(tasks: tasks, roleHolders: [], pains: [], deals: [], settings: try settings(),
                                    today: today, days: 7, lang: .en)
        #expect(items.map(\.command) == [5, 4, 3, 2, 1].map { "dchain task done \($0)" })
        #expect(DayAgenda.build(tasks: tasks, roleHolders: [], pains: [], deals: [], settings: try settings(),
                                today: today, days: 0, lang: .en).count == 4)
    }

    @Test("only high pains are listed, due by the open-pain rule's schedule; stalls use the report's factor")
    func painsAndStalls() throws {
        let pains = [DayAgenda.PainFact(id: 7, account: "A", deal: "D", stakeholder: "李", text: "合同", severity: .high, raisedOn: Day("2026-08-14")!),
                     DayAgenda.PainFact(id: 8, account: "A", deal: "D", stakeholder: "李", text: "x", severity: .medium, raisedOn: Day("2026-08-14")!)]
        let name = LocalizedText(en: "contract", zh: "合同谈判")
        let deals = [DayAgenda.DealStageFact(account: "A", deal: "D", stageKey: "contract", stageName: name, entered: Day("2026-08-01")!, expectedDays: 20),
                     DayAgenda.DealStageFact(account: "A", deal: "E", stageKey: "contract", stageName: name, entered: Day("2026-08-03")!, expectedDays: 20)]
        let items = DayAgenda.build(tasks: [], roleHolders: [], pains: pains, deals: deals, settings: try settings(),
                                    today: today, days: 0, lang: .zh)
        #expect(items.map(\.kind) == [.pain, .stalled])
        #expect(items[0].due == Day("2026-08-16") && items[0].command == "dchain pain respond 7 \"…\"")
        // 31 days > 1.5 × 20 is stalled; 29 days is not.
        #expect(items[1].deal == "D" && items[1].why.contains("31") && items[1].command == "dchain plan A --deal D")
    }

    @Test("commands quote names a shell would split", arguments: [("市数据局", "市数据局"), ("Acme Energy", "'Acme Energy'"), ("O'Neil", "'O'\\''Neil'")])
    func shellWords(name: String, quoted: String) {
        #expect(DayAgenda.shellWord(name) == quoted)
    }

    @Test("undo descriptions: trash mirrors hidden, many rows folded, updates name their columns")
    func undoLines() {
        typealias R = UndoDescription.Row
        let rows = [R(table: "pain_point", operation: .update, id: 9, label: "运维", changed: ["severity"]),
                    R(table: "touchpoint_trash", operation: .insert, id: 5, label: nil, changed: [])]
            + (1...4).map { _ in R(table: "participant", operation: .delete, id: nil, label: nil, changed: []) }
        #expect(UndoDescription.lines(rows, lang: .en) == ["set back pain point #9 “运维” (severity)", "bring back 4 × participant"])
    }
}
