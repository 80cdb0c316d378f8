import DecisionChain

/// English and Chinese labels of the communication-plan outputs.
public enum PlanLabels {
    /// The title of a plan.
    public static func title(_ lang: Language) -> String { Labels.pick("Communication plan", "沟通计划", lang) }
    /// The label "Account".
    public static func account(_ lang: Language) -> String { Labels.pick("Account", "客户", lang) }
    /// The label "Deal".
    public static func deal(_ lang: Language) -> String { Labels.pick("Deal", "项目", lang) }
    /// The label "Deals".
    public static func deals(_ lang: Language) -> String { Labels.pick("Deals", "项目", lang) }
    /// The label "As of".
    public static func asOf(_ lang: Language) -> String { Labels.pick("As of", "日期", lang) }
    /// The label "Due".
    public static func due(_ lang: Language) -> String { Labels.pick("Due", "截止", lang) }
    /// The label "Priority".
    public static func priority(_ lang: Language) -> String { Labels.pick("Priority", "优先级", lang) }
    /// The label "Stakeholder".
    public static func stakeholder(_ lang: Language) -> String { Labels.pick("Stakeholder", "联系人", lang) }
    /// The label "Role".
    public static func role(_ lang: Language) -> String { Labels.pick("Role", "角色", lang) }
    /// The label "Channel".
    public static func channel(_ lang: Language) -> String { Labels.pick("Channel", "渠道", lang) }
    /// The label "Action".
    public static func action(_ lang: Language) -> String { Labels.pick("Action", "行动", lang) }
    /// The label "Theme".
    public static func theme(_ lang: Language) -> String { Labels.pick("Theme", "沟通主题", lang) }
    /// The label "Rule".
    public static func rule(_ lang: Language) -> String { Labels.pick("Rule", "规则", lang) }
    /// The label "Why".
    public static func why(_ lang: Language) -> String { Labels.pick("Why", "依据", lang) }

    /// How many items, as a phrase.
    public static func count(_ n: Int, _ lang: Language) -> String {
        lang == .zh ? "共 \(n) 项" : n == 1 ? "1 item" : "\(n) items"
    }

    /// What an empty plan says.
    public static func nothingToDo(_ lang: Language) -> String {
        Labels.pick("Nothing to do: no rule fires for these deals.", "暂无待办：没有规则被触发。", lang)
    }

    /// What a plan with no open deal says.
    public static func noOpenDeals(_ account: String, _ lang: Language) -> String {
        lang == .zh ? "\(account)没有进行中的项目。" : "\(account) has no open deals."
    }

    /// The person an item is for: the stakeholder, or the role still to identify.
    public static func who(_ item: PlanItem, _ lang: Language) -> String {
        if let name = item.stakeholderName { return name }
        if let role = item.role { return lang == .zh ? "（待确定\(role.rawValue)）" : "(\(role.rawValue) to identify)" }
        return Labels.pick("(customer)", "（客户）", lang)
    }

    /// A rule's display name: the id in English, name and id in Chinese.
    public static func ruleName(_ id: String, _ lang: Language) -> String {
        guard lang == .zh else { return id }
        let zh = ["missing-role": "角色缺失", "stale-contact": "久未联系", "negative-emotion": "负面情绪",
                  "open-pain": "痛点未回应", "opponent": "反对者", "top-down": "下楼式营销",
                  "stage-playbook": "阶段打法", "single-threaded": "单线联系"][id]
        return zh.map { "\($0) \(id)" } ?? id
    }
}
