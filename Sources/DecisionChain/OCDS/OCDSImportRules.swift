/// What importing one OCDS release does to a deal, judged on the deal as
/// locked: stages only move forward, a release already imported changes
/// nothing (so importing a package twice changes nothing), a failed tender
/// takes a deal in a tender back to the tender documents. The store carries
/// the decision out through the deal move path (`DealRules` judge it again).
public enum OCDSImportRules {
    /// The deal as the decision sees it.
    public struct DealState: Sendable {
        public var name: String
        public var status: DealStatus
        public var stageKey: String
        /// The sources of its stage entries (`ocds:<ocid>/<release id>`).
        public var sources: Set<String>
        public init(name: String, status: DealStatus, stageKey: String, sources: Set<String>) {
            self.name = name; self.status = status; self.stageKey = stageKey; self.sources = sources
        }
    }

    /// What to do with a release.
    public enum Decision: Sendable, Equatable {
        /// Move the deal to this stage.
        case move(String)
        /// Record the failed tender (流标): move back to `DealRules.failedTenderStage`, marked.
        case failedTender
        /// Nothing to do, and why.
        case unchanged(String)
    }

    /// The decision for `release` of process `ocid` on `deal`.
    public static func decide(_ release: OCDSImportPackage.Release, ocid: String, deal: DealState) -> Decision {
        if deal.sources.contains(release.source(ocid: ocid)) { return .unchanged("already imported") }
        if case let .nothing(why) = release.event { return .unchanged(why) }
        guard deal.status == .open else { return .unchanged("the deal is \(deal.status.rawValue); closed deals do not move") }
        let current = position(deal.stageKey)
        switch release.event {
        case let .stage(key):
            if key == deal.stageKey { return .unchanged("the deal is already in \(key)") }
            if position(key) < current { return .unchanged("the deal is already past \(key) (in \(deal.stageKey))") }
            return .move(key)
        case .failedTender:
            if DealRules.tenderStages.contains(deal.stageKey) { return .failedTender }
            if current < position(DealRules.tenderStages[0]) {
                return .unchanged("the deal has not reached the tender (in \(deal.stageKey)); the failed tender is not recorded")
            }
            return .unchanged("the deal is past the tender (in \(deal.stageKey)); the failed tender is not recorded")
        case .nothing:
            return .unchanged("nothing to move")
        }
    }

    /// The stage a new deal starts in for a process's first release, and
    /// whether that entry is a failed tender; nil when the release moves nothing.
    public static func firstStage(_ release: OCDSImportPackage.Release) -> (stageKey: String, event: StageEvent?)? {
        switch release.event {
        case let .stage(key): (key, nil)
        case .failedTender: (DealRules.failedTenderStage, .failedTender)
        case .nothing: nil
        }
    }

    static func position(_ key: String) -> Int { OCDSMapping.stages.firstIndex { $0.stageKey == key } ?? -1 }
}

/// What `import ocds` did, per process and release: the command prints it.
public struct OCDSImportReport: Sendable {
    /// How the deal of a process was found.
    public enum Match: Sendable, Equatable {
        case ocid
        /// By the buyer (the account's name) and the tender title (the deal's name); the ocid is now stored.
        case buyerAndTitle
        case created
    }

    /// One process.
    public struct Process: Sendable {
        public var ocid: String
        public var dealID: Int64
        public var dealName: String
        public var accountName: String
        public var match: Match
        public var lines: [Line]
        public init(ocid: String, dealID: Int64, dealName: String, accountName: String, match: Match, lines: [Line]) {
            self.ocid = ocid; self.dealID = dealID; self.dealName = dealName; self.accountName = accountName; self.match = match; self.lines = lines
        }
    }

    /// One release: what it did.
    public struct Line: Sendable {
        public var path: String
        public var tags: [String]
        public var day: Day
        public var outcome: Outcome
        public init(path: String, tags: [String], day: Day, outcome: Outcome) {
            self.path = path; self.tags = tags; self.day = day; self.outcome = outcome
        }
    }

    /// What a release did.
    public enum Outcome: Sendable, Equatable {
        case moved(String)
        case failedTender(String)
        /// The deal was created in this stage by this release.
        case started(String)
        case unchanged(String)

        public var changed: Bool { if case .unchanged = self { false } else { true } }
    }

    public var processes: [Process]
    public init(processes: [Process]) { self.processes = processes }

    /// Releases that changed something, and those that did not.
    public var applied: Int { processes.reduce(0) { $0 + $1.lines.filter(\.outcome.changed).count } }
    public var unchanged: Int { processes.reduce(0) { $0 + $1.lines.filter { !$0.outcome.changed }.count } }
    /// Whether anything was written (a release applied, a deal created, an ocid stored).
    public var changedAnything: Bool { applied > 0 || processes.contains { $0.match != .ocid } }
}
