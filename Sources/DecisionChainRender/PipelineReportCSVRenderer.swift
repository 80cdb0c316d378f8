import DecisionChain

/// Renders the pipeline report as CSV for spreadsheets: one file per
/// section (velocity has two: the deals and the stage medians). Headers are
/// the stable JSON keys; every field goes through `Escape.csvField`
/// (formula-safe).
public enum PipelineReportCSVRenderer {
    /// The CSV file names, in report order: `funnel`, `velocity`, `velocity_stages`, `coverage`,
    /// `emotion_heatmap`, `pain_points`, `red_flags`, `win_loss`, `metrics` (by stage), `metrics_roles`,
    /// `metrics_trend`, `metrics_renewal`.
    public static let fileNames = PipelineReportSection.allCases.flatMap { s -> [String] in
        switch s {
        case .velocity: return ["velocity", "velocity_stages"]
        case .metrics: return ["metrics", "metrics_roles", "metrics_trend", "metrics_renewal"]
        default: return [s.rawValue]
        }
    }

    /// The section a CSV file belongs to.
    public static func section(ofFile name: String) -> PipelineReportSection? {
        name == "velocity_stages" ? .velocity : name.hasPrefix("metrics") ? (fileNames.contains(name) ? .metrics : nil)
            : PipelineReportSection(rawValue: name)
    }

    /// The CSV files of the chosen sections, as (file name without `.csv`, contents).
    public static func files(_ report: PipelineReport, lang: Language,
                             sections: [PipelineReportSection] = PipelineReportSection.allCases) -> [(name: String, csv: String)] {
        fileNames.filter { section(ofFile: $0).map(sections.contains) ?? false }.map { ($0, render(report, file: $0, lang: lang)) }
    }

    /// One CSV file by name (see `fileNames`); an unknown name gives an empty string.
    public static func render(_ r: PipelineReport, file: String, lang: Language) -> String {
        // Plain numbers a spreadsheet reads: no grouping, no trailing ".0".
        func n(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v) }
        func opt<T>(_ v: T?, _ f: (T) -> String) -> String { v.map(f) ?? "" }
        func name(_ p: String, _ s: String) -> String { ReportLabels.stageName(r, p, s, lang) }
        switch file {
        case "funnel":
            return Escape.csv(header: ["pipeline", "stage", "stage_name", "position", "open_deals", "total_amount", "weight",
                                       "weighted_amount", "reached", "conversion"],
                              rows: r.funnel.map {
                                  [$0.pipelineKey, $0.stageKey, name($0.pipelineKey, $0.stageKey), String($0.position), String($0.openDeals),
                                   n($0.totalAmount), n($0.weight), n($0.weightedAmount), String($0.reached), opt($0.conversion) { String($0) }]
                              })
        case "velocity":
            return Escape.csv(header: ["account", "deal", "deal_id", "pipeline", "stage", "days_in_stage", "expected_days", "ratio", "stalled"],
                              rows: r.velocity.deals.map {
                                  [$0.accountName, $0.dealName, String($0.dealID), $0.pipelineKey, $0.stageKey, opt($0.daysInStage) { String($0) },
                                   String($0.expectedDays), opt($0.ratio) { String($0) }, $0.stalled ? "true" : "false"]
                              })
        case "velocity_stages":
            return Escape.csv(header: ["pipeline", "stage", "stage_name", "position", "expected_days", "median_days", "visits"],
                              rows: r.velocity.stageMedians.map {
                                  [$0.pipelineKey, $0.stageKey, name($0.pipelineKey, $0.stageKey), String($0.position), String($0.expectedDays),
                                   n($0.medianDays), String($0.visits)]
                              })
        case "coverage":
            let perRole = Role.allCases.flatMap { role -> [String] in
                let k = role.rawValue.lowercased()
                return ["\(k)_stakeholders", "\(k)_last_contact", "\(k)_within_cadence", "\(k)_latest_emotion"]
            }
            return Escape.csv(header: ["account", "deal", "deal_id", "pipeline", "stage"] + perRole,
                              rows: r.coverage.map { row in
                                  [row.accountName, row.dealName, String(row.dealID), row.pipelineKey, row.stageKey] + row.cells.flatMap { c in
                                      [c.stakeholders.joined(separator: "; "), opt(c.lastContact) { $0.description },
                                       c.withinCadence ? "true" : "false", opt(c.latestEmotion) { String($0.value) }]
                                  }
                              })
        case "emotion_heatmap":
            return Escape.csv(header: ["pipeline", "stage", "stage_name", "position", "role", "mean_emotion", "count"],
                              rows: r.emotionHeatmap.map {
                                  [$0.pipelineKey, $0.stageKey, name($0.pipelineKey, $0.stageKey), String($0.position), $0.role.rawValue,
                                   String($0.meanEmotion), String($0.count)]
                              })
        case "pain_points":
            return Escape.csv(header: ["text", "occurrences", "severity", "account_count", "accounts"],
                              rows: r.painPoints.map {
                                  [$0.text, String($0.occurrences), $0.severity.rawValue, String($0.accountCount), $0.accounts.joined(separator: "; ")]
                              })
        case "red_flags":
            return Escape.csv(header: ["account", "account_id", "deal", "deal_id", "flag", "why"],
                              rows: r.redFlags.map { f in
                                  [f.accountName, String(f.accountID), f.dealName, String(f.dealID), f.kind.rawValue,
                                   ReportLabels.why(f, stageName: PipelineReportTextRenderer.stageName(r, f, lang), lang)]
                              })
        case "win_loss":
            return Escape.csv(header: ["pipeline", "stage", "stage_name", "outcome", "reason", "deals", "amount"],
                              rows: r.winLoss.map {
                                  [$0.pipelineKey, $0.stageKey, name($0.pipelineKey, $0.stageKey), $0.status.rawValue, $0.reason ?? "",
                                   String($0.deals), n($0.amount)]
                              })
        case "metrics":
            return Escape.csv(header: ["pipeline", "stage", "stage_name", "position"] + scoreHeader
                                  + ["reached", "conversion", "median_days", "expected_days"],
                              rows: r.metrics.byStage.map {
                                  [$0.pipelineKey, $0.stageKey, name($0.pipelineKey, $0.stageKey), String($0.position)] + scoreFields($0.scores)
                                      + [String($0.reached), opt($0.conversion) { String($0) }, opt($0.medianDays, n), String($0.expectedDays)]
                              })
        case "metrics_roles":
            return Escape.csv(header: ["role"] + scoreHeader, rows: r.metrics.byRole.map { [$0.role?.rawValue ?? ""] + scoreFields($0.scores) })
        case "metrics_trend":
            return Escape.csv(header: ["period", "start"] + scoreHeader,
                              rows: r.metrics.trend.map { [$0.period, $0.start.description] + scoreFields($0.scores) })
        case "metrics_renewal":
            let x = r.metrics.renewal
            return Escape.csv(header: ["pipeline", "stage", "reached", "renewed", "not_renewed", "pending", "rate"],
                              rows: [[RenewalRate.pipelineKey, RenewalRate.stageKey, String(x.reached), String(x.renewed), String(x.notRenewed),
                                      String(x.pending), opt(x.rate) { String($0) }]])
        default:
            return ""
        }
    }

    /// The score columns of every metrics file, named as the JSON keys.
    static let scoreHeader = ["nps", "nps_n", "promoters", "passives", "detractors", "nps_target",
                              "csat", "csat_n", "csat_target", "ces", "ces_n", "ces_target"]

    static func scoreFields(_ e: ExperienceScores) -> [String] {
        func num(_ v: Double?) -> String { v.map { MetricsLabels.number($0) } ?? "" }
        let p = e.nps.tally.nps
        return [num(e.nps.value), String(e.nps.n), String(p.promoters), String(p.passives), String(p.detractors), num(e.nps.target),
                num(e.csat.value), String(e.csat.n), num(e.csat.target), num(e.ces.value), String(e.ces.n), num(e.ces.target)]
    }
}
