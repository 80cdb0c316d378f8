import DecisionChain

/// Renders the pipeline report as stable JSON (docs/pipeline-report-json.md):
/// the sections are the top-level keys `funnel`, `velocity`, `coverage`,
/// `emotion_heatmap`, `pain_points`, `red_flags`, `win_loss`, next to
/// `period` and `filters`. Keys are snake_case and sorted; unknown values are
/// `null`, never left out.
public enum PipelineReportJSONRenderer {
    /// The report as JSON; `sections` limits the section keys (default: all).
    public static func render(_ report: PipelineReport, lang: Language,
                              sections: [PipelineReportSection] = PipelineReportSection.allCases) throws -> String {
        try JSONOutput.encode(Document(report: report, lang: lang, sections: Set(sections)))
    }

    struct Document: Encodable {
        let report: PipelineReport
        let lang: Language
        let sections: Set<PipelineReportSection>

        enum Key: String, CodingKey {
            case period, filters, language, funnel, velocity, coverage
            case emotionHeatmap = "emotion_heatmap", painPoints = "pain_points", redFlags = "red_flags", winLoss = "win_loss"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            let r = report, f = r.filter
            try c.encode(["since": f.since.description, "today": f.today.description], forKey: .period)
            try c.encode(["team": f.team, "owner": f.owner, "region": f.region, "kind": f.kind?.rawValue, "pipeline": f.pipeline]
                .mapValues(Nullable.init), forKey: .filters)
            try c.encode(lang.rawValue, forKey: .language)
            func name(_ p: String, _ s: String) -> String { ReportLabels.stageName(r, p, s, lang) }
            if sections.contains(.funnel) {
                try c.encode(r.funnel.map {
                    Funnel(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey), position: $0.position,
                           weight: $0.weight, open_deals: $0.openDeals, total_amount: $0.totalAmount, weighted_amount: $0.weightedAmount,
                           reached: $0.reached, conversion: Nullable($0.conversion))
                }, forKey: .funnel)
            }
            if sections.contains(.velocity) {
                try c.encode(VelocityOut(
                    deals: r.velocity.deals.map {
                        DealSpeed(account: $0.accountName, deal: $0.dealName, deal_id: $0.dealID, pipeline: $0.pipelineKey, stage: $0.stageKey,
                                  days_in_stage: Nullable($0.daysInStage), expected_days: $0.expectedDays, ratio: Nullable($0.ratio),
                                  stalled: $0.stalled)
                    },
                    stage_medians: r.velocity.stageMedians.map {
                        Median(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey),
                               position: $0.position, expected_days: $0.expectedDays, median_days: $0.medianDays, visits: $0.visits)
                    }), forKey: .velocity)
            }
            if sections.contains(.coverage) {
                try c.encode(r.coverage.map { row in
                    Coverage(account: row.accountName, deal: row.dealName, deal_id: row.dealID, pipeline: row.pipelineKey, stage: row.stageKey,
                             roles: Dictionary(uniqueKeysWithValues: row.cells.map { cell in
                                 (cell.role.rawValue, RoleCell(identified: cell.identified, stakeholders: cell.stakeholders,
                                                               last_contact: Nullable(cell.lastContact), cadence_days: cell.cadenceDays,
                                                               within_cadence: cell.withinCadence, latest_emotion: Nullable(cell.latestEmotion)))
                             }))
                }, forKey: .coverage)
            }
            if sections.contains(.emotionHeatmap) {
                try c.encode(r.emotionHeatmap.map {
                    Heat(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey), position: $0.position,
                         role: $0.role.rawValue, mean_emotion: $0.meanEmotion, count: $0.count)
                }, forKey: .emotionHeatmap)
            }
            if sections.contains(.painPoints) {
                try c.encode(r.painPoints.map {
                    Pain(text: $0.text, occurrences: $0.occurrences, severity: $0.severity.rawValue, accounts: $0.accounts,
                         account_count: $0.accountCount)
                }, forKey: .painPoints)
            }
            if sections.contains(.redFlags) {
                try c.encode(r.redFlags.map { f in
                    Flag(deal: f.dealName, deal_id: f.dealID, account: f.accountName, account_id: f.accountID, flag: f.kind.rawValue,
                         why: ReportLabels.why(f, stageName: PipelineReportTextRenderer.stageName(r, f, lang), lang))
                }, forKey: .redFlags)
            }
            if sections.contains(.winLoss) {
                try c.encode(r.winLoss.map {
                    WinLoss(pipeline: $0.pipelineKey, stage: $0.stageKey, stage_name: name($0.pipelineKey, $0.stageKey),
                            outcome: $0.status.rawValue, reason: Nullable($0.reason), deals: $0.deals, amount: $0.amount)
                }, forKey: .winLoss)
            }
        }
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
    }
    struct WinLoss: Encodable {
        let pipeline, stage, stage_name, outcome: String
        let reason: Nullable<String>
        let deals: Int
        let amount: Double
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
