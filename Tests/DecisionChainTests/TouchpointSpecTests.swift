import Testing
@testable import DecisionChain

@Suite("What reps type into dchain log")
struct TouchpointSpecTests {
    @Test("participants: name, emotion and label; unknown emotion stays unknown", arguments: [
        ("王局长", "王局长", nil, nil), ("王局长:2", "王局长", 2, nil), ("李处长:-2:frustrated", "李处长", -2, "frustrated"),
        ("李处长：+3：delighted", "李处长", 3, "delighted"), ("Ann Lee:?:unsure", "Ann Lee", nil, "unsure"), ("赵磊::anxious", "赵磊", nil, "anxious"),
    ] as [(String, String, Int?, String?)])
    func participant(_ spec: String, _ name: String, _ emotion: Int?, _ label: String?) throws {
        let p = try TouchpointSpec.participant(spec)
        #expect(p.name == name)
        #expect(p.emotion?.value == emotion)
        #expect(p.label == label)
    }

    @Test("emotion outside -3...3 or not a number is refused, naming the field", arguments: ["王:4", "王:-5", "王:happy", ":1"])
    func badParticipant(_ spec: String) {
        #expect(throws: InputError.self) { try TouchpointSpec.participant(spec) }
    }

    @Test("pain points take an optional severity at the end; colons inside text survive")
    func pain() throws {
        let p = try TouchpointSpec.statement("李处长:合同条款不清晰:high", field: "pain", allowSeverity: true)
        #expect(p == .init(name: "李处长", text: "合同条款不清晰", severity: .high))
        let q = try TouchpointSpec.statement("Ann:ratio is 3:1 here", field: "quote")
        #expect(q.text == "ratio is 3:1 here")
        let r = try TouchpointSpec.statement("Ann:time: 10:30", field: "pain", allowSeverity: true)
        #expect(r.severity == nil && r.text == "time: 10:30")
        #expect(throws: InputError.self) { try TouchpointSpec.statement("no text here", field: "quote") }
        #expect(throws: InputError.self) { try TouchpointSpec.statement("Ann:", field: "need") }
    }
}
