import Testing
@testable import DecisionChain

@Suite("Names: one normaliser for every name")
struct NamesTests {
    @Test("NFC, trimmed, inner whitespace collapsed", arguments: [
        ("Cafe\u{301}", "Café"), ("Café", "Café"), ("  市数据局 ", "市数据局"), ("王\u{3000}局长", "王 局长"),
        ("Ann   Lee\t", "Ann Lee"), ("Ann \t Lee", "Ann Lee"),
    ])
    func normalised(_ typed: String, _ stored: String) throws {
        let n = try Names.normalize(typed, field: "name")
        #expect(n == stored)
        #expect(Array(n.unicodeScalars) == Array(stored.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("control characters, newlines, ANSI escapes, invalid UTF-8 and blanks are refused naming the field", arguments: [
        "a\nb", "a\u{1B}[31mb", "x\u{7}", "a\u{85}b", "x\u{FFFD}y", "", "   ",
    ])
    func refused(_ typed: String) {
        #expect { try Names.normalize(typed, field: "name") } throws: { e in
            guard let e = e as? InputError else { return false }
            return e.field == "name" && !e.description.contains("\n") && !e.description.contains("\u{1B}")
        }
    }

    @Test("free text keeps newlines, refuses escapes; terminal output shows escapes instead of obeying them")
    func freeText() throws {
        #expect(try Names.freeText("第一行\n第二行", field: "summary") == "第一行\n第二行")
        #expect(throws: InputError.self) { try Names.freeText("red \u{1B}[31m", field: "summary") }
        #expect(Names.terminalSafe("a\u{1B}[2Jb\nc") == "a\\u{1B}[2Jb\nc")
        #expect(Names.visible("a\nb") == "a\\nb")
    }

    @Test("did-you-mean: nearest names by characters, CJK included, never unrelated ones")
    func suggestions() {
        let people = ["刘主任", "王建国", "李敏", "Alice Wong", "赵磊"]
        #expect(Names.suggestions(for: "刘主人", among: people) == ["刘主任"])
        #expect(Names.suggestions(for: "李明", among: people) == ["李敏"])
        #expect(Names.suggestions(for: "alice wang", among: people) == ["Alice Wong"])
        #expect(Names.suggestions(for: "王建", among: people) == ["王建国"])
        #expect(Names.suggestions(for: "孙丽", among: people).isEmpty)
    }
}

@Suite("Amounts as reps type them")
struct AmountTests {
    @Test("万, 亿, separators, ¥ and 元 are read exactly", arguments: [
        ("4800000", 480_000_000), ("4,800,000", 480_000_000), ("650万", 650_000_000), ("1.2亿", 12_000_000_000),
        ("¥480万", 480_000_000), ("￥480万元", 480_000_000), ("12.5", 1_250), ("0.01", 1), ("0", 0), ("1,234.56", 123_456),
        ("0.00001万", 10), ("9999999999999999.99", 999_999_999_999_999_999),
    ] as [(String, Int64)])
    func read(_ typed: String, _ cents: Int64) throws {
        #expect(try Amount.cents(typed, field: "amount") == cents)
    }

    @Test("ambiguous, over-precise, negative, huge or malformed amounts are refused, never rounded", arguments: [
        "0.001", "1.2345678万", "48,00,000", "4,8", "1,000.5,0", "-5", "1e20", "10000000000000000", "100000000亿", "abc", "万",
        "1.", ".5", "1..2", "NaN",
    ])
    func refused(_ typed: String) {
        #expect { try Amount.cents(typed, field: "amount") } throws: { ($0 as? InputError)?.field == "amount" }
    }
}

@Suite("Date-times with offsets and the input range")
struct TypedTimeTests {
    @Test("ISO 8601 offsets are kept so the CLI can convert to the configured zone", arguments: [
        ("2026-03-31T23:30:00+08:00", "2026-03-31 23:30", 480), ("2026-03-31T15:30:00Z", "2026-03-31 15:30", 0),
        ("2026-03-31T23:30+0800", "2026-03-31 23:30", 480), ("2026-03-31T10:00:00.250-05:00", "2026-03-31 10:00", -300),
        ("2026-03-31 09:15", "2026-03-31 09:15", nil), ("2026-03-31", "2026-03-31 00:00", nil),
    ] as [(String, String, Int?)])
    func typed(_ text: String, _ local: String, _ offset: Int?) throws {
        let t = try #require(LocalTime.typed(text))
        #expect(t.time.description == local)
        #expect(t.offsetMinutes == offset)
    }

    @Test("the same instant, whatever the offset")
    func instant() throws {
        #expect(LocalTime.typed("2026-03-31T23:30:00+08:00")?.epochSeconds == LocalTime.typed("2026-03-31T15:30:00Z")?.epochSeconds)
    }

    @Test("malformed offsets are refused", arguments: ["2026-03-31T23:30:00+8", "2026-03-31T23:30:00+25:00", "2026-03-31Z", "2026-03-31T23:30:00+08:00:00"])
    func bad(_ text: String) { #expect(LocalTime.typed(text) == nil) }

    @Test("typed dates outside 1900–2999 are out of range")
    func range() throws {
        #expect(try #require(Day("2026-01-01")).isInInputRange)
        #expect(!(try #require(Day("9999-01-01")).isInInputRange))
        #expect(!(try #require(Day("0001-01-01")).isInInputRange))
    }
}

@Suite("Chinese in: the alias table")
struct VocabularyAliasTests {
    @Test("every printed Chinese label and alias parses back to its key, and no two values share one")
    func roundTrip() throws {
        func check<V: Vocabulary>(_ type: V.Type) throws {
            var seen: [String: String] = [:]
            for v in V.allCases {
                #expect(V(typed: v.rawValue) == v)
                #expect(V(typed: v.rawValue.uppercased()) == v)
                for zh in v.acceptedChinese {
                    #expect(try V.parse(zh, field: "x") == v, "\(zh)")
                    #expect(seen.updateValue(v.rawValue, forKey: zh) == nil, "\(zh) is claimed twice in \(V.self)")
                }
            }
        }
        try check(AccountKind.self); try check(Level.self); try check(Role.self); try check(Influence.self); try check(Stance.self)
        try check(ResponseMode.self); try check(DealStatus.self); try check(JourneyPhase.self); try check(Channel.self)
        try check(Direction.self); try check(ProcurementMethod.self); try check(Severity.self); try check(PainKind.self)
        try check(PainStatus.self); try check(TaskStatus.self); try check(Priority.self)
    }

    @Test("an unknown value lists keys with their Chinese labels")
    func unknown() {
        #expect { try Channel.parse("传真", field: "channel") } throws: { ($0 as? InputError)?.description.contains("visit (拜访)") == true }
    }

    @Test("stages by key, English or Chinese name, or short form")
    func stages() {
        let stage = { (key: String, zh: String) in Stage(id: 1, pipelineKey: "government", key: key, position: 1, nameEN: key, nameZH: zh, phase: .consideration, expectedDays: 1) }
        let p = Pipeline(id: 1, key: "government", nameEN: "Government procurement", nameZH: "政府采购",
                         stages: [stage("needs", "需求发现"), stage("approval", "立项与预算"), stage("contract", "合同谈判")])
        #expect(p.stage(typed: "立项")?.key == "approval")
        #expect(p.stage(typed: "立项与预算")?.key == "approval")
        #expect(p.stage(typed: "Approval")?.key == "approval")
        #expect(p.stage(typed: "合同")?.key == "contract")
        #expect(p.stage(typed: "签字") == nil)
        #expect(p.matches(typed: "政府") && p.matches(typed: "政府采购") && !p.matches(typed: "企业"))
    }
}

@Suite("Pain point severities")
struct SeverityInputTests {
    @Test("a known severity, in English or Chinese, is taken; an unknown word is refused naming it")
    func severity() throws {
        #expect(try TouchpointSpec.statement("赵磊:慢:高", field: "pain", allowSeverity: true) == .init(name: "赵磊", text: "慢", severity: .high))
        #expect(try TouchpointSpec.statement("赵磊:慢:Low", field: "pain", allowSeverity: true).severity == .low)
        #expect { try TouchpointSpec.statement("赵磊:慢:critical", field: "pain", allowSeverity: true) } throws: { e in
            (e as? InputError).map { $0.field == "severity" && $0.value == "critical" } ?? false
        }
        #expect(try TouchpointSpec.statement("赵磊:时间：下午三点", field: "pain", allowSeverity: true).text == "时间：下午三点")
    }
}
