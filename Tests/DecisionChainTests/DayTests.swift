import Testing
@testable import DecisionChain

@Suite("Day and LocalTime")
struct DayTests {
    @Test("parses and prints ISO dates", arguments: ["1970-01-01", "2024-02-29", "2026-11-23", "1999-12-31"])
    func roundTrip(_ text: String) throws {
        let d = try #require(Day(text))
        #expect(d.description == text)
    }

    @Test("rejects dates that do not exist", arguments: ["2023-02-29", "2026-13-01", "2026-1-1", "yesterday", "2026-04-31"])
    func rejects(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test("counts days across month and year ends")
    func arithmetic() throws {
        let a = try #require(Day("2025-12-30")), b = try #require(Day("2026-03-01"))
        #expect(a.days(to: b) == 61)
        #expect(a.adding(days: 61) == b)
        #expect(Day(ordinal: 0).description == "1970-01-01")
    }

    @Test("reads a touchpoint time with or without minutes")
    func localTime() throws {
        #expect(LocalTime("2026-05-06 09:30")?.description == "2026-05-06 09:30")
        #expect(LocalTime("2026-05-06T09:30:00")?.minuteOfDay == 570)
        #expect(LocalTime("2026-05-06")?.minuteOfDay == 0)
        #expect(LocalTime("2026-05-06 25:00") == nil)
    }

    @Test("emotion stays within -3...3 and unknown never counts as zero")
    func emotion() {
        #expect(Emotion(4) == nil)
        #expect(Emotion(-3)?.description == "-3")
        #expect(meanEmotion([Emotion(-2), nil, Emotion(1)]) == -0.5)
        #expect(meanEmotion([nil, nil] as [Emotion?]) == nil)
    }
}
