import Foundation
import Testing
import TestSupport

/// `dchain export` and `dchain import FILE.json` end to end: the round trip
/// of the sample account and the three shipped cases into an empty database
/// (the views byte for byte the same), named accounts, row-level security,
/// CSV and XLSX read back by `dchain import`, and bad input.
@Suite("export and JSON import end to end")
struct ExportImportTests {
    static let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dchain-export-\(getpid())").path

    func path(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: Self.tmp, withIntermediateDirectories: true)
        return (Self.tmp as NSString).appendingPathComponent(name)
    }

    /// `dchain ARGS` must exit 0; its standard output.
    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> String {
        let r = try cli.run(args)
        guard r.status == 0 else { throw SubprocessError(message: "dchain \(args.joined(separator: " ")) failed: \(r)") }
        return r.stdout
    }

    /// map, plan and report pipeline as JSON, as the user gets them.
    func views(_ cli: CLI, account: String, today: String, workspace: [String] = []) throws -> [String] {
        try [["map", account], ["plan", account], ["report", "pipeline"]].map {
            try ok(cli, $0 + ["--today", today, "--format", "json"] + workspace)
        }
    }

    @Test("named accounts only; an unknown one is exit 65 with did-you-mean; an --out in a missing directory is exit 73; nothing written")
    func namedAndBad() throws {
        let cli = try CLI.fresh("expnamed")
        try cli.ok("account", "add", "华北电力", "--kind", "soe", "--code", "HB-1")
        try cli.ok("account", "add", "华南电网", "--kind", "soe")
        try cli.ok("account", "add", "市卫健委", "--kind", "government")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok("export", "HB-1", "市卫健委", "--out", "-").utf8)) as? [String: Any])
        let names = (doc["accounts"] as? [[String: Any]] ?? []).compactMap { ($0["account"] as? [String: Any])?["name"] as? String }
        #expect(names == ["华北电力", "市卫健委"])
        #expect(doc["format"] as? String == "dchain-export" && doc["version"] as? Int == 1)

        let out = try path("named.json")
        let miss = try cli.run("export", "华南电力", "--out", out)
        #expect(miss.status == 65 && miss.stderr.contains("华南电网"), "\(miss)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let nowhere = try cli.run("export", "--out", Self.tmp + "/no/such/dir/x.json")
        #expect(nowhere.status == 73 && nowhere.stderr.split(separator: "\n").count == 1, "\(nowhere)")
        let text = try cli.run("export", "--format", "text")
        #expect(text.status == 64, "\(text)")
    }

    @Test("CSV: one file per type with import's columns, BOM, formula-safe; XLSX: one sheet per type; dchain import reads every one back and adds nothing")
    func tables() throws {
        let cli = try PlanSample.load("exptables")
        try cli.ok("account", "edit", PlanSample.account, "--region", "=1+1")
        let dir = try path("tables")
        try cli.ok("export", "--format", "csv", "--out", dir)
        let types = ["accounts", "units", "stakeholders", "deals", "roles", "touchpoints"]
        for t in types {
            let data = try #require(FileManager.default.contents(atPath: dir + "/\(t).csv"), "\(t).csv")
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(t).csv has no BOM")
        }
        let accounts = try String(contentsOfFile: dir + "/accounts.csv", encoding: .utf8)
        #expect(accounts.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("name,code,kind,region,industry,parent,owner,team\r\n"), "\(accounts)")
        #expect(accounts.contains(",'=1+1,"), "\(accounts)")
        #expect(try String(contentsOfFile: dir + "/stakeholders.csv", encoding: .utf8).contains("李敏"))
        let book = try path("all.xlsx")
        try cli.ok("export", "--format", "xlsx", "--out", book)
        for t in types {
            for file in [dir + "/\(t).csv", book] {
                let r = try cli.run(["import", file, "--type", t] + (file == book ? ["--sheet", t] : []))
                #expect(r.status == 0 && r.stdout.contains(": 0 added,"), "\(file) \(t): \(r)")
            }
        }
        let noDir = try cli.run("export", "--format", "csv")
        #expect(noDir.status == 64, "\(noDir)")
    }

    @Test("a rep exports their own team's accounts only (row-level security)")
    func repSeesOwnTeam() throws {
        let f = try TeamFixture.make("expteam")
        let rep = CLI(conninfo: f.conninfo(as: f.repA))
        let all = try rep.ok("export")
        #expect(all.contains(f.nameA) && !all.contains(f.nameB))
        let other = try rep.run("export", f.nameB)
        #expect(other.status == 65, "\(other)")
        let admin = CLI(conninfo: f.conninfo(as: f.admin))
        let everything = try admin.ok("export")
        #expect(everything.contains(f.nameA) && everything.contains(f.nameB))
    }

    @Test("the sample account exported and imported into an empty database: map, plan and report pipeline byte-identical; again: nothing changes")
    func sampleRoundTrip() throws {
        let src = try PlanSample.load("expsample")
        let file = try path("sample.json")
        try src.ok("export", "--format", "json", "--out", file)
        let dst = try CLI.fresh("expsampledst")
        let first = try dst.ok("import", file)
        #expect(first.contains("0 changed, 0 unchanged") && !first.contains(" 0 added"), "\(first)")
        #expect(try dst.count("SELECT count(*) FROM survey") == src.count("SELECT count(*) FROM survey"))
        // Metric targets are settings, not account rows (not in the export): set as scripts/load-sample.sh does.
        try dst.ok("metric", "target", "nps", "30")
        try dst.ok("metric", "target", "csat", "4", "--pipeline", "government")
        #expect(try views(dst, account: PlanSample.account, today: PlanSample.today)
                == views(src, account: PlanSample.account, today: PlanSample.today))
        // The copy exports to the same bytes: every id, instant and value came back.
        #expect(try dst.ok("export") == String(contentsOfFile: file, encoding: .utf8))
        let again = try dst.ok("import", file)
        #expect(again.contains("0 added, 0 changed,") && again.contains(" unchanged"), "\(again)")
        #expect(try dst.count("SELECT count(*) FROM touchpoint") == src.count("SELECT count(*) FROM touchpoint"))
    }

    @Test("each shipped case, every round released in its workspace, exported and imported into an empty database: the views byte-identical",
          arguments: ["gov-contract-dip", "platform-signup-dropoff", "soe-hidden-eb"])
    func caseRoundTrip(_ id: String) throws {
        let src = try CLI.fresh("expcase")
        let brief = try #require(try src.json("case", "show", id) as? [String: Any])
        let account = try #require(brief["account"] as? String)
        let days = try #require(brief["rounds"] as? [[String: Any]]).compactMap { $0["today"] as? String }
        try src.ok("case", "start", id, "--trainee", "rt")
        for _ in days.dropFirst() { try src.ok("case", "next", "--trainee", "rt") }
        let ws = ["--workspace", "case-rt"]
        let file = try path("\(id).json")
        try ok(src, ["export", "--out", file] + ws)
        let dst = try CLI.fresh("expcasedst")
        try dst.ok("import", file)
        let today = try #require(days.last)
        #expect(try views(dst, account: account, today: today) == views(src, account: account, today: today, workspace: ws))
    }


    @Test("a bad export file: exit 65 naming the JSON path, nothing written")
    func badImport() throws {
        let cli = try CLI.fresh("expbadimp")
        let file = try path("bad.json")
        try #"{"format": "dchain-export", "version": 1, "accounts": [{"account": {"id": 1, "name": "甲", "kind": "city"}}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run("import", file)
        #expect(r.status == 65 && r.stderr.contains("city"), "\(r)")
        let wrongKey = try path("wrongkey.json")
        try #"{"format": "dchain-export", "version": 1, "accounts": [{"account": {"id": 1, "name": "甲", "kind": "soe"}, "tasks": []}]}"#
            .write(toFile: wrongKey, atomically: true, encoding: .utf8)
        let w = try cli.run("import", wrongKey)
        #expect(w.status == 65 && w.stderr.contains("$.accounts[0]") && w.stderr.contains("tasks"), "\(w)")
        #expect(try cli.count("SELECT count(*) FROM account") == 0)
    }
}
