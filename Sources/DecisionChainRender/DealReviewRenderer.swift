import DecisionChain
import Mustache
import ReportAssets

/// Renders the one-deal review sheet (`dchain report deal`) as text,
/// Markdown, JSON or HTML. The HTML uses the pipeline report's template
/// (header, key figures, titled tables), so both print alike.
public enum DealReviewRenderer {
    /// The sheet as terminal text.
    /// `width`: the terminal's columns the tables fit (nil: as wide as their cells).
    public static func text(_ r: DealReview, lang: Language, width: Int? = nil) -> String {
        let line = facts(r, lang).joined(separator: " · ")
        var out = headline(r, lang) + "\n" + (width.map { DisplayWidth.wrap(line, to: $0).joined(separator: "\n") } ?? line) + "\n"
        for block in blocks(r, lang) {
            out += "\n" + block.title + "\n"
            if block.rows.isEmpty { out += block.empty + "\n"; continue }
            var t = TextTable(headers: block.headers, alignments: block.alignments, maxColumnWidth: nil)
            t.width = width
            for row in block.rows { t.append(row) }
            out += t.render()
        }
        return out
    }

    /// The sheet as Markdown.
    public static func markdown(_ r: DealReview, lang: Language) -> String {
        let md = Escape.markdown
        var out = "# \(md(headline(r, lang)))\n\n" + facts(r, lang).map(md).joined(separator: " · ") + "\n"
        for block in blocks(r, lang) {
            out += "\n## \(md(block.title))\n\n"
            if block.rows.isEmpty { out += "_\(md(block.empty))_\n"; continue }
            out += "| " + block.headers.map(md).joined(separator: " | ") + " |\n"
            out += "|" + block.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
            for row in block.rows { out += "| " + row.map(md).joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// The sheet as stable JSON (sorted snake_case keys, unknowns as null).
    public static func json(_ r: DealReview, lang: Language) throws -> String {
        typealias N = PipelineReportJSONRenderer.Nullable
        struct DealOut: Encodable {
            let id: Int64; let name, account: String; let account_id: Int64
            let pipeline, stage, stage_name, status, currency: String
            let amount: N<Double>; let days_in_stage: N<Int>; let expected_days: Int; let owner: N<String>
            let closed_on: N<Day>; let close_reason: N<String>; let failed_tenders: [Day]
        }
        struct InfluenceOut: Encodable {
            let stakeholder: String; let stakeholder_id: Int64; let title: String; let role: String
            let influence, stance, mode, personal_win, latest_quote: N<String>; let rating: N<Int>
            let since, last_contact: N<Day>; let latest_emotion: N<Emotion>
        }
        struct Item: Encodable { let key, name, why: String; let since: N<Day> }
        struct StepOut: Encodable {
            let due: Day; let priority: String; let with, role, channel: N<String>; let action, why: String
        }
        struct StageMetricsOut: Encodable {
            let stage, stage_name: String; let nps, csat, ces: ScoreAgainstTarget; let days: Int; let expected_days: N<Int>
        }
        struct MetricsOut: Encodable { let overall: ExperienceScores; let by_stage: [StageMetricsOut] }
        struct Sheet: Encodable {
            let as_of: Day; let language: String; let deal: DealOut; let influences: [InfluenceOut]
            let red_flags: [Item]; let strengths: [Item]; let plan: [StepOut]; let metrics: MetricsOut
        }
        let d = r.deal
        let sheet = Sheet(
            as_of: r.today, language: lang.rawValue,
            deal: DealOut(id: d.id, name: d.name, account: r.account.name, account_id: r.account.id, pipeline: d.pipelineKey,
                          stage: d.stageKey, stage_name: r.stage?.name(lang) ?? d.stageKey, status: d.status.rawValue, currency: d.currency,
                          amount: N(d.amount), days_in_stage: N(r.facts.daysInStage(today: r.today)), expected_days: r.facts.expectedDays,
                          owner: N(r.facts.ownerLogin), closed_on: N(d.closedOn), close_reason: N(d.closeReason),
                          failed_tenders: r.failedTenders),
            influences: r.influences.map {
                InfluenceOut(stakeholder: $0.name, stakeholder_id: $0.stakeholderID, title: $0.title, role: $0.role.rawValue,
                             influence: N($0.influence?.rawValue), stance: N($0.stance?.rawValue), mode: N($0.mode?.rawValue),
                             personal_win: N($0.personalWin), latest_quote: N($0.latestQuote), rating: N($0.rating), since: N($0.since),
                             last_contact: N($0.lastContact), latest_emotion: N($0.latestEmotion))
            },
            red_flags: r.redFlags.map {
                Item(key: $0.kind.rawValue, name: ReportLabels.flagName($0.kind, lang),
                     why: ReportLabels.why($0, stageName: r.stage?.name(lang), lang), since: N($0.since))
            },
            strengths: r.strengths.map {
                Item(key: $0.kind.rawValue, name: ReportLabels.strengthName($0.kind, lang), why: ReportLabels.why($0, lang), since: N(nil))
            },
            plan: r.plan.map {
                StepOut(due: $0.due, priority: $0.priority.rawValue, with: N($0.with), role: N($0.role?.rawValue),
                        channel: N($0.channel?.rawValue), action: $0.action, why: $0.why)
            },
            metrics: MetricsOut(overall: r.metrics.overall, by_stage: r.metrics.stages.map {
                StageMetricsOut(stage: $0.stageKey, stage_name: $0.stage?.name(lang) ?? $0.stageKey, nps: $0.scores.nps, csat: $0.scores.csat,
                                ces: $0.scores.ces, days: $0.days, expected_days: N($0.expectedDays))
            }))
        return try JSONOutput.encode(sheet)
    }

    /// The sheet as one self-contained HTML page.
    public static func html(_ r: DealReview, lang: Language, stylesheet: String = ReportAssets.stylesheet) throws -> String {
        let h = Escape.html, L = ReportLabels.self
        let template = try MustacheTemplate(string: ReportAssets.pipelineHTML)
        let days = r.facts.daysInStage(today: r.today)
        let stalled = RedFlags.isStalled(days: days, expectedDays: r.facts.expectedDays)
        let kpis: [[String: Any]] = [
            ["value": h(days.map(String.init) ?? "–"), "label": h("\(L.daysInStage(lang)) (\(L.expected(lang)) \(r.facts.expectedDays))"),
             "alert": stalled],
            ["value": h(r.deal.amount.map(L.money) ?? "–"), "label": h("\(L.amount(lang)) \(r.deal.currency)"), "alert": false],
            ["value": h(String(r.redFlags.count)), "label": h(L.section(.redFlags, lang)), "alert": !r.redFlags.isEmpty],
            ["value": h(String(r.strengths.count)), "label": h(L.strengths(lang)), "alert": false],
        ]
        let sections: [[String: Any]] = blocks(r, lang).enumerated().map { i, b in
            [
                "key": "part-\(i + 1)", "title": h(b.title), "note": "",
                "tables": [[
                    "headers": b.headers.enumerated().map { j, t in ["text": h(t), "cls": b.alignments[j] == .right ? "num" : ""] },
                    "rows": b.rows.map { row in
                        ["cells": row.enumerated().map { j, t in ["html": h(t), "cls": b.alignments[j] == .right ? "num" : ""] }]
                    },
                    "hasRows": !b.rows.isEmpty,
                    "empty": h(b.empty),
                ]],
            ]
        }
        return template.render([
            "lang": lang == .zh ? "zh-CN" : "en",
            "title": h(headline(r, lang)),
            "css": stylesheet,
            "heading": h(headline(r, lang)),
            "scope": h(facts(r, lang).joined(separator: " · ")),
            "kpis": kpis,
            "sections": sections,
            "generated": h("dchain report deal · \(r.today)"),
        ])
    }

    // MARK: - shared content

    static func headline(_ r: DealReview, _ lang: Language) -> String {
        "\(ReportLabels.reviewTitle(lang)): \(r.deal.name) · \(r.account.name)"
    }

    /// The deal's facts as short phrases.
    static func facts(_ r: DealReview, _ lang: Language) -> [String] {
        let L = ReportLabels.self
        var out = ["\(L.asOf(lang)) \(r.today)", "\(Labels.pipelineShort(r.deal.pipelineKey, lang)) · \(r.stage?.name(lang) ?? r.deal.stageKey)",
                   "\(L.status(lang)) \(Labels.status(r.deal.status, lang))"]
        if let days = r.facts.daysInStage(today: r.today) {
            out.append("\(L.daysInStage(lang)) \(days) / \(L.expected(lang)) \(r.facts.expectedDays)")
        }
        if let a = r.deal.amount { out.append("\(L.amount(lang)) \(L.money(a)) \(r.deal.currency)") }
        if let o = r.facts.ownerLogin { out.append("\(L.owner(lang)) \(o)") }
        if !r.failedTenders.isEmpty {
            let name = lang == .zh ? StageEvent.failedTender.zh : StageEvent.failedTender.en
            out.append("\(name) " + r.failedTenders.map(\.description).joined(separator: ", "))
        }
        if r.deal.status != .open, let c = r.deal.closedOn {
            out.append("\(c)" + (r.deal.closeReason.map { ": \($0)" } ?? ""))
        }
        return out
    }

    /// One titled table of the sheet.
    struct Block {
        var title: String
        var headers: [String]
        var alignments: [TextTable.Alignment]
        var rows: [[String]]
        var empty: String
    }

    /// Influences, red flags, strengths and the plan, in that order.
    static func blocks(_ r: DealReview, _ lang: Language) -> [Block] {
        let L = ReportLabels.self
        let influences = Block(
            title: L.buyingInfluences(lang),
            headers: [L.role(lang), L.stakeholder(lang), L.title(lang), L.influence(lang), L.stance(lang), L.mode(lang), L.rating(lang),
                      L.lastContact(lang), L.emotion(lang), L.personalWin(lang)],
            alignments: [.left, .left, .left, .left, .left, .left, .right, .left, .right, .left],
            rows: r.influences.map { i in
                [Labels.role(i.role, lang), i.name, i.title, i.influence.map { Labels.influence($0, lang) } ?? "",
                 i.stance.map { Labels.stance($0, lang) } ?? "", i.mode.map { Labels.mode($0, lang) } ?? "",
                 i.rating.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "", i.lastContact?.description ?? "",
                 i.latestEmotion?.description ?? "", i.personalWin ?? ""]
            },
            empty: L.noInfluences(lang))
        let flags = Block(
            title: L.section(.redFlags, lang), headers: [L.flag(lang), L.why(lang)], alignments: [.left, .left],
            rows: r.redFlags.map { [L.flagName($0.kind, lang), L.why($0, stageName: r.stage?.name(lang), lang)] },
            empty: r.deal.status == .open ? L.noFlags(lang) : L.closedNoFlags(r.deal.status, lang))
        let strengths = Block(
            title: L.strengths(lang), headers: [L.strengths(lang), L.why(lang)], alignments: [.left, .left],
            rows: r.strengths.map { [L.strengthName($0.kind, lang), L.why($0, lang)] },
            empty: L.noStrengths(lang))
        let plan = Block(
            title: L.plan(lang),
            headers: [L.due(lang), L.priority(lang), L.with(lang), L.channel(lang), L.action(lang), L.why(lang)],
            alignments: [.left, .left, .left, .left, .left, .left],
            rows: r.plan.map { s in
                [s.due.description, Labels.priority(s.priority, lang),
                 [s.with, s.role.map { Labels.role($0, lang) }].compactMap { $0 }.joined(separator: " · "),
                 s.channel.map { Labels.channel($0, lang) } ?? "", s.action, s.why]
            },
            empty: L.noPlan(lang))
        let M = MetricsLabels.self
        let metrics = Block(
            title: M.title(lang),
            headers: [L.stage(lang)] + SurveyKind.allCases.map(\.label) + [L.days(lang)],
            alignments: [.left, .right, .right, .right, .right],
            rows: r.metrics.stages.map { line in
                [line.stage?.name(lang) ?? line.stageKey] + SurveyKind.allCases.map { PipelineReportTextRenderer.scoreCell(line.scores[$0], lang) }
                    + [MapLabels.daysVsExpected(line.days, line.expectedDays, lang) ?? ""]
            } + (r.metrics.overall.isEmpty ? [] : [[MapLabels.all(lang)]
                + SurveyKind.allCases.map { PipelineReportTextRenderer.scoreCell(r.metrics.overall[$0], lang) } + [""]]),
            empty: M.noSurveys(lang))
        return [influences, flags, strengths, plan, metrics]
    }

}
