import DecisionChain

/// Renders a journey map as Markdown: the swimlane grid as a table (stages as
/// columns), the emotion per role as a table, the moments of truth and the
/// decision chain as lists. User text goes through `Escape.markdown`.
public enum JourneyMapMarkdownRenderer {
    /// The map as a Markdown document.
    public static func render(_ map: JourneyMap) -> String {
        let lang = map.language
        let e = Escape.markdown
        var out: [String] = []
        out.append("# " + e(MapLabels.title(map) + ": " + map.account.name + (map.account.code.map { " (\($0))" } ?? "")))
        out.append("")
        out.append(e(MapLabels.subtitle(map)))
        out.append("")
        out.append(e(MapLabels.summary(map)))
        out.append("")
        if let focus = MapLabels.personaLine(map) { out += ["> " + e(focus), ""] }

        let columns = map.columns
        if columns.isEmpty {
            out.append("_" + e(MapLabels.empty(lang)) + "_")
            out.append("")
        } else {
            // The grid: one row per lane, items separated by <br> inside a cell.
            func cell(_ lines: [String]) -> String { lines.map(e).joined(separator: "<br>") }
            out.append("| " + e(MapLabels.stageHeading(lang)) + " | "
                       + columns.map { c in "**" + e(MapLabels.columnName(c, lang)) + "**" + (c.momentOfTruth ? " ⚠" : "")
                           + MapLabels.columnDetails(c, lang).map { "<br>" + e($0) }.joined() }.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---|", count: columns.count))
            for lane in MapLabels.lanes(of: map) {
                out.append("| " + e(MapLabels.lane(lane, lang)) + " | "
                           + columns.map { cell(MapLabels.items(lane, of: $0, lang).map(\.text)) }.joined(separator: " | ") + " |")
            }
            out.append("")

            out.append("## " + e(MapLabels.emotionCurve(lang)))
            out.append("")
            out.append("| " + e(MapLabels.stageHeading(lang)) + " | EB | TB | UB | Coach | " + e(MapLabels.all(lang)) + " |")
            out.append("|---|---:|---:|---:|---:|---:|")
            for c in columns where c.reached {
                // Each role's lowest person (a −3 stays −3), in parentheses where carried; then the mean of everyone.
                let values = Role.allCases.map { r -> String in
                    guard let low = c.roleLows.first(where: { $0.role == r }) else { return "?" }
                    let text = "\(low.emotion) " + e(low.people.joined(separator: ", ")) + (low.momentOfTruth ? " !" : "")
                    return low.carried ? "(\(text))" : text
                } + [MapLabels.signed(c.emotion.all)]
                out.append("| " + e(MapLabels.columnName(c, lang)) + " | " + values.joined(separator: " | ") + " |")
            }
            out.append("")
        }

        if !map.momentsOfTruth.isEmpty {
            out.append("## " + e(MapLabels.momentsOfTruth(lang)))
            out.append("")
            for m in map.momentsOfTruth {
                let previous = map.stages.first { $0.key == m.previousStage && m.previousStage != nil }?.name
                out.append("- **" + e(MapLabels.momentHeadline(m, lang)) + "** — " + e(MapLabels.momentReason(m, previousStageName: previous, lang)))
                if let q = m.quote { out.append("  > " + e(q)) }
                if !m.why.isEmpty { out.append("  " + e(MapLabels.why(lang)) + ": " + m.why.map(e).joined(separator: "; ")) }
            }
            out.append("")
        }

        if !map.decisionChain.isEmpty {
            out.append("## " + e(MapLabels.decisionChain(lang)))
            out.append("")
            for c in map.decisionChain {
                let details = c.roles.isEmpty ? MapLabels.noRole(lang) : MapLabels.chainDetails(c, lang)
                out.append(String(repeating: "  ", count: c.depth) + "- **" + e(c.name) + "**"
                           + (c.title.isEmpty ? "" : ", " + e(c.title)) + " — " + e(details))
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
