import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation
import ReportAssets

/// `dchain plan ACCOUNT` and `dchain plan accept ACCOUNT`: the communication
/// plan per open deal and stakeholder, and storing it as tasks.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Communication plans: who to contact next, how, about what, by when, and why.",
        subcommands: [Show.self, Accept.self],
        defaultSubcommand: Show.self
    )

    /// What a plan is made from: the account, optionally one deal, and the rules.
    struct Source: ParsableArguments {
        @Argument(help: "Account id, code or name.") var account: String
        @Option(help: "Only this deal (id or name); default: every open deal of the account.") var deal: String?
        @Option(help: ArgumentHelp("A rules file merged over the shipped rules (same JSON shape as plan-rules.json).", valueName: "file"))
        var rules: String?
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Plan with the facts as they were on this day (YYYY-MM-DD; default: --today).", valueName: "date"))
        var asOf: String?

        /// The day the plan is made on: --as-of, else --today.
        func day<F>(_ output: OutputOptions<F>) throws -> Day { try asOf.map { try Parse.day($0, field: "as-of") } ?? output.day }

        /// The shipped rules with --rules merged over them; read before connecting so a bad file fails fast.
        func loadRules() throws -> PlanRules {
            let defaults = Data(ReportAssets.planRules.utf8)
            guard let rules else { return try PlanRules.load(defaults: defaults) }
            guard let data = FileManager.default.contents(atPath: rules) else {
                throw InputError(field: "rules", value: rules, problem: "cannot be read")
            }
            return try PlanRules.load(defaults: defaults, override: data, overrideName: rules)
        }

        /// Resolves the account and deal, loads the snapshot and runs the engine.
        func plan(_ db: Database, rules: PlanRules, today: Day, lang: Language) throws -> Plan {
            let a = try Resolver(db).account(account)
            let dealID = try deal.map { try Resolver(db).deal($0, accountID: a.id).id }
            // The facts as they were that day: stages, roles and pain status replayed from their history.
            let snapshot = try SnapshotStore(db).load(accountID: a.id).asOf(today)
            return try PlanEngine(rules: rules).plan(snapshot, dealID: dealID, today: today, lang: lang)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the plan (text, md, html, json, csv, or ics for calendar apps).",
            discussion: "Each item names the rule that produced it and why. Fix --today for a reproducible plan.")
        @OptionGroup var source: Source
        @Option(help: ArgumentHelp("ICS: the time each item's calendar event starts on its due day (HH:MM).", valueName: "time"))
        var eventTime = "09:00"
        @Option(help: ArgumentHelp("ICS: how long each calendar event lasts, in minutes.", valueName: "minutes"))
        var eventMinutes = 30
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<PlanFormats>

        /// --event-time and --event-minutes, checked.
        func events() throws -> PlanICSRenderer.EventTime {
            let parts = eventTime.split(separator: ":").map { Int($0) }
            guard parts.count == 2, let h = parts[0], let m = parts[1], (0...23).contains(h), (0...59).contains(m) else {
                throw InputError(field: "event-time", value: eventTime, problem: "is not a time of day HH:MM (e.g. 09:30)")
            }
            guard (1...1440).contains(eventMinutes) else {
                throw InputError(field: "event-minutes", value: String(eventMinutes), problem: "must be 1…1440 minutes")
            }
            return PlanICSRenderer.EventTime(hour: h, minute: m, minutes: eventMinutes)
        }

        func run() throws {
            let events = try events()
            let (lang, today) = (try output.language, try source.day(output))
            let rules = try source.loadRules()
            let plan = try source.plan(connection.open(), rules: rules, today: today, lang: lang)
            switch output.format {
            case .md: try output.emit(PlanMarkdownRenderer.render(plan))
            case .html: try output.emit(PlanHTMLRenderer.render(plan))
            case .json: try output.emit(PlanJSONRenderer.render(plan))
            case .csv: try output.emit(PlanCSVRenderer.render(plan))
            case .ics: try output.emit(PlanICSRenderer.render(plan, events: events))
            default:
                let width = Terminal.columns
                try output.emit(PlanTextRenderer.render(plan, width: width))
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store the plan's items as tasks (owner: the deal's owner, else you). Accepting again adds nothing.")
        @OptionGroup var source: Source
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let (lang, today) = (try output.language, try output.day)
            let rules = try source.loadRules()
            let db = try connection.open()
            let accepted = try PlanItemStore(db).accept(source.plan(db, rules: rules, today: today, lang: lang))
            let fresh = accepted.filter(\.isNew).count
            var listing = Listing(
                headers: ["task", lang == .zh ? "状态" : "stored", PlanLabels.due(lang), PlanLabels.stakeholder(lang),
                          PlanLabels.rule(lang), PlanLabels.action(lang), lang == .zh ? "负责人" : "owner"],
                keys: ["id", "stored", "due", "stakeholder", "rule", "action", "owner"],
                rows: accepted.map { a in
                    [String(a.id), a.isNew ? (lang == .zh ? "新增" : "new") : (lang == .zh ? "已接受" : "already accepted"),
                     a.item.due.description, PlanLabels.who(a.item, lang), a.item.rule, a.item.action, a.owner ?? ""]
                },
                alignments: [.right, .left, .left, .left, .left, .left, .left])
            listing.title = lang == .zh ? "已存为任务：新增 \(fresh) 项，此前已接受 \(accepted.count - fresh) 项"
                                        : "stored \(fresh) new task\(fresh == 1 ? "" : "s"), \(accepted.count - fresh) already accepted"
            struct Out: Encodable { let id: Int64; let uid: String; let new: Bool; let status, due, rule, action: String; let owner, stakeholder: String? }
            try output.emit(listing, json: accepted.map {
                Out(id: $0.id, uid: $0.item.uid, new: $0.isNew, status: $0.status.rawValue, due: $0.item.due.description,
                    rule: $0.item.rule, action: $0.item.action, owner: $0.owner, stakeholder: $0.item.stakeholderName)
            })
        }
    }
}
