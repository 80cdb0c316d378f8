import Foundation

/// A text in English and Chinese.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var en: String
    public var zh: String
    public init(en: String, zh: String) { self.en = en; self.zh = zh }
    /// The text in a language.
    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }
}

/// How urgent an item is and how many days after today it is due.
public struct RuleSchedule: Codable, Hashable, Sendable {
    public var priority: Priority
    public var dueInDays: Int
    public init(priority: Priority, dueInDays: Int) { self.priority = priority; self.dueInDays = dueInDays }
    enum CodingKeys: String, CodingKey { case priority, dueInDays = "due_in_days" }
}

/// What every rule has: on/off, its default schedule and its texts.
public protocol PlanRuleConfig: Sendable {
    var enabled: Bool { get }
    var priority: Priority { get }
    var dueInDays: Int { get }
    /// Named text templates (`action`, `why`, ...) with `{placeholder}`s.
    var texts: [String: LocalizedText] { get }
}

extension PlanRuleConfig {
    /// The default schedule of the rule.
    public var schedule: RuleSchedule { RuleSchedule(priority: priority, dueInDays: dueInDays) }
}

/// Defaults of a role: contact cadence, channel, message theme, what the role does.
public struct RoleDefaults: Codable, Hashable, Sendable {
    public var cadenceDays: Int
    public var channel: Channel
    public var theme: LocalizedText
    public var duty: LocalizedText
    enum CodingKeys: String, CodingKey { case cadenceDays = "cadence_days", channel, theme, duty }
}

/// `missing-role`: an open deal has nobody in a role.
public struct MissingRoleRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    /// Per-role schedule, keyed by role (`EB` first).
    public var byRole: [String: RuleSchedule]
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey { case enabled, priority, dueInDays = "due_in_days", byRole = "by_role", texts }
}

/// `stale-contact`: a role holder not contacted within the role's cadence.
public struct StaleContactRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    public var byRole: [String: RuleSchedule]
    /// Rules whose item for the same person and deal makes this one redundant.
    public var suppressedBy: [String]
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey {
        case enabled, priority, dueInDays = "due_in_days", byRole = "by_role", suppressedBy = "suppressed_by", texts
    }
}

/// `negative-emotion`: the latest known emotion is at or below a threshold.
public struct NegativeEmotionRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    public var threshold: Int
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey { case enabled, priority, dueInDays = "due_in_days", threshold, texts }
}

/// `open-pain`: a pain point or need with no response.
public struct OpenPainRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    /// The channel when the pain point names no stakeholder.
    public var channel: Channel
    /// Per-severity schedule.
    public var bySeverity: [String: RuleSchedule]
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey { case enabled, priority, dueInDays = "due_in_days", channel, bySeverity = "by_severity", texts }
}

/// `opponent`: an adverse stance with enough influence.
public struct OpponentRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    public var stances: [Stance]
    public var minInfluence: Influence
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey { case enabled, priority, dueInDays = "due_in_days", stances, minInfluence = "min_influence", texts }
}

/// `top-down`: the EB never met while the deal is before a phase.
public struct TopDownRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    public var beforePhase: JourneyPhase
    /// Touchpoint channels that count as having met someone.
    public var metChannels: [Channel]
    /// Roles whose stage-playbook items wait until after the EB meeting.
    public var defers: [String]
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey {
        case enabled, priority, dueInDays = "due_in_days", beforePhase = "before_phase", metChannels = "met_channels", defers, texts
    }
}

/// `stage-playbook`: the actions the deal's current stage calls for.
public struct StagePlaybookRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    public var byRole: [String: RuleSchedule]
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey { case enabled, priority, dueInDays = "due_in_days", byRole = "by_role", texts }
}

/// `single-threaded`: only one stakeholder contacted within a window.
public struct SingleThreadedRule: PlanRuleConfig, Codable, Hashable {
    public var enabled: Bool, priority: Priority, dueInDays: Int
    public var windowDays: Int
    public var texts: [String: LocalizedText]
    enum CodingKeys: String, CodingKey { case enabled, priority, dueInDays = "due_in_days", windowDays = "window_days", texts }
}

/// The red flags' data: when an unanswered pain point becomes a flag, and which
/// touchpoints are allowed in a quiet stage (bidding, evaluation).
public struct RedFlagRules: Codable, Hashable, Sendable {
    /// Severities whose unanswered pain points are flagged.
    public var painSeverities: [Severity]
    /// Days a pain point of those severities may wait for our response before it is flagged.
    public var painDays: Int
    /// Channels a touchpoint with the buyer's side may use in a quiet stage (the formal ones).
    public var quietAllowedChannels: [Channel]
    public init(painSeverities: [Severity] = [.high], painDays: Int = 14, quietAllowedChannels: [Channel] = [.bidClarification, .tenderDocument]) {
        self.painSeverities = painSeverities; self.painDays = painDays; self.quietAllowedChannels = quietAllowedChannels
    }
    enum CodingKeys: String, CodingKey {
        case painSeverities = "unanswered_pain_severities", painDays = "unanswered_pain_days"
        case quietAllowedChannels = "quiet_stage_allowed_channels"
    }
}

/// The eight rules, each under its id.
public struct PlanRuleSet: Codable, Hashable, Sendable {
    public var missingRole: MissingRoleRule
    public var staleContact: StaleContactRule
    public var negativeEmotion: NegativeEmotionRule
    public var openPain: OpenPainRule
    public var opponent: OpponentRule
    public var topDown: TopDownRule
    public var stagePlaybook: StagePlaybookRule
    public var singleThreaded: SingleThreadedRule
    enum CodingKeys: String, CodingKey {
        case missingRole = "missing-role", staleContact = "stale-contact", negativeEmotion = "negative-emotion"
        case openPain = "open-pain", opponent, topDown = "top-down", stagePlaybook = "stage-playbook"
        case singleThreaded = "single-threaded"
    }

    /// A rule's common settings by id.
    public func config(_ id: String) -> (any PlanRuleConfig)? {
        switch id {
        case "missing-role": missingRole
        case "stale-contact": staleContact
        case "negative-emotion": negativeEmotion
        case "open-pain": openPain
        case "opponent": opponent
        case "top-down": topDown
        case "stage-playbook": stagePlaybook
        case "single-threaded": singleThreaded
        default: nil
        }
    }
}

/// The plan engine's data: rules with their numbers and words, role defaults,
/// vocabulary terms and stage playbooks. Shipped as `Reports/plan-rules.json`;
/// a user file of the same shape is merged over it (`--rules FILE`).
public struct PlanRules: Codable, Hashable, Sendable {
    public var version: Int
    /// Keyed by role (`EB`, `TB`, `UB`, `Coach`).
    public var roles: [String: RoleDefaults]
    /// Words the texts use (`stance.skeptic`, `severity.high`, ...).
    public var terms: [String: LocalizedText]
    public var rules: PlanRuleSet
    /// Keyed `pipeline/stage`, then by role: the action at that stage.
    public var stagePlaybooks: [String: [String: LocalizedText]]
    /// The thresholds of the red flags that are not role cadences (those are in `roles`).
    public var redFlags: RedFlagRules
    /// Rules whose "contact X" items are left out while the deal is in a quiet stage (bidding, evaluation).
    public var quietStageSuppresses: [String]
    enum CodingKeys: String, CodingKey {
        case version, roles, terms, rules, stagePlaybooks = "stage_playbooks", redFlags = "red_flags"
        case quietStageSuppresses = "quiet_stage_suppresses"
    }

    /// Rule ids in the order ties are broken in a plan.
    public static let ruleIDs = ["missing-role", "top-down", "negative-emotion", "open-pain", "opponent",
                                 "stale-contact", "single-threaded", "stage-playbook"]

    /// Defaults of a role (validated to exist for every role).
    public func role(_ r: Role) -> RoleDefaults { roles[r.rawValue]! }

    /// A vocabulary term in a language; the key itself when the data lacks it.
    public func term(_ key: String, _ lang: Language) -> String { terms[key]?.text(lang) ?? key }

    /// Reads the shipped rules and, if given, a user's file merged over them.
    /// Errors name the file and the JSON path: `rules "my.json" at $.rules.opponent.min_influence: ...`.
    public static func load(defaults: Data, defaultsName: String = "plan-rules.json",
                            override: Data? = nil, overrideName: String = "") throws -> PlanRules {
        var merged = try parse(defaults, name: defaultsName)
        if let override {
            let user = try parse(override, name: overrideName)
            merged = try merge(merged, user, path: "$", name: overrideName)
        }
        let name = override == nil ? defaultsName : overrideName
        let data = try JSONSerialization.data(withJSONObject: merged)
        let rules: PlanRules
        do {
            rules = try JSONDecoder().decode(PlanRules.self, from: data)
        } catch let e as DecodingError {
            throw failure(name, e.path, e.problem)
        }
        try rules.validate(name: name)
        return rules
    }

    static func parse(_ data: Data, name: String) throws -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw InputError(field: "rules", value: name, problem: "is not valid JSON")
        }
        guard let dict = object as? [String: Any] else { throw failure(name, "$", "must be a JSON object") }
        return dict
    }

    /// Objects merge key by key; anything else in the override replaces the default.
    /// Keys the defaults do not know are typos, except new stage playbooks and their roles.
    static func merge(_ base: [String: Any], _ over: [String: Any], path: String, name: String) throws -> [String: Any] {
        var out = base
        let open = path == "$.stage_playbooks" || path.hasPrefix("$.stage_playbooks.")
        for key in over.keys.sorted() {
            let value = over[key]!
            let here = "\(path).\(key)"
            guard let existing = base[key] else {
                if open { out[key] = value; continue }
                throw failure(name, here, "is not a known setting (known: \(base.keys.sorted().joined(separator: ", ")))")
            }
            if let b = existing as? [String: Any] {
                guard let o = value as? [String: Any] else { throw failure(name, here, "must be a JSON object") }
                out[key] = try merge(b, o, path: here, name: name)
            } else {
                out[key] = value
            }
        }
        return out
    }

    static func failure(_ name: String, _ path: String, _ problem: String) -> InputError {
        InputError(field: "rules", value: name, problem: "at \(path): \(problem)")
    }

    /// The placeholders each text of each rule may use (the facts the engine supplies).
    static let textSpecs: [String: [String: Set<String>]] = {
        let deal: Set<String> = ["deal", "stage", "phase", "today"]
        let person = deal.union(["stakeholder", "role", "title"])
        return [
            "missing-role": ["action": deal.union(["role", "duty"]), "why": deal.union(["role", "duty"])],
            "stale-contact": ["action": person.union(["cadence_role", "cadence", "last", "days"]),
                              "why": person.union(["cadence_role", "cadence", "last", "days"]),
                              "why_never": person.union(["cadence_role", "cadence"])],
            "negative-emotion": ["action": person.union(["pains", "emotion", "date", "at_stage"]),
                                 "action_no_pain": person.union(["emotion", "date", "at_stage"]),
                                 "why": person.union(["pains", "emotion", "date", "at_stage"])],
            "open-pain": ["action": person.union(["pain", "kind", "severity", "date", "days"]),
                          "why": person.union(["pain", "kind", "severity", "date", "days"])],
            "opponent": ["action_via_coach": person.union(["via", "stance", "influence"]),
                         "action_via_eb": person.union(["via", "stance", "influence"]),
                         "action_direct": person.union(["stance", "influence"]),
                         "why": person.union(["stance", "influence"])],
            "top-down": ["action": person, "why": person, "after": deal.union(["date"])],
            "stage-playbook": ["why": person.union(["entered", "days", "expected"]), "why_undated": person],
            "single-threaded": ["action": person.union(["only", "window"]), "why": person.union(["only", "window"])],
        ]
    }()

    /// The placeholders a stage playbook's action may use.
    static let playbookPlaceholders: Set<String> = ["deal", "stage", "phase", "today", "stakeholder", "role", "title",
                                                    "entered", "days", "expected"]

    /// Terms the engine looks up.
    static let requiredTerms = ["customer", "no_open_pain", "list_separator", "quote_open", "quote_close", "general_theme"]
        + Severity.allCases.map { "severity.\($0.rawValue)" } + PainKind.allCases.map { "kind.\($0.rawValue)" }
        + Stance.allCases.map { "stance.\($0.rawValue)" } + Influence.allCases.map { "influence.\($0.rawValue)" }
        + JourneyPhase.allCases.map { "phase.\($0.rawValue)" }

    /// Checks what the types cannot: ranges, closed key sets, texts and their placeholders.
    func validate(name: String) throws {
        func fail(_ path: String, _ problem: String) -> InputError { Self.failure(name, path, problem) }
        guard version == 1 else { throw fail("$.version", "must be 1 (this dchain reads version 1)") }
        for r in Role.allCases where roles[r.rawValue] == nil { throw fail("$.roles.\(r.rawValue)", "is missing") }
        for (key, d) in roles {
            guard Role(rawValue: key) != nil else { throw fail("$.roles.\(key)", "is not a role (EB, TB, UB, Coach)") }
            guard d.cadenceDays > 0 else { throw fail("$.roles.\(key).cadence_days", "must be a whole number of days > 0") }
        }
        for id in quietStageSuppresses where !Self.ruleIDs.contains(id) {
            throw fail("$.quiet_stage_suppresses", "\"\(id)\" is not a rule (rules: \(Self.ruleIDs.joined(separator: ", ")))")
        }
        guard redFlags.painDays >= 0 else { throw fail("$.red_flags.unanswered_pain_days", "must be a whole number of days ≥ 0") }
        for t in Self.requiredTerms where terms[t] == nil { throw fail("$.terms.\(t)", "is missing") }
        for id in Self.ruleIDs {
            let rule = rules.config(id)!
            let base = "$.rules.\(id)"
            guard rule.dueInDays >= 0 else { throw fail("\(base).due_in_days", "must be a whole number of days ≥ 0") }
            for (textName, allowed) in Self.textSpecs[id]!.sorted(by: { $0.key < $1.key }) {
                guard let text = rule.texts[textName] else { throw fail("\(base).texts.\(textName)", "is missing") }
                for (lang, s) in [("en", text.en), ("zh", text.zh)] {
                    let path = "\(base).texts.\(textName).\(lang)"
                    if s.trimmingCharacters(in: .whitespaces).isEmpty { throw fail(path, "must not be empty") }
                    for p in Template.placeholders(in: s) where !allowed.contains(p) {
                        throw fail(path, "uses unknown placeholder {\(p)}; known: " + allowed.sorted().map { "{\($0)}" }.joined(separator: " "))
                    }
                }
            }
        }
        try checkSchedules(rules.missingRole.byRole, "$.rules.missing-role.by_role", Role.self, fail)
        try checkSchedules(rules.staleContact.byRole, "$.rules.stale-contact.by_role", Role.self, fail)
        try checkSchedules(rules.stagePlaybook.byRole, "$.rules.stage-playbook.by_role", Role.self, fail)
        try checkSchedules(rules.openPain.bySeverity, "$.rules.open-pain.by_severity", Severity.self, fail)
        for (i, id) in rules.staleContact.suppressedBy.enumerated() where !Self.ruleIDs.contains(id) {
            throw fail("$.rules.stale-contact.suppressed_by[\(i)]", "\"\(id)\" is not a rule id")
        }
        for (i, r) in rules.topDown.defers.enumerated() where Role(rawValue: r) == nil {
            throw fail("$.rules.top-down.defers[\(i)]", "\"\(r)\" is not a role (EB, TB, UB, Coach)")
        }
        guard Emotion.range.contains(rules.negativeEmotion.threshold) else {
            throw fail("$.rules.negative-emotion.threshold", "must be within -3...3")
        }
        guard rules.singleThreaded.windowDays > 0 else { throw fail("$.rules.single-threaded.window_days", "must be > 0") }
        for (key, actions) in stagePlaybooks {
            let path = "$.stage_playbooks.\(key)"
            let parts = key.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail(path, "key must be \"pipeline/stage\"") }
            for (role, text) in actions {
                guard Role(rawValue: role) != nil else { throw fail("\(path).\(role)", "is not a role (EB, TB, UB, Coach)") }
                for (lang, s) in [("en", text.en), ("zh", text.zh)] {
                    if s.trimmingCharacters(in: .whitespaces).isEmpty { throw fail("\(path).\(role).\(lang)", "must not be empty") }
                    for p in Template.placeholders(in: s) where !Self.playbookPlaceholders.contains(p) {
                        throw fail("\(path).\(role).\(lang)", "uses unknown placeholder {\(p)}; known: "
                                   + Self.playbookPlaceholders.sorted().map { "{\($0)}" }.joined(separator: " "))
                    }
                }
            }
        }
    }

    func checkSchedules<K: RawRepresentable & CaseIterable>(_ map: [String: RuleSchedule], _ path: String, _ keys: K.Type,
                                                            _ fail: (String, String) -> InputError) throws where K.RawValue == String {
        for (key, s) in map {
            guard K(rawValue: key) != nil else {
                throw fail("\(path).\(key)", "is not one of " + K.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard s.dueInDays >= 0 else { throw fail("\(path).\(key).due_in_days", "must be a whole number of days ≥ 0") }
        }
    }
}

extension DecodingError {
    /// The JSON path of the failure, `$.rules.opponent.stances[1]`.
    var path: String {
        let (ctx, extra): (DecodingError.Context?, CodingKey?) = switch self {
        case let .keyNotFound(key, c): (c, key)
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): (c, nil)
        @unknown default: (nil, nil)
        }
        let keys = (ctx?.codingPath ?? []) + (extra.map { [$0] } ?? [])
        return "$" + keys.map { k in k.intValue.map { "[\($0)]" } ?? ".\(k.stringValue)" }.joined()
    }

    /// What is wrong there, in a few words.
    var problem: String {
        switch self {
        case .keyNotFound: return "is missing"
        case let .typeMismatch(type, _): return "must be \(Self.describe(type))"
        case let .valueNotFound(type, _): return "must be \(Self.describe(type)), not null"
        case let .dataCorrupted(c): return c.debugDescription
        @unknown default: return "is not valid"
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        case is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Dictionary") ? "a JSON object" : name.hasPrefix("Array") ? "a list" : "a \(name)"
        }
    }
}

/// `{placeholder}` templates: the words are data, the facts come from the engine.
enum Template {
    /// The names of the `{placeholders}` in a template.
    static func placeholders(in s: String) -> [String] {
        var out: [String] = [], name: String?
        for ch in s {
            if ch == "{" { name = ""; continue }
            if ch == "}", let n = name { out.append(n); name = nil; continue }
            if name != nil {
                if (ch.isASCII && ch.isLetter) || ch == "_" { name!.append(ch) } else { name = nil }
            }
        }
        return out
    }

    /// Replaces each `{name}` with its value; unknown names stay as written.
    static func fill(_ s: String, _ values: [String: String]) -> String {
        var out = "", name: String?
        for ch in s {
            if ch == "{" { if let n = name { out += "{" + n }; name = ""; continue }
            if ch == "}", let n = name {
                out += values[n] ?? "{\(n)}"; name = nil; continue
            }
            if name != nil {
                if (ch.isASCII && ch.isLetter) || ch == "_" { name!.append(ch); continue }
                out += "{" + name!; name = nil
            }
            out.append(ch)
        }
        if let n = name { out += "{" + n }
        return out
    }
}
