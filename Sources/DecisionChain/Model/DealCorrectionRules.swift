/// The rules of correcting a deal: undoing its latest stage move.
public enum DealCorrectionRules {
    /// Checks that `deal` (as locked) may take back its latest stage move,
    /// given its stage history oldest first; returns the entry that goes and
    /// the one the deal falls back to. Only open deals move, and the first
    /// stage (how the deal began) stays.
    public static func checkUndoMove(_ deal: Deal, history: [StageVisit]) throws -> (removed: StageVisit, back: StageVisit) {
        guard deal.status == .open else {
            throw DomainError("deal \"\(deal.name)\" is \(deal.status.rawValue)" + (deal.closedOn.map { " (closed \($0))" } ?? "")
                              + "; only an open deal's moves can be undone")
        }
        guard history.count >= 2, let removed = history.last else {
            throw DomainError("deal \"\(deal.name)\" has only its first stage (\(history.first.map { "\($0.stageKey) since \($0.entered)" } ?? deal.stageKey)); "
                              + "there is no move to undo")
        }
        return (removed, history[history.count - 2])
    }
}
