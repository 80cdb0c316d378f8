import DecisionChain
import Foundation

/// The wording of journey and empathy maps in English and Chinese: headings,
/// lane names, and how each lane item reads. Every map renderer uses these, so
/// text, Markdown, HTML and SVG say the same thing; each escapes for its format.
public enum MapLabels {
    /// The lanes of the swimlane grid, top to bottom.
    public enum Lane: String, CaseIterable, Sendable {
        case touchpoints, actions, emotion, painPoints = "pain_points", responses, opportunities, planned, metrics
    }

    /// How an item should look: renderers map tones to colours or markers.
    public enum Tone: String, Sendable { case plain, positive, negative, warning, quote, muted, planned }

    /// One line of a lane cell.
    public struct Item: Sendable, Equatable {
        public var text: String
        public var tone: Tone
        public init(_ text: String, _ tone: Tone = .plain) { self.text = text; self.tone = tone }
    }

    static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { Labels.pick(en, zh, lang) }

    /// The map's title.
    public static func title(_ map: JourneyMap) -> String {
        let title = map.state == .future ? pick("Future-state journey map", "未来状态旅程地图", map.language)
                                         : pick("Customer journey map", "客户旅程地图", map.language)
        guard let f = map.persona else { return title }
        return title + pick(" as the \(f.role.rawValue) sees it", "（\(Labels.role(f.role, map.language))视角）", map.language)
    }

    /// The focus line of `map --persona`: whose point of view, and the persona's
    /// typical frustrations (★ marks them in the pain lane) with whether this account shows them.
    public static func personaLine(_ map: JourneyMap) -> String? {
        guard let f = map.persona else { return nil }
        let lang = map.language, role = Labels.role(f.role, lang)
        let people = f.stakeholders.isEmpty ? pick("nobody here holds the role", "此客户无人担任该角色", lang) : f.stakeholders.joined(separator: ", ")
        var line = pick("Seen as \(role) (\(people)): their emotion, pains and quotes first", "以\(role)视角（\(people)）：其情绪、痛点和原话排在前面", lang)
        if f.personaIDs.isEmpty {
            return line + pick("; no \(f.role.rawValue) persona built yet (dchain persona build)", "；尚未生成该角色的用户画像（dchain persona build）", lang)
        }
        let typical = f.typical.prefix(3).map { t in
            t.text + pick(" (\(t.people) \(t.people == 1 ? "person" : "people"), \(t.shownHere ? "shown here" : "not here"))",
                          "（\(t.people) 人，\(t.shownHere ? "本客户有" : "本客户无")）", lang)
        }
        line += pick("; ★ typical of the persona: ", "；★ 画像中的典型痛点：", lang) + typical.joined(separator: pick("; ", "；", lang))
        if f.thin { line += pick(" (thin persona: fewer than 3 people)", "（画像人数不足 3 人）", lang) }
        return line
    }

    public static func lane(_ lane: Lane, _ lang: Language) -> String {
        switch lane {
        case .touchpoints: return pick("touchpoints", "触点", lang)
        case .actions: return pick("customer actions", "客户行为", lang)
        case .emotion: return pick("emotion", "情绪", lang)
        case .painPoints: return pick("pain points & needs", "痛点与需求", lang)
        case .responses: return pick("our response", "我方响应", lang)
        case .opportunities: return pick("opportunities", "机会点", lang)
        case .planned: return pick("planned actions", "计划行动", lang)
        case .metrics: return pick("metrics", "指标", lang)
        }
    }

    /// The lanes a map shows: planned actions only in the future state.
    public static func lanes(of map: JourneyMap) -> [Lane] {
        Lane.allCases.filter { $0 != .planned || map.state == .future }
    }

    public static func stageHeading(_ lang: Language) -> String { pick("stage", "阶段", lang) }
    public static func momentsOfTruth(_ lang: Language) -> String { pick("Moments of truth", "关键时刻", lang) }
    public static func decisionChain(_ lang: Language) -> String { pick("Decision chain", "决策链", lang) }
    public static func emotionCurve(_ lang: Language) -> String { pick("Emotion curve", "情绪曲线", lang) }
    public static func asOf(_ lang: Language) -> String { pick("as of", "截至", lang) }
    public static func noDeal(_ lang: Language) -> String { pick("no deal: the account's touchpoints", "无项目：客户的全部触点", lang) }
    public static func empty(_ lang: Language) -> String { pick("nothing logged yet", "尚无记录", lang) }
    public static func all(_ lang: Language) -> String { pick("all", "整体", lang) }

    /// "3 needs discovery", or the unstaged column's name.
    public static func columnName(_ s: JourneyStage, _ lang: Language) -> String {
        guard s.key != nil else { return pick("no stage", "未分阶段", lang) }
        return s.position.map { "\($0) \(s.name)" } ?? s.name
    }

    /// The lines under a column name: phase, entry day and days spent vs expected.
    public static func columnDetails(_ s: JourneyStage, _ lang: Language) -> [String] {
        var out: [String] = []
        if let phase = s.phase { out.append(Labels.phase(phase, lang)) }
        if !s.reached { out.append(pick("to come", "未到", lang)); return out }
        var when = s.entered.map { pick("entered ", "进入 ", lang) + $0.description } ?? ""
        if s.current { when += (when.isEmpty ? "" : " ") + pick("(now)", "（当前）", lang) }
        if !when.isEmpty { out.append(when) }
        if let d = daysVsExpected(s.days, s.expectedDays, lang) { out.append(d) }
        return out
    }

    /// "35 / 30 days (+5)".
    public static func daysVsExpected(_ days: Int?, _ expected: Int?, _ lang: Language) -> String? {
        guard let days else { return nil }
        var s = "\(days)" + (expected.map { " / \($0)" } ?? "") + pick(" days", " 天", lang)
        if let expected, days > expected { s += " (+\(days - expected))" }
        return s
    }

    /// "1 touchpoint", "3 touchpoints" (English only; Chinese has no plural).
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }

    /// An emotion mean: "+1.5", "-0.75", "0"; "?" when unknown.
    public static func signed(_ x: Double?) -> String {
        guard let x else { return "?" }
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        if s == "-0" { s = "0" }
        return x > 0 && s != "0" ? "+" + s : s
    }

    /// One emotion: "+2", "-1", "0"; "?" when unknown.
    public static func signed(_ e: Emotion?) -> String { e.map(\.description) ?? "?" }

    /// "TB -3 李处长 ! moment of truth", "EB +1 王局长 (carried)": carried when not met in this stage.
    public static func roleLow(_ low: RoleLow, _ lang: Language) -> String {
        var text = "\(low.role.rawValue) \(low.emotion) \(low.people.joined(separator: ", "))"
        if low.carried { text += pick(" (carried)", "（延续）", lang) }
        if low.momentOfTruth { text += pick(" ! moment of truth", " ！关键时刻", lang) }
        return text
    }

    public static func tone(_ x: Double?) -> Tone {
        guard let x else { return .muted }
        return x < 0 ? .negative : (x > 0 ? .positive : .plain)
    }

    public static func roles(_ roles: [Role]) -> String { roles.map(\.rawValue).joined(separator: "/") }

    /// "李处长 (TB)".
    public static func who(_ name: String, _ roles: [Role]) -> String { roles.isEmpty ? name : "\(name) (\(MapLabels.roles(roles)))" }

    /// "3,800,000 CNY".
    public static func amount(_ value: Double, _ currency: String) -> String {
        let digits = String(Int64(value.rounded()))
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && ch != "-" { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed()) + " " + currency
    }

    /// The line under the title: deal, pipeline, stage, status, amount, day.
    public static func subtitle(_ map: JourneyMap) -> String {
        let lang = map.language
        var parts: [String] = []
        if let d = map.deal {
            parts.append(d.name)
            parts.append(d.pipelineName)
            parts.append(pick("stage: ", "阶段：", lang) + d.stageName)
            parts.append(Labels.status(d.status, lang))
            if let a = d.amount { parts.append(amount(a, d.currency)) }
        } else {
            parts.append(noDeal(lang))
        }
        parts.append(asOf(lang) + " " + map.asOf.description)
        return parts.joined(separator: " · ")
    }

    /// The totals line.
    public static func summary(_ map: JourneyMap) -> String {
        let s = map.summary, lang = map.language
        return [
            pick(count(s.touchpoints, "touchpoint", "touchpoints"), "\(s.touchpoints) 个触点", lang),
            pick(count(s.stakeholders, "person met", "people met"), "接触 \(s.stakeholders) 人", lang),
            pick("emotion \(signed(s.emotion.all))", "整体情绪 \(signed(s.emotion.all))", lang),
            pick("\(s.openPainPoints) open pain points", "\(s.openPainPoints) 个未处理痛点", lang),
            pick("\(s.opportunities) opportunities", "\(s.opportunities) 个机会点", lang),
        ].joined(separator: " · ")
    }

    /// The items of one lane in one column.
    public static func items(_ lane: Lane, of s: JourneyStage, _ lang: Language) -> [Item] {
        switch lane {
        case .touchpoints:
            return s.touchpoints.map { tp in
                let people = tp.participants.map { p in p.emotion.map { "\(p.name) \($0)" } ?? p.name }.joined(separator: ", ")
                var text = "\(tp.at.day.short) \(Labels.channel(tp.channel, lang))"
                if let summary = tp.summary, !summary.isEmpty { text += ": " + summary }
                if !people.isEmpty { text += " — " + people }
                return Item(text, tp.direction == .inbound ? .positive : .plain)
            }
        case .actions:
            return s.actions.map { a in
                if let said = a.said { return Item("\(who(a.name, a.roles)): “\(said)”", .quote) }
                return Item("\(who(a.name, a.roles)) " + pick("reached out: ", "主动：", lang) + (a.did ?? ""))
            }
        case .emotion:
            if s.emotion.isEmpty && s.people.isEmpty { return s.reached ? [Item(pick("unknown", "未知", lang), .muted)] : [] }
            // Each role's lowest point with who is at it (a −3 stays −3), carried where nobody met them; then the mean.
            return s.roleLows.map { Item(roleLow($0, lang), $0.carried ? .muted : tone(Double($0.emotion.value))) }
                + [Item("\(all(lang)) \(signed(s.emotion.all))", tone(s.emotion.all))]
        case .painPoints:
            return s.painPoints.map { p in
                let kind = p.kind == .need ? pick("need", "需求", lang) : pick("pain", "痛点", lang)
                let by = p.stakeholder.map { ", " + $0 } ?? ""
                return Item((p.typical ? "★ " : "") + "\(kind): \(p.text) (\(Labels.severity(p.severity, lang)), \(Labels.painStatus(p.status, lang))\(by))",
                            p.status == .open ? .negative : .muted)
            }
        case .responses:
            return s.responses.map { r in Item(r.to.map { "\(r.text) ← \($0)" } ?? r.text, r.status == .resolved ? .positive : .plain) }
        case .opportunities:
            var out = s.opportunities.map { Item(opportunity($0, lang), .warning) }
            if s.quiet && s.reached {
                out.append(Item(pick("quiet period: no lobbying; bid clarifications and tender documents only",
                                     "静默期：不得游说，仅限投标澄清与招标文件往来", lang), .muted))
            }
            if s.moreOpportunities > 0 {
                out.append(Item(pick("+\(s.moreOpportunities) more (map --all)", "另有 \(s.moreOpportunities) 项（map --all）", lang), .muted))
            }
            return out
        case .planned:
            return s.planned.map { p in
                var text = "\(p.due.short) [\(Labels.priority(p.priority, lang))] \(p.action)"
                if let who = p.stakeholder { text += " — " + MapLabels.who(who, p.role.map { [$0] } ?? []) }
                else if let role = p.role { text += " — " + role.rawValue }
                return Item(text, .planned)
            }
        case .metrics:
            guard s.reached else { return [] }
            var out = [Item(pick(count(s.metrics.touchpoints, "touchpoint", "touchpoints") + ", " + count(s.metrics.stakeholders, "person", "people"),
                                 "\(s.metrics.touchpoints) 个触点，\(s.metrics.stakeholders) 人", lang))]
            if let c = s.metrics.coverage {
                let covered = s.metrics.rolesCovered.map(\.rawValue).joined(separator: " ")
                out.append(Item(pick("role coverage ", "角色覆盖 ", lang) + "\(Int((c * 100).rounded()))%"
                                + (covered.isEmpty ? "" : " (\(covered))"), c < 1 ? .warning : .plain))
            }
            if let d = daysVsExpected(s.days, s.expectedDays, lang) {
                out.append(Item(d, (s.metrics.overBy ?? 0) > 0 ? .warning : .plain))
            }
            for score in s.metrics.experience.answered {
                let tone: Tone = score.meetsTarget.map { $0 ? .positive : .negative } ?? .plain
                out.append(Item(MetricsLabels.line(score, lang), tone))
            }
            return out
        }
    }

    /// What to do about an opportunity, in a sentence.
    public static func opportunity(_ o: Opportunity, _ lang: Language) -> String {
        let names = o.stakeholders.joined(separator: ", ")
        switch o.kind {
        case .openPain:
            let sev = o.severity.map { Labels.severity($0, lang) } ?? ""
            return pick("Respond to “\(o.text ?? "")” (\(sev)\(names.isEmpty ? "" : ", " + names))",
                        "回应“\(o.text ?? "")”（\(sev)\(names.isEmpty ? "" : "，" + names)）", lang)
        case .unansweredEmotion:
            let when = o.on?.short ?? ""
            return pick("Follow up \(names) (\(signed(o.emotion)) on \(when), not contacted since)",
                        "跟进\(names)（\(when) 情绪 \(signed(o.emotion))，之后未再接触）", lang)
        case .overTime:
            return pick(count(o.days ?? 0, "day", "days") + " over the expected time: unblock the stage", "超出预期 \(o.days ?? 0) 天：推动阶段前进", lang)
        case .uncoveredRole:
            let role = o.role.map { Labels.role($0, lang) } ?? ""
            return pick("No contact with \(role)\(names.isEmpty ? "" : " (" + names + ")") in this stage",
                        "本阶段未接触\(role)\(names.isEmpty ? "" : "（" + names + "）")", lang)
        }
    }

    /// "lowest emotion", "largest drop".
    public static func momentKind(_ k: MomentOfTruth.Kind, _ lang: Language) -> String {
        switch k {
        case .lowest: return pick("lowest emotion", "情绪最低点", lang)
        case .largestDrop: return pick("largest drop", "最大落差", lang)
        }
    }

    /// "lowest emotion; largest drop (award notice +2.5 → -0.75)".
    public static func momentReason(_ m: MomentOfTruth, previousStageName: String?, _ lang: Language) -> String {
        m.kinds.map { k in
            var s = momentKind(k, lang)
            if k == .largestDrop, m.from != nil {
                s += " (" + (previousStageName.map { $0 + " " } ?? "") + "\(signed(m.from)) → \(signed(m.to)))"
            }
            return s
        }.joined(separator: "; ")
    }

    /// The headline of a moment: stage, day, channel, who and the emotion.
    public static func momentHeadline(_ m: MomentOfTruth, _ lang: Language) -> String {
        let stage = m.stageKey == nil ? pick("no stage", "未分阶段", lang) : m.stageName
        return "\(stage) · \(m.at.day) \(Labels.channel(m.channel, lang)) · \(who(m.name, m.roles)) \(m.emotion)"
            + (m.emotionLabel.map { " \($0)" } ?? "")
    }

    public static func why(_ lang: Language) -> String { pick("why", "原因", lang) }

    /// "EB · high · supporter · latest +1 (2026-03-30)" for a decision-chain member.
    public static func chainDetails(_ c: ChainMember, _ lang: Language) -> String {
        var parts: [String] = []
        if !c.roles.isEmpty { parts.append(roles(c.roles)) }
        if let i = c.influence { parts.append(pick("influence ", "影响力", lang) + Labels.influence(i, lang)) }
        if let s = c.stance { parts.append(Labels.stance(s, lang)) }
        if let e = c.latestEmotion {
            parts.append(pick("latest ", "最近情绪 ", lang) + e.description + (c.latestEmotionLabel.map { " \($0)" } ?? ""))
        }
        return parts.joined(separator: " · ")
    }

    /// The reports-to context note for chain members without a role.
    public static func noRole(_ lang: Language) -> String { pick("no role in this deal", "本项目无角色", lang) }

    // MARK: empathy map

    public static func empathyTitle(_ lang: Language) -> String { pick("Empathy map", "同理心地图", lang) }
    public static func says(_ lang: Language) -> String { pick("Says", "说", lang) }
    public static func thinks(_ lang: Language) -> String { pick("Thinks", "想", lang) }
    public static func does(_ lang: Language) -> String { pick("Does", "做", lang) }
    public static func feels(_ lang: Language) -> String { pick("Feels", "感受", lang) }
    public static func needs(_ lang: Language) -> String { pick("needs", "需求", lang) }
    public static func concerns(_ lang: Language) -> String { pick("concerns", "顾虑", lang) }
    public static func personalWins(_ lang: Language) -> String { pick("personal win", "个人赢", lang) }
    public static func reachedOut(_ lang: Language) -> String { pick("they reached out", "对方主动", lang) }

    public static func trend(_ t: EmpathyMap.Trend, _ lang: Language) -> String {
        switch t {
        case .rising: return pick("rising", "上升", lang)
        case .falling: return pick("falling", "下降", lang)
        case .steady: return pick("steady", "平稳", lang)
        case .unknown: return pick("unknown", "未知", lang)
        }
    }
}
