import Foundation
import Testing
import TestSupport

@Suite("Many reps logging at once")
struct ConcurrencyTests {
    @Test("8 dchain log processes at once, 50 touchpoints each: exactly 400 land, all exit 0", .timeLimit(.minutes(5)))
    func concurrentLogging() async throws {
        let cli = try CLI.fresh("conc")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("stakeholder", "add", "市数据局", "王局长", "--title", "局长")
        try cli.ok("stakeholder", "add", "市数据局", "李处长", "--title", "处长")
        try cli.ok("deal", "add", "市数据局", "政务云", "--pipeline", "government", "--on", "2026-01-01")
        let failures = try await withThrowingTaskGroup(of: [Subprocess.Result].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var failed: [Subprocess.Result] = []
                    for i in 0..<50 {
                        let r = try cli.run("log", "市数据局", "--channel", "call", "--deal", "政务云", "--summary", "w\(worker)-\(i)",
                                            "--with", "王局长:\(i % 7 - 3)", "--with", "李处长", "--pain", "李处长:issue \(worker)-\(i):low")
                        if r.status != 0 { failed.append(r) }
                    }
                    return failed
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(try cli.count("SELECT count(*) FROM touchpoint") == 400)
        #expect(try cli.count("SELECT count(DISTINCT summary) FROM touchpoint") == 400)
        #expect(try cli.count("SELECT count(*) FROM participant") == 800)
        #expect(try cli.count("SELECT count(*) FROM pain_point") == 400)
    }
}
