import DecisionChain

/// Renders the pipeline report for a terminal: one titled table per section,
/// Chinese columns measured correctly. The Markdown renderer reuses the
/// tables built here.
public enum PipelineReportTextRenderer {
    /// The report as text; `sections` limits it to some sections (default: all); `width` the
    /// terminal's columns the tables fit (nil: as wide as their cells).
    public static func render(_ report: PipelineReport, lang: Language,
                              sections: [PipelineReportSection] = PipelineReportSection.allCases, width: Int? = nil) -> String {
        var out = ReportLabels.pipelineTitle(lang) + "\n" + ReportLabels.scope(report.filter, lang) + "\n"
        for table in tables(report, lang: lang, sections: sections) {
            let note = width.map { DisplayWidth.wrap(table.note, to: $0).joined(separator: "\n") } ?? table.note
            out += "\n" + table.title + "\n" + (note.isEmpty ? "" : note + "\n")
            if table.rows.isEmpty {
                out += ReportLabels.empty(lang) + "\n"
                continue
            }
            var t = TextTable(headers: table.headers, alignments: table.alignments, maxColumnWidth: nil)
            t.width = width
            for row in table.rows { t.append(row) }
            out += t.render()
        }
        return out
    }

    /// One table of the report, ready for text or Markdown.
    struct Table {
        var section: PipelineReportSection
        var title: String
        var note: String
        var headers: [String]
        var alignments: [TextTable.Alignment]
        var rows: [[String]]
    }

    /// The tables of the chosen sections, in report order. Velocity has two
    /// tables (the deals, then the stage medians).
    static func tables(_ r: PipelineReport, lang: Language, sections: [PipelineReportSection]) -> [Table] {
        let L = ReportLabels.self
        func stage(_ p: String, _ s: String) -> String { L.stageName(r, p, s, lang) }
        let multi = r.pipelineKeys.count > 1
        func stageCell(_ p: String, _ s: String) -> String { multi ? "\(Labels.pipelineShort(p, lang)) · \(stage(p, s))" : stage(p, s) }
        var out: [Table] = []
        for section in PipelineReportSection.allCases where sections.contains(section) {
            let title = L.section(section, lang), note = L.sectionNote(section, lang)
            switch section {
            case .funnel:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.stage(lang), L.openDeals(lang), L.amount(lang), L.weight(lang), L.weighted(lang),
                                           L.reached(lang), L.conversion(lang)],
                                 alignments: [.left, .right, .right, .right, .right, .right, .right],
                                 rows: r.funnel.map {
                                     [stageCell($0.pipelineKey, $0.stageKey), String($0.openDeals), L.money($0.totalAmount),
                                      L.percent($0.weight), L.money($0.weightedAmount), String($0.reached), L.percent($0.conversion)]
                                 }))
            case .velocity:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.account(lang), L.deal(lang), L.stage(lang), L.days(lang), L.expected(lang), L.ratio(lang), L.status(lang)],
                                 alignments: [.left, .left, .left, .right, .right, .right, .left],
                                 rows: r.velocity.deals.map {
                                     [$0.accountName, $0.dealName, stageCell($0.pipelineKey, $0.stageKey),
                                      $0.daysInStage.map(String.init) ?? "–", String($0.expectedDays),
                                      $0.ratio.map { String(format: "%.2f×", $0) } ?? "–", $0.stalled ? L.stalled(lang) : ""]
                                 }))
                out.append(Table(section: section, title: L.stageMedians(lang), note: "",
                                 headers: [L.stage(lang), L.median(lang), L.expected(lang), L.visits(lang)],
                                 alignments: [.left, .right, .right, .right],
                                 rows: r.velocity.stageMedians.map {
                                     [stageCell($0.pipelineKey, $0.stageKey), L.number($0.medianDays), String($0.expectedDays), String($0.visits)]
                                 }))
            case .coverage:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.account(lang), L.deal(lang), L.stage(lang)] + Role.allCases.map { Labels.role($0, lang) },
                                 alignments: [.left, .left, .left, .left, .left, .left, .left],
                                 rows: r.coverage.map { row in
                                     [row.accountName, row.dealName, stageCell(row.pipelineKey, row.stageKey)]
                                         + row.cells.map { coverageCell($0, lang) }
                                 }))
            case .emotionHeatmap:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.stage(lang)] + Role.allCases.map { Labels.role($0, lang) },
                                 alignments: [.left, .right, .right, .right, .right],
                                 rows: heatRows(r).map { row in
                                     [stageCell(row.pipelineKey, row.stageKey)] + row.cells.map { c in
                                         c.map { "\(L.emotionMean($0.meanEmotion)) (n=\($0.count))" } ?? "·"
                                     }
                                 }))
            case .painPoints:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.pain(lang), L.occurrences(lang), L.severity(lang), L.accounts(lang)],
                                 alignments: [.left, .right, .left, .left],
                                 rows: r.painPoints.map { p in
                                     [p.text, String(p.occurrences), Labels.severity(p.severity, lang), accountsCell(p, lang)]
                                 }))
            case .redFlags:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.account(lang), L.deal(lang), L.flag(lang), L.why(lang)],
                                 alignments: [.left, .left, .left, .left],
                                 rows: r.redFlags.map { f in
                                     [f.accountName, f.dealName, L.flagName(f.kind, lang), L.why(f, stageName: stageName(r, f, lang), lang)]
                                 }))
            case .winLoss:
                out.append(Table(section: section, title: title, note: note,
                                 headers: [L.stage(lang), L.outcome(lang), L.reason(lang), L.deals(lang), L.amount(lang)],
                                 alignments: [.left, .left, .left, .right, .right],
                                 rows: r.winLoss.map {
                                     [stageCell($0.pipelineKey, $0.stageKey), Labels.status($0.status, lang), $0.reason ?? L.noReason(lang),
                                      String($0.deals), L.money($0.amount)]
                                 }))
            case .metrics:
                out += metricsTables(r, lang: lang, stageCell: stageCell)
            }
        }
        return out
    }

    /// The metrics section's tables: by stage, by role, the trend, renewals (the first carries the targets in its note).
    static func metricsTables(_ r: PipelineReport, lang: Language, stageCell: (String, String) -> String) -> [Table] {
        let L = ReportLabels.self, M = MetricsLabels.self, m = r.metrics
        let kinds = SurveyKind.allCases.map(\.label)
        let right: [TextTable.Alignment] = [.right, .right, .right]
        func scores(_ e: ExperienceScores) -> [String] { SurveyKind.allCases.map { scoreCell(e[$0], lang) } }
        let (gap, stop, semi) = lang == .zh ? ("", "。", "；") : (" ", ".", "; ")
        var note = L.sectionNote(.metrics, lang) + gap + M.targets(m.targets, lang) + stop
        if !m.overall.isEmpty { note += gap + L.pick("All surveys: ", "全部调查：", lang) + M.lines(m.overall, lang).joined(separator: semi) + stop }
        return [
            Table(section: .metrics, title: L.section(.metrics, lang), note: note,
                  headers: [L.stage(lang)] + kinds + [L.reached(lang), L.conversion(lang), L.median(lang), L.expected(lang)],
                  alignments: [.left] + right + [.right, .right, .right, .right],
                  rows: m.byStage.map {
                      [stageCell($0.pipelineKey, $0.stageKey)] + scores($0.scores)
                          + [String($0.reached), L.percent($0.conversion), $0.medianDays.map(L.number) ?? "–", String($0.expectedDays)]
                  }),
            Table(section: .metrics, title: M.byRole(lang), note: "", headers: [L.role(lang)] + kinds, alignments: [.left] + right,
                  rows: m.byRole.map { [($0.role.map { Labels.role($0, lang) } ?? M.noRole(lang))] + scores($0.scores) }),
            Table(section: .metrics, title: M.trend(m.granularity, lang), note: "", headers: [M.period(lang)] + kinds, alignments: [.left] + right,
                  rows: m.trend.map { [$0.period] + scores($0.scores) }),
            Table(section: .metrics, title: M.renewal(lang), note: "",
                  headers: [L.pick("Reached renewal", "进入续约", lang), L.pick("Renewed", "已续约", lang), L.pick("Not renewed", "未续约", lang),
                            L.pick("Pending", "待定", lang), L.pick("Renewal rate", "续约率", lang)],
                  alignments: [.right, .right, .right, .right, .right],
                  rows: m.renewal.reached == 0 ? [] : [[String(m.renewal.reached), String(m.renewal.renewed), String(m.renewal.notRenewed),
                                                        String(m.renewal.pending), L.percent(m.renewal.rate)]]),
        ]
    }

    /// One score in a table cell: `+33.3 (n=3) ✓`, `3.5 (n=2) ✗`, `–` when nobody answered.
    static func scoreCell(_ s: ScoreAgainstTarget, _ lang: Language) -> String {
        guard s.n > 0 else { return "–" }
        var text = "\(MetricsLabels.value(s)) (n=\(s.n))"
        if let met = s.meetsTarget { text += met ? " ✓" : " ✗" }
        return text
    }

    /// A coverage cell in words: `王局 ✓ 04-20 -2` (✓ within cadence, ✗ overdue, — nobody).
    static func coverageCell(_ c: CoverageCell, _ lang: Language) -> String {
        guard c.identified else { return "—" }
        var parts = [c.stakeholders.joined(separator: ", "), c.withinCadence ? "✓" : "✗"]
        parts.append(c.lastContact?.short ?? ReportLabels.pick("never", "未联系", lang))
        if let e = c.latestEmotion { parts.append(e.description) }
        return parts.joined(separator: " ")
    }

    /// The accounts of a pain group, with "+N" when more raised it than are listed.
    static func accountsCell(_ p: PainGroup, _ lang: Language) -> String {
        let more = p.accountCount - p.accounts.count
        return p.accounts.joined(separator: ", ") + (more > 0 ? ReportLabels.pick(" +\(more) more", " 等另 \(more) 家", lang) : "")
    }

    /// The display name of a stalled flag's stage, in the report's language.
    static func stageName(_ r: PipelineReport, _ f: RedFlag, _ lang: Language) -> String? {
        guard case let .stalled(stageKey, _, _, _) = f.evidence else { return nil }
        return r.stage(f.pipelineKey, stageKey)?.name(lang)
    }

    /// One heat-map row: a stage and its four role cells (nil: no emotion known).
    struct HeatRow {
        var pipelineKey: String
        var stageKey: String
        var cells: [HeatCell?]
    }

    /// The heat map as a full grid: every stage of the pipelines in scope × EB, TB, UB, Coach.
    static func heatRows(_ r: PipelineReport) -> [HeatRow] {
        var index: [String: HeatCell] = [:]
        for c in r.emotionHeatmap { index["\(c.pipelineKey)/\(c.stageKey)/\(c.role.rawValue)"] = c }
        return r.stages.map { s in
            HeatRow(pipelineKey: s.pipelineKey, stageKey: s.key,
                    cells: Role.allCases.map { index["\(s.pipelineKey)/\(s.key)/\($0.rawValue)"] })
        }
    }
}
