import DecisionChain
import Foundation

/// Renders case exercises for trainers and trainees: the case list, a case's
/// brief, the model answer, a trainee's grade with its debrief, and the class
/// board, as text (CJK-aware), Markdown (escaped), JSON (sorted snake_case
/// keys) and, for the board, formula-safe CSV. Labels in English and Chinese.
public enum CaseRenderer {
    static func l(_ en: String, _ zh: String, _ lang: Language) -> String { Labels.pick(en, zh, lang) }

    /// Points as shown: one decimal (`6.7`, `40.0`).
    public static func points(_ x: Double) -> String { String(format: "%.1f", x) }

    static func criterion(_ c: CaseCriterion, _ lang: Language) -> String {
        switch c {
        case .roles: return l("roles", "角色识别", lang)
        case .coverage: return l("coverage", "覆盖", lang)
        case .moment: return l("moment of truth", "关键时刻", lang)
        case .plan: return l("plan", "计划", lang)
        }
    }

    /// Lines of `text` wrapped to `width` columns, each after `indent`.
    static func wrapped(_ text: String, indent: String, width: Int = 100) -> String {
        DisplayWidth.wrap(text, to: max(20, width - DisplayWidth.of(indent))).map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    // MARK: - list

    /// `case list` as a listing (text, CSV) and its JSON rows `{id, title, kind}`.
    public static func list(_ cases: [CaseFile], _ lang: Language) -> (Listing, [ListEntry]) {
        var listing = Listing(headers: ["id", l("kind", "类型", lang), l("rounds", "轮次", lang), l("title", "标题", lang)],
                              keys: ["id", "kind", "rounds", "title"],
                              rows: cases.map { [$0.id, $0.kind.rawValue, String($0.rounds.count), $0.title.text(lang)] },
                              alignments: [.left, .left, .right, .left])
        listing.title = l("Case exercises (dchain case show ID; dchain case start ID --trainee NAME)",
                          "案例练习（dchain case show ID；dchain case start ID --trainee 学员）", lang)
        return (listing, cases.map { ListEntry(id: $0.id, title: $0.title.text(lang), kind: $0.kind.rawValue) })
    }

    /// One row of `case list --format json`.
    public struct ListEntry: Encodable, Sendable {
        public var id: String
        public var title: String
        public var kind: String
    }

    // MARK: - brief (what trainees see)

    /// The brief as text: title, situation, account and deal, how to start.
    public static func briefText(_ file: CaseFile, _ lang: Language, width: Int = 100) -> String {
        var out = "\(file.title.text(lang))\n"
        out += "\(file.id) · \(Labels.kind(file.kind, lang)) · " + l("\(file.rounds.count) rounds", "共 \(file.rounds.count) 轮", lang) + "\n\n"
        out += wrapped(file.brief.text(lang), indent: "", width: width) + "\n"
        out += l("Account", "客户", lang) + ": \(file.account.name)\n"
        out += l("Deal", "项目", lang) + ": \(file.deal.name)\n"
        out += l("Start", "开始", lang) + ": dchain case start \(file.id) --trainee NAME\n"
        return out
    }

    /// The brief as Markdown.
    public static func briefMarkdown(_ file: CaseFile, _ lang: Language) -> String {
        let e = Escape.markdown
        var out = "# \(e(file.title.text(lang)))\n\n"
        out += "- id: `\(file.id)`\n- \(l("kind", "类型", lang)): \(Labels.kind(file.kind, lang))\n"
        out += "- \(l("rounds", "轮次", lang)): \(file.rounds.count)\n"
        out += "- \(l("account", "客户", lang)): \(e(file.account.name))\n- \(l("deal", "项目", lang)): \(e(file.deal.name))\n\n"
        out += e(file.brief.text(lang)) + "\n\n"
        out += "`dchain case start \(file.id) --trainee NAME`\n"
        return out
    }

    /// The brief as JSON: id, title, kind, brief, account, deal and the rounds' titles and days.
    public static func briefJSON(_ file: CaseFile, _ lang: Language) throws -> String {
        struct Round: Encodable { let round: Int; let title: String; let today: String }
        struct Brief: Encodable { let id, title, kind, brief, account, deal: String; let rounds: [Round] }
        return try JSONOutput.encode(Brief(
            id: file.id, title: file.title.text(lang), kind: file.kind.rawValue, brief: file.brief.text(lang), account: file.account.name,
            deal: file.deal.name, rounds: file.rounds.enumerated().map { Round(round: $0 + 1, title: $1.title.text(lang), today: $1.today.description) }))
    }

    // MARK: - model answer (trainer)

    static func roleLine(_ r: CaseKeyRole) -> String {
        let attrs = [r.influence.map { "influence \($0.rawValue)" }, r.stance.map { "stance \($0.rawValue)" }].compactMap { $0 }
        return "\(r.role.rawValue) \(r.stakeholder)" + (attrs.isEmpty ? "" : " (\(attrs.joined(separator: ", ")))")
    }

    static func planLine(_ p: CaseKeyPlanItem) -> String {
        ([p.rule, p.stakeholder] + [p.role?.rawValue, p.stage].compactMap { $0 }).joined(separator: " · ")
    }

    static func weightsLine(_ w: CaseWeights, _ lang: Language) -> String {
        CaseCriterion.allCases.map { "\(criterion($0, lang)) \(w.weight($0))" }.joined(separator: " · ") + " = \(w.total)"
    }

    /// The model answer as text: weights, the real decision chain, coverage,
    /// moments of truth and plan items, each with its reason, then the debrief.
    public static func answerText(_ file: CaseFile, _ lang: Language, width: Int = 100) -> String {
        let k = file.key
        var out = l("Model answer", "参考答案", lang) + ": \(file.title.text(lang)) (\(file.id))\n"
        out += l("Weights", "分值", lang) + ": " + weightsLine(k.weights, lang) + "\n\n"
        out += l("Decision chain", "决策链", lang) + "\n"
        for r in k.roles { out += "  " + roleLine(r) + "\n" + wrapped(r.why.text(lang), indent: "      ", width: width) }
        out += "\n" + l("Coverage", "覆盖", lang) + ": " + k.coverage.joined(separator: ", ") + "\n\n"
        out += l("Moment of truth", "关键时刻", lang) + "\n"
        for m in k.momentsOfTruth { out += "  \(m.stakeholder) @ \(m.stage)\n" + wrapped(m.why.text(lang), indent: "      ", width: width) }
        out += "\n" + l("Plan", "计划", lang) + "\n"
        for p in k.plan { out += "  " + planLine(p) + "\n" + wrapped(p.why.text(lang), indent: "      ", width: width) }
        out += "\n" + l("Debrief", "复盘", lang) + "\n" + wrapped(k.debrief.text(lang), indent: "  ", width: width)
        return out
    }

    /// The model answer as Markdown.
    public static func answerMarkdown(_ file: CaseFile, _ lang: Language) -> String {
        let e = Escape.markdown, k = file.key
        var out = "# \(l("Model answer", "参考答案", lang)): \(e(file.title.text(lang)))\n\n"
        out += "\(l("Weights", "分值", lang)): \(e(weightsLine(k.weights, lang)))\n\n"
        out += "## \(l("Decision chain", "决策链", lang))\n\n| \(l("role", "角色", lang)) | \(l("stakeholder", "干系人", lang)) | \(l("why", "理由", lang)) |\n|---|---|---|\n"
        for r in k.roles {
            let attrs = [r.influence.map { "influence \($0.rawValue)" }, r.stance.map { "stance \($0.rawValue)" }].compactMap { $0 }
            out += "| \(r.role.rawValue) | \(e(r.stakeholder))\(attrs.isEmpty ? "" : " (" + attrs.joined(separator: ", ") + ")") | \(e(r.why.text(lang))) |\n"
        }
        out += "\n\(l("Coverage", "覆盖", lang)): " + k.coverage.map(e).joined(separator: ", ") + "\n\n"
        out += "## \(l("Moment of truth", "关键时刻", lang))\n\n"
        for m in k.momentsOfTruth { out += "- **\(e(m.stakeholder)) @ \(e(m.stage))**: \(e(m.why.text(lang)))\n" }
        out += "\n## \(l("Plan", "计划", lang))\n\n"
        for p in k.plan { out += "- **\(e(planLine(p)))**: \(e(p.why.text(lang)))\n" }
        out += "\n## \(l("Debrief", "复盘", lang))\n\n\(e(k.debrief.text(lang)))\n"
        return out
    }

    /// The model answer as JSON: the case's id, title, kind and its answer key in the case format.
    public static func answerJSON(_ file: CaseFile) throws -> String {
        struct Answer: Encodable { let id: String; let title: CaseText; let kind: AccountKind; let key: CaseKey }
        return try JSONOutput.encode(Answer(id: file.id, title: file.title, kind: file.kind, key: file.key))
    }

    // MARK: - grade (a trainee's score and debrief)

    /// A grade as text: points per criterion, every finding, then the debrief
    /// of lost points with the key's reasons, and the model answer.
    public static func gradeText(_ g: CaseGrade, width: Int = 100) -> String {
        let lang = g.language
        var out = l("Case", "案例", lang) + " \(g.caseID): \(g.title)\n"
        out += l("Trainee", "学员", lang) + " \(g.trainee) · " + l("round \(g.round) of \(g.rounds)", "第 \(g.round) / \(g.rounds) 轮", lang) + "\n\n"
        var table = TextTable(headers: [l("criterion", "评分项", lang), l("points", "得分", lang), l("of", "满分", lang)],
                              alignments: [.left, .right, .right])
        for s in g.scores { table.append([criterion(s.criterion, lang), points(s.earned), String(s.weight)]) }
        table.append([l("total", "总分", lang), points(g.total), String(g.possible)])
        out += table.render() + "\n"
        for s in g.scores where !s.findings.isEmpty {
            out += criterion(s.criterion, lang) + "\n"
            for f in s.findings {
                let mark = f.lost > 0 ? "-" + points(f.lost) : "ok"
                out += wrapped("\(mark)  \(f.subject): \(f.note)", indent: "  ", width: width)
            }
        }
        let lost = g.lostPoints
        out += "\n" + l("Debrief: every lost point", "复盘：每一处失分", lang) + "\n"
        if lost.isEmpty { out += "  " + l("No points lost.", "没有失分。", lang) + "\n" }
        for f in lost {
            out += wrapped("-\(points(f.lost)) \(criterion(f.criterion, lang)) · \(f.subject): \(f.note)", indent: "  ", width: width)
            if let why = f.why, !why.isEmpty { out += wrapped(l("why: ", "原因：", lang) + why, indent: "      ", width: width) }
        }
        out += "\n" + l("Model answer", "参考答案", lang) + "\n" + wrapped(g.modelAnswer, indent: "  ", width: width)
        return out
    }

    /// A grade as Markdown.
    public static func gradeMarkdown(_ g: CaseGrade) -> String {
        let lang = g.language, e = Escape.markdown
        var out = "# \(l("Case", "案例", lang)) \(e(g.caseID)): \(e(g.title))\n\n"
        out += "- \(l("trainee", "学员", lang)): \(e(g.trainee))\n- \(l("round", "轮次", lang)): \(g.round) / \(g.rounds)\n\n"
        out += "| \(l("criterion", "评分项", lang)) | \(l("points", "得分", lang)) | \(l("of", "满分", lang)) |\n|---|---:|---:|\n"
        for s in g.scores { out += "| \(criterion(s.criterion, lang)) | \(points(s.earned)) | \(s.weight) |\n" }
        out += "| **\(l("total", "总分", lang))** | **\(points(g.total))** | **\(g.possible)** |\n\n"
        out += "## \(l("Debrief: every lost point", "复盘：每一处失分", lang))\n\n"
        let lost = g.lostPoints
        if lost.isEmpty { out += l("No points lost.", "没有失分。", lang) + "\n" }
        for f in lost {
            out += "- **−\(points(f.lost))** \(criterion(f.criterion, lang)) · \(e(f.subject)): \(e(f.note))"
            if let why = f.why, !why.isEmpty { out += " — \(l("why", "原因", lang)): \(e(why))" }
            out += "\n"
        }
        out += "\n## \(l("Model answer", "参考答案", lang))\n\n\(e(g.modelAnswer))\n"
        return out
    }

    /// A grade as JSON (`case_id`, `trainee`, `round`, `rounds`, `total`,
    /// `possible`, `criteria` with their `findings`, `lost_points`, `model_answer`).
    public static func gradeJSON(_ g: CaseGrade) throws -> String { try JSONOutput.encode(GradeJSON(g)) }

    struct FindingJSON: Encodable {
        let f: CaseFinding
        enum K: String, CodingKey { case criterion, subject, earned, possible, lost, note, why }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(f.criterion, forKey: .criterion); try c.encode(f.subject, forKey: .subject)
            try c.encode(f.earned, forKey: .earned); try c.encode(f.possible, forKey: .possible); try c.encode(f.lost, forKey: .lost)
            try c.encode(f.note, forKey: .note); try c.encode(f.why, forKey: .why)
        }
    }

    struct GradeJSON: Encodable {
        struct Criterion: Encodable { let criterion: CaseCriterion; let weight: Int; let earned: Double; let findings: [FindingJSON] }
        let caseID, title, trainee, modelAnswer: String
        let round, rounds, possible: Int
        let total: Double
        let criteria: [Criterion]
        let lostPoints: [FindingJSON]
        init(_ g: CaseGrade) {
            caseID = g.caseID; title = g.title; trainee = g.trainee; modelAnswer = g.modelAnswer
            round = g.round; rounds = g.rounds; possible = g.possible; total = g.total
            criteria = g.scores.map { Criterion(criterion: $0.criterion, weight: $0.weight, earned: $0.earned, findings: $0.findings.map(FindingJSON.init)) }
            lostPoints = g.lostPoints.map(FindingJSON.init)
        }
        enum CodingKeys: String, CodingKey {
            case caseID = "case_id", title, trainee, modelAnswer = "model_answer", round, rounds, possible, total, criteria
            case lostPoints = "lost_points"
        }
    }

    // MARK: - board (the class at a glance)

    static func boardRows(_ b: CaseBoard) -> [[String]] {
        b.rows.map { r in
            [r.trainee, "\(r.round)/\(r.rounds)"] + CaseCriterion.allCases.map { points(r.scores[$0] ?? 0) } + [points(r.total)]
        }
    }

    static func boardHeaders(_ b: CaseBoard, _ lang: Language) -> [String] {
        [l("trainee", "学员", lang), l("round", "轮次", lang)]
            + CaseCriterion.allCases.map { "\(criterion($0, lang)) /\(b.weights.weight($0))" } + [l("total", "总分", lang) + " /\(b.weights.total)"]
    }

    /// The board as a text table, one line per trainee.
    public static func boardText(_ b: CaseBoard, _ lang: Language) -> String {
        var out = l("Class board", "班级看板", lang) + ": \(b.title) (\(b.caseID))\n"
        guard !b.rows.isEmpty else { return out + l("No trainee has started this case.", "还没有学员开始这个案例。", lang) + "\n" }
        var table = TextTable(headers: boardHeaders(b, lang), alignments: [.left, .right, .right, .right, .right, .right, .right])
        boardRows(b).forEach { table.append($0) }
        return out + table.render()
    }

    /// The board as a Markdown table.
    public static func boardMarkdown(_ b: CaseBoard, _ lang: Language) -> String {
        var out = "# \(l("Class board", "班级看板", lang)): \(Escape.markdown(b.title))\n\n"
        guard !b.rows.isEmpty else { return out + l("No trainee has started this case.", "还没有学员开始这个案例。", lang) + "\n" }
        let headers = boardHeaders(b, lang)
        out += "| " + headers.joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: headers.count - 1) + "\n"
        for row in boardRows(b) { out += "| " + row.map(Escape.markdown).joined(separator: " | ") + " |\n" }
        return out
    }

    /// The board as CSV: trainee, round, rounds, one column per criterion, total.
    public static func boardCSV(_ b: CaseBoard) -> String {
        Escape.csv(header: ["trainee", "round", "rounds"] + CaseCriterion.allCases.map(\.rawValue) + ["total"],
                   rows: b.rows.map { r in
                       [r.trainee, String(r.round), String(r.rounds)] + CaseCriterion.allCases.map { points(r.scores[$0] ?? 0) } + [points(r.total)]
                   })
    }

    /// The board as JSON: `case_id`, `title`, `weights`, `possible` and one object per trainee.
    public static func boardJSON(_ b: CaseBoard) throws -> String {
        struct Row: Encodable {
            let trainee: String; let round, rounds: Int; let roles, coverage, moment, plan, total: Double
        }
        struct Board: Encodable {
            let caseID, title: String; let weights: CaseWeights; let possible: Int; let trainees: [Row]
            enum CodingKeys: String, CodingKey { case caseID = "case_id", title, weights, possible, trainees }
        }
        return try JSONOutput.encode(Board(caseID: b.caseID, title: b.title, weights: b.weights, possible: b.weights.total, trainees: b.rows.map {
            Row(trainee: $0.trainee, round: $0.round, rounds: $0.rounds, roles: $0.scores[.roles] ?? 0, coverage: $0.scores[.coverage] ?? 0,
                moment: $0.scores[.moment] ?? 0, plan: $0.scores[.plan] ?? 0, total: $0.total)
        }))
    }

    // MARK: - validation problems

    /// `FILE: $.path: problem`, one line per problem.
    public static func problems(_ problems: [CaseProblem], file: String) -> String {
        problems.map { "\(file): \($0.path): \($0.message)\n" }.joined()
    }
}
