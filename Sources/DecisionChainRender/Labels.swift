import DecisionChain

/// Labels in English and Chinese for the shared vocabulary. Feature
/// renderers keep their own labels next to them.
public enum Labels {
    public static func role(_ r: Role, _ lang: Language) -> String {
        guard lang == .zh else { return r.rawValue }
        switch r {
        case .eb: return "EB 决策者"
        case .tb: return "TB 把关者"
        case .ub: return "UB 使用者"
        case .coach: return "Coach 教练"
        }
    }

    public static func phase(_ p: JourneyPhase, _ lang: Language) -> String {
        guard lang == .zh else { return p.rawValue }
        switch p {
        case .awareness: return "认知"
        case .consideration: return "考虑"
        case .decision: return "决策"
        case .purchase: return "购买"
        case .service: return "服务"
        case .loyalty: return "忠诚"
        }
    }

    public static func channel(_ c: Channel, _ lang: Language) -> String {
        guard lang == .zh else { return c.rawValue }
        switch c {
        case .visit: return "拜访"
        case .meeting: return "会议"
        case .call: return "电话"
        case .email: return "邮件"
        case .wechat: return "微信"
        case .event: return "活动"
        case .demo: return "演示"
        case .tenderDocument: return "招标文件"
        case .bidClarification: return "投标澄清"
        case .siteSurvey: return "现场勘查"
        case .contractReview: return "合同评审"
        case .training: return "培训"
        case .support: return "支持"
        case .other: return "其他"
        }
    }

    public static func level(_ l: Level, _ lang: Language) -> String {
        guard lang == .zh else { return l.rawValue }
        switch l { case .executive: return "高层"; case .manager: return "中层"; case .staff: return "基层" }
    }

    public static func stance(_ s: Stance, _ lang: Language) -> String {
        guard lang == .zh else { return s.rawValue }
        switch s {
        case .champion: return "拥护者"
        case .supporter: return "支持"
        case .neutral: return "中立"
        case .skeptic: return "怀疑"
        case .opponent: return "反对"
        }
    }

    public static func influence(_ i: Influence, _ lang: Language) -> String {
        guard lang == .zh else { return i.rawValue }
        switch i { case .high: return "高"; case .medium: return "中"; case .low: return "低" }
    }

    public static func mode(_ m: ResponseMode, _ lang: Language) -> String {
        guard lang == .zh else { return m.rawValue }
        switch m {
        case .growth: return "成长"
        case .trouble: return "困境"
        case .evenKeel: return "平稳"
        case .overconfident: return "自满"
        }
    }

    public static func status(_ s: DealStatus, _ lang: Language) -> String {
        guard lang == .zh else { return s.rawValue }
        switch s { case .open: return "进行中"; case .won: return "赢单"; case .lost: return "丢单"; case .dropped: return "放弃" }
    }

    public static func kind(_ k: AccountKind, _ lang: Language) -> String {
        guard lang == .zh else { return k.rawValue }
        switch k { case .government: return "政府"; case .institution: return "事业单位"; case .soe: return "国企"; case .enterprise: return "企业" }
    }

    public static func severity(_ s: Severity, _ lang: Language) -> String {
        guard lang == .zh else { return s.rawValue }
        switch s { case .low: return "低"; case .medium: return "中"; case .high: return "高" }
    }

    public static func painStatus(_ s: PainStatus, _ lang: Language) -> String {
        guard lang == .zh else { return s.rawValue }
        switch s { case .open: return "未处理"; case .addressed: return "已响应"; case .resolved: return "已解决" }
    }

    public static func priority(_ p: Priority, _ lang: Language) -> String {
        guard lang == .zh else { return p.rawValue }
        switch p { case .high: return "高"; case .medium: return "中"; case .low: return "低" }
    }

    /// Picks the English or Chinese of a pair of labels.
    public static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { lang == .zh ? zh : en }
}
