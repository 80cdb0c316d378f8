import DecisionChain

/// Renders a plan for the terminal: one block per item, wrapped to the width,
/// Chinese measured as two columns.
public enum PlanTextRenderer {
    /// The plan as text lines of at most `width` columns (long words aside).
    public static func render(_ plan: Plan, width: Int = 100) -> String {
        let lang = plan.language
        let width = max(width, 40)
        var out = "\(PlanLabels.title(lang)) · \(plan.account.name) · \(PlanLabels.asOf(lang)) \(plan.today)\n"
        if plan.deals.isEmpty { return out + PlanLabels.noOpenDeals(plan.account.name, lang) + "\n" }
        let deals = plan.deals.map(plan.dealLine).joined(separator: ", ")
        out += "\(plan.deals.count == 1 ? PlanLabels.deal(lang) : PlanLabels.deals(lang)): \(deals)\n"
        out += PlanLabels.count(plan.items.count, lang) + "\n"
        if plan.items.isEmpty { return out + "\n" + PlanLabels.nothingToDo(lang) + "\n" }

        let labels = [PlanLabels.action(lang), PlanLabels.theme(lang), PlanLabels.why(lang)]
        let labelWidth = labels.map(DisplayWidth.of).max()! + 2
        let numberWidth = String(plan.items.count).count + 2
        let indent = String(repeating: " ", count: numberWidth + 1)
        for (i, item) in plan.items.enumerated() {
            out += "\n"
            var head = [item.due.description, Labels.priority(item.priority, lang), PlanLabels.who(item, lang)]
            if let role = item.role, item.stakeholderName != nil { head.append(role.rawValue) }
            head.append(Labels.channel(item.channel, lang))
            if plan.deals.count > 1 { head.append(item.dealName) }
            let number = DisplayWidth.padLeft("\(i + 1).", to: numberWidth)
            let tag = "[\(PlanLabels.ruleName(item.rule, lang))]"
            let headLine = flat("\(number) " + head.joined(separator: " · "))
            let gap = width - DisplayWidth.of(headLine) - DisplayWidth.of(tag)
            if gap >= 2 {
                out += headLine + String(repeating: " ", count: gap) + tag + "\n"
            } else {
                // Too wide for one line: the tag goes on its own line under the number.
                out += DisplayWidth.truncate(headLine, to: width) + "\n" + indent + tag + "\n"
            }
            for (label, value) in zip(labels, [item.action, item.theme, item.why]) {
                let lines = DisplayWidth.wrap(flat(value), to: max(width - indent.count - labelWidth, 20))
                for (j, line) in lines.enumerated() {
                    let prefix = j == 0 ? DisplayWidth.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                    out += trimRight(indent + prefix + line) + "\n"
                }
            }
        }
        return out
    }

    /// User text on one line: line breaks become spaces.
    static func flat(_ s: String) -> String {
        s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
