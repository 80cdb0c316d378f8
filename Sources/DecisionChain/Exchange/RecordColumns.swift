import Foundation

/// The kinds of record a table file holds: one kind per CSV file or XLSX
/// sheet. `dchain import` reads them; `dchain export --format csv|xlsx`
/// writes them, with the columns of `RecordColumns`.
public enum RecordType: String, CaseIterable, Codable, Sendable {
    case accounts, units, stakeholders, deals, roles, touchpoints
}

extension RecordType: Vocabulary {
    public var zh: String {
        switch self {
        case .accounts: "客户"; case .units: "部门"; case .stakeholders: "联系人"; case .deals: "项目"
        case .roles: "角色"; case .touchpoints: "触点"
        }
    }
    public var zhAliases: [String] {
        switch self {
        case .accounts: ["客户列表"]; case .units: ["部门列表"]; case .stakeholders: ["干系人", "人员"]; case .deals: ["商机"]
        case .roles: ["决策链", "购买角色"]; case .touchpoints: ["接触记录", "拜访记录"]
        }
    }
}

/// One column of a record type: the English field key (the name the JSON
/// output and the CLI flags already use), the Chinese column name a team
/// would type, and further headers accepted on import (synonyms).
public struct RecordColumn: Hashable, Sendable {
    /// The English field key: `name`, `kind`, `reports_to`, …
    public let key: String
    /// The Chinese column name: 客户名称, 单位类型, …
    public let zh: String
    /// Other headers accepted on import (English or Chinese).
    public let synonyms: [String]
    /// The column must be in the header (its cells may still be checked per row).
    public let required: Bool
    /// Part of the natural key that matches a row to an existing record.
    public let isKey: Bool
    /// What the column holds, in English (for `docs/import-format.md` and errors).
    public let meaning: String

    public init(_ key: String, _ zh: String, synonyms: [String] = [], required: Bool = false, key isKey: Bool = false, _ meaning: String) {
        self.key = key; self.zh = zh; self.synonyms = synonyms; self.required = required; self.isKey = isKey; self.meaning = meaning
    }

    /// Every header that names this column: the key, the Chinese name, the synonyms.
    public var headers: [String] { [key, zh] + synonyms }
}

/// The column table: for every record type its columns in order (the order
/// export writes them), with their English keys and Chinese names.
public enum RecordColumns {
    /// The columns of a record type, in the order they are written.
    public static func columns(_ type: RecordType) -> [RecordColumn] {
        switch type {
        case .accounts: accounts
        case .units: units
        case .stakeholders: stakeholders
        case .deals: deals
        case .roles: roles
        case .touchpoints: touchpoints
        }
    }

    /// How a row finds the record it updates, in words (for docs and messages).
    public static func naturalKey(_ type: RecordType) -> String {
        switch type {
        case .accounts: "code, else name"
        case .units: "account + name"
        case .stakeholders: "account + name"
        case .deals: "account + name"
        case .roles: "account + deal + stakeholder + role"
        case .touchpoints: "external_id when given, else account + deal + at + channel + summary"
        }
    }

    static let account = RecordColumn("account", "客户名称", synonyms: ["客户", "客户全称", "单位名称", "account_name"], required: true, key: true,
                                      "the account: id, code or name")

    static let accounts: [RecordColumn] = [
        RecordColumn("name", "客户名称", synonyms: ["客户", "客户全称", "单位名称", "account", "account_name"], required: true, key: true,
                     "the account's name (unique)"),
        RecordColumn("code", "客户编码", synonyms: ["编码", "客户代码", "统一社会信用代码"], key: true, "an optional unique code; matches before the name"),
        RecordColumn("kind", "单位类型", synonyms: ["客户类型", "类型", "type"], "government, institution, soe, enterprise (政府, 事业单位, 国企, 企业); required for a new account"),
        RecordColumn("region", "区域", synonyms: ["地区", "所属区域"], "region, e.g. 华东"),
        RecordColumn("industry", "行业", synonyms: ["所属行业"], "industry"),
        RecordColumn("parent", "上级单位", synonyms: ["上级客户", "母公司", "parent_account"], "the parent account: code or name"),
        RecordColumn("owner", "负责人", synonyms: ["销售", "客户经理", "owner_login"], "the owning rep's login"),
        RecordColumn("team", "团队", synonyms: ["销售团队", "所属团队"], "the owning team"),
    ]

    static let units: [RecordColumn] = [
        account,
        RecordColumn("name", "部门", synonyms: ["部门名称", "名称", "unit"], required: true, key: true, "the unit's name"),
        RecordColumn("parent", "上级部门", synonyms: ["parent_unit"], "the parent unit of the same account"),
    ]

    static let stakeholders: [RecordColumn] = [
        account,
        RecordColumn("name", "姓名", synonyms: ["联系人", "联系人姓名", "名字", "stakeholder"], required: true, key: true, "the person's name"),
        RecordColumn("title", "职务", synonyms: ["职位", "岗位", "职称"], "job title"),
        RecordColumn("unit", "部门", synonyms: ["所在部门", "部门名称"], "unit (department); created when new"),
        RecordColumn("level", "层级", synonyms: ["级别", "职级"], "executive, manager, staff (高层, 中层, 基层)"),
        RecordColumn("reports_to", "上级", synonyms: ["直属上级", "汇报对象", "reports_to_name"], "the person they report to, at the same account"),
        RecordColumn("email", "邮箱", synonyms: ["电子邮件", "邮件", "e-mail", "mail"], "e-mail address"),
        RecordColumn("phone", "电话", synonyms: ["手机", "手机号", "联系电话", "mobile", "tel"], "phone number"),
        RecordColumn("wechat", "微信", synonyms: ["微信号", "weixin"], "WeChat id"),
        RecordColumn("channel", "偏好渠道", synonyms: ["首选渠道", "preferred_channel"], "preferred channel: visit, meeting, call, email, wechat, … (拜访, 电话, 微信, …)"),
    ]

    static let deals: [RecordColumn] = [
        account,
        RecordColumn("name", "项目名称", synonyms: ["项目", "商机", "商机名称", "deal"], required: true, key: true, "the deal's name (unique in its account)"),
        RecordColumn("pipeline", "流程", synonyms: ["销售流程", "管道"], "government or enterprise (政府, 企业); required for a new deal"),
        RecordColumn("stage", "阶段", synonyms: ["当前阶段", "项目阶段"], "stage key or Chinese name (立项, 招标公告, …); default the pipeline's first"),
        RecordColumn("entered", "进入阶段日期", synonyms: ["阶段日期"], "when the deal entered that stage (YYYY-MM-DD); default today"),
        RecordColumn("status", "状态", synonyms: ["项目状态"], "open, won, lost, dropped (进行中, 赢单, 丢单, 放弃)"),
        RecordColumn("closed_on", "关闭日期", synonyms: ["结束日期"], "when a won, lost or dropped deal closed; default today"),
        RecordColumn("close_reason", "关闭原因", synonyms: ["结束原因", "原因"], "why it closed that way"),
        RecordColumn("method", "采购方式", synonyms: ["招标方式"], "procurement method: public-tender, single-source, … (公开招标, 单一来源, …)"),
        RecordColumn("amount", "金额", synonyms: ["项目金额", "预算", "预算金额", "合同金额"], "4800000, 4,800,000, 480万, 1.2亿"),
        RecordColumn("currency", "币种", synonyms: ["货币"], "ISO 4217 code; default CNY"),
        RecordColumn("close_by", "预计签约", synonyms: ["预计签约日期", "预计成交日期"], "expected close date (YYYY-MM-DD)"),
        RecordColumn("owner", "负责人", synonyms: ["销售", "项目负责人"], "the owning rep's login; default the account's owner"),
    ]

    static let roles: [RecordColumn] = [
        account,
        RecordColumn("deal", "项目名称", synonyms: ["项目", "商机"], required: true, key: true, "the deal, in the account"),
        RecordColumn("stakeholder", "姓名", synonyms: ["联系人", "联系人姓名", "name"], required: true, key: true, "the person, at the account"),
        RecordColumn("role", "角色", synonyms: ["购买角色", "决策角色"], required: true, key: true, "EB, TB, UB, Coach (决策者, 把关者, 使用者, 教练)"),
        RecordColumn("influence", "影响力", synonyms: ["影响程度"], "high, medium, low (高, 中, 低)"),
        RecordColumn("stance", "态度", synonyms: ["立场"], "champion, supporter, neutral, skeptic, opponent (拥护者, 支持, 中立, 怀疑, 反对)"),
        RecordColumn("mode", "反应模式", synonyms: ["响应模式", "response_mode"], "growth, trouble, even-keel, overconfident (成长, 困境, 平稳, 自满)"),
        RecordColumn("rating", "评分", synonyms: ["打分"], "-5 … +5"),
        RecordColumn("personal_win", "个人赢", synonyms: ["个人利益", "个人诉求"], "what the person wins personally"),
        RecordColumn("since", "起始日期", synonyms: ["角色日期"], "when the role began or last changed (YYYY-MM-DD); default today"),
    ]

    static let touchpoints: [RecordColumn] = [
        account,
        RecordColumn("deal", "项目名称", synonyms: ["项目", "商机"], key: true, "the deal, in the account (optional)"),
        RecordColumn("at", "时间", synonyms: ["日期", "日期时间", "接触时间", "date", "time", "when"], required: true, key: true,
                     "YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601 with an offset"),
        RecordColumn("channel", "渠道", synonyms: ["方式", "接触方式"], required: true, key: true, "visit, meeting, call, email, wechat, … (拜访, 会议, 电话, …)"),
        RecordColumn("direction", "方向", synonyms: ["发起方"], "outbound or inbound (我方主动, 对方主动); default outbound"),
        RecordColumn("summary", "摘要", synonyms: ["内容", "纪要", "记录", "事项"], key: true, "what happened"),
        RecordColumn("response", "我方响应", synonyms: ["响应", "回应", "应对"], "what we did or said in reply"),
        RecordColumn("participants", "参与人", synonyms: ["参与者", "参加人", "with"], required: true,
                     "who was there, as `log --with` takes it: 李敏:-2:frustrated; 赵磊:-1"),
        RecordColumn("external_id", "外部编号", synonyms: ["外部ID", "记录编号"], key: true, "an id from the system the rows come from; matches first"),
    ]

    /// A header as compared: NFKC (full-width letters), lower case, without
    /// spaces, `_`, `-`, `*` (a required mark) and a byte-order mark.
    public static func fold(_ header: String) -> String {
        String(header.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "_" || $0 == "-" || $0 == "*" || $0 == "\u{FEFF}")
        }.map(Character.init))
    }

    /// The column of `type` a header names, or nil.
    public static func column(named header: String, in type: RecordType) -> RecordColumn? {
        let f = fold(header)
        guard !f.isEmpty else { return nil }
        return columns(type).first { $0.headers.contains { fold($0) == f } }
    }
}
