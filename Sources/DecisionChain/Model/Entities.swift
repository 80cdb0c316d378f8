/// The records of the domain, as plain values. The store builds them from
/// rows; builders read them. Ids are database ids (Int64).

/// A team of reps.
public struct Team: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public init(id: Int64, name: String) { self.id = id; self.name = name }
}

/// A person who uses dchain (a rep, a manager, a trainer, an admin).
public struct AppUser: Hashable, Sendable, Codable {
    public var id: Int64
    public var login: String
    public var name: String
    public var teamID: Int64?
    public init(id: Int64, login: String, name: String, teamID: Int64? = nil) {
        self.id = id; self.login = login; self.name = name; self.teamID = teamID
    }
}

/// An organisation we sell to.
public struct Account: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var kind: AccountKind
    public var code: String?
    public var region: String?
    public var industry: String?
    public var parentID: Int64?
    public var ownerLogin: String?
    public var teamName: String?
    public init(id: Int64, name: String, kind: AccountKind, code: String? = nil, region: String? = nil,
                industry: String? = nil, parentID: Int64? = nil, ownerLogin: String? = nil, teamName: String? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.code = code; self.region = region
        self.industry = industry; self.parentID = parentID; self.ownerLogin = ownerLogin; self.teamName = teamName
    }
}

/// A department of an account; units form a tree.
public struct OrgUnit: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var name: String
    public var parentID: Int64?
    public init(id: Int64, accountID: Int64, name: String, parentID: Int64? = nil) {
        self.id = id; self.accountID = accountID; self.name = name; self.parentID = parentID
    }
}

/// A person at an account.
public struct Stakeholder: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var name: String
    public var title: String
    public var unitID: Int64?
    public var unitName: String?
    public var level: Level?
    public var reportsToID: Int64?
    public var email: String?
    public var phone: String?
    public var wechat: String?
    public var preferredChannel: Channel?
    public init(id: Int64, accountID: Int64, name: String, title: String, unitID: Int64? = nil, unitName: String? = nil,
                level: Level? = nil, reportsToID: Int64? = nil, email: String? = nil, phone: String? = nil,
                wechat: String? = nil, preferredChannel: Channel? = nil) {
        self.id = id; self.accountID = accountID; self.name = name; self.title = title; self.unitID = unitID
        self.unitName = unitName; self.level = level; self.reportsToID = reportsToID; self.email = email
        self.phone = phone; self.wechat = wechat; self.preferredChannel = preferredChannel
    }
}

/// One stage of a pipeline (data, not code).
public struct Stage: Hashable, Sendable, Codable {
    public var id: Int64
    public var pipelineKey: String
    public var key: String
    public var position: Int
    public var nameEN: String
    public var nameZH: String
    public var phase: JourneyPhase
    public var expectedDays: Int
    /// Weight of an open deal's amount in this stage for the weighted funnel, 0…1.
    public var weight: Double
    /// A quiet period of procurement (bidding, evaluation): no lobbying the buyer or the evaluators.
    public var quiet: Bool
    public init(id: Int64, pipelineKey: String, key: String, position: Int, nameEN: String, nameZH: String,
                phase: JourneyPhase, expectedDays: Int, weight: Double = 0, quiet: Bool = false) {
        self.id = id; self.pipelineKey = pipelineKey; self.key = key; self.position = position
        self.nameEN = nameEN; self.nameZH = nameZH; self.phase = phase; self.expectedDays = expectedDays; self.weight = weight
        self.quiet = quiet
    }
    public func name(_ lang: Language) -> String { lang == .zh ? nameZH : nameEN }
}

/// A pipeline: an ordered list of stages (`government`, `enterprise`).
public struct Pipeline: Hashable, Sendable, Codable {
    public var id: Int64
    public var key: String
    public var nameEN: String
    public var nameZH: String
    public var stages: [Stage]
    public init(id: Int64, key: String, nameEN: String, nameZH: String, stages: [Stage]) {
        self.id = id; self.key = key; self.nameEN = nameEN; self.nameZH = nameZH; self.stages = stages
    }
    public func name(_ lang: Language) -> String { lang == .zh ? nameZH : nameEN }
    public func stage(_ key: String) -> Stage? { stages.first { $0.key == key } }
}

/// One procurement / opportunity at an account (项目).
public struct Deal: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var name: String
    public var pipelineKey: String
    public var stageKey: String
    public var status: DealStatus
    public var method: ProcurementMethod?
    public var amount: Double?
    public var currency: String
    public var closeBy: Day?
    public var closedOn: Day?
    public var closeReason: String?
    public var ownerLogin: String?
    /// The OCDS contracting-process id (ocid) a procurement portal gave it; unique per account.
    public var ocid: String?
    public init(id: Int64, accountID: Int64, name: String, pipelineKey: String, stageKey: String, status: DealStatus = .open,
                method: ProcurementMethod? = nil, amount: Double? = nil, currency: String = "CNY", closeBy: Day? = nil,
                closedOn: Day? = nil, closeReason: String? = nil, ownerLogin: String? = nil, ocid: String? = nil) {
        self.id = id; self.accountID = accountID; self.name = name; self.pipelineKey = pipelineKey
        self.stageKey = stageKey; self.status = status; self.method = method; self.amount = amount
        self.currency = currency; self.closeBy = closeBy; self.closedOn = closedOn; self.closeReason = closeReason
        self.ownerLogin = ownerLogin; self.ocid = ocid
    }
}

/// A deal's entry into a stage (deal_stage_history).
public struct StageVisit: Hashable, Sendable, Codable {
    public var dealID: Int64
    public var stageKey: String
    public var entered: Day
    /// What happened beyond entering the stage (a failed tender, 流标).
    public var event: StageEvent?
    public init(dealID: Int64, stageKey: String, entered: Day, event: StageEvent? = nil) {
        self.dealID = dealID; self.stageKey = stageKey; self.entered = entered; self.event = event
    }
}

/// What a stage entry records beyond "the deal entered the stage".
public enum StageEvent: String, CaseIterable, Codable, Sendable {
    /// The tender failed (流标: too few bidders, all bids rejected, or cancelled):
    /// the deal went back to preparing the tender documents.
    case failedTender = "failed-tender"

    /// The Chinese name of the event.
    public var zh: String {
        switch self { case .failedTender: "流标" }
    }

    /// The English name of the event.
    public var en: String {
        switch self { case .failedTender: "failed tender" }
    }
}

/// A stakeholder's role in one deal, with how they stand.
public struct BuyingInfluence: Hashable, Sendable, Codable {
    public var dealID: Int64
    public var stakeholderID: Int64
    public var role: Role
    public var influence: Influence?
    public var stance: Stance?
    public var mode: ResponseMode?
    /// −5…+5.
    public var rating: Int?
    public var personalWin: String?
    /// The day this role was last set.
    public var since: Day?
    public init(dealID: Int64, stakeholderID: Int64, role: Role, influence: Influence? = nil, stance: Stance? = nil,
                mode: ResponseMode? = nil, rating: Int? = nil, personalWin: String? = nil, since: Day? = nil) {
        self.dealID = dealID; self.stakeholderID = stakeholderID; self.role = role; self.influence = influence
        self.stance = stance; self.mode = mode; self.rating = rating; self.personalWin = personalWin; self.since = since
    }
    public static let ratingRange = -5...5
}

/// A stakeholder at a touchpoint, with their own emotion.
public struct Participant: Hashable, Sendable, Codable {
    public var stakeholderID: Int64
    public var emotion: Emotion?
    public var emotionLabel: String?
    public var quote: String?
    public init(stakeholderID: Int64, emotion: Emotion? = nil, emotionLabel: String? = nil, quote: String? = nil) {
        self.stakeholderID = stakeholderID; self.emotion = emotion; self.emotionLabel = emotionLabel; self.quote = quote
    }
}

/// One interaction with the account.
public struct Touchpoint: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var dealID: Int64?
    /// The deal's stage at the time of the touchpoint.
    public var stageKey: String?
    public var at: LocalTime
    public var channel: Channel
    public var direction: Direction
    public var summary: String?
    /// What we did or said in reply (the map's response lane).
    public var response: String?
    public var loggedBy: String?
    public var participants: [Participant]
    public init(id: Int64, accountID: Int64, dealID: Int64? = nil, stageKey: String? = nil, at: LocalTime,
                channel: Channel, direction: Direction = .outbound, summary: String? = nil, loggedBy: String? = nil,
                participants: [Participant] = [], response: String? = nil) {
        self.id = id; self.accountID = accountID; self.dealID = dealID; self.stageKey = stageKey; self.at = at
        self.channel = channel; self.direction = direction; self.summary = summary; self.loggedBy = loggedBy
        self.participants = participants; self.response = response
    }
}

/// A pain point or need raised at a touchpoint, and our response to it.
public struct PainPoint: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var touchpointID: Int64
    public var stakeholderID: Int64?
    public var dealID: Int64?
    public var stageKey: String?
    public var kind: PainKind
    public var text: String
    public var severity: Severity
    public var status: PainStatus
    public var response: String?
    public var raisedOn: Day
    public init(id: Int64, accountID: Int64, touchpointID: Int64, stakeholderID: Int64? = nil, dealID: Int64? = nil,
                stageKey: String? = nil, kind: PainKind = .pain, text: String, severity: Severity = .medium,
                status: PainStatus = .open, response: String? = nil, raisedOn: Day) {
        self.id = id; self.accountID = accountID; self.touchpointID = touchpointID; self.stakeholderID = stakeholderID
        self.dealID = dealID; self.stageKey = stageKey; self.kind = kind; self.text = text; self.severity = severity
        self.status = status; self.response = response; self.raisedOn = raisedOn
    }
}

/// An accepted communication-plan item: a task with an owner.
public struct PlanItemRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var dealID: Int64?
    public var stakeholderID: Int64?
    public var role: Role?
    public var rule: String
    public var action: String
    public var channel: Channel?
    public var theme: String?
    public var due: Day
    public var priority: Priority
    public var why: String
    public var status: TaskStatus
    public var ownerLogin: String?
    /// The stage the item is meant for (future-state map); nil = current stage.
    public var stageKey: String?
    public init(id: Int64, accountID: Int64, dealID: Int64? = nil, stakeholderID: Int64? = nil, role: Role? = nil,
                rule: String, action: String, channel: Channel? = nil, theme: String? = nil, due: Day,
                priority: Priority, why: String, status: TaskStatus = .open, ownerLogin: String? = nil, stageKey: String? = nil) {
        self.id = id; self.accountID = accountID; self.dealID = dealID; self.stakeholderID = stakeholderID
        self.role = role; self.rule = rule; self.action = action; self.channel = channel; self.theme = theme
        self.due = due; self.priority = priority; self.why = why; self.status = status; self.ownerLogin = ownerLogin
        self.stageKey = stageKey
    }
}
