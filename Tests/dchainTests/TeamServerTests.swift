import Foundation
import Testing
import TestSupport

/// A small team on one machine: the embedded cluster opened to TCP, reps of
/// two teams logging over it with passwords at the same time.
@Suite("Team mode over TCP: db start --listen")
struct TeamServerTests {
    /// A TCP port nobody listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw SubprocessError(message: "no free TCP port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    @Test("two reps of two teams log at once over TCP with passwords; each sees only theirs; a wrong password is exit 77",
          .timeLimit(.minutes(3)))
    func overTCP() async throws {
        let home = "/tmp/dchain-tcp-\(getpid())"
        let port = try Self.freePort()
        let admin = CLI(conninfo: "", environment: ["DCHAIN_HOME": home, "DCHAIN_DB": ""])
        defer { _ = try? admin.run("db", "stop"); try? FileManager.default.removeItem(atPath: home) }
        #expect(try admin.ok("db", "start", "--listen", "127.0.0.1:\(port)").contains("listening on 127.0.0.1:\(port)"))
        for team in ["北区", "南区"] { try admin.ok("team", "add", team) }
        for (login, team) in [("tcp.north", "北区"), ("tcp.south", "南区")] {
            let r = try Subprocess.run([CLI.binary, "user", "add", login, "--name", login, "--team", team, "--role", "rep", "--password-stdin"],
                                       environment: ["DCHAIN_HOME": home, "DCHAIN_DB": ""], stdin: "pw-\(login)\n")
            #expect(r.status == 0, "\(r)")
        }
        func rep(_ login: String, password: String? = nil) -> CLI {
            CLI(conninfo: "host=127.0.0.1 port=\(port) user=\(login) dbname=dchain",
                environment: ["PGPASSWORD": password ?? "pw-\(login)", "DCHAIN_HOME": home])
        }
        let reps = [("tcp.north", "北区数据局"), ("tcp.south", "南区数据局")]
        for (login, account) in reps {
            try rep(login).ok("account", "add", account, "--kind", "government")
            try rep(login).ok("stakeholder", "add", account, "王局长", "--title", "局长")
        }
        let failures = try await withThrowingTaskGroup(of: [Subprocess.Result].self) { group in
            for (login, account) in reps {
                for worker in 0..<2 {
                    group.addTask {
                        var failed: [Subprocess.Result] = []
                        for i in 0..<10 {
                            let r = try rep(login).run("log", account, "--channel", "call", "--summary", "\(login)-\(worker)-\(i)", "--with", "王局长:1")
                            if r.status != 0 { failed.append(r) }
                        }
                        return failed
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(2))")
        for (login, account) in reps {
            let seen = try #require(try rep(login).json("touchpoints", account) as? [[String: Any]])
            #expect(seen.count == 20)
            #expect(seen.allSatisfy { ($0["summary"] as? String)?.hasPrefix(login + "-") == true })
            let other = reps.first { $0.0 != login }!.1
            #expect(try rep(login).run("touchpoints", other).status == 65)
            let accounts = try #require(try rep(login).json("account", "list") as? [[String: Any]])
            #expect(accounts.map { $0["name"] as? String } == [account])
        }
        // The admin sees both teams: nothing was lost.
        #expect(try (admin.json("touchpoints", "北区数据局") as? [Any])?.count == 20)
        #expect(try (admin.json("touchpoints", "南区数据局") as? [Any])?.count == 20)
        let wrong = try rep("tcp.north", password: "not-it").run("account", "list")
        #expect(wrong.status == 77)
        #expect(wrong.stderr.split(separator: "\n").count == 1 && wrong.stderr.contains("password authentication failed"), "\(wrong)")
        // The superuser never gets in over TCP, with or without a password.
        #expect(try CLI(conninfo: "host=127.0.0.1 port=\(port) user=dchain dbname=dchain").run("account", "list").status == 77)
    }
}
