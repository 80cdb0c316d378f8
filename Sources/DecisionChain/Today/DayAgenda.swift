/// `dchain today`: what needs doing across accounts, ranked by urgency. The
/// store gathers the facts (SQL aggregates); this file decides what is due
/// when, how urgent it is and which command acts on it. Numbers come from the
/// plan rules' data (`PlanRules`): role cadences and channels, the open-pain
/// and stale-contact schedules; stalls use the pipeline report's rule.
public enum DayAgenda {
    /// An accepted plan item (task) still open.
    public struct TaskFact: Sendable, Hashable {
        public var id: Int64, account: String, deal: String?, stakeholder: String?, role: Role?
        public var action: String, rule: String, due: Day, priority: Priority
        public init(id: Int64, account: String, deal: String?, stakeholder: String?, role: Role?, action: String, rule: String,
                    due: Day, priority: Priority) {
            self.id = id; self.account = account; self.deal = deal; self.stakeholder = stakeholder; self.role = role
            self.action = action; self.rule = rule; self.due = due; self.priority = priority
        }
    }

    /// A current role holder in an open deal and when we last met them.
    public struct RoleHolderFact: Sendable, Hashable {
        public var account: String, deal: String, stakeholder: String, role: Role
        /// Since when they hold the role (the clock starts here when never contacted).
        public var since: Day
        public var lastContact: Day?
        public init(account: String, deal: String, stakeholder: String, role: Role, since: Day, lastContact: Day?) {
            self.account = account; self.deal = deal; self.stakeholder = stakeholder; self.role = role
            self.since = since; self.lastContact = lastContact
        }
    }

    /// A pain point or need nobody answered yet.
    public struct PainFact: Sendable, Hashable {
        public var id: Int64, account: String, deal: String?, stakeholder: String?, text: String, severity: Severity, raisedOn: Day
        public init(id: Int64, account: String, deal: String?, stakeholder: String?, text: String, severity: Severity, raisedOn: Day) {
            self.id = id; self.account = account; self.deal = deal; self.stakeholder = stakeholder; self.text = text
            self.severity = severity; self.raisedOn = raisedOn
        }
    }

    /// An open deal and how long it has been in its stage.
    public struct DealStageFact: Sendable, Hashable {
        public var account: String, deal: String, stageKey: String, stageName: LocalizedText, entered: Day, expectedDays: Int
        public init(account: String, deal: String, stageKey: String, stageName: LocalizedText, entered: Day, expectedDays: Int) {
            self.account = account; self.deal = deal; self.stageKey = stageKey; self.stageName = stageName
            self.entered = entered; self.expectedDays = expectedDays
        }
    }

    /// What kind of line it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case task, contact, pain, stalled
    }

    /// One line of the day's agenda.
    public struct Item: Sendable, Hashable {
        public var kind: Kind
        public var account: String
        public var deal: String?
        public var stakeholder: String?
        public var role: Role?
        /// What to do.
        public var action: String
        /// Why it is on the agenda, with its facts.
        public var why: String
        public var due: Day
        /// Days past due (negative: due in that many days).
        public var daysLate: Int
        public var priority: Priority
        /// The command that acts on it.
        public var command: String
        /// A stable identity (calendar UID): kind plus the record it is about.
        public var uid: String
    }

    /// The plan rules' numbers `today` uses, read once (the store filters with them too).
    public struct Settings: Sendable {
        public var cadenceDays: [Role: Int]
        public var channel: [Role: Channel]
        public var contactPriority: [Role: Priority]
        public var painDueDays: [Severity: Int]
        public var painPriority: [Severity: Priority]
        /// A deal is stalled when its days in stage exceed this multiple of the expected days.
        public var stallFactor: Double

        public init(rules: PlanRules, stallFactor: Double = RedFlags.stallFactor) {
            var cadence: [Role: Int] = [:], channel: [Role: Channel] = [:], contact: [Role: Priority] = [:]
            for r in Role.allCases {
                cadence[r] = rules.role(r).cadenceDays
                channel[r] = rules.role(r).channel
                contact[r] = rules.rules.staleContact.byRole[r.rawValue]?.priority ?? rules.rules.staleContact.priority
            }
            var due: [Severity: Int] = [:], prio: [Severity: Priority] = [:]
            for s in Severity.allCases {
                let sched = rules.rules.openPain.bySeverity[s.rawValue] ?? rules.rules.openPain.schedule
                due[s] = sched.dueInDays; prio[s] = sched.priority
            }
            self.cadenceDays = cadence; self.channel = channel; self.contactPriority = contact
            self.painDueDays = due; self.painPriority = prio; self.stallFactor = stallFactor
        }

        /// Days in stage after which a deal counts as stalled (the day it becomes due).
        public func stallDays(expected: Int) -> Int { Int((stallFactor * Double(expected)).rounded(.down)) + 1 }
    }

    /// The ranked agenda for `today`, keeping what is due within `days` days
    /// (0: due today or overdue). Unanswered high pains are always listed.
    public static func build(tasks: [TaskFact], roleHolders: [RoleHolderFact], pains: [PainFact], deals: [DealStageFact],
                             settings: Settings, today: Day, days: Int, lang: Language) -> [Item] {
        let horizon = today.adding(days: max(0, days))
        var items: [Item] = []
        for t in tasks where t.due <= horizon {
            items.append(Item(kind: .task, account: t.account, deal: t.deal, stakeholder: t.stakeholder, role: t.role, action: t.action,
                              why: lang == .zh ? "计划任务（规则 \(t.rule)），\(t.due) 到期" : "accepted plan task (rule \(t.rule)), due \(t.due)",
                              due: t.due, daysLate: t.due.days(to: today), priority: t.priority,
                              command: "dchain task done \(t.id)", uid: "task-\(t.id)"))
        }
        // One line per person and deal: the most demanding cadence of the roles they hold there.
        let people = Dictionary(grouping: roleHolders) { [$0.account, $0.deal, $0.stakeholder] }
        for key in people.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let held = people[key]!.filter { settings.cadenceDays[$0.role] != nil }
            guard let h = held.min(by: { (settings.cadenceDays[$0.role]!, $0.role) < (settings.cadenceDays[$1.role]!, $1.role) }) else { continue }
            let cadence = settings.cadenceDays[h.role]!
            let since = held.map(\.since).min()!
            let due = (h.lastContact ?? since).adding(days: cadence)
            guard due <= horizon else { continue }
            let roles = held.map(\.role).sorted().map(\.rawValue).joined(separator: "/")
            let channel = settings.channel[h.role] ?? .visit
            let last = h.lastContact.map { lang == .zh ? "上次接触 \($0)（\($0.days(to: today)) 天前）" : "last contact \($0) (\($0.days(to: today)) days ago)" }
                ?? (lang == .zh ? "自 \(since) 担任此角色以来从未接触" : "never contacted since taking the role on \(since)")
            items.append(Item(kind: .contact, account: h.account, deal: h.deal, stakeholder: h.stakeholder, role: h.role,
                              action: lang == .zh ? "联系 \(h.stakeholder)（\(roles)）" : "contact \(h.stakeholder) (\(roles))",
                              why: last + (lang == .zh ? "；\(h.role.rawValue) 的接触周期为 \(cadence) 天" : "; the \(h.role.rawValue) cadence is \(cadence) days"),
                              due: due, daysLate: due.days(to: today), priority: settings.contactPriority[h.role] ?? .medium,
                              command: "dchain log \(shellWord(h.account)) --deal \(shellWord(h.deal)) --channel \(channel.rawValue) --with \(shellWord(h.stakeholder))",
                              uid: "contact-\(h.account)-\(h.deal)-\(h.stakeholder)"))
        }
        for p in pains where p.severity == .high {
            let due = p.raisedOn.adding(days: settings.painDueDays[p.severity] ?? 0)
            items.append(Item(kind: .pain, account: p.account, deal: p.deal, stakeholder: p.stakeholder, role: nil,
                              action: lang == .zh ? "回应痛点：\(p.text)" : "answer the pain point: \(p.text)",
                              why: lang == .zh ? "\(p.stakeholder ?? "客户") 于 \(p.raisedOn) 提出，严重度高，尚无回应"
                                               : "raised by \(p.stakeholder ?? "the customer") on \(p.raisedOn), high severity, no response yet",
                              due: due, daysLate: due.days(to: today), priority: settings.painPriority[p.severity] ?? .high,
                              command: "dchain pain respond \(p.id) \"…\"", uid: "pain-\(p.id)"))
        }
        for d in deals {
            let inStage = d.entered.days(to: today)
            let stallAfter = settings.stallDays(expected: d.expectedDays)
            guard inStage >= stallAfter else { continue }
            let due = d.entered.adding(days: stallAfter)
            items.append(Item(kind: .stalled, account: d.account, deal: d.deal, stakeholder: nil, role: nil,
                              action: lang == .zh ? "推动停滞的项目：\(d.deal)" : "unstick the stalled deal \(d.deal)",
                              why: lang == .zh ? "在「\(d.stageName.zh)」已 \(inStage) 天（预期 \(d.expectedDays) 天）"
                                               : "\(inStage) days in \(d.stageName.en) (expected \(d.expectedDays))",
                              due: due, daysLate: due.days(to: today), priority: .medium,
                              command: "dchain plan \(shellWord(d.account)) --deal \(shellWord(d.deal))",
                              uid: "stalled-\(d.account)-\(d.deal)-\(d.stageKey)"))
        }
        return items.sorted(by: isMoreUrgent)
    }

    /// Urgency: overdue before due today before upcoming; then priority; then
    /// the longer overdue (or sooner due) first; then a stable order by kind,
    /// account, deal and person.
    public static func isMoreUrgent(_ a: Item, _ b: Item) -> Bool {
        func bucket(_ i: Item) -> Int { i.daysLate > 0 ? 0 : i.daysLate == 0 ? 1 : 2 }
        if bucket(a) != bucket(b) { return bucket(a) < bucket(b) }
        if a.priority != b.priority { return a.priority < b.priority }
        if a.daysLate != b.daysLate { return a.daysLate > b.daysLate }
        let kinds = Kind.allCases
        if a.kind != b.kind { return kinds.firstIndex(of: a.kind)! < kinds.firstIndex(of: b.kind)! }
        return (a.account, a.deal ?? "", a.stakeholder ?? "", a.uid) < (b.account, b.deal ?? "", b.stakeholder ?? "", b.uid)
    }

    /// A word as a shell would need it typed: quoted when it holds spaces or shell characters.
    public static func shellWord(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { !" \t\n'\"\\$`!*?&;|<>()[]{}#~".unicodeScalars.contains($0) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
