import DecisionChain

/// How experience metrics read in every view (the map's metrics lane, the
/// pipeline report's metrics section, the deal review), in English and
/// Chinese: `NPS +33.3 (n=3; target +30 met)`, `CSAT 4.25/5 (n=4)`.
public enum MetricsLabels {
    static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { Labels.pick(en, zh, lang) }

    /// A number as short as it is exact to the stored precision: `33.3`, `4.25`, `30`; NPS signed (`+33.3`, `-20`, `0`).
    public static func number(_ v: Double, signed: Bool = false) -> String {
        let r = (v * 100).rounded() / 100
        var s = r == r.rounded() ? String(Int(r)) : String(r)
        if signed && r > 0 { s = "+" + s }
        return s
    }

    /// The headline number of a kind: the signed NPS score, or the mean (`4.25`); "–" when nobody answered.
    public static func value(_ s: ScoreAgainstTarget) -> String {
        guard let v = s.value else { return "–" }
        return number(v, signed: s.kind == .nps)
    }

    /// A target as the kind writes it (`+30`, `4.2`).
    public static func target(_ kind: SurveyKind, _ v: Double) -> String { number(v, signed: kind == .nps) }

    /// `n=3` / `3 份`.
    public static func count(_ n: Int, _ lang: Language) -> String { pick("n=\(n)", "\(n) 份", lang) }

    /// `met` / `below target`: how a score stands against its target ("" without one).
    public static func standing(_ s: ScoreAgainstTarget, _ lang: Language) -> String {
        switch s.meetsTarget {
        case true?: return pick("met", "达成", lang)
        case false?: return pick("below", "未达", lang)
        case nil: return ""
        }
    }

    /// One kind in one line: `NPS +33.3 (n=3; target +30 met)`, `CSAT 4.25/5 (n=4)` (the NPS split is in the JSON).
    public static func line(_ s: ScoreAgainstTarget, _ lang: Language) -> String {
        let scale = s.kind == .nps ? "" : "/\(s.kind.scale.upperBound)"
        var detail = count(s.n, lang)
        if let t = s.target {
            detail += pick("; target \(target(s.kind, t))", "；目标 \(target(s.kind, t))", lang)
            let st = standing(s, lang)
            if !st.isEmpty { detail += " " + st }
        }
        return "\(s.kind.label) \(value(s))\(s.n > 0 ? scale : "")" + pick(" (\(detail))", "（\(detail)）", lang)
    }

    /// The lines of the kinds answered (none when nobody answered).
    public static func lines(_ e: ExperienceScores, _ lang: Language) -> [String] { e.answered.map { line($0, lang) } }

    /// Whether a score is worth a warning colour: below its target.
    public static func isBelowTarget(_ s: ScoreAgainstTarget) -> Bool { s.meetsTarget == false }

    // Headings and column names of the metrics section and block.
    public static func title(_ lang: Language) -> String { pick("Experience metrics", "体验指标", lang) }
    public static func byRole(_ lang: Language) -> String { pick("By role", "按角色", lang) }
    public static func trend(_ g: TrendGranularity, _ lang: Language) -> String {
        g == .month ? pick("Trend by month", "按月趋势", lang) : pick("Trend by quarter", "按季度趋势", lang)
    }
    public static func renewal(_ lang: Language) -> String { pick("Renewals (enterprise deals that reached renewal)", "续约（进入续约阶段的企业项目）", lang) }
    public static func noRole(_ lang: Language) -> String { pick("no role", "无角色", lang) }
    public static func noSurveys(_ lang: Language) -> String {
        pick("no surveys in the period (dchain survey ACCOUNT --who NAME --nps 0..10)", "期间内无调查（dchain survey 客户 --who 姓名 --nps 0..10）", lang)
    }
    public static func period(_ lang: Language) -> String { pick("Period", "期间", lang) }

    /// `12 reached renewal: 7 renewed, 2 not, 3 pending; rate 77.8%`.
    public static func renewalLine(_ r: RenewalRate, _ lang: Language) -> String {
        let rate = r.rate.map { number($0 * 100) + "%" } ?? "–"
        return pick("\(r.reached) reached renewal: \(r.renewed) renewed, \(r.notRenewed) not renewed, \(r.pending) pending; renewal rate \(rate)",
                    "\(r.reached) 个进入续约：续约 \(r.renewed)，未续约 \(r.notRenewed)，待定 \(r.pending)；续约率 \(rate)", lang)
    }

    /// `NPS +30 · CSAT 4.2 (enterprise)`: the targets set, for a report's scope line.
    public static func targets(_ list: [MetricTarget], _ lang: Language) -> String {
        guard !list.isEmpty else { return pick("no targets set (dchain metric target nps 30)", "未设目标（dchain metric target nps 30）", lang) }
        return pick("Targets: ", "目标：", lang) + list.sorted { ($0.pipelineKey ?? "", $0.kind) < ($1.pipelineKey ?? "", $1.kind) }.map {
            "\($0.kind.label) \(target($0.kind, $0.value))" + ($0.pipelineKey.map { pick(" (\($0))", "（\(Labels.pipelineShort($0, lang))）", lang) } ?? "")
        }.joined(separator: " · ")
    }
}
