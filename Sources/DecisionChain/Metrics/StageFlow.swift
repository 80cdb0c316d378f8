/// The computed metrics of moving through a pipeline: stage-to-stage
/// conversion, days per stage (from the stage history) and their median.
public enum StageFlow {
    /// Conversion into each stage: deals that reached it ÷ deals that reached
    /// the one before (`reached` in pipeline order); nil for the first stage
    /// and after a stage nobody reached. Rounded to 3 decimals.
    public static func conversions(reached: [Int]) -> [Double?] {
        reached.indices.map { i in
            guard i > 0, reached[i - 1] > 0 else { return nil }
            return (Double(reached[i]) * 1000 / Double(reached[i - 1])).rounded() / 1000
        }
    }

    /// The median of some values (the mean of the middle two for an even count); nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// The days of each finished visit of a deal's stage history (oldest first):
    /// a visit ends when the next begins, the last one when the deal closed
    /// (`closedOn`); an open deal's current visit is not finished and is left out.
    public static func visitDays(_ history: [StageVisit], closedOn: Day?) -> [(stageKey: String, days: Int)] {
        let h = history.sorted { $0.entered < $1.entered }
        return h.indices.compactMap { i in
            let end = i + 1 < h.count ? h[i + 1].entered : closedOn
            return end.map { (h[i].stageKey, max(0, h[i].entered.days(to: $0))) }
        }
    }
}

/// How enterprise deals that reached the `renewal` stage came out: renewed
/// (won), not renewed (lost or dropped), or still open.
public struct RenewalRate: Hashable, Sendable {
    /// The stage whose deals count.
    public static let stageKey = "renewal"
    /// The pipeline it is measured in.
    public static let pipelineKey = "enterprise"

    public var reached: Int
    public var renewed: Int
    public var notRenewed: Int
    public var pending: Int { reached - renewed - notRenewed }

    public init(reached: Int, renewed: Int, notRenewed: Int) {
        self.reached = reached; self.renewed = renewed; self.notRenewed = notRenewed
    }

    /// renewed ÷ decided (renewed + not renewed), 3 decimals; nil while none is decided.
    public var rate: Double? {
        let decided = renewed + notRenewed
        guard decided > 0 else { return nil }
        return (Double(renewed) * 1000 / Double(decided)).rounded() / 1000
    }
}

/// The buckets of a metrics trend: months for a period up to a year, quarters beyond.
public enum TrendGranularity: String, CaseIterable, Codable, Sendable {
    case month, quarter

    /// Months when `since…today` spans at most 366 days, else quarters.
    public static func forPeriod(since: Day, today: Day) -> TrendGranularity {
        since.days(to: today) <= 366 ? .month : .quarter
    }

    /// The first day of the bucket a day falls in.
    public func start(of day: Day) -> Day {
        let p = day.parts
        let month = self == .month ? p.month : (p.month - 1) / 3 * 3 + 1
        return Day(year: p.year, month: month, day: 1)!
    }

    /// The bucket's label: `2026-03`, or `2026-Q1`.
    public func label(of day: Day) -> String {
        let p = start(of: day).parts
        return self == .month ? String(day.description.prefix(7)) : "\(p.year)-Q\((p.month - 1) / 3 + 1)"
    }
}
