/// Builds a day-in-the-life map from the account's facts and the person's
/// observations. Pure: no database, no clock.
public enum DayInTheLifeBuilder {
    /// The day of `stakeholderID`: the day `on` when given (it must be observed);
    /// without it the one observed day, or with several the typical day (steps
    /// folded by hour, with the spread across days).
    public static func build(snapshot: AccountSnapshot, observations: [Observation], stakeholderID: Int64, on: Day?) throws -> DayInTheLife {
        guard let person = snapshot.stakeholder(stakeholderID) else {
            throw DomainError("stakeholder \(stakeholderID) is not at account \(snapshot.account.name)")
        }
        let mine = observations.filter { $0.stakeholderID == stakeholderID }
        let days = Array(Set(mine.map(\.on))).sorted()
        guard !days.isEmpty else {
            throw DomainError("\(person.name) has no observed day at \(snapshot.account.name); record one with `dchain observe`")
        }
        if let on, !days.contains(on) {
            throw InputError(field: "on", value: on.description,
                             problem: "is not an observed day of \(person.name); observed: " + days.map(\.description).joined(separator: ", "))
        }
        let chosen = on ?? (days.count == 1 ? days[0] : nil)
        let steps = chosen.map { d in observedSteps(mine.filter { $0.on == d }) } ?? typicalSteps(mine, dayCount: days.count)
        let marked = markLows(steps)
        let used = chosen.map { d in mine.filter { $0.on == d } } ?? mine
        let roles = Array(Set(snapshot.influences.filter { $0.stakeholderID == stakeholderID }.map(\.role))).sorted()
        let feelings = used.compactMap { $0.feels?.value }
        return DayInTheLife(
            kind: chosen == nil ? .typical : .observed, accountID: snapshot.account.id, account: snapshot.account.name,
            stakeholderID: person.id, stakeholder: person.name, title: person.title, roles: roles, date: chosen, observedDays: days,
            steps: marked, tools: tools(used),
            curve: marked.compactMap { s in
                s.feels.map { DayInTheLife.CurvePoint(time: s.time, minute: s.minute, feels: $0, min: s.feelsMin ?? Int($0), max: s.feelsMax ?? Int($0), low: s.low) }
            },
            pains: pains(used, snapshot: snapshot, stakeholderID: stakeholderID),
            meanFeels: feelings.isEmpty ? nil : round1(Double(feelings.reduce(0, +)) / Double(feelings.count)))
    }

    /// One step per observation, in time order.
    static func observedSteps(_ obs: [Observation]) -> [DayInTheLife.Step] {
        obs.sorted { ($0.minute, $0.id) < ($1.minute, $1.id) }.map { o in
            DayInTheLife.Step(time: o.time, minute: o.minute, does: o.does, alsoDoes: [], thinks: o.thinks.map { [$0] } ?? [],
                              tools: toolNames(o.tool), feels: o.feels.map { Double($0.value) }, feelsMin: o.feels?.value,
                              feelsMax: o.feels?.value, labels: o.feelsLabel.map { [$0] } ?? [], painPointIDs: o.painPointID.map { [$0] } ?? [],
                              low: false, days: 1, observationIDs: [o.id])
        }
    }

    /// One step per hour in which anything was observed on any day: the most
    /// frequent activity (ties: the earliest), the others as `alsoDoes`, the mean
    /// feeling with its minimum and maximum, on how many days the hour was seen.
    static func typicalSteps(_ obs: [Observation], dayCount: Int) -> [DayInTheLife.Step] {
        Dictionary(grouping: obs, by: { $0.minute / 60 }).sorted { $0.key < $1.key }.map { hour, inHour in
            let ordered = inHour.sorted { ($0.minute, $0.on, $0.id) < ($1.minute, $1.on, $1.id) }
            let activities = distinct(ordered.map(\.does))
            let counts = Dictionary(grouping: ordered.map(\.does), by: { $0 }).mapValues(\.count)
            var top = activities[0]
            for a in activities where counts[a]! > counts[top]! { top = a }
            let feelings: [Int] = ordered.compactMap { $0.feels?.value }
            let mean: Double? = feelings.isEmpty ? nil : round1(Double(feelings.reduce(0, +)) / Double(feelings.count))
            let thinks: [String] = distinct(ordered.compactMap { $0.thinks })
            let tools: [String] = distinct(ordered.flatMap { toolNames($0.tool) })
            let labels: [String] = distinct(ordered.compactMap { $0.feelsLabel })
            let pains: [Int64] = Array(Set(ordered.compactMap { $0.painPointID })).sorted()
            let dayCount = Set(ordered.map { $0.on }).count
            return DayInTheLife.Step(
                time: ClockTime.text(hour * 60), minute: hour * 60, does: top, alsoDoes: activities.filter { $0 != top },
                thinks: thinks, tools: tools, feels: mean, feelsMin: feelings.min(), feelsMax: feelings.max(), labels: labels,
                painPointIDs: pains, low: false, days: dayCount, observationIDs: ordered.map { $0.id })
        }
    }

    /// Marks the low points: the lowest feeling of the day when it is negative,
    /// and every feeling of −2 or below.
    static func markLows(_ steps: [DayInTheLife.Step]) -> [DayInTheLife.Step] {
        let lowest = steps.compactMap(\.feels).min()
        return steps.map { s in
            var s = s
            if let f = s.feels, let lowest, (f == lowest && f < 0) || f <= -2 { s.low = true }
            return s
        }
    }

    static func tools(_ obs: [Observation]) -> [DayInTheLife.ToolUse] {
        let sorted = obs.sorted { ($0.minute, $0.on) < ($1.minute, $1.on) }
        var order: [String] = [], count: [String: Int] = [:], first: [String: Int] = [:]
        for o in sorted {
            // "受理系统, 审批系统" names two tools.
            for t in toolNames(o.tool) {
                if count[t] == nil { order.append(t); first[t] = o.minute }
                count[t, default: 0] += 1
            }
        }
        return order.enumerated().sorted { (count[$0.element]!, -$0.offset) > (count[$1.element]!, -$1.offset) }
            .map { DayInTheLife.ToolUse(tool: $0.element, steps: count[$0.element]!, first: ClockTime.text(first[$0.element]!)) }
    }

    /// The pains raised at the steps, with what would change them: our response
    /// to the pain, a need recorded on the same deal that speaks to it (shares a
    /// word, or two Chinese characters in a row), open planned tasks for the person.
    static func pains(_ obs: [Observation], snapshot: AccountSnapshot, stakeholderID: Int64) -> [DayInTheLife.Pain] {
        let byID = Dictionary(snapshot.painPoints.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let withPain = obs.filter { $0.painPointID != nil }.sorted { ($0.minute, $0.on, $0.id) < ($1.minute, $1.on, $1.id) }
        var out: [DayInTheLife.Pain] = []
        var seenText: [String: Int] = [:]
        let observed = Set(obs.compactMap(\.painPointID))
        let plans = snapshot.planItems.filter { $0.stakeholderID == stakeholderID && $0.status == .open }
        for o in withPain {
            guard let p = byID[o.painPointID!] else { continue }
            // The typical day folds the same pain seen on several days into one.
            if let i = seenText[p.text] { out[i].days += 1; continue }
            let dealID = p.dealID ?? o.dealID
            var changes: [DayInTheLife.Change] = []
            if let r = p.response { changes.append(.init(kind: .response, text: r, id: p.id, deal: dealID.flatMap { snapshot.deal($0)?.name })) }
            // The same trouble raised elsewhere: a need of the deal, or a pain we already answered.
            for other in snapshot.painPoints where !observed.contains(other.id)
                && (dealID == nil || other.dealID == nil || other.dealID == dealID) && related(other.text, p.text) {
                let deal = other.dealID.flatMap { snapshot.deal($0)?.name }
                if other.kind == .need {
                    changes.append(.init(kind: .need, text: other.text, id: other.id, deal: deal))
                } else if let r = other.response {
                    changes.append(.init(kind: .response, text: r + " ← " + other.text, id: other.id, deal: deal))
                }
            }
            for item in plans where dealID == nil || item.dealID == nil || item.dealID == dealID {
                changes.append(.init(kind: .plan, text: item.action + " (" + item.due.description + ")", id: item.id,
                                     deal: item.dealID.flatMap { snapshot.deal($0)?.name }))
            }
            seenText[p.text] = out.count
            out.append(.init(painPointID: p.id, time: o.time, text: p.text, severity: p.severity, status: p.status,
                             deal: dealID.flatMap { snapshot.deal($0)?.name }, days: 1, changes: changes))
        }
        return out
    }

    /// Whether two texts speak of the same thing: at least two shared keys, a
    /// key being a word of three or more letters or two Chinese characters in a row
    /// (one shared word such as 系统 alone is too common to mean anything).
    public static func related(_ a: String, _ b: String) -> Bool {
        func keys(_ s: String) -> Set<String> {
            var out = Set<String>()
            let chars = Array(s.lowercased())
            for i in chars.indices.dropLast() where isHan(chars[i]) && isHan(chars[i + 1]) { out.insert(String(chars[i...i + 1])) }
            for w in s.lowercased().split(whereSeparator: { !($0.isLetter && $0.isASCII) }) where w.count >= 3 { out.insert(String(w)) }
            return out
        }
        return keys(a).intersection(keys(b)).count >= 2
    }

    static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// The tools a step names: "受理系统, 审批系统" (or 、/) names two.
    public static func toolNames(_ tool: String?) -> [String] {
        (tool ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == "/" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func distinct(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}

import Foundation
