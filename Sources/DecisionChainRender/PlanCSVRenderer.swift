import DecisionChain

/// Renders a plan as CSV (RFC 4180, formula-safe), one row per item.
public enum PlanCSVRenderer {
    /// Header keys match the JSON item keys.
    public static let header = ["due", "priority", "deal", "stakeholder", "role", "channel", "action", "theme", "rule", "why", "uid"]

    /// The plan as CSV with CRLF line ends.
    public static func render(_ plan: Plan) -> String {
        Escape.csv(header: header, rows: plan.items.map { item in
            [item.due.description, item.priority.rawValue, item.dealName, item.stakeholderName ?? "", item.role?.rawValue ?? "",
             item.channel.rawValue, item.action, item.theme, item.rule, item.why, item.uid]
        })
    }
}
