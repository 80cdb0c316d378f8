import DecisionChain

/// Renders `dchain today`'s agenda: text and Markdown (each line followed by
/// the command that acts on it), JSON (stable keys) and iCalendar (one VTODO
/// per line, UID stable across days so a calendar updates instead of duplicating).
public enum DayAgendaRenderer {
    /// The agenda with what it was built for.
    public struct Agenda: Sendable {
        public var today: Day
        public var days: Int
        public var owner: String?
        public var items: [DayAgenda.Item]
        public var lang: Language
        public init(today: Day, days: Int, owner: String?, items: [DayAgenda.Item], lang: Language) {
            self.today = today; self.days = days; self.owner = owner; self.items = items; self.lang = lang
        }
    }

    /// The output in a format: text, md, json or ics.
    public static func render(_ a: Agenda, format: String) throws -> String {
        switch format {
        case "md": return markdown(a)
        case "json": return try json(a)
        case "ics": return ics(a)
        default: return text(a)
        }
    }

    static func title(_ a: Agenda) -> String {
        let zh = a.lang == .zh
        let overdue = a.items.filter { $0.daysLate > 0 }.count
        return (zh ? "今日待办 \(a.today)" : "Today \(a.today)") + (a.owner.map { " · \($0)" } ?? "")
            + (zh ? "：\(a.items.count) 项（逾期 \(overdue) 项）" : ": \(a.items.count) item\(a.items.count == 1 ? "" : "s") (\(overdue) overdue)")
    }

    /// `overdue 3d`, `due today`, `in 2d`.
    static func when(_ i: DayAgenda.Item, _ lang: Language) -> String {
        if i.daysLate > 0 { return lang == .zh ? "逾期 \(i.daysLate) 天" : "overdue \(i.daysLate)d" }
        if i.daysLate == 0 { return lang == .zh ? "今天到期" : "due today" }
        return lang == .zh ? "\(-i.daysLate) 天后" : "in \(-i.daysLate)d"
    }

    static func priority(_ p: Priority, _ lang: Language) -> String {
        guard lang == .zh else { return p.rawValue }
        switch p { case .high: return "高"; case .medium: return "中"; case .low: return "低" }
    }

    static func place(_ i: DayAgenda.Item) -> String { ([i.account] + (i.deal.map { [$0] } ?? [])).joined(separator: " · ") }

    static func text(_ a: Agenda) -> String {
        var out = [title(a)]
        if a.items.isEmpty { out.append(a.lang == .zh ? "今天没有到期的事项。" : "Nothing due.") }
        for (n, i) in a.items.enumerated() {
            out.append("\(n + 1). [\(when(i, a.lang)), \(priority(i.priority, a.lang))] \(place(i)): \(i.action)")
            out.append("   \(i.why)")
            out.append("   $ \(i.command)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ a: Agenda) -> String {
        var out = ["# " + Escape.markdown(title(a)), ""]
        if a.items.isEmpty { out.append(a.lang == .zh ? "今天没有到期的事项。" : "Nothing due.") }
        for (n, i) in a.items.enumerated() {
            out.append("\(n + 1). **\(Escape.markdown(when(i, a.lang)))**, \(priority(i.priority, a.lang)) — \(Escape.markdown(place(i))): "
                       + Escape.markdown(i.action) + "  ")
            out.append("   \(Escape.markdown(i.why))  ")
            out.append("   `\(i.command.replacingOccurrences(of: "`", with: "'"))`")
        }
        return out.joined(separator: "\n") + "\n"
    }

    struct ItemJSON: Encodable {
        let kind, account, action, why, due, priority, command, uid: String
        let deal, stakeholder, role: String?
        let days_late: Int
    }
    struct AgendaJSON: Encodable { let today: String; let days: Int; let owner: String?; let items: [ItemJSON] }

    static func json(_ a: Agenda) throws -> String {
        try JSONOutput.encode(AgendaJSON(today: a.today.description, days: a.days, owner: a.owner, items: a.items.map {
            ItemJSON(kind: $0.kind.rawValue, account: $0.account, action: $0.action, why: $0.why, due: $0.due.description,
                     priority: $0.priority.rawValue, command: $0.command, uid: $0.uid, deal: $0.deal, stakeholder: $0.stakeholder,
                     role: $0.role?.rawValue, days_late: $0.daysLate)
        }))
    }

    static func ics(_ a: Agenda) -> String {
        let stamp = PlanICSRenderer.compact(a.today) + "T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DecisionChain//dchain today//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Escape.icsText(a.lang == .zh ? "今日待办" : "Today")]
        for i in a.items {
            lines += [
                "BEGIN:VTODO",
                "UID:" + Escape.icsText(i.uid) + "@dchain",
                "DTSTAMP:\(stamp)",
                "DUE;VALUE=DATE:\(PlanICSRenderer.compact(i.due))",
                "SUMMARY:" + Escape.icsText("\(place(i)): \(i.action)"),
                "DESCRIPTION:" + Escape.icsText("\(i.why)\n\n$ \(i.command)"),
                "PRIORITY:\(PlanICSRenderer.priority(i.priority))",
                "CATEGORIES:" + Escape.icsText(i.kind.rawValue),
                "STATUS:NEEDS-ACTION",
                "END:VTODO",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(PlanICSRenderer.fold).joined(separator: "\r\n") + "\r\n"
    }
}
