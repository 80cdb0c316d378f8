import DecisionChainStore
import Foundation
import Postgres
import Testing
import TestSupport

/// Row-level security as the logins see it: never as a superuser.
@Suite("Teams: row-level security, privileges and the audit")
struct TeamIsolationTests {
    /// One fixture for the suite (its logins are cluster-wide).
    static let fixture = Result { try TeamFixture.make("iso") }
    let f: TeamFixture
    init() throws { f = try Self.fixture.get() }

    /// Every table of the live schema with an account_id column (read as the admin).
    func accountTables() throws -> [String] {
        try Connection(f.conninfo(as: f.admin)).query("""
            SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'account_id'
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY c.relname
            """).map { try $0.decode("relname") }
    }

    func refused(_ c: Connection, _ sql: String, _ params: [any PostgresEncodable] = []) -> String? {
        do { try c.execute(sql, params); return nil } catch let e as PostgresError { return e.sqlState }
        catch { return "\(error)" }
    }

    @Test("a rep sees their team's rows in every account-owned table and none of the other team's")
    func invisible() throws {
        let rep = try Connection(f.conninfo(as: f.repA))
        let tables = try accountTables()
        #expect(tables.count >= 10)
        for t in tables {
            let theirs: Int = try rep.queryRow("SELECT count(*) AS n FROM \(t) WHERE account_id = $1", [f.accountB])!.decode("n")
            #expect(theirs == 0, "\(t): team B's rows visible to team A's rep")
            let all: Int = try rep.queryRow("SELECT count(*) AS n FROM \(t) WHERE account_id <> $1", [f.accountA])!.decode("n")
            #expect(all == 0, "\(t): rows of other accounts visible")
            let su: Int = try Connection(f.conninfo).queryRow("SELECT count(*) AS n FROM \(t) WHERE account_id = $1", [f.accountA])!.decode("n")
            let mine: Int = try rep.queryRow("SELECT count(*) AS n FROM \(t) WHERE account_id = $1", [f.accountA])!.decode("n")
            #expect(mine == su, "\(t): the rep misses own rows")
        }
        let accounts = try rep.query("SELECT name FROM account").map { try $0.decode("name") as String }
        #expect(accounts == [f.nameA])
    }

    @Test("a rep's insert, update and delete of the other team's rows change nothing or are refused")
    func refusedWrites() throws {
        let rep = try Connection(f.conninfo(as: f.repA))
        let su = try Connection(f.conninfo)
        for t in try accountTables() {
            let before: Int = try su.queryRow("SELECT count(*) AS n FROM \(t) WHERE account_id = $1", [f.accountB])!.decode("n")
            let updated = try? rep.execute("UPDATE \(t) SET account_id = account_id WHERE account_id = $1", [f.accountB])
            #expect(updated == nil || updated == 0, "\(t): updated team B's rows")
            let deleted = try? rep.execute("DELETE FROM \(t) WHERE account_id = $1", [f.accountB])
            #expect(deleted == nil || deleted == 0, "\(t): deleted team B's rows")
            // A copy of one of team B's rows (as the superuser reads it) inserted by the rep.
            if let row = try su.queryRow("SELECT to_jsonb(x) AS j FROM \(t) x WHERE account_id = $1 LIMIT 1", [f.accountB]) {
                let json: String = try row.decode("j")
                let state = refused(rep, "INSERT INTO \(t) SELECT * FROM jsonb_populate_record(NULL::\(t), $1::jsonb)", [json])
                #expect(state == "42501", "\(t): insert of a team B row gave \(state ?? "success")")
            }
            let after: Int = try su.queryRow("SELECT count(*) AS n FROM \(t) WHERE account_id = $1", [f.accountB])!.decode("n")
            #expect(after == before, "\(t): team B's rows changed")
        }
        // Moving one's own account to the other team is refused too.
        #expect(refused(rep, "UPDATE account SET team_id = (SELECT id FROM team WHERE name = '南区') WHERE id = $1", [f.accountA]) == "42501")
    }

    @Test("the manager sees the team, the admin sees every team, the trainer no live account")
    func whoSeesWhat() throws {
        func names(_ login: String) throws -> [String] {
            try Connection(f.conninfo(as: login)).query("SELECT name FROM account ORDER BY id").map { try $0.decode("name") }
        }
        #expect(try names(f.managerA) == [f.nameA])
        #expect(try names(f.repB) == [f.nameB])
        #expect(try names(f.admin) == [f.nameA, f.nameB])
        #expect(try names(f.trainer).isEmpty)
        // An account with no team is the admin's until assigned.
        try Connection(f.conninfo(as: f.admin)).execute("INSERT INTO account (name, kind) VALUES ('无主客户', 'soe')")
        #expect(try names(f.admin).contains("无主客户"))
        #expect(try !names(f.repA).contains("无主客户"))
        // A rep's new account is their team's.
        try Connection(f.conninfo(as: f.repB)).execute("INSERT INTO account (name, kind) VALUES ('南区新客户', 'soe')")
        #expect(try names(f.repB).contains("南区新客户"))
        #expect(try !names(f.repA).contains("南区新客户"))
    }

    @Test("the audit names the login, whatever the client sets; logins cannot write the audit")
    func audit() throws {
        let db = try Database.open(.conninfo(f.conninfo(as: f.repA)), actor: "someone-else")
        #expect(db.actor == f.repA)
        try db.connection.query("SELECT set_config('dchain.user', 'someone-else', false)")
        try db.connection.execute("""
            INSERT INTO touchpoint (account_id, at, channel) VALUES ($1, now(), 'call')
            """, [f.accountA])
        let su = try Connection(f.conninfo)
        let audited = try su.query("SELECT actor FROM audit_log WHERE table_name = 'touchpoint' AND account_id = $1 AND op = 'INSERT' ORDER BY id DESC LIMIT 1",
                                   [f.accountA]).map { try $0.decode("actor") as String }
        #expect(audited == [f.repA])
        #expect(refused(db.connection, "INSERT INTO audit_log (actor, table_name, op) VALUES ('x', 'account', 'INSERT')") == "42501")
        #expect(refused(db.connection, "DELETE FROM audit_log") == "42501")
        #expect(refused(db.connection, "ALTER TABLE touchpoint DISABLE ROW LEVEL SECURITY") == "42501")
        // A temporary audit_log does not catch the trigger's writes.
        try db.connection.run(script: "CREATE TEMP TABLE audit_log (LIKE public.audit_log)")
        try db.connection.execute("UPDATE touchpoint SET summary = 'x' WHERE account_id = $1", [f.accountA])
        let temp: Int = try db.connection.queryRow("SELECT count(*) AS n FROM pg_temp.audit_log")!.decode("n")
        #expect(temp == 0)
    }

    @Test("surveys: a rep sees their team's answers only; targets are read by all, set by managers and admins, not reps")
    func metrics() throws {
        let rep = try Connection(f.conninfo(as: f.repA))
        let seen: Int = try rep.queryRow("SELECT count(*) AS n FROM survey")!.decode("n")
        let mine: Int = try Connection(f.conninfo).queryRow("SELECT count(*) AS n FROM survey WHERE account_id = $1", [f.accountA])!.decode("n")
        #expect(seen == mine && mine > 0)
        #expect(refused(rep, "INSERT INTO metric_target (kind, value) VALUES ('nps', 30)") == "42501")
        let manager = try Connection(f.conninfo(as: f.managerA))
        #expect(refused(manager, "INSERT INTO metric_target (kind, value) VALUES ('nps', 30)") == nil)
        #expect(refused(manager, "UPDATE metric_target SET value = 40 WHERE kind = 'nps'") == nil)
        #expect(refused(rep, "UPDATE metric_target SET value = 10") == "42501")
        #expect(refused(rep, "DELETE FROM metric_target") == "42501")
        let admin = try Connection(f.conninfo(as: f.admin))
        #expect(refused(admin, "INSERT INTO metric_target (kind, value) VALUES ('csat', 4)") == nil)
        let targets: Int = try rep.queryRow("SELECT count(*) AS n FROM metric_target")!.decode("n")
        #expect(targets == 2)
        let set: [String] = try Connection(f.conninfo).query("SELECT set_by FROM metric_target ORDER BY id").map { try $0.decode("set_by") }
        #expect(set == [f.managerA, f.admin], "set_by is the login")
        // A rep's survey names the rep as its recorder, whatever the client sends (rolled back: the other tests count rows).
        try rep.execute("BEGIN")
        defer { _ = try? rep.execute("ROLLBACK") }
        try rep.execute("""
            INSERT INTO survey (account_id, stakeholder_id, surveyed_on, kind, score, recorded_by)
            SELECT account_id, id, '2026-03-04', 'csat', 4, 'someone-else' FROM stakeholder WHERE account_id = $1 LIMIT 1
            """, [f.accountA])
        let by: [String] = try rep.query("SELECT recorded_by FROM survey WHERE kind = 'csat'").map { try $0.decode("recorded_by") }
        #expect(by == [f.repA])
    }

    @Test("only an admin creates logins; a rep is refused")
    func loginsNeedAnAdmin() throws {
        let rep = try Connection(f.conninfo(as: f.repA))
        #expect(refused(rep, "SELECT dchain_login_create('isomallory', NULL, 'admin')") == "42501")
        #expect(refused(rep, "INSERT INTO app_user (login, name) VALUES ('isomallory', 'm')") == "42501")
        #expect(refused(rep, "UPDATE app_user SET team_id = (SELECT id FROM team WHERE name = '南区') WHERE login = $1", [f.repA]) == "42501")
        let admin = try Connection(f.conninfo(as: f.admin))
        #expect(refused(admin, "SELECT dchain_login_create('iso.new', NULL, 'rep')") == nil)
        // The narrow path makes dchain logins only: no superuser, no other role's membership.
        #expect(refused(admin, "SELECT dchain_login_set_group('postgres', 'rep')") == "42501")
        #expect(refused(admin, "SELECT dchain_login_enable('dchain', false)") == "42501")
        #expect(refused(admin, "SELECT dchain_login_create('iso.x', NULL, 'superuser')") == "22023")
    }

}

/// What the catalog says about every dchain database and workspace.
@Suite("Teams: the catalog")
struct TeamCatalogTests {
    @Test("row-level security is enabled and forced on every table with account_id, workspaces too; no login bypasses it")
    func catalog() throws {
        let info = try TestCluster.shared.freshDatabase("catalog")
        // A workspace, made as a trainer would: its tables must be covered as well.
        _ = try Database.open(.conninfo(info), workspace: "case-wang", actor: "t")
        let c = try Connection(info)
        let uncovered = try c.query("""
            SELECT n.nspname || '.' || c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped)
                   OR c.relname = 'account')
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """).map { try $0.decode("t") as String }
        #expect(uncovered.isEmpty, "tables without forced row-level security: \(uncovered)")
        let covered: Int = try c.queryRow("""
            SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relrowsecurity AND c.relforcerowsecurity AND n.nspname IN ('public', 'ws_case_wang')
            """)!.decode("n")
        #expect(covered >= 22)
        let unguarded = try c.query("""
            SELECT r.rolname FROM pg_roles r
            WHERE (r.rolsuper OR r.rolbypassrls) AND EXISTS (
                SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                WHERE m.member = r.oid AND g.rolname IN ('dchain_rep', 'dchain_manager', 'dchain_trainer', 'dchain_admin'))
            """).map { try $0.decode("rolname") as String }
        #expect(unguarded.isEmpty, "dchain logins that bypass row-level security: \(unguarded)")
        let owner = try c.queryRow("SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'dchain_owner'")
        #expect(owner?["rolcanlogin"] == "f" && owner?["rolsuper"] == "f" && owner?["rolbypassrls"] == "f")
        let owners = try c.query("""
            SELECT DISTINCT pg_get_userbyid(relowner) AS o FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'S')
            """).map { try $0.decode("o") as String }
        #expect(owners == ["dchain_owner"])
        // Functions too: a SECURITY DEFINER trigger must not run as the superuser who first migrated.
        let functionOwners = try c.query("""
            SELECT p.proname || ' ' || pg_get_userbyid(p.proowner) AS f FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) NOT IN ('dchain_owner', 'dchain_usermgr')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            """).map { try $0.decode("f") as String }
        #expect(functionOwners.isEmpty, "functions owned by another role: \(functionOwners)")
        // Every account-owned table but the audit's carries team_id and is filtered by it (0014, 0015);
        // the login's team is read by a PARALLEL SAFE function, so policies do not make plans serial.
        let lookups = try c.query("""
            SELECT c.relname || ': ' || pg_get_expr(p.polqual, p.polrelid) AS t FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
            WHERE c.relnamespace = 'public'::regnamespace AND p.polname = 'dchain_team'
              AND c.relname NOT IN ('audit_log', 'audit_undo') AND pg_get_expr(p.polqual, p.polrelid) NOT LIKE '%team_id = %'
            """).map { try $0.decode("t") as String }
        #expect(lookups.isEmpty, "policies that look the account up instead of comparing team_id: \(lookups)")
        #expect(try c.queryRow("SELECT proparallel FROM pg_proc WHERE oid = 'public.dchain_my_team'::regproc")?["proparallel"] == "s")
        // A workspace is closed to everyone but trainers (and its trainee).
        let open = try c.query("""
            SELECT r.rolname FROM pg_roles r WHERE has_schema_privilege(r.oid, 'ws_case_wang', 'USAGE')
              AND NOT r.rolsuper AND r.rolname NOT LIKE 'pg\\_%' AND r.rolname <> 'dchain_trainer'
              AND NOT pg_has_role(r.oid, 'dchain_trainer', 'MEMBER')
            """).map { try $0.decode("rolname") as String }
        #expect(open.isEmpty, "roles that may enter a trainee's workspace: \(open)")
    }
}


/// The denormalised team of every account-owned table (0014/0015_team_scope*.sql), in a database of
/// its own (it moves an account between teams, which the isolation suite's counts must not see).
@Suite("Teams: every account-owned row follows its account's team")
struct TeamScopeTests {
    static let fixture = Result { try TeamFixture.make("scope") }
    let f: TeamFixture
    init() throws { f = try Self.fixture.get() }

    func refused(_ c: Connection, _ sql: String, _ params: [any PostgresEncodable] = []) -> String? {
        do { try c.execute(sql, params); return nil } catch let e as PostgresError { return e.sqlState }
        catch { return "\(error)" }
    }

    @Test("rows carry their account's team: set on write whatever the writer sends, moved with the account, not audited as edits")
    func teamScope() throws {
        let su = try Connection(f.conninfo)
        let admin = try Connection(f.conninfo(as: f.admin))
        let rep = try Connection(f.conninfo(as: f.repA))
        let teamA: Int64 = try su.queryRow("SELECT id FROM team WHERE name = '北区'")!.decode("id")
        // A rep naming their own team on a row of team B's account is refused all the same.
        let spoof = refused(rep, """
            INSERT INTO touchpoint (account_id, at, channel, summary, team_id) VALUES ($1, now(), 'call', 'x', $2)
            """, [f.accountB, teamA])
        #expect(spoof == "42501")
        // An account of its own for this test (the others are shared by the suite), moved from team B to A.
        let moving = try TeamFixture.populate(su, name: "移交客户\(f.repA)", team: "南区", owner: f.repB)
        let seen = { (c: Connection) throws -> Int in
            try c.queryRow("""
                SELECT (SELECT count(*) FROM touchpoint WHERE account_id = $1) + (SELECT count(*) FROM participant WHERE account_id = $1) AS n
                """, [moving])!.decode("n")
        }
        #expect(try seen(rep) == 0)
        let audited: Int = try su.queryRow("SELECT count(*) AS n FROM audit_log")!.decode("n")
        #expect(try admin.execute("UPDATE account SET team_id = $1 WHERE id = $2", [teamA, moving]) == 1)
        #expect(try seen(rep) == 2, "the rep of the account's new team sees its touchpoint and participant")
        let stale: Int = try su.queryRow("""
            SELECT (SELECT count(*) FROM touchpoint WHERE account_id = $1 AND team_id IS DISTINCT FROM $2)
                 + (SELECT count(*) FROM participant WHERE account_id = $1 AND team_id IS DISTINCT FROM $2) AS n
            """, [moving, teamA])!.decode("n")
        #expect(stale == 0)
        // Every other account-owned table's rows moved along too.
        let tables = try su.query("""
            SELECT c.relname AS t FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped)
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'team_id' AND NOT a.attisdropped)
            """).map { try $0.decode("t") as String }
        #expect(Set(["stakeholder", "deal", "deal_stage_history", "buying_influence", "pain_point", "plan_item", "survey", "unit"]).isSubset(of: tables))
        var moved = 0
        for t in tables {
            let counts = try su.queryRow("""
                SELECT count(*) AS n, count(*) FILTER (WHERE team_id IS DISTINCT FROM $2) AS stale FROM \(t) WHERE account_id = $1
                """, [moving, teamA])!
            #expect(try counts.decode("stale", as: Int.self) == 0, "\(t)")
            moved += try counts.decode("n", as: Int.self)
        }
        #expect(moved > 2, "the account's stakeholders, deal and the rest moved too")
        let added: [String] = try su.query("SELECT table_name FROM audit_log ORDER BY id OFFSET $1", [audited]).map { try $0.decode("table_name") }
        #expect(added == ["account"], "only the account's change is audited, got \(added)")
        // Unassigned (no team): the admin's alone again.
        #expect(try admin.execute("UPDATE account SET team_id = NULL WHERE id = $1", [moving]) == 1)
        #expect(try seen(rep) == 0)
        #expect(try seen(admin) == 2)
    }
}
