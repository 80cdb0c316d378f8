import DecisionChain

/// The day as one self-contained HTML page: the SVG chart inline, the steps
/// hour by hour, the tools, and the pains with what would change them. No
/// network, no scripts; every user text escaped.
public enum DayInTheLifeHTMLRenderer {
    public static func render(_ d: DayInTheLife, lang: Language) -> String {
        let esc = Escape.html
        var rows = ""
        for s in d.steps {
            rows += "<tr class=\"\(s.low ? "low" : "")\"><td class=\"time\">\(esc(s.time))\(s.low ? " <span class=\"mark\">▼</span>" : "")</td>"
            rows += "<td>\(esc(DayLabels.activity(s, d, lang)))</td><td>\(esc(s.tools.joined(separator: ", ")))</td>"
            rows += "<td class=\"\(tone(s.feels))\">\(esc(DayLabels.feeling(s, d)))</td><td>\(esc(s.thinks.joined(separator: " / ")))</td>"
            rows += "<td>\(esc(DayLabels.pains(s, d, lang)))</td></tr>\n"
        }
        var pains = ""
        for p in d.pains {
            pains += "<li id=\"pain-\(p.painPointID)\"><strong>\(esc(DayLabels.painLine(p, d, lang)))</strong><ul>"
            if p.changes.isEmpty { pains += "<li class=\"none\">\(esc(DayLabels.nothingYet(lang)))</li>" }
            for c in p.changes { pains += "<li class=\"\(c.kind.rawValue)\">\(esc(DayLabels.change(c, lang)))</li>" }
            pains += "</ul></li>\n"
        }
        if d.pains.isEmpty { pains = "<li>\(esc(DayLabels.noPains(lang)))</li>" }
        let tools = d.tools.map { "<li>\(esc($0.tool)) — \(esc(DayLabels.toolUse($0, lang)))</li>" }.joined()
        let mean = d.meanFeels.map { " · " + esc(DayLabels.mean(lang)) + " " + esc(DayLabels.signed($0)) } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")">
            <head><meta charset="utf-8"><title>\(esc(DayLabels.title(d, lang)))</title>
            <style>
            body { font-family: \(DayInTheLifeSVGRenderer.fontFamily); color: #111827; margin: 24px; }
            h1 { font-size: 20px; margin: 0 0 4px; } .sub { color: #6b7280; margin: 0 0 16px; }
            .chart { overflow-x: auto; } svg.day { max-width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; margin: 16px 0; font-size: 14px; }
            th, td { border-bottom: 1px solid #e5e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }
            th { background: #f9fafb; } td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
            tr.low td { background: #fef2f2; } .mark { color: #dc2626; }
            td.neg { color: #b91c1c; } td.pos { color: #047857; }
            li.response { color: #047857; } li.need { color: #1d4ed8; } li.plan { color: #6b21a8; } li.none { color: #92400e; }
            @media print { body { margin: 0; } .chart { overflow: visible; } }
            </style></head>
            <body>
            <h1>\(esc(DayLabels.title(d, lang)))</h1>
            <p class="sub">\(esc(DayLabels.subtitle(d, lang)))\(mean)</p>
            <h2>\(esc(DayLabels.curveHeading(lang)))</h2>
            <div class="chart">
            \(DayInTheLifeSVGRenderer.render(d, lang: lang, embedded: true))</div>
            <table>
            <thead><tr><th>\(esc(DayLabels.time(lang)))</th><th>\(esc(DayLabels.does(lang)))</th><th>\(esc(DayLabels.tool(lang)))</th><th>\(esc(DayLabels.feels(lang)))</th><th>\(esc(DayLabels.thinks(lang)))</th><th>\(esc(DayLabels.pain(lang)))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <h2>\(esc(DayLabels.toolsHeading(lang)))</h2>
            <ul>\(tools)</ul>
            <h2>\(esc(DayLabels.changesHeading(lang)))</h2>
            <ul class="pains">
            \(pains)</ul>
            </body>
            </html>

            """
    }

    static func tone(_ f: Double?) -> String {
        guard let f else { return "" }
        return f < 0 ? "neg" : (f > 0 ? "pos" : "")
    }
}
