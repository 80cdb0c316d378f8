import Foundation
import Postgres

/// A database of the test cluster shared by two teams, with a login for each
/// kind of user: a rep on each team, team A's manager, an admin and a
/// trainer. Every account-owned table holds rows of both teams' accounts.
/// Tests connect as these logins (never as the superuser) with `conninfo(as:)`.
public struct TeamFixture: Sendable {
    /// The superuser's conninfo of the database (for setting up only).
    public let conninfo: String
    public let repA: String, repB: String, managerA: String, admin: String, trainer: String
    /// The two teams' account ids and names.
    public let accountA: Int64, accountB: Int64
    public let nameA: String, nameB: String

    /// The conninfo of the same database as `login` (the test cluster trusts its socket).
    public func conninfo(as login: String) -> String { TeamFixture.conninfo(conninfo, as: login) }

    /// `conninfo` with its user replaced.
    public static func conninfo(_ conninfo: String, as login: String) -> String {
        conninfo.split(separator: " ").map { $0.hasPrefix("user=") ? "user=\(login)" : String($0) }.joined(separator: " ")
    }

    /// A dchain login in `group` (rep, manager, trainer, admin), made once per
    /// cluster however many suites ask; returns the database's conninfo as it.
    public static func login(_ name: String, group: String = "admin", in conninfo: String) throws -> String {
        let su = try Connection(conninfo)
        if try su.queryRow("SELECT 1 AS x FROM pg_roles WHERE rolname = $1", [name]) == nil {
            do {
                try su.query("SELECT dchain_login_create($1, NULL, $2)", [name, group])
            } catch let e as PostgresError where e.sqlState == "42710" || e.sqlState == "23505" {}  // made meanwhile
        }
        return Self.conninfo(conninfo, as: name)
    }

    /// Two teams with their logins and one fully populated account each.
    /// Logins are cluster-wide: `hint` keeps them apart between suites.
    public static func make(_ hint: String) throws -> TeamFixture {
        let info = try TestCluster.shared.freshDatabase(hint)
        let p = hint.lowercased().filter { $0.isLetter || $0.isNumber }
        let f = TeamFixture(conninfo: info, repA: "\(p).rep.a", repB: "\(p).rep.b", managerA: "\(p).mgr.a",
                            admin: "\(p).admin", trainer: "\(p).trainer", accountA: 0, accountB: 0,
                            nameA: "北区\(p)客户", nameB: "南区\(p)客户")
        let su = try Connection(info)
        try su.run(script: "INSERT INTO team (name) VALUES ('北区'), ('南区')")
        for (login, group, team) in [(f.repA, "rep", "北区"), (f.repB, "rep", "南区"), (f.managerA, "manager", "北区"),
                                     (f.admin, "admin", nil), (f.trainer, "trainer", nil)] as [(String, String, String?)] {
            try su.query("SELECT dchain_login_create($1, NULL, $2)", [login, group])
            try su.execute("INSERT INTO app_user (login, name, team_id, role) VALUES ($1, $1, (SELECT id FROM team WHERE name = $2), $3)",
                           [login, team, group])
        }
        let a = try populate(su, name: f.nameA, team: "北区", owner: f.repA)
        let b = try populate(su, name: f.nameB, team: "南区", owner: f.repB)
        return TeamFixture(conninfo: info, repA: f.repA, repB: f.repB, managerA: f.managerA, admin: f.admin, trainer: f.trainer,
                           accountA: a, accountB: b, nameA: f.nameA, nameB: f.nameB)
    }

    /// One account with a row in every account-owned table of 0001; returns its id.
    public static func populate(_ c: Connection, name: String, team: String, owner: String) throws -> Int64 {
        let id: Int64 = try c.queryRow("""
            INSERT INTO account (name, kind, team_id, owner_id)
            VALUES ($1, 'government', (SELECT id FROM team WHERE name = $2), (SELECT id FROM app_user WHERE login = $3)) RETURNING id
            """, [name, team, owner])!.decode("id")
        try c.execute("""
            WITH u AS (INSERT INTO unit (account_id, name) VALUES ($1, '信息中心') RETURNING account_id, id),
            s AS (INSERT INTO stakeholder (account_id, name, unit_id, level) SELECT account_id, '王局长', id, 'executive' FROM u RETURNING account_id, id),
            d AS (INSERT INTO deal (account_id, name, pipeline_id, stage_id)
                  SELECT $1, '政务云', p.id, st.id FROM pipeline p JOIN stage st ON st.pipeline_id = p.id
                  WHERE p.key = 'government' AND st.key = 'needs' RETURNING account_id, id, stage_id),
            h AS (INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on) SELECT account_id, id, stage_id, '2026-03-01' FROM d),
            b AS (INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, valid_from)
                  SELECT d.account_id, d.id, s.id, 'EB', '2026-03-01' FROM d, s),
            t AS (INSERT INTO touchpoint (account_id, deal_id, stage_id, at, channel, summary)
                  SELECT account_id, id, stage_id, '2026-03-02 10:00+08', 'visit', '拜访' FROM d RETURNING account_id, id, deal_id),
            pa AS (INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion) SELECT t.account_id, t.id, s.id, 1 FROM t, s),
            pp AS (INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, text, raised_on)
                   SELECT t.account_id, t.id, s.id, t.deal_id, '预算紧', '2026-03-02' FROM t, s)
            INSERT INTO plan_item (account_id, uid, deal_id, stakeholder_id, rule, action, due, priority, why)
            SELECT d.account_id, 'uid-' || d.id, d.id, s.id, 'top-down', '拜访局长', '2026-03-10', 'high', '下楼式' FROM d, s
            """, [id])
        // A survey answer (0013), once the deal's history is there to stage it.
        try c.execute("""
            INSERT INTO survey (account_id, stakeholder_id, deal_id, surveyed_on, kind, score)
            SELECT s.account_id, s.id, d.id, '2026-03-03', 'nps', 9 FROM stakeholder s JOIN deal d ON d.account_id = s.account_id
            WHERE s.account_id = $1
            """, [id])
        return id
    }
}
