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
    /// One entry per role, in decision-chain order (EB, TB, UB, Coach).
    public var roles: [RoleFacts]
    /// Distinct stakeholders at the deal's touchpoints within the last 60 days.
    public var contactedLast60Days: Int
    /// The latest touchpoint tagged with this deal.
    public var lastDealTouchpoint: Day?
    /// Current buying influences with high influence whose stance is skeptic or opponent.
    public var highInfluenceAdverse: [AdversePerson]

    public init(accountID: Int64, accountName: String, dealID: Int64, dealName: String, status: DealStatus = .open,
                pipelineKey: String, stageKey: String, stagePosition: Int, amount: Double? = nil, currency: String = "CNY",
                ownerLogin: String? = nil, enteredStage: Day?, expectedDays: Int, roles: [RoleFacts] = [],
                contactedLast60Days: Int = 0, lastDealTouchpoint: Day? = nil, highInfluenceAdverse: [AdversePerson] = []) {
        self.accountID = accountID; self.accountName = accountName; self.dealID = dealID; self.dealName = dealName
        self.status = status; self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.stagePosition = stagePosition
        self.amount = amount; self.currency = currency; self.ownerLogin = ownerLogin; self.enteredStage = enteredStage
        self.expectedDays = expectedDays
        // Always all four roles, in order, so callers can index by role.
        self.roles = Role.allCases.map { r in roles.first { $0.role == r } ?? RoleFacts(role: r) }
        self.contactedLast60Days = contactedLast60Days; self.lastDealTouchpoint = lastDealTouchpoint
        self.highInfluenceAdverse = highInfluenceAdverse
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

    /// True when the role was contacted within its cadence (days since the last contact ≤ cadence).
    public func withinCadence(today: Day) -> Bool {
        guard let lastContact else { return false }
        return lastContact.days(to: today) <= RoleFacts.cadenceDays(role)
    }

    /// How often each role should be contacted: EB 30, TB 14, UB 21, Coach 7 days.
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
