/// The closed vocabularies of the domain. Raw values are the keys the CLI,
/// the JSON output and the database use; never rename them.

/// What kind of organisation an account is.
public enum AccountKind: String, CaseIterable, Codable, Sendable {
    case government, institution, soe, enterprise
}

/// A stakeholder's level in the organisation (高层 / 中层 / 基层).
public enum Level: String, CaseIterable, Codable, Sendable {
    case executive, manager, staff
}

/// A buying influence: the part a stakeholder plays in one deal.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case eb = "EB", tb = "TB", ub = "UB", coach = "Coach"

    /// EB first, then TB, UB, Coach: the order of the decision chain.
    public var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }

    /// Accepts `EB`, `eb`, `coach`, `Coach`.
    public init?(loose text: String) {
        guard let r = Role.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { return nil }
        self = r
    }
}

/// How much weight a buying influence carries in the decision.
public enum Influence: String, CaseIterable, Codable, Sendable, Comparable {
    case high, medium, low
    var weight: Int { switch self { case .high: 3; case .medium: 2; case .low: 1 } }
    public static func < (a: Influence, b: Influence) -> Bool { a.weight < b.weight }
}

/// Where a buying influence stands towards us.
public enum Stance: String, CaseIterable, Codable, Sendable {
    case champion, supporter, neutral, skeptic, opponent
    /// Skeptics and opponents are the ones a plan must address.
    public var isAdverse: Bool { self == .skeptic || self == .opponent }
}

/// Miller-Heiman response mode: how the person sees the change we bring.
public enum ResponseMode: String, CaseIterable, Codable, Sendable {
    case growth, trouble, evenKeel = "even-keel", overconfident
}

/// Where a deal is in its life.
public enum DealStatus: String, CaseIterable, Codable, Sendable {
    case open, won, lost, dropped
}

/// The customer-journey phase a pipeline stage belongs to.
public enum JourneyPhase: String, CaseIterable, Codable, Sendable {
    case awareness, consideration, decision, purchase, service, loyalty
}

/// How a touchpoint happened.
public enum Channel: String, CaseIterable, Codable, Sendable {
    case visit, meeting, call, email, wechat, event, demo
    case tenderDocument = "tender-document"
    case bidClarification = "bid-clarification"
    case siteSurvey = "site-survey"
    case contractReview = "contract-review"
    case training, support, other
}

/// Who started a touchpoint.
public enum Direction: String, CaseIterable, Codable, Sendable {
    case outbound, inbound
}

/// How the customer buys (政府采购方式 and enterprise equivalents).
public enum ProcurementMethod: String, CaseIterable, Codable, Sendable {
    case publicTender = "public-tender"
    case invitedTender = "invited-tender"
    case competitiveNegotiation = "competitive-negotiation"
    case competitiveConsultation = "competitive-consultation"
    case singleSource = "single-source"
    case inquiry, framework, direct
}

/// Severity of a pain point.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high
    var weight: Int { switch self { case .low: 1; case .medium: 2; case .high: 3 } }
    public static func < (a: Severity, b: Severity) -> Bool { a.weight < b.weight }
}

/// Whether an item raised at a touchpoint is a pain point or a need.
public enum PainKind: String, CaseIterable, Codable, Sendable {
    case pain, need
}

/// open → addressed (we responded) → resolved.
public enum PainStatus: String, CaseIterable, Codable, Sendable {
    case open, addressed, resolved
}

/// Status of an accepted plan item (a task).
public enum TaskStatus: String, CaseIterable, Codable, Sendable {
    case open, done, cancelled
}

/// Priority of a plan item; lower rank comes first.
public enum Priority: String, CaseIterable, Codable, Sendable, Comparable {
    case high, medium, low
    public var rank: Int { Priority.allCases.firstIndex(of: self)! }
    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

/// The language of labels in output.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en, zh

    /// `zh_CN.UTF-8` → zh; anything else → en.
    public init(localeIdentifier: String?) {
        self = (localeIdentifier ?? "").lowercased().hasPrefix("zh") ? .zh : .en
    }
}
