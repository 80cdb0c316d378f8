import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain task list|done`: accepted plan items as a to-do list across accounts.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Tasks from accepted plans: list them, mark them done.",
        subcommands: [List.self, Done.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List open tasks, soonest due first.")
        @Flag(help: "Only tasks you own (DCHAIN_USER, else your login).") var mine = false
        @Flag(help: "Only open tasks due before today (--today honoured).") var overdue = false
        @Flag(help: "Include done and cancelled tasks.") var all = false
        @Option(help: "Only this account (id, code or name).") var account: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let (lang, today) = (try output.language, try output.day)
            let db = try connection.open()
            let accountID = try account.map { try Resolver(db).account($0).id }
            let tasks = try PlanItemStore(db).tasks(.init(owner: mine ? db.actor : nil, overdueAsOf: overdue ? today : nil,
                                                          accountID: accountID, includeClosed: all))
            let statusZH: [TaskStatus: String] = [.open: "待办", .done: "已完成", .cancelled: "已取消"]
            var listing = Listing(
                headers: ["id", PlanLabels.due(lang), PlanLabels.account(lang), PlanLabels.stakeholder(lang), PlanLabels.action(lang),
                          PlanLabels.rule(lang), lang == .zh ? "状态" : "status", lang == .zh ? "负责人" : "owner"],
                keys: ["id", "due", "account", "stakeholder", "action", "rule", "status", "owner"],
                rows: tasks.map { t in
                    let r = t.record
                    return [String(r.id), r.due.description, t.accountName, t.stakeholderName ?? r.role.map { "(\($0.rawValue))" } ?? "",
                            r.action, r.rule, lang == .zh ? statusZH[r.status]! : r.status.rawValue, r.ownerLogin ?? ""]
                },
                alignments: [.right, .left, .left, .left, .left, .left, .left, .left])
            listing.title = (lang == .zh ? "任务" : "Tasks") + (overdue ? (lang == .zh ? "（已逾期，截至 \(today)）" : " overdue as of \(today)") : "")
            struct Out: Encodable {
                let id: Int64; let uid, due, priority, account, rule, action, why, status: String
                let deal, stakeholder, role, channel, theme, owner: String?
            }
            try output.emit(listing, json: tasks.map { t in
                let r = t.record
                return Out(id: r.id, uid: t.uid, due: r.due.description, priority: r.priority.rawValue, account: t.accountName,
                           rule: r.rule, action: r.action, why: r.why, status: r.status.rawValue, deal: t.dealName,
                           stakeholder: t.stakeholderName, role: r.role?.rawValue, channel: r.channel?.rawValue, theme: r.theme,
                           owner: r.ownerLogin)
            })
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a task done.")
        @Argument(help: "Task id (from `dchain task list`).") var id: Int64
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let (task, changed) = try PlanItemStore(connection.open()).done(id)
            let who = task.stakeholderName.map { "\($0): " } ?? ""
            say(changed ? "task \(id) done: \(who)\(task.record.action)"
                        : "task \(id) was already \(task.record.status.rawValue): \(who)\(task.record.action)")
        }
    }
}
