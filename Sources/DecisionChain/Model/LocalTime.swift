/// A wall-clock time in the team's time zone, to the minute: when a
/// touchpoint happened as the rep would say it.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let day: Day
    /// Minutes since midnight, 0..<1440.
    public let minuteOfDay: Int

    public init(day: Day, minuteOfDay: Int = 0) {
        self.day = day
        self.minuteOfDay = min(max(minuteOfDay, 0), 1439)
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM[:SS]`
    /// (surrounding spaces allowed). Works on bytes: maps parse thousands.
    public init?(_ text: String) {
        var utf8 = Array(text.utf8)
        while utf8.last == 0x20 { utf8.removeLast() }
        while utf8.first == 0x20 { utf8.removeFirst() }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= utf8.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                let c = utf8[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            return n
        }
        guard utf8.count >= 10, utf8[4] == 0x2D, utf8[7] == 0x2D, let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
              let day = Day(year: y, month: mo, day: d) else { return nil }
        if utf8.count == 10 { self.init(day: day); return }
        guard utf8.count == 16 || utf8.count == 19, utf8[10] == 0x20 || utf8[10] == 0x54, utf8[13] == 0x3A,
              let h = number(11, 2), let m = number(14, 2), h < 24, m < 60 else { return nil }
        if utf8.count == 19 { guard utf8[16] == 0x3A, let sec = number(17, 2), sec < 60 else { return nil } }
        self.init(day: day, minuteOfDay: h * 60 + m)
    }

    /// `YYYY-MM-DD HH:MM`.
    public var description: String {
        let h = minuteOfDay / 60, m = minuteOfDay % 60
        return "\(day) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (a: LocalTime, b: LocalTime) -> Bool {
        (a.day, a.minuteOfDay) < (b.day, b.minuteOfDay)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = LocalTime(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date-time: \(text)"))
        }
        self = t
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}


extension LocalTime {
    /// A date-time as typed, with the UTC offset it carried, if any:
    /// `2026-03-31T23:30:00+08:00`, `2026-03-31T15:30:00Z`, `…T23:30+0800`,
    /// fractional seconds allowed. Without an offset it is already local.
    public struct Typed: Equatable, Sendable {
        /// The wall-clock time written (in the offset's zone when there is one).
        public var time: LocalTime
        /// Minutes east of UTC, or nil when none was written.
        public var offsetMinutes: Int?

        /// Seconds since 1970-01-01T00:00Z, when the offset is known.
        public var epochSeconds: Int? {
            offsetMinutes.map { (time.day.ordinal * 1440 + time.minuteOfDay - $0) * 60 }
        }
    }

    /// Parses what `init?(_:)` does, plus ISO 8601 offsets (`Z`, `±HH:MM`,
    /// `±HHMM`, `±HH`) and fractional seconds.
    public static func typed(_ text: String) -> Typed? {
        var t = text.trimmingCharacters(in: .whitespaces)
        var offset: Int?
        if t.count > 16, t.last == "Z" || t.last == "z" {
            offset = 0; t.removeLast()
        } else if t.count > 16, let sign = t.lastIndex(where: { $0 == "+" || $0 == "-" }), t.distance(from: t.startIndex, to: sign) >= 16 {
            let digits = t[t.index(after: sign)...].filter { $0 != ":" }
            guard [2, 4].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  t[t.index(after: sign)...].filter({ $0 == ":" }).count <= (digits.count == 4 ? 1 : 0),
                  let h = Int(digits.prefix(2)), let m = Int(digits.count == 4 ? String(digits.suffix(2)) : "0"), h <= 14, m < 60
            else { return nil }
            offset = (h * 60 + m) * (t[sign] == "-" ? -1 : 1)
            t = String(t[..<sign])
        }
        // Fractional seconds: "23:30:00.123" → "23:30:00".
        if t.count > 20, t[t.index(t.startIndex, offsetBy: 19)] == ".",
           t.dropFirst(20).allSatisfy({ $0.isASCII && $0.isNumber }) {
            t = String(t.prefix(19))
        }
        guard let local = LocalTime(t) else { return nil }
        if offset != nil && t.count < 16 { return nil }
        return Typed(time: local, offsetMinutes: offset)
    }
}
