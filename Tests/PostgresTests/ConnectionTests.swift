import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Postgres client against a real server")
struct ConnectionTests {
    let conn: Connection

    init() throws {
        conn = try Connection(try TestCluster.shared.emptyDatabase("pg"))
        try conn.run(script: "CREATE TABLE IF NOT EXISTS t (id serial PRIMARY KEY, name text UNIQUE, n numeric, d date, ts timestamptz, b bool)")
    }

    @Test("text round-trips exactly through bound parameters", arguments: [
        "Robert'); DROP TABLE account;--", "王局长 🎉👍🏽", "tab\there\nnewline \\ backslash", "", "NULL", "$1 'quoted' \"double\"",
    ])
    func roundTrip(_ text: String) throws {
        let row = try #require(try conn.queryRow("SELECT $1::text AS v, length($1::text) AS n", [text]))
        #expect(try row.decode("v", as: String.self) == text)
        #expect(try row.decode("n", as: Int.self) == text.unicodeScalars.count)
        // And through a table: the injection attempt is just a name.
        try conn.execute("INSERT INTO t (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", [text])
        #expect(try conn.queryRow("SELECT count(*) AS c FROM t WHERE name = $1", [text])?.decode("c", as: Int.self) == 1)
        #expect(try conn.queryRow("SELECT to_regclass('t') IS NOT NULL AS e")?.decode("e", as: Bool.self) == true)
    }

    @Test("rows decode into typed values, NULL into nil")
    func decoding() throws {
        let row = try #require(try conn.queryRow("""
            SELECT 42::int AS i, 9007199254740993::bigint AS big, 1234567.89::numeric AS dec, true AS yes,
                   DATE '2026-02-28' AS d, TIMESTAMPTZ '2026-05-06 09:30:00+08' AS ts, NULL::text AS nothing, 2.5::float8 AS f
            """))
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("big", as: Int64.self) == 9_007_199_254_740_993)
        #expect(try row.decode("dec", as: Decimal.self) == Decimal(string: "1234567.89"))
        #expect(try row.decode("yes", as: Bool.self))
        #expect(try row.decode("d", as: PostgresDate.self) == PostgresDate(year: 2026, month: 2, day: 28))
        #expect(try row.decode("ts", as: Date.self) == Date(timeIntervalSince1970: 1_778_031_000))
        #expect(try row.decodeIfPresent("nothing", as: String.self) == nil)
        #expect(try row.decode("f", as: Double.self) == 2.5)
        #expect(throws: PostgresError.self) { try row.decode("nothing", as: String.self) }
        #expect(throws: PostgresError.self) { try row.decode("d", as: Int.self) }
    }

    @Test("a transaction commits when its body returns")
    func commit() throws {
        try conn.transaction { c in try c.execute("INSERT INTO t (name) VALUES ('committed')") }
        #expect(try conn.queryRow("SELECT count(*) AS c FROM t WHERE name = 'committed'")?.decode("c", as: Int.self) == 1)
    }

    @Test("a transaction rolls back when its body throws, and the error is the body's")
    func rollback() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try conn.transaction { c in
                try c.execute("INSERT INTO t (name) VALUES ('rolled back')")
                throw Boom()
            }
        }
        #expect(try conn.queryRow("SELECT count(*) AS c FROM t WHERE name = 'rolled back'")?.decode("c", as: Int.self) == 0)
        // The connection is usable afterwards (not stuck in an aborted transaction).
        #expect(try conn.queryRow("SELECT 1 AS one")?.decode("one", as: Int.self) == 1)
    }

    @Test("server errors carry SQLSTATE, message, detail and hint")
    func serverError() throws {
        try conn.execute("INSERT INTO t (name) VALUES ('dup') ON CONFLICT DO NOTHING")
        do {
            try conn.execute("INSERT INTO t (name) VALUES ($1)", ["dup"])
            Issue.record("expected a unique violation")
        } catch let PostgresError.server(e) {
            #expect(e.sqlState == "23505")
            #expect(e.isIntegrityViolation)
            #expect(e.detail?.contains("dup") == true)
            #expect(e.constraint == "t_name_key")
        }
        do {
            try conn.run(script: "DO $$ BEGIN RAISE EXCEPTION 'custom' USING DETAIL = 'the detail', HINT = 'the hint', ERRCODE = 'P0042'; END $$")
            Issue.record("expected an error")
        } catch let PostgresError.server(e) {
            #expect(e.sqlState == "P0042")
            #expect(e.message == "custom")
            #expect(e.detail == "the detail")
            #expect(e.hint == "the hint")
            #expect(e.description == "custom (the detail); hint: the hint")
        }
    }

    @Test("COPY FROM STDIN loads tabs, newlines, backslashes and NULLs intact")
    func copy() throws {
        try conn.run(script: "CREATE TABLE IF NOT EXISTS c (a text, b int)")
        let rows: [[String?]] = [["plain", "1"], ["tab\tand\nnewline\\", "2"], [nil, nil], ["市数据局", "4"]]
        #expect(try conn.copy("COPY c (a, b) FROM STDIN", rows: rows) == 4)
        let back = try conn.query("SELECT a, b FROM c ORDER BY b NULLS LAST")
        #expect(back.map { $0["a"] ?? nil } == ["plain", "tab\tand\nnewline\\", "市数据局", nil])
    }

    @Test("a COPY the server rejects throws and leaves nothing")
    func copyFailure() throws {
        try conn.run(script: "CREATE TABLE IF NOT EXISTS cf (b int NOT NULL)")
        #expect(throws: PostgresError.self) { try conn.copy("COPY cf (b) FROM STDIN", rows: [["1"], [nil]]) }
        #expect(try conn.queryRow("SELECT count(*) AS c FROM cf")?.decode("c", as: Int.self) == 0)
    }

    @Test("copyIn writes text, integers and arrays byte-exact, whatever they contain")
    func copyInArrays() throws {
        try conn.run(script: "CREATE TABLE IF NOT EXISTS ca (k int, s text, n bigint, texts text[], ints bigint[])")
        let nasty: [String?] = ["a,b", "{braces}", "say \"hi\"", "back\\slash", "tab\tnew\nline", "", "NULL", nil, "王局长 🎉"]
        let n = try conn.copyIn("COPY ca (k, s, n, texts, ints) FROM STDIN") { w in
            w.field(1 as Int?); w.field("\\N is not null\t\r\n"); w.field(Int64.min as Int64?); w.field(array: nasty)
            w.field(array: [0, -7, nil, Int64.max] as [Int64?]); try w.endRow()
            w.field(2 as Int?); w.field(nil as String?); w.field(nil as Int64?); w.field(array: nil as [String?]?)
            w.field(array: [] as [Int64?]); try w.endRow()
        }
        #expect(n == 2)
        let first = try #require(try conn.queryRow("""
            SELECT s, n, array_length(texts, 1) AS len, ints::text AS ints FROM ca WHERE k = 1
            """))
        #expect(try first.decode("s", as: String.self) == "\\N is not null\t\r\n")
        #expect(try first.decode("n", as: Int64.self) == Int64.min)
        #expect(try first.decode("len", as: Int.self) == nasty.count)
        #expect(try first.decode("ints", as: String.self) == "{0,-7,NULL,9223372036854775807}")
        let elements = try conn.query("SELECT e FROM ca, unnest(texts) WITH ORDINALITY AS u(e, i) WHERE k = 1 ORDER BY i")
        #expect(elements.map { $0["e"] ?? nil } == nasty)
        let second = try #require(try conn.queryRow("SELECT s IS NULL AND n IS NULL AND texts IS NULL AS nulls, cardinality(ints) AS c FROM ca WHERE k = 2"))
        #expect(try second.decode("nulls", as: Bool.self))
        #expect(try second.decode("c", as: Int.self) == 0)
    }

    @Test("an error thrown while writing a COPY aborts it: nothing lands, the error comes back, the connection goes on")
    func copyInAborted() throws {
        struct Stop: Error {}
        try conn.run(script: "CREATE TABLE IF NOT EXISTS cb (k int)")
        #expect(throws: Stop.self) {
            try conn.copyIn("COPY cb (k) FROM STDIN") { w in
                for i in 0..<100_000 { w.field(i as Int?); try w.endRow() }  // several buffers already sent
                throw Stop()
            }
        }
        #expect(try conn.queryRow("SELECT count(*) AS c FROM cb")?.decode("c", as: Int.self) == 0)
    }

    @Test("identifiers that must be spliced are quoted")
    func identifiers() throws {
        #expect(try conn.escapeIdentifier("ws_alice") == "\"ws_alice\"")
        #expect(try conn.escapeIdentifier("a\"; DROP TABLE t; --") == "\"a\"\"; DROP TABLE t; --\"")
    }

    @Test("session settings arrive with the connection, after the conninfo's own options")
    func sessionSettings() throws {
        let info = try TestCluster.shared.emptyDatabase("pg") + " options='-c work_mem=5MB -c search_path=early'"
        let c = try Connection(info, settings: [("search_path", Connection.quoteIdentifier("ws a\"b")),
                                                ("dchain.user", "张 三\\x"), ("TimeZone", "Asia/Shanghai")])
        let row = try #require(try c.queryRow("""
            SELECT current_setting('work_mem') AS wm, current_setting('search_path') AS sp,
                   current_setting('dchain.user') AS u, current_setting('TimeZone') AS tz
            """))
        #expect(row["wm"] == "5MB")
        #expect(row["sp"] == "\"ws a\"\"b\"")
        #expect(row["u"] == "张 三\\x")
        #expect(row["tz"] == "Asia/Shanghai")
        #expect(Connection.options(of: "postgresql://h/db?options=-c%20a.b%3D1") == "-c a.b=1")
    }

    @Test("a pending connection finishes into a working one, with its session settings")
    func pending() throws {
        let info = try TestCluster.shared.emptyDatabase("pg")
        let pending = PendingConnection(info, settings: [("dchain.user", "rep 王")])
        let c = try pending.finish()
        #expect(try c.queryRow("SELECT current_setting('dchain.user') AS u")?["u"] == "rep 王")
    }

    @Test("a pending connection to no server, or to one that never answers, fails in one line")
    func pendingFailures() throws {
        #expect(throws: PostgresError.self) {
            _ = try PendingConnection("host=/tmp/no-such-dir-dchain port=5999 dbname=x").finish()
        }
        // A socket that accepts connections but never speaks: connect_timeout (2 s, libpq's minimum) applies.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try #require(withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &length) == 0 }
        })
        let port = UInt16(bigEndian: addr.sin_port)
        do {
            _ = try PendingConnection("host=127.0.0.1 port=\(port) dbname=x connect_timeout=2 sslmode=disable").finish()
            Issue.record("expected a timeout")
        } catch let PostgresError.connectionFailed(server, reason) {
            #expect(reason == "timeout expired")
            #expect(server.contains("127.0.0.1"))
        }
    }

    @Test("an unreachable server is one line naming the server")
    func unreachable() {
        do {
            _ = try Connection("host=/tmp/no-such-dir-dchain port=5999 dbname=x connect_timeout=2")
            Issue.record("expected a connection failure")
        } catch let PostgresError.connectionFailed(server, reason) {
            #expect(server.contains("/tmp/no-such-dir-dchain"))
            #expect(!reason.contains("\n"))
            #expect(!"\(PostgresError.connectionFailed(server: server, reason: reason))".contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a URL conninfo works like a keyword one, and passwords are not shown")
    func urlAndRedaction() {
        do {
            _ = try Connection("postgresql://bob:secret@127.0.0.1:1/db?connect_timeout=2")
            Issue.record("expected a connection failure")
        } catch {
            #expect(!"\(error)".contains("secret"))
            #expect("\(error)".contains("127.0.0.1"))
        }
    }
}

@Suite("Array parameters")
struct ArrayParameterTests {
    @Test("text arrays with quotes, backslashes, commas, braces and NULLs round-trip through unnest")
    func arrays() throws {
        let conn = try Connection(try TestCluster.shared.emptyDatabase("arr"))
        let values: [String?] = ["plain", "a \"quoted\" word", "back\\slash", "comma, {brace}", nil, "", "NULL", "王局长 👍"]
        let rows = try conn.query("SELECT u FROM unnest($1::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n", [PostgresArray(values)])
        #expect(rows.map { $0["u"] ?? nil } == values)
        let ints = try conn.queryRow("SELECT sum(x) AS s FROM unnest($1::bigint[]) AS x", [PostgresArray([Int64(1), Int64(2), Int64(39)])])
        #expect(try ints?.decode("s", as: Int.self) == 42)
    }
}

@Suite("Nested transactions")
struct NestedTransactionTests {
    @Test("an inner transaction is a savepoint: the outer rollback undoes it, an inner failure undoes only itself")
    func nested() throws {
        let conn = try Connection(try TestCluster.shared.emptyDatabase("nest"))
        try conn.run(script: "CREATE TABLE n (v text)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try conn.transaction { c in
                try c.transaction { c in try c.execute("INSERT INTO n VALUES ('inner')") }
                throw Boom()
            }
        }
        #expect(try conn.queryRow("SELECT count(*) AS c FROM n")?.decode("c", as: Int.self) == 0)
        try conn.transaction { c in
            try c.execute("INSERT INTO n VALUES ('outer')")
            _ = try? c.transaction { c in
                try c.execute("INSERT INTO n VALUES ('doomed')")
                throw Boom()
            }
        }
        #expect(try conn.query("SELECT v FROM n").map { $0["v"] ?? nil } == ["outer"])
    }
}
