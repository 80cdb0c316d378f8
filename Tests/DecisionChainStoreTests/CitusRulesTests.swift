import Foundation
import Postgres
import Testing
import TestSupport

/// What Citus requires of a schema distributed by account_id, checked on
/// plain PostgreSQL (Citus is not packaged here): see docs/scaling.md.
@Suite("Scale-out: the schema distributes by account_id")
struct CitusRulesTests {
    static let distributeSQL: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Schema/citus/distribute.sql"), encoding: .utf8)) ?? ""
    }()

    /// Table names in `distribute.sql`'s calls of `function('name'`.
    static func tables(calling function: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: function + "\\('([a-z_]+)'")
        let text = distributeSQL
        return Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test("every primary key, unique constraint and foreign key among account-owned tables includes account_id")
    func keysIncludeAccountID() throws {
        let c = try Connection(try TestCluster.shared.freshDatabase("citus"))
        // Account-owned: account_id NOT NULL. Keys and unique indexes must contain it;
        // a foreign key to another account-owned table must pair account_id with account_id.
        let offending = try c.query("""
            WITH owned AS (
                SELECT c.oid, c.relname, a.attnum AS acct FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'account_id' AND a.attnotnull AND NOT a.attisdropped
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p'))
            SELECT format('%s: %s %s', o.relname, CASE WHEN i.indisprimary THEN 'primary key' ELSE 'unique index' END,
                          pg_get_indexdef(i.indexrelid)) AS problem
            FROM owned o JOIN pg_index i ON i.indrelid = o.oid
            WHERE (i.indisprimary OR i.indisunique) AND NOT (o.acct = ANY (i.indkey::int2[]))
            UNION ALL
            SELECT format('%s: foreign key %s', o.relname, pg_get_constraintdef(k.oid))
            FROM owned o JOIN pg_constraint k ON k.conrelid = o.oid AND k.contype = 'f'
            JOIN owned t ON t.oid = k.confrelid
            WHERE NOT EXISTS (SELECT 1 FROM generate_subscripts(k.conkey, 1) s
                              WHERE k.conkey[s] = o.acct AND k.confkey[s] = t.acct)
            UNION ALL
            SELECT format('%s: no primary key', o.relname) FROM owned o
            WHERE NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = o.oid AND i.indisprimary)
            ORDER BY 1
            """).map { try $0.decode("problem") as String }
        #expect(offending.isEmpty, "not distributable by account_id: \(offending)")
        let owned: Int = try c.queryRow("""
            SELECT count(*) AS n FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'account_id' AND a.attnotnull
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
            """)!.decode("n")
        #expect(owned >= 9)
    }

    @Test("Schema/citus/distribute.sql names every table: account-owned ones distributed by account_id, the rest reference tables")
    func distributeCoversEveryTable() throws {
        let c = try Connection(try TestCluster.shared.freshDatabase("citusfile"))
        let distributed = Self.tables(calling: "create_distributed_table")
        let reference = Self.tables(calling: "create_reference_table")
        #expect(distributed.isDisjoint(with: reference))
        let rows = try c.query("""
            SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id'
                                      AND NOT a.attisdropped) AS by_account
            FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """)
        for row in rows {
            let name: String = try row.decode("relname")
            let byAccount = try row.decode("by_account", as: Bool.self)
            if byAccount {
                #expect(distributed.contains(name), "\(name) has account_id: distribute it by account_id in Schema/citus/distribute.sql")
            } else {
                #expect(reference.contains(name) || distributed.contains(name),
                        "\(name) is missing from Schema/citus/distribute.sql (a reference table?)")
            }
        }
        #expect(Self.distributeSQL.contains("'account_id'"))
    }
}
