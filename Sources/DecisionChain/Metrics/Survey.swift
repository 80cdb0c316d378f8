/// The three experience surveys: Net Promoter Score ("how likely are you to
/// recommend us?", 0–10), customer satisfaction ("how satisfied are you?",
/// 1–5) and customer effort ("how easy was it to work with us?", 1–7, 7 the
/// easiest). For all three a higher number is better.
public enum SurveyKind: String, CaseIterable, Codable, Sendable, Comparable {
    case nps, csat, ces

    /// The scores one answer may take.
    public var scale: ClosedRange<Int> {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case .ces: 1...7
        }
    }

    /// The values a target may take: NPS is a score −100…100, CSAT and CES are means on their scale.
    public var targetRange: ClosedRange<Double> {
        switch self {
        case .nps: -100...100
        case .csat: 1...5
        case .ces: 1...7
        }
    }

    /// NPS, CSAT, CES.
    public var label: String { rawValue.uppercased() }

    public static func < (a: SurveyKind, b: SurveyKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// A typed score, checked against the scale (`nps "11" is outside 0…10`).
    public func score(_ text: String, field: String? = nil) throws -> Int {
        let field = field ?? rawValue
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw InputError(field: field, value: text, problem: "is not a whole number (\(label) is \(scale.lowerBound)…\(scale.upperBound))")
        }
        guard scale.contains(n) else {
            throw InputError(field: field, value: text, problem: "is outside \(scale.lowerBound)…\(scale.upperBound)")
        }
        return n
    }

    /// A typed target, checked against `targetRange` (at most two decimals are kept).
    public func target(_ text: String, field: String = "value") throws -> Double {
        let range = targetRange
        let bounds = "\(Int(range.lowerBound))…\(Int(range.upperBound))"
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw InputError(field: field, value: text, problem: "is not a number (a \(label) target is \(bounds))")
        }
        guard range.contains(v) else {
            throw InputError(field: field, value: text, problem: "is outside \(bounds) (a \(label) target)")
        }
        return (v * 100).rounded() / 100
    }
}

/// One answer to an experience survey: who answered, about which deal (and so
/// which stage the deal was in that day), when, the kind and the score.
public struct Survey: Hashable, Sendable {
    public var id: Int64
    public var accountID: Int64
    public var stakeholderID: Int64
    public var dealID: Int64?
    /// The stage the deal was in on `on` (nil without a deal).
    public var stageKey: String?
    public var on: Day
    public var kind: SurveyKind
    public var score: Int
    public var comment: String?
    /// The login that recorded it.
    public var recordedBy: String

    public init(id: Int64, accountID: Int64, stakeholderID: Int64, dealID: Int64?, stageKey: String?, on: Day, kind: SurveyKind,
                score: Int, comment: String? = nil, recordedBy: String = "") {
        self.id = id; self.accountID = accountID; self.stakeholderID = stakeholderID; self.dealID = dealID; self.stageKey = stageKey
        self.on = on; self.kind = kind; self.score = score; self.comment = comment; self.recordedBy = recordedBy
    }
}

extension Survey {
    /// The deal a survey is about when none is named: the account's only open
    /// deal; with no open deal, its only deal (a survey after the win); nil
    /// when it has no deals. Otherwise the choice is the user's: an error
    /// naming the candidates (the survey must not land on a guessed stage).
    public static func defaultDeal(among deals: [Deal], account: String) throws -> Deal? {
        let open = deals.filter { $0.status == .open }
        if open.count == 1 { return open[0] }
        if open.isEmpty && deals.count <= 1 { return deals.first }
        let candidates = open.isEmpty ? deals : open
        throw DomainError("which deal is the survey about? \(account) has \(candidates.count) \(open.isEmpty ? "" : "open ")deals ("
                          + candidates.map(\.name).sorted().joined(separator: ", ") + "); name one with --deal")
    }
}
