import Foundation

/// One thing wrong with a case file, at a JSON path such as
/// `$.touchpoints[3].participants[0].stakeholder`.
public struct CaseProblem: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    /// `$.path: message`.
    public var description: String { "\(path): \(message)" }
}

/// What reading a case file gave: the case when it has no problems, else every problem.
public struct CaseValidation: Sendable {
    public var file: CaseFile?
    public var problems: [CaseProblem]
}

/// Reads and checks a case file in one pass over its JSON, so every problem
/// is reported with its path (missing fields, wrong types, unknown values,
/// names that refer to nobody, rounds out of range), not only the first one.
/// Pure: the pipelines' stage keys are passed in.
public enum CaseValidator {
    /// The stage keys of the pipelines that ship (Schema/0003_seed_pipelines.sql),
    /// for checking a file without a database. `case start` passes the database's own.
    public static let shippedPipelines: [String: [String]] = [
        "government": ["needs", "approval", "intention", "specification", "tender-notice", "bidding", "evaluation",
                       "award", "contract", "implementation", "operation"],
        "enterprise": ["discovery", "solution", "proposal", "negotiation", "contract", "onboarding", "adoption", "renewal"],
    ]

    /// Parses and checks a case document.
    public static func parse(_ data: Data, pipelines: [String: [String]] = shippedPipelines) -> CaseValidation {
        let root: JSONNode
        do {
            root = try JSONDecoder().decode(JSONNode.self, from: data)
        } catch {
            return CaseValidation(file: nil, problems: [CaseProblem(path: "$", message: "is not valid JSON (\(syntaxError(data, error)))")])
        }
        var reader = CaseReader(pipelines: pipelines)
        let file = reader.file(root)
        return CaseValidation(file: reader.problems.isEmpty ? file : nil, problems: reader.problems)
    }

    /// Parses and checks a case document given as text.
    public static func parse(_ text: String, pipelines: [String: [String]] = shippedPipelines) -> CaseValidation {
        parse(Data(text.utf8), pipelines: pipelines)
    }

    /// Where a document stops being JSON: JSONSerialization names the
    /// character; the line number is what an editor shows.
    static func syntaxError(_ data: Data, _ decodingError: Error) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let e = error as NSError
            guard let detail = e.userInfo[NSDebugDescriptionErrorKey] as? String else { return e.localizedDescription }
            guard let r = detail.range(of: "character [0-9]+", options: .regularExpression),
                  let offset = Int(detail[r].dropFirst("character ".count)) else { return detail }
            let line = data.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count + 1
            return detail.trimmingCharacters(in: CharacterSet(charactersIn: ".")) + ", line \(line)"
        }
        return String(describing: decodingError)
    }
}

/// A JSON value as parsed, before it is read into the model.
enum JSONNode: Decodable {
    case null, bool(Bool), int(Int), number(Double), string(String), array([JSONNode]), object([String: JSONNode])

    init(from decoder: Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [JSONNode] = []
            while !list.isAtEnd { items.append(try list.decode(JSONNode.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: JSONNode] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONNode.self, forKey: key) }
            self = .object(fields)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let b = try? value.decode(Bool.self) { self = .bool(b) }
        else if let i = try? value.decode(Int.self) { self = .int(i) }
        else if let d = try? value.decode(Double.self) { self = .number(d) }
        else { self = .string(try value.decode(String.self)) }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// What a user would call this kind of value, for messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .int, .number: "a number"
        case .string: "a text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// The one pass over a case document: reads each part in a fixed order (so
/// later parts can check names against earlier ones) and records problems.
struct CaseReader {
    let pipelines: [String: [String]]
    var problems: [CaseProblem] = []

    // What earlier parts defined, for checking references.
    var unitNames: Set<String> = []
    var stakeholderNames: Set<String> = []
    var stageKeys: [String] = []
    var roundCount = 0

    init(pipelines: [String: [String]]) { self.pipelines = pipelines }

    mutating func problem(_ path: String, _ message: String) { problems.append(CaseProblem(path: path, message: message)) }

    // MARK: - the document

    mutating func file(_ root: JSONNode) -> CaseFile? {
        guard let o = object(root, "$", "a case", ["format", "id", "title", "brief", "account", "units", "stakeholders", "deal",
                                                      "rounds", "touchpoints", "key"]) else { return nil }
        let format = string(o, "format", "$")
        if let format, format != CaseFile.currentFormat {
            problem("$.format", "is \"\(format)\"; this dchain reads \"\(CaseFile.currentFormat)\"")
        }
        let id = string(o, "id", "$")
        if let id, id.range(of: "^[a-z0-9][a-z0-9-]{0,39}$", options: .regularExpression) == nil {
            problem("$.id", "\"\(id)\" must be lower-case letters, digits and - (at most 40)")
        }
        let title = text(o, "title", "$")
        let brief = text(o, "brief", "$")
        let account = self.account(o["account"], "$.account")
        let units = list(o, "units", "$").enumerated().map { unit($1, "$.units[\($0)]") }
        let people = list(o, "stakeholders", "$", nonEmpty: true).enumerated().map { stakeholder($1, "$.stakeholders[\($0)]") }
        // Rounds first: the deal's stage entries and the touchpoints name them.
        let rounds = list(o, "rounds", "$", nonEmpty: true).enumerated().map { round($1, "$.rounds[\($0)]") }
        roundCount = rounds.count
        checkDays(rounds.map { $0?.today }, "$.rounds", field: "today", what: "round")
        let deal = self.deal(o["deal"], "$.deal")
        let touchpoints = list(o, "touchpoints", "$").enumerated().map { touchpoint($1, "$.touchpoints[\($0)]") }
        checkTouchpointOrder(touchpoints, rounds: rounds)
        checkRoundsRelease(deal: deal, touchpoints: touchpoints)
        let key = self.key(o["key"], "$.key")

        guard let id, let format, let title, let brief, let account, let deal, let key,
              let units = all(units), let people = all(people), let rounds = all(rounds), let touchpoints = all(touchpoints)
        else { return nil }
        return CaseFile(format: format, id: id, title: title, brief: brief, account: account, units: units, stakeholders: people,
                        deal: deal, rounds: rounds, touchpoints: touchpoints, key: key)
    }

    mutating func account(_ node: JSONNode?, _ path: String) -> CaseAccount? {
        guard let o = object(node, path, "the account", ["name", "kind", "code", "region", "industry"]) else { return nil }
        let name = string(o, "name", path)
        let kind = value(o, "kind", path, AccountKind.self)
        let code = string(o, "code", path, required: false)
        let region = string(o, "region", path, required: false)
        let industry = string(o, "industry", path, required: false)
        guard let name, let kind else { return nil }
        return CaseAccount(name: name, kind: kind, code: code, region: region, industry: industry)
    }

    mutating func unit(_ node: JSONNode, _ path: String) -> CaseUnit? {
        guard let o = object(node, path, "a unit", ["name", "parent"]) else { return nil }
        let name = string(o, "name", path)
        let parent = string(o, "parent", path, required: false)
        if let parent, !unitNames.contains(parent) {
            problem(path + ".parent", "names \"\(parent)\", which is not a unit listed before this one")
        }
        guard let name else { return nil }
        if !unitNames.insert(name).inserted { problem(path + ".name", "\"\(name)\" is listed twice") }
        return CaseUnit(name: name, parent: parent)
    }

    mutating func stakeholder(_ node: JSONNode, _ path: String) -> CaseStakeholder? {
        guard let o = object(node, path, "a stakeholder", ["name", "title", "unit", "level", "reports_to", "channel", "email",
                                                             "phone", "wechat"]) else { return nil }
        let name = string(o, "name", path)
        let title = string(o, "title", path)
        let unit = string(o, "unit", path, required: false)
        if let unit, !unitNames.contains(unit) { problem(path + ".unit", "names \"\(unit)\", which is not among the units") }
        let level = value(o, "level", path, Level.self, required: false)
        let boss = string(o, "reports_to", path, required: false)
        if let boss, !stakeholderNames.contains(boss) {
            problem(path + ".reports_to", "names \"\(boss)\", who is not a stakeholder listed before this one")
        }
        let channel = value(o, "channel", path, Channel.self, required: false)
        let email = string(o, "email", path, required: false)
        let phone = string(o, "phone", path, required: false)
        let wechat = string(o, "wechat", path, required: false)
        guard let name, let title else { return nil }
        if !stakeholderNames.insert(name).inserted { problem(path + ".name", "\"\(name)\" is listed twice; names must be unique") }
        return CaseStakeholder(name: name, title: title, unit: unit, level: level, reportsTo: boss, channel: channel,
                               email: email, phone: phone, wechat: wechat)
    }

    mutating func deal(_ node: JSONNode?, _ path: String) -> CaseDeal? {
        guard let o = object(node, path, "the deal", ["name", "pipeline", "method", "amount", "currency", "close_by", "stages"])
        else { return nil }
        let name = string(o, "name", path)
        let pipeline = string(o, "pipeline", path)
        if let pipeline {
            if let keys = pipelines[pipeline] { stageKeys = keys } else {
                problem(path + ".pipeline", "\"\(pipeline)\" is not one of " + pipelines.keys.sorted().joined(separator: ", "))
            }
        }
        let method = value(o, "method", path, ProcurementMethod.self, required: false)
        let amount = number(o, "amount", path, required: false)
        if let amount, amount < 0 { problem(path + ".amount", "must not be negative") }
        let currency = string(o, "currency", path, required: false)
        if let currency, currency.range(of: "^[A-Z]{3}$", options: .regularExpression) == nil {
            problem(path + ".currency", "\"\(currency)\" is not a three-letter currency code such as CNY")
        }
        let closeBy = day(o, "close_by", path, required: false)
        let stages = list(o, "stages", path, nonEmpty: true).enumerated().map { stageEntry($1, "\(path).stages[\($0)]") }
        checkDays(stages.map { $0?.entered }, path + ".stages", field: "entered", what: "stage entry")
        checkRoundOrder(stages.map { $0?.round }, path + ".stages")
        if let first = stages.first ?? nil, first.round != 1 {
            problem(path + ".stages[0].round", "is \(first.round); the deal's first stage must be known from round 1")
        }
        guard let name, let pipeline, let stages = all(stages) else { return nil }
        return CaseDeal(name: name, pipeline: pipeline, method: method, amount: amount, currency: currency, closeBy: closeBy, stages: stages)
    }

    mutating func stageEntry(_ node: JSONNode, _ path: String) -> CaseStageEntry? {
        guard let o = object(node, path, "a stage entry", ["stage", "entered", "round"]) else { return nil }
        let stage = self.stage(o, "stage", path)
        let entered = day(o, "entered", path)
        let round = self.roundNumber(o, path)
        guard let stage, let entered, let round else { return nil }
        return CaseStageEntry(stage: stage, entered: entered, round: round)
    }

    mutating func round(_ node: JSONNode, _ path: String) -> CaseRound? {
        guard let o = object(node, path, "a round", ["title", "today", "brief"]) else { return nil }
        let title = text(o, "title", path)
        let today = day(o, "today", path)
        let brief = text(o, "brief", path, required: false)
        guard let title, let today else { return nil }
        return CaseRound(title: title, today: today, brief: brief)
    }

    mutating func touchpoint(_ node: JSONNode, _ path: String) -> CaseTouchpoint? {
        guard let o = object(node, path, "a touchpoint", ["round", "at", "channel", "direction", "summary", "response",
                                                            "participants", "pain_points"]) else { return nil }
        let round = roundNumber(o, path)
        let at = time(o, "at", path)
        let channel = value(o, "channel", path, Channel.self)
        let direction = value(o, "direction", path, Direction.self, required: false)
        let summary = string(o, "summary", path, required: false)
        let response = string(o, "response", path, required: false)
        let participants = list(o, "participants", path, nonEmpty: true).enumerated().map { participant($1, "\(path).participants[\($0)]") }
        var seen = Set<String>()
        for (i, p) in participants.enumerated() {
            if let p, !seen.insert(p.stakeholder).inserted {
                problem("\(path).participants[\(i)].stakeholder", "\"\(p.stakeholder)\" takes part twice in this touchpoint")
            }
        }
        let pains = list(o, "pain_points", path, required: false).enumerated().map { pain($1, "\(path).pain_points[\($0)]", participants: seen) }
        guard let round, let at, let channel, let participants = all(participants), let pains = all(pains) else { return nil }
        return CaseTouchpoint(round: round, at: at, channel: channel, direction: direction, summary: summary, response: response,
                              participants: participants, painPoints: pains)
    }

    mutating func participant(_ node: JSONNode, _ path: String) -> CaseParticipant? {
        guard let o = object(node, path, "a participant", ["stakeholder", "emotion", "label", "quote"]) else { return nil }
        let name = person(o, "stakeholder", path)
        var emotion: Emotion?
        if let e = integer(o, "emotion", path, required: false) {
            emotion = Emotion(e)
            if emotion == nil { problem(path + ".emotion", "\(e) is outside -3...3 (leave it out or null when unknown)") }
        }
        let label = string(o, "label", path, required: false)
        let quote = string(o, "quote", path, required: false)
        guard let name else { return nil }
        return CaseParticipant(stakeholder: name, emotion: emotion, label: label, quote: quote)
    }

    mutating func pain(_ node: JSONNode, _ path: String, participants: Set<String>) -> CasePainPoint? {
        guard let o = object(node, path, "a pain point", ["stakeholder", "kind", "text", "severity"]) else { return nil }
        let name = person(o, "stakeholder", path)
        if let name, stakeholderNames.contains(name), !participants.contains(name) {
            problem(path + ".stakeholder", "\"\(name)\" raises it but is not a participant of this touchpoint")
        }
        let kind = value(o, "kind", path, PainKind.self, required: false)
        let text = string(o, "text", path)
        let severity = value(o, "severity", path, Severity.self, required: false)
        guard let name, let text else { return nil }
        return CasePainPoint(stakeholder: name, kind: kind, text: text, severity: severity)
    }

    // MARK: - the answer key

    mutating func key(_ node: JSONNode?, _ path: String) -> CaseKey? {
        guard let o = object(node, path, "the answer key", ["weights", "roles", "coverage", "moments_of_truth", "plan", "debrief"])
        else { return nil }
        let weights = self.weights(o["weights"], path + ".weights")
        let roles = list(o, "roles", path, nonEmpty: true).enumerated().map { keyRole($1, "\(path).roles[\($0)]") }
        let ebs = roles.enumerated().filter { $0.element?.role == .eb }
        for (i, _) in ebs.dropFirst() { problem("\(path).roles[\(i)].role", "is a second EB; a deal has one economic buyer") }
        var pairs = Set<String>()
        for (i, r) in roles.enumerated() {
            if let r, !pairs.insert(r.stakeholder + "\u{1}" + r.role.rawValue).inserted {
                problem("\(path).roles[\(i)]", "gives \(r.stakeholder) the role \(r.role.rawValue) twice")
            }
        }
        var coverage: [String?] = []
        var covered = Set<String>()
        for (i, n) in list(o, "coverage", path).enumerated() {
            let p = "\(path).coverage[\(i)]"
            guard case let .string(name) = n else { problem(p, "must be a stakeholder's name (a text), not \(n.kindName)"); coverage.append(nil); continue }
            if !stakeholderNames.contains(name) { problem(p, unknownPerson(name)) }
            else if !covered.insert(name).inserted { problem(p, "\"\(name)\" is listed twice") }
            coverage.append(name)
        }
        let moments = list(o, "moments_of_truth", path).enumerated().map { keyMoment($1, "\(path).moments_of_truth[\($0)]") }
        let plan = list(o, "plan", path).enumerated().map { keyPlanItem($1, "\(path).plan[\($0)]") }
        let debrief = text(o, "debrief", path)
        if let weights {
            let parts: [(Int, Int, String)] = [(weights.coverage, coverage.count, "coverage"),
                                               (weights.moment, moments.count, "moments_of_truth"), (weights.plan, plan.count, "plan")]
            for (w, n, name) in parts where w > 0 && n == 0 {
                problem("\(path).\(name)", "is empty but weighs \(w) points; list what earns them or set the weight to 0")
            }
        }
        guard let weights, let debrief, let roles = all(roles), let coverage = all(coverage), let moments = all(moments),
              let plan = all(plan) else { return nil }
        return CaseKey(weights: weights, roles: roles, coverage: coverage, momentsOfTruth: moments, plan: plan, debrief: debrief)
    }

    mutating func weights(_ node: JSONNode?, _ path: String) -> CaseWeights? {
        guard let o = object(node, path, "the weights", ["roles", "coverage", "moment", "plan"]) else { return nil }
        var values: [Int] = []
        for name in ["roles", "coverage", "moment", "plan"] {
            guard let v = integer(o, name, path) else { continue }
            if v < 0 { problem("\(path).\(name)", "must not be negative") }
            values.append(v)
        }
        guard values.count == 4 else { return nil }
        if values.reduce(0, +) <= 0 { problem(path, "add up to 0; a case needs points to score") }
        return CaseWeights(roles: values[0], coverage: values[1], moment: values[2], plan: values[3])
    }

    mutating func keyRole(_ node: JSONNode, _ path: String) -> CaseKeyRole? {
        guard let o = object(node, path, "a key role", ["stakeholder", "role", "influence", "stance", "why"]) else { return nil }
        let name = person(o, "stakeholder", path)
        var role: Role?
        if let r = string(o, "role", path) {
            role = Role(loose: r)
            if role == nil { problem(path + ".role", "\"\(r)\" is not one of " + Role.allCases.map(\.rawValue).joined(separator: ", ")) }
        }
        let influence = value(o, "influence", path, Influence.self, required: false)
        let stance = value(o, "stance", path, Stance.self, required: false)
        let why = text(o, "why", path)
        guard let name, let role, let why else { return nil }
        return CaseKeyRole(stakeholder: name, role: role, influence: influence, stance: stance, why: why)
    }

    mutating func keyMoment(_ node: JSONNode, _ path: String) -> CaseKeyMoment? {
        guard let o = object(node, path, "a moment of truth", ["stage", "stakeholder", "why"]) else { return nil }
        let stage = self.stage(o, "stage", path)
        let name = person(o, "stakeholder", path)
        let why = text(o, "why", path)
        guard let stage, let name, let why else { return nil }
        return CaseKeyMoment(stage: stage, stakeholder: name, why: why)
    }

    mutating func keyPlanItem(_ node: JSONNode, _ path: String) -> CaseKeyPlanItem? {
        guard let o = object(node, path, "a key plan item", ["rule", "stakeholder", "role", "stage", "why"]) else { return nil }
        let rule = string(o, "rule", path)
        if let rule, !PlanRules.ruleIDs.contains(rule) {
            problem(path + ".rule", "\"\(rule)\" is not a plan rule (" + PlanRules.ruleIDs.joined(separator: ", ") + ")")
        }
        let name = person(o, "stakeholder", path)
        var role: Role?
        if let r = string(o, "role", path, required: false) {
            role = Role(loose: r)
            if role == nil { problem(path + ".role", "\"\(r)\" is not one of " + Role.allCases.map(\.rawValue).joined(separator: ", ")) }
        }
        let stage = self.stage(o, "stage", path, required: false)
        let why = text(o, "why", path)
        guard let rule, let name, let why else { return nil }
        return CaseKeyPlanItem(rule: rule, stakeholder: name, role: role, stage: stage, why: why)
    }

    // MARK: - checks across items

    /// Dates must not go back in time from one item to the next.
    mutating func checkDays(_ days: [Day?], _ path: String, field: String, what: String) {
        var last: Day?
        for (i, d) in days.enumerated() {
            guard let d else { continue }
            if let last, d < last { problem("\(path)[\(i)].\(field)", "\(d) is before the \(what) above it (\(last))") }
            last = d
        }
    }

    /// Rounds must not go back from one item to the next.
    mutating func checkRoundOrder(_ rounds: [Int?], _ path: String) {
        var last = 0
        for (i, r) in rounds.enumerated() {
            guard let r else { continue }
            if r < last { problem("\(path)[\(i)].round", "is \(r), after an item of round \(last); list items in round order") }
            last = max(last, r)
        }
    }

    /// Touchpoints in time and round order, each no later than its round's day.
    mutating func checkTouchpointOrder(_ touchpoints: [CaseTouchpoint?], rounds: [CaseRound?]) {
        var last: LocalTime?
        for (i, t) in touchpoints.enumerated() {
            guard let t else { continue }
            if let last, t.at < last { problem("$.touchpoints[\(i)].at", "\(t.at) is before the touchpoint above it (\(last))") }
            last = t.at
            if rounds.indices.contains(t.round - 1), let today = rounds[t.round - 1]?.today, today < t.at.day {
                problem("$.touchpoints[\(i)].at", "\(t.at) is after round \(t.round)'s day (\(today)); trainees would see the future")
            }
        }
        checkRoundOrder(touchpoints.map { $0?.round }, "$.touchpoints")
    }

    /// Every round must release something, or `case next` would show nothing.
    mutating func checkRoundsRelease(deal: CaseDeal?, touchpoints: [CaseTouchpoint?]) {
        guard roundCount > 0 else { return }
        let used = Set(touchpoints.compactMap { $0?.round } + (deal?.stages.map(\.round) ?? []))
        for r in 1...roundCount where !used.contains(r) {
            problem("$.rounds[\(r - 1)]", "releases nothing: no touchpoint or stage entry names round \(r)")
        }
    }

    // MARK: - fields

    /// An object with only the known fields; nil (with a problem) otherwise.
    mutating func object(_ node: JSONNode?, _ path: String, _ what: String, _ fields: [String]) -> [String: JSONNode]? {
        guard let node else { problem(path, "is missing"); return nil }
        guard case let .object(o) = node else { problem(path, "must be \(what) (an object), not \(node.kindName)"); return nil }
        for k in o.keys.sorted() where !fields.contains(k) {
            problem(path + "." + k, "is not a field of \(what) (known: \(fields.joined(separator: ", ")))")
        }
        return o
    }

    /// A field's node: nil when absent or null; a problem when required and absent.
    mutating func field(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool) -> JSONNode? {
        switch o[key] {
        case nil, .null?:
            if required { problem(path + "." + key, o[key] == nil ? "is missing" : "must not be null") }
            return nil
        case let n?: return n
        }
    }

    mutating func string(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true) -> String? {
        guard let n = field(o, key, path, required: required) else { return nil }
        guard case let .string(s) = n else { problem(path + "." + key, "must be a text, not \(n.kindName)"); return nil }
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problem(path + "." + key, "must not be empty"); return nil }
        return s
    }

    mutating func integer(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true) -> Int? {
        guard let n = field(o, key, path, required: required) else { return nil }
        guard case let .int(i) = n else { problem(path + "." + key, "must be a whole number, not \(n.kindName)"); return nil }
        return i
    }

    mutating func number(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true) -> Double? {
        guard let n = field(o, key, path, required: required) else { return nil }
        switch n {
        case let .int(i): return Double(i)
        case let .number(d): return d
        default: problem(path + "." + key, "must be a number, not \(n.kindName)"); return nil
        }
    }

    mutating func value<E: RawRepresentable & CaseIterable>(_ o: [String: JSONNode], _ key: String, _ path: String, _ type: E.Type,
                                                           required: Bool = true) -> E? where E.RawValue == String {
        guard let s = string(o, key, path, required: required) else { return nil }
        guard let v = E(rawValue: s) else {
            problem(path + "." + key, "\"\(s)\" is not one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return v
    }

    mutating func day(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true) -> Day? {
        guard let s = string(o, key, path, required: required) else { return nil }
        guard let d = Day(s) else { problem(path + "." + key, "\"\(s)\" is not a date (YYYY-MM-DD)"); return nil }
        return d
    }

    mutating func time(_ o: [String: JSONNode], _ key: String, _ path: String) -> LocalTime? {
        guard let s = string(o, key, path) else { return nil }
        guard let t = LocalTime(s) else { problem(path + "." + key, "\"\(s)\" is not a date-time (YYYY-MM-DD HH:MM)"); return nil }
        return t
    }

    /// A bilingual text: an object with non-empty `en` and `zh`.
    mutating func text(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true) -> CaseText? {
        guard let n = field(o, key, path, required: required) else { return nil }
        let p = path + "." + key
        guard let t = object(n, p, "a bilingual text", ["en", "zh"]) else { return nil }
        let en = string(t, "en", p), zh = string(t, "zh", p)
        guard let en, let zh else { return nil }
        return CaseText(en: en, zh: zh)
    }

    /// A list; a problem when required and absent or (with `nonEmpty`) empty.
    mutating func list(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true, nonEmpty: Bool = false) -> [JSONNode] {
        guard let n = field(o, key, path, required: required) else { return [] }
        guard case let .array(items) = n else { problem(path + "." + key, "must be a list, not \(n.kindName)"); return [] }
        if nonEmpty && items.isEmpty { problem(path + "." + key, "must not be empty") }
        return items
    }

    /// A stakeholder's name that must refer to one of the case's stakeholders.
    mutating func person(_ o: [String: JSONNode], _ key: String, _ path: String) -> String? {
        guard let name = string(o, key, path) else { return nil }
        if !stakeholderNames.contains(name) { problem(path + "." + key, unknownPerson(name)); return nil }
        return name
    }

    func unknownPerson(_ name: String) -> String { "names \"\(name)\", who is not among the stakeholders" }

    /// A stage key of the deal's pipeline.
    mutating func stage(_ o: [String: JSONNode], _ key: String, _ path: String, required: Bool = true) -> String? {
        guard let s = string(o, key, path, required: required) else { return nil }
        if !stageKeys.isEmpty && !stageKeys.contains(s) {
            problem(path + "." + key, "\"\(s)\" is not a stage of the deal's pipeline (" + stageKeys.joined(separator: ", ") + ")")
            return nil
        }
        return s
    }

    /// `round`: a whole number within the case's rounds.
    mutating func roundNumber(_ o: [String: JSONNode], _ path: String) -> Int? {
        guard let r = integer(o, "round", path) else { return nil }
        guard (1...max(roundCount, 1)).contains(r) else {
            problem(path + ".round", "is \(r); the case has \(roundCount) round\(roundCount == 1 ? "" : "s")")
            return nil
        }
        return r
    }

    /// The values when every one was read; nil when any failed.
    func all<T>(_ items: [T?]) -> [T]? {
        let present = items.compactMap { $0 }
        return present.count == items.count ? present : nil
    }
}
