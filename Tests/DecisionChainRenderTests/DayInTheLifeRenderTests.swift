import Foundation
import Testing
@testable import DecisionChain
@testable import DecisionChainRender

/// The day-in-the-life renderers: every format, both languages, escaping,
/// self-contained HTML, CJK-aware widths.
@Suite("Day in the life renderers")
struct DayInTheLifeRenderTests {
    typealias D = DayFixture

    func day(_ on: Day? = DayFixture.day1, snapshot: AccountSnapshot = DayFixture.snapshot(),
             observations: [Observation] = DayFixture.observations) throws -> DayInTheLife {
        try DayInTheLifeBuilder.build(snapshot: snapshot, observations: observations, stakeholderID: JourneyFixture.chen, on: on)
    }

    @Test("text: the timeline hour by hour, low points marked, tools, pains and what would change them; zh labels")
    func text() throws {
        let en = try DayInTheLifeRenderer.render(try day(), format: "text", lang: .en, width: 100)
        #expect(en.hasPrefix("A day in the life of 陈工 — 2026-04-14\n"))
        #expect(en.contains("10:15 ▼") && en.contains("14:00 ▼") && !en.contains("09:00 ▼"))
        #expect(en.contains("每天手工导数据到报表") && en.contains("tools: Excel, 数据平台") && en.contains("thinks: 又要加班"))
        #expect(en.contains("→ our response (#2): 演示自动化交换"))
        #expect(en.contains("→ the deal's need (#1): 跨部门数据共享难"))
        #expect(en.contains("→ planned (task #4): 邀请陈工参加上线启动会"))
        // Wrapped to the width, measured with East Asian wide characters counted as two.
        #expect(en.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 100 })
        let zh = try DayInTheLifeRenderer.render(try day(nil), format: "text", lang: .zh, width: 80)
        #expect(zh.hasPrefix("陈工的典型一天 — 观察 2 天\n"))
        #expect(zh.contains("全天情绪曲线") && zh.contains("[2/2 天]") && zh.contains("-2.5") && zh.contains("(-3…-2, "))
        #expect(zh.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test("Markdown: a table of steps and the pains as a list")
    func markdown() throws {
        let md = try DayInTheLifeRenderer.render(try day(), format: "md", lang: .en)
        #expect(md.hasPrefix("# A day in the life of 陈工 — 2026-04-14\n"))
        #expect(md.contains("| 14:00 **▼** | 打电话找各部门要数据 | 电话 | -3 无奈 |"))
        #expect(md.contains("## Pains, and where our product would change the day"))
    }

    @Test("SVG: the emotion curve across the hours, the spread on a typical day, low points marked")
    func svg() throws {
        let one = try DayInTheLifeRenderer.render(try day(), format: "svg", lang: .zh)
        #expect(one.hasPrefix("<?xml") && one.contains("<polyline class=\"curve\""))
        #expect(one.components(separatedBy: "class=\"low\"").count - 1 == 2)
        #expect(one.contains(">08:00<") && one.contains(">18:00<"))
        #expect(!one.contains("class=\"spread\""))
        let typical = try DayInTheLifeRenderer.render(try day(nil), format: "svg", lang: .en)
        #expect(typical.contains("class=\"spread\""))
    }

    @Test("HTML: one self-contained page with the chart inline")
    func html() throws {
        let html = try DayInTheLifeRenderer.render(try day(), format: "html", lang: .zh)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("<svg") && html.contains("陈工的一天") && html.contains("id=\"pain-401\""))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"))
    }

    @Test("JSON: the documented keys")
    func json() throws {
        let json = try DayInTheLifeRenderer.render(try day(), format: "json", lang: .en)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(doc["kind"] as? String == "observed" && doc["date"] as? String == "2026-04-14" && doc["stakeholder"] as? String == "陈工")
        #expect(Set(doc.keys).isSuperset(of: ["account", "account_id", "stakeholder_id", "roles", "observed_days", "steps", "tools", "curve", "pains"]))
        let steps = try #require(doc["steps"] as? [[String: Any]])
        #expect(steps.first?["time"] as? String == "08:30" && steps.first?["observation_ids"] as? [Int] == [1])
        let pains = try #require(doc["pains"] as? [[String: Any]])
        #expect(pains.first?["pain_point_id"] as? Int == 401)
        #expect((pains.first?["changes"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["response", "plan"])
    }

    @Test("what people typed is text in HTML and SVG")
    func escaping() throws {
        var obs = D.observations
        obs[0].does = "<script>alert(1)</script>"
        obs[0].tool = "\"><img src=x onerror=alert(2)>"
        obs[1].thinks = "A & B"
        let d = try day(observations: obs)
        for format in ["html", "svg"] {
            let out = try DayInTheLifeRenderer.render(d, format: format, lang: .en)
            #expect(!out.contains("<script>alert") && !out.contains("<img src=x"), "\(format)")
            #expect(out.contains("&lt;script&gt;"), "\(format)")
        }
        #expect(try DayInTheLifeRenderer.render(d, format: "html", lang: .en).contains("A &amp; B"))
    }
}
