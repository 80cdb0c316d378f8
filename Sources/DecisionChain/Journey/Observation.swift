/// One observed step of a person's working day, as a rep saw it on site: at
/// what time they do what, with which tool, what they think and feel, what hurts.
/// The steps of one person's day hang off one `site-survey` touchpoint; a step's
/// pain is an ordinary pain point (`painPointID`).
public struct Observation: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var stakeholderID: Int64
    public var on: Day
    /// Minutes since midnight, 0..<1440.
    public var minute: Int
    public var touchpointID: Int64
    public var dealID: Int64?
    public var does: String
    public var thinks: String?
    public var feels: Emotion?
    public var feelsLabel: String?
    public var tool: String?
    public var painPointID: Int64?

    public init(id: Int64, accountID: Int64, stakeholderID: Int64, on: Day, minute: Int, touchpointID: Int64, dealID: Int64? = nil,
                does: String, thinks: String? = nil, feels: Emotion? = nil, feelsLabel: String? = nil, tool: String? = nil,
                painPointID: Int64? = nil) {
        self.id = id; self.accountID = accountID; self.stakeholderID = stakeholderID; self.on = on; self.minute = minute
        self.touchpointID = touchpointID; self.dealID = dealID; self.does = does; self.thinks = thinks; self.feels = feels
        self.feelsLabel = feelsLabel; self.tool = tool; self.painPointID = painPointID
    }

    /// `HH:MM`.
    public var time: String { ClockTime.text(minute) }
}

/// A step as typed (by `dchain observe` or in a `--from-file` day), before it is stored.
public struct ObservationStep: Hashable, Sendable {
    /// The day, when the input names one per step (a CSV `date` column); else the command's `--on`.
    public var on: Day?
    /// The person, when the input names one per step (a CSV `who` column); else the command's `--who`.
    public var who: String?
    public var minute: Int
    public var does: String
    public var thinks: String?
    public var feels: Emotion?
    public var feelsLabel: String?
    public var tool: String?
    public var pain: String?
    public var severity: Severity?

    public init(on: Day? = nil, who: String? = nil, minute: Int, does: String, thinks: String? = nil, feels: Emotion? = nil,
                feelsLabel: String? = nil, tool: String? = nil, pain: String? = nil, severity: Severity? = nil) {
        self.on = on; self.who = who; self.minute = minute; self.does = does; self.thinks = thinks; self.feels = feels
        self.feelsLabel = feelsLabel; self.tool = tool; self.pain = pain; self.severity = severity
    }

    public var time: String { ClockTime.text(minute) }

    /// Parses the flags of `dchain observe` into a step: `--at HH:MM`, `--does`
    /// (not empty), `--feels -3..+3[:LABEL]`, `--pain TEXT[:low|medium|high]`.
    public static func parse(at: String, does: String, thinks: String?, feels: String?, tool: String?, pain: String?) throws -> ObservationStep {
        let minute = try ClockTime.parse(at, field: "at")
        let does = try DayFormat.text(does, field: "does", required: true)!
        let (emotion, label) = try feels.map { try DayFormat.feels($0, field: "feels") } ?? (nil, nil)
        let (painText, severity) = try pain.map { try DayFormat.pain($0, field: "pain") } ?? (nil, nil)
        return ObservationStep(minute: minute, does: does, thinks: try DayFormat.text(thinks, field: "thinks"), feels: emotion,
                               feelsLabel: label, tool: try DayFormat.text(tool, field: "tool"), pain: painText, severity: severity)
    }
}

/// A time of day typed as `HH:MM` (or `H:MM`, a full-width colon works too), 00:00–23:59.
public enum ClockTime {
    /// Minutes since midnight, or an error naming the field: `at "25:00" is not a time of day`.
    public static func parse(_ text: String, field: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "：", with: ":")
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else {
            throw InputError(field: field, value: text, problem: "is not a time of day (HH:MM, 00:00–23:59)")
        }
        return h * 60 + m
    }

    /// `HH:MM` for minutes since midnight.
    public static func text(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

import Foundation
