import DecisionChain

/// Renders a plan as a Markdown document with one table row per item.
public enum PlanMarkdownRenderer {
    /// The plan as Markdown; user text is escaped for table cells.
    public static func render(_ plan: Plan) -> String {
        let lang = plan.language
        let e = Escape.markdown
        var out = "# \(PlanLabels.title(lang)): \(e(plan.account.name))\n\n"
        if plan.deals.isEmpty { return out + e(PlanLabels.noOpenDeals(plan.account.name, lang)) + "\n" }
        out += "- \(plan.deals.count == 1 ? PlanLabels.deal(lang) : PlanLabels.deals(lang)): "
            + plan.deals.map { e(plan.dealLine($0)) }.joined(separator: ", ") + "\n"
        out += "- \(PlanLabels.asOf(lang)): \(plan.today)\n"
        out += "- \(PlanLabels.count(plan.items.count, lang))\n\n"
        if plan.items.isEmpty { return out + e(PlanLabels.nothingToDo(lang)) + "\n" }
        var headers = ["#", PlanLabels.due(lang), PlanLabels.priority(lang), PlanLabels.stakeholder(lang), PlanLabels.role(lang),
                       PlanLabels.channel(lang), PlanLabels.action(lang), PlanLabels.theme(lang), PlanLabels.rule(lang), PlanLabels.why(lang)]
        let multi = plan.deals.count > 1
        if multi { headers.insert(PlanLabels.deal(lang), at: 3) }
        out += "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + headers.map { $0 == "#" ? "---:|" : "---|" }.joined() + "\n"
        for (i, item) in plan.items.enumerated() {
            var cells = [String(i + 1), item.due.description, Labels.priority(item.priority, lang), e(PlanLabels.who(item, lang)),
                         item.role?.rawValue ?? "", Labels.channel(item.channel, lang), e(item.action), e(item.theme),
                         "`\(item.rule)`", e(item.why)]
            if multi { cells.insert(e(item.dealName), at: 3) }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
