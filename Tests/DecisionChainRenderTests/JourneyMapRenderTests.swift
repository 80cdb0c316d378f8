import Foundation
import Testing
@testable import DecisionChain
@testable import DecisionChainRender

/// Golden files for the journey map of the fixed sample (市数据局, as of 2026-05-01),
/// and the properties every renderer must keep: widths, escaping, self-containment.
@Suite("Journey map renderers")
struct JourneyMapRenderTests {
    typealias F = JourneyFixture

    func sample(_ lang: Language, future: Bool = false) throws -> JourneyMap {
        try JourneyMapBuilder.build(snapshot: F.snapshot(), dealID: nil, asOf: F.today, future: future, lang: lang)
    }

    func hostile(_ lang: Language = .en) throws -> JourneyMap {
        try JourneyMapBuilder.build(snapshot: F.hostile(), dealID: nil, asOf: F.today, future: false, lang: lang)
    }

    func golden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.check(name, actual, sourceLocation: sourceLocation)
    }

    @Test("text (Chinese labels, 100 columns) matches the golden file")
    func textGolden() throws { try golden("map.txt", JourneyMapTextRenderer.render(try sample(.zh), width: 100)) }

    @Test("Markdown matches the golden file")
    func markdownGolden() throws { try golden("map.md", JourneyMapMarkdownRenderer.render(try sample(.en))) }

    @Test("HTML matches the golden file")
    func htmlGolden() throws { try golden("map.html", try JourneyMapHTMLRenderer.render(try sample(.en))) }

    @Test("JSON matches the golden file")
    func jsonGolden() throws { try golden("map.json", try JourneyMapJSONRenderer.render(try sample(.en))) }

    @Test("no text line is wider than the terminal, Chinese included", arguments: [40, 60, 100, 160])
    func textWidth(_ width: Int) throws {
        for lang in Language.allCases {
            let text = JourneyMapTextRenderer.render(try sample(lang, future: true), width: width)
            let widest = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
            #expect(widest <= width, "\(lang): a line is \(widest) columns wide")
        }
    }

    @Test("a narrow terminal gets the stages one by one; a wide one side by side")
    func textWraps() throws {
        let map = try sample(.en)
        let narrow = JourneyMapTextRenderer.render(map, width: 50)
        let wide = JourneyMapTextRenderer.render(map, width: 300)
        let header = { (t: String) in t.split(separator: "\n").filter { $0.hasPrefix("stage ") }.count }
        #expect(header(narrow) == 9)
        #expect(header(wide) == 1)
        #expect(narrow.contains("9 contract negotiation (!)"))
    }

    @Test("the text emotion curve marks each role at its lowest person, exact; the moment of truth with !; everyone's mean as *")
    func textCurve() throws {
        let text = JourneyMapTextRenderer.render(try sample(.en), width: 100)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = try #require(lines.firstIndex { $0.hasPrefix(" +3 |") })
        let rows = Array(lines[top...(top + 6)])
        #expect(rows[0].hasPrefix(" +3 |") && rows[6].hasPrefix(" -3 |"))
        // Contract (9th slot): the TB 李处长 at -2 (not the TB mean -1.5), the moment of truth; everyone -0.75 → -1.
        let slot = (100 - 5) / 9
        func cell(_ row: String, _ i: Int) -> String {
            let chars = Array(row)
            let start = 5 + i * slot
            guard start < chars.count else { return "" }
            return String(chars[start..<min(chars.count, start + slot)]).trimmingCharacters(in: .whitespaces)
        }
        #expect(cell(rows[5], 8) == "T!")
        #expect(cell(rows[4], 8) == "*")
        #expect(text.contains("TB -2 李处长 ! moment of truth"))
        #expect(cell(rows[3], 8) == "EUC")
    }

    @Test("the HTML page is self-contained: grid, curve per role, chart, moments highlighted; no script, no network")
    func htmlShape() throws {
        let html = try JourneyMapHTMLRenderer.render(try sample(.zh))
        #expect(html.contains("<table class=\"journey\">"))
        #expect(html.components(separatedBy: "<polyline").count - 1 >= 1, "a line for everyone's mean")
        for color in JourneyMapSVGRenderer.series.compactMap({ $0.role == nil ? nil : $0.color }) {
            #expect(html.contains("<line x1=") && html.contains("stroke=\"\(color)\" stroke-width=\"2.5\""), "a line per role (\(color))")
        }
        #expect(html.contains("data-emotion=\"-2\""), "the TB's −2 drawn at −2, solid")
        #expect(html.contains("stroke-dasharray=\"5 4\""), "a role carried where nobody met it: dashed, not gone")
        #expect(html.contains("stroke=\"#c92a2a\" stroke-width=\"2.5\"><title>关键时刻"), "the moment of truth ringed on the curve")
        #expect(html.contains("class=\"chain\""))
        #expect(html.contains("<th class=\"current mot\">"), "the contract column is the moment of truth")
        #expect(html.contains("关键时刻") && html.contains("决策链") && html.contains("情绪曲线"))
        #expect(html.contains("@page { size: A3 landscape"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"))
    }

    @Test("printed, the grid comes in bands of stages, each with every lane label, and no text below 8 pt")
    func printBands() throws {
        let map = try sample(.zh)
        let html = try JourneyMapHTMLRenderer.render(map)
        let bands = html.components(separatedBy: "<table class=\"journey band\">").dropFirst()
        #expect(bands.count == (map.columns.count + 5) / 6, "at most six stages a page")
        for band in bands {
            for lane in MapLabels.lanes(of: map) {
                #expect(band.contains("<th class=\"lane\">\(MapLabels.lane(lane, .zh))</th>"), "band lacks the \(lane) label")
            }
        }
        #expect(html.contains("table.journey.band + table.journey.band { break-before: page"))
        // Sizes in CSS (pt, px at 0.75 pt, rem of a 12 pt root) and in the fixed-size chart SVG (px).
        let curveFree = html.replacingOccurrences(of: #"(?s)<svg[^>]*width="100%".*?</svg>"#, with: "",
                                                  options: [.regularExpression])
        let sizes = curveFree.matches(of: /font-size(?::\s*|=")([0-9.]+)(pt|px|rem|")/).map { m -> Double in
            let v = Double(m.1) ?? 0
            return m.2 == "pt" ? v : m.2 == "rem" ? v * 12 : v * 0.75
        }
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0 >= 8 }, "font sizes below 8 pt: \(sizes.filter { $0 < 8 })")
    }

    @Test("JSON has the documented shape, with null for unknown emotion")
    func jsonShape() throws {
        let data = Data(try JourneyMapJSONRenderer.render(try sample(.en)).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["account", "deal", "stages", "moments_of_truth", "decision_chain", "as_of", "state", "summary", "unstaged"] {
            #expect(root.keys.contains(key), "missing \(key)")
        }
        let stages = try #require(root["stages"] as? [[String: Any]])
        let intention = try #require(stages.first { $0["key"] as? String == "intention" })
        for key in ["key", "name", "phase", "entered", "days", "expected_days", "touchpoints", "emotion", "pain_points",
                    "responses", "opportunities", "metrics"] {
            #expect(intention.keys.contains(key), "stage lacks \(key)")
        }
        let emotion = try #require(intention["emotion"] as? [String: Any])
        #expect(Set(emotion.keys) == ["EB", "TB", "UB", "Coach", "all"])
        #expect(emotion["TB"] is NSNull, "unknown emotion is null, never 0")
        #expect(emotion["all"] as? Double == 2)
        let contract = try #require(stages.last)
        #expect((contract["emotion"] as? [String: Any])?["all"] as? Double == -0.75)
        #expect(contract["days"] as? Int == 35 && contract["expected_days"] as? Int == 30)
        let moments = try #require(root["moments_of_truth"] as? [[String: Any]])
        #expect(moments.first?["kinds"] as? [String] == ["lowest", "largest-drop"])
    }

    @Test("user text is escaped in HTML and SVG: a stakeholder named <script> renders as text")
    func escapingMarkup() throws {
        let map = try hostile()
        let outputs = [("html", try JourneyMapHTMLRenderer.render(map)), ("svg", JourneyMapSVGRenderer.render(map)),
                       ("chain", JourneyMapSVGRenderer.decisionChain(map)), ("curve", JourneyMapSVGRenderer.emotionCurve(map))]
        for (name, out) in outputs {
            #expect(!out.contains("<script"), "\(name) lets a script tag through")
            #expect(!out.contains("<img"), "\(name) lets an img tag through")
            #expect(!out.contains("<b>Evil") && !out.contains("<i>x</i>") && !out.contains("<u>happy"), "\(name) lets markup through")
        }
        #expect(outputs[0].1.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(outputs[2].1.contains("&lt;script&gt;alert(1)"))
        let md = JourneyMapMarkdownRenderer.render(map)
        #expect(!md.contains("<script") && md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!md.contains("| *bold*"), "pipes and stars in a summary must not break the table")
        let json = try JourneyMapJSONRenderer.render(map)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let chain = try #require(decoded["decision_chain"] as? [[String: Any]])
        #expect(chain.first?["name"] as? String == "<script>alert(1)</script>", "JSON keeps the data as it is")
    }

    @Test("an account with no deals and no touchpoints renders a small, correct map in every format")
    func emptyAccount() throws {
        let map = try JourneyMapBuilder.build(snapshot: AccountSnapshot(account: F.account), dealID: nil, asOf: F.today,
                                              future: false, lang: .en)
        #expect(JourneyMapTextRenderer.render(map).contains("nothing logged yet"))
        #expect(JourneyMapMarkdownRenderer.render(map).contains("nothing logged yet"))
        let html = try JourneyMapHTMLRenderer.render(map)
        #expect(html.contains("nothing logged yet") && !html.contains("<table class=\"journey\">"))
        #expect(JourneyMapSVGRenderer.render(map).hasPrefix("<svg"))
        #expect(try JourneyMapJSONRenderer.render(map).contains("\"stages\" : [\n\n  ]"))
    }

    @Test("the future state shows the planned actions lane")
    func futureLane() throws {
        let text = JourneyMapTextRenderer.render(try sample(.en, future: true), width: 250)
        #expect(text.contains("planned actions"))
        #expect(text.contains("制定科员培训计划"))
        #expect(!JourneyMapTextRenderer.render(try sample(.en), width: 250).contains("planned actions"))
    }

    @Test("empathy map: four quadrants in every format, user text escaped in HTML")
    func empathy() throws {
        let m = try EmpathyMapBuilder.build(snapshot: F.snapshot(), stakeholderID: F.li, dealID: F.dealID, asOf: F.today, lang: .zh)
        let text = try EmpathyMapRenderer.render(m, format: "text", lang: .zh, width: 60)
        for label in ["说", "想", "做", "感受"] { #expect(text.contains("\n\(label)\n")) }
        #expect(text.contains("趋势 下降"))
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 60 })
        let md = try EmpathyMapRenderer.render(m, format: "md", lang: .en)
        #expect(md.contains("## Says") && md.contains("## Feels"))
        #expect(try EmpathyMapRenderer.render(m, format: "json", lang: .en).contains("\"trend\" : \"falling\""))

        let evil = try EmpathyMapBuilder.build(snapshot: F.hostile(), stakeholderID: 91, dealID: nil, asOf: F.today, lang: .en)
        let html = try EmpathyMapRenderer.render(evil, format: "html", lang: .en)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("id=\"empathy\"") && !html.contains("id=\"grid\""))
    }
}
