import DecisionChain
import Foundation

/// English and Chinese labels of the pipeline report and the deal review
/// sheet, and the sentences that explain red flags and strengths.
public enum ReportLabels {
    static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { Labels.pick(en, zh, lang) }

    // MARK: - titles

    /// The pipeline report's title.
    public static func pipelineTitle(_ lang: Language) -> String { pick("Pipeline journey report", "销售管道旅程报告", lang) }
    /// The deal review sheet's title.
    public static func reviewTitle(_ lang: Language) -> String { pick("Deal review", "项目评审表", lang) }

    /// A section's heading.
    public static func section(_ s: PipelineReportSection, _ lang: Language) -> String {
        switch s {
        case .funnel: return pick("Funnel", "漏斗", lang)
        case .velocity: return pick("Velocity", "推进速度", lang)
        case .coverage: return pick("Decision-chain coverage", "决策链覆盖", lang)
        case .emotionHeatmap: return pick("Emotion heat map", "情绪热力图", lang)
        case .painPoints: return pick("Top pain points", "主要痛点", lang)
        case .redFlags: return pick("Red flags", "风险信号", lang)
        case .winLoss: return pick("Win/loss", "赢单/丢单", lang)
        case .metrics: return pick("Experience metrics", "体验指标", lang)
        }
    }

    /// One line saying what a section shows.
    public static func sectionNote(_ s: PipelineReportSection, _ lang: Language) -> String {
        switch s {
        case .funnel:
            return pick("Open deals per stage now; reached = deals of the period that got this far; conversion = reached ÷ reached at the previous stage.",
                        "各阶段当前进行中的项目；到达 = 本期项目中走到该阶段（或更远）的数量；转化率 = 到达 ÷ 上一阶段到达。", lang)
        case .velocity:
            return pick("Days in the current stage against the stage's expected days; over 1.5× is stalled. Medians over stage visits that ended in the period.",
                        "当前阶段停留天数对比预期天数；超过 1.5 倍即为停滞。中位数取本期内结束的阶段停留。", lang)
        case .coverage:
            return pick("Per open deal: who holds each role, whether they were contacted within cadence (EB 30, TB 14, UB 21, Coach 7 days), and their latest emotion.",
                        "每个进行中项目：各角色由谁担任、是否在节奏内联系（EB 30 天、TB 14 天、UB 21 天、Coach 7 天）、最近情绪。", lang)
        case .emotionHeatmap:
            return pick("Mean known emotion (−3…+3) by stage and role at touchpoints in the period; n = emotions behind the cell.",
                        "本期触点中按阶段与角色统计的已知情绪均值（−3…+3）；n 为样本数。", lang)
        case .painPoints:
            return pick("Open pain points grouped by their text, most frequent first.", "未解决痛点按原文归类，按出现次数排序。", lang)
        case .redFlags:
            return pick("What needs attention this week, and why.", "本周需要关注的问题及原因。", lang)
        case .winLoss:
            return pick("Deals closed in the period, by outcome, the stage they closed in, and the reason.",
                        "本期关闭的项目：按结果、关闭时所处阶段与原因统计。", lang)
        case .metrics:
            return pick("Surveys answered in the period: NPS = % promoters (9–10) − % detractors (0–6); CSAT mean 1–5; CES mean 1–7 (7: the easiest); "
                        + "✓ at or above the target, ✗ below. Reached, conversion and median days as in the funnel and velocity.",
                        "本期调查回答：NPS = 推荐者（9–10）占比 − 贬损者（0–6）占比；CSAT 均值 1–5；CES 均值 1–7（7 最省力）；"
                        + "✓ 达到目标，✗ 未达。到达、转化率与中位天数同漏斗和推进速度。", lang)
        }
    }

    // MARK: - column labels

    public static func pipeline(_ lang: Language) -> String { pick("Pipeline", "管道", lang) }
    public static func stage(_ lang: Language) -> String { pick("Stage", "阶段", lang) }
    public static func openDeals(_ lang: Language) -> String { pick("Open deals", "进行中", lang) }
    public static func amount(_ lang: Language) -> String { pick("Amount", "金额", lang) }
    public static func weight(_ lang: Language) -> String { pick("Weight", "权重", lang) }
    public static func weighted(_ lang: Language) -> String { pick("Weighted", "加权金额", lang) }
    public static func reached(_ lang: Language) -> String { pick("Reached", "到达", lang) }
    public static func conversion(_ lang: Language) -> String { pick("Conversion", "转化率", lang) }
    public static func account(_ lang: Language) -> String { pick("Account", "客户", lang) }
    public static func deal(_ lang: Language) -> String { pick("Deal", "项目", lang) }
    public static func days(_ lang: Language) -> String { pick("Days", "天数", lang) }
    public static func expected(_ lang: Language) -> String { pick("Expected", "预期", lang) }
    public static func ratio(_ lang: Language) -> String { pick("Ratio", "倍数", lang) }
    public static func stalled(_ lang: Language) -> String { pick("stalled", "停滞", lang) }
    public static func median(_ lang: Language) -> String { pick("Median days", "中位天数", lang) }
    public static func visits(_ lang: Language) -> String { pick("Visits", "样本", lang) }
    public static func stageMedians(_ lang: Language) -> String { pick("Median days per stage", "各阶段中位停留天数", lang) }
    public static func pain(_ lang: Language) -> String { pick("Pain point", "痛点", lang) }
    public static func occurrences(_ lang: Language) -> String { pick("Times", "次数", lang) }
    public static func severity(_ lang: Language) -> String { pick("Severity", "严重度", lang) }
    public static func accounts(_ lang: Language) -> String { pick("Accounts", "客户", lang) }
    public static func flag(_ lang: Language) -> String { pick("Flag", "信号", lang) }
    public static func why(_ lang: Language) -> String { pick("Why", "原因", lang) }
    public static func outcome(_ lang: Language) -> String { pick("Outcome", "结果", lang) }
    public static func reason(_ lang: Language) -> String { pick("Reason", "原因", lang) }
    public static func deals(_ lang: Language) -> String { pick("Deals", "项目数", lang) }
    public static func role(_ lang: Language) -> String { pick("Role", "角色", lang) }
    public static func period(_ lang: Language) -> String { pick("Period", "期间", lang) }
    public static func filters(_ lang: Language) -> String { pick("Filters", "筛选", lang) }
    public static func none(_ lang: Language) -> String { pick("none", "无", lang) }
    public static func noReason(_ lang: Language) -> String { pick("(no reason given)", "（未填写原因）", lang) }
    public static func unknown(_ lang: Language) -> String { pick("unknown", "未知", lang) }
    public static func empty(_ lang: Language) -> String { pick("Nothing in this section for the period and filters.", "本期与筛选条件下无数据。", lang) }
    public static func stakeholder(_ lang: Language) -> String { pick("Stakeholder", "联系人", lang) }
    public static func title(_ lang: Language) -> String { pick("Title", "职务", lang) }
    public static func influence(_ lang: Language) -> String { pick("Influence", "影响力", lang) }
    public static func stance(_ lang: Language) -> String { pick("Stance", "态度", lang) }
    public static func mode(_ lang: Language) -> String { pick("Mode", "反应模式", lang) }
    public static func rating(_ lang: Language) -> String { pick("Rating", "评分", lang) }
    public static func personalWin(_ lang: Language) -> String { pick("Personal win", "个人赢", lang) }
    public static func lastContact(_ lang: Language) -> String { pick("Last contact", "最近联系", lang) }
    public static func emotion(_ lang: Language) -> String { pick("Emotion", "情绪", lang) }
    public static func buyingInfluences(_ lang: Language) -> String { pick("Buying influences", "采购影响者", lang) }
    public static func strengths(_ lang: Language) -> String { pick("Strengths", "优势", lang) }
    public static func plan(_ lang: Language) -> String { pick("Next steps (plan)", "下一步（沟通计划）", lang) }
    public static func due(_ lang: Language) -> String { pick("Due", "截止", lang) }
    public static func priority(_ lang: Language) -> String { pick("Priority", "优先级", lang) }
    public static func with(_ lang: Language) -> String { pick("With", "对象", lang) }
    public static func action(_ lang: Language) -> String { pick("Action", "行动", lang) }
    public static func channel(_ lang: Language) -> String { pick("Channel", "渠道", lang) }
    public static func status(_ lang: Language) -> String { pick("Status", "状态", lang) }
    public static func owner(_ lang: Language) -> String { pick("Owner", "负责人", lang) }
    public static func daysInStage(_ lang: Language) -> String { pick("Days in stage", "本阶段天数", lang) }
    public static func asOf(_ lang: Language) -> String { pick("As of", "日期", lang) }
    public static func noFlags(_ lang: Language) -> String { pick("No red flags.", "无风险信号。", lang) }
    public static func noStrengths(_ lang: Language) -> String { pick("None recorded yet.", "暂无。", lang) }
    public static func noInfluences(_ lang: Language) -> String { pick("No buying influences recorded.", "尚未记录采购影响者。", lang) }
    public static func noPlan(_ lang: Language) -> String { pick("The plan has no step for this deal.", "沟通计划中没有该项目的待办。", lang) }
    public static func closedNoFlags(_ status: DealStatus, _ lang: Language) -> String {
        lang == .zh ? "项目已\(Labels.status(status, lang))，不再评估风险信号。" : "The deal is \(status.rawValue); red flags apply to open deals."
    }

    /// Yes / no for a cell.
    public static func yes(_ lang: Language) -> String { pick("yes", "是", lang) }
    public static func no(_ lang: Language) -> String { pick("no", "否", lang) }

    /// The period and filters of a report, as one line.
    public static func scope(_ f: PipelineReportFilter, _ lang: Language) -> String {
        var parts = ["\(f.since) – \(f.today)"]
        if let t = f.team { parts.append(pick("team ", "团队 ", lang) + t) }
        if let o = f.owner { parts.append(pick("owner ", "负责人 ", lang) + o) }
        if let r = f.region { parts.append(pick("region ", "区域 ", lang) + r) }
        if let k = f.kind { parts.append(pick("kind ", "类型 ", lang) + Labels.kind(k, lang)) }
        if let p = f.pipeline { parts.append(pick("pipeline ", "管道 ", lang) + p) }
        return parts.joined(separator: " · ")
    }

    // MARK: - red flags and strengths

    /// A red flag's short name.
    public static func flagName(_ k: RedFlagKind, _ lang: Language) -> String {
        switch k {
        case .noEB: return pick("no EB", "无决策者", lang)
        case .ebNegative: return pick("EB negative", "决策者负面", lang)
        case .noCoach: return pick("no Coach", "无内线", lang)
        case .singleThreaded: return pick("single-threaded", "单线联系", lang)
        case .stalled: return pick("stalled", "停滞", lang)
        case .opponent: return pick("opponent", "强势反对者", lang)
        case .silent30d: return pick("silent 30 days", "30 天无触点", lang)
        case .overdueContact: return pick("overdue contact", "联系逾期", lang)
        case .unansweredPain: return pick("unanswered pain", "痛点未回应", lang)
        case .quietStageContact: return pick("contact in quiet period", "静默期接触", lang)
        }
    }

    /// Why a red flag was raised, as a sentence.
    public static func why(_ flag: RedFlag, stageName: String? = nil, _ lang: Language) -> String {
        switch flag.evidence {
        case .noEB:
            return pick("No economic buyer (EB) identified for this deal.", "该项目尚未确定决策者（EB）。", lang)
        case let .ebNegative(names, emotion, on):
            let who = names.joined(separator: ", ")
            let when = on.map { lang == .zh ? "（\($0)）" : " on \($0)" } ?? ""
            return lang == .zh ? "决策者 \(who) 最近一次情绪为 \(emotion)\(when)。"
                               : "EB \(who): latest known emotion \(emotion)\(when)."
        case .noCoach:
            return pick("No Coach (inside helper) identified.", "尚未发展内线（Coach）。", lang)
        case let .singleThreaded(contacted, window):
            return lang == .zh ? "近 \(window) 天仅联系了 \(contacted) 位客户方人员。"
                               : "Only \(contacted) stakeholder\(contacted == 1 ? "" : "s") contacted in the last \(window) days."
        case let .stalled(stageKey, days, expected, factor):
            let stage = stageName ?? stageKey
            return lang == .zh ? "在「\(stage)」已停留 \(days) 天，超过预期 \(expected) 天的 \(number(factor)) 倍。"
                               : "\(days) days in \(stage), over \(number(factor))× the expected \(expected) days."
        case let .opponent(people):
            let list = people.map { "\($0.name) (\($0.role.rawValue), \(Labels.stance($0.stance, lang)))" }.joined(separator: ", ")
            return lang == .zh ? "高影响力的怀疑/反对者：\(list)。" : "High-influence skeptic or opponent: \(list)."
        case let .silent(last, window):
            guard let last else {
                return pick("No touchpoint has ever been logged on this deal.", "该项目从未记录过触点。", lang)
            }
            return lang == .zh ? "超过 \(window) 天没有该项目的触点（最近一次 \(last)）。"
                               : "No touchpoint on the deal for over \(window) days (last on \(last))."
        case let .overdueContact(name, roles, o):
            let held = roles.map(\.rawValue).joined(separator: "/")
            guard let last = o.lastContact, let days = o.days, let due = o.due else {
                return lang == .zh ? "\(name)（\(held)）从未接触过；\(o.cadenceRole.rawValue) 的联系周期是 \(o.cadenceDays) 天。"
                                   : "\(name) (\(held)) has never been contacted; the \(o.cadenceRole.rawValue) cadence is \(o.cadenceDays) days."
            }
            return lang == .zh
                ? "\(name)（\(held)）最近一次接触是 \(last)，已 \(days) 天，超过 \(o.cadenceRole.rawValue) 的 \(o.cadenceDays) 天联系周期（应于 \(due) 前联系）。"
                : "\(name) (\(held)) last contacted on \(last), \(days) days ago: past the \(o.cadenceRole.rawValue) cadence of \(o.cadenceDays) days (due \(due))."
        case let .unansweredPain(p, days, threshold):
            let by = p.raisedBy.map { lang == .zh ? "\($0)于" : " by \($0)" } ?? ""
            let sev = Labels.severity(p.severity, lang)
            return lang == .zh
                ? "\(by)\(p.raisedOn)提出的\(p.kind == .need ? "需求" : "痛点")“\(p.text)”（严重度\(sev)）已 \(days) 天没有回应（阈值 \(threshold) 天）。"
                : "The \(sev)-severity \(p.kind == .need ? "need" : "pain point") “\(p.text)” raised\(by) on \(p.raisedOn) has had no response for \(days) days (threshold \(threshold))."
        case let .quietStageContact(q):
            let stage = q.stageName?.text(lang) ?? q.stageKey
            let who = q.people.joined(separator: ", ")
            return lang == .zh
                ? "\(q.on) 在静默期「\(stage)」通过\(Labels.channel(q.channel, lang))接触了客户方 \(who)；此阶段只应通过标书澄清或招标文件往来。"
                : "On \(q.on), during the quiet stage \(stage), a \(Labels.channel(q.channel, lang)) with the buyer's \(who); only bid clarifications and tender documents belong in this stage."
        }
    }

    /// A strength's short name.
    public static func strengthName(_ k: StrengthKind, _ lang: Language) -> String {
        switch k {
        case .ebEngaged: return pick("EB engaged", "决策者积极", lang)
        case .coachActive: return pick("Coach active", "内线活跃", lang)
        case .champion: return pick("champion", "有力支持者", lang)
        case .multiThreaded: return pick("multi-threaded", "多线联系", lang)
        case .onPace: return pick("on pace", "进度正常", lang)
        case .fullCoverage: return pick("full coverage", "角色齐全", lang)
        }
    }

    /// Why a strength holds, as a sentence.
    public static func why(_ s: Strength, _ lang: Language) -> String {
        switch s.evidence {
        case let .ebEngaged(names, emotion, last):
            let who = names.joined(separator: ", ")
            return lang == .zh ? "决策者 \(who) 在节奏内联系（最近 \(last)），情绪 \(emotion)。"
                               : "EB \(who) contacted within cadence (last \(last)), emotion \(emotion)."
        case let .coachActive(names, last, cadence):
            let who = names.joined(separator: ", ")
            return lang == .zh ? "内线 \(who) 在 \(cadence) 天内有联系（最近 \(last)）。" : "Coach \(who) contacted within \(cadence) days (last \(last))."
        case let .champion(names):
            let who = names.joined(separator: ", ")
            return lang == .zh ? "高影响力的拥护/支持者：\(who)。" : "High-influence champion or supporter: \(who)."
        case let .multiThreaded(contacted, window):
            return lang == .zh ? "近 \(window) 天联系了 \(contacted) 位客户方人员。" : "\(contacted) stakeholders contacted in the last \(window) days."
        case let .onPace(days, expected):
            return lang == .zh ? "本阶段 \(days) 天，未超过预期 \(expected) 天。" : "\(days) days in stage, within the expected \(expected)."
        case .fullCoverage:
            return pick("EB, TB, UB and Coach are all identified.", "EB、TB、UB、Coach 均已确定。", lang)
        }
    }

    // MARK: - numbers

    /// An amount with thousands separators, no decimals unless it has cents: `1,250,000`, `99.50`.
    public static func money(_ v: Double) -> String {
        let cents = (v * 100).rounded()
        let whole = Int64((cents / 100).rounded(.towardZero))
        let rest = Int64(abs(cents.truncatingRemainder(dividingBy: 100)))
        var digits = String(abs(whole)), grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let sign = v < 0 && (whole != 0 || rest != 0) ? "-" : ""
        return sign + digits + grouped + (rest == 0 ? "" : "." + (rest < 10 ? "0" : "") + String(rest))
    }

    /// A share as a percentage with one decimal: `66.7%`; nil is `–`.
    public static func percent(_ v: Double?) -> String {
        guard let v else { return "–" }
        return String(format: "%.1f%%", v * 100)
    }

    /// A mean emotion with sign and one decimal: `+1.5`, `-2.0`, `0.0`.
    public static func emotionMean(_ v: Double) -> String {
        let s = String(format: "%.1f", v)
        return v > 0.049 ? "+" + s : (s == "-0.0" ? "0.0" : s)
    }

    /// A number without a trailing `.0`: `1.5`, `2`.
    public static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.1f", v)
    }

    /// A stage's display name from the report's stages, else its key.
    public static func stageName(_ report: PipelineReport, _ pipelineKey: String, _ stageKey: String, _ lang: Language) -> String {
        report.stage(pipelineKey, stageKey)?.name(lang) ?? stageKey
    }
}
