import DecisionChain

/// Renders a plan as stable JSON: `{"account", "deal", "today", "items": [...]}`;
/// each item has `stakeholder`, `role`, `action`, `channel`, `theme`, `due`,
/// `priority`, `rule`, `why` (plus `uid`, `deal`, `stage`). Absent values are null.
public enum PlanJSONRenderer {
    /// The plan as pretty-printed JSON with sorted keys.
    public static func render(_ plan: Plan) throws -> String {
        try JSONOutput.encode(Document(plan: plan))
    }

    struct Document: Encodable {
        let plan: Plan
        enum Keys: String, CodingKey { case account, deal, today, language, deals, items }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(plan.account.name, forKey: .account)
            try c.encode(plan.deal?.name, forKey: .deal)
            try c.encode(plan.today.description, forKey: .today)
            try c.encode(plan.language.rawValue, forKey: .language)
            try c.encode(plan.deals.map { DealOut(deal: $0, stage: plan.stages[$0.id], lang: plan.language) }, forKey: .deals)
            try c.encode(plan.items.map(ItemOut.init), forKey: .items)
        }
    }

    struct DealOut: Encodable {
        let deal: Deal, stage: Stage?, lang: Language
        enum Keys: String, CodingKey { case id, name, pipeline, stage, stage_name }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(deal.id, forKey: .id)
            try c.encode(deal.name, forKey: .name)
            try c.encode(deal.pipelineKey, forKey: .pipeline)
            try c.encode(deal.stageKey, forKey: .stage)
            try c.encode(stage?.name(lang), forKey: .stage_name)
        }
    }

    struct ItemOut: Encodable {
        let item: PlanItem
        enum Keys: String, CodingKey { case uid, stakeholder, stakeholder_id, role, action, channel, theme, due, priority, rule, why, deal, deal_id, stage }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(item.uid, forKey: .uid)
            // Explicit nulls: every item has every key.
            try c.encode(item.stakeholderName, forKey: .stakeholder)
            try c.encode(item.stakeholderID, forKey: .stakeholder_id)
            try c.encode(item.role?.rawValue, forKey: .role)
            try c.encode(item.action, forKey: .action)
            try c.encode(item.channel.rawValue, forKey: .channel)
            try c.encode(item.theme, forKey: .theme)
            try c.encode(item.due.description, forKey: .due)
            try c.encode(item.priority.rawValue, forKey: .priority)
            try c.encode(item.rule, forKey: .rule)
            try c.encode(item.why, forKey: .why)
            try c.encode(item.dealName, forKey: .deal)
            try c.encode(item.dealID, forKey: .deal_id)
            try c.encode(item.stageKey, forKey: .stage)
        }
    }
}
