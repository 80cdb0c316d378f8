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
        #expect(kinds(f) == [.noEB, .noCoach, .singleThreaded, .stalled, .opponent, .silent30d])
        #expect(RedFlagKind.allCases.map(\.rawValue) == ["no-eb", "eb-negative", "no-coach", "single-threaded", "stalled", "opponent", "silent-30d"])
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
