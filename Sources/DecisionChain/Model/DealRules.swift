/// The rules of a deal's state changes: which moves, closes and role
/// changes are allowed, given the deal as it stands. The store calls them
/// inside the transaction that holds the deal's row lock, so the deal they
/// judge is the one the write will change.
public enum DealRules {
    /// Checks a move of `deal` (as locked) into `stage` on `day`, where
    /// `lastChange` is the latest day of its stage history. A move into the
    /// stage the deal is already in is refused: it would record a needs → needs
    /// visit and restart the deal's days in stage.
    public static func checkMove(_ deal: Deal, to stage: Stage, on day: Day, lastChange: Day?) throws {
        guard deal.status == .open else {
            throw DomainError("deal \"\(deal.name)\" is \(deal.status.rawValue)" + (deal.closedOn.map { " (closed \($0))" } ?? "")
                              + "; only open deals move")
        }
        guard stage.pipelineKey == deal.pipelineKey else {
            throw InputError(field: "stage", value: stage.key, problem: "is not a stage of pipeline \(deal.pipelineKey)")
        }
        guard stage.key != deal.stageKey else {
            throw DomainError("deal \"\(deal.name)\" is already in stage \(stage.key)"
                              + (lastChange.map { " (since \($0))" } ?? "") + "; nothing moved")
        }
        if let lastChange, day < lastChange {
            throw InputError(field: "on", value: day.description, problem: "is before the deal's last stage change (\(lastChange))")
        }
    }

    /// The stages of the government pipeline in which a tender can fail:
    /// from the tender notice until the award.
    public static let tenderStages: [String] = ["tender-notice", "bidding", "evaluation"]
    /// Where a failed tender (流标) takes the deal: back to the specification
    /// and tender documents, which are revised before the tender is repeated.
    public static let failedTenderStage = "specification"

    /// Checks recording a failed tender (流标) for `deal` (as locked) as a move
    /// into `stage`: the deal is in a tender stage of the government pipeline
    /// and goes back to `failedTenderStage`.
    public static func checkFailedTender(_ deal: Deal, to stage: Stage) throws {
        guard stage.key == failedTenderStage, stage.pipelineKey == "government" else {
            throw InputError(field: "stage", value: stage.key, problem: "is not where a failed tender goes; use \(failedTenderStage)")
        }
        guard deal.pipelineKey == "government", tenderStages.contains(deal.stageKey) else {
            throw DomainError("deal \"\(deal.name)\" is in stage \(deal.stageKey), not in a tender (\(tenderStages.joined(separator: ", "))); "
                              + "a failed tender (流标) is recorded while the tender runs")
        }
    }

    /// Checks closing `deal` (as locked) as `status`: a deal closes once.
    public static func checkClose(_ deal: Deal, as status: DealStatus) throws {
        guard status != .open else { throw InputError(field: "outcome", value: "open", problem: "is not an outcome; use won, lost or dropped") }
        guard deal.status == .open else {
            throw DomainError("deal \"\(deal.name)\" is already \(deal.status.rawValue)" + (deal.closedOn.map { " (closed \($0))" } ?? "")
                              + "; a deal closes once")
        }
    }
}

/// The rules of a deal's decision chain (its buying influences).
public enum DecisionChainRules {
    /// What naming `newcomer` as EB does to the deal's current EB.
    public enum EBChange: Equatable, Sendable {
        /// No other current EB: nothing to retire.
        case none
        /// The current EB is retired first (`--replace`).
        case retire
    }

    /// A deal has one economic buyer: naming a second one is refused unless
    /// `replace`, which retires the current one. `currentEB` is the name of
    /// the deal's current EB other than `newcomer`, if any.
    public static func admitEB(deal: String, newcomer: String, currentEB: String?, replace: Bool) throws -> EBChange {
        guard let currentEB else { return .none }
        guard replace else {
            throw DomainError("deal \"\(deal)\" already has an EB (\(currentEB)); a deal has one economic buyer — use --replace to make \(newcomer) the EB")
        }
        return .retire
    }

    /// A role ends on or after the day it began: `role clear --on` an earlier
    /// day is refused, naming both days.
    public static func checkEnd(stakeholder: String, role: Role, deal: String, began: Day, on day: Day) throws {
        if day < began {
            throw InputError(field: "on", value: day.description,
                             problem: "is before \(stakeholder) became \(role.rawValue) in \(deal) (\(began)); use --on \(began) or later")
        }
    }

    /// A role changes on or after the day its current version began.
    public static func checkChange(began: Day, on day: Day) throws {
        if day < began { throw InputError(field: "on", value: day.description, problem: "is before this role was last set (\(began))") }
    }
}
