import DecisionChain

/// Renders a stakeholder's empathy map (says / thinks / does / feels) as text,
/// Markdown, HTML (the map template's empathy section) or JSON.
public enum EmpathyMapRenderer {
    /// The formats this renderer writes.
    public static let formats = ["text", "md", "html", "json"]

    /// The map in `format`; labels in `lang`. Text is wrapped to `width` columns.
    public static func render(_ map: EmpathyMap, format: String, lang: Language, width: Int = 100) throws -> String {
        switch format {
        case "json": return try JSONOutput.encode(map)
        case "md": return markdown(map, lang)
        case "html": return try html(map, lang)
        default: return text(map, lang, width: max(width, 40))
        }
    }

    /// The four quadrants, each a heading and its lines.
    static func quadrants(_ m: EmpathyMap, _ lang: Language) -> [(key: String, label: String, items: [MapLabels.Item])] {
        let says = m.says.map { s in
            MapLabels.Item("\(s.at.day.short) \(s.stageName ?? s.stage ?? ""): “\(s.text)”".replacingOccurrences(of: " :", with: ":"),
                           MapLabels.tone(s.emotion.map { Double($0.value) }))
        }
        func pain(_ kind: String, _ p: MapPainPoint) -> MapLabels.Item {
            MapLabels.Item("\(kind): \(p.text) (\(Labels.severity(p.severity, lang)), \(Labels.painStatus(p.status, lang)))",
                           p.status == .open ? .negative : .plain)
        }
        let thinks = m.thinks.concerns.map { pain(MapLabels.concerns(lang), $0) } + m.thinks.needs.map { pain(MapLabels.needs(lang), $0) }
            + m.thinks.personalWins.map { MapLabels.Item(MapLabels.personalWins(lang) + ": " + $0, .positive) }
        let does = m.does.map { d in
            var text = "\(d.at.day.short) \(Labels.channel(d.channel, lang))"
            if let s = d.summary, !s.isEmpty { text += ": " + s }
            if d.direction == .inbound { text += " (" + MapLabels.reachedOut(lang) + ")" }
            return MapLabels.Item(text, d.direction == .inbound ? .positive : .plain)
        }
        var feels: [MapLabels.Item] = []
        if !m.feels.moments.isEmpty {
            feels.append(MapLabels.Item(MapLabels.pick("trend ", "趋势 ", lang) + MapLabels.trend(m.feels.trend, lang)
                                        + " · " + MapLabels.pick("mean ", "平均 ", lang) + MapLabels.signed(m.feels.mean)
                                        + " · " + MapLabels.pick("latest ", "最近 ", lang) + MapLabels.signed(m.feels.latest),
                                        m.feels.trend == .falling ? .negative : (m.feels.trend == .rising ? .positive : .plain)))
            if !m.feels.labels.isEmpty {
                feels.append(MapLabels.Item(m.feels.labels.map { "\($0.label) ×\($0.count)" }.joined(separator: ", ")))
            }
            feels.append(MapLabels.Item(m.feels.moments.map { MapLabels.signed($0.emotion) }.joined(separator: " → "), .muted))
        }
        return [("says", MapLabels.says(lang), says), ("thinks", MapLabels.thinks(lang), thinks),
                ("does", MapLabels.does(lang), does), ("feels", MapLabels.feels(lang), feels)]
    }

    static func heading(_ m: EmpathyMap, _ lang: Language) -> String {
        MapLabels.empathyTitle(lang) + ": " + m.stakeholder.name + (m.roles.isEmpty ? "" : " (\(MapLabels.roles(m.roles)))")
    }

    static func subtitle(_ m: EmpathyMap, _ lang: Language) -> String {
        var parts = [m.stakeholder.title, m.stakeholder.unit, m.account.name, m.deal?.name].compactMap { $0 }.filter { !$0.isEmpty }
        parts.append(MapLabels.asOf(lang) + " " + m.asOf.description)
        return parts.joined(separator: " · ")
    }

    static func text(_ m: EmpathyMap, _ lang: Language, width: Int) -> String {
        var out = [heading(m, lang)] + DisplayWidth.wrap(subtitle(m, lang), to: width)
        for q in quadrants(m, lang) {
            out.append("")
            out.append(q.label)
            if q.items.isEmpty { out.append("  " + MapLabels.empty(lang)) }
            for item in q.items {
                out += DisplayWidth.wrap(item.text, to: width - 4).enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ m: EmpathyMap, _ lang: Language) -> String {
        let e = Escape.markdown
        var out = ["# " + e(heading(m, lang)), "", e(subtitle(m, lang))]
        for q in quadrants(m, lang) {
            out += ["", "## " + e(q.label), ""]
            out += q.items.isEmpty ? ["_" + e(MapLabels.empty(lang)) + "_"] : q.items.map { "- " + e($0.text) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func html(_ m: EmpathyMap, _ lang: Language) throws -> String {
        let quadrants = quadrants(m, lang).map { q -> [String: Any] in
            ["cls": q.key, "label": q.label, "emptyText": MapLabels.empty(lang),
             "items": q.items.map { ["text": $0.text, "tone": toneClass($0.tone)] }]
        }
        let title = heading(m, lang)
        return try JourneyMapHTMLRenderer.page(title: title, heading: title, subtitles: [subtitle(m, lang)], lang: lang, minWidth: 0,
                                               section: ("empathy", ["quadrants": quadrants]),
                                               footer: "dchain · " + MapLabels.asOf(lang) + " " + m.asOf.description)
    }

    /// Tones as the stylesheet's colour classes.
    static func toneClass(_ t: MapLabels.Tone) -> String {
        switch t {
        case .positive: return "pos"
        case .negative: return "neg"
        case .warning: return "warn"
        case .muted: return "muted"
        default: return ""
        }
    }
}
