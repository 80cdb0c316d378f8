import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation
import ReportAssets

/// `dchain today`: the day's agenda across all accounts.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "What to do today across accounts: due tasks, contacts past their cadence, unanswered high pains, stalled deals.",
        discussion: """
            Sorted by urgency (overdue first, then by priority, the longest overdue first); each line ends with the command \
            that acts on it. Cadences and schedules come from the plan rules (Reports/plan-rules.json, --rules FILE over them).
            """)

    @Option(help: ArgumentHelp("Only this rep's work (task owner, else the deal's, else the account's owner).", valueName: "login"))
    var owner: String?
    @Option(help: ArgumentHelp("Also what falls due within this many days (default 0: due today or overdue).", valueName: "n"))
    var days: Int = 0
    @Option(help: ArgumentHelp("A rules file merged over the shipped rules (same JSON shape as plan-rules.json).", valueName: "file"))
    var rules: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<TodayFormats>

    func validate() throws {
        if days < 0 { throw ValidationError("--days must be 0 or more") }
    }

    func run() throws {
        let (lang, today) = (try output.language, try output.day)
        let defaults = Data(ReportAssets.planRules.utf8)
        let planRules: PlanRules
        if let rules {
            guard let data = FileManager.default.contents(atPath: rules) else { throw InputError(field: "rules", value: rules, problem: "cannot be read") }
            planRules = try PlanRules.load(defaults: defaults, override: data, overrideName: rules)
        } else {
            planRules = try PlanRules.load(defaults: defaults)
        }
        let settings = DayAgenda.Settings(rules: planRules)
        let horizon = today.adding(days: days)
        let db = try connection.open()
        let store = TodayStore(db)
        let items = DayAgenda.build(
            tasks: try store.tasks(owner: owner, horizon: horizon),
            roleHolders: try store.roleHolders(owner: owner, cadence: settings.cadenceDays, today: today, horizon: horizon),
            pains: try store.unansweredPains(owner: owner, severity: .high, today: today),
            deals: try store.stalledDeals(owner: owner, factor: settings.stallFactor, today: today),
            settings: settings, today: today, days: days, lang: lang)
        try output.emit(DayAgendaRenderer.render(.init(today: today, days: days, owner: owner, items: items, lang: lang),
                                                 format: output.format.rawValue))
    }
}

/// The day view: text, Markdown, JSON and a calendar.
enum TodayFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .json, .ics] }
