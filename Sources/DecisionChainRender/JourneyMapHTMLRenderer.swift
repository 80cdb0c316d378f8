import DecisionChain
import Mustache
import ReportAssets

/// Renders a journey map as one self-contained HTML page (inline CSS and SVG,
/// no scripts, no network) from Reports/map.html.mustache: the swimlane grid,
/// the emotion curve per role, the moments of truth and the decision-chain
/// chart. Text goes in through `{{…}}`, which HTML-escapes it; only the SVG
/// built by `JourneyMapSVGRenderer` (escaped there) is inserted raw.
public enum JourneyMapHTMLRenderer {
    /// The HTML page of a map.
    public static func render(_ map: JourneyMap) throws -> String {
        let lang = map.language
        let columns = map.columns
        let lanes = MapLabels.lanes(of: map)
        let column = { (c: JourneyStage) -> [String: Any] in
            ["cls": cellClass(c), "name": MapLabels.columnName(c, lang), "mot": c.momentOfTruth,
             "details": MapLabels.columnDetails(c, lang).map { ["text": $0] }]
        }
        let lane = { (lane: MapLabels.Lane, columns: ArraySlice<JourneyStage>) -> [String: Any] in
            ["key": lane.rawValue, "label": MapLabels.lane(lane, lang),
             "cells": columns.map { c -> [String: Any] in
                 ["cls": cellClass(c),
                  "items": MapLabels.items(lane, of: c, lang).map { ["text": $0.text, "tone": $0.tone.rawValue] }]
             }]
        }
        // On paper the grid is cut into bands of at most `stagesPerPrintedPage` stages, one band per page,
        // each with its own lane labels, so no lane is split from its label and text stays legible.
        // Bands are balanced (9 stages print as 5 + 4, not 6 + 3).
        let bandCount = max(1, (columns.count + stagesPerPrintedPage - 1) / stagesPerPrintedPage)
        let perBand = max(1, (columns.count + bandCount - 1) / bandCount)
        let bands = stride(from: 0, to: columns.count, by: perBand).map { start -> [String: Any] in
            let slice = columns[start..<min(start + perBand, columns.count)]
            return ["columns": slice.map(column), "lanes": lanes.map { lane($0, slice) }]
        }
        let journey: [String: Any] = [
            "bands": bands,
            "gridTitle": MapLabels.pick("Journey by stage", "分阶段旅程", lang),
            "hasColumns": !columns.isEmpty,
            "emptyText": MapLabels.empty(lang),
            "stageHeading": MapLabels.stageHeading(lang),
            "motLabel": MapLabels.momentsOfTruth(lang),
            "columns": columns.map(column),
            "lanes": lanes.map { lane($0, columns[...]) },
            "hasCurve": columns.contains { !$0.emotion.isEmpty },
            "curveTitle": MapLabels.emotionCurve(lang),
            "curve": JourneyMapSVGRenderer.emotionCurve(map),
            "hasMoments": !map.momentsOfTruth.isEmpty,
            "momentsTitle": MapLabels.momentsOfTruth(lang),
            "moments": map.momentsOfTruth.map { m -> [String: Any] in
                let previous = map.stages.first { $0.key == m.previousStage && m.previousStage != nil }?.name
                var out: [String: Any] = ["headline": MapLabels.momentHeadline(m, lang),
                                          "reason": MapLabels.momentReason(m, previousStageName: previous, lang)]
                if let q = m.quote { out["quote"] = ["text": "“\(q)”"] }
                if !m.why.isEmpty { out["why"] = ["label": MapLabels.why(lang), "text": m.why.joined(separator: "; ")] }
                return out
            },
            "hasChain": !map.decisionChain.isEmpty,
            "chainTitle": MapLabels.decisionChain(lang),
            "chain": JourneyMapSVGRenderer.decisionChain(map),
        ]
        let heading = MapLabels.title(map) + ": " + map.account.name + (map.account.code.map { " (\($0))" } ?? "")
        return try page(title: heading, heading: heading, subtitles: [MapLabels.subtitle(map), MapLabels.summary(map)] + (MapLabels.personaLine(map).map { [$0] } ?? []),
                        lang: lang, minWidth: 120 + 130 * max(columns.count, 1), section: ("journey", journey),
                        footer: "dchain · " + MapLabels.asOf(lang) + " " + map.asOf.description)
    }

    /// How many stages one printed A3 landscape page holds next to the lane labels at a legible size.
    public static let stagesPerPrintedPage = 6

    static func cellClass(_ c: JourneyStage) -> String {
        [c.current ? "current" : nil, c.reached ? nil : "future", c.momentOfTruth ? "mot" : nil].compactMap { $0 }.joined(separator: " ")
    }

    /// Fills the map template with one section (`journey` or `empathy`); shared with `EmpathyMapRenderer`.
    static func page(title: String, heading: String, subtitles: [String], lang: Language, minWidth: Int,
                     section: (name: String, context: [String: Any]), footer: String) throws -> String {
        let template = try MustacheTemplate(string: ReportAssets.mapHTML)
        let context: [String: Any] = [
            "lang": lang == .zh ? "zh-CN" : "en", "title": title, "css": ReportAssets.stylesheet, "heading": heading,
            "subtitles": subtitles.map { ["text": $0] }, "minWidth": minWidth, section.name: section.context, "footer": footer,
        ]
        return template.render(context)
    }
}
