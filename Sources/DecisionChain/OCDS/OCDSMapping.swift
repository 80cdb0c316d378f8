import Foundation

/// How a government deal maps onto the Open Contracting Data Standard (OCDS
/// 1.1): its stages onto release tags and `tender.status`, its procurement
/// method onto `procurementMethod`, and release tags back onto stages for
/// `import ocds`. The table is `docs/ocds.md`; this is its one copy.
public enum OCDSMapping {
    /// The pipeline OCDS describes: public procurement.
    public static let pipelineKey = "government"

    /// The part of a contracting process a release tells about (the base of its tag).
    public enum Phase: Int, CaseIterable, Sendable, Comparable {
        case planning, tender, award, contract, implementation

        /// The tag of the first release of the phase.
        public var tag: String {
            switch self {
            case .planning: "planning"; case .tender: "tender"; case .award: "award"
            case .contract: "contract"; case .implementation: "implementation"
            }
        }

        /// The tag of a later release of the same phase.
        public var updateTag: String { tag + "Update" }

        public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }

    /// One row of the stage table.
    public struct StageRow: Sendable, Equatable {
        public var stageKey: String
        public var phase: Phase
        /// `tender.status` while the deal is in the stage.
        public var tenderStatus: String
    }

    /// The government stages in pipeline order, with their phase and tender status.
    public static let stages: [StageRow] = [
        StageRow(stageKey: "needs", phase: .planning, tenderStatus: "planning"),
        StageRow(stageKey: "approval", phase: .planning, tenderStatus: "planning"),
        StageRow(stageKey: "intention", phase: .planning, tenderStatus: "planned"),
        StageRow(stageKey: "specification", phase: .planning, tenderStatus: "planned"),
        StageRow(stageKey: "tender-notice", phase: .tender, tenderStatus: "active"),
        StageRow(stageKey: "bidding", phase: .tender, tenderStatus: "active"),
        StageRow(stageKey: "evaluation", phase: .tender, tenderStatus: "active"),
        StageRow(stageKey: "award", phase: .award, tenderStatus: "complete"),
        StageRow(stageKey: "contract", phase: .contract, tenderStatus: "complete"),
        StageRow(stageKey: "implementation", phase: .implementation, tenderStatus: "complete"),
        StageRow(stageKey: "operation", phase: .implementation, tenderStatus: "complete"),
    ]

    /// The row of a government stage key.
    public static func stage(_ key: String) -> StageRow? { stages.first { $0.stageKey == key } }

    /// The release tag of a failed tender (流标) and its `tender.status`.
    public static let failedTenderTag = "tenderCancellation"
    public static let failedTenderStatus = "unsuccessful"

    /// `procurementMethod` (open, selective, limited, direct) of a deal's method.
    /// 询价 (inquiry) goes to qualified suppliers the buyer picks: limited; a
    /// framework agreement (框架协议) admits suppliers by open solicitation: open.
    public static func procurementMethod(_ m: ProcurementMethod) -> String {
        switch m {
        case .publicTender, .framework: "open"
        case .invitedTender: "selective"
        case .competitiveNegotiation, .competitiveConsultation, .inquiry: "limited"
        case .singleSource, .direct: "direct"
        }
    }

    /// A deal's method read back from a release: the Chinese name (or the key)
    /// in `procurementMethodDetails` first, else `procurementMethod` where it
    /// names one method (open → public-tender, selective → invited-tender,
    /// direct → single-source); limited names several, so nil.
    public static func method(procurementMethod: String?, details: String?) -> ProcurementMethod? {
        if let d = details?.trimmingCharacters(in: .whitespaces), !d.isEmpty,
           let m = ProcurementMethod.allCases.first(where: { d == $0.zh || d == $0.rawValue || d.hasPrefix($0.zh) }) {
            return m
        }
        switch procurementMethod {
        case "open": return .publicTender
        case "selective": return .invitedTender
        case "direct": return .singleSource
        default: return nil
        }
    }

    /// Every tag of the closed OCDS 1.1 releaseTag codelist.
    public static let releaseTags: Set<String> = [
        "planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "awardUpdate",
        "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate",
        "contractTermination", "compiled",
    ]

    /// The stage a release tag moves a deal to on import; nil for tags that
    /// move nothing (awardCancellation, contractTermination, compiled) and for
    /// tenderCancellation, which is a failed tender.
    public static func importStage(forTag tag: String) -> String? {
        switch tag {
        case "planning", "planningUpdate": "intention"
        case "tender", "tenderUpdate", "tenderAmendment": "tender-notice"
        case "award", "awardUpdate": "award"
        case "contract", "contractUpdate", "contractAmendment": "contract"
        case "implementation", "implementationUpdate": "implementation"
        default: nil
        }
    }

    /// The tender statuses that mean the tender failed (流标).
    public static let failedTenderStatuses: Set<String> = ["cancelled", "unsuccessful"]
}

/// An OCDS contracting-process id as dchain stores it on a deal.
public enum OCID {
    /// The prefix minted ocids get without `--ocid-prefix`: `ocds-dchain-<deal id>`.
    public static let defaultPrefix = "ocds-dchain"

    /// Checks an ocid (or a prefix): non-empty, at most 200 characters, no spaces or control characters.
    public static func parse(_ text: String, field: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 200, !t.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            throw InputError(field: field, value: text, problem: "is not an ocid (1–200 characters, no spaces or control characters, e.g. ocds-213czf-000-00001)")
        }
        return t
    }

    /// The ocid a deal without one is exported with: `<prefix>-<deal id>`.
    public static func minted(prefix: String, dealID: Int64) -> String { "\(prefix)-\(dealID)" }
}
