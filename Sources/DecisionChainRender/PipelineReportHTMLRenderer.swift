import DecisionChain
import Foundation
import Mustache
import ReportAssets

/// Renders the pipeline report as one self-contained, printable HTML page
/// (`Reports/pipeline.html.mustache`, inline CSS, inline SVG charts: funnel
/// bars, the emotion heat map, stage velocity). All user text is escaped
/// here with `Escape.html`; the template inserts it raw.
///
/// The page is written in pieces, like the JSON: the template renders the
/// page with one marker row per table, and each table's rows are written in
/// its place a batch at a time, so a report of many thousand deals never
/// sits in memory as one string or one template context.
public enum PipelineReportHTMLRenderer {
    /// The report as an HTML document; `sections` limits it to some sections (default: all).
    public static func render(_ report: PipelineReport, lang: Language,
                              sections: [PipelineReportSection] = PipelineReportSection.allCases,
                              stylesheet: String = ReportAssets.stylesheet) throws -> String {
        var out = ""
        try write(report, lang: lang, sections: sections, stylesheet: stylesheet) { out += $0 }
        return out
    }

    /// Streams the same document as `render` to `sink`, piece by piece.
    public static func write(_ report: PipelineReport, lang: Language,
                             sections: [PipelineReportSection] = PipelineReportSection.allCases,
                             stylesheet: String = ReportAssets.stylesheet, to sink: (String) throws -> Void) throws {
        let template = try MustacheTemplate(string: ReportAssets.pipelineHTML)
        let streams = RowStreams()
        let page = template.render(context(report, lang: lang, sections: sections, stylesheet: stylesheet, streams: streams))
        var rest = Substring(page)
        for (i, rows) in streams.tables.enumerated() {
            guard let mark = rest.range(of: streams.marker(i)) else { continue }
            let lineStart = rest[..<mark.lowerBound].lastIndex(of: "\n").map { rest.index(after: $0) } ?? rest.startIndex
            let lineEnd = rest[mark.upperBound...].firstIndex(of: "\n").map { rest.index(after: $0) } ?? rest.endIndex
            try sink(String(rest[..<lineStart]))
            var batch = ""
            for row in rows {
                batch += rowHTML(row)
                if batch.utf8.count >= 64 * 1024 { try sink(batch); batch = "" }
            }
            if !batch.isEmpty { try sink(batch) }
            rest = rest[lineEnd...]
        }
        try sink(String(rest))
    }

    /// The tables' rows, kept lazy until they are written; the template sees one marker row per table.
    final class RowStreams {
        private let token = UUID().uuidString
        private(set) var tables: [AnyCollection<[[String: Any]]>] = []

        /// The text of table `i`'s marker row (a fresh token per page, so no user text can look like it).
        func marker(_ i: Int) -> String { "\u{1}rows-\(token)-\(i)\u{1}" }

        /// A table for the template: headers (text, class) and rows of pre-escaped cells.
        func table<Rows: Collection>(caption: String? = nil, headers: [(String, String)], rows: Rows,
                                     lang: Language) -> [String: Any] where Rows.Element == [[String: Any]] {
            tables.append(AnyCollection(rows))
            var t: [String: Any] = [
                "headers": headers.map { ["text": Escape.html($0.0), "cls": $0.1] },
                "rows": [["cells": [cell(marker(tables.count - 1))]]],
                "hasRows": !rows.isEmpty,
                "empty": Escape.html(ReportLabels.empty(lang)),
            ]
            if let caption { t["caption"] = caption }
            return t
        }
    }

    /// One table row, as the template writes a row.
    static func rowHTML(_ cells: [[String: Any]]) -> String {
        var html = "      <tr>"
        for c in cells {
            html += "<td class=\"\(c["cls"] as? String ?? "")\""
            if let style = c["style"] as? String, !style.isEmpty { html += " style=\"\(style)\"" }
            html += ">\(c["html"] as? String ?? "")</td>"
        }
        return html + "</tr>\n"
    }

    static func context(_ r: PipelineReport, lang: Language, sections: [PipelineReportSection], stylesheet: String,
                        streams: RowStreams) -> [String: Any] {
        let h = Escape.html, L = ReportLabels.self
        let stalled = r.velocity.deals.filter(\.stalled).count
        let won = r.winLoss.filter { $0.status == .won }.reduce(0) { $0 + $1.deals }
        let lost = r.winLoss.filter { $0.status == .lost }.reduce(0) { $0 + $1.deals }
        let kpis: [[String: Any]] = [
            ["value": h(String(r.coverage.count)), "label": h(L.openDeals(lang)), "alert": false],
            ["value": h(L.money(r.funnel.reduce(0) { $0 + $1.totalAmount })), "label": h(L.amount(lang)), "alert": false],
            ["value": h(L.money(r.funnel.reduce(0) { $0 + $1.weightedAmount })), "label": h(L.weighted(lang)), "alert": false],
            ["value": h(String(stalled)), "label": h(L.stalled(lang)), "alert": stalled > 0],
            ["value": h(String(r.redFlags.count)), "label": h(L.section(.redFlags, lang)), "alert": !r.redFlags.isEmpty],
            ["value": h("\(won) / \(lost)"), "label": h(Labels.status(.won, lang) + " / " + Labels.status(.lost, lang)), "alert": false],
        ]
        let chosen = PipelineReportSection.allCases.filter(sections.contains)
        return [
            "lang": lang == .zh ? "zh-CN" : "en",
            "title": h("\(L.pipelineTitle(lang)) \(r.filter.since) – \(r.filter.today)"),
            "css": stylesheet,
            "heading": h(L.pipelineTitle(lang)),
            "scope": h(L.scope(r.filter, lang)),
            "kpis": kpis,
            "sections": chosen.map { section(r, $0, lang, streams) },
            "generated": h("dchain report pipeline · \(r.filter.today)"),
        ]
    }

    // MARK: - sections

    static func section(_ r: PipelineReport, _ s: PipelineReportSection, _ lang: Language, _ streams: RowStreams) -> [String: Any] {
        let h = Escape.html, L = ReportLabels.self
        var out: [String: Any] = ["key": s.rawValue, "title": h(L.section(s, lang)), "note": h(L.sectionNote(s, lang))]
        let multi = r.pipelineKeys.count > 1
        func stage(_ p: String, _ k: String) -> String {
            h(multi ? "\(Labels.pipelineShort(p, lang)) · \(L.stageName(r, p, k, lang))" : L.stageName(r, p, k, lang))
        }
        switch s {
        case .funnel:
            // Stages no deal of the period reached and none sits in are folded into one line, not drawn as empty bars.
            let shown = r.funnel.filter(\.hasDeals), folded = r.funnel.filter { !$0.hasDeals }
            out["charts"] = r.pipelineKeys.compactMap { p in
                shown.contains { $0.pipelineKey == p } ? ["svg": funnelChart(r, pipeline: p, lang)] : nil
            }
            if !folded.isEmpty {
                out["legend"] = h(L.pick("No deals in \(folded.count) stage(s), folded: ", "\(folded.count) 个阶段无商机，已折叠：", lang)
                                  + folded.map { (multi ? "\($0.pipelineKey) · " : "") + L.stageName(r, $0.pipelineKey, $0.stageKey, lang) }
                                      .joined(separator: ", "))
            }
            out["tables"] = [streams.table(headers: [(L.stage(lang), ""), (L.openDeals(lang), "num"), (L.amount(lang), "num"), (L.weight(lang), "num"),
                                             (L.weighted(lang), "num"), (L.reached(lang), "num"), (L.conversion(lang), "num")],
                                   rows: shown.lazy.map {
                                       [cell(stage($0.pipelineKey, $0.stageKey)), num(String($0.openDeals)), num(L.money($0.totalAmount)),
                                        num(L.percent($0.weight)), num(L.money($0.weightedAmount)), num(String($0.reached)),
                                        num(L.percent($0.conversion))]
                                   }, lang: lang)]
        case .velocity:
            if !r.velocity.stageMedians.isEmpty { out["charts"] = [["svg": velocityChart(r, lang)]] }
            out["tables"] = [
                streams.table(headers: [(L.account(lang), ""), (L.deal(lang), ""), (L.owner(lang), ""), (L.amount(lang), "num"),
                                (L.stage(lang), ""), (L.days(lang), "num"), (L.expected(lang), "num"), (L.ratio(lang), "num"), (L.status(lang), "")],
                      rows: r.velocity.deals.lazy.map { d in
                          [cell(h(d.accountName)), cell(h(d.dealName)), cell(h(d.ownerLogin ?? "–")),
                           num(d.amount.map { "\(L.money($0)) \(d.currency)" } ?? "–"), cell(stage(d.pipelineKey, d.stageKey)),
                           num(d.daysInStage.map(String.init) ?? "–"), num(String(d.expectedDays)),
                           num(d.ratio.map { String(format: "%.2f×", $0) } ?? "–"),
                           cell(d.stalled ? "<span class=\"badge neg\">\(h(L.stalled(lang)))</span>" : "")]
                      }, lang: lang),
                streams.table(caption: h(L.stageMedians(lang)),
                      headers: [(L.stage(lang), ""), (L.median(lang), "num"), (L.expected(lang), "num"), (L.visits(lang), "num")],
                      rows: r.velocity.stageMedians.lazy.map {
                          [cell(stage($0.pipelineKey, $0.stageKey)), num(L.number($0.medianDays)), num(String($0.expectedDays)),
                           num(String($0.visits))]
                      }, lang: lang),
            ]
        case .coverage:
            out["legend"] = h(L.pick("✓ contacted within cadence · ✗ overdue · — not identified",
                                     "✓ 节奏内已联系 · ✗ 已超期 · — 未确定", lang))
            out["tables"] = [streams.table(headers: [(L.account(lang), ""), (L.deal(lang), ""), (L.owner(lang), ""), (L.stage(lang), "")]
                                       + Role.allCases.map { (Labels.role($0, lang), "") },
                                   rows: r.coverage.lazy.map { row in
                                       [cell(h(row.accountName)), cell(h(row.dealName)), cell(h(row.ownerLogin ?? "–")),
                                        cell(stage(row.pipelineKey, row.stageKey))]
                                           + row.cells.map { coverageCell($0, lang) }
                                   }, lang: lang)]
        case .emotionHeatmap:
            if !r.emotionHeatmap.isEmpty { out["charts"] = [["svg": heatmapChart(r, lang)]] }
            out["legend"] = h(L.pick("red: negative, green: positive; n = emotions behind the cell", "红：负面，绿：正面；n 为样本数", lang))
        case .painPoints:
            out["tables"] = [streams.table(headers: [(L.pain(lang), ""), (L.occurrences(lang), "num"), (L.severity(lang), ""), (L.accounts(lang), "")],
                                   rows: r.painPoints.lazy.map { p in
                                       [cell(h(p.text)), num(String(p.occurrences)),
                                        cell("<span class=\"badge\(p.severity == .high ? " neg" : p.severity == .medium ? " warn" : "")\">\(h(Labels.severity(p.severity, lang)))</span>"),
                                        cell(h(PipelineReportTextRenderer.accountsCell(p, lang)))]
                                   }, lang: lang)]
        case .redFlags:
            out["tables"] = [streams.table(headers: [(L.account(lang), ""), (L.deal(lang), ""), (L.flag(lang), ""), (L.why(lang), "")],
                                   rows: r.redFlags.lazy.map { f in
                                       [cell(h(f.accountName)), cell(h(f.dealName)),
                                        cell("<span class=\"badge neg\" title=\"\(h(f.kind.rawValue))\">\(h(L.flagName(f.kind, lang)))</span>", "flag"),
                                        cell(h(L.why(f, stageName: PipelineReportTextRenderer.stageName(r, f, lang), lang)))]
                                   }, lang: lang)]
        case .winLoss:
            out["tables"] = [streams.table(headers: [(L.stage(lang), ""), (L.outcome(lang), ""), (L.reason(lang), ""), (L.deals(lang), "num"),
                                             (L.amount(lang), "num")],
                                   rows: r.winLoss.lazy.map { w in
                                       [cell(stage(w.pipelineKey, w.stageKey)),
                                        cell("<span class=\"badge\(w.status == .won ? " pos" : w.status == .lost ? " neg" : "")\">\(h(Labels.status(w.status, lang)))</span>"),
                                        cell(h(w.reason ?? L.noReason(lang))), num(String(w.deals)), num(L.money(w.amount))]
                                   }, lang: lang)]
        case .metrics:
            // The text renderer's tables, escaped here; scores below target in red, at or above in green.
            let tables = PipelineReportTextRenderer.metricsTables(r, lang: lang) { p, k in
                multi ? "\(Labels.pipelineShort(p, lang)) · \(L.stageName(r, p, k, lang))" : L.stageName(r, p, k, lang)
            }
            out["note"] = h(tables[0].note)
            out["tables"] = tables.enumerated().map { i, t in
                streams.table(caption: i == 0 ? nil : h(t.title),
                              headers: zip(t.headers, t.alignments).map { ($0, $1 == .right ? "num" : "") },
                              rows: t.rows.map { row in
                                  zip(row, t.alignments).map { text, a -> [String: Any] in
                                      guard a == .right else { return cell(h(text)) }
                                      let tone = text.hasSuffix("✗") ? "neg" : text.hasSuffix("✓") ? "pos" : ""
                                      return cell(tone.isEmpty ? h(text) : "<span class=\"\(tone)\">\(h(text))</span>", "num")
                                  }
                              }, lang: lang)
            }
        }
        if out["tables"] == nil && out["charts"] == nil {
            out["tables"] = [streams.table(headers: [], rows: [[[String: Any]]](), lang: lang)]
        }
        return out
    }

    /// A cell of already-escaped HTML.
    static func cell(_ html: String, _ cls: String = "") -> [String: Any] { ["html": html, "cls": cls] }
    /// A right-aligned numeric cell (the text is escaped).
    static func num(_ text: String) -> [String: Any] { ["html": Escape.html(text), "cls": "num"] }

    /// Who holds a role, whether they were contacted within cadence, and their latest emotion.
    static func coverageCell(_ c: CoverageCell, _ lang: Language) -> [String: Any] {
        let h = Escape.html
        guard c.identified else { return cell("<span class=\"badge neg\">—</span>", "cell") }
        var html = "<span class=\"names\">\(h(c.stakeholders.joined(separator: ", ")))</span> "
        html += c.withinCadence ? "<span class=\"badge pos\">✓</span>" : "<span class=\"badge warn\">✗</span>"
        html += "<br><span class=\"sub\">\(h(c.lastContact?.description ?? ReportLabels.pick("never contacted", "未联系", lang)))"
        if let e = c.latestEmotion {
            html += " · <span class=\"\(e.value < 0 ? "neg" : e.value > 0 ? "pos" : "muted")\">\(h(e.description))</span>"
        }
        return cell(html + "</span>", "cell")
    }

    // MARK: - SVG charts

    /// Funnel bars of one pipeline: per stage, deals that reached it (light) and open deals now (dark).
    static func funnelChart(_ r: PipelineReport, pipeline: String, _ lang: Language) -> String {
        let h = Escape.html, L = ReportLabels.self
        let rows = r.funnel.filter { $0.pipelineKey == pipeline && $0.hasDeals }
        let labelW = 200.0, barW = 360.0, rowH = 24.0, top = 28.0
        let width = 860.0, height = top + Double(rows.count) * rowH + 8
        let maxN = Double(max(1, rows.map { max($0.reached, $0.openDeals) }.max() ?? 1))
        var svg = svgOpen(width, height, label: "\(L.section(.funnel, lang)) \(pipeline)")
        svg += text(0, 16, h(pipeline), weight: "600")
        svg += "<g font-size=\"11\"><rect x=\"\(f(labelW + barW - 150))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#a5c8f0\"/>"
        svg += text(labelW + barW - 136, 15, h(L.reached(lang)))
        svg += "<rect x=\"\(f(labelW + barW - 70))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#1864ab\"/>"
        svg += text(labelW + barW - 56, 15, h(L.openDeals(lang))) + "</g>"
        for (i, s) in rows.enumerated() {
            let y = top + Double(i) * rowH
            svg += text(labelW - 8, y + 15, h(DisplayWidth.truncate(L.stageName(r, pipeline, s.stageKey, lang), to: 28)), anchor: "end")
            let reachedW = Double(s.reached) / maxN * barW, openW = Double(s.openDeals) / maxN * barW
            svg += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 3))\" width=\"\(f(reachedW))\" height=\"\(f(rowH - 6))\" fill=\"#a5c8f0\"/>"
            svg += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 7))\" width=\"\(f(openW))\" height=\"\(f(rowH - 14))\" fill=\"#1864ab\"/>"
            let caption = "\(s.reached) · \(s.openDeals) · \(L.money(s.weightedAmount))" + (s.conversion.map { " · \(L.percent($0))" } ?? "")
            svg += text(labelW + barW + 8, y + 15, h(caption), size: 11, fill: "#667085")
        }
        return svg + "</svg>"
    }

    /// Median days per stage (bar) against the expected days (tick); red over 1.5×, amber over 1×.
    static func velocityChart(_ r: PipelineReport, _ lang: Language) -> String {
        let h = Escape.html, L = ReportLabels.self
        let rows = r.velocity.stageMedians
        let multi = r.pipelineKeys.count > 1
        let labelW = 220.0, barW = 380.0, rowH = 24.0, top = 8.0
        let width = 860.0, height = top + Double(rows.count) * rowH + 8
        let maxD = max(1, rows.map { max($0.medianDays, Double($0.expectedDays)) }.max() ?? 1)
        var svg = svgOpen(width, height, label: L.stageMedians(lang))
        for (i, m) in rows.enumerated() {
            let y = top + Double(i) * rowH
            let label = (multi ? "\(m.pipelineKey) · " : "") + L.stageName(r, m.pipelineKey, m.stageKey, lang)
            svg += text(labelW - 8, y + 15, h(DisplayWidth.truncate(label, to: 32)), anchor: "end")
            let color = m.medianDays > RedFlags.stallFactor * Double(m.expectedDays) ? "#c92a2a"
                : m.medianDays > Double(m.expectedDays) ? "#e8a33d" : "#2b8a3e"
            svg += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 4))\" width=\"\(f(m.medianDays / maxD * barW))\" height=\"\(f(rowH - 8))\" fill=\"\(color)\"/>"
            let ex = labelW + Double(m.expectedDays) / maxD * barW
            svg += "<line x1=\"\(f(ex))\" y1=\"\(f(y + 1))\" x2=\"\(f(ex))\" y2=\"\(f(y + rowH - 1))\" stroke=\"#1d2330\" stroke-width=\"2\"/>"
            let caption = lang == .zh ? "中位 \(L.number(m.medianDays)) 天 · 预期 \(m.expectedDays) 天 · n=\(m.visits)"
                                      : "median \(L.number(m.medianDays)) d · expected \(m.expectedDays) d · n=\(m.visits)"
            svg += text(labelW + barW + 12, y + 15, h(caption), size: 11, fill: "#667085")
        }
        return svg + "</svg>"
    }

    /// Stage × role grid coloured by mean emotion (red −3 … white 0 … green +3), with n per cell.
    static func heatmapChart(_ r: PipelineReport, _ lang: Language) -> String {
        let h = Escape.html, L = ReportLabels.self
        let rows = PipelineReportTextRenderer.heatRows(r)
        let multi = r.pipelineKeys.count > 1
        let labelW = 220.0, cellW = 120.0, rowH = 26.0, top = 26.0
        let width = labelW + cellW * 4 + 8, height = top + Double(rows.count) * rowH + 8
        var svg = svgOpen(width, height, label: L.section(.emotionHeatmap, lang))
        for (j, role) in Role.allCases.enumerated() {
            svg += text(labelW + cellW * (Double(j) + 0.5), 16, h(Labels.role(role, lang)), anchor: "middle", weight: "600")
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowH
            let label = (multi ? "\(row.pipelineKey) · " : "") + L.stageName(r, row.pipelineKey, row.stageKey, lang)
            svg += text(labelW - 8, y + 17, h(DisplayWidth.truncate(label, to: 32)), anchor: "end")
            for (j, c) in row.cells.enumerated() {
                let x = labelW + cellW * Double(j)
                guard let c else {
                    svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(cellW - 2))\" height=\"\(f(rowH - 2))\" fill=\"#f6f7fa\"/>"
                    continue
                }
                let strength = min(1, abs(c.meanEmotion) / 3)
                let fill = c.meanEmotion < 0 ? "#c92a2a" : "#2b8a3e"
                svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(cellW - 2))\" height=\"\(f(rowH - 2))\" fill=\"\(fill)\" fill-opacity=\"\(f(0.08 + 0.72 * strength))\"/>"
                svg += text(x + cellW / 2, y + 17, h("\(L.emotionMean(c.meanEmotion)) (n=\(c.count))"), anchor: "middle", size: 11,
                            fill: strength > 0.6 ? "#ffffff" : "#1d2330")
            }
        }
        return svg + "</svg>"
    }

    static func svgOpen(_ w: Double, _ h: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(w)) \(f(h))\" width=\"\(f(w))\" height=\"\(f(h))\" role=\"img\" aria-label=\"\(Escape.html(label))\" font-size=\"12\">"
    }

    /// An SVG text element; `content` must already be escaped.
    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Int? = nil,
                     weight: String? = nil, fill: String? = nil) -> String {
        var attrs = "x=\"\(f(x))\" y=\"\(f(y))\""
        if anchor != "start" { attrs += " text-anchor=\"\(anchor)\"" }
        if let size { attrs += " font-size=\"\(size)\"" }
        if let weight { attrs += " font-weight=\"\(weight)\"" }
        if let fill { attrs += " fill=\"\(fill)\"" }
        return "<text \(attrs)>\(content)</text>"
    }

    /// A coordinate with at most one decimal.
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
