/// Net Promoter Score: the share of promoters (9–10) minus the share of
/// detractors (0–6), in percentage points (−100…+100); passives (7–8) count
/// in the total only.
public struct NetPromoterScore: Hashable, Sendable {
    /// Where one answer falls.
    public enum Category: String, Sendable { case promoter, passive, detractor }

    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    public init(promoters: Int, passives: Int, detractors: Int) {
        self.promoters = promoters; self.passives = passives; self.detractors = detractors
    }

    /// Counts the answers (each 0…10).
    public init<S: Sequence>(scores: S) where S.Element == Int {
        var p = 0, m = 0, d = 0
        for s in scores {
            switch Self.category(s) {
            case .promoter: p += 1
            case .passive: m += 1
            case .detractor: d += 1
            }
        }
        self.init(promoters: p, passives: m, detractors: d)
    }

    /// 9 and 10 promote, 7 and 8 are passive, 0 to 6 detract.
    public static func category(_ score: Int) -> Category {
        score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
    }

    /// How many answered.
    public var n: Int { promoters + passives + detractors }

    /// % promoters − % detractors, rounded to one decimal; nil when nobody answered.
    public var score: Double? {
        guard n > 0 else { return nil }
        return (Double(promoters - detractors) * 1000 / Double(n)).rounded() / 10
    }
}
