/// Builds a communication plan: runs the enabled rules over each open deal's
/// facts as of `today`, then applies the data's ordering policies (top-down
/// sequencing, suppression of redundant contact items) and sorts. Pure and
/// deterministic: the same snapshot, rules and day give the same plan.
public struct PlanEngine: Sendable {
    public let rules: PlanRules

    public init(rules: PlanRules) { self.rules = rules }

    /// The plan for one deal (`dealID`) or for every open deal of the account.
    /// A deal that is not open is refused: plans are for deals still to win.
    public func plan(_ snapshot: AccountSnapshot, dealID: Int64? = nil, today: Day, lang: Language) throws -> Plan {
        let selected: Deal?
        let deals: [Deal]
        if let dealID {
            guard let d = snapshot.deal(dealID) else {
                throw DomainError("deal #\(dealID) is not a deal of \"\(snapshot.account.name)\"")
            }
            guard d.status == .open else {
                throw DomainError("deal \"\(d.name)\" is \(d.status.rawValue): plans are made for open deals")
            }
            selected = d
            deals = [d]
        } else {
            selected = nil
            deals = snapshot.deals.filter { $0.status == .open }.sorted { $0.id < $1.id }
        }
        let proposed = deals.flatMap { items(for: PlanContext(snapshot: snapshot, deal: $0, today: today, lang: lang, rules: rules)) }
        var stages: [Int64: Stage] = [:]
        for d in deals { stages[d.id] = snapshot.pipeline(d.pipelineKey)?.stage(d.stageKey) }
        return Plan(account: snapshot.account, deal: selected, deals: deals, stages: stages, today: today, language: lang,
                    items: proposed.sorted(by: PlanItem.planOrder))
    }

    func items(for ctx: PlanContext) -> [PlanItem] {
        let r = rules.rules
        var items: [PlanItem] = []
        if r.missingRole.enabled { items += ctx.missingRole(r.missingRole) }
        if r.topDown.enabled { items += ctx.topDown(r.topDown) }
        if r.negativeEmotion.enabled { items += ctx.negativeEmotion(r.negativeEmotion) }
        if r.openPain.enabled { items += ctx.openPain(r.openPain) }
        if r.opponent.enabled { items += ctx.opponent(r.opponent) }
        if r.staleContact.enabled { items += ctx.staleContact(r.staleContact) }
        if r.singleThreaded.enabled { items += ctx.singleThreaded(r.singleThreaded) }
        if r.stagePlaybook.enabled { items += ctx.stagePlaybook(r.stagePlaybook) }

        // A quiet stage (bidding, evaluation): a bidder must not lobby the buyer, so no "contact X" items.
        if ctx.stage?.quiet == true {
            let quiet = Set(rules.quietStageSuppresses)
            items.removeAll { quiet.contains($0.rule) }
        }

        // A person who already gets a contact item from a suppressing rule needs no separate reminder to call.
        let suppressors = Set(r.staleContact.suppressedBy)
        let covered = Set(items.filter { suppressors.contains($0.rule) }.compactMap(\.stakeholderID))
        items.removeAll { $0.rule == "stale-contact" && $0.stakeholderID.map(covered.contains) == true }

        // Top-down (下楼式): the deferred roles' playbook steps wait until after the EB meeting.
        if let top = items.first(where: { $0.rule == "top-down" }) {
            let deferred = Set(r.topDown.defers)
            let after = ctx.text(r.topDown, "after", ctx.dealValues.with(["date": top.due.description]))
            for i in items.indices where items[i].rule == "stage-playbook" && deferred.contains(items[i].role?.rawValue ?? "")
                && items[i].due <= top.due {
                items[i].due = top.due.adding(days: 1)
                items[i].why += after
            }
        }
        return items
    }
}
