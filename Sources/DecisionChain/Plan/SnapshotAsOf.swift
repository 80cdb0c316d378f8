/// One version of a buying influence and the day it ended (nil: still current).
public struct InfluencePeriod: Hashable, Sendable {
    public var influence: BuyingInfluence
    public var until: Day?
    public init(_ influence: BuyingInfluence, until: Day?) { self.influence = influence; self.until = until }
}

/// When a pain point got our response and when it was resolved (nil: not yet, or not recorded).
public struct PainDates: Hashable, Sendable {
    public var respondedOn: Day?
    public var resolvedOn: Day?
    public init(respondedOn: Day?, resolvedOn: Day?) { self.respondedOn = respondedOn; self.resolvedOn = resolvedOn }
}

extension AccountSnapshot {
    /// The account as it was at the end of `day`: touchpoints, stage entries and pain points up
    /// to that day; each deal in the stage its history gives for that day and open if it closed
    /// later (deals not yet created are left out); the buying influences valid that day; pain
    /// points with the status and response they had then. What `plan`, `report deal` and `map`
    /// see with `--as-of` — the same as a database holding only the facts up to that day.
    public func asOf(_ day: Day) -> AccountSnapshot {
        var s = self
        s.stageHistory = stageHistory.filter { $0.entered <= day }
        s.deals = deals.compactMap { d in
            let visits = stageHistory.filter { $0.dealID == d.id }
            var d = d
            if !visits.isEmpty {
                guard let then = visits.filter({ $0.entered <= day }).max(by: { $0.entered < $1.entered }) else { return nil }
                d.stageKey = then.stageKey
            }
            if d.status != .open, let closed = d.closedOn, closed > day { d.status = .open; d.closedOn = nil; d.closeReason = nil }
            return d
        }
        if !influenceHistory.isEmpty {
            s.influences = influenceHistory.filter { p in
                (p.influence.since.map { $0 <= day } ?? true) && (p.until.map { $0 > day } ?? true)
            }.map(\.influence).sorted { ($0.dealID, $0.stakeholderID) < ($1.dealID, $1.stakeholderID) }
        }
        s.touchpoints = touchpoints.filter { $0.at.day <= day }
        s.observations = observations.filter { $0.on <= day }
        s.surveys = surveys.filter { $0.on <= day }
        s.painPoints = painPoints.filter { $0.raisedOn <= day }.map { p in
            guard let dates = painDates[p.id] else { return p }
            var p = p
            if let resolved = dates.resolvedOn, resolved <= day { p.status = .resolved; return p }
            if let responded = dates.respondedOn, responded <= day { if p.status == .resolved { p.status = .addressed }; return p }
            if dates.respondedOn != nil || dates.resolvedOn != nil { p.status = .open; p.response = nil }
            return p
        }
        return s
    }
}
