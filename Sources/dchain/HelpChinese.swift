import DecisionChainRender

/// The Chinese of `--help` (with `--lang zh`, or LC_ALL/LC_MESSAGES/LANG
/// zh_*): every command's abstract and every argument's and option's help,
/// keyed by the English the commands declare. A test checks that no English
/// summary is left in any command's zh help: add a line here with a new option.
enum HelpChinese {
    /// The help screen in Chinese: ArgumentParser's text (unwrapped), every
    /// known sentence and heading replaced, then wrapped again.
    static func translate(_ help: String, width: Int = 80) -> String {
        var text = help
        for (en, zh) in table.sorted(by: { $0.key.count > $1.key.count }) {
            text = text.replacingOccurrences(of: en, with: zh)
        }
        text = formatHelp(text)
        for (en, zh) in headings { text = text.replacingOccurrences(of: en, with: zh) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { wrap(String($0), width: width) }.joined(separator: "\n")
    }

    /// "Output format: text, json, csv." for any set of formats.
    static func formatHelp(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line)
            if let r = l.range(of: "Output format: ") {
                let rest = l[r.upperBound...]
                let end = rest.firstIndex(of: ".") ?? rest.endIndex
                l = String(l[..<r.lowerBound]) + "输出格式：" + rest[..<end].replacingOccurrences(of: ", ", with: "、") + "。" + rest[rest.index(end, offsetBy: end == rest.endIndex ? 0 : 1)...]
            }
            out += (out.isEmpty ? "" : "\n") + l
        }
        return out
    }

    /// A long option line wrapped with its help column kept (CJK counted as two columns).
    static func wrap(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        // The help column: where the text starts after the option names.
        var indent = 0
        if line.hasPrefix("  "), let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) {
            var i = gap.lowerBound
            while i < line.endIndex, line[i] == " " { i = line.index(after: i) }
            indent = DisplayWidth.of(String(line[..<i]))
        }
        if indent == 0 || indent > width / 2 { indent = line.prefix(while: { $0 == " " }).count }
        // Break after a space or a wide (CJK) character, never inside a word.
        var lines: [String] = [], current = "", breakAt: String.Index?
        for ch in line {
            if DisplayWidth.of(current + String(ch)) > width, let cut = breakAt, DisplayWidth.of(String(current[..<cut])) > indent {
                lines.append(String(current[..<cut]).replacingOccurrences(of: " +$", with: "", options: .regularExpression))
                current = String(repeating: " ", count: indent) + current[cut...].drop { $0 == " " }
                breakAt = nil
            }
            current.append(ch)
            if ch == " " || DisplayWidth.of(String(ch)) == 2 { breakAt = current.endIndex }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    static let headings: [(String, String)] = [
        ("OVERVIEW:", "概述："), ("USAGE:", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："), ("SUBCOMMANDS:", "子命令："),
        ("See 'dchain help <subcommand>' for detailed help.", "各子命令的详细帮助：dchain help <子命令>。"),
        ("(default: ", "（默认："), ("(values: ", "（可选："),
    ]

    static let table: [String: String] = [
        "-5 … +5 (negative values work: --rating -2).": "-5 … +5（可为负：--rating -2）。",
        "A name or part of one.": "姓名或其中一部分。",
        "A need: NAME:TEXT.": "一项需求：姓名:内容。",
        "A one-deal review sheet: buying influences, red flags, strengths and the plan's next steps.": "单个项目的复盘表：购买影响者、风险信号、优势与计划的下一步。",
        "A pain point: NAME:TEXT[:low|medium|high].": "一个痛点：姓名:内容[:低|中|高]。",
        "A participant: NAME[:EMOTION[:LABEL]], emotion -3…+3.": "一位参与者：姓名[:情绪[:标签]]，情绪 -3…+3。",
        "A rules file merged over the shipped rules (same JSON shape as plan-rules.json).": "覆盖内置规则的规则文件（JSON 结构同 plan-rules.json）。",
        "A shipped case id or a case file.": "内置案例编号或案例文件。",
        "Account code (unique), e.g. an org code.": "客户代码（唯一），如组织机构代码。",
        "Account id, code or name (or the person, when unique across accounts).": "客户编号、代码或名称（或在所有客户中唯一的人名）。",
        "Account id, code or name the stakeholder belongs to.": "联系人所属客户的编号、代码或名称。",
        "Account id, code or name, or the stakeholder when given alone.": "客户编号、代码或名称；单独给出时为联系人。",
        "Account id, code or name.": "客户编号、代码或名称。",
        "Account name (Chinese or English).": "客户名称（中文或英文）。",
        "Add a deal to an account.": "为客户新增项目。",
        "Add a participant or set their emotion: NAME[:EMOTION[:LABEL]].": "新增参与者或设置其情绪：姓名[:情绪[:标签]]。",
        "Add a stakeholder to an account.": "为客户新增联系人。",
        "Add a unit to an account.": "为客户新增部门。",
        "Add an account.": "新增客户。",
        "Add them even though someone of the same name already works there (another person).": "即使该客户已有同名者（另一个人）也照样新增。",
        "Add, list, edit and delete the units (departments) of an account.": "新增、列出、修改和删除客户的部门。",
        "Add, list, show and edit accounts (the organisations we sell to).": "新增、列出、查看和修改客户（我们销售的对象机构）。",
        "Add, list, show, edit, delete and find the people at accounts.": "新增、列出、查看、修改、删除和查找客户的联系人。",
        "Also what falls due within this many days (default 0: due today or overdue).": "同时列出此天数内到期的事项（默认 0：今天到期或已逾期）。",
        "Amount: 1200000, 1,200,000, 120万 or 1.2亿 (at most two decimals).": "金额：1200000、1,200,000、120万 或 1.2亿（最多两位小数）。",
        "Apply the schema migrations that are missing (safe to repeat).": "应用缺少的数据库迁移（可重复执行）。",
        "Bring back a deleted touchpoint with its participants and pain points.": "恢复已删除的触点及其参与者和痛点。",
        "Case exercises: load a case into a trainee's workspace, release it in rounds, grade and debrief.": "案例练习：把案例载入学员的工作区，分轮发布，评分并复盘。",
        "Case files (JSON).": "案例文件（JSON）。",
        "Change a stakeholder's fields.": "修改联系人的字段。",
        "Change a touchpoint's time, channel, summary, response, participants, emotions or quotes.": "修改触点的时间、渠道、摘要、响应、参与者、情绪或原话。",
        "Change an account's fields.": "修改客户的字段。",
        "Check case files: prints FILE: $.path: problem for every problem (exit 65 when any).": "检查案例文件：每个问题打印 文件: $.路径: 问题（有问题时退出码 65）。",
        "Close a deal as won, lost or dropped.": "关闭项目：赢单、丢单或放弃。",
        "Communication plans: who to contact next, how, about what, by when, and why.": "沟通计划：下一步联系谁、如何联系、谈什么、何时之前，以及为什么。",
        "Correct a logged touchpoint: edit it, delete it (kept in the audit), restore it.": "更正已记录的触点：修改、删除（审计中保留）、恢复。",
        "Correct a pain point: its text, kind, severity, response or who raised it.": "更正痛点：内容、类型、严重程度、响应或提出人。",
        "Currency (ISO 4217).": "币种（ISO 4217）。",
        "Date of the change (default today).": "变更日期（默认今天）。",
        "Deal id or name (default: the account's only open deal, if it has one).": "项目编号或名称（默认：客户唯一的进行中项目，如有）。",
        "Deal id or name (default: the open deal with the latest activity).": "项目编号或名称（默认：最近有活动的进行中项目）。",
        "Deal id or name.": "项目编号或名称。",
        "Deal name.": "项目名称。",
        "Decision chains, touchpoints, journey maps and communication plans for B2B sales.": "面向 B2B 销售的决策链、触点、旅程地图与沟通计划。",
        "Delete a pain point entered by mistake (kept in the audit; `dchain undo` brings it back).": "删除误录的痛点（审计中保留；`dchain undo` 可恢复）。",
        "Delete a stakeholder entered by mistake (kept in the audit; `dchain undo` brings them back).": "删除误录的联系人（审计中保留；`dchain undo` 可恢复）。",
        "Delete a touchpoint with its participants and pain points: gone from every view, kept in the audit.": "删除触点及其参与者和痛点：所有视图中不再出现，审计中保留。",
        "Delete a unit: its people stay (in no unit), its sub-units move up to its parent.": "删除部门：其人员保留（不属任何部门），下级部门上移到其上级。",
        "Developer tools: synthetic data for benchmarks and demos.": "开发工具：用于基准测试和演示的合成数据。",
        "Draw the customer journey map of an account's deal.": "绘制客户项目的客户旅程地图。",
        "Drop the trainee's workspace and everything in it.": "删除学员的工作区及其中全部内容。",
        "E-mail address.": "电子邮件地址。",
        "EB, TB, UB or Coach (default: all their roles).": "EB、TB、UB 或 Coach（默认：其全部角色）。",
        "EB, TB, UB or Coach.": "EB（决策者）、TB（把关者）、UB（使用者）或 Coach（教练）。",
        "End a stakeholder's role (or all their roles) in a deal.": "结束联系人在项目中的角色（或全部角色）。",
        "End their current roles, then delete them.": "先结束其当前角色，再删除。",
        "Expected close date.": "预计成交日期。",
        "Find people by name across accounts, with their account, title and roles.": "跨客户按姓名查找联系人，显示所属客户、职务和角色。",
        "First day of the period (default: today − 90 days).": "统计期的第一天（默认：今天 − 90 天）。",
        "Fix \"today\" (YYYY-MM-DD) for reproducible output.": "固定“今天”（YYYY-MM-DD），使输出可复现。",
        "Follow deals (项目) through their procurement stages.": "跟进项目经历的各个采购阶段。",
        "Funnel, velocity, decision-chain coverage, emotion heat map, pain points, red flags and win/loss.": "漏斗、速度、决策链覆盖、情绪热力图、痛点、风险信号与赢丢单。",
        "Future-state map: add the stages to come with the planned actions.": "未来状态地图：加入后续阶段及计划行动。",
        "Generate realistic synthetic accounts, stakeholders, deals and touchpoints, deterministically, through COPY.": "通过 COPY 确定性地生成逼真的合成客户、联系人、项目和触点。",
        "Give a stakeholder a role in a deal, with influence, stance, mode, rating and personal win.": "给联系人在项目中设定角色，含影响力、态度、反应模式、评分和个人赢。",
        "How many accounts to generate.": "生成多少个客户。",
        "Include done and cancelled tasks.": "包括已完成和已取消的任务。",
        "Industry.": "行业。",
        "Initialise (first time) and start the embedded cluster.": "初始化（首次）并启动内置数据库集群。",
        "Job title, e.g. 局长 or CIO.": "职务，如 局长 或 CIO。",
        "Label language: en or zh (default: from LANG).": "标签语言：en 或 zh（默认取自 LANG）。",
        "Label language: en or zh (default: from LC_ALL, LC_MESSAGES or LANG).": "标签语言：en 或 zh（默认取自 LC_ALL、LC_MESSAGES 或 LANG）。",
        "Leave out the plan's next steps.": "不含计划的下一步。",
        "Limit the map to this deal (id or name).": "只画这个项目（编号或名称）。",
        "List accounts.": "列出客户。",
        "List an account's pain points and needs.": "列出客户的痛点和需求。",
        "List an account's stakeholders, top of the org chart first.": "列出客户的联系人，组织架构自上而下。",
        "List an account's units.": "列出客户的部门。",
        "List deals.": "列出项目。",
        "List open tasks, soonest due first.": "列出未完成任务，最早到期的在前。",
        "List pipelines with their stages, journey phases and expected days.": "列出流程及其阶段、旅程阶段和预期天数。",
        "List the keys of every closed vocabulary and the Chinese each accepts (--parse to try values).": "列出每个固定词表的键及其可用的中文（--parse 可试读取值）。",
        "List the shipped cases (--format json: [{id, title, kind}]).": "列出内置案例（--format json：[{id, title, kind}]）。",
        "Load round 1 of a case into the trainee's own workspace (case-NAME).": "把案例第 1 轮载入学员自己的工作区（case-NAME）。",
        "Log a touchpoint: who was there, how they felt, what they said, what hurts.": "记录一次触点：谁在场、感受如何、说了什么、痛点是什么。",
        "Manage the database: migrate, and start/stop/inspect the embedded cluster.": "管理数据库：迁移，以及启动/停止/查看内置集群。",
        "Manager reports: the pipeline journey report and one-deal review sheets.": "管理报表：销售管道旅程报告和单项目复盘表。",
        "Map the facts known on this day (YYYY-MM-DD; default: --today).": "按此日已知的事实绘图（YYYY-MM-DD；默认：--today）。",
        "Mark a pain point resolved.": "把痛点标为已解决。",
        "Mark a task done.": "把任务标为已完成。",
        "Move a deal to another stage (recorded in its stage history).": "把项目推进到另一阶段（记入阶段历程）。",
        "Name the moment of truth: the stage of the dip and whose dip it is.": "指出关键时刻：低谷所在阶段及是谁的低谷。",
        "New channel: visit, meeting, call, email, wechat, ...": "新渠道：拜访、会议、电话、邮件、微信……",
        "New kind.": "新类型。",
        "New name.": "新名称。",
        "New parent unit.": "新的上级部门。",
        "New response (our reply at this touchpoint).": "新的响应（我方在此触点的答复）。",
        "New response text.": "新的响应内容。",
        "New summary.": "新摘要。",
        "New text.": "新内容。",
        "New time: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\" (restages it).": "新时间：YYYY-MM-DD 或 \"YYYY-MM-DD HH:MM\"（重新归入阶段）。",
        "New title.": "新职务。",
        "Only accounts in this region.": "只看此地区的客户。",
        "Only accounts of this kind: government, institution, soe, enterprise.": "只看此类型的客户：政府、事业单位、国企、企业。",
        "Only accounts of this team.": "只看此团队的客户。",
        "Only accounts owned by this login.": "只看此登录名负责的客户。",
        "Only accounts owned by this user.": "只看此用户负责的客户。",
        "Only deals of this pipeline (key).": "只看此流程（键）的项目。",
        "Only deals with this status: open, won, lost, dropped.": "只看此状态的项目：进行中、赢单、丢单、放弃。",
        "Only from this day on.": "只看此日起。",
        "Only open tasks due before today (--today honoured).": "只看今天之前到期的未完成任务（遵从 --today）。",
        "Only tasks you own (DCHAIN_USER, else your login).": "只看自己负责的任务（DCHAIN_USER，否则为登录名）。",
        "Only this account (id, code or name).": "只看此客户（编号、代码或名称）。",
        "Only this account's deals.": "只看此客户的项目。",
        "Only this deal (id or name); default: every open deal of the account.": "只看此项目（编号或名称）；默认：客户的全部进行中项目。",
        "Only this deal's touchpoints.": "只看此项目的触点。",
        "Only this kind.": "只看此类型。",
        "Only this region.": "只看此地区。",
        "Only this rep's work (task owner, else the deal's, else the account's owner).": "只看此销售的工作（任务负责人，否则项目的，否则客户的负责人）。",
        "Only this section.": "只看此部分。",
        "Only those still open.": "只看仍未处理的。",
        "Our response at this touchpoint (answers the pain points raised here).": "我方在此触点的响应（回应此处提出的痛点）。",
        "Owning rep's login (created on first use).": "负责销售的登录名（首次使用时创建）。",
        "Owning rep's login (default: the account's owner).": "负责销售的登录名（默认：客户的负责人）。",
        "Owning team (created on first use).": "所属团队（首次使用时创建）。",
        "Pain point id (from `dchain pain list`).": "痛点编号（见 `dchain pain list`）。",
        "Pain point id.": "痛点编号。",
        "Pain points and needs: list them, respond, resolve, correct, delete.": "痛点与需求：列出、响应、解决、更正、删除。",
        "Parent account (id, code or name).": "上级客户（编号、代码或名称）。",
        "Parent unit.": "上级部门。",
        "Phone number.": "电话号码。",
        "Pipeline: government or enterprise.": "流程：government（政府采购）或 enterprise（企业销售）。",
        "PostgreSQL conninfo or postgres:// URL (default: DCHAIN_DB, else the embedded cluster in DCHAIN_HOME).": "PostgreSQL 连接串或 postgres:// URL（默认：DCHAIN_DB，否则为 DCHAIN_HOME 中的内置集群）。",
        "Preferred channel: visit, meeting, call, email, wechat, ...": "偏好渠道：拜访、会议、电话、邮件、微信……",
        "Print the embedded cluster's connection URL (for psql and other tools).": "打印内置集群的连接 URL（供 psql 等工具使用）。",
        "Print the report's SQL as a psql script instead of running it.": "把报表的 SQL 打印为 psql 脚本而不执行。",
        "Procurement method: public-tender, invited-tender, competitive-negotiation, competitive-consultation, single-source, inquiry, framework, direct.": "采购方式：公开招标、邀请招标、竞争性谈判、竞争性磋商、单一来源、询价、框架协议、直接采购。",
        "Read VALUES as this field (kind, level, role, …, pipeline, stage) and print each one's key.": "把 VALUES 按此字段（kind、level、role……pipeline、stage）读取，并打印各自的键。",
        "Record our response to a pain point (it becomes addressed).": "记录我方对痛点的响应（状态变为已响应）。",
        "Region, e.g. 华东 or East China.": "地区，如 华东 或 East China。",
        "Release the next round of the trainee's case.": "发布学员案例的下一轮。",
        "Rename a unit or move it under another parent.": "重命名部门或把它移到另一上级之下。",
        "Replace the deal's current EB.": "替换项目当前的 EB（决策者）。",
        "Score the trainee against the key: roles, coverage, moment of truth and plan, with a debrief of every lost point.": "按答案给学员评分：角色、覆盖、关键时刻和计划，并逐项说明失分原因。",
        "Seed of the generator.": "生成器的随机种子。",
        "Set what someone said: NAME:TEXT.": "设置某人说的话：姓名:内容。",
        "Set, list and clear buying influences (EB, TB, UB, Coach) in a deal.": "设置、列出和结束项目中的购买影响者（EB、TB、UB、Coach）。",
        "Show a case's brief: what trainees see, never the answer.": "显示案例简介：学员看到的内容，不含答案。",
        "Show a deal with its stage history and decision chain.": "显示项目及其阶段历程和决策链。",
        "Show a stakeholder's empathy map: says, thinks, does, feels.": "显示联系人的同理心地图：说、想、做、感受。",
        "Show an account with its units, stakeholders and deals.": "显示客户及其部门、联系人和项目。",
        "Show every version of every role with its dates.": "显示每个角色的每个版本及其日期。",
        "Show help information.": "显示帮助信息。",
        "Show one stakeholder with their roles in deals.": "显示一位联系人及其在各项目中的角色。",
        "Show subcommand help information.": "显示子命令的帮助信息。",
        "Show the model answer of a case (for the trainer).": "显示案例的参考答案（供培训师使用）。",
        "Show the plan (text, md, html, json, csv, or ics for calendar apps).": "显示计划（text、md、html、json、csv，或供日历应用的 ics）。",
        "Show the sales pipelines and their procurement stages.": "显示销售流程及其采购阶段。",
        "Show the version.": "显示版本。",
        "Show where the database is, whether it runs, and its schema version.": "显示数据库位置、是否在运行及其结构版本。",
        "Stage key to start in (default: the pipeline's first stage).": "起始阶段（键或中文名；默认：流程的第一个阶段）。",
        "Stage key, e.g. contract.": "阶段键或中文名，如 contract 或 合同谈判。",
        "Stakeholder id or name (after the account).": "联系人编号或姓名（在客户之后）。",
        "Stakeholder id or name.": "联系人编号或姓名。",
        "Stop the embedded cluster.": "停止内置集群。",
        "Store the plan's items as tasks (owner: the deal's owner, else you). Accepting again adds nothing.": "把计划事项存为任务（负责人：项目负责人，否则是你）。重复接受不会新增。",
        "Take a participant out.": "移除一位参与者。",
        "Task id (from `dchain task list`).": "任务编号（见 `dchain task list`）。",
        "Tasks from accepted plans: list them, mark them done.": "已接受计划中的任务：列出、标为完成。",
        "The class at a glance: every trainee's score per criterion on a case.": "全班概览：每位学员在案例各项标准上的得分。",
        "The day the data leads up to (default: today).": "数据截至的日期（默认：今天）。",
        "The day their roles end (with --force; default today).": "其角色结束的日期（配合 --force；默认今天）。",
        "The deal's account (id, code or name), when the deal name is used at several accounts.": "项目所属客户（编号、代码或名称），当多个客户有同名项目时使用。",
        "The deal's account, when its name is not unique.": "项目所属客户，当项目名不唯一时使用。",
        "The decision chain of a deal (--history: every change).": "项目的决策链（--history：每一次变更）。",
        "The person's name.": "此人的姓名。",
        "The stage key of the moment of truth (e.g. contract).": "关键时刻所在阶段的键（如 contract）。",
        "The stakeholder they report to (org chart).": "其汇报对象（组织架构）。",
        "The stakeholder whose dip it is (id or name).": "出现低谷的联系人（编号或姓名）。",
        "The timeline of touchpoints at an account.": "客户的触点时间线。",
        "The trainee (letters, digits, - or _); their workspace is case-NAME.": "学员（字母、数字、- 或 _）；其工作区为 case-NAME。",
        "Their personal win (what they get out of it).": "其个人赢（他/她能得到什么）。",
        "Touchpoint id (from `dchain touchpoints ACCOUNT`).": "触点编号（见 `dchain touchpoints 客户`）。",
        "Touchpoint id.": "触点编号。",
        "Touchpoints per account on average (the total is exactly accounts × this).": "每个客户的平均触点数（总数恰为 客户数 × 此值）。",
        "Undo it (without --yes, only show what would be undone).": "执行撤销（不加 --yes 时只显示将撤销的内容）。",
        "Undo the last change you (DCHAIN_USER) made in the last hour; shows it first, --yes does it.": "撤销你（DCHAIN_USER）在一小时内的最后一次变更；先显示，加 --yes 才执行。",
        "Unit (department); created when new.": "部门；不存在时新建。",
        "Unit id or name.": "部门编号或名称。",
        "Unit name.": "部门名称。",
        "Use the facts known on this day (YYYY-MM-DD; default: --today).": "使用此日已知的事实（YYYY-MM-DD；默认：--today）。",
        "Values to read with --parse.": "用 --parse 读取的值。",
        "WeChat id.": "微信号。",
        "What happened.": "发生了什么。",
        "What someone said: NAME:TEXT.": "某人说的话：姓名:内容。",
        "What to do today across accounts: due tasks, contacts past their cadence, unanswered high pains, stalled deals.": "今天跨客户要做的事：到期任务、超出联系节奏的人、未回应的高痛点、停滞的项目。",
        "What we did or will do.": "我们已做或将做的事。",
        "When (default today).": "日期（默认今天）。",
        "When it entered the stage (default today).": "进入该阶段的日期（默认今天）。",
        "When the deal entered its first stage (default today).": "项目进入第一个阶段的日期（默认今天）。",
        "When: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\" (default now).": "时间：YYYY-MM-DD、\"YYYY-MM-DD HH:MM\" 或 ISO 8601（默认现在）。",
        "Who raised it (stakeholder of the same account).": "提出人（同一客户的联系人）。",
        "Why it closed this way.": "以此结果关闭的原因。",
        "Why you think so.": "你这样判断的理由。",
        "Work in an isolated workspace (a trainee's sandbox); default: DCHAIN_WORKSPACE.": "在隔离的工作区（学员沙盒）中工作；默认：DCHAIN_WORKSPACE。",
        "Write to this file instead of standard output.": "写入此文件而不是标准输出。",
        "champion, supporter, neutral, skeptic or opponent.": "拥护者、支持、中立、怀疑或反对（champion、supporter、neutral、skeptic、opponent）。",
        "executive (高层), manager (中层) or staff (基层).": "高层（executive）、中层（manager）或基层（staff）。",
        "government, institution, soe or enterprise.": "政府、事业单位、国企或企业（government、institution、soe、enterprise）。",
        "growth, trouble, even-keel or overconfident.": "成长、困境、平稳或自满（growth、trouble、even-keel、overconfident）。",
        "high, medium or low.": "高、中或低（high、medium、low）。",
        "low, medium or high.": "低、中或高（low、medium、high）。",
        "outbound (we reached out) or inbound.": "我方主动（outbound）或对方主动（inbound）。",
        "outbound or inbound.": "我方主动（outbound）或对方主动（inbound）。",
        "pain or need.": "痛点或需求（pain、need）。",
        "visit, meeting, call, email, wechat, event, demo, tender-document, bid-clarification, site-survey, contract-review, training, support, other.": "拜访、会议、电话、邮件、微信、活动、演示、招标文件、投标澄清、现场勘查、合同评审、培训、支持、其他（或其英文键）。",
        "Amount, e.g. 1200000, 650万 or 1.2亿.": "金额，如 1200000、650万 或 1.2亿。",
        "Owning rep's login.": "负责销售的登录名。",
        "Procurement method: public-tender, invited-tender, competitive-negotiation, ...": "采购方式：公开招标、邀请招标、竞争性谈判……",
        "Change a deal's name, amount, currency, close-by date, owner or procurement method.": "修改项目的名称、金额、币种、预计成交日期、负责人或采购方式。",
        "Move a deal to another stage (recorded in its stage history), or --undo its latest move.": "把项目推进到另一阶段（记入阶段历程），或用 --undo 撤回最近一次推进。",
        "Take back the latest stage move (its touchpoints are restaged).": "撤回最近一次阶段推进（其触点重新归入阶段）。",
        "Add a team (needs an admin).": "新增团队（需管理员）。",
        "Add a user with a login role (needs an admin). The password is read from standard input only.": "新增带登录角色的用户（需管理员）。密码只从标准输入读取。",
        "Add and list teams (admins add; everyone lists).": "新增和列出团队（管理员可新增，所有人可列出）。",
        "Add, list, change and remove users: each is a PostgreSQL login in a dchain group role (admins only change them).": "新增、列出、修改和移除用户：每个用户是 dchain 组角色中的一个 PostgreSQL 登录（只有管理员可修改）。",
        "Change a user's team or role (needs an admin).": "修改用户的团队或角色（需管理员）。",
        "Give an account to a team (and optionally a rep); an account with no team is the admins' until assigned.": "把客户分给团队（可同时指定销售）；未分配团队的客户在分配前归管理员。",
        "List teams (--format json: [{id, name, members, accounts}]; accounts: those you can see).": "列出团队（--format json：[{id, name, members, accounts}]；accounts：你可见的客户）。",
        "List users (--format json: [{login, name, team, role, can_login, removed}]).": "列出用户（--format json：[{login, name, team, role, can_login, removed}]）。",
        "New role: rep, manager, trainer or admin.": "新角色：rep（销售）、manager（经理）、trainer（培训师）或 admin（管理员）。",
        "New team.": "新团队。",
        "Read the password from standard input (first line). Without it the login has no password (local socket only).": "从标准输入（第一行）读取密码。不加时该登录没有密码（只能本地套接字连接）。",
        "Remove a user (needs an admin): the login can no longer connect; their rows and audit entries stay.": "移除用户（需管理员）：该登录不能再连接；其数据行和审计记录保留。",
        "Show who you are to the database: login, name, team, role, database (--format json: {login, name, team, role, database}).": "显示数据库眼中的你：登录名、姓名、团队、角色、数据库（--format json：{login, name, team, role, database}）。",
        "Team name.": "团队名称。",
        "The login (letters, digits, . _ @ -).": "登录名（字母、数字、. _ @ -）。",
        "The login.": "登录名。",
        "The owning rep's login.": "负责销售的登录名。",
        "The team that will own the account.": "将拥有该客户的团队。",
        "Their team (see `team list`).": "其团队（见 `team list`）。",
        "rep, manager, trainer or admin.": "rep（销售）、manager（经理）、trainer（培训师）或 admin（管理员）。",
        "Also listen on TCP at ADDRESS:PORT, scram-sha-256 passwords only (team mode; kept until changed).": "同时在 TCP 地址:端口 上监听，仅接受 scram-sha-256 密码（团队模式；保持到更改为止）。",
        "won, lost or dropped.": "赢单、丢单或放弃（won、lost、dropped）。",
    ]
}
