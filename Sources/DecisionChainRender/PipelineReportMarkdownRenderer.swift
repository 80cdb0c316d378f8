import DecisionChain

/// Renders the pipeline report as Markdown: a heading per section and a
/// pipe table, every cell escaped.
public enum PipelineReportMarkdownRenderer {
    /// The report as Markdown; `sections` limits it to some sections (default: all).
    public static func render(_ report: PipelineReport, lang: Language,
                              sections: [PipelineReportSection] = PipelineReportSection.allCases) -> String {
        let md = Escape.markdown
        var out = "# \(md(ReportLabels.pipelineTitle(lang)))\n\n\(md(ReportLabels.scope(report.filter, lang)))\n"
        var lastSection: PipelineReportSection?
        for table in PipelineReportTextRenderer.tables(report, lang: lang, sections: sections) {
            // The second table of a section (velocity's medians) is a sub-heading.
            out += "\n" + (table.section == lastSection ? "### " : "## ") + md(table.title) + "\n\n"
            lastSection = table.section
            if !table.note.isEmpty { out += md(table.note) + "\n\n" }
            if table.rows.isEmpty {
                out += "_\(md(ReportLabels.empty(lang)))_\n"
                continue
            }
            out += "| " + table.headers.map(md).joined(separator: " | ") + " |\n"
            out += "|" + table.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
            for row in table.rows {
                out += "| " + row.map(md).joined(separator: " | ") + " |\n"
            }
        }
        return out
    }
}
