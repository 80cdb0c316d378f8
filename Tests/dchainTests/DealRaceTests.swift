import Foundation
import Testing
import TestSupport

/// Concurrent state changes of one deal (moves, closes, role sets, logs):
/// each runs under the deal's row lock, so afterwards the invariants hold —
/// the current stage is the last history entry, one EB, one close.
@Suite("Deal state changes under concurrency")
struct DealRaceTests {
    /// Runs every argument list as its own `dchain` process, all at once.
    static func together(_ cli: CLI, _ commands: [[String]]) async throws -> [Subprocess.Result] {
        try await withThrowingTaskGroup(of: (Int, Subprocess.Result).self) { group in
            for (i, args) in commands.enumerated() { group.addTask { (i, try cli.run(args)) } }
            var out = [Subprocess.Result?](repeating: nil, count: commands.count)
            for try await (i, r) in group { out[i] = r }
            return out.map { $0! }
        }
    }

    static func oneLine(_ r: Subprocess.Result) -> Bool {
        r.stderr.split(separator: "\n", omittingEmptySubsequences: true).count == 1
    }

    static func setUp(_ hint: String, deals: Int) throws -> CLI {
        let cli = try CLI.fresh(hint)
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        for p in ["王局长", "李处长", "张科长", "赵工"] { try cli.ok("stakeholder", "add", "市数据局", p, "--title", "x") }
        for d in 0..<deals { try cli.ok("deal", "add", "市数据局", "d\(d)", "--pipeline", "government", "--on", "2026-01-01") }
        return cli
    }

    /// Deals whose current stage differs from their last history entry.
    static func stageDisagreements(_ cli: CLI) throws -> Int {
        try cli.count("""
            SELECT count(*) FROM deal d WHERE d.stage_id IS DISTINCT FROM (
              SELECT h.stage_id FROM deal_stage_history h WHERE h.account_id = d.account_id AND h.deal_id = d.id
              ORDER BY h.entered_on DESC, h.id DESC LIMIT 1)
            """)
    }

    @Test("4 concurrent moves with different dates, 5 times: current stage = last history entry, history in date order")
    func concurrentMoves() async throws {
        let cli = try Self.setUp("race-move", deals: 5)
        for d in 0..<5 {
            let rs = try await Self.together(cli, [
                ["deal", "move", "d\(d)", "approval", "--on", "2026-02-0\(4)"],
                ["deal", "move", "d\(d)", "intention", "--on", "2026-02-03"],
                ["deal", "move", "d\(d)", "specification", "--on", "2026-02-02"],
                ["deal", "move", "d\(d)", "bidding", "--on", "2026-02-01"],
            ])
            for r in rs { #expect(r.status == 0 || (r.status == 65 && Self.oneLine(r)), "\(r)") }
            #expect(rs.contains { $0.status == 0 })
        }
        #expect(try Self.stageDisagreements(cli) == 0)
        // Every history row is on or after the one recorded before it.
        #expect(try cli.count("""
            SELECT count(*) FROM (SELECT entered_on < lag(entered_on) OVER (PARTITION BY deal_id ORDER BY id) AS back
                                  FROM deal_stage_history) x WHERE back
            """) == 0)
    }

    @Test("8 concurrent moves into the stage the deal is already in: no history row, each exit 65 with one line")
    func sameStageMoves() async throws {
        let cli = try Self.setUp("race-same", deals: 1)
        let before = try cli.count("SELECT count(*) FROM deal_stage_history")
        let rs = try await Self.together(cli, Array(repeating: ["deal", "move", "d0", "needs", "--on", "2026-03-01"], count: 8))
        for r in rs {
            #expect(r.status == 65 && Self.oneLine(r), "\(r)")
            #expect(r.stderr.contains("already in stage needs"), "\(r)")
        }
        #expect(try cli.count("SELECT count(*) FROM deal_stage_history") == before)
        // Racing into another stage: exactly one of eight lands.
        let moved = try await Self.together(cli, Array(repeating: ["deal", "move", "d0", "approval", "--on", "2026-03-01"], count: 8))
        #expect(moved.filter { $0.status == 0 }.count == 1, "\(moved)")
        #expect(moved.filter { $0.status == 65 && Self.oneLine($0) }.count == 7, "\(moved)")
        #expect(try cli.count("SELECT count(*) FROM deal_stage_history") == before + 1)
        #expect(try Self.stageDisagreements(cli) == 0)
    }

    @Test("concurrent close won / close lost, 5 deals: exactly one wins each, the other names the status it found")
    func concurrentCloses() async throws {
        let cli = try Self.setUp("race-close", deals: 5)
        for d in 0..<5 {
            let rs = try await Self.together(cli, [["deal", "close", "d\(d)", "won"], ["deal", "close", "d\(d)", "lost"]])
            #expect(rs.filter { $0.status == 0 }.count == 1, "\(rs)")
            guard let winner = rs.firstIndex(where: { $0.status == 0 }) else { continue }
            let loser = rs[1 - winner]
            let status = winner == 0 ? "won" : "lost"
            #expect(loser.status == 65 && Self.oneLine(loser) && loser.stderr.contains("already \(status)"), "\(loser)")
            #expect(try SQL(cli.conninfo).strings("SELECT status FROM deal WHERE name = $1", ["d\(d)"]) == [status])
        }
        // The audit trail shows one close per deal (one UPDATE that left 'open').
        #expect(try cli.count("""
            SELECT count(*) FROM audit_log WHERE table_name = 'deal' AND op = 'UPDATE'
              AND before->>'status' = 'open' AND after->>'status' <> 'open'
            """) == 5)
    }

    @Test("concurrent role sets: one EB at the end, refusals are one line; clear before the role began is refused")
    func concurrentRoles() async throws {
        let cli = try Self.setUp("race-role", deals: 1)
        let people = ["王局长", "李处长", "张科长", "赵工"]
        let plain = try await Self.together(cli, people.map { ["role", "set", "d0", $0, "EB", "--on", "2026-02-01"] })
        #expect(plain.filter { $0.status == 0 }.count == 1, "\(plain)")
        #expect(plain.filter { $0.status == 65 && Self.oneLine($0) && $0.stderr.contains("already has an EB") }.count == 3, "\(plain)")
        let replacing = try await Self.together(cli, people.map { ["role", "set", "d0", $0, "EB", "--replace", "--on", "2026-02-02"] })
        for r in replacing { #expect(r.status == 0, "\(r)") }
        #expect(try cli.count("SELECT count(*) FROM buying_influence WHERE role = 'EB' AND valid_to IS NULL") == 1)
        let mixed = try await Self.together(cli, people.map { ["role", "set", "d0", $0, "TB", "--on", "2026-02-03"] }
                                               + [["log", "市数据局", "--channel", "call", "--deal", "d0", "--with", "王局长:1"]])
        for r in mixed { #expect(r.status == 0, "\(r)") }
        #expect(try cli.count("SELECT count(*) FROM buying_influence WHERE role = 'TB' AND valid_to IS NULL") == 4)

        let rows = try cli.count("SELECT count(*) FROM buying_influence WHERE valid_to IS NULL")
        let r = try cli.run("role", "clear", "d0", "李处长", "TB", "--on", "2026-01-15")
        #expect(r.status == 65 && Self.oneLine(r), "\(r)")
        #expect(r.stderr.contains("2026-01-15") && r.stderr.contains("2026-02-03"), "\(r)")
        #expect(try cli.count("SELECT count(*) FROM buying_influence WHERE valid_to IS NULL") == rows)
        try cli.ok("role", "clear", "d0", "李处长", "TB", "--on", "2026-02-03")
        #expect(try cli.count("SELECT count(*) FROM buying_influence WHERE valid_to IS NULL") == rows - 1)
    }
}
