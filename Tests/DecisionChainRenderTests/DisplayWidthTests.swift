import Testing
@testable import DecisionChainRender

@Suite("Terminal width and escaping")
struct DisplayWidthTests {
    @Test("CJK and emoji take two columns", arguments: [
        ("abc", 3), ("市数据局", 8), ("王局长 👍", 9), ("ｆｕｌｌ", 8), ("é", 1),
    ])
    func width(_ s: String, _ w: Int) {
        #expect(DisplayWidth.of(s) == w)
    }

    @Test("a table with Chinese cells lines up")
    func table() {
        var t = TextTable(headers: ["name", "title"])
        t.append(["王局长", "局长"])
        t.append(["Li", "CIO"])
        let lines = t.render().split(separator: "\n").map(String.init)
        // The second column starts at the same display column on every line.
        let starts = lines.map { line -> Int in
            let cols = line.components(separatedBy: "  ").filter { !$0.isEmpty }
            return DisplayWidth.of(cols[0]) + (line.count - line.trimmingCharacters(in: .whitespaces).count)
        }
        #expect(lines[0].hasPrefix("name  "))
        #expect(lines[2] == "王局长  局长")
        #expect(lines[3] == "Li      CIO")
        _ = starts
    }

    @Test("truncation and wrapping respect wide characters")
    func truncateWrap() {
        #expect(DisplayWidth.truncate("需求论证与招标文件", to: 7) == "需求论…")
        #expect(DisplayWidth.wrap("需求论证与招标文件", to: 6) == ["需求论", "证与招", "标文件"])
        #expect(DisplayWidth.wrap("walk the TB through terms", to: 10) == ["walk the", "TB through", "terms"])
    }

    @Test("HTML escaping turns markup into text")
    func html() {
        #expect(Escape.html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Escape.html("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;")
    }

    @Test("CSV fields that a spreadsheet would run are defused", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+cmd", "'+cmd"), ("@x", "'@x"), ("-2", "-2"),
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("-1+1", "'-1+1"),
    ])
    func csv(_ input: String, _ expected: String) {
        #expect(Escape.csvField(input) == expected)
    }

    @Test("iCalendar text escapes separators")
    func ics() {
        #expect(Escape.icsText("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    }
}
