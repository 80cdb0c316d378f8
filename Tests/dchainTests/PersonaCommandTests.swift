import Foundation
import Testing
import TestSupport

/// End to end: personas built from the sample account and the three shipped
/// cases loaded into the same database (`case load` puts each whole case,
/// answer-key roles included, next to the sample as an ordinary account).
@Suite("persona commands end to end", .serialized)
struct PersonaCommandTests {
    /// The sample plus the three shipped cases in one database.
    static let shared = Result { () throws -> CLI in
        let cli = try PlanSample.load("persona")
        try cli.ok("case", "load", "gov-contract-dip", "platform-signup-dropoff", "soe-hidden-eb")
        return cli
    }

    static func personas(_ cli: CLI, _ args: String...) throws -> [[String: Any]] {
        let r = try cli.run(["persona", "build", "--format", "json"] + args)
        guard r.status == 0 else { throw SubprocessError(message: "persona build: \(r)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    static func persona(_ record: [String: Any]) -> [String: Any] { record["persona"] as? [String: Any] ?? [:] }

    @Test("the TB persona's top frustration is the unclear contract terms, with its evidence; a role held by fewer than 3 is flagged")
    func sampleAndCases() throws {
        let cli = try Self.shared.get()
        let all = try Self.personas(cli)
        func find(_ role: String, _ level: String) -> [String: Any]? {
            all.map(Self.persona).first { $0["role"] as? String == role && $0["level"] as? String == level }
        }
        let tb = try #require(find("TB", "manager"))
        let base = try #require(tb["evidence"] as? [String: Any])
        #expect(base["people"] as? Int == 7 && base["accounts"] as? Int == 4, "\(base)")
        #expect(tb["thin"] as? Bool == false)
        let top = try #require((tb["frustrations"] as? [[String: Any]])?.first)
        #expect(top["key"] as? String == "合同条款不清晰")
        #expect((top["text"] as? String ?? "").hasPrefix("合同条款不清晰"))
        #expect(top["severity"] as? String == "high")
        let evidence = try #require(top["evidence"] as? [String: Any])
        #expect(evidence["people"] as? Int == 2 && evidence["accounts"] as? Int == 2 && evidence["touchpoints"] as? Int == 2, "\(evidence)")
        #expect((evidence["people_ids"] as? [Int])?.count == 2 && (evidence["touchpoint_ids"] as? [Int])?.count == 2)
        // The two who raised it are 李敏 (the sample) and 何静 (gov-contract-dip).
        let names = try SQL(cli.conninfo).strings(
            "SELECT name FROM stakeholder WHERE id = ANY($1::bigint[]) ORDER BY name",
            ["{" + (evidence["people_ids"] as? [Int] ?? []).map(String.init).joined(separator: ",") + "}"])
        #expect(names == ["何静", "李敏"])
        #expect(!(tb["quotes"] as? [[String: Any]] ?? []).isEmpty)
        #expect(!(tb["emotion_by_stage"] as? [[String: Any]] ?? []).isEmpty)

        // 陈志强 is the only executive who was a TB: the persona says it is thin, in every format.
        let lone = try #require(find("TB", "executive"))
        #expect(lone["thin"] as? Bool == true)
        #expect((lone["evidence"] as? [String: Any])?["people"] as? Int == 1)
        let text = try cli.ok("persona", "build", "--role", "TB", "--level", "executive")
        #expect(text.contains("⚠ Built on 1 person: fewer than 3"))
        let zh = try cli.ok("persona", "build", "--role", "把关者", "--level", "高层", "--lang", "zh")
        #expect(zh.contains("⚠ 仅基于 1 人"))
        let md = try cli.ok("persona", "build", "--role", "TB", "--level", "executive", "--format", "md")
        #expect(md.contains("> **⚠ Built on 1 person"))
        let html = try cli.ok("persona", "build", "--role", "TB", "--level", "executive", "--format", "html")
        #expect(html.contains("class=\"thin\"") && html.contains("⚠ Built on 1 person"))
    }

    @Test("persona list and show in every format; a note survives a rebuild")
    func showAndNote() throws {
        let cli = try Self.shared.get()
        _ = try Self.personas(cli, "--pipeline", "政府", "--role", "TB")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok("persona", "list", "--format", "json").utf8)) as? [[String: Any]])
        let row = try #require(list.first { $0["role"] as? String == "TB" && $0["level"] as? String == "manager" && $0["pipeline"] as? String == "government" })
        let id = try #require(row["id"] as? Int)
        try cli.ok("persona", "note", String(id), "--text", "先讲验收标准，再谈价格")
        let before = try cli.count("SELECT count(*) FROM persona_note")
        _ = try Self.personas(cli, "--pipeline", "government", "--role", "TB")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok("persona", "show", String(id), "--format", "json").utf8)) as? [String: Any])
        #expect((shown["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["先讲验收标准，再谈价格"])
        #expect(try cli.count("SELECT count(*) FROM persona_note") == before)
        #expect(try cli.count("SELECT count(*) FROM audit_log WHERE table_name = 'persona_note'") >= 1)

        let text = try cli.ok("persona", "show", String(id))
        #expect(text.contains("合同条款不清晰") && text.contains("先讲验收标准，再谈价格") && text.contains("pipeline government"))
        let md = try cli.ok("persona", "show", String(id), "--format", "md")
        #expect(md.hasPrefix("# Persona #\(id)"))
        let html = try cli.ok("persona", "show", String(id), "--format", "html")
        #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<script") && html.contains("先讲验收标准，再谈价格"))
        #expect(try cli.ok("persona", "list").contains("TB"))

        // The zh text of persona show, persona list and map --persona is scanned for English keys in ChineseOutputTests.
    }

    @Test("map --persona TB: the TB's people, pains and emotion first, the persona's typical frustration marked, in every format")
    func focusedMap() throws {
        let cli = try Self.shared.get()
        _ = try Self.personas(cli, "--role", "TB")
        let r = try cli.run("map", PlanSample.account, "--today", PlanSample.today, "--persona", "TB", "--format", "json")
        #expect(r.status == 0, "\(r)")
        let map = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let focus = try #require(map["persona"] as? [String: Any])
        #expect(focus["role"] as? String == "TB")
        #expect(Set(focus["stakeholders"] as? [String] ?? []) == ["李敏", "赵磊", "陈志强"])
        let typical = try #require((focus["typical"] as? [[String: Any]])?.first)
        #expect(typical["key"] as? String == "合同条款不清晰" && typical["shown_here"] as? Bool == true)
        let stages = try #require(map["stages"] as? [[String: Any]])
        let contract = try #require(stages.first { $0["key"] as? String == "contract" })
        #expect((contract["emotion_lows"] as? [[String: Any]])?.first?["role"] as? String == "TB")
        let marked = try #require((typical["pain_point_ids"] as? [Int])?.first)
        #expect((contract["pain_points"] as? [[String: Any]])?.contains { $0["id"] as? Int == marked } == true)
        // Unfocused maps keep their JSON as it was.
        #expect(try cli.json("map", PlanSample.account, "--today", PlanSample.today) as? [String: Any] != nil)
        #expect((try cli.json("map", PlanSample.account, "--today", PlanSample.today) as? [String: Any])?["persona"] == nil)

        for format in ["text", "md", "svg", "html"] {
            let out = try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--persona", "TB", "--format", format)
            #expect(out.contains("as the TB sees it"), "\(format)")
            #expect(out.contains("★"), "\(format)")
        }
        let zh = try cli.ok("map", PlanSample.account, "--today", PlanSample.today, "--persona", "把关者", "--lang", "zh")
        #expect(zh.contains("视角") && zh.contains("★"))
        let byID = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok("persona", "list", "--format", "json").utf8)) as? [[String: Any]])
        let id = try #require(byID.first { $0["role"] as? String == "TB" && $0["level"] as? String == "manager" }?["id"] as? Int)
        let one = try #require(try cli.json("map", PlanSample.account, "--today", PlanSample.today, "--persona", String(id)) as? [String: Any])
        #expect((one["persona"] as? [String: Any])?["persona_ids"] as? [Int] == [id])
        let bad = try cli.run("map", PlanSample.account, "--persona", "XB")
        #expect(bad.status == 65 && bad.stderr.split(separator: "\n").count == 1, "\(bad)")
    }

    @Test("bad input: one line, exit 65, nothing written", arguments: [
        ["persona", "build", "--role", "XB"],
        ["persona", "build", "--level", "boss"],
        ["persona", "build", "--kind", "city"],
        ["persona", "build", "--pipeline", "retail"],
        ["persona", "note", "999999", "--text", "x"],
        ["persona", "note", "1", "--text", "  "],
        ["persona", "show", "999999"],
    ])
    func badInput(_ args: [String]) throws {
        let cli = try Self.shared.get()
        let before = try cli.count("SELECT (SELECT count(*) FROM persona) * 1000 + (SELECT count(*) FROM persona_note)")
        let r = try cli.run(args)
        #expect(r.status == 65, "\(args): \(r)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try cli.count("SELECT (SELECT count(*) FROM persona) * 1000 + (SELECT count(*) FROM persona_note)") == before)
    }
}
