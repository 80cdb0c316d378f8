/// The facts about one open deal as of a day, gathered once for every rule:
/// who holds which role, who was contacted when, latest emotions, the stage.
struct PlanContext {
    /// A stakeholder with the roles they hold in the deal (EB first; empty for
    /// someone outside the decision chain who raised a pain point).
    struct Holder {
        var stakeholder: Stakeholder
        var roles: [Role]
        var id: Int64 { stakeholder.id }
        var primary: Role? { roles.first }
    }

    let snapshot: AccountSnapshot
    let deal: Deal
    let today: Day
    let lang: Language
    let rules: PlanRules
    let stage: Stage?
    /// Touchpoints of the whole account up to and including today, oldest first.
    let touchpoints: [Touchpoint]
    /// The deal's decision chain: by primary role, then name, then id.
    let holders: [Holder]

    init(snapshot: AccountSnapshot, deal: Deal, today: Day, lang: Language, rules: PlanRules) {
        self.snapshot = snapshot; self.deal = deal; self.today = today; self.lang = lang; self.rules = rules
        stage = snapshot.pipeline(deal.pipelineKey)?.stage(deal.stageKey)
        touchpoints = snapshot.touchpoints.filter { $0.at.day <= today }
        let ids = Set(snapshot.influences.filter { $0.dealID == deal.id }.map(\.stakeholderID))
        holders = snapshot.stakeholders.filter { ids.contains($0.id) }
            .map { Holder(stakeholder: $0, roles: snapshot.roles(of: $0.id, in: deal.id)) }
            .sorted { ($0.primary?.rank ?? 9, $0.stakeholder.name, $0.id) < ($1.primary?.rank ?? 9, $1.stakeholder.name, $1.id) }
    }

    func holder(_ id: Int64) -> Holder? { holders.first { $0.id == id } }

    /// The holder, or the account's stakeholder with no role in this deal.
    func person(_ id: Int64) -> Holder? {
        holder(id) ?? snapshot.stakeholder(id).map { Holder(stakeholder: $0, roles: []) }
    }

    /// The most recent touchpoint (up to today) the stakeholder took part in.
    func lastContact(_ id: Int64) -> Touchpoint? {
        touchpoints.last { $0.participants.contains { $0.stakeholderID == id } }
    }

    /// The stakeholder's emotion at their most recent touchpoint with a known emotion.
    func latestEmotion(_ id: Int64) -> (participant: Participant, emotion: Emotion, touchpoint: Touchpoint)? {
        for t in touchpoints.reversed() {
            if let p = t.participants.first(where: { $0.stakeholderID == id }), let e = p.emotion { return (p, e, t) }
        }
        return nil
    }

    /// The day the deal last entered its current stage, up to today.
    var stageEntered: Day? {
        snapshot.history(of: deal.id).last { $0.stageKey == deal.stageKey && $0.entered <= today }?.entered
    }

    /// A stage's name in the pipeline of the deal a touchpoint belongs to.
    func stageName(_ key: String, dealID: Int64?) -> String {
        let pipelineKey = dealID.flatMap { snapshot.deal($0)?.pipelineKey } ?? deal.pipelineKey
        return snapshot.pipeline(pipelineKey)?.stage(key)?.name(lang) ?? key
    }

    func term(_ key: String) -> String { rules.term(key, lang) }

    /// Text in the data's quotation marks.
    func quoted(_ s: String) -> String { term("quote_open") + s + term("quote_close") }

    /// Facts every text may use.
    var dealValues: [String: String] {
        ["deal": deal.name, "stage": stage?.name(lang) ?? deal.stageKey,
         "phase": stage.map { term("phase.\($0.phase.rawValue)") } ?? "", "today": today.description]
    }

    /// Facts about a person in a role.
    func personValues(_ h: Holder?, role: Role?) -> [String: String] {
        dealValues.merging(["stakeholder": h?.stakeholder.name ?? term("customer"), "role": role?.rawValue ?? "",
                            "title": h?.stakeholder.title ?? ""]) { _, new in new }
    }

    /// A rule's text in the plan's language with the facts filled in.
    func text(_ rule: any PlanRuleConfig, _ name: String, _ values: [String: String]) -> String {
        Template.fill(rule.texts[name]?.text(lang) ?? "", values)
    }

    /// Builds an item: channel is the person's preferred one, else the role's
    /// default, else the rule's; the theme is the role's.
    func item(rule: String, key: String?, holder: Holder?, role: Role?, schedule: RuleSchedule,
              action: String, why: String, fallbackChannel: Channel = .other) -> PlanItem {
        let who = holder.map { "s\($0.id)" } ?? role?.rawValue ?? "account"
        let uid = ([rule, "d\(deal.id)", who] + (key.map { [$0] } ?? [])).joined(separator: ".")
        let channel = holder?.stakeholder.preferredChannel ?? role.map { rules.role($0).channel } ?? fallbackChannel
        let theme = role.map { rules.role($0).theme.text(lang) } ?? term("general_theme")
        return PlanItem(uid: uid, rule: rule, dealID: deal.id, dealName: deal.name, pipelineKey: deal.pipelineKey,
                        stageKey: deal.stageKey, stakeholderID: holder?.id, stakeholderName: holder?.stakeholder.name,
                        role: role, action: action, channel: channel, theme: theme, due: today.adding(days: schedule.dueInDays),
                        priority: schedule.priority, why: why)
    }
}

extension Dictionary where Key == String, Value == String {
    /// These values with more facts added (the new ones win).
    func with(_ more: [String: String]) -> [String: String] { merging(more) { _, new in new } }
}
