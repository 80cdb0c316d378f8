import Testing
@testable import DecisionChain

@Suite("Red flags and strengths of a deal")
struct RedFlagTests {
    static let today = Day("2026-05-01")!

    /// A healthy deal: every role identified, contacted recently, positive EB, on pace.
    static func healthy() -> DealFacts {
        DealFacts(accountID: 1, accountName: "市数据局", dealID: 7, dealName: "政务云", pipelineKey: "government",
                  stageKey: "bidding", stagePosition: 6, amount: 1_000_000, enteredStage: today.adding(days: -10), expectedDays: 15,
                  roles: [
                      RoleFacts(role: .eb, stakeholders: ["王局"], lastContact: today.adding(days: -5), latestEmotion: Emotion(2),
                                latestEmotionOn: today.adding(days: -5)),
                      RoleFacts(role: .tb, stakeholders: ["李工"], lastContact: today.adding(days: -3)),
                      RoleFacts(role: .ub, stakeholders: ["张科"], lastContact: today.adding(days: -3)),
                      RoleFacts(role: .coach, stakeholders: ["赵秘书"], lastContact: today.adding(days: -2)),
                  ],
                  contactedLast60Days: 4, lastDealTouchpoint: today.adding(days: -2))
    }

    func kinds(_ f: DealFacts) -> [RedFlagKind] { RedFlags.evaluate(f, today: Self.today).map(\.kind) }

    @Test("a healthy deal raises no flag")
    func healthyDeal() {
        #expect(kinds(Self.healthy()).isEmpty)
    }

    @Test("no EB and no Coach are flagged, and a missing EB cannot also be negative")
    func missingRoles() {
        var f = Self.healthy()
        f.roles[Role.eb.rank] = RoleFacts(role: .eb)
        f.roles[Role.coach.rank] = RoleFacts(role: .coach)
        #expect(kinds(f) == [.noEB, .noCoach])
    }

    @Test("the EB is negative at a latest known emotion of -1 or lower", arguments: [(-3, true), (-1, true), (0, false), (1, false)])
    func ebNegative(_ value: Int, _ flagged: Bool) throws {
        var f = Self.healthy()
        f.roles[Role.eb.rank].latestEmotion = try #require(Emotion(value))
        let flags = RedFlags.evaluate(f, today: Self.today)
        #expect(flags.contains { $0.kind == .ebNegative } == flagged)
        if flagged {
            #expect(flags.first?.evidence == .ebNegative(names: ["王局"], emotion: Emotion(value)!, on: Self.today.adding(days: -5)))
        }
    }

    @Test("an EB whose emotion was never recorded is not negative")
    func ebUnknownEmotion() {
        var f = Self.healthy()
        f.roles[Role.eb.rank].latestEmotion = nil
        #expect(!kinds(f).contains(.ebNegative))
    }

    @Test("one or no stakeholder contacted in 60 days is single-threaded", arguments: [(0, true), (1, true), (2, false)])
    func singleThreaded(_ contacted: Int, _ flagged: Bool) {
        var f = Self.healthy()
        f.contactedLast60Days = contacted
        #expect(kinds(f).contains(.singleThreaded) == flagged)
    }

    @Test("stalled means more than 1.5 times the expected days in stage", arguments: [(22, false), (23, true), (15, false)])
    func stalled(_ days: Int, _ flagged: Bool) {
        var f = Self.healthy()   // expected 15 days: 22.5 is the line
        f.enteredStage = Self.today.adding(days: -days)
        #expect(kinds(f).contains(.stalled) == flagged)
        if flagged {
            #expect(RedFlags.evaluate(f, today: Self.today).first?.evidence
                    == .stalled(stageKey: "bidding", days: days, expectedDays: 15, factor: 1.5))
        }
    }

    @Test("a deal whose stage entry is unknown is not called stalled")
    func unknownEntry() {
        var f = Self.healthy()
        f.enteredStage = nil
        #expect(!kinds(f).contains(.stalled))
        #expect(!RedFlags.isStalled(days: nil, expectedDays: 10))
    }

    @Test("a high-influence skeptic or opponent is flagged with their names")
    func opponent() {
        var f = Self.healthy()
        f.highInfluenceAdverse = [AdversePerson(name: "李工", role: .tb, stance: .skeptic)]
        let flags = RedFlags.evaluate(f, today: Self.today)
        #expect(flags.map(\.kind) == [.opponent])
        #expect(flags.first?.evidence == .opponent([AdversePerson(name: "李工", role: .tb, stance: .skeptic)]))
        #expect(flags.first?.dealName == "政务云" && flags.first?.accountName == "市数据局")
    }

    @Test("no touchpoint on the deal for more than 30 days is silent", arguments: [(30, false), (31, true)])
    func silent(_ daysAgo: Int, _ flagged: Bool) {
        var f = Self.healthy()
        f.lastDealTouchpoint = Self.today.adding(days: -daysAgo)
        #expect(kinds(f).contains(.silent30d) == flagged)
    }

    @Test("a deal never touched is silent")
    func neverTouched() {
        var f = Self.healthy()
        f.lastDealTouchpoint = nil
        #expect(RedFlags.evaluate(f, today: Self.today).map(\.evidence) == [.silent(last: nil, windowDays: 30)])
    }

    @Test("closed deals raise no flags")
    func closedDeal() {
        var f = Self.healthy()
        f.status = .lost
        f.roles = Role.allCases.map { RoleFacts(role: $0) }
        #expect(kinds(f).isEmpty)
    }

    @Test("flags come in the documented order with their stable keys")
    func orderAndKeys() {
        var f = Self.healthy()
        f.roles = Role.allCases.map { RoleFacts(role: $0) }
        f.contactedLast60Days = 0
        f.enteredStage = Self.today.adding(days: -100)
        f.highInfluenceAdverse = [AdversePerson(name: "X", role: .ub, stance: .opponent)]
        f.lastDealTouchpoint = nil
        f.stageKey = "approval"
        f.holders = [HolderFacts(name: "X", roles: [.ub], lastContact: nil)]
        f.unansweredPains = [PainFacts(text: "slow", severity: .high, raisedOn: Self.today.adding(days: -30))]
        f.quietContacts = [QuietContact(on: Self.today.adding(days: -40), stageKey: "bidding", channel: .visit, people: ["X"])]
        #expect(kinds(f) == [.noEB, .overdueContact, .unansweredPain, .noCoach, .singleThreaded, .stalled, .opponent,
                             .quietStageContact, .silent30d])
        #expect(RedFlagKind.allCases.map(\.rawValue) == ["no-eb", "eb-negative", "overdue-contact", "unanswered-pain", "no-coach",
                                                         "single-threaded", "stalled", "opponent", "quiet-stage-contact", "silent-30d"])
    }

    @Test("every role holder past the cadence of their most demanding role is flagged, with the dates; cadences are the plan's data")
    func overdue() throws {
        var f = Self.healthy()
        f.holders = [HolderFacts(name: "王局", roles: [.eb], lastContact: Self.today.adding(days: -70)),
                     HolderFacts(name: "李工", roles: [.tb], lastContact: Self.today.adding(days: -14)),
                     HolderFacts(name: "赵秘书", roles: [.tb, .coach], lastContact: Self.today.adding(days: -8)),
                     HolderFacts(name: "钱工", roles: [.ub], lastContact: nil)]
        let flags = RedFlags.evaluate(f, today: Self.today)
        #expect(flags.compactMap { if case let .overdueContact(name, _, _) = $0.evidence { name } else { nil } } == ["王局", "赵秘书", "钱工"])
        guard case let .overdueContact(_, _, eb) = flags[0].evidence else { Issue.record("EB first"); return }
        #expect(eb == .init(cadenceRole: .eb, cadenceDays: 30, lastContact: Day("2026-02-20"), days: 70))
        #expect(eb.due == Day("2026-03-22"))
        #expect(flags[0].since == Day("2026-02-20"))
        // A 90-day EB cadence in the rules moves the line, for the flag as for the plan.
        let relaxed = RedFlagPolicy(cadenceDays: [.eb: 90, .tb: 14, .ub: 21, .coach: 7])
        #expect(!RedFlags.evaluate(f, today: Self.today, policy: relaxed).contains { if case .overdueContact("王局", _, _) = $0.evidence { true } else { false } })
        // In a quiet stage nobody is told to make contact.
        f.stageQuiet = true
        #expect(!RedFlags.evaluate(f, today: Self.today).contains { $0.kind == .overdueContact })
    }

    @Test("an unanswered pain of a watched severity is flagged past the threshold, with the day it was raised")
    func unansweredPain() {
        var f = Self.healthy()
        f.unansweredPains = [PainFacts(text: "old", severity: .high, raisedOn: Self.today.adding(days: -238), raisedBy: "李工"),
                             PainFacts(text: "fresh", severity: .high, raisedOn: Self.today.adding(days: -14)),
                             PainFacts(text: "minor", severity: .medium, raisedOn: Self.today.adding(days: -300))]
        let flags = RedFlags.evaluate(f, today: Self.today)
        #expect(flags.map(\.evidence) == [.unansweredPain(f.unansweredPains[0], days: 238, thresholdDays: 14)])
        let wider = RedFlagPolicy(rules: RedFlagRules(painSeverities: [.high, .medium], painDays: 10))
        #expect(RedFlags.evaluate(f, today: Self.today, policy: wider).count == 3)
    }

    @Test("a touchpoint in a quiet stage is flagged unless it is a bid clarification or tender document")
    func quietContact() {
        var f = Self.healthy()
        f.quietContacts = [QuietContact(on: Self.today.adding(days: -20), stageKey: "bidding", channel: .visit, people: ["王局"]),
                           QuietContact(on: Self.today.adding(days: -19), stageKey: "bidding", channel: .bidClarification, people: ["李工"]),
                           QuietContact(on: Self.today.adding(days: -18), stageKey: "evaluation", channel: .tenderDocument, people: ["李工"])]
        #expect(RedFlags.evaluate(f, today: Self.today).map(\.evidence) == [.quietStageContact(f.quietContacts[0])])
    }

    /// Facts that vary every input a flag or a strength reads.
    static func variations() -> [DealFacts] {
        var out: [DealFacts] = []
        for ebLast in [nil, -5, -40] as [Int?] {
            for coachLast in [nil, -2, -10] as [Int?] {
                for contacted in [0, 1, 4] {
                    for inStage in [10, 30] {
                        for adverse in [false, true] {
                            var f = healthy()
                            f.roles[0].lastContact = ebLast.map { today.adding(days: $0) }
                            f.roles[3].lastContact = coachLast.map { today.adding(days: $0) }
                            f.holders = [HolderFacts(name: "王局", roles: [.eb], lastContact: f.roles[0].lastContact),
                                         HolderFacts(name: "赵秘书", roles: [.coach], lastContact: f.roles[3].lastContact)]
                            f.contactedLast60Days = contacted
                            f.enteredStage = today.adding(days: -inStage)
                            f.stageKey = "approval"
                            if adverse { f.highInfluenceAdverse = [AdversePerson(name: "王局", role: .eb, stance: .opponent)] }
                            out.append(f)
                        }
                    }
                }
            }
        }
        return out
    }

    @Test("no strength ever contradicts a flag of the same deal")
    func noContradiction() {
        let lines = [InfluenceLine(stakeholderID: 1, name: "王局", title: "局长", role: .eb, influence: .high, stance: .champion)]
        for f in Self.variations() {
            let flags = RedFlags.evaluate(f, today: Self.today)
            let strengths = Strength.evaluate(f, influences: lines, today: Self.today, flags: flags)
            for s in strengths {
                #expect(!flags.contains { s.isContradicted(by: $0) }, "\(s.kind) against \(flags.map(\.kind))")
            }
            // The pairs a reader would call contradictory, spelled out.
            let fk = Set(flags.map(\.kind)), sk = Set(strengths.map(\.kind))
            if fk.contains(.overdueContact) && flags.contains(where: { if case let .overdueContact(_, r, _) = $0.evidence { r.contains(.eb) } else { false } }) {
                #expect(!sk.contains(.ebEngaged))
            }
            if fk.contains(.singleThreaded) { #expect(!sk.contains(.multiThreaded)) }
            if fk.contains(.stalled) { #expect(!sk.contains(.onPace)) }
            if fk.contains(.opponent) { #expect(!sk.contains(.champion)) }
        }
    }

    @Test("coverage cadences: EB 30, TB 14, UB 21, Coach 7 days, inclusive")
    func cadences() {
        #expect(Role.allCases.map(RoleFacts.cadenceDays) == [30, 14, 21, 7])
        let coach = RoleFacts(role: .coach, stakeholders: ["c"], lastContact: Self.today.adding(days: -7))
        #expect(coach.withinCadence(today: Self.today))
        #expect(!RoleFacts(role: .coach, stakeholders: ["c"], lastContact: Self.today.adding(days: -8)).withinCadence(today: Self.today))
        #expect(!RoleFacts(role: .eb, stakeholders: ["e"]).withinCadence(today: Self.today))
    }

    @Test("strengths of a healthy deal")
    func strengths() {
        let lines = [InfluenceLine(stakeholderID: 1, name: "王局", title: "局长", role: .eb, influence: .high, stance: .champion),
                     InfluenceLine(stakeholderID: 2, name: "李工", title: "工程师", role: .tb, influence: .medium, stance: .supporter)]
        let s = Strength.evaluate(Self.healthy(), influences: lines, today: Self.today)
        #expect(s.map(\.kind) == [.ebEngaged, .coachActive, .champion, .multiThreaded, .onPace, .fullCoverage])
        #expect(s[2].evidence == .champion(names: ["王局"]))
        #expect(s[4].evidence == .onPace(days: 10, expectedDays: 15))
    }

    @Test("the report ranks the slowest deals first and builds one coverage row per open deal")
    func reportAssembly() {
        var slow = Self.healthy()
        slow.dealID = 8; slow.dealName = "政务云二期"; slow.enteredStage = Self.today.adding(days: -30)
        var closed = Self.healthy()
        closed.dealID = 9; closed.status = .won
        let report = PipelineReport.build(filter: PipelineReportFilter(today: Self.today), stages: [], funnel: [], stageMedians: [],
                                          deals: [Self.healthy(), slow, closed], emotionHeatmap: [], painPoints: [], winLoss: [])
        #expect(report.filter.since == Day("2026-01-31"))
        #expect(report.velocity.deals.map(\.dealID) == [8, 7])
        #expect(report.velocity.deals.map(\.stalled) == [true, false])
        #expect(report.coverage.map(\.dealID) == [7, 8])
        #expect(report.coverage[0].cells.map(\.withinCadence) == [true, true, true, true])
        #expect(report.redFlags.map(\.kind) == [.stalled])
    }
}
