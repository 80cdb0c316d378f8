import DecisionChain
import Foundation
import Testing
@testable import DecisionChainRender

/// A finished plan for the renderers: the sample government deal, with text
/// that tests escaping (markup, formulas, ICS separators) and folding (long Chinese).
enum PlanRenderFixture {
    static let today = Day("2026-04-25")!
    static let account = Account(id: 1, name: "市数据局", kind: .government)
    static let deal = Deal(id: 10, accountID: 1, name: "政务云平台", pipelineKey: "government", stageKey: "contract")
    static let stage = Stage(id: 9, pipelineKey: "government", key: "contract", position: 9, nameEN: "contract negotiation",
                             nameZH: "合同谈判", phase: .purchase, expectedDays: 30)

    static func item(_ rule: String, _ key: String, who: (Int64, String)?, role: Role?, action: String, channel: Channel,
                     theme: String, due: Int, priority: Priority, why: String) -> PlanItem {
        PlanItem(uid: "\(rule).d10.\(who.map { "s\($0.0)" } ?? role?.rawValue ?? "account")" + (key.isEmpty ? "" : ".\(key)"), rule: rule, dealID: 10,
                 dealName: deal.name, pipelineKey: "government", stageKey: "contract", stakeholderID: who?.0, stakeholderName: who?.1,
                 role: role, action: action, channel: channel, theme: theme, due: today.adding(days: due), priority: priority, why: why)
    }

    static func plan(_ lang: Language = .en, items: [PlanItem]? = nil) -> Plan {
        Plan(account: account, deal: deal, deals: [deal], stages: [10: stage], today: today, language: lang, items: items ?? [
            item("negative-emotion", "t3", who: (2, "李明"), role: .tb, action: "Follow up with 李明 on “Contract terms unclear: acceptance and liability”",
                 channel: .meeting, theme: "specification fit, compliance, procurement rules, evaluation criteria", due: 2, priority: .high,
                 why: "李明's latest emotion was -3 (frustrated) on 2026-04-08 at contract negotiation; open pain points: “Contract terms unclear: acceptance and liability”."),
            item("missing-role", "", who: nil, role: .coach, action: "Identify the Coach of 政务云平台: find out who guides us through how the decision will be made",
                 channel: .wechat, theme: "how the decision will be made, competitors", due: 5, priority: .high,
                 why: "政务云平台 is at contract negotiation and nobody in its decision chain holds the Coach role."),
            item("stale-contact", "2025-10-10", who: (1, "<script>alert(1)</script>"), role: .eb, action: "=HYPERLINK(\"http://x\")",
                 channel: .visit, theme: "outcomes, value, risk, policy", due: 3, priority: .high,
                 why: "Last contact was on 2025-10-10, 197 days ago; beyond the EB cadence, of 30 days.\nSee notes & \"quotes\"."),
            item("stage-playbook", "contract.UB", who: (3, "张丽"), role: .ub,
                 action: "商定面向使用者的培训和上线计划，包括分批培训、操作手册、上线后两周驻场支持以及问题响应时限",
                 channel: .wechat, theme: "日常工作、易用性、培训、支持", due: 10, priority: .low,
                 why: "政务云平台于2026-04-01进入合同谈判阶段，已24天（预期30天）；这是客户此采购步骤中我方对UB的动作（双螺旋）。"),
        ].sorted(by: PlanItem.planOrder))
    }
}

@Suite("Plan renderers")
struct PlanRenderTests {
    func golden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.check(name, actual, sourceLocation: sourceLocation)
    }

    @Test("text, markdown, HTML, JSON, CSV and ICS match their golden files")
    func goldens() throws {
        let plan = PlanRenderFixture.plan()
        try golden("plan.txt", PlanTextRenderer.render(plan, width: 100))
        try golden("plan.zh.txt", PlanTextRenderer.render(PlanRenderFixture.plan(.zh), width: 80))
        try golden("plan.md", PlanMarkdownRenderer.render(plan))
        // A fixed stylesheet: the shared report.css may change without changing the plan page.
        try golden("plan.html", PlanHTMLRenderer.render(plan, stylesheet: "/* report.css */"))
        try golden("plan.json", PlanJSONRenderer.render(plan))
        try golden("plan.csv", PlanCSVRenderer.render(plan))
        try golden("plan.ics", PlanICSRenderer.render(plan))
    }

    @Test("terminal lines stay within the width, Chinese counted as two columns", arguments: [60, 80, 100])
    func width(width: Int) {
        for lang in Language.allCases {
            for line in PlanTextRenderer.render(PlanRenderFixture.plan(lang), width: width).split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
            }
        }
    }

    @Test("user text is escaped in HTML and Markdown")
    func escaping() throws {
        let html = try PlanHTMLRenderer.render(PlanRenderFixture.plan())
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;quotes&quot;"))
        let md = PlanMarkdownRenderer.render(PlanRenderFixture.plan())
        #expect(!md.contains("<script>"))
    }

    @Test("CSV guards formulas and quotes fields with separators")
    func csv() {
        let csv = PlanCSVRenderer.render(PlanRenderFixture.plan())
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.hasPrefix("due,priority,deal,stakeholder,role,channel,action,theme,rule,why,uid\r\n"))
        #expect(!csv.contains(",=HYPERLINK"))
    }

    @Test("JSON has the documented keys on every item, null when absent")
    func json() throws {
        let data = Data(try PlanJSONRenderer.render(PlanRenderFixture.plan()).utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(doc["account"] as? String == "市数据局")
        #expect(doc["deal"] as? String == "政务云平台")
        #expect(doc["today"] as? String == "2026-04-25")
        let items = try #require(doc["items"] as? [[String: Any]])
        #expect(items.count == 4)
        for item in items {
            for key in ["stakeholder", "role", "action", "channel", "theme", "due", "priority", "rule", "why"] {
                #expect(item.keys.contains(key), "missing \(key)")
            }
        }
        let missing = try #require(items.first { $0["rule"] as? String == "missing-role" })
        #expect(missing["stakeholder"] is NSNull)
        #expect(missing["role"] as? String == "Coach")
        #expect(items.first?["priority"] as? String == "high")
    }

    @Test("ICS: CRLF, folded at 75 octets without splitting characters, one VTODO per item with stable UID and DUE date")
    func ics() throws {
        let ics = PlanICSRenderer.render(PlanRenderFixture.plan())
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(ics.utf8)
        // Every LF is preceded by CR.
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            #expect(line.utf8.count <= 75, "\(line)")
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.filter { $0 == "BEGIN:VTODO" }.count == 4)
        #expect(unfolded.contains("UID:negative-emotion.d10.s2.t3@dchain"))
        #expect(unfolded.contains("DUE;VALUE=DATE:20260427"))
        #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 4, "an event per item, next to its task")
        #expect(unfolded.contains("UID:negative-emotion.d10.s2.t3.event@dchain"))
        #expect(unfolded.contains("DTSTART:20260427T090000") && unfolded.contains("DURATION:PT30M"))
        #expect(unfolded.filter { $0 == "DTSTAMP:20260425T000000Z" }.count == 8)
        #expect(unfolded.contains { $0.hasPrefix("SUMMARY:\(PlanRenderFixture.plan().account.name) · 张丽: 商定面向使用者的培训和上线计划，包括分批培训") })
        let late = PlanICSRenderer.render(PlanRenderFixture.plan(), events: .init(hour: 14, minute: 5, minutes: 45))
            .replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(late.contains("DTSTART:20260427T140500") && late.contains("DURATION:PT45M"))
        #expect(unfolded.contains { $0.hasPrefix("DESCRIPTION:Last contact was on 2025-10-10\\, 197 days ago\\; beyond") })
        #expect(unfolded.contains("CATEGORIES:stage-playbook"))
        #expect(ics == PlanICSRenderer.render(PlanRenderFixture.plan()))
    }

    @Test("folding splits long Chinese lines on character boundaries", arguments: [1, 2, 3, 74, 75, 76, 200])
    func fold(length: Int) {
        let line = "SUMMARY:" + String(repeating: "合", count: length)
        let folded = PlanICSRenderer.fold(line)
        for part in folded.components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test("an empty plan and an account without open deals say so")
    func empty() throws {
        let none = PlanRenderFixture.plan(items: [])
        #expect(PlanTextRenderer.render(none).contains("Nothing to do"))
        var noDeals = none
        noDeals.deals = []; noDeals.deal = nil
        #expect(PlanTextRenderer.render(noDeals).contains("has no open deals"))
        #expect(try PlanHTMLRenderer.render(noDeals).contains("has no open deals"))
        #expect(PlanICSRenderer.render(none).contains("BEGIN:VCALENDAR\r\n"))
        #expect(!PlanICSRenderer.render(none).contains("VTODO"))
    }
}
