/// The four things a case exercise is graded on.
public enum CaseCriterion: String, CaseIterable, Codable, Sendable {
    /// Who is EB, TB, UB and Coach (with influence and stance where the key says).
    case roles
    /// Staying in touch with the people who matter.
    case coverage
    /// Naming the moment of truth: the stage and whose dip it is.
    case moment
    /// Accepting a plan that contains what a good answer does.
    case plan
}

/// What a trainee did in their workspace, as the grader needs it: names and
/// keys only, read by the store from the trainee's own schema.
public struct CaseWork: Sendable, Hashable {
    /// A current buying influence the trainee recorded in the case's deal.
    public struct RoleClaim: Sendable, Hashable {
        public var stakeholder: String
        public var role: Role
        public var influence: Influence?
        public var stance: Stance?
        public init(stakeholder: String, role: Role, influence: Influence? = nil, stance: Stance? = nil) {
            self.stakeholder = stakeholder; self.role = role; self.influence = influence; self.stance = stance
        }
    }

    /// A plan item (task) the trainee accepted; cancelled ones are not read.
    public struct PlanClaim: Sendable, Hashable {
        public var rule: String
        public var stakeholder: String?
        public var role: Role?
        public var stage: String?
        public var status: TaskStatus
        public init(rule: String, stakeholder: String?, role: Role? = nil, stage: String? = nil, status: TaskStatus = .open) {
            self.rule = rule; self.stakeholder = stakeholder; self.role = role; self.stage = stage; self.status = status
        }
    }

    /// The moment of truth the trainee submitted (`case submit`).
    public struct MomentClaim: Sendable, Hashable {
        public var stage: String
        public var stakeholder: String
        public var why: String?
        public init(stage: String, stakeholder: String, why: String? = nil) {
            self.stage = stage; self.stakeholder = stakeholder; self.why = why
        }
    }

    public var roles: [RoleClaim]
    /// Stakeholders in touchpoints the trainee logged (not the case's own).
    public var contacted: Set<String>
    public var plan: [PlanClaim]
    public var moment: MomentClaim?

    public init(roles: [RoleClaim] = [], contacted: Set<String> = [], plan: [PlanClaim] = [], moment: MomentClaim? = nil) {
        self.roles = roles; self.contacted = contacted; self.plan = plan; self.moment = moment
    }
}

/// One graded item: what was expected, what the trainee did, the points it
/// earned out of those possible, and the key's reason (for the debrief).
public struct CaseFinding: Sendable, Hashable {
    public var criterion: CaseCriterion
    /// `周振华 · EB`, `negative-emotion · 何静 · TB · contract`.
    public var subject: String
    public var earned: Double
    /// 0 for a wrong guess that costs points (then `earned` is negative).
    public var possible: Double
    /// What the trainee did, in the grade's language.
    public var note: String
    /// The key's explanation, in the grade's language.
    public var why: String?

    /// The points this item cost (0 when it earned everything).
    public var lost: Double { CaseGrader.points(possible - earned) }
}

/// A criterion's score with the findings that make it up.
public struct CaseScore: Sendable, Hashable {
    public var criterion: CaseCriterion
    public var weight: Int
    public var earned: Double
    public var findings: [CaseFinding]
}

/// A trainee's grade on a case, with a debrief that explains every lost point.
public struct CaseGrade: Sendable, Hashable {
    public var caseID: String
    public var title: String
    public var trainee: String
    /// The rounds released so far, of `rounds`.
    public var round: Int
    public var rounds: Int
    public var language: Language
    public var scores: [CaseScore]
    public var total: Double
    public var possible: Int
    /// The trainer's model answer.
    public var modelAnswer: String

    /// Every finding that cost points, criterion by criterion.
    public var lostPoints: [CaseFinding] { scores.flatMap(\.findings).filter { $0.lost > 0 } }

    /// The score of one criterion.
    public func score(_ c: CaseCriterion) -> CaseScore? { scores.first { $0.criterion == c } }
}

/// Grades a trainee's work against a case's answer key. Pure: the same case
/// and work give the same grade. Points per criterion are the key's weight
/// shared equally among its items; a role the key does not hold costs one
/// share (never below zero for the criterion).
public enum CaseGrader {
    /// Rounds points to two decimals (how grades are shown and compared).
    public static func points(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    /// The grade of `work` on `file` in a language.
    public static func grade(_ file: CaseFile, work: CaseWork, trainee: String, round: Int, lang: Language) -> CaseGrade {
        let g = Grading(file: file, work: work, lang: lang)
        let scores = [g.roles(), g.coverage(), g.moment(), g.plan()]
        return CaseGrade(caseID: file.id, title: file.title.text(lang), trainee: trainee, round: round, rounds: file.rounds.count,
                         language: lang, scores: scores, total: points(scores.map(\.earned).reduce(0, +)),
                         possible: file.key.weights.total, modelAnswer: file.key.debrief.text(lang))
    }
}

/// One grading run: each criterion counts units (whole numbers) and turns
/// them into points at the end, so a full score is exactly the weight.
struct Grading {
    let file: CaseFile
    let work: CaseWork
    let lang: Language
    var key: CaseKey { file.key }

    func t(_ en: String, _ zh: String) -> String { lang == .zh ? zh : en }

    /// A finding before it is turned into points.
    struct Item {
        var subject: String
        var units: Int
        var possible: Int
        var note: String
        var why: String?
        init(_ subject: String, _ units: Int, _ possible: Int, _ note: String, _ why: String?) {
            self.subject = subject; self.units = units; self.possible = possible; self.note = note; self.why = why
        }
    }

    /// A criterion's score from findings counted in units.
    func score(_ c: CaseCriterion, _ items: [Item]) -> CaseScore {
        let weight = Double(key.weights.weight(c))
        let possible = items.map(\.possible).reduce(0, +)
        let earned = items.map(\.units).reduce(0, +)
        func share(_ u: Int) -> Double { possible == 0 ? 0 : CaseGrader.points(weight * Double(u) / Double(possible)) }
        let findings = items.map {
            CaseFinding(criterion: c, subject: $0.subject, earned: share($0.units), possible: share($0.possible), note: $0.note, why: $0.why)
        }
        return CaseScore(criterion: c, weight: key.weights.weight(c),
                         earned: possible == 0 ? 0 : CaseGrader.points(weight * Double(max(0, earned)) / Double(possible)),
                         findings: findings)
    }

    func roleList(_ roles: [Role]) -> String { roles.sorted().map(\.rawValue).joined(separator: ", ") }

    // MARK: roles: 2 units per key role (1 when the role is right but its influence or stance is not)

    func roles() -> CaseScore {
        var items: [Item] = []
        for k in key.roles {
            let subject = "\(k.stakeholder) · \(k.role.rawValue)"
            let why = k.why.text(lang)
            if let claim = work.roles.first(where: { $0.stakeholder == k.stakeholder && $0.role == k.role }) {
                var wrong: [String] = []
                if let want = k.influence, claim.influence != want {
                    wrong.append(t("influence \(claim.influence?.rawValue ?? "not set") (key: \(want.rawValue))",
                                   "影响力为 \(claim.influence?.rawValue ?? "未填写")（答案：\(want.rawValue)）"))
                }
                if let want = k.stance, claim.stance != want {
                    wrong.append(t("stance \(claim.stance?.rawValue ?? "not set") (key: \(want.rawValue))",
                                   "态度为 \(claim.stance?.rawValue ?? "未填写")（答案：\(want.rawValue)）"))
                }
                if wrong.isEmpty {
                    items.append(Item(subject, 2, 2, t("identified as \(k.role.rawValue)", "已识别为 \(k.role.rawValue)"), why))
                } else {
                    items.append(Item(subject, 1, 2, t("identified as \(k.role.rawValue), but recorded ", "已识别为 \(k.role.rawValue)，但记录的")
                                  + wrong.joined(separator: t("; ", "；")), why))
                }
                continue
            }
            var note = t("not identified as \(k.role.rawValue)", "未识别为 \(k.role.rawValue)")
            let theirs = work.roles.filter { $0.stakeholder == k.stakeholder }.map(\.role)
            if !theirs.isEmpty { note += t("; you recorded them as \(roleList(theirs))", "；你记录为 \(roleList(theirs))") }
            if k.role == .eb, let other = work.roles.first(where: { $0.role == .eb && $0.stakeholder != k.stakeholder }) {
                note += t("; you named \(other.stakeholder) as EB", "；你把 \(other.stakeholder) 当成了 EB")
            }
            items.append(Item(subject, 0, 2, note, why))
        }
        // Wrong guesses: each costs one share, but never more than the credit left.
        var credit = items.map(\.units).reduce(0, +)
        let keyed = Set(key.roles.map { $0.stakeholder + "\u{1}" + $0.role.rawValue })
        let wrongClaims = work.roles.filter { !keyed.contains($0.stakeholder + "\u{1}" + $0.role.rawValue) }
            .sorted { ($0.role, $0.stakeholder) < ($1.role, $1.stakeholder) }
        for claim in wrongClaims {
            let real = key.roles.filter { $0.stakeholder == claim.stakeholder }.map(\.role)
            var note = t("you recorded \(claim.stakeholder) as \(claim.role.rawValue); the key does not",
                         "你把 \(claim.stakeholder) 记录为 \(claim.role.rawValue)；答案并非如此")
            note += real.isEmpty ? t(" (they are outside the decision chain)", "（此人不在决策链中）")
                                 : t(" (they are \(roleList(real)))", "（此人是 \(roleList(real))）")
            let cost = min(2, credit)
            credit -= cost
            if cost == 0 { note += t("; no role points left to lose", "；本项已无分可扣") }
            items.append(Item("\(claim.stakeholder) · \(claim.role.rawValue)", -cost, 0, note, nil))
        }
        return score(.roles, items)
    }

    // MARK: coverage: 1 unit per key person contacted (a logged touchpoint or an accepted plan item)

    func coverage() -> CaseScore {
        let planned = Set(work.plan.compactMap(\.stakeholder))
        return score(.coverage, key.coverage.map { name in
            let why = key.roles.filter { $0.stakeholder == name }.map { "\($0.role.rawValue): " + $0.why.text(lang) }
                .joined(separator: " ")
            if work.contacted.contains(name) {
                return Item(name, 1, 1, t("you logged a touchpoint with them", "你记录了与其的接触"), why)
            }
            if planned.contains(name) {
                return Item(name, 1, 1, t("an accepted plan item covers them", "已接受与其相关的计划项"), why)
            }
            return Item(name, 0, 1, t("no touchpoint logged and no plan item accepted for them", "没有记录接触，也没有接受与其相关的计划项"),
                    why.isEmpty ? nil : why)
        })
    }

    // MARK: moment of truth: 2 units for the stage and the person, 1 for the stage alone

    func moment() -> CaseScore {
        guard !key.momentsOfTruth.isEmpty else { return score(.moment, []) }
        let expected = key.momentsOfTruth.map { "\($0.stakeholder) @ \($0.stage)" }.joined(separator: t(" or ", " 或 "))
        let why = key.momentsOfTruth.map { $0.why.text(lang) }.joined(separator: " ")
        guard let m = work.moment else {
            return score(.moment, [Item(expected, 0, 2, t("no moment of truth submitted (dchain case submit --moment STAGE --stakeholder NAME)",
                                                      "没有提交关键时刻（dchain case submit --moment 阶段 --stakeholder 姓名）"), why)])
        }
        let yours = "\(m.stakeholder) @ \(m.stage)"
        if let hit = key.momentsOfTruth.first(where: { $0.stage == m.stage && $0.stakeholder == m.stakeholder }) {
            return score(.moment, [Item(yours, 2, 2, t("you named \(yours)", "你指出的是 \(yours)"), hit.why.text(lang))])
        }
        if let near = key.momentsOfTruth.first(where: { $0.stage == m.stage }) {
            return score(.moment, [Item(yours, 1, 2, t("right stage (\(m.stage)), but the dip is \(near.stakeholder)'s, not \(m.stakeholder)'s",
                                                   "阶段正确（\(m.stage)），但低谷属于 \(near.stakeholder)，而不是 \(m.stakeholder)"),
                                    near.why.text(lang))])
        }
        return score(.moment, [Item(yours, 0, 2, t("you named \(yours); the key: \(expected)", "你指出的是 \(yours)；答案：\(expected)"), why)])
    }

    // MARK: plan: 1 unit per key item matched by an accepted item (rule, person, and role and stage when given)

    func plan() -> CaseScore {
        score(.plan, key.plan.map { k in
            let subject = ([k.rule, k.stakeholder] + [k.role?.rawValue, k.stage].compactMap { $0 }).joined(separator: " · ")
            let why = k.why.text(lang)
            let same = work.plan.filter { $0.rule == k.rule && $0.stakeholder == k.stakeholder }
            if let hit = same.first(where: { (k.role == nil || $0.role == k.role) && (k.stage == nil || $0.stage == k.stage) }) {
                let done = hit.status == .done ? t(" (done)", "（已完成）") : ""
                return Item(subject, 1, 1, t("accepted: \(k.rule) for \(k.stakeholder)", "已接受：针对 \(k.stakeholder) 的 \(k.rule)") + done, why)
            }
            if let near = same.first {
                var off: [String] = []
                if let role = k.role, near.role != role {
                    off.append(t("as \(near.role?.rawValue ?? "no role") (key: \(role.rawValue))", "角色为 \(near.role?.rawValue ?? "无")（答案：\(role.rawValue)）"))
                }
                if let stage = k.stage, near.stage != stage {
                    off.append(t("at \(near.stage ?? "no stage") (key: \(stage))", "阶段为 \(near.stage ?? "无")（答案：\(stage)）"))
                }
                return Item(subject, 0, 1, t("you accepted \(k.rule) for \(k.stakeholder) ", "你接受了针对 \(k.stakeholder) 的 \(k.rule)，但")
                        + off.joined(separator: t(", ", "，")), why)
            }
            return Item(subject, 0, 1, t("no accepted \(k.rule) item for \(k.stakeholder)", "没有接受针对 \(k.stakeholder) 的 \(k.rule) 计划项"), why)
        })
    }
}

/// The class at a glance: every trainee's score per criterion on one case.
public struct CaseBoard: Sendable, Hashable {
    /// One trainee's line.
    public struct Row: Sendable, Hashable {
        public var trainee: String
        public var round: Int
        public var rounds: Int
        public var scores: [CaseCriterion: Double]
        public var total: Double
    }

    public var caseID: String
    public var title: String
    public var weights: CaseWeights
    /// By trainee name.
    public var rows: [Row]

    /// The board of a case from its trainees' grades.
    public init(file: CaseFile, grades: [CaseGrade], lang: Language) {
        caseID = file.id
        title = file.title.text(lang)
        weights = file.key.weights
        rows = grades.map { g in
            Row(trainee: g.trainee, round: g.round, rounds: g.rounds,
                scores: Dictionary(uniqueKeysWithValues: g.scores.map { ($0.criterion, $0.earned) }), total: g.total)
        }.sorted { $0.trainee < $1.trainee }
    }
}
