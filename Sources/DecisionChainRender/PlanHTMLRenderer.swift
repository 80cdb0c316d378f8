import DecisionChain
import Mustache
import ReportAssets

/// Renders a plan as one self-contained HTML page (inline CSS, no network)
/// from `Reports/plan.html.mustache`. All user text is escaped here and
/// inserted raw by the template, so the escaping is ours and tested.
public enum PlanHTMLRenderer {
    /// The plan as an HTML document; `stylesheet` defaults to the shared report.css.
    public static func render(_ plan: Plan, stylesheet: String = ReportAssets.stylesheet) throws -> String {
        let template = try MustacheTemplate(string: ReportAssets.planHTML)
        return template.render(context(plan, stylesheet: stylesheet))
    }

    static func context(_ plan: Plan, stylesheet: String) -> [String: Any] {
        let lang = plan.language
        let h = Escape.html
        let multi = plan.deals.count > 1
        var columns = ["#", PlanLabels.due(lang), PlanLabels.priority(lang), PlanLabels.stakeholder(lang), PlanLabels.channel(lang),
                       PlanLabels.action(lang), PlanLabels.theme(lang), PlanLabels.why(lang), PlanLabels.rule(lang)]
        if multi { columns.insert(PlanLabels.deal(lang), at: 3) }
        let items: [[String: Any]] = plan.items.enumerated().map { i, item in
            [
                "number": String(i + 1),
                "due": h(item.due.description),
                "overdue": item.due < plan.today,
                "priorityKey": item.priority.rawValue,
                "priority": h(Labels.priority(item.priority, lang)),
                "multi": multi,
                "deal": h(item.dealName),
                "who": h(PlanLabels.who(item, lang)),
                "role": h(item.role.map { Labels.role($0, lang) } ?? ""),
                "channel": h(Labels.channel(item.channel, lang)),
                "action": h(item.action),
                "theme": h(item.theme),
                "why": h(item.why),
                "rule": h(item.rule),
                "ruleName": h(PlanLabels.ruleName(item.rule, lang)),
                "uid": h(item.uid),
            ]
        }
        return [
            "lang": lang == .zh ? "zh-CN" : "en",
            "title": h("\(PlanLabels.title(lang)): \(plan.account.name)"),
            "css": stylesheet,
            "heading": h(PlanLabels.title(lang)),
            "account": h(plan.account.name),
            "facts": [
                ["label": h(PlanLabels.account(lang)), "value": h(plan.account.name)],
                ["label": h(plan.deals.count == 1 ? PlanLabels.deal(lang) : PlanLabels.deals(lang)),
                 "value": h(plan.deals.isEmpty ? PlanLabels.noOpenDeals(plan.account.name, lang) : plan.deals.map(plan.dealLine).joined(separator: ", "))],
                ["label": h(PlanLabels.asOf(lang)), "value": h(plan.today.description)],
            ],
            "count": h(PlanLabels.count(plan.items.count, lang)),
            "columns": columns.map(h),
            "hasItems": !plan.items.isEmpty,
            "items": items,
            "empty": h(plan.deals.isEmpty ? PlanLabels.noOpenDeals(plan.account.name, lang) : PlanLabels.nothingToDo(lang)),
            "generated": h("dchain plan · \(plan.today)"),
        ]
    }
}
