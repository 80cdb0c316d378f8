import Foundation
import Testing
import TestSupport

/// `export ocds` and `import ocds` end to end. Every package `export ocds`
/// writes here is also kept under `.build/ocds-exports/` for
/// `scripts/check-ocds.sh`, which runs the OCDS 1.1.5 schemas over each
/// (`make test` runs it after the Swift tests).
@Suite("OCDS export and import")
struct OCDSCommandTests {
    /// Where the exports are kept for the schema check.
    static let keepDir: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/ocds-exports")
    }()

    static func keep(_ text: String, as name: String) throws {
        try FileManager.default.createDirectory(at: keepDir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: keepDir.appendingPathComponent(name + ".json"))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A file holding `text`, in a fresh temporary directory.
    static func file(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("package.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The deal's stage history as `stage[:event]` from `deal show --format json`.
    static func history(_ cli: CLI, _ deal: String) throws -> [String] {
        let shown = try #require(try cli.json("deal", "show", deal) as? [String: Any])
        let d = try #require(shown["deal"] as? [String: Any])
        return (d["history"] as? [[String: Any]] ?? []).map {
            "\($0["entered"] ?? ""):\($0["stage"] ?? "")" + (($0["event"] as? String).map { ":" + $0 } ?? "")
        }
    }

    /// The audited rows and the rows `import ocds` may write, to show nothing changed.
    static func counts(_ cli: CLI) throws -> [Int] {
        try ["SELECT count(*) FROM deal", "SELECT count(*) FROM deal_stage_history", "SELECT count(*) FROM audit_log",
             "SELECT count(*) FROM deal WHERE ocid IS NOT NULL"].map { try cli.count($0) }
    }

    @Test("export ocds of a deal at each government stage: one release per stage reached, with the tag and tender status of docs/ocds.md")
    func exportEachStage() throws {
        let cli = try CLI.fresh("ocdsstages")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("deal", "add", "市数据局", "城市数据中台项目", "--pipeline", "government", "--method", "public-tender",
                   "--amount", "480万", "--on", "2026-01-05")
        let id = try cli.count("SELECT id FROM deal")
        let expected: [(stage: String, tag: String, status: String)] = [
            ("needs", "planning", "planning"), ("approval", "planningUpdate", "planning"), ("intention", "planningUpdate", "planned"),
            ("specification", "planningUpdate", "planned"), ("tender-notice", "tender", "active"), ("bidding", "tenderUpdate", "active"),
            ("evaluation", "tenderUpdate", "active"), ("award", "award", "complete"), ("contract", "contract", "complete"),
            ("implementation", "implementation", "complete"), ("operation", "implementationUpdate", "complete"),
        ]
        for (i, e) in expected.enumerated() {
            if i > 0 { try cli.ok("deal", "move", "城市数据中台项目", e.stage, "--on", "2026-02-\(10 + i)") }
            let r = try cli.run("export", "ocds", "--deal", "城市数据中台项目", "--today", "2026-12-01", "--supplier", "数链科技")
            #expect(r.status == 0, "\(r)")
            try Self.keep(r.stdout, as: "stage-\(i + 1)-\(e.stage)")
            #expect(r.stderr.contains("deal #\(id) has no ocid; exported as ocds-dchain-\(id)"))
            let package = try Self.json(r.stdout)
            #expect(package["version"] as? String == "1.1" && package["publishedDate"] as? String == "2026-12-01T00:00:00Z")
            #expect((package["publisher"] as? [String: Any])?["name"] as? String == "数链科技")
            let releases = try #require(package["releases"] as? [[String: Any]])
            #expect(releases.count == i + 1)
            let last = try #require(releases.last)
            #expect(last["tag"] as? [String] == [e.tag], "\(e.stage)")
            #expect(last["ocid"] as? String == "ocds-dchain-\(id)" && last["date"] as? String == "2026-02-\(10 + i)T00:00:00Z" || i == 0)
            let tender = try #require(last["tender"] as? [String: Any])
            #expect(tender["status"] as? String == e.status, "\(e.stage)")
            #expect(tender["procurementMethod"] as? String == "open" && tender["procurementMethodDetails"] as? String == "公开招标")
            #expect((tender["value"] as? [String: Any])?["amount"] as? Double == 4_800_000)
            #expect((last["buyer"] as? [String: Any])?["name"] as? String == "市数据局")
            let awards = last["awards"] as? [[String: Any]]
            #expect((awards != nil) == (i >= 7), "\(e.stage)")
            if let award = awards?.first {
                #expect((award["suppliers"] as? [[String: Any]])?.first?["name"] as? String == "数链科技")
            }
            #expect((last["contracts"] != nil) == (i >= 8), "\(e.stage)")
        }
        // Reproducible with --today; a stored ocid is used as it is.
        let first = try cli.ok("export", "ocds", "--deal", "城市数据中台项目", "--today", "2026-12-01")
        #expect(try cli.ok("export", "ocds", "--deal", "城市数据中台项目", "--today", "2026-12-01") == first)
        try cli.ok("deal", "edit", "城市数据中台项目", "--ocid", "ocds-213czf-000-00042")
        let stored = try cli.run("export", "ocds", "--all", "--today", "2026-12-01")
        #expect(stored.status == 0 && stored.stderr.isEmpty && stored.stdout.contains("\"ocid\" : \"ocds-213czf-000-00042\""))
        try Self.keep(stored.stdout, as: "all-stored-ocid")
    }

    @Test("export ocds refuses an enterprise deal and a missing choice of deal; --out is written whole")
    func exportRefusals() throws {
        let cli = try CLI.fresh("ocdsrefuse")
        try cli.ok("account", "add", "某集团", "--kind", "enterprise")
        try cli.ok("deal", "add", "某集团", "ERP", "--pipeline", "enterprise")
        let enterprise = try cli.run("export", "ocds", "--deal", "ERP")
        #expect(enterprise.status == 65 && enterprise.stderr.contains("pipeline enterprise"))
        #expect(try cli.run("export", "ocds").status == 64)
        #expect(try cli.run("export", "ocds", "--all").status == 65)  // no government deal: no release to publish
        try cli.ok("deal", "add", "某集团", "采购平台", "--pipeline", "government", "--method", "single-source", "--on", "2026-03-01")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ocds-\(UUID().uuidString).json").path
        try cli.ok("export", "ocds", "--all", "--out", out, "--today", "2026-12-01")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("\"procurementMethod\" : \"direct\"") && written.contains("\"procurementMethodDetails\" : \"单一来源\""))
        try Self.keep(written, as: "single-source")
    }

    static let tenderAward = """
        {
          "uri": "https://portal.example/ocds/ocds-213czf-000-00001.json",
          "version": "1.1",
          "publishedDate": "2026-07-01T09:00:00+08:00",
          "publisher": {"name": "某市政府采购网"},
          "releases": [
            {"ocid": "ocds-213czf-000-00001", "id": "ocds-213czf-000-00001-01-tender", "date": "2026-05-01T09:00:00+08:00",
             "tag": ["tender"], "initiationType": "tender",
             "buyer": {"id": "CN-SDJ", "name": "市数据局"},
             "parties": [{"id": "CN-SDJ", "name": "市数据局", "roles": ["buyer"]},
                         {"id": "CN-AGENT", "name": "某招标代理有限公司", "roles": ["procuringEntity"]}],
             "tender": {"id": "ZB-2026-001", "title": "城市数据中台项目", "status": "active", "procurementMethod": "open",
                        "procurementMethodDetails": "公开招标", "value": {"amount": 4800000, "currency": "CNY"},
                        "tenderPeriod": {"startDate": "2026-05-01T09:00:00+08:00", "endDate": "2026-05-21T09:30:00+08:00"}}},
            {"ocid": "ocds-213czf-000-00001", "id": "ocds-213czf-000-00001-02-award", "date": "2026-06-30T10:00:00+08:00",
             "tag": ["award"], "initiationType": "tender",
             "buyer": {"id": "CN-SDJ", "name": "市数据局"},
             "tender": {"id": "ZB-2026-001", "title": "城市数据中台项目", "status": "complete"},
             "awards": [{"id": "ZB-2026-001-A1", "status": "active", "date": "2026-06-30T10:00:00+08:00",
                         "suppliers": [{"id": "CN-SL", "name": "数链科技"}], "value": {"amount": 4650000, "currency": "CNY"}}]}
          ]
        }
        """

    @Test("import ocds of a portal's release package (tender → award) creates the deal with that history; again changes nothing and says so")
    func importTenderAward() throws {
        let cli = try CLI.fresh("ocdsimport")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        let file = try Self.file(Self.tenderAward)
        let out = try cli.ok("import", "ocds", file)
        #expect(out.contains("ocds-213czf-000-00001 → deal #") && out.contains("(created)"), "\(out)")
        #expect(out.contains("releases[1] 2026-06-30 award: moved to award") && out.hasSuffix("2 releases applied, 0 unchanged\n"), "\(out)")
        #expect(try Self.history(cli, "城市数据中台项目") == ["2026-05-01:tender-notice", "2026-06-30:award"])
        let deal = try #require((try cli.json("deal", "show", "城市数据中台项目") as? [String: Any])?["deal"] as? [String: Any])
        #expect(deal["ocid"] as? String == "ocds-213czf-000-00001" && deal["method"] as? String == "public-tender")
        #expect(deal["amount"] as? Double == 4_800_000 && deal["stage"] as? String == "award")

        let before = try Self.counts(cli)
        let again = try cli.ok("import", "ocds", file)
        #expect(again.hasSuffix("0 releases applied, 2 unchanged: nothing changed\n"), "\(again)")
        #expect(again.contains("unchanged: already imported"))
        #expect(try Self.counts(cli) == before)

        // The deal exported again passes the schemas (kept for check-ocds.sh) and keeps the portal's ocid.
        let exported = try cli.ok("export", "ocds", "--deal", "城市数据中台项目", "--today", "2026-12-01")
        #expect(exported.contains("\"ocid\" : \"ocds-213czf-000-00001\""))
        try Self.keep(exported, as: "imported-tender-award")
    }

    static let failedTender = """
        {
          "uri": "https://portal.example/ocds/records/ocds-213czf-000-00007.json",
          "version": "1.1",
          "publishedDate": "2026-07-02T09:00:00+08:00",
          "publisher": {"name": "某市政府采购网"},
          "records": [{
            "ocid": "ocds-213czf-000-00007",
            "releases": [
              {"ocid": "ocds-213czf-000-00007", "id": "r1", "date": "2026-05-01T09:00:00+08:00", "tag": ["tender"],
               "initiationType": "tender", "buyer": {"name": "市数据局"},
               "tender": {"id": "ZB-7", "title": "政务外网升级", "status": "active", "procurementMethodDetails": "竞争性磋商"}},
              {"ocid": "ocds-213czf-000-00007", "id": "r2", "date": "2026-05-20T16:00:00+08:00", "tag": ["tenderCancellation"],
               "initiationType": "tender", "buyer": {"name": "市数据局"},
               "tender": {"id": "ZB-7", "title": "政务外网升级", "status": "unsuccessful"}},
              {"ocid": "ocds-213czf-000-00007", "id": "r3", "date": "2026-06-01T09:00:00+08:00", "tag": ["tender"],
               "initiationType": "tender", "buyer": {"name": "市数据局"},
               "tender": {"id": "ZB-7-2", "title": "政务外网升级", "status": "active"}},
              {"ocid": "ocds-213czf-000-00007", "id": "r4", "date": "2026-07-01T09:00:00+08:00", "tag": ["award"],
               "initiationType": "tender", "buyer": {"name": "市数据局"},
               "awards": [{"id": "A7", "status": "active", "date": "2026-07-01T09:00:00+08:00"}]}
            ],
            "compiledRelease": {"ocid": "ocds-213czf-000-00007", "id": "compiled", "date": "2026-07-01T09:00:00+08:00", "tag": ["compiled"],
                                "initiationType": "tender"}
          }]
        }
        """

    @Test("import ocds of a record package with a tenderCancellation records the failed tender (流标) in the stage history; export shows it")
    func importFailedTender() throws {
        let cli = try CLI.fresh("ocdsfailed")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("deal", "add", "市数据局", "政务外网升级", "--pipeline", "government", "--stage", "specification", "--on", "2026-04-01")
        let out = try cli.ok("import", "ocds", try Self.file(Self.failedTender))
        #expect(out.contains("(matched by buyer and title; ocid stored)"), "\(out)")
        #expect(out.contains("records[0].releases[1] 2026-05-20 tenderCancellation: failed tender (流标) recorded; back to specification"), "\(out)")
        #expect(try Self.history(cli, "政务外网升级") == [
            "2026-04-01:specification", "2026-05-01:tender-notice", "2026-05-20:specification:failed-tender", "2026-06-01:tender-notice",
            "2026-07-01:award",
        ])
        let shown = try cli.ok("deal", "show", "政务外网升级", "--lang", "zh")
        #expect(shown.contains("2026-05-20 需求论证与招标文件（流标）"), "\(shown)")
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE table_name = 'deal_stage_history' AND op = 'INSERT' AND after->>'event' = 'failed-tender'") == 1)
        let review = try cli.ok("report", "deal", "政务外网升级", "--today", "2026-12-01", "--no-plan")
        #expect(review.contains("failed tender 2026-05-20"), "\(review)")
        let sheet = try #require(try cli.json("report", "deal", "政务外网升级", "--today", "2026-12-01", "--no-plan") as? [String: Any])
        #expect((sheet["deal"] as? [String: Any])?["failed_tenders"] as? [String] == ["2026-05-20"])

        let before = try Self.counts(cli)
        #expect(try cli.ok("import", "ocds", try Self.file(Self.failedTender)).contains("0 releases applied, 4 unchanged: nothing changed"))
        #expect(try Self.counts(cli) == before)

        let exported = try cli.ok("export", "ocds", "--deal", "政务外网升级", "--today", "2026-12-01")
        try Self.keep(exported, as: "failed-tender")
        let releases = try #require(try Self.json(exported)["releases"] as? [[String: Any]])
        #expect(releases.map { ($0["tag"] as? [String])?.first ?? "" } == ["planning", "tender", "tenderCancellation", "tender", "award"])
        #expect((releases[2]["tender"] as? [String: Any])?["status"] as? String == "unsuccessful")
        #expect((releases[1]["tender"] as? [String: Any])?["procurementMethodDetails"] == nil)  // the deal was added without a method
    }

    @Test("import ocds --dry-run says what it would do and writes nothing")
    func dryRun() throws {
        let cli = try CLI.fresh("ocdsdry")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        let before = try Self.counts(cli)
        let out = try cli.ok("import", "ocds", try Self.file(Self.tenderAward), "--dry-run")
        #expect(out.contains("(created)") && out.hasSuffix("dry run, nothing written: 2 releases applied, 0 unchanged\n"), "\(out)")
        #expect(try Self.counts(cli) == before)
    }

    /// Bad packages: each names the JSON path, exits 65, and writes nothing.
    static let badPackages: [(name: String, text: String, path: String)] = [
        ("not JSON", "{\"releases\": [", "(file)"),
        ("neither package", "{\"uri\": \"x\"}", "(root)"),
        ("no date", #"{"releases": [{"ocid": "o-1", "id": "1", "tag": ["tender"], "buyer": {"name": "市数据局"}}]}"#, "releases[0].date"),
        ("bad date", #"{"releases": [{"ocid": "o-1", "id": "1", "date": "2026-13-01", "tag": ["tender"]}]}"#, "releases[0].date"),
        ("unknown tag", #"{"releases": [{"ocid": "o-1", "id": "1", "date": "2026-05-01T00:00:00Z", "tag": ["tendered"]}]}"#, "releases[0].tag[0]"),
        ("negative amount", #"{"releases": [{"ocid": "o-1", "id": "1", "date": "2026-05-01T00:00:00Z", "tag": ["tender"], "tender": {"id": "t", "value": {"amount": -5}}}]}"#,
         "releases[0].tender.value.amount"),
        ("unknown buyer", #"{"releases": [{"ocid": "o-1", "id": "1", "date": "2026-05-01T00:00:00Z", "tag": ["tender"], "buyer": {"name": "市数据厅"}, "tender": {"id": "t", "title": "新项目"}}]}"#,
         "releases[0].buyer.name"),
        ("no title", #"{"releases": [{"ocid": "o-1", "id": "1", "date": "2026-05-01T00:00:00Z", "tag": ["tender"], "buyer": {"name": "市数据局"}}]}"#,
         "releases[0].tender.title"),
        ("duplicate release", #"{"releases": [{"ocid": "o-1", "id": "1", "date": "2026-05-01T00:00:00Z", "tag": ["tender"]}, {"ocid": "o-1", "id": "1", "date": "2026-05-02T00:00:00Z", "tag": ["award"]}]}"#,
         "releases[1].id"),
        // The deal moved to bidding on 2026-05-10: an award dated before that is refused by the deal rules, after a good first release.
        ("date before the last change", #"{"releases": [{"ocid": "ocds-known", "id": "2", "date": "2026-05-12T00:00:00Z", "tag": ["tenderUpdate"]}, {"ocid": "ocds-known", "id": "1", "date": "2026-05-05T00:00:00Z", "tag": ["award"]}]}"#,
         "releases[1].date"),
    ]

    @Test("a bad package names the JSON path, exits 65 and writes nothing", arguments: badPackages.indices)
    func badInput(_ i: Int) throws {
        let bad = Self.badPackages[i]
        let cli = try CLI.fresh("ocdsbad\(i)")
        try cli.ok("account", "add", "市数据局", "--kind", "government")
        try cli.ok("deal", "add", "市数据局", "已知项目", "--pipeline", "government", "--stage", "tender-notice", "--on", "2026-05-01",
                   "--ocid", "ocds-known")
        try cli.ok("deal", "move", "已知项目", "bidding", "--on", "2026-05-10")
        let before = try Self.counts(cli)
        let r = try cli.run("import", "ocds", try Self.file(bad.text))
        #expect(r.status == 65, "\(bad.name): \(r)")
        #expect(r.stderr.hasPrefix("dchain: \(bad.path)") || r.stderr.contains(" \(bad.path) ") || r.stderr.contains(bad.path), "\(bad.name): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(bad.name): \(r.stderr)")
        #expect(try Self.counts(cli) == before, "\(bad.name)")
    }

    @Test("a rep cannot advance another team's deal by import: it looks absent (65) and stays as it was; its own team's rep can")
    func rowLevelSecurity() throws {
        let f = try TeamFixture.make("ocds")
        let su = try SQL(f.conninfo)
        try su.connection.execute("UPDATE deal SET ocid = 'ocds-rls-1' WHERE account_id = $1", [f.accountA])
        let package = try Self.file("""
            {"releases": [{"ocid": "ocds-rls-1", "id": "1", "date": "2026-05-01T09:00:00+08:00", "tag": ["tender"],
                           "buyer": {"name": "\(f.nameA)"}, "tender": {"id": "t", "title": "政务云", "status": "active"}}]}
            """)
        let stage = "SELECT s.key FROM deal d JOIN stage s ON s.id = d.stage_id WHERE d.account_id = \(f.accountA)"
        let theirs = try CLI(conninfo: f.conninfo(as: f.repB)).run("import", "ocds", package)
        #expect(theirs.status == 65 && theirs.stderr.contains("releases[0].buyer.name") && theirs.stderr.contains("is not an account you can see"),
                "\(theirs)")
        #expect(try su.strings(stage) == ["needs"])
        let zh = try CLI(conninfo: f.conninfo(as: f.repB)).run("import", "ocds", package, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 65 && zh.stderr.contains("releases[0].buyer.name") && zh.stderr.contains("不是你可见的客户"), "\(zh)")
        // Their export leaves the other team's deal out.
        let exported = try CLI(conninfo: f.conninfo(as: f.repB)).run("export", "ocds", "--all", "--today", "2026-12-01")
        #expect(exported.status == 0 && exported.stdout.contains(f.nameB) && !exported.stdout.contains(f.nameA), "\(exported)")
        try Self.keep(exported.stdout, as: "team-b")
        let ours = try CLI(conninfo: f.conninfo(as: f.repA)).run("import", "ocds", package)
        #expect(ours.status == 0 && ours.stdout.contains("(matched by ocid)"), "\(ours)")
        #expect(try su.strings(stage) == ["tender-notice"])
    }
}
