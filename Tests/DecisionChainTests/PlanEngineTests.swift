import Foundation
import Testing
@testable import DecisionChain

/// Runs the shipped rules over a snapshot and returns the items of one rule.
private func items(_ rule: String, _ snapshot: AccountSnapshot, today: Day = PlanFixture.today, lang: Language = .en,
                   rules: PlanRules? = nil) throws -> [PlanItem] {
    let plan = try PlanEngine(rules: rules ?? PlanFixture.rules()).plan(snapshot, today: today, lang: lang)
    return plan.items.filter { $0.rule == rule }
}

private typealias F = PlanFixture

@Suite("Plan engine on the sample account")
struct PlanSampleTests {
    @Test("the EB gets a stale-contact item and the frustrated TB a negative-emotion item naming the facts")
    func sample() throws {
        let plan = try PlanEngine(rules: F.rules()).plan(F.sample, today: F.today, lang: .en)
        let eb = try #require(plan.items.first { $0.stakeholderID == F.wang.id && ($0.rule == "stale-contact" || $0.rule == "top-down") })
        #expect(eb.rule == "stale-contact")
        #expect(eb.role == .eb)
        #expect(eb.why.contains("2025-10-10") && eb.why.contains("197 days") && eb.why.contains("EB cadence of 30 days"))
        #expect(eb.channel == .visit)
        #expect(eb.theme == "outcomes, value, risk, policy")

        let neg = try #require(plan.items.first { $0.rule == "negative-emotion" })
        #expect(neg.stakeholderName == "李明")
        #expect(neg.due == F.today.adding(days: 2))
        #expect(neg.priority == .high)
        #expect(neg.why.contains("-3 (frustrated)"))
        #expect(neg.why.contains("2026-04-08"))
        #expect(neg.why.contains("contract negotiation"))
        #expect(neg.why.contains("Contract terms unclear"))
        #expect(neg.action.contains("Contract terms unclear"))
    }

    @Test("every item names its rule, a non-empty why, a channel and a theme; uids are unique")
    func completeness() throws {
        let plan = try PlanEngine(rules: F.rules()).plan(F.sample, today: F.today, lang: .en)
        #expect(!plan.items.isEmpty)
        for item in plan.items {
            #expect(PlanRules.ruleIDs.contains(item.rule))
            #expect(!item.why.isEmpty && !item.why.contains("{"), "why of \(item.uid): \(item.why)")
            #expect(!item.action.isEmpty && !item.action.contains("{"), "action of \(item.uid): \(item.action)")
            #expect(!item.theme.isEmpty)
            #expect(item.due >= F.today)
        }
        #expect(Set(plan.items.map(\.uid)).count == plan.items.count)
    }

    @Test("the plan is ordered by priority then due date, and the same input gives the same plan")
    func ordering() throws {
        let engine = try PlanEngine(rules: F.rules())
        let a = try engine.plan(F.sample, today: F.today, lang: .en)
        let b = try engine.plan(F.sample, today: F.today, lang: .en)
        #expect(a == b)
        for (x, y) in zip(a.items, a.items.dropFirst()) {
            #expect(x.priority < y.priority || (x.priority == y.priority && x.due <= y.due))
        }
    }

    @Test("the sample's rules: stale-contact for EB and UB only, suppressed for the frustrated TB; open pain; opponent via the Coach")
    func sampleRules() throws {
        let plan = try PlanEngine(rules: F.rules()).plan(F.sample, today: F.today, lang: .en)
        let byRule = Dictionary(grouping: plan.items, by: \.rule)
        #expect(Set(byRule["stale-contact", default: []].compactMap(\.stakeholderID)) == [F.wang.id, F.zhang.id])
        #expect(byRule["open-pain"]?.count == 1)
        #expect(byRule["opponent"]?.first?.action.contains("赵工") == true)
        #expect(byRule["missing-role"] == nil)
        #expect(byRule["top-down"] == nil)
        #expect(byRule["single-threaded"] == nil)
        #expect(byRule["stage-playbook"]?.count == 4)
    }

    @Test("Chinese plans take their words from the data")
    func chinese() throws {
        let plan = try PlanEngine(rules: F.rules()).plan(F.sample, today: F.today, lang: .zh)
        let neg = try #require(plan.items.first { $0.rule == "negative-emotion" })
        #expect(neg.why.contains("合同谈判"))
        #expect(neg.theme == "技术规格匹配、合规、采购规则、评审标准")
        let eb = try #require(plan.items.first { $0.rule == "stale-contact" && $0.role == .eb })
        #expect(eb.action == "重新联系王建国")
    }

    @Test("a closed deal is refused and an unknown deal is named")
    func closedDeal() throws {
        var s = F.sample
        s.deals[0].status = .won
        #expect(throws: DomainError.self) { try PlanEngine(rules: F.rules()).plan(s, dealID: 10, today: F.today, lang: .en) }
        #expect(throws: DomainError.self) { try PlanEngine(rules: F.rules()).plan(s, dealID: 99, today: F.today, lang: .en) }
        #expect(try PlanEngine(rules: F.rules()).plan(s, today: F.today, lang: .en).items.isEmpty)
    }

    @Test("facts after today are ignored: the plan as of the day before the contract review has no negative emotion")
    func asOf() throws {
        #expect(try items("negative-emotion", F.sample, today: Day("2026-04-07")!).isEmpty)
        #expect(try items("open-pain", F.sample, today: Day("2026-04-07")!).isEmpty)
    }
}

@Suite("missing-role")
struct MissingRoleTests {
    @Test("a deal with no decision chain gets all four roles, EB first and high")
    func empty() throws {
        let found = try items("missing-role", F.snapshot(influences: []))
        #expect(found.map(\.role) == [.eb, .coach, .tb, .ub])
        #expect(found[0].priority == .high && found[0].due == F.today.adding(days: 3))
        #expect(found[0].stakeholderID == nil && found[0].uid == "missing-role.d10.EB")
        #expect(found[0].why.contains("nobody") && found[0].why.contains("contract negotiation"))
        #expect(found[0].channel == .visit)
    }

    @Test("a full chain fires nothing; an EB alone leaves TB, UB and Coach")
    func partial() throws {
        #expect(try items("missing-role", F.snapshot(influences: F.fullChain)).isEmpty)
        let onlyEB = try items("missing-role", F.snapshot(influences: [F.fullChain[0]]))
        #expect(Set(onlyEB.compactMap(\.role)) == [.tb, .ub, .coach])
    }
}

@Suite("stale-contact")
struct StaleContactTests {
    @Test("fires only when the last contact is older than the role's cadence",
          arguments: [(Role.eb, 30, false), (.eb, 31, true), (.tb, 14, false), (.tb, 15, true),
                      (.ub, 21, false), (.ub, 22, true), (.coach, 7, false), (.coach, 8, true)])
    func boundary(role: Role, daysAgo: Int, fires: Bool) throws {
        let inf = F.fullChain.first { $0.role == role }!
        let others = F.fullChain.filter { $0.role != role }.map(\.stakeholderID)
        let s = F.snapshot(influences: F.fullChain, touchpoints: [
            F.tp(1, F.daysAgo(daysAgo), .call, stage: "contract", [(inf.stakeholderID, nil, nil)]),
            F.tp(2, F.daysAgo(1), .call, stage: "contract", others.map { ($0, nil, nil) }),
        ])
        let found = try items("stale-contact", s)
        #expect(found.map(\.stakeholderID) == (fires ? [inf.stakeholderID] : []))
        if fires { #expect(found[0].why.contains("\(daysAgo) days ago")) }
    }

    @Test("someone never contacted gets an item saying so")
    func never() throws {
        let found = try items("stale-contact", F.snapshot(influences: [F.fullChain[0]]))
        #expect(found.count == 1)
        #expect(found[0].uid == "stale-contact.d10.s1.never")
        #expect(found[0].why.contains("never been contacted"))
    }

    @Test("a person holding two roles is held to the shorter cadence")
    func twoRoles() throws {
        let s = F.snapshot(influences: [BuyingInfluence(dealID: 10, stakeholderID: 1, role: .eb),
                                        BuyingInfluence(dealID: 10, stakeholderID: 1, role: .coach)],
                           touchpoints: [F.tp(1, F.daysAgo(8), .visit, stage: "contract", [(1, nil, nil)])])
        let found = try items("stale-contact", s)
        #expect(found.count == 1)
        #expect(found[0].role == .eb)
        #expect(found[0].why.contains("Coach cadence of 7 days"))
    }

    @Test("a contact item from negative-emotion makes the stale-contact item redundant")
    func suppressed() throws {
        let s = F.snapshot(influences: [F.fullChain[1]],
                           touchpoints: [F.tp(1, F.daysAgo(20), .meeting, stage: "contract", [(2, -3, nil)])])
        #expect(try items("stale-contact", s).isEmpty)
        #expect(try items("negative-emotion", s).count == 1)
    }
}

@Suite("negative-emotion")
struct NegativeEmotionTests {
    @Test("fires at or below -2 on the latest known emotion", arguments: [(-3, true), (-2, true), (-1, false), (0, false), (2, false)])
    func threshold(emotion: Int, fires: Bool) throws {
        let s = F.snapshot(influences: [F.fullChain[1]],
                           touchpoints: [F.tp(1, F.daysAgo(3), .meeting, stage: "contract", [(2, emotion, nil)])])
        #expect(try items("negative-emotion", s).count == (fires ? 1 : 0))
    }

    @Test("a later positive emotion clears it; a later unknown emotion does not (unknown is not 0)")
    func latest() throws {
        let recovered = F.snapshot(influences: [F.fullChain[1]], touchpoints: [
            F.tp(1, F.daysAgo(10), .meeting, stage: "contract", [(2, -3, nil)]),
            F.tp(2, F.daysAgo(2), .call, stage: "contract", [(2, 1, nil)]),
        ])
        #expect(try items("negative-emotion", recovered).isEmpty)
        let unknown = F.snapshot(influences: [F.fullChain[1]], touchpoints: [
            F.tp(1, F.daysAgo(10), .meeting, stage: "contract", [(2, -3, nil)]),
            F.tp(2, F.daysAgo(2), .call, stage: "contract", [(2, nil, nil)]),
        ])
        let found = try items("negative-emotion", unknown)
        #expect(found.count == 1)
        #expect(found[0].uid == "negative-emotion.d10.s2.t1")
    }

    @Test("without an open pain point it asks what went wrong; resolved ones are not listed")
    func noPain() throws {
        let s = F.snapshot(influences: [F.fullChain[1]],
                           touchpoints: [F.tp(1, F.daysAgo(3), .meeting, stage: "contract", [(2, -2, "anxious")])],
                           pains: [PainPoint(id: 5, accountID: 1, touchpointID: 1, stakeholderID: 2, dealID: 10, text: "old issue",
                                             status: .resolved, response: "fixed", raisedOn: F.today.adding(days: -3))])
        let item = try #require(try items("negative-emotion", s).first)
        #expect(item.action.contains("find out what went wrong"))
        #expect(item.why.contains("-2 (anxious)") && item.why.contains("none recorded"))
        #expect(!item.why.contains("old issue"))
    }
}

@Suite("open-pain")
struct OpenPainTests {
    static func pain(_ id: Int64, status: PainStatus = .open, response: String? = nil, severity: Severity = .medium,
                     deal: Int64? = 10, stakeholder: Int64? = 3, raised: Int = 4) -> PainPoint {
        PainPoint(id: id, accountID: 1, touchpointID: 1, stakeholderID: stakeholder, dealID: deal, kind: .need,
                  text: "Training for 200 staff", severity: severity, status: status, response: response, raisedOn: F.today.adding(days: -raised))
    }

    @Test("an open pain point with no response fires; addressed, resolved or future ones do not")
    func fires() throws {
        let s = F.snapshot(influences: F.fullChain, pains: [
            Self.pain(1), Self.pain(2, status: .addressed, response: "plan sent"),
            Self.pain(3, status: .resolved, response: "done"), Self.pain(4, raised: -1),
        ])
        let found = try items("open-pain", s)
        #expect(found.map(\.uid) == ["open-pain.d10.s3.p1"])
        #expect(found[0].why == "The need “Training for 200 staff” (medium severity) raised by 张丽 on 2026-04-21 has had no response for 4 days.")
        #expect(found[0].channel == .wechat)
    }

    @Test("severity sets priority and due date", arguments: [(Severity.high, Priority.high, 2), (.medium, .medium, 5), (.low, .low, 10)])
    func severity(severity: Severity, priority: Priority, days: Int) throws {
        let found = try items("open-pain", F.snapshot(influences: F.fullChain, pains: [Self.pain(1, severity: severity)]))
        #expect(found.first?.priority == priority)
        #expect(found.first?.due == F.today.adding(days: days))
    }

    @Test("a pain point of another deal does not belong; one nobody raised uses the rule's channel")
    func scope() throws {
        #expect(try items("open-pain", F.snapshot(influences: F.fullChain, pains: [Self.pain(1, deal: 11)])).isEmpty)
        let anon = try items("open-pain", F.snapshot(influences: F.fullChain, pains: [Self.pain(1, stakeholder: nil)]))
        #expect(anon.first?.stakeholderID == nil)
        #expect(anon.first?.channel == .email)
        #expect(anon.first?.action.contains("the customer") == true)
    }
}

@Suite("opponent")
struct OpponentTests {
    static func chain(tb stance: Stance, _ influence: Influence, coach: Bool = true) -> [BuyingInfluence] {
        var c = F.fullChain
        c[1].stance = stance; c[1].influence = influence
        return coach ? c : Array(c.prefix(3))
    }

    @Test("fires for a skeptic or opponent with high influence only",
          arguments: [(Stance.skeptic, Influence.high, true), (.opponent, .high, true), (.opponent, .medium, false),
                      (.neutral, .high, false), (.supporter, .high, false)])
    func fires(stance: Stance, influence: Influence, fires: Bool) throws {
        let found = try items("opponent", F.snapshot(influences: Self.chain(tb: stance, influence)))
        #expect(found.count == (fires ? 1 : 0))
        if fires { #expect(found[0].why == "李明 (TB) has the stance \(stance.rawValue) and high influence in 政务云平台.") }
    }

    @Test("goes through the Coach, else the EB")
    func via() throws {
        #expect(try items("opponent", F.snapshot(influences: Self.chain(tb: .opponent, .high))).first?.action
                == "Plan with the Coach 赵工 how to address 李明's objections")
        #expect(try items("opponent", F.snapshot(influences: Self.chain(tb: .opponent, .high, coach: false))).first?.action
                == "Ask the EB 王建国 to help address 李明's objections")
    }
}

@Suite("top-down")
struct TopDownTests {
    @Test("fires while the EB was never met and the deal is before the decision phase",
          arguments: [("needs", true), ("specification", true), ("tender-notice", false), ("contract", false)])
    func phase(stage: String, fires: Bool) throws {
        let found = try items("top-down", F.snapshot(stage: stage, influences: F.fullChain))
        #expect(found.count == (fires ? 1 : 0))
        if fires {
            #expect(found[0].stakeholderID == F.wang.id && found[0].priority == .high)
            #expect(found[0].why.contains("never been met") && found[0].why.contains("before the decision phase"))
        }
    }

    @Test("a visit counts as met; a call does not")
    func met() throws {
        let visited = F.snapshot(stage: "approval", influences: F.fullChain,
                                 touchpoints: [F.tp(1, F.daysAgo(100), .visit, stage: "needs", [(1, nil, nil)])])
        #expect(try items("top-down", visited).isEmpty)
        let called = F.snapshot(stage: "approval", influences: F.fullChain,
                                touchpoints: [F.tp(1, F.daysAgo(5), .call, stage: "approval", [(1, nil, nil)])])
        #expect(try items("top-down", called).count == 1)
    }

    @Test("TB and UB playbook steps are scheduled after the EB meeting; the EB's stale-contact is not repeated")
    func sequencing() throws {
        // TB and EB playbook steps due tomorrow, UB's in 10 days: only TB's moves.
        let rules = try PlanRules.load(defaults: Data(contentsOf: F.rulesURL), override: Data(#"""
            {"rules": {"stage-playbook": {"by_role": {"TB": {"due_in_days": 1}, "EB": {"due_in_days": 1}}}}}
            """#.utf8), overrideName: "fast.json")
        let plan = try PlanEngine(rules: rules).plan(F.snapshot(stage: "specification", influences: F.fullChain),
                                                     today: F.today, lang: .en)
        let top = try #require(plan.items.first { $0.rule == "top-down" })
        let tb = try #require(plan.items.first { $0.rule == "stage-playbook" && $0.role == .tb })
        let eb = try #require(plan.items.first { $0.rule == "stage-playbook" && $0.role == .eb })
        let ub = try #require(plan.items.first { $0.rule == "stage-playbook" && $0.role == .ub })
        #expect(tb.due == top.due.adding(days: 1))
        #expect(tb.why.hasSuffix("Scheduled after the EB meeting due \(top.due) (top-down)."))
        #expect(eb.due == F.today.adding(days: 1) && !eb.why.contains("Scheduled after"))
        #expect(ub.due == F.today.adding(days: 10) && !ub.why.contains("Scheduled after"))
        #expect(!plan.items.contains { $0.rule == "stale-contact" && $0.stakeholderID == F.wang.id })
    }
}

@Suite("stage-playbook")
struct StagePlaybookTests {
    @Test("contract negotiation walks the TB and EB through the terms with reference cases, with the stage facts")
    func contract() throws {
        let found = try items("stage-playbook", F.sample)
        let tb = try #require(found.first { $0.role == .tb })
        #expect(tb.action.contains("contract terms") && tb.action.contains("reference cases"))
        #expect(tb.why.contains("entered contract negotiation on 2026-04-01, 24 days ago (30 expected)"))
        #expect(tb.uid == "stage-playbook.d10.s2.contract.TB")
    }

    @Test("roles the playbook does not name, or nobody holds, get nothing")
    func onlyHolders() throws {
        let found = try items("stage-playbook", F.snapshot(stage: "bidding", influences: [F.fullChain[0], F.fullChain[1]]))
        #expect(found.map(\.role) == [.tb])
        #expect(found[0].why.contains("is at bidding"))
    }

    @Test("the shipped data has a playbook for every stage of both pipelines")
    func coverage() throws {
        let rules = try F.rules()
        for p in [F.government, F.enterprise] {
            for s in p.stages { #expect(rules.stagePlaybooks["\(p.key)/\(s.key)"]?.isEmpty == false, "\(p.key)/\(s.key)") }
        }
    }
}

@Suite("single-threaded")
struct SingleThreadedTests {
    @Test("fires when only one person was contacted in the last 60 days",
          arguments: [(60, false), (61, true)])
    func window(secondContactDaysAgo: Int, fires: Bool) throws {
        let s = F.snapshot(influences: F.fullChain, touchpoints: [
            F.tp(1, F.daysAgo(secondContactDaysAgo), .meeting, stage: "contract", [(1, nil, nil)]),
            F.tp(2, F.daysAgo(2), .wechat, stage: "contract", [(4, nil, nil)]),
        ])
        let found = try items("single-threaded", s)
        #expect(found.count == (fires ? 1 : 0))
        if fires {
            #expect(found[0].stakeholderID == F.wang.id)
            #expect(found[0].why == "Only 赵工 has been contacted about 政务云平台 in the last 60 days; a single thread breaks easily.")
        }
    }

    @Test("nobody contacted is not single-threaded (stale-contact covers it)")
    func none() throws {
        #expect(try items("single-threaded", F.snapshot(influences: F.fullChain)).isEmpty)
    }
}

@Suite("plan rules data")
struct PlanRulesTests {
    func load(_ json: String) throws -> PlanRules {
        try PlanRules.load(defaults: Data(contentsOf: F.rulesURL), override: Data(json.utf8), overrideName: "team.json")
    }

    @Test("a user file merges over the defaults")
    func merge() throws {
        let rules = try load(#"{"roles": {"EB": {"cadence_days": 45}}, "rules": {"single-threaded": {"enabled": false}}}"#)
        #expect(rules.role(.eb).cadenceDays == 45)
        #expect(rules.role(.eb).channel == .visit)
        #expect(rules.role(.tb).cadenceDays == 14)
        #expect(!rules.rules.singleThreaded.enabled)
        #expect(rules.rules.singleThreaded.windowDays == 60)
    }

    @Test("changed data changes the plan: a 45-day EB cadence leaves a 40-day-old contact alone")
    func dataDriven() throws {
        let s = F.snapshot(influences: [F.fullChain[0]], touchpoints: [F.tp(1, F.daysAgo(40), .visit, stage: "contract", [(1, nil, nil)])])
        #expect(try items("stale-contact", s).count == 1)
        #expect(try items("stale-contact", s, rules: load(#"{"roles": {"EB": {"cadence_days": 45}}}"#)).isEmpty)
        #expect(try items("stale-contact", s, rules: load(#"{"rules": {"stale-contact": {"enabled": false}}}"#)).isEmpty)
    }

    @Test("bad files fail with the file and the JSON path", arguments: [
        (#"{"rules": {"stale_contact": {}}}"#, "at $.rules.stale_contact: is not a known setting"),
        (#"{"rules": {"opponent": {"min_influence": "huge"}}}"#, "at $.rules.opponent.min_influence:"),
        (#"{"rules": {"negative-emotion": {"due_in_days": "two"}}}"#, "at $.rules.negative-emotion.due_in_days: must be a whole number"),
        (#"{"rules": {"open-pain": {"due_in_days": -1}}}"#, "at $.rules.open-pain.due_in_days: must be a whole number of days ≥ 0"),
        (#"{"rules": {"top-down": {"texts": {"why": {"en": "EB {nmae}"}}}}}"#, "at $.rules.top-down.texts.why.en: uses unknown placeholder {nmae}"),
        (#"{"roles": {"UB": {"cadence_days": 0}}}"#, "at $.roles.UB.cadence_days: must be a whole number of days > 0"),
        (#"{"stage_playbooks": {"government/contract": {"CEO": {"en": "x", "zh": "y"}}}}"#, "at $.stage_playbooks.government/contract.CEO: is not a role"),
        (#"{"rules": {"opponent": {"stances": ["skeptic", "hater"]}}}"#, "at $.rules.opponent.stances[1]:"),
        (#"[1, 2]"#, "at $: must be a JSON object"),
        (#"{"roles": "#, "is not valid JSON"),
    ])
    func invalid(json: String, message: String) throws {
        do {
            _ = try load(json)
            Issue.record("accepted \(json)")
        } catch let e as InputError {
            #expect(e.field == "rules" && e.value == "team.json")
            #expect(e.description.contains(message), "\(e)")
        }
    }

    @Test("a new stage playbook for a custom pipeline is accepted")
    func newPlaybook() throws {
        let rules = try load(#"{"stage_playbooks": {"channel/pilot": {"UB": {"en": "Run the pilot with {stakeholder}", "zh": "与{stakeholder}试点"}}}}"#)
        #expect(rules.stagePlaybooks["channel/pilot"]?["UB"]?.en == "Run the pilot with {stakeholder}")
    }

    @Test("templates fill known placeholders and leave the rest")
    func template() {
        #expect(Template.fill("Call {stakeholder} by {due}", ["stakeholder": "王局"]) == "Call 王局 by {due}")
        #expect(Template.placeholders(in: "{a} {b_c} {中文} {") == ["a", "b_c"])
        #expect(Template.fill("{{x}}", ["x": "1"]) == "{1}")
    }
}

@Suite("Plan engine in a quiet stage of procurement")
struct PlanQuietStageTests {
    @Test("in bidding (quiet) the plan proposes no contact with the buyer's people; the playbook's formal steps stay")
    func quiet() throws {
        var s = F.sample
        var gov = F.government
        for i in gov.stages.indices where ["bidding", "evaluation"].contains(gov.stages[i].key) { gov.stages[i].quiet = true }
        s.pipelines = s.pipelines.map { $0.key == "government" ? gov : $0 }
        let before = try PlanEngine(rules: F.rules()).plan(s, today: F.today, lang: .en)
        #expect(before.items.contains { $0.rule == "stale-contact" }, "in contract negotiation the stale EB is due a call")
        s.deals = s.deals.map { var d = $0; if d.id == F.deal.id { d.stageKey = "bidding" }; return d }
        let plan = try PlanEngine(rules: F.rules()).plan(s, today: F.today, lang: .en)
        let suppressed = Set(try F.rules().quietStageSuppresses)
        #expect(!suppressed.isEmpty)
        #expect(!plan.items.contains { suppressed.contains($0.rule) }, "\(plan.items.map(\.rule))")
        #expect(plan.items.contains { $0.rule == "stage-playbook" && $0.action.contains("evaluation criteria") })
    }
}
