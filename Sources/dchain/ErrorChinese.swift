import DecisionChain
import DecisionChainStore
import Foundation

/// The one error line in Chinese (with `--lang zh`, or LC_ALL/LC_MESSAGES/
/// LANG zh_*): references and bad values are rebuilt from their fields;
/// other messages have their known phrases translated and keep the rest
/// (names, SQL states, paths) as they are.
enum ErrorChinese {
    static func message(for error: Error, english: String) -> String {
        switch error {
        case let e as InputError:
            return "\(e.field) “\(e.value)” " + phrases(e.problem, problemPhrases)
        case let e as StoreError:
            switch e {
            case let .notFound(kind, ref, scope, candidates):
                var s = "未找到\(noun(kind))“\(ref)”" + (scope.map { "（在 \($0) 中）" } ?? "")
                if !candidates.isEmpty { s += "；您是不是要找 " + candidates.prefix(5).map { "“\($0)”" }.joined(separator: "、") + "？" }
                return s
            case let .ambiguous(kind, ref, scope, candidates):
                return "\(noun(kind))“\(ref)”不唯一" + (scope.map { "（在 \($0) 中）" } ?? "") + "：" + candidates.prefix(8).joined(separator: "；") + "（请用编号）"
            default:
                return phrases(english, messagePhrases)
            }
        default:
            return phrases(english, messagePhrases)
        }
    }

    /// A usage error line (ArgumentParser's or a command's validation).
    static func usage(_ english: String) -> String { phrases(english, usagePhrases) }

    static func noun(_ kind: String) -> String {
        ["account": "客户", "deal": "项目", "stakeholder": "联系人", "unit": "部门", "pain point": "痛点", "task": "任务",
         "touchpoint": "触点", "survey": "调查", "team": "团队", "user": "用户", "case": "案例", "workspace": "工作区", "pipeline": "流程"][kind] ?? kind
    }

    static func phrases(_ text: String, _ table: [(String, String)]) -> String {
        var t = text
        for (en, zh) in table { t = t.replacingOccurrences(of: en, with: zh) }
        return t
    }

    static let problemPhrases: [(String, String)] = [
        ("is not one of ", "不是以下之一："),
        ("is not a date (YYYY-MM-DD)", "不是日期（YYYY-MM-DD）"),
        ("is not a date-time (YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or ISO 8601 like 2026-03-31T23:30:00+08:00)",
         "不是日期时间（YYYY-MM-DD、\"YYYY-MM-DD HH:MM\" 或 ISO 8601，如 2026-03-31T23:30:00+08:00）"),
        ("is outside the years ", "超出年份范围 "),
        ("must not be empty", "不能为空"),
        ("contains a control character", "含有控制字符"), ("; type it without", "，请去掉后重输"),
        ("is not valid UTF-8", "不是有效的 UTF-8"),
        ("is not an amount (e.g. 4800000, 4,800,000, 480万, 1.2亿)", "不是金额（如 4800000、4,800,000、480万、1.2亿）"),
        ("has more than two decimal places (cents)", "小数超过两位（到分为止）"),
        ("is too large (at most 9999999999999999.99)", "过大（最多 9999999999999999.99）"),
        ("must not be negative", "不能为负数"),
        ("is not an OCDS date-time (e.g. 2026-05-01T09:00:00+08:00)", "不是 OCDS 日期时间（如 2026-05-01T09:00:00+08:00）"),
        ("is not an account you can see", "不是你可见的客户"), ("; add it first: ", "；请先新增："),
        ("is missing or not a string", "缺失或不是字符串"), ("is not a JSON object", "不是 JSON 对象"), ("is not JSON", "不是 JSON"),
        ("is before the deal's last stage change", "早于项目最近一次阶段变更"),
        ("has thousands separators in the wrong places (write 4,800,000 or 4800000)", "千位分隔符位置不对（应写作 4,800,000 或 4800000）"),
        ("has a thousands separator after the decimal point", "小数点后有千位分隔符"),
        ("is not a stage of pipeline ", "不是此流程的阶段："),
        ("is not a whole number in -3...3", "不是 -3…3 的整数"), ("is outside -3...3", "超出 -3…3"),
        ("has no stakeholder name", "缺少联系人姓名"), ("has no text after the name", "姓名后缺少内容"),
        ("needs NAME:TEXT", "格式应为 姓名:内容"), ("(in --", "（在 --"),
        ("is not a valid login (letters, digits, . _ @ -)", "不是有效的登录名（字母、数字、. _ @ -）"),
        ("is not a three-letter currency code", "不是三个字母的币种代码"),
        ("is named twice", "重复出现"), ("who is not a participant; add --with", "此人不是参与者；请加 --with"),
        ("names ", "提到 "),
        // survey and metric target values.
        ("is outside ", "超出 "), ("is in the future (today is ", "是将来的日期（今天是 "),
        ("is not a whole number (", "不是整数（"), ("is not a number (a ", "不是数字（"), (" target is ", " 目标范围 "), (" target)", " 目标）"),
    ]

    static let messagePhrases: [(String, String)] = [
        (" already exists", " 已存在"), (" belongs to account ", " 属于客户 "), (", not ", "，而不是 "),
        ("rejected by the database: ", "被数据库拒绝："), ("cannot write ", "无法写入 "),
        ("could not connect to the database", "无法连接数据库"),
        ("which deal is the survey about? ", "调查针对哪个项目？"), (" open deals (", " 个进行中项目（"), (" deals (", " 个项目（"),
        ("; name one with --deal", "；请用 --deal 指定其一"),
    ]

    static let usagePhrases: [(String, String)] = [
        ("Missing expected argument ", "缺少参数 "), ("Unexpected argument ", "多余的参数 "), ("Unknown option ", "未知选项 "),
        ("Missing value for ", "缺少值："), ("The value ", "值 "), (" is invalid for ", " 不能用于 "),
        (". Please provide one of the following:", "，可选："), ("Please provide one of the following:", "可选："),
        (" is not available here; use one of ", " 此处不可用，可用："),
        ("; see ", "；参见 "),
        ("name at least one participant with --with", "请用 --with 指定至少一位参与者"),
    ]
}
