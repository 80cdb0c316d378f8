import Testing
@testable import DecisionChain

/// The government case (its key: EB 周振华, TB 何静 and 马骏, UB 郑琳 and 许晨,
/// Coach 林晓; weights 40/15/20/25) and pieces of trainee work.
private enum G {
    static let file = CaseValidator.parse(ShippedCases.document("gov-contract-dip")!).file!

    static let rightRoles: [CaseWork.RoleClaim] = [
        .init(stakeholder: "周振华", role: .eb), .init(stakeholder: "何静", role: .tb, influence: .high),
        .init(stakeholder: "马骏", role: .tb), .init(stakeholder: "郑琳", role: .ub), .init(stakeholder: "许晨", role: .ub),
        .init(stakeholder: "林晓", role: .coach),
    ]
    static let rightPlan: [CaseWork.PlanClaim] = [
        .init(rule: "negative-emotion", stakeholder: "何静", role: .tb, stage: "contract"),
        .init(rule: "stage-playbook", stakeholder: "何静", role: .tb, stage: "contract", status: .done),
        .init(rule: "negative-emotion", stakeholder: "马骏", role: .tb, stage: "contract"),
    ]
    static let perfect = CaseWork(roles: rightRoles, contacted: ["周振华", "何静", "马骏", "郑琳", "林晓"], plan: rightPlan,
                                  moment: .init(stage: "contract", stakeholder: "何静"))

    static func grade(_ work: CaseWork, lang: Language = .en, file: CaseFile = file) -> CaseGrade {
        CaseGrader.grade(file, work: work, trainee: "ann", round: 3, lang: lang)
    }

    /// Points agree up to the rounding of each finding to two decimals.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.05 }

    static func with(_ change: (inout CaseWork) -> Void) -> CaseWork {
        var w = perfect
        change(&w)
        return w
    }
}

@Suite("Case grader")
struct CaseGraderTests {
    @Test("work that follows the key scores every point and loses none")
    func perfect() throws {
        let g = G.grade(G.perfect)
        #expect(g.total == 100 && g.possible == 100)
        #expect(g.scores.map(\.earned) == [40, 15, 20, 25])
        #expect(g.lostPoints.isEmpty)
        #expect(g.round == 3 && g.rounds == 3 && g.caseID == "gov-contract-dip")
    }

    @Test("nothing done scores zero, and the debrief explains all 100 lost points")
    func nothing() {
        let g = G.grade(CaseWork())
        #expect(g.total == 0)
        #expect(G.close(g.lostPoints.map(\.lost).reduce(0, +), 100))
        #expect(g.lostPoints.allSatisfy { $0.why?.isEmpty == false })
        #expect(g.score(.moment)?.findings.first?.note.contains("no moment of truth submitted") == true)
    }

    @Test("naming the visible deputy as EB loses the EB share and costs one more, and the debrief says so")
    func wrongEB() throws {
        let g = G.grade(G.with { w in
            w.roles.removeAll { $0.role == .eb }
            w.roles.append(.init(stakeholder: "吴海涛", role: .eb))
        })
        let roles = try #require(g.score(.roles))
        #expect(roles.earned == CaseGrader.points(40.0 * 8 / 12))
        let missed = try #require(roles.findings.first { $0.subject == "周振华 · EB" })
        #expect(missed.lost == 6.67 && missed.note.contains("you named 吴海涛 as EB") && missed.why?.contains("Director") == true)
        let guess = try #require(roles.findings.first { $0.subject == "吴海涛 · EB" })
        #expect(guess.lost == 6.67 && guess.possible == 0 && guess.note.contains("outside the decision chain"))
        // Every lost point is in the debrief: the lost points add up to what the total is short.
        #expect(G.close(g.lostPoints.map(\.lost).reduce(0, +), Double(g.possible) - g.total))
    }

    @Test("wrong guesses never take a criterion below zero")
    func floor() throws {
        let g = G.grade(CaseWork(roles: [.init(stakeholder: "吴海涛", role: .eb), .init(stakeholder: "许晨", role: .tb)]))
        let roles = try #require(g.score(.roles))
        #expect(roles.earned == 0)
        #expect(roles.findings.filter { $0.possible == 0 }.allSatisfy { $0.lost == 0 && $0.note.contains("no role points left to lose") })
    }

    @Test("a role the key gives influence or stance earns half when those are not recorded")
    func attributes() throws {
        var file = G.file
        file.key.roles[1].influence = .high
        #expect(G.grade(G.perfect, file: file).total == 100)
        let g = G.grade(G.with { $0.roles[1].influence = .medium }, file: file)
        let he = try #require(g.score(.roles)?.findings.first { $0.subject == "何静 · TB" })
        #expect(G.close(he.earned, 40.0 / 12) && G.close(he.lost, 40.0 / 12))
        #expect(he.note == "identified as TB, but recorded influence medium (key: high)")
        #expect(g.total == CaseGrader.points(100 - 40.0 / 12))
    }

    @Test("coverage counts a logged touchpoint or an accepted plan item, and names who was missed")
    func coverage() throws {
        let g = G.grade(G.with { w in
            w.contacted = ["何静"]
            w.plan = [.init(rule: "stale-contact", stakeholder: "周振华")]
        })
        let c = try #require(g.score(.coverage))
        #expect(c.earned == 6)
        #expect(c.findings.first { $0.subject == "何静" }?.note == "you logged a touchpoint with them")
        #expect(c.findings.first { $0.subject == "周振华" }?.note == "an accepted plan item covers them")
        #expect(c.findings.filter { $0.lost > 0 }.map(\.subject) == ["马骏", "郑琳", "林晓"])
    }

    @Test("the moment of truth: the stage and the person earn all, the stage alone half, a wrong stage nothing",
          arguments: [("contract", "何静", 20.0), ("contract", "马骏", 10.0), ("award", "何静", 0.0)])
    func moment(stage: String, person: String, points: Double) throws {
        let g = G.grade(G.with { $0.moment = .init(stage: stage, stakeholder: person) })
        let m = try #require(g.score(.moment))
        #expect(m.earned == points)
        if points == 10 { #expect(m.findings[0].note.contains("the dip is 何静's, not 马骏's")) }
        if points == 0 { #expect(m.findings[0].note == "you named 何静 @ award; the key: 何静 @ contract") }
    }

    @Test("a plan item for the right person at the wrong stage or role does not count, and the debrief says what was off")
    func planNearMiss() throws {
        let g = G.grade(G.with { w in
            w.plan = [.init(rule: "negative-emotion", stakeholder: "何静", role: .tb, stage: "award"),
                      .init(rule: "stage-playbook", stakeholder: "何静", role: .ub, stage: "contract"),
                      .init(rule: "negative-emotion", stakeholder: "马骏", role: .tb, stage: "contract")]
        })
        let p = try #require(g.score(.plan))
        #expect(p.earned == CaseGrader.points(25.0 / 3))
        #expect(p.findings[0].note == "you accepted negative-emotion for 何静 at award (key: contract)")
        #expect(p.findings[1].note == "you accepted stage-playbook for 何静 as UB (key: TB)")
        #expect(p.findings[2].lost == 0)
    }

    @Test("grades speak Chinese with --lang zh, the key's reasons included")
    func chinese() throws {
        let g = G.grade(CaseWork(roles: [.init(stakeholder: "吴海涛", role: .eb)]), lang: .zh)
        let eb = try #require(g.score(.roles)?.findings.first)
        #expect(eb.note == "未识别为 EB；你把 吴海涛 当成了 EB")
        #expect(eb.why?.hasPrefix("周局长定下目标") == true)
        #expect(g.title == "一网通办平台升级：合同谈判阶段的情绪低谷")
        #expect(g.modelAnswer.hasPrefix("周振华局长是 EB"))
    }

    @Test("the board has one line per trainee, by name, with each criterion's points")
    func board() {
        let grades = [G.grade(CaseWork()), G.grade(G.perfect)].enumerated().map { i, g in
            var g = g
            g.trainee = i == 0 ? "zoe" : "ann"
            return g
        }
        let board = CaseBoard(file: G.file, grades: grades, lang: .en)
        #expect(board.rows.map(\.trainee) == ["ann", "zoe"])
        #expect(board.rows.map(\.total) == [100, 0])
        #expect(board.rows[0].scores == [.roles: 40, .coverage: 15, .moment: 20, .plan: 25])
        #expect(board.weights.total == 100)
    }
}
