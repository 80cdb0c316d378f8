import DecisionChain
import DecisionChainStore
import Foundation
import Postgres
import Testing
import TestSupport

/// dchain's export format against the real schema: every column is exported
/// or left out on purpose, every key is documented, and the JSON import puts
/// back what export read (ids kept in an empty database, new ids elsewhere).
@Suite("Export format and JSON import")
struct ExportStoreTests {
    /// Every column of every account-owned table (and of account) is in
    /// `ExportFormat` or its table is named in `ExportFormat.excluded`.
    @Test("every column of every account-owned table is exported, or its table is left out with a reason")
    func coverage() throws {
        let c = try Connection(try TestCluster.shared.freshDatabase("exportcov"))
        let rows = try c.query("""
            SELECT c.relname AS t, a.attname AS col FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
              AND (c.relname = 'account' OR EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'account_id'))
            ORDER BY 1, 2
            """)
        let entities = [ExportFormat.account] + ExportFormat.entities
        var missing: [String] = []
        for r in rows {
            let table: String = try r.decode("t"), column: String = try r.decode("col")
            if ExportFormat.excluded[table] != nil || ExportFormat.excludedColumns["\(table).\(column)"] != nil
                || ExportFormat.isDerived(table: table, column: column) { continue }
            guard let e = entities.first(where: { $0.table == table }) else { missing.append(table); continue }
            if !e.fields.contains(where: { $0.column == column }) { missing.append("\(table).\(column)") }
        }
        #expect(missing.isEmpty, "not exported and not excluded (add to ExportFormat and docs/export-format.md): \(Set(missing).sorted())")
    }

    @Test("docs/export-format.md names every entity and every key")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/export-format.md"), encoding: .utf8)
        for e in [ExportFormat.account] + ExportFormat.entities {
            #expect(doc.contains("### `\(e.key)` (table `\(e.table)`)"), "\(e.key)")
            let section = doc.components(separatedBy: "### `\(e.key)`").dropFirst().first?.components(separatedBy: "\n### ").first ?? ""
            for f in e.fields { #expect(section.contains("| `\(f.key)` |"), "\(e.key).\(f.key)") }
        }
    }

    /// A small account with a row in every table, through SQL.
    func populate(_ c: Connection, name: String) throws {
        try c.execute("INSERT INTO account (name, kind, code, region) VALUES ($1, 'soe', $1 || '-code', '华北')", [name])
        try c.execute("""
            WITH a AS (SELECT id FROM account WHERE name = $1),
            u1 AS (INSERT INTO unit (account_id, name) SELECT id, '总部' FROM a RETURNING account_id, id),
            u2 AS (INSERT INTO unit (account_id, name, parent_id) SELECT account_id, '信息部', id FROM u1 RETURNING account_id, id),
            boss AS (INSERT INTO stakeholder (account_id, name, unit_id, level) SELECT account_id, '赵总', id, 'executive' FROM u1 RETURNING account_id, id),
            d AS (INSERT INTO deal (account_id, name, pipeline_id, stage_id, amount)
                  SELECT a.id, 'ERP', p.id, s.id, 1234567.89 FROM a, pipeline p JOIN stage s ON s.pipeline_id = p.id
                  WHERE p.key = 'enterprise' AND s.key = 'proposal' RETURNING account_id, id, stage_id)
            INSERT INTO stakeholder (account_id, name, unit_id, reports_to, level)
            SELECT u2.account_id, '钱经理', u2.id, boss.id, 'manager' FROM u2, boss
            """, [name])
        try c.execute("""
            WITH a AS (SELECT id FROM account WHERE name = $1), d AS (SELECT account_id, id, stage_id FROM deal WHERE account_id = (SELECT id FROM a)),
            s AS (SELECT account_id, id FROM stakeholder WHERE account_id = (SELECT id FROM a) AND name = '钱经理'),
            h AS (INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on) SELECT account_id, id, stage_id, '2026-02-01' FROM d),
            b AS (INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, stance, rating, valid_from, valid_to)
                  SELECT d.account_id, d.id, s.id, 'TB', 'skeptic', -2, '2026-02-01', '2026-02-10' FROM d, s),
            b2 AS (INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, stance, rating, valid_from)
                  SELECT d.account_id, d.id, s.id, 'TB', 'neutral', 0, '2026-02-10' FROM d, s)
            SELECT 1
            """, [name])
        // A statement of its own: the touchpoint takes its stage from the history above.
        try c.execute("""
            WITH a AS (SELECT id FROM account WHERE name = $1), d AS (SELECT account_id, id, stage_id FROM deal WHERE account_id = (SELECT id FROM a)),
            s AS (SELECT account_id, id FROM stakeholder WHERE account_id = (SELECT id FROM a) AND name = '钱经理'),
            t AS (INSERT INTO touchpoint (account_id, deal_id, at, channel, summary)
                  SELECT account_id, id, '2026-02-05 10:00+08', 'meeting', E'需求会\\n"两行"' FROM d RETURNING account_id, id, deal_id),
            pa AS (INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, quote) SELECT t.account_id, t.id, s.id, -1, '=SUM(1)' FROM t, s),
            pp AS (INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, text, raised_on)
                   SELECT t.account_id, t.id, s.id, t.deal_id, '上线太慢', '2026-02-05' FROM t, s)
            INSERT INTO plan_item (account_id, uid, deal_id, stakeholder_id, rule, action, due, priority, why)
            SELECT d.account_id, 'uid-x', d.id, s.id, 'r', '拜访', '2026-03-01', 'high', 'because' FROM d, s
            """, [name])
    }

    func export(_ info: String) throws -> [ExportedAccount] {
        var out: [ExportedAccount] = []
        try ExportStore(try Database.open(.conninfo(info), actor: "t")).each(accountIDs: nil) { out.append($0) }
        return out
    }

    @Test("import into an empty database keeps the ids and every value; importing again changes nothing")
    func roundTrip() throws {
        let src = try TestCluster.shared.freshDatabase("expsrc")
        try populate(try Connection(src), name: "中化")
        let exported = try export(src)
        #expect(exported.count == 1)
        #expect(exported[0].rows["participants"]?.first?["quote"] == "=SUM(1)")
        #expect(exported[0].rows["deals"]?.first?["amount"] == "1234567.89")

        let dst = try TestCluster.shared.freshDatabase("expdst")
        let db = try Database.open(.conninfo(dst), actor: "t")
        let first = try JSONImport(db).run(exported)
        #expect(first.added == 13 && first.changed == 0 && first.unchanged == 0, "\(first)")
        let back = try export(dst)
        #expect(back.map(\.account) == exported.map(\.account))
        for e in ExportFormat.entities { #expect(back[0].rows[e.key] == exported[0].rows[e.key], "\(e.key)") }
        let again = try JSONImport(db).run(exported)
        #expect(again.summary == "0 added, 0 changed, 13 unchanged")
        // A new row after the import takes an id past the imported ones.
        let next: Int64 = try db.connection.queryRow("INSERT INTO unit (account_id, name) SELECT id, '新部门' FROM account RETURNING id")!.decode("id")
        #expect(next > (exported[0].rows["units"]!.compactMap { Int64($0["id"]!) }.max()!))
    }

    @Test("into a database whose ids are taken, rows get new ids and the references follow; a changed row is updated")
    func renumbered() throws {
        let src = try TestCluster.shared.freshDatabase("expsrc2")
        try populate(try Connection(src), name: "中化")
        let exported = try export(src)
        let dst = try TestCluster.shared.freshDatabase("expdst2")
        try populate(try Connection(dst), name: "中粮")   // takes ids 1, 2, …
        let db = try Database.open(.conninfo(dst), actor: "t")
        #expect(try JSONImport(db).run(exported).added == 13)
        let back = try export(dst).first { $0.account["name"] == "中化" }!
        #expect(back.account["id"] != exported[0].account["id"])
        let boss = back.rows["stakeholders"]!.first { $0["name"] == "赵总" }!
        let manager = back.rows["stakeholders"]!.first { $0["name"] == "钱经理" }!
        #expect(manager["reports_to"] == boss["id"])
        #expect(back.rows["participants"]?.first?["stakeholder_id"] == manager["id"])

        var edited = exported
        edited[0].rows["deals"]![0]["amount"] = "2000000.00"
        let counts = try JSONImport(db).run(edited)
        #expect(counts.summary == "0 added, 1 changed, 12 unchanged", "\(counts)")
        #expect(try SQL(dst).int("SELECT amount::int FROM deal WHERE name = 'ERP' AND account_id = (SELECT id FROM account WHERE name = '中化')") == 2_000_000)
        #expect(try SQL(dst).int("SELECT count(*) FROM audit_log WHERE table_name = 'deal' AND op = 'UPDATE'") == 1)
    }

    @Test("a bad row anywhere: nothing is written, the error names the JSON path")
    func allOrNothing() throws {
        let src = try TestCluster.shared.freshDatabase("expsrc3")
        try populate(try Connection(src), name: "中化")
        let dst = try TestCluster.shared.freshDatabase("expdst3")
        var bad = try export(src)
        bad[0].rows["touchpoints"]![0]["channel"] = "carrier-pigeon"
        #expect(throws: (any Error).self) { try JSONImport(try Database.open(.conninfo(dst), actor: "t")).run(bad) }
        #expect(try SQL(dst).int("SELECT count(*) FROM account") == 0)
        let text = #"{"format": "dchain-export", "version": 1, "accounts": [{"account": {"id": 1, "name": "x", "kind": "soe", "colour": "red"}}]}"#
        let e = #expect(throws: InputError.self) { try ExportDocument.parse(Data(text.utf8), file: "f.json") }
        #expect(e?.field == "f.json: $.accounts[0].account" && e?.value == "colour", "\(String(describing: e))")
    }
}
