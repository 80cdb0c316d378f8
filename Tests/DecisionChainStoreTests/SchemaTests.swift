import DecisionChain
import DecisionChainSchema
import DecisionChainStore
import Foundation
import Postgres
import Testing
import TestSupport

@Suite("Schema, migrations and audit")
struct SchemaTests {
    @Test("migrating twice applies each migration once; the second run changes nothing")
    func migrateTwice() throws {
        let conn = try Connection(try TestCluster.shared.emptyDatabase("mig"))
        let first = try Migrator.migrate(conn)
        #expect(first == SchemaMigrations.all.map(\.version))
        #expect(try Migrator.migrate(conn).isEmpty)
        #expect(try Migrator.currentVersion(conn) == Migrator.latestVersion)
        #expect(try conn.queryRow("SELECT count(*) AS c FROM schema_migrations")?.decode("c", as: Int.self) == SchemaMigrations.all.count)
    }

    @Test("two migrators at once: both succeed and each migration is applied once")
    func concurrentMigrate() async throws {
        let info = try TestCluster.shared.emptyDatabase("migrace")
        let results = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<2 { group.addTask { try Migrator.migrate(try Connection(info)) } }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(results.flatMap { $0 }.sorted() == SchemaMigrations.all.map(\.version))
        let conn = try Connection(info)
        #expect(try conn.queryRow("SELECT count(*) AS c FROM schema_migrations")?.decode("c", as: Int.self) == SchemaMigrations.all.count)
        #expect(try conn.queryRow("SELECT count(*) AS c FROM pipeline")?.decode("c", as: Int.self) == 2)
    }

    @Test("a database first migrated by a superuser is upgraded by a member of dchain_owner who is not one; a fresh one's functions are all dchain_owner's")
    func upgradeAsOwner() throws {
        // Version 14 as a superuser made it (what a cluster of the previous release holds).
        let info = try TestCluster.shared.emptyDatabase("upgrade")
        let su = try Connection(info)
        try su.run(script: "CREATE TABLE schema_migrations (version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        for m in SchemaMigrations.all where m.version <= 14 {
            try su.run(script: m.sql)
            try su.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, md5($3))", [m.version, m.name, m.sql])
        }
        try su.query("SELECT dchain_secure_schema()")
        try su.run(script: """
            INSERT INTO team (name) VALUES ('升级组');
            INSERT INTO account (name, kind, team_id) VALUES ('升级客户', 'government', (SELECT id FROM team WHERE name = '升级组'));
            INSERT INTO stakeholder (account_id, name) SELECT id, '王局长' FROM account WHERE name = '升级客户';
            """)
        // Upgraded by a login that may act as dchain_owner and nothing more.
        let dba = try TeamFixture.login("upgrade.dba", group: "admin", in: info)
        try su.run(script: "GRANT dchain_owner TO \"upgrade.dba\"")
        let applied = try Migrator.migrate(try Connection(dba))
        #expect(applied == SchemaMigrations.all.filter { $0.version > 14 }.map(\.version))
        #expect(try su.queryRow("""
            SELECT count(*) AS n FROM stakeholder s JOIN account a ON a.id = s.account_id WHERE s.team_id = a.team_id
            """)?.decode("n", as: Int.self) == 1, "the existing stakeholder carries its account's team")
        // A fresh database: every function is dchain_owner's (or the user manager's), none the superuser's.
        let fresh = try Connection(try TestCluster.shared.emptyDatabase("fresh"))
        try Migrator.migrate(fresh)
        let others = try fresh.query("""
            SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
              AND pg_get_userbyid(proowner) NOT IN ('dchain_owner', 'dchain_usermgr')
            """).map { try $0.decode("proname") as String }
        #expect(others.isEmpty, "\(others)")
    }

    @Test("an applied migration that was changed is refused")
    func changedMigration() throws {
        let conn = try Connection(try TestCluster.shared.freshDatabase("tamper"))
        try conn.execute("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1")
        #expect(throws: StoreError.self) { try Migrator.migrate(conn) }
    }

    @Test("every account-owned table has account_id NOT NULL, first in its primary key")
    func accountOwned() throws {
        let conn = try Connection(try TestCluster.shared.freshDatabase("owned"))
        let owned = ["unit", "stakeholder", "deal", "deal_stage_history", "buying_influence", "touchpoint", "participant", "pain_point", "plan_item"]
        for table in owned {
            let nullable = try conn.queryRow("""
                SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'account_id'
                """, [table])?.decode("is_nullable", as: String.self)
            #expect(nullable == "NO", "\(table).account_id")
            let firstKey = try conn.queryRow("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = $1::regclass AND i.indisprimary
                """, [table])?.decode("attname", as: String.self)
            #expect(firstKey == "account_id", "\(table) primary key")
        }
    }

    @Test("both pipelines ship with their stages in English and Chinese")
    func pipelines() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("pipes")), actor: "test")
        let all = try PipelineStore(db).all()
        #expect(all.map(\.key) == ["government", "enterprise"])
        #expect(all[0].stages.map(\.key) == ["needs", "approval", "intention", "specification", "tender-notice", "bidding",
                                             "evaluation", "award", "contract", "implementation", "operation"])
        #expect(all[0].stage("contract")?.nameZH == "合同谈判")
        #expect(all[1].stages.map(\.key) == ["discovery", "solution", "proposal", "negotiation", "contract", "onboarding", "adoption", "renewal"])
        #expect(all[1].stage("solution")?.nameZH == "方案与演示")
        #expect(all.allSatisfy { $0.stages.allSatisfy { $0.expectedDays > 0 } })
    }

    @Test("the audit log records insert, update and delete with who (the login, not what the client claims) and when")
    func audit() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("audit")), actor: "auditor.li")
        let login = db.connection.user
        #expect(db.actor == login && login != "auditor.li")
        let a = try AccountStore(db).add(.init(name: "审计局", kind: .government))
        _ = try AccountStore(db).edit(a.id, .init(region: "North"))
        try db.connection.execute("DELETE FROM account WHERE id = $1", [a.id])
        let rows = try db.connection.query("SELECT actor, op, at, before ->> 'region' AS old, after ->> 'region' AS new FROM audit_log WHERE table_name = 'account' AND account_id = $1 ORDER BY id", [a.id])
        #expect(rows.map { $0["op"] ?? nil } == ["INSERT", "UPDATE", "DELETE"])
        #expect(rows.allSatisfy { $0["actor"] == login && $0["at"] != nil })
        #expect(rows[1]["new"] == "North")
        #expect(rows[2]["old"] == "North")
    }

    @Test("constraints hold the domain rules even when the CLI is bypassed", arguments: [
        "INSERT INTO account (name, kind) VALUES ('x', 'city')",
        "INSERT INTO account (name, kind) VALUES ('  ', 'government')",
        "INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion) VALUES (1, 1, 1, 4)",
        "INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, valid_from) VALUES (1, 1, 1, 'CEO', now())",
        "INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, rating, valid_from) VALUES (1, 1, 1, 'EB', 6, now())",
    ])
    func constraints(_ sql: String) throws {
        let conn = try Connection(try TestCluster.shared.freshDatabase("checks"))
        do {
            try conn.execute(sql)
            Issue.record("accepted: \(sql)")
        } catch let e as PostgresError {
            #expect(e.sqlState == "23514", "\(e)")
        }
    }

    @Test("a workspace is its own schema: its data never shows in the live data")
    func workspaces() throws {
        let info = try TestCluster.shared.freshDatabase("ws")
        let live = try Database.open(.conninfo(info), actor: "t")
        let alice = try Database.open(.conninfo(info), workspace: "alice", actor: "t")
        #expect(alice.schema == "ws_alice")
        _ = try AccountStore(alice).add(.init(name: "练习客户", kind: .soe))
        #expect(try AccountStore(alice).list().count == 1)
        #expect(try AccountStore(live).list().isEmpty)
        #expect(try AccountStore(Database.open(.conninfo(info), workspace: "bob", actor: "t")).list().isEmpty)
        #expect(throws: StoreError.self) { try Database.open(.conninfo(info), workspace: "bad name!", actor: "t") }
    }
}

@Suite("Connecting while the command line is parsed")
struct EarlyConnectionTests {
    @Test("a head start is handed over for the same server, schema and actor, with the session set up")
    func claimed() throws {
        let info = try TestCluster.shared.freshDatabase("early")
        let early = EarlyConnection()
        early.start(.conninfo(info), workspace: nil, actor: "rep.王")
        let opened = try #require(early.claim(conninfo: info, schema: "public", actor: "rep.王"))
        #expect(opened.version == .some(Migrator.latestVersion))
        let row = try #require(try opened.connection.queryRow(
            "SELECT current_setting('dchain.user') AS u, current_setting('search_path') AS p"))
        #expect(row["u"] == "rep.王")
        #expect(row["p"] == "\"public\"")
        #expect(early.claim(conninfo: info, schema: "public", actor: "rep.王") == nil, "handed over once")
    }

    @Test("another schema or actor, a schema never migrated, or no server: no head start")
    func refused() throws {
        let info = try TestCluster.shared.freshDatabase("early")
        let early = EarlyConnection()
        early.start(.conninfo(info), workspace: "alice", actor: "rep")
        #expect(early.claim(conninfo: info, schema: "public", actor: "rep") == nil)

        let fresh = EarlyConnection()
        fresh.start(.conninfo(info), workspace: "bob", actor: "rep")
        let opened = try #require(fresh.claim(conninfo: info, schema: "ws_bob", actor: "rep"))
        let version = try #require(opened.version, "the version was read")
        #expect(version == nil, "ws_bob was never migrated")

        let nowhere = EarlyConnection()
        let bad = "host=/tmp/no-such-dir-dchain port=5999 dbname=x connect_timeout=2"
        nowhere.start(.conninfo(bad), workspace: nil, actor: "rep")
        #expect(nowhere.claim(conninfo: bad, schema: "public", actor: "rep") == nil)
        nowhere.discard()
    }
}

@Suite("Checking the schema in a command's first query")
struct FirstQueryTests {
    @Test("a migration numbered below the newest but never applied (a gap) counts as behind, whatever max(version) says")
    func gap() throws {
        let info = try TestCluster.shared.freshDatabase("gap")
        let su = try Connection(info)
        let read = { () throws -> Int? in try su.queryRow("SELECT \(Database.versionColumn) AS v")!.decodeIfPresent("v") }
        #expect(try read() == Migrator.latestVersion)
        let middle = Migrator.versions[Migrator.versions.count / 2]
        try su.execute("DELETE FROM schema_migrations WHERE version = $1", [middle])
        #expect(try Migrator.currentVersion(su) == Migrator.latestVersion, "max(version) alone would miss the gap")
        #expect(try read() == nil)
    }

    @Test("a schema never migrated makes the first query fail once: migrate, run it again")
    func missing() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.emptyDatabase("firstq")), actor: "t", check: .inFirstQuery)
        var calls = 0
        let n: Int = try db.firstQuery {
            calls += 1
            let row = try db.connection.queryRow("SELECT count(*) AS n, \(Database.versionColumn) AS v FROM pipeline")
            return (try row!.decode("n"), try row!.decodeIfPresent("v"))
        }
        #expect(calls == 2)
        #expect(n == 2, "the seeded pipelines are there after the migration")
        #expect(try db.schemaVersion() == Migrator.latestVersion)
    }

    @Test("a version behind makes it migrate and run the query again; a current one runs it once")
    func behindAndCurrent() throws {
        let db = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("firstq")), actor: "t", check: .inFirstQuery)
        var calls = 0
        _ = try db.firstQuery { () -> (value: Int, version: Int?) in
            calls += 1
            return (calls, calls == 1 ? Migrator.latestVersion - 1 : Migrator.latestVersion)
        }
        #expect(calls == 2)
        let current = try Database.open(.conninfo(try TestCluster.shared.freshDatabase("firstq")), actor: "t", check: .inFirstQuery)
        calls = 0
        _ = try current.firstQuery { () -> (value: Int, version: Int?) in calls += 1; return (1, Migrator.latestVersion) }
        _ = try current.firstQuery { () -> (value: Int, version: Int?) in calls += 1; return (1, nil) }
        #expect(calls == 2, "checked once; later queries just run")
    }
}
