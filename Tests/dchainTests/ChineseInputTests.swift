import Foundation
import Testing
import TestSupport

/// Chinese in, not only out: docs/chinese-input.md is the binary's own table,
/// and every form in it reads back to its key through the binary.
@Suite("Chinese input")
struct ChineseInputTests {
    let cli: CLI
    init() throws { cli = try CLI.fresh("zhinput") }

    static let doc: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/chinese-input.md"), encoding: .utf8)) ?? ""
    }()

    /// The table rows of the doc: field, key, accepted Chinese.
    static var rows: [(field: String, key: String, chinese: [String])] {
        doc.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| field ") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0], cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                    cells[3].components(separatedBy: "、"))
        }
    }

    @Test("docs/chinese-input.md holds exactly the table the binary prints")
    func docMatchesCode() throws {
        let table = try cli.ok("vocabulary", "--format", "md").split(separator: "\n").map(String.init)
        let inDoc = Self.doc.split(separator: "\n").filter { $0.hasPrefix("|") }.map(String.init)
        #expect(table.count > 90)
        #expect(inDoc == table, "regenerate the table with: dchain vocabulary --format md")
    }

    @Test("every Chinese form and every key in the doc reads back to its key")
    func everyAlias() throws {
        let rows = Self.rows
        #expect(Set(rows.map(\.field)).count >= 18)
        for field in Set(rows.map(\.field)).sorted() {
            let mine = rows.filter { $0.field == field }
            let values = mine.flatMap { r in r.chinese + [r.key, r.key.uppercased()] }
            let expected = mine.flatMap { r in Array(repeating: r.key, count: r.chinese.count + 2) }
            let r = try cli.run(["vocabulary", "--parse", field] + values)
            #expect(r.status == 0, "\(field): \(r)")
            let out = r.stdout
            #expect(out.split(separator: "\n").map { String($0.split(separator: "\t").last ?? "") } == expected, "\(field): \(out)")
        }
    }

    @Test("commands take the Chinese the zh output prints")
    func commands() throws {
        try cli.ok("account", "add", "省财政厅", "--kind", "事业单位")
        try cli.ok("stakeholder", "add", "省财政厅", "张伟", "--title", "厅长", "--level", "高层", "--channel", "微信")
        try cli.ok("deal", "add", "省财政厅", "预算一体化", "--pipeline", "政府采购", "--method", "竞争性磋商", "--on", "2026-02-01")
        try cli.ok("deal", "move", "预算一体化", "立项与预算", "--on", "2026-03-01")
        try cli.ok("deal", "move", "预算一体化", "采购意向", "--on", "2026-04-01")
        try cli.ok("role", "set", "预算一体化", "张伟", "EB 决策者", "--influence", "高", "--stance", "怀疑", "--mode", "困境")
        try cli.ok("log", "省财政厅", "--channel", "现场勘查", "--direction", "对方主动", "--with", "张伟:-1", "--pain", "张伟:系统慢:中",
                   "--on", "2026-04-02")
        try cli.ok("deal", "close", "预算一体化", "赢单", "--on", "2026-04-03")
        let sql = try SQL(cli.conninfo)
        #expect(try sql.strings("""
            SELECT concat_ws(' ', a.kind, s.level, s.preferred_channel, d.method, st.key, d.status, bi.role, bi.influence, bi.stance, bi.mode,
                             t.channel, t.direction, p.severity)
            FROM account a JOIN stakeholder s ON s.account_id = a.id JOIN deal d ON d.account_id = a.id JOIN stage st ON st.id = d.stage_id
            JOIN buying_influence bi ON bi.deal_id = d.id JOIN touchpoint t ON t.account_id = a.id JOIN pain_point p ON p.account_id = a.id
            """) == ["institution executive wechat competitive-consultation intention won EB high skeptic trouble site-survey inbound medium"])
    }
}
