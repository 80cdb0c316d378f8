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

    /// Accepts `EB`, `eb`, `coach`, `Coach`, 决策者, `EB 决策者`, 教练…
    public init?(loose text: String) {
        guard let r = Role(typed: text) else { return nil }
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

// MARK: - Chinese in, not only out

/// A closed vocabulary that reps may type in Chinese: `zh` is the label the
/// zh output prints (renderers take it from here), `zhAliases` the other
/// forms accepted. `parse(_:field:)` accepts the key (any case) or any of them.
public protocol Vocabulary: CaseIterable, RawRepresentable, Hashable, Sendable where RawValue == String {
    /// The Chinese label the zh output prints.
    var zh: String { get }
    /// Further Chinese forms accepted as input (short forms reps type).
    var zhAliases: [String] { get }
}

extension Vocabulary {
    public var zhAliases: [String] { [] }
    /// Every Chinese form accepted for this value, the printed label first.
    public var acceptedChinese: [String] { [zh] + zhAliases }

    /// The value for a key (any case) or a Chinese label; nil for anything else.
    public init?(typed text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let v = Self(rawValue: t) ?? Self.allCases.first(where: { $0.rawValue.lowercased() == t.lowercased() }) { self = v; return }
        let squeezed = t.replacingOccurrences(of: " ", with: "")
        guard let v = Self.allCases.first(where: { $0.acceptedChinese.contains { $0.replacingOccurrences(of: " ", with: "") == squeezed } })
        else { return nil }
        self = v
    }

    /// Parses a CLI value (key or Chinese label), naming the field in the error.
    public static func parse(_ value: String, field: String) throws -> Self {
        if let v = Self(typed: value) { return v }
        throw InputError.notOneOf(field, value, Self.self)
    }

    /// `kind (政府), …`: the keys with their Chinese labels, for errors and help.
    public static var choices: String { allCases.map { "\($0.rawValue) (\($0.zh))" }.joined(separator: ", ") }
}

extension InputError {
    /// `kind "city" is not one of government (政府), institution (事业单位), …`.
    public static func notOneOf<E: Vocabulary>(_ field: String, _ value: String, _ type: E.Type) -> InputError {
        InputError(field: field, value: value, problem: "is not one of " + E.choices)
    }
}

extension AccountKind: Vocabulary {
    public var zh: String {
        switch self { case .government: "政府"; case .institution: "事业单位"; case .soe: "国企"; case .enterprise: "企业" }
    }
    public var zhAliases: [String] {
        switch self {
        case .government: ["政府机关", "政府部门"]; case .institution: ["事业"]; case .soe: ["国有企业", "央企"]; case .enterprise: ["民企", "私企"]
        }
    }
}

extension Level: Vocabulary {
    public var zh: String { switch self { case .executive: "高层"; case .manager: "中层"; case .staff: "基层" } }
    public var zhAliases: [String] {
        switch self { case .executive: ["局级", "厅级", "领导"]; case .manager: ["处级", "科级", "中层干部"]; case .staff: ["科员", "员工"] }
    }
}

extension Role: Vocabulary {
    public var zh: String {
        switch self { case .eb: "EB 决策者"; case .tb: "TB 把关者"; case .ub: "UB 使用者"; case .coach: "Coach 教练" }
    }
    public var zhAliases: [String] {
        switch self { case .eb: ["决策者"]; case .tb: ["把关者"]; case .ub: ["使用者"]; case .coach: ["教练", "内线"] }
    }
}

extension Influence: Vocabulary {
    public var zh: String { switch self { case .high: "高"; case .medium: "中"; case .low: "低" } }
}

extension Stance: Vocabulary {
    public var zh: String {
        switch self { case .champion: "拥护者"; case .supporter: "支持"; case .neutral: "中立"; case .skeptic: "怀疑"; case .opponent: "反对" }
    }
    public var zhAliases: [String] {
        switch self { case .champion: ["拥护"]; case .supporter: ["支持者"]; case .neutral: []; case .skeptic: ["怀疑者"]; case .opponent: ["反对者"] }
    }
}

extension ResponseMode: Vocabulary {
    public var zh: String { switch self { case .growth: "成长"; case .trouble: "困境"; case .evenKeel: "平稳"; case .overconfident: "自满" } }
}

extension DealStatus: Vocabulary {
    public var zh: String { switch self { case .open: "进行中"; case .won: "赢单"; case .lost: "丢单"; case .dropped: "放弃" } }
    public var zhAliases: [String] {
        switch self { case .open: []; case .won: ["赢", "中标"]; case .lost: ["输单", "丢标"]; case .dropped: ["已放弃"] }
    }
}

extension JourneyPhase: Vocabulary {
    public var zh: String {
        switch self { case .awareness: "认知"; case .consideration: "考虑"; case .decision: "决策"; case .purchase: "购买"; case .service: "服务"; case .loyalty: "忠诚" }
    }
}

extension Channel: Vocabulary {
    public var zh: String {
        switch self {
        case .visit: "拜访"; case .meeting: "会议"; case .call: "电话"; case .email: "邮件"; case .wechat: "微信"; case .event: "活动"
        case .demo: "演示"; case .tenderDocument: "招标文件"; case .bidClarification: "投标澄清"; case .siteSurvey: "现场勘查"
        case .contractReview: "合同评审"; case .training: "培训"; case .support: "支持"; case .other: "其他"
        }
    }
    public var zhAliases: [String] {
        switch self {
        case .visit: ["上门"]; case .meeting: ["开会"]; case .call: ["打电话"]; case .email: ["电子邮件"]; case .siteSurvey: ["现场勘察", "勘查"]
        default: []
        }
    }
}

extension Direction: Vocabulary {
    public var zh: String { switch self { case .outbound: "我方主动"; case .inbound: "对方主动" } }
}

extension ProcurementMethod: Vocabulary {
    public var zh: String {
        switch self {
        case .publicTender: "公开招标"; case .invitedTender: "邀请招标"; case .competitiveNegotiation: "竞争性谈判"
        case .competitiveConsultation: "竞争性磋商"; case .singleSource: "单一来源"; case .inquiry: "询价"; case .framework: "框架协议"
        case .direct: "直接采购"
        }
    }
}

extension Severity: Vocabulary {
    public var zh: String { switch self { case .low: "低"; case .medium: "中"; case .high: "高" } }
}

extension PainKind: Vocabulary {
    public var zh: String { switch self { case .pain: "痛点"; case .need: "需求" } }
}

extension PainStatus: Vocabulary {
    public var zh: String { switch self { case .open: "未处理"; case .addressed: "已响应"; case .resolved: "已解决" } }
}

extension TaskStatus: Vocabulary {
    public var zh: String { switch self { case .open: "未完成"; case .done: "已完成"; case .cancelled: "已取消" } }
}

extension Priority: Vocabulary {
    public var zh: String { switch self { case .high: "高"; case .medium: "中"; case .low: "低" } }
}

extension Language: Vocabulary {
    public var zh: String { switch self { case .en: "英文"; case .zh: "中文" } }
}

/// Chinese forms of pipeline stages: the stage's own `name_zh` (data) and the
/// short forms reps type, by stage key (立项 for approval).
public enum StageAliases {
    /// Short forms by stage key, beyond the stage's `name_zh`.
    /// The shipped pipelines' short Chinese names (what `Pipeline.matches` accepts too).
    public static let pipelineShortForms = ["government": "政府", "enterprise": "企业"]

    public static let shortForms: [String: [String]] = [
        "needs": ["需求"], "approval": ["立项", "预算", "立项预算"], "intention": ["采购意向", "意向"],
        "specification": ["需求论证", "论证"], "tender-notice": ["招标"], "award": ["中标"],
        "contract": ["合同"], "implementation": ["实施", "验收"], "operation": ["运维"],
        "discovery": ["需求"], "solution": ["方案", "演示"], "proposal": ["报价"], "negotiation": ["谈判"],
        "onboarding": ["上线"], "adoption": ["推广"],
    ]
}

extension Pipeline {
    /// A stage of this pipeline by key (any case), English or Chinese name, or
    /// a Chinese short form (`立项`, `立项与预算` and `approval` are one stage).
    public func stage(typed text: String) -> Stage? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let s = stage(t) ?? stages.first(where: { $0.key.lowercased() == t.lowercased() }) { return s }
        let squeezed = t.replacingOccurrences(of: " ", with: "")
        return stages.first { $0.nameZH == t || $0.nameEN.lowercased() == t.lowercased() }
            ?? stages.first { s in (StageAliases.shortForms[s.key] ?? []).contains(squeezed) }
    }

    /// The stages listed for an error: `approval (立项与预算)`.
    public var stageChoices: String { stages.map { "\($0.key) (\($0.nameZH))" }.joined(separator: ", ") }
}

extension Pipeline {
    /// Whether a typed pipeline is this one: its key (any case), its English
    /// or Chinese name, or the Chinese name's first two characters (政府, 企业).
    public func matches(typed text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        return key.lowercased() == t.lowercased() || nameZH == t || nameEN.lowercased() == t.lowercased()
            || (t.count == 2 && nameZH.hasPrefix(t))
    }
}
