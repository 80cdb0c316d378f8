import Foundation

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

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM[:SS]`.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 10, let day = Day(String(t.prefix(10))) else { return nil }
        let rest = t.dropFirst(10)
        if rest.isEmpty { self.init(day: day); return }
        guard let sep = rest.first, sep == " " || sep == "T" else { return nil }
        let hm = rest.dropFirst().split(separator: ":")
        guard hm.count == 2 || hm.count == 3, let h = Int(hm[0]), let m = Int(hm[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        if hm.count == 3 { guard let s = Int(hm[2]), (0..<60).contains(s) else { return nil } }
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

