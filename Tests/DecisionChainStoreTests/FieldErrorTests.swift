import DecisionChain
import DecisionChainStore
import Postgres
import Testing
import TestSupport

/// The backstop behind the CLI's own checks: a value the server refuses
/// comes back as an InputError naming the field, and the failing statement
/// is kept in the server error.
@Suite("Database errors mapped to the field")
struct FieldErrorTests {
    @Test("an amount past numeric(18,2) names the amount and its limit; the server error keeps SQLSTATE and statement")
    func amountOverflow() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("fielderr")), actor: "tester")
        let account = try AccountStore(db).add(.init(name: "市数据局", kind: .government))
        let p = try PipelineStore(db).pipeline("government")
        let new = DealStore.NewDeal(accountID: account.id, name: "大项目", pipeline: p, stageKey: nil, method: nil, amount: 1e20,
                                    currency: "CNY", closeBy: nil, ownerID: nil, on: Day("2026-01-01")!)
        #expect(throws: InputError(field: "amount", value: "1e+20", problem: "is too large (at most 9999999999999999.99)")) {
            try DealStore(db).add(new)
        }
        #expect(try db.connection.queryRow("SELECT count(*) AS n FROM deal")?.decode("n", as: Int.self) == 0)
        do {
            try db.connection.execute("INSERT INTO deal (account_id, name, pipeline_id, stage_id, amount) VALUES ($1, 'x', $2, $3, 1e20)",
                                      [account.id, p.id, p.stages[0].id])
            Issue.record("the insert should fail")
        } catch let PostgresError.server(e) {
            #expect(e.state == .numericValueOutOfRange)
            #expect(e.statement?.hasPrefix("INSERT INTO deal") == true)
        }
    }
}
