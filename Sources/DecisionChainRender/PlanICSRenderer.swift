import DecisionChain

/// Renders a plan as an iCalendar (RFC 5545) file: per item a VTODO (task
/// lists) and a VEVENT on its due day (the calendars reps use — Outlook,
/// Google, 企业微信/钉钉/飞书 — import events and ignore tasks), each with a
/// stable UID (`<uid>@dchain`, `<uid>.event@dchain`, so re-importing updates
/// instead of duplicating), and DTSTAMP fixed from the plan's day so output is
/// deterministic. Summaries name the account and the person.
public enum PlanICSRenderer {
    /// When an item's event starts on its due day (local, floating time) and how long it lasts.
    public struct EventTime: Sendable, Equatable {
        public var hour: Int
        public var minute: Int
        public var minutes: Int
        public init(hour: Int = 9, minute: Int = 0, minutes: Int = 30) { self.hour = hour; self.minute = minute; self.minutes = minutes }
    }

    /// The calendar text: CRLF line ends, lines folded at 75 octets.
    public static func render(_ plan: Plan, events: EventTime = EventTime()) -> String {
        let lang = plan.language
        let stamp = compact(plan.today) + "T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DecisionChain//dchain plan//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Escape.icsText("\(PlanLabels.title(lang)): \(plan.account.name)")]
        for item in plan.items {
            let summary = "\(plan.account.name) · \(PlanLabels.who(item, lang)): \(item.action)"
            var details = [item.why, ""]
            details.append("\(PlanLabels.theme(lang)): \(item.theme)")
            details.append("\(PlanLabels.channel(lang)): \(Labels.channel(item.channel, lang))")
            if let role = item.role { details.append("\(PlanLabels.role(lang)): \(Labels.role(role, lang))") }
            details.append("\(PlanLabels.deal(lang)): \(item.dealName)")
            details.append("\(PlanLabels.rule(lang)): \(PlanLabels.ruleName(item.rule, lang))")
            lines += [
                "BEGIN:VTODO",
                "UID:\(Escape.icsText(item.uid))@dchain",
                "DTSTAMP:\(stamp)",
                "DUE;VALUE=DATE:\(compact(item.due))",
                "SUMMARY:" + Escape.icsText(summary),
                "DESCRIPTION:" + Escape.icsText(details.joined(separator: "\n")),
                "PRIORITY:\(priority(item.priority))",
                "CATEGORIES:" + Escape.icsText(item.rule),
                "STATUS:NEEDS-ACTION",
                "END:VTODO",
                "BEGIN:VEVENT",
                "UID:\(Escape.icsText(item.uid)).event@dchain",
                "DTSTAMP:\(stamp)",
                "DTSTART:\(compact(item.due))T" + two(events.hour) + two(events.minute) + "00",
                "DURATION:PT\(events.minutes)M",
                "SUMMARY:" + Escape.icsText(summary),
                "DESCRIPTION:" + Escape.icsText(details.joined(separator: "\n")),
                "PRIORITY:\(priority(item.priority))",
                "CATEGORIES:" + Escape.icsText(item.rule),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5545 priority: 1 highest, 5 medium, 9 lowest.
    static func priority(_ p: Priority) -> Int {
        switch p { case .high: 1; case .medium: 5; case .low: 9 }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// `YYYYMMDD`.
    static func compact(_ d: Day) -> String { d.description.replacingOccurrences(of: "-", with: "") }

    /// Folds a content line so no physical line exceeds 75 octets; a fold is
    /// CRLF plus one space and never splits a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = "", current = 0
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if current + n > 75 {
                out += "\r\n "
                current = 1
            }
            out.unicodeScalars.append(scalar)
            current += n
        }
        return out
    }
}
