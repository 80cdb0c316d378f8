import DecisionChain

/// Renders a day-in-the-life map as text, Markdown, HTML, SVG or JSON
/// (`docs/day-json.md`). Labels in English or Chinese.
public enum DayInTheLifeRenderer {
    /// The formats this renderer writes.
    public static let formats = ["text", "md", "html", "svg", "json"]

    /// The day in `format`; text is wrapped to `width` columns.
    public static func render(_ day: DayInTheLife, format: String, lang: Language, width: Int = 100) throws -> String {
        switch format {
        case "json": return try JSONOutput.encode(day)
        case "md": return markdown(day, lang)
        case "html": return DayInTheLifeHTMLRenderer.render(day, lang: lang)
        case "svg": return DayInTheLifeSVGRenderer.render(day, lang: lang)
        default: return text(day, lang, width: max(width, 60))
        }
    }

    // MARK: text

    static func text(_ d: DayInTheLife, _ lang: Language, width: Int) -> String {
        func wrapped(_ text: String, _ first: String, _ rest: String) -> String {
            DisplayWidth.wrap(text, to: max(20, width - DisplayWidth.of(first))).enumerated()
                .map { ($0.offset == 0 ? first : rest) + $0.element + "\n" }.joined()
        }
        var out = wrapped(DayLabels.title(d, lang), "", "") + wrapped(DayLabels.subtitle(d, lang), "", "  ") + "\n"
        // A timeline: the time, the feeling as a bar, what they do; beneath it tools, thoughts, pains.
        for s in d.steps {
            let bar = s.feels.map { f in
                f < 0 ? String(repeating: " ", count: 3 - Int((-f).rounded())) + String(repeating: "▒", count: Int((-f).rounded())) + "|   "
                    : "   |" + String(repeating: "█", count: Int(f.rounded())) + String(repeating: " ", count: 3 - Int(f.rounded()))
            } ?? "   ·   "
            let head = s.time + (s.low ? " ▼ " : "   ") + bar + " " + DayLabels.signedOrBlank(s.feels) + "  "
            var feeling = s.labels
            if d.kind == .typical, let lo = s.feelsMin, let hi = s.feelsMax, lo != hi {
                feeling.insert(DayLabels.signed(Double(lo)) + "…" + DayLabels.signed(Double(hi)), at: 0)
            }
            let body = DisplayWidth.wrap(DayLabels.activity(s, d, lang) + (feeling.isEmpty ? "" : " (" + feeling.joined(separator: ", ") + ")"),
                                         to: max(20, width - DisplayWidth.of(head)))
            for (i, line) in body.enumerated() { out += (i == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head))) + line + "\n" }
            var details: [String] = []
            if !s.tools.isEmpty { details.append(DayLabels.tool(lang) + ": " + s.tools.joined(separator: ", ")) }
            if !s.thinks.isEmpty { details.append(DayLabels.thinks(lang) + ": " + s.thinks.joined(separator: " / ")) }
            let pains = DayLabels.pains(s, d, lang)
            if !pains.isEmpty { details.append(DayLabels.pain(lang) + ": " + pains) }
            let indent = String(repeating: " ", count: DisplayWidth.of(head))
            for detail in details {
                for line in DisplayWidth.wrap(detail, to: max(20, width - DisplayWidth.of(head))) { out += indent + line + "\n" }
            }
        }
        out += "\n" + DayLabels.curveHeading(lang) + "\n" + sparkline(d) + "\n"
        if let mean = d.meanFeels { out += DayLabels.mean(lang) + " " + DayLabels.signed(mean) + "\n" }
        if !d.tools.isEmpty {
            out += "\n" + DayLabels.toolsHeading(lang) + "\n"
            for t in d.tools { out += wrapped(t.tool + " — " + DayLabels.toolUse(t, lang), "  ", "    ") }
        }
        out += "\n" + DayLabels.changesHeading(lang) + "\n"
        if d.pains.isEmpty { out += "  " + DayLabels.noPains(lang) + "\n" }
        for p in d.pains {
            out += wrapped(DayLabels.painLine(p, d, lang), "  ", "      ")
            if p.changes.isEmpty { out += "      " + DayLabels.nothingYet(lang) + "\n" }
            for c in p.changes {
                for (i, line) in DisplayWidth.wrap(DayLabels.change(c, lang), to: max(20, width - 8)).enumerated() {
                    out += (i == 0 ? "    → " : "      ") + line + "\n"
                }
            }
        }
        return out
    }

    /// The emotion curve as one line of block characters, one per step.
    static func sparkline(_ d: DayInTheLife) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]
        var marks = "", times = ""
        for s in d.steps {
            if let f = s.feels {
                marks.append(blocks[min(6, max(0, Int((f + 3).rounded())))])
            } else {
                marks.append("·")
            }
        }
        times = d.steps.first.map { $0.time + " … " + d.steps.last!.time } ?? ""
        return "  " + marks + "   (" + times + ")"
    }

    // MARK: Markdown

    static func markdown(_ d: DayInTheLife, _ lang: Language) -> String {
        func cell(_ s: String) -> String { Escape.markdown(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "# " + cell(DayLabels.title(d, lang)) + "\n\n" + cell(DayLabels.subtitle(d, lang)) + "\n\n"
        out += "| " + [DayLabels.time(lang), DayLabels.does(lang), DayLabels.tool(lang), DayLabels.feels(lang), DayLabels.thinks(lang),
                       DayLabels.pain(lang)].joined(separator: " | ") + " |\n|---|---|---|---|---|---|\n"
        for s in d.steps {
            out += "| " + [s.time + (s.low ? " **▼**" : ""), cell(DayLabels.activity(s, d, lang)), cell(s.tools.joined(separator: ", ")),
                           DayLabels.feeling(s, d), cell(s.thinks.joined(separator: " / ")), cell(DayLabels.pains(s, d, lang))]
                .joined(separator: " | ") + " |\n"
        }
        out += "\n" + DayLabels.curveHeading(lang) + ": `" + sparkline(d).trimmingCharacters(in: .whitespaces) + "`"
        if let mean = d.meanFeels { out += " — " + DayLabels.mean(lang) + " " + DayLabels.signed(mean) }
        out += "\n"
        if !d.tools.isEmpty {
            out += "\n## " + DayLabels.toolsHeading(lang) + "\n\n"
            for t in d.tools { out += "- " + cell(t.tool) + " — " + DayLabels.toolUse(t, lang) + "\n" }
        }
        out += "\n## " + DayLabels.changesHeading(lang) + "\n\n"
        if d.pains.isEmpty { out += DayLabels.noPains(lang) + "\n" }
        for p in d.pains {
            out += "- " + cell(DayLabels.painLine(p, d, lang)) + "\n"
            if p.changes.isEmpty { out += "  - " + DayLabels.nothingYet(lang) + "\n" }
            for c in p.changes { out += "  - " + cell(DayLabels.change(c, lang)) + "\n" }
        }
        return out
    }
}

/// The words of the day-in-the-life map, in English and Chinese.
enum DayLabels {
    static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { lang == .zh ? zh : en }

    static func title(_ d: DayInTheLife, _ lang: Language) -> String {
        d.kind == .observed
            ? pick("A day in the life of \(d.stakeholder) — \(d.date!)", "\(d.stakeholder)的一天 — \(d.date!)", lang)
            : pick("A typical day of \(d.stakeholder) — \(d.observedDays.count) observed days", "\(d.stakeholder)的典型一天 — 观察 \(d.observedDays.count) 天", lang)
    }

    static func subtitle(_ d: DayInTheLife, _ lang: Language) -> String {
        var parts = [d.account]
        if !d.title.isEmpty { parts.append(d.title) }
        if !d.roles.isEmpty { parts.append(d.roles.map { Labels.role($0, lang) }.joined(separator: "/")) }
        if d.kind == .typical { parts.append(pick("days: ", "观察日：", lang) + d.observedDays.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    static func time(_ l: Language) -> String { pick("time", "时间", l) }
    static func does(_ l: Language) -> String { pick("does", "做什么", l) }
    static func tool(_ l: Language) -> String { pick("tools", "工具", l) }
    static func feels(_ l: Language) -> String { pick("feels", "感受", l) }
    static func thinks(_ l: Language) -> String { pick("thinks", "想法", l) }
    static func pain(_ l: Language) -> String { pick("pain", "痛点", l) }
    static func curveHeading(_ l: Language) -> String { pick("Emotion across the day", "全天情绪曲线", l) }
    static func toolsHeading(_ l: Language) -> String { pick("Tools touched", "用到的工具", l) }
    static func changesHeading(_ l: Language) -> String { pick("Pains, and where our product would change the day", "痛点，以及我们的产品能改变什么", l) }
    static func noPains(_ l: Language) -> String { pick("no pains observed", "未观察到痛点", l) }
    static func nothingYet(_ l: Language) -> String { pick("nothing answers it yet: an opportunity", "尚无应对：这是机会", l) }
    static func mean(_ l: Language) -> String { pick("mean", "平均", l) }
    static func lowPoint(_ l: Language) -> String { pick("low point", "低谷", l) }

    static func signedOrBlank(_ x: Double?) -> String {
        guard let x else { return "  " }
        let t = signed(x)
        return DisplayWidth.of(t) < 2 ? " " + t : t
    }

    static func signed(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        let s = r == r.rounded() ? String(Int(r)) : String(r)
        return r > 0 ? "+" + s : s
    }

    /// What the person does in a step; in a typical day with the days it was seen.
    static func activity(_ s: DayInTheLife.Step, _ d: DayInTheLife, _ lang: Language) -> String {
        var t = s.does
        if !s.alsoDoes.isEmpty { t += pick(" (also: ", "（另有：", lang) + s.alsoDoes.joined(separator: "; ") + pick(")", "）", lang) }
        if d.kind == .typical { t += pick(" [\(s.days)/\(d.observedDays.count) days]", " [\(s.days)/\(d.observedDays.count) 天]", lang) }
        return t
    }

    static func feeling(_ s: DayInTheLife.Step, _ d: DayInTheLife) -> String {
        guard let f = s.feels else { return "" }
        var t = signed(f)
        if d.kind == .typical, let lo = s.feelsMin, let hi = s.feelsMax, lo != hi { t += " (\(signed(Double(lo)))…\(signed(Double(hi))))" }
        if !s.labels.isEmpty { t += " " + s.labels.joined(separator: "/") }
        return t
    }

    static func pains(_ s: DayInTheLife.Step, _ d: DayInTheLife, _ lang: Language) -> String {
        s.painPointIDs.compactMap { id in d.pains.first { $0.painPointID == id }.map { "#\(id) " + $0.text } }.joined(separator: "; ")
    }

    static func toolUse(_ t: DayInTheLife.ToolUse, _ lang: Language) -> String {
        pick("\(t.steps) step\(t.steps == 1 ? "" : "s"), first at \(t.first)", "\(t.steps) 次，最早 \(t.first)", lang)
    }

    static func painLine(_ p: DayInTheLife.Pain, _ d: DayInTheLife, _ lang: Language) -> String {
        var t = "\(p.time) #\(p.painPointID) \(p.text) (\(Labels.severity(p.severity, lang)), \(Labels.painStatus(p.status, lang))"
        if d.kind == .typical { t += pick(", on \(p.days) of \(d.observedDays.count) days", "，\(d.observedDays.count) 天中 \(p.days) 天", lang) }
        if let deal = p.deal { t += ", " + deal }
        return t + ")"
    }

    static func change(_ c: DayInTheLife.Change, _ lang: Language) -> String {
        let kind: String
        switch c.kind {
        case .response: kind = pick("our response", "我方应对", lang)
        case .need: kind = pick("the deal's need", "项目需求", lang)
        case .plan: kind = pick("planned", "计划", lang)
        }
        var t = kind + (c.id.map { c.kind == .plan ? " (task #\($0))" : " (#\($0))" } ?? "") + ": " + c.text
        if let deal = c.deal, c.kind != .response { t += " — " + deal }
        return t
    }
}
