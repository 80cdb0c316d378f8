import Foundation
import Testing
import TestSupport

/// `dchain import`: every type from CSV (UTF-8, UTF-8 with BOM, GB18030) and
/// XLSX; all or nothing; every bad row reported; idempotent.
@Suite("dchain import", .serialized)
struct ImportCommandTests {
    let cli: CLI
    let dir: URL

    init() throws {
        cli = try CLI.fresh("import")
        dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dchain-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("docs/examples")
    /// The example files in the order a team loads them (later types refer to earlier ones).
    static let order = ["accounts", "units", "stakeholders", "deals", "roles", "touchpoints"]

    /// Writes `text` (UTF-8) into the test's directory.
    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes raw bytes.
    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Rows of every table import writes, as one comparable list.
    func counts() throws -> [Int] {
        try ["account", "unit", "stakeholder", "deal", "deal_stage_history", "buying_influence", "touchpoint", "participant", "audit_log"]
            .map { try cli.count("SELECT count(*) FROM \($0)") }
    }

    /// A copy of an example in another form: UTF-8 with BOM, GB18030 (iconv) or XLSX (scripts/xlsx-from-csv.py).
    func variant(_ name: String, _ form: String) throws -> String {
        let src = Self.examples.appendingPathComponent("\(name).csv").path
        switch form {
        case "bom":
            return try file("\(name)-bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(try Data(contentsOf: URL(fileURLWithPath: src))))
        case "gb18030":
            let out = dir.appendingPathComponent("\(name)-gb.csv").path
            let r = try Subprocess.run(["/usr/bin/env", "iconv", "-f", "UTF-8", "-t", "GB18030", "-o", out, src])
            #expect(r.status == 0, "\(r)")
            return out
        default:
            let out = dir.appendingPathComponent("\(name).xlsx").path
            let r = try Subprocess.run(["/usr/bin/env", "python3", Self.root.appendingPathComponent("scripts/xlsx-from-csv.py").path, src, out, "--sheet", name])
            #expect(r.status == 0, "\(r)")
            return out
        }
    }

    @Test("the shipped examples load every type into an empty database; the same rows as UTF-8 with BOM, GB18030 and XLSX change nothing")
    func everyTypeEveryForm() throws {
        for name in Self.order {
            let out = try cli.ok("import", Self.examples.appendingPathComponent("\(name).csv").path)
            #expect(out.contains("imported") && out.contains("as \(name)") && out.contains("guessed"), "\(out)")
        }
        #expect(try counts().dropLast() == [3, 3, 4, 2, 2, 3, 2, 3])
        let shipped = [("stakeholders-gb18030.csv", "stakeholders", 4), ("deals.xlsx", "deals", 2)]
        for (f, type, n) in shipped {
            let out = try cli.ok("import", Self.examples.appendingPathComponent(f).path)
            #expect(out.contains("as \(type): 0 added, 0 changed, \(n) unchanged"), "\(f): \(out)")
        }
        let before = try counts()
        for form in ["bom", "gb18030", "xlsx"] {
            for name in Self.order {
                let out = try cli.ok("import", try variant(name, form), "--type", name)
                #expect(out.contains("0 added, 0 changed,") && out.contains("unchanged"), "\(form) \(name): \(out)")
            }
        }
        #expect(try counts() == before, "re-imports wrote something")
    }

    /// Loads accounts, units and stakeholders of the examples (what the bad-input cases refer to).
    func loadBasics() throws {
        for name in ["accounts", "units", "stakeholders", "deals"] { try cli.ok("import", Self.examples.appendingPathComponent("\(name).csv").path) }
    }

    /// Runs an import that must fail: exit 65, nothing written; returns stderr.
    func refused(_ args: String..., mentions: [String]) throws -> String {
        let before = try counts()
        let r = try cli.run(["import"] + args)
        #expect(r.status == 65, "\(args): \(r)")
        for m in mentions { #expect(r.stderr.contains(m), "\(args): wants \(m) in \(r.stderr)") }
        #expect(try counts() == before, "\(args) wrote something")
        return r.stderr
    }

    @Test("bad files and bad rows: exit 65, each problem named by row (or line) and column, nothing written")
    func badInput() throws {
        try loadBasics()
        _ = try refused(try file("quote.csv", "客户名称,单位类型\n市数据局,政府\n\"市测试局,政府\n市二局,政府\n"), mentions: ["line 3", "never closed"])
        _ = try refused(try file("mixed.csv", bytes: Array("客户名称,单位类型\n市数据局,政府\n".utf8) + [0xCA, 0xD0, 0xB2, 0xE2, 0x2C] + Array("政府\n".utf8)),
                        mentions: ["line 3", "line 1", "mixes encodings"])
        _ = try refused(try file("columns.csv", "客户名称,姓名,生日,name\n市数据局,王五,1990,王五\n"), "--type", "stakeholders",
                        mentions: ["column 生日", "is not a column of stakeholders", "reports_to (上级)", "column name", "same column as \"姓名\""])
        let rows = try refused(try file("rows.csv", """
            客户名称,姓名,职务,层级,上级
            市数据居,张三,处长,中层,
            市数据局,李四,科长,中层,
            市数据局,王五,科员,基层,王大锤
            市数据局,李四,科长,中层,
            市数据局,钱八,科员,中级,
            """), "--errors", dir.appendingPathComponent("errors.csv").path,
            mentions: ["row 2, column 客户名称 \"市数据居\"", "did you mean \"市数据局\"", "row 6, column 层级 \"中级\"", "row 4, column 上级",
                       "row 5, column 姓名", "repeats the record of row 3", "has 4 bad rows"])
        #expect(rows.split(separator: "\n").count == 5, "\(rows)")
        let errors = try Data(contentsOf: dir.appendingPathComponent("errors.csv"))
        #expect(Array(errors.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: errors, as: UTF8.self).contains("rows.csv,6,,层级,中级,"))
        _ = try refused(try file("stage.csv", "客户名称,项目名称,流程,阶段\n市数据局,新项目,政府,立项中\n"), mentions: ["row 2, column 阶段", "is not a stage of pipeline government"])
        _ = try refused(try file("empty.csv", ""), mentions: ["is empty"])
        _ = try refused(try file("header.csv", "客户名称,单位类型\n"), mentions: ["no data rows"])
        _ = try refused(Self.root.appendingPathComponent("Tests/Fixtures/import/notzip.xlsx").path, mentions: ["is not an .xlsx workbook"])
        _ = try refused(Self.root.appendingPathComponent("Tests/Fixtures/import/bomb.xlsx").path, mentions: ["zip bomb", "nothing was expanded"])
        _ = try refused(try file("ambiguous.csv", "account,name\n市数据局,x\n"), mentions: ["fits units, stakeholders, deals", "--type"])
        // A formula in a bad cell is written to --errors as text, never as a formula.
        _ = try refused(try file("formula.csv", "客户名称,姓名,层级\n市数据局,赵六,=HYPERLINK(\"http://x\")\n"), "--errors", dir.appendingPathComponent("f.csv").path,
                        mentions: ["row 2, column 层级"])
        #expect(String(decoding: try Data(contentsOf: dir.appendingPathComponent("f.csv")), as: UTF8.self).contains("\"'=HYPERLINK("))
    }

    @Test("the domain's rules judge rows: a second EB is refused, the row named")
    func rules() throws {
        try loadBasics()
        try cli.ok("import", Self.examples.appendingPathComponent("roles.csv").path)
        _ = try refused(try file("eb.csv", "客户名称,项目名称,姓名,角色\n市数据局,城市数据中台项目,李敏,把关者\n市数据局,城市数据中台项目,周婷,EB\n"),
                        mentions: ["row 3, column 角色", "already has an EB (王建国)"])
    }

    @Test("--dry-run says what would change and writes nothing; a changed row is counted as changed and audited")
    func dryRunAndChange() throws {
        try loadBasics()
        let path = try file("change.csv", "客户名称,姓名,职务,电话\n市数据局,李敏,副处长,13800000001\n市数据局,孙七,科员,\n市数据局,赵磊,工程师,\n")
        let before = try counts()
        let dry = try cli.ok("import", path, "--dry-run")
        #expect(dry.contains("would be 1 added, 1 changed, 1 unchanged; nothing was written"), "\(dry)")
        #expect(try counts() == before)
        let real = try cli.ok("import", path)
        #expect(real.contains("1 added, 1 changed, 1 unchanged"), "\(real)")
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE table_name = 'stakeholder' AND op = 'UPDATE' AND after->>'title' = '副处长'") == 1)
        #expect(try cli.ok("import", path).contains("0 added, 0 changed, 3 unchanged"))
    }

    @Test("a rep imports into their own team's accounts; another team's account is not found (row-level security), nothing written")
    func teams() throws {
        let f = try TeamFixture.make("importrls")
        let rep = CLI(conninfo: f.conninfo(as: f.repA))
        let own = try file("own.csv", "客户名称,姓名,职务\n\(f.nameA),新人甲,科员\n")
        #expect(try rep.ok("import", own).contains("1 added, 0 changed, 0 unchanged"))
        let other = try file("other.csv", "客户名称,姓名,职务\n\(f.nameA),新人丙,科员\n\(f.nameB),新人乙,科员\n")
        let r = try rep.run("import", other)
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("row 3, column 客户名称") && r.stderr.contains("not found"), "\(r.stderr)")
        #expect(try SQL(f.conninfo).int("SELECT count(*) FROM stakeholder WHERE name IN ('新人乙', '新人丙')") == 0)
    }

    @Test("touchpoints match by external_id: a changed emotion is one changed row (through touchpoint edit), a repeated id or an unknown person is refused")
    func touchpoints() throws {
        try loadBasics()
        let header = "客户名称,项目名称,时间,渠道,摘要,参与人,外部编号\n"
        let first = try file("tp1.csv", header + "市数据局,城市数据中台项目,2026-03-05 10:00,拜访,首次拜访,王建国:1:interested,X-1\n"
                              + "市数据局,城市数据中台项目,2026/3/12 14:30,电话,电话沟通,李敏:-1; 赵磊,X-2\n")
        #expect(try cli.ok("import", first).contains("as touchpoints: 2 added, 0 changed, 0 unchanged"))
        let second = try file("tp2.csv", header + "市数据局,城市数据中台项目,2026-03-05 10:00,拜访,首次拜访,王建国:1:interested,X-1\n"
                               + "市数据局,城市数据中台项目,2026/3/12 14:30,电话,电话沟通,李敏:-3:angry; 赵磊,X-2\n")
        #expect(try cli.ok("import", second).contains("0 added, 1 changed, 1 unchanged"))
        #expect(try cli.count("SELECT emotion FROM participant p JOIN stakeholder s ON s.account_id = p.account_id AND s.id = p.stakeholder_id WHERE s.name = '李敏'") == -3)
        #expect(try cli.ok("import", second).contains("0 added, 0 changed, 2 unchanged"))
        _ = try refused(try file("tp3.csv", header + "市数据局,,2026-04-01,拜访,再访,王建国,X-3\n市数据局,,2026-04-02,拜访,再访,王建国,X-3\n"
                                 + "市数据局,,2026-04-03,拜访,三访,王建军,X-4\n"),
                        mentions: ["row 3, column 外部编号", "repeats the touchpoint of row 2", "row 4, column 参与人", "did you mean \"王建国\""])
    }
}
