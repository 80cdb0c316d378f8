import Foundation
import DecisionChain

/// The words of a persona in English and Chinese, and the lines every format
/// shares (text, Markdown and HTML print the same sentences).
public enum PersonaLabels {
    static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { lang == .zh ? zh : en }

    /// `TB · manager` / `TB 把关者 · 中层`.
    public static func name(_ p: Persona, _ lang: Language) -> String {
        Labels.role(p.role, lang) + " · " + Labels.level(p.level, lang)
    }

    /// `Persona #3: TB · manager`.
    public static func title(_ id: Int64?, _ p: Persona, _ lang: Language) -> String {
        pick("Persona", "用户画像", lang) + (id.map { " #\($0)" } ?? "") + pick(": ", "：", lang) + name(p, lang)
    }

    /// The scope: pipeline and kind, or "every pipeline · every kind".
    public static func scope(_ p: Persona, _ lang: Language) -> String {
        let pipeline = p.pipeline.map { pick("pipeline ", "销售流程：", lang) + Labels.pipelineShort($0, lang) }
            ?? pick("every pipeline", "全部销售流程", lang)
        let kind = p.kind.map { pick("kind ", "客户类型：", lang) + Labels.kind($0, lang) } ?? pick("every kind of account", "全部客户类型", lang)
        return pipeline + " · " + kind
    }

    /// Who built it for whom, when.
    public static func built(_ r: PersonaRecord, _ lang: Language) -> String {
        let team = r.team.map { pick("for team ", "团队：", lang) + $0 } ?? pick("over every team", "覆盖全部团队", lang)
        return pick("built \(r.builtAt) by \(r.builtBy)", "生成于 \(r.builtAt)，生成人 \(r.builtBy)", lang) + " · " + team
    }

    /// `5 people · 4 accounts · 23 touchpoints`.
    public static func evidence(_ e: PersonaEvidence, _ lang: Language) -> String {
        lang == .zh ? "\(e.people) 人 · \(e.accounts) 个客户 · \(e.touchpoints) 次接触"
            : "\(e.people) \(e.people == 1 ? "person" : "people") · \(e.accounts) account\(e.accounts == 1 ? "" : "s") · "
                + "\(e.touchpoints) touchpoint\(e.touchpoints == 1 ? "" : "s")"
    }

    /// The line every format shows for a persona built on fewer than 3 people.
    public static func thin(_ p: Persona, _ lang: Language) -> String {
        lang == .zh ? "⚠ 仅基于 \(p.evidence.people) 人：少于 \(Persona.minimumPeople) 人，不足以概括这一类人，仅供参考。"
            : "⚠ Built on \(p.evidence.people) \(p.evidence.people == 1 ? "person" : "people"): fewer than \(Persona.minimumPeople), "
                + "too few to speak for the role; read it as anecdote."
    }

    public static func restsOn(_ lang: Language) -> String { pick("Rests on", "依据", lang) }

    public static func heading(_ section: String, _ lang: Language) -> String {
        switch section {
        case "frustrations": return pick("Frustrations (most people first, then severity)", "痛点（按提出人数、再按严重度）", lang)
        case "goals": return pick("Goals (their needs)", "目标（他们的需求）", lang)
        case "quotes": return pick("Typical quotes", "典型原话", lang)
        case "channels": return pick("Channels: emotion against their previous touchpoint", "渠道：与上一次接触相比的情绪变化", lang)
        case "stages": return pick("Emotion by stage", "各阶段情绪", lang)
        case "moved": return pick("What moved them (our responses to their pains)", "打动他们的做法（我方对其痛点的响应）", lang)
        case "notes": return pick("Notes", "备注", lang)
        default: return section
        }
    }

    public static func none(_ lang: Language) -> String { pick("(none logged)", "（暂无记录）", lang) }

    /// A goal or frustration: `text — high · 2 people · 2 accounts · 2 touchpoints`.
    public static func line(_ l: PersonaLine, _ lang: Language) -> String {
        var parts: [String] = []
        if let s = l.severity { parts.append(pick("severity ", "严重度", lang) + Labels.severity(s, lang)) }
        if l.resolved > 0 { parts.append(pick("\(l.resolved) resolved", "已解决 \(l.resolved)", lang)) }
        parts.append(evidence(l.evidence, lang))
        return l.text + " — " + parts.joined(separator: " · ")
    }

    public static func quote(_ q: PersonaQuote, _ lang: Language) -> String {
        "“\(q.text)” — \(q.stakeholder), \(q.account), \(q.on)" + (q.emotion.map { " (\($0))" } ?? "")
    }

    public static func channel(_ c: PersonaChannel, _ lang: Language) -> String {
        Labels.channel(c.channel, lang) + pick(": rose \(c.rose), fell \(c.fell), steady \(c.steady), mean change ",
                                               "：上升 \(c.rose)，下降 \(c.fell)，持平 \(c.steady)，平均变化 ", lang)
            + signed(c.meanChange) + " · " + evidence(c.evidence, lang)
    }

    public static func stage(_ s: PersonaStageEmotion, _ lang: Language) -> String {
        Labels.pipelineShort(s.pipeline, lang) + " · " + s.name(lang) + pick(": mean ", "：平均 ", lang) + signed(s.mean)
            + " · " + evidence(s.evidence, lang)
    }

    public static func note(_ n: PersonaNote, _ lang: Language) -> String { "[\(n.writtenAt) \(n.writtenBy)] \(n.text)" }

    public static func signed(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        let s = r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        return r > 0 ? "+" + s : s
    }

    /// Column headings of `persona list`.
    public static func listHeader(_ lang: Language) -> [String] {
        lang == .zh ? ["编号", "角色", "层级", "销售流程", "客户类型", "团队", "人数", "客户", "接触", "备注", "生成于"]
            : ["id", "role", "level", "pipeline", "kind", "team", "people", "accounts", "touchpoints", "notes", "built"]
    }

    public static func everyOne(_ lang: Language) -> String { pick("every", "全部", lang) }
    public static func everyTeam(_ lang: Language) -> String { pick("every team", "全部团队", lang) }
    public static func thinMark(_ lang: Language) -> String { pick(" (thin)", "（人数不足）", lang) }
}
