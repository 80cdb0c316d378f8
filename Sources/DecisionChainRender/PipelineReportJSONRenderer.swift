import DecisionChain

/// Renders the pipeline report as stable JSON (docs/pipeline-report-json.md):
/// the sections are the top-level keys `funnel`, `velocity`, `coverage`,
/// `emotion_heatmap`, `pain_points`, `red_flags`, `win_loss`, next to
/// `period`, `filters` and `language`. Keys are snake_case and sorted;
/// unknown values are `null`, never left out.
///
/// The document is written in pieces — the small values whole, the long
/// arrays a few hundred elements at a time, each piece through
/// `JSONOutput.encode` — so memory stays small however many deals there are.
public enum PipelineReportJSONRenderer {
    /// The report as one JSON string; `sections` limits the section keys (default: all).
    public static func render(_ report: PipelineReport, lang: Language,
                              sections: [PipelineReportSection] = PipelineReportSection.allCases) throws -> String {
        var out = ""
        try write(report, lang: lang, sections: sections) { out += $0 }
        return out
    }

    /// Streams the same JSON as `render` to `sink`, piece by piece.
    public static func write(_ r: PipelineReport, lang: Language, sections: [PipelineReportSection] = PipelineReportSection.allCases,
                             to sink: (String) throws -> Void) throws {
        let chosen = Set(sections), f = r.filter
        var first = true
        func key(_ k: String) throws {
            try sink((first ? "{\n" : ",\n") + "  \"\(k)\" : ")
            first = false
        }
        func name(_ p: String, _ s: String) -> String { ReportLabels.stageName(r, p, s, lang) }
        // Top-level keys in sorted order, as JSONOutput sorts them.
        if chosen.contains(.coverage) {
            try key("coverage")
            try array(r.coverage.lazy.map { row in
                Coverage(account: row.accountName, deal: row.dealName, deal_id: row.dealID, pipeline: row.pipelineKey, stage: row.stageKey,
                         roles: Dictionary(uniqueKeysWithValues: row.cells.map { cell in
                             (cell.role.rawValue, RoleCell(identified: cell.identified, stakeholders: cell.stakeholders,
                                                           last_contact: Nullable(cell.lastContact), cadence_days: cell.cadenceDays,
                                                           within_cadence: cell.withinCadence, latest_emotion: Nullable(cell.latestEmotion)))
                         }))
            }, indent: 2, sink)
        }
        if chosen.contains(.emotionHeatmap) {
            try key("emotion_heatmap")
            try array(r.emotionHeatmap.lazy.map {
                Heat(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey), position: $0.position,
                     role: $0.role.rawValue, mean_emotion: $0.meanEmotion, count: $0.count)
            }, indent: 2, sink)
        }
        try key("filters")
        try value(["team": f.team, "owner": f.owner, "region": f.region, "kind": f.kind?.rawValue, "pipeline": f.pipeline]
            .mapValues(Nullable.init), indent: 2, sink)
        if chosen.contains(.funnel) {
            try key("funnel")
            try array(r.funnel.lazy.map {
                Funnel(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey), position: $0.position,
                       weight: $0.weight, open_deals: $0.openDeals, total_amount: $0.totalAmount, weighted_amount: $0.weightedAmount,
                       reached: $0.reached, conversion: Nullable($0.conversion))
            }, indent: 2, sink)
        }
        try key("language")
        try sink("\"\(lang.rawValue)\"")
        if chosen.contains(.metrics) {
            try key("metrics")
            try value(MetricsOut(r.metrics, name: name), indent: 2, sink)
        }
        if chosen.contains(.painPoints) {
            try key("pain_points")
            try array(r.painPoints.lazy.map {
                Pain(text: $0.text, occurrences: $0.occurrences, severity: $0.severity.rawValue, accounts: $0.accounts,
                     account_count: $0.accountCount)
            }, indent: 2, sink)
        }
        try key("period")
        try value(["since": f.since.description, "today": f.today.description], indent: 2, sink)
        if chosen.contains(.redFlags) {
            try key("red_flags")
            try array(r.redFlags.lazy.map { flag in
                Flag(deal: flag.dealName, deal_id: flag.dealID, account: flag.accountName, account_id: flag.accountID, flag: flag.kind.rawValue,
                     why: ReportLabels.why(flag, stageName: PipelineReportTextRenderer.stageName(r, flag, lang), lang),
                     since: Nullable(flag.since))
            }, indent: 2, sink)
        }
        if chosen.contains(.velocity) {
            try key("velocity")
            try sink("{\n    \"deals\" : ")
            try array(r.velocity.deals.lazy.map {
                DealSpeed(account: $0.accountName, deal: $0.dealName, deal_id: $0.dealID, pipeline: $0.pipelineKey, stage: $0.stageKey,
                          days_in_stage: Nullable($0.daysInStage), expected_days: $0.expectedDays, ratio: Nullable($0.ratio), stalled: $0.stalled)
            }, indent: 4, sink)
            try sink(",\n    \"stage_medians\" : ")
            try array(r.velocity.stageMedians.lazy.map {
                Median(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey), position: $0.position,
                       expected_days: $0.expectedDays, median_days: $0.medianDays, visits: $0.visits)
            }, indent: 4, sink)
            try sink("\n  }")
        }
        if chosen.contains(.winLoss) {
            try key("win_loss")
            try array(r.winLoss.lazy.map {
                WinLoss(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey),
                        outcome: $0.status.rawValue, reason: Nullable($0.reason), deals: $0.deals, amount: $0.amount)
            }, indent: 2, sink)
        }
        try sink("\n}\n")
    }

    /// Elements encoded per piece of an array.
    static let batch = 256

    /// An array whose opening bracket follows a key at `indent`: encoded a batch at a time, each
    /// batch's elements moved right by `indent` (JSON strings hold no raw newline, so lines are safe).
    static func array<S: Sequence>(_ elements: S, indent: Int, _ sink: (String) throws -> Void) throws where S.Element: Encodable {
        let pad = String(repeating: " ", count: indent)
        var pending: [S.Element] = []
        var wrote = false
        func flush() throws {
            guard !pending.isEmpty else { return }
            // "[\n  {…},\n  {…}\n]\n": keep the lines between the brackets.
            let lines = try JSONOutput.encode(pending).split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.dropFirst().dropLast(2).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
            try sink((wrote ? ",\n" : "[\n") + body)
            wrote = true
            pending.removeAll(keepingCapacity: true)
        }
        for e in elements {
            pending.append(e)
            if pending.count == batch { try flush() }
        }
        try flush()
        try sink(wrote ? "\n" + pad + "]" : "[]")
    }

    /// A small value after a key at `indent`, encoded whole.
    static func value<T: Encodable>(_ v: T, indent: Int, _ sink: (String) throws -> Void) throws {
        let pad = String(repeating: " ", count: indent)
        let lines = try JSONOutput.encode(v).split(separator: "\n", omittingEmptySubsequences: true)
        try sink(lines.enumerated().map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n"))
    }

    struct Funnel: Encodable {
        let pipeline, stage, stage_name: String
        let position: Int
        let weight: Double
        let open_deals: Int
        let total_amount, weighted_amount: Double
        let reached: Int
        let conversion: Nullable<Double>
    }
    struct VelocityOut: Encodable { let deals: [DealSpeed]; let stage_medians: [Median] }
    struct DealSpeed: Encodable {
        let account, deal: String
        let deal_id: Int64
        let pipeline, stage: String
        let days_in_stage: Nullable<Int>
        let expected_days: Int
        let ratio: Nullable<Double>
        let stalled: Bool
    }
    struct Median: Encodable {
        let pipeline, stage, stage_name: String
        let position, expected_days: Int
        let median_days: Double
        let visits: Int
    }
    struct Coverage: Encodable {
        let account, deal: String
        let deal_id: Int64
        let pipeline, stage: String
        let roles: [String: RoleCell]
    }
    struct RoleCell: Encodable {
        let identified: Bool
        let stakeholders: [String]
        let last_contact: Nullable<Day>
        let cadence_days: Int
        let within_cadence: Bool
        let latest_emotion: Nullable<Emotion>
    }
    struct Heat: Encodable {
        let pipeline, stage, stage_name: String
        let position: Int
        let role: String
        let mean_emotion: Double
        let count: Int
    }
    struct Pain: Encodable {
        let text: String
        let occurrences: Int
        let severity: String
        let accounts: [String]
        let account_count: Int
    }
    struct Flag: Encodable {
        let deal: String
        let deal_id: Int64
        let account: String
        let account_id: Int64
        let flag, why: String
        /// The day the flag's evidence dates from (last contact, pain raised, quiet-stage touchpoint), when it has one.
        let since: Nullable<Day>
    }
    struct WinLoss: Encodable {
        let pipeline, stage, stage_name, outcome: String
        let reason: Nullable<String>
        let deals: Int
        let amount: Double
    }

    /// The `metrics` section (docs/metrics-json.md): small (a row per stage, role and month), encoded whole.
    struct MetricsOut: Encodable {
        struct StageOut: Encodable {
            let pipeline, stage, stage_name: String
            let position: Int
            let nps, csat, ces: ScoreAgainstTarget
            let reached: Int
            let conversion, median_days: Nullable<Double>
            let expected_days: Int
        }
        struct RoleOut: Encodable { let role: Nullable<String>; let nps, csat, ces: ScoreAgainstTarget }
        struct PeriodOut: Encodable { let period: String; let start: Day; let nps, csat, ces: ScoreAgainstTarget }
        struct RenewalOut: Encodable {
            let pipeline, stage: String
            let reached, renewed, not_renewed, pending: Int
            let rate: Nullable<Double>
        }
        struct TargetOut: Encodable { let kind: String; let value: Double; let pipeline: Nullable<String> }
        let granularity: String
        let overall: ExperienceScores
        let by_stage: [StageOut]
        let by_role: [RoleOut]
        let trend: [PeriodOut]
        let renewal: RenewalOut
        let targets: [TargetOut]

        init(_ m: PipelineMetrics, name: (String, String) -> String) {
            granularity = m.granularity.rawValue
            overall = m.overall
            by_stage = m.byStage.map {
                StageOut(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey), position: $0.position,
                         nps: $0.scores.nps, csat: $0.scores.csat, ces: $0.scores.ces, reached: $0.reached,
                         conversion: Nullable($0.conversion), median_days: Nullable($0.medianDays), expected_days: $0.expectedDays)
            }
            by_role = m.byRole.map { RoleOut(role: Nullable($0.role?.rawValue), nps: $0.scores.nps, csat: $0.scores.csat, ces: $0.scores.ces) }
            trend = m.trend.map { PeriodOut(period: $0.period, start: $0.start, nps: $0.scores.nps, csat: $0.scores.csat, ces: $0.scores.ces) }
            renewal = RenewalOut(pipeline: RenewalRate.pipelineKey, stage: RenewalRate.stageKey, reached: m.renewal.reached,
                                 renewed: m.renewal.renewed, not_renewed: m.renewal.notRenewed, pending: m.renewal.pending,
                                 rate: Nullable(m.renewal.rate))
            targets = m.targets.map { TargetOut(kind: $0.kind.rawValue, value: $0.value, pipeline: Nullable($0.pipelineKey)) }
        }
    }

    /// An optional that encodes as JSON `null` instead of being left out.
    struct Nullable<T: Encodable>: Encodable {
        let value: T?
        init(_ value: T?) { self.value = value }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            if let value { try c.encode(value) } else { try c.encodeNil() }
        }
    }
}
