import Testing
@testable import DecisionChain

/// `deal move --undo`'s rule, without a database.
@Suite("deal correction rules")
struct DealCorrectionRulesTests {
    let history = [StageVisit(dealID: 1, stageKey: "needs", entered: Day("2026-03-02")!),
                   StageVisit(dealID: 1, stageKey: "approval", entered: Day("2026-03-20")!)]

    @Test("the latest move goes and the deal falls back to the stage before")
    func undo() throws {
        let deal = Deal(id: 1, accountID: 1, name: "城市数据中台项目", pipelineKey: "government", stageKey: "approval")
        let (removed, back) = try DealCorrectionRules.checkUndoMove(deal, history: history)
        #expect(removed.stageKey == "approval" && back.stageKey == "needs" && back.entered == Day("2026-03-02"))
    }

    @Test("the first stage stays, and a closed deal's moves stay")
    func refused() {
        let deal = Deal(id: 1, accountID: 1, name: "D", pipelineKey: "government", stageKey: "needs")
        #expect(throws: DomainError.self) { try DealCorrectionRules.checkUndoMove(deal, history: [history[0]]) }
        let won = Deal(id: 1, accountID: 1, name: "D", pipelineKey: "government", stageKey: "approval", status: .won,
                       closedOn: Day("2026-04-01"))
        #expect(throws: DomainError.self) { try DealCorrectionRules.checkUndoMove(won, history: history) }
    }
}
