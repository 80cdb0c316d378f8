/// What the pipeline report knows about one deal: computed in SQL (one row
/// per deal), read by the red-flag rules, the velocity list and the coverage
/// matrix. "The deal's touchpoints" for people (contacts, emotions) are the
/// touchpoints tagged with the deal plus the account's touchpoints tagged
/// with no deal; `lastDealTouchpoint` counts only those tagged with the deal.
public struct DealFacts: Hashable, Sendable {
    public var accountID: Int64
    public var accountName: String
    public var dealID: Int64
    public var dealName: String
    public var status: DealStatus
    public var pipelineKey: String
    public var stageKey: String
    public var stagePosition: Int
    public var amount: Double?
    public var currency: String
    /// The deal's owner, else the account's.
    public var ownerLogin: String?
    /// The day the deal last entered its current stage; nil when the history has no entry for it.
    public var enteredStage: Day?
    /// The stage's expected duration in days.
    public var expectedDays: Int
    /// The current stage is a quiet period of procurement (bidding, evaluation).
    public var stageQuiet: Bool
    /// One entry per role, in decision-chain order (EB, TB, UB, Coach).
    public var roles: [RoleFacts]
    /// Distinct stakeholders at the deal's touchpoints within the last 60 days.
    public var contactedLast60Days: Int
    /// The latest touchpoint tagged with this deal.
    public var lastDealTouchpoint: Day?
    /// Current buying influences with high influence whose stance is skeptic or opponent.
    public var highInfluenceAdverse: [AdversePerson]
    /// Every current role holder with the roles they hold and their last contact (any touchpoint of
    /// the account up to today, as the plan counts it), by name.
    public var holders: [HolderFacts]
    /// The deal's pain points and needs still waiting for our response, oldest first (the plan's `open-pain` set).
    public var unansweredPains: [PainFacts]
    /// Touchpoints of the deal with the buyer's side logged while the deal was in a quiet stage, oldest first.
    public var quietContacts: [QuietContact]

    public init(accountID: Int64, accountName: String, dealID: Int64, dealName: String, status: DealStatus = .open,
                pipelineKey: String, stageKey: String, stagePosition: Int, amount: Double? = nil, currency: String = "CNY",
                ownerLogin: String? = nil, enteredStage: Day?, expectedDays: Int, roles: [RoleFacts] = [],
                contactedLast60Days: Int = 0, lastDealTouchpoint: Day? = nil, highInfluenceAdverse: [AdversePerson] = [],
                holders: [HolderFacts] = [], unansweredPains: [PainFacts] = [], quietContacts: [QuietContact] = [],
                stageQuiet: Bool = false) {
        self.accountID = accountID; self.accountName = accountName; self.dealID = dealID; self.dealName = dealName
        self.status = status; self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.stagePosition = stagePosition
        self.amount = amount; self.currency = currency; self.ownerLogin = ownerLogin; self.enteredStage = enteredStage
        self.expectedDays = expectedDays
        // Always all four roles, in order, so callers can index by role.
        self.roles = Role.allCases.map { r in roles.first { $0.role == r } ?? RoleFacts(role: r) }
        self.contactedLast60Days = contactedLast60Days; self.lastDealTouchpoint = lastDealTouchpoint
        self.highInfluenceAdverse = highInfluenceAdverse
        self.holders = holders; self.unansweredPains = unansweredPains; self.quietContacts = quietContacts
        self.stageQuiet = stageQuiet
    }

    /// The facts of one role.
    public func role(_ role: Role) -> RoleFacts { roles[role.rank] }

    /// Days from entering the current stage to `today`; nil when the entry is unknown.
    public func daysInStage(today: Day) -> Int? { enteredStage.map { $0.days(to: today) } }
}

/// What is known about one role of a deal's decision chain.
public struct RoleFacts: Hashable, Sendable {
    public var role: Role
    /// Names of the stakeholders who currently hold the role, sorted.
    public var stakeholders: [String]
    /// The latest of the deal's touchpoints any of them took part in.
    public var lastContact: Day?
    /// Their most recent known emotion (unknown emotions are skipped, never read as 0).
    public var latestEmotion: Emotion?
    /// The day of that emotion.
    public var latestEmotionOn: Day?

    public init(role: Role, stakeholders: [String] = [], lastContact: Day? = nil, latestEmotion: Emotion? = nil,
                latestEmotionOn: Day? = nil) {
        self.role = role; self.stakeholders = stakeholders; self.lastContact = lastContact
        self.latestEmotion = latestEmotion; self.latestEmotionOn = latestEmotionOn
    }

    /// True when at least one stakeholder holds the role.
    public var identified: Bool { !stakeholders.isEmpty }

    /// True when the role was contacted within its cadence (days since the last contact ≤ cadence;
    /// default: the shipped cadence of the role).
    public func withinCadence(today: Day, cadenceDays: Int? = nil) -> Bool {
        guard let lastContact else { return false }
        return lastContact.days(to: today) <= (cadenceDays ?? RoleFacts.cadenceDays(role))
    }

    /// The shipped cadences (`Reports/plan-rules.json`): EB 30, TB 14, UB 21, Coach 7 days.
    /// The reports read the loaded rules through `RedFlagPolicy`; this is their fallback.
    public static func cadenceDays(_ role: Role) -> Int {
        switch role {
        case .eb: return 30
        case .tb: return 14
        case .ub: return 21
        case .coach: return 7
        }
    }
}

/// A current buying influence who stands against us (skeptic or opponent).
public struct AdversePerson: Hashable, Sendable, Codable {
    public var name: String
    public var role: Role
    public var stance: Stance
    public init(name: String, role: Role, stance: Stance) { self.name = name; self.role = role; self.stance = stance }
}

/// A current role holder of a deal, as the overdue-contact flag sees them.
public struct HolderFacts: Hashable, Sendable {
    public var name: String
    /// The roles they hold in the deal, EB first.
    public var roles: [Role]
    /// Their latest touchpoint at the account up to today (nil: never contacted).
    public var lastContact: Day?
    public init(name: String, roles: [Role], lastContact: Day?) { self.name = name; self.roles = roles.sorted(); self.lastContact = lastContact }
}

/// A pain point or need of a deal still waiting for our response.
public struct PainFacts: Hashable, Sendable {
    public var text: String
    public var kind: PainKind
    public var severity: Severity
    public var raisedOn: Day
    /// Who raised it, when known.
    public var raisedBy: String?
    public init(text: String, kind: PainKind = .pain, severity: Severity, raisedOn: Day, raisedBy: String? = nil) {
        self.text = text; self.kind = kind; self.severity = severity; self.raisedOn = raisedOn; self.raisedBy = raisedBy
    }
}

/// A touchpoint with the buyer's side logged while the deal was in a quiet stage.
public struct QuietContact: Hashable, Sendable {
    public var on: Day
    public var stageKey: String
    /// The stage's name in both languages, when known.
    public var stageName: LocalizedText?
    public var channel: Channel
    /// The buyer's people who took part, by name.
    public var people: [String]
    public init(on: Day, stageKey: String, stageName: LocalizedText? = nil, channel: Channel, people: [String]) {
        self.on = on; self.stageKey = stageKey; self.stageName = stageName; self.channel = channel; self.people = people
    }
}
