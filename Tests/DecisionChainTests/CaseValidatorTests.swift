import Foundation
import Testing
@testable import DecisionChain

/// A shipped case document as a mutable JSON tree, for breaking it on purpose.
private func tree(_ id: String = "gov-contract-dip") throws -> [String: Any] {
    let json = try #require(ShippedCases.document(id))
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

private func parse(_ tree: [String: Any]) throws -> CaseValidation {
    CaseValidator.parse(try JSONSerialization.data(withJSONObject: tree))
}

/// Sets a value at a path of keys and indices inside a JSON tree (nil removes the key).
private func set(_ node: Any, _ path: [Any], _ value: Any?) -> Any {
    guard let head = path.first else { return value as Any }
    if let key = head as? String, var object = node as? [String: Any] {
        if path.count == 1 && value == nil { object.removeValue(forKey: key) } else { object[key] = set(object[key] as Any, Array(path.dropFirst()), value) }
        return object
    }
    if let index = head as? Int, var list = node as? [Any] {
        list[index] = set(list[index], Array(path.dropFirst()), value)
        return list
    }
    return node
}

@Suite("Case files: the shipped cases")
struct ShippedCaseTests {
    @Test("every shipped case validates, with a key that names real people and stages", arguments: ShippedCases.ids)
    func validates(id: String) throws {
        let result = CaseValidator.parse(try #require(ShippedCases.document(id)))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let file = try #require(result.file)
        #expect(file.id == id)
        #expect(file.rounds.count >= 2)
        #expect(file.key.weights.total == 100)
        #expect(file.key.roles.filter { $0.role == .eb }.count == 1)
        for role in Role.allCases { #expect(file.key.roles.contains { $0.role == role }, "\(id) has no \(role.rawValue) in its key") }
        // The first round must not give the answer away: the dip comes later.
        let dip = try #require(file.key.momentsOfTruth.first)
        #expect(file.touchpoints(in: 1).allSatisfy { t in !t.participants.contains { $0.stakeholder == dip.stakeholder && ($0.emotion?.value ?? 0) < -1 } })
    }

    @Test("the documents in the binary are the files in cases/, byte for byte", arguments: ShippedCases.ids)
    func sameAsFiles(id: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("cases/\(id).json"), encoding: .utf8)
        #expect(ShippedCases.document(id) == file)
    }

    @Test("the validator reads a file exactly as the Codable model decodes it", arguments: ShippedCases.ids)
    func codableAgrees(id: String) throws {
        let json = try #require(ShippedCases.document(id))
        let decoded = try JSONDecoder().decode(CaseFile.self, from: Data(json.utf8))
        #expect(CaseValidator.parse(json).file == decoded)
        // And what the model encodes reads back the same.
        let again = CaseValidator.parse(try JSONEncoder().encode(decoded))
        #expect(again.file == decoded, "\(again.problems)")
    }

    @Test("case ids are unique and the three kinds the issue asks for ship")
    func kinds() throws {
        #expect(Set(ShippedCases.ids).count == ShippedCases.ids.count)
        let kinds = try ShippedCases.ids.map { try #require(CaseValidator.parse(ShippedCases.document($0)!).file).kind }
        #expect(Set(kinds) == [.government, .enterprise, .soe])
    }
}

@Suite("Case files: bad input names the path and the problem")
struct CaseValidatorTests {
    /// (path to change, new value or nil to remove, expected problem path, words of the message)
    nonisolated(unsafe) static let cases: [([Any], Any?, String, String)] = [
        (["account", "kind"], nil, "$.account.kind", "is missing"),
        (["account", "kind"], "city", "$.account.kind", "\"city\" is not one of government, institution, soe, enterprise"),
        (["key", "roles", 1, "role"], "Boss", "$.key.roles[1].role", "\"Boss\" is not one of EB, TB, UB, Coach"),
        (["touchpoints", 3, "participants", 0, "stakeholder"], "王五", "$.touchpoints[3].participants[0].stakeholder",
         "names \"王五\", who is not among the stakeholders"),
        (["touchpoints", 4, "participants", 0, "emotion"], 5, "$.touchpoints[4].participants[0].emotion", "5 is outside -3...3"),
        (["touchpoints", 4, "participants", 0, "emotion"], "bad", "$.touchpoints[4].participants[0].emotion", "must be a whole number, not a text"),
        (["stakeholders", 2, "titel"], "x", "$.stakeholders[2].titel", "is not a field of a stakeholder"),
        (["stakeholders", 1, "reports_to"], "何静", "$.stakeholders[1].reports_to", "not a stakeholder listed before this one"),
        (["units", 0, "parent"], "信息中心 IT Center", "$.units[0].parent", "not a unit listed before this one"),
        (["deal", "stages", 2, "stage"], "tender", "$.deal.stages[2].stage", "\"tender\" is not a stage of the deal's pipeline"),
        (["deal", "pipeline"], "retail", "$.deal.pipeline", "\"retail\" is not one of enterprise, government"),
        (["touchpoints", 5, "round"], 7, "$.touchpoints[5].round", "is 7; the case has 3 rounds"),
        (["touchpoints", 1, "at"], "2026-04-30 10:00", "$.touchpoints[1].at", "is after round 1's day (2026-04-10)"),
        (["touchpoints", 12, "pain_points", 0, "stakeholder"], "周振华", "$.touchpoints[12].pain_points[0].stakeholder",
         "is not a participant of this touchpoint"),
        (["key", "roles", 1, "role"], "EB", "$.key.roles[1].role", "is a second EB"),
        (["key", "plan", 0, "rule"], "call-them", "$.key.plan[0].rule", "\"call-them\" is not a plan rule"),
        (["key", "moments_of_truth", 0, "stage"], "signing", "$.key.moments_of_truth[0].stage", "is not a stage of the deal's pipeline"),
        (["key", "coverage"], [] as [Any], "$.key.coverage", "is empty but weighs 15 points"),
        (["title", "zh"], nil, "$.title.zh", "is missing"),
        (["title"], "just text", "$.title", "must be a bilingual text (an object), not a text"),
        (["format"], "dchain-case/9", "$.format", "this dchain reads \"dchain-case/1\""),
        (["id"], "Gov Case", "$.id", "must be lower-case letters, digits and -"),
        (["rounds", 1, "today"], "2026-02-30", "$.rounds[1].today", "is not a date (YYYY-MM-DD)"),
    ]

    @Test("one broken field: the file is refused and the problem names its path", arguments: cases.indices)
    func broken(index: Int) throws {
        let (path, value, where_, words) = Self.cases[index]
        let result = try parse(set(try tree(), path, value) as! [String: Any])
        #expect(result.file == nil)
        let problem = try #require(result.problems.first { $0.path == where_ }, "no problem at \(where_) in \(result.problems)")
        #expect(problem.message.contains(words), "\(problem)")
    }

    @Test("every problem is reported at once, in document order, not only the first")
    func allProblems() throws {
        var t = try tree()
        t = set(t, ["account", "kind"], nil) as! [String: Any]
        t = set(t, ["touchpoints", 3, "participants", 0, "stakeholder"], "王五") as! [String: Any]
        t = set(t, ["key", "roles", 0, "role"], "Boss") as! [String: Any]
        let problems = try parse(t).problems
        #expect(problems.map(\.path) == ["$.account.kind", "$.touchpoints[3].participants[0].stakeholder", "$.key.roles[0].role"])
        #expect(problems.map(\.description)[0] == "$.account.kind: is missing")
    }

    @Test("a document that is not JSON is one problem at the root")
    func notJSON() {
        let result = CaseValidator.parse("{\n  \"id\": 3,\n  \"title\" {}\n}")
        #expect(result.file == nil)
        #expect(result.problems.count == 1 && result.problems[0].path == "$" && result.problems[0].message.hasPrefix("is not valid JSON"))
        #expect(result.problems[0].message.contains("line 3"), "\(result.problems)")
        let list = CaseValidator.parse("[1, 2]")
        #expect(list.problems.map(\.description) == ["$: must be a case (an object), not a list"])
    }

    @Test("a stakeholder named twice and a round that releases nothing are refused")
    func duplicatesAndEmptyRounds() throws {
        var t = set(try tree(), ["stakeholders", 1, "name"], "周振华") as! [String: Any]
        var problems = try parse(t).problems
        #expect(problems.contains { $0.path == "$.stakeholders[1].name" && $0.message.contains("listed twice") })
        t = try tree()
        var rounds = try #require(t["rounds"] as? [Any])
        rounds.append(rounds[2])
        t["rounds"] = rounds
        problems = try parse(t).problems
        #expect(problems.map(\.description) == ["$.rounds[3]: releases nothing: no touchpoint or stage entry names round 4"])
    }

    @Test("a touchpoint's stage is the deal's stage that day, as far as the round has released it")
    func stageAtTime() throws {
        let file = try #require(CaseValidator.parse(ShippedCases.document("gov-contract-dip")!).file)
        let late = try #require(LocalTime("2026-08-10 10:00"))
        #expect(file.stage(at: late, afterRound: 3) == "contract")
        #expect(file.stage(at: late, afterRound: 1) == "approval")
        #expect(file.stage(at: try #require(LocalTime("2026-03-01 09:00")), afterRound: 3) == "needs")
        #expect(file.currentStage(afterRound: 2) == "evaluation")
        #expect(file.today(afterRound: 3) == Day("2026-08-28"))
        #expect(file.today(afterRound: 4) == nil)
        #expect(file.touchpoints(in: 1).count + file.touchpoints(in: 2).count + file.touchpoints(in: 3).count == file.touchpoints.count)
    }
}
