import Foundation

/// A Swift value that can be sent as a bound parameter, in PostgreSQL's
/// text format. `nil` text means SQL NULL.
public protocol PostgresEncodable {
    var postgresText: String? { get }
}

/// A Swift value that can be read from a column in text format.
public protocol PostgresDecodable {
    init?(postgresText: String)
}

extension String: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self }
    public init?(postgresText: String) { self = postgresText }
}
extension Substring: PostgresEncodable {
    public var postgresText: String? { String(self) }
}
extension Int: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}
extension Int64: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}
extension Int32: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}
extension Double: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public init?(postgresText: String) {
        switch postgresText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default: self.init(postgresText)
        }
    }
}
extension Bool: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self ? "t" : "f" }
    public init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}
extension Decimal: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
    public init?(postgresText: String) { self.init(string: postgresText, locale: Locale(identifier: "en_US_POSIX")) }
}
extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText }
}

/// SQL NULL as a parameter, when no typed nil is at hand.
public struct SQLNull: PostgresEncodable {
    public init() {}
    public var postgresText: String? { nil }
}

/// A calendar date as PostgreSQL's `date` (ISO `YYYY-MM-DD`).
public struct PostgresDate: Hashable, Sendable, PostgresEncodable, PostgresDecodable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
    public init?(postgresText: String) {
        let p = postgresText.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
    public var postgresText: String? { description }
}

extension Date: PostgresEncodable, PostgresDecodable {
    /// ISO 8601 with offset; the server parses it whatever its TimeZone.
    public var postgresText: String? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: self)
    }
    /// Reads `timestamptz` in DateStyle ISO: `2026-11-23 13:41:47.123+08`.
    public init?(postgresText: String) {
        var t = postgresText.replacingOccurrences(of: " ", with: "T")
        // "+08" → "+08:00"; "+05:30" stays.
        if let r = t.range(of: "[+-]\\d\\d$", options: .regularExpression) { t.replaceSubrange(r, with: t[r] + ":00") }
        let f = ISO8601DateFormatter()
        f.formatOptions = t.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        guard let d = f.date(from: t) else { return nil }
        self = d
    }
}
