import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain touchpoints ACCOUNT`: the timeline of an account.
struct TouchpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "touchpoints", abstract: "The timeline of touchpoints at an account.")
    @Argument(help: "Account id, code or name.") var account: String
    /// Catches `touchpoints delete 2`, so it can point at `touchpoint delete 2`.
    @Argument(help: .hidden) var extra: [String] = []
    @Option(help: "Only this deal's touchpoints.") var deal: String?
    @Option(help: ArgumentHelp("Only from this day on.", valueName: "date")) var since: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<ListingFormats>

    func run() throws {
        if ["edit", "delete", "restore"].contains(account) {
            throw UsageHint(description: "`touchpoints` lists an account's timeline; to \(account) a touchpoint use `dchain touchpoint \(account) "
                            + (extra.first ?? "ID") + "`")
        }
        if let stray = extra.first { throw UsageHint(description: "unexpected argument \"\(stray)\"; usage: dchain touchpoints ACCOUNT [--deal DEAL] [--since DATE]") }
        let since = try since.map { try Parse.day($0, field: "since") }
        let lang = try output.language
        let db = try connection.open()
        let a = try Resolver(db).account(account)
        let dealID = try deal.map { try Resolver(db).deal($0, accountID: a.id).id }
        let list = try TouchpointStore(db).timeline(accountID: a.id, dealID: dealID, since: since)
        var (listing, json) = CaptureViews.timeline(list, stakeholders: try StakeholderStore(db).list(accountID: a.id),
                                                   pipelines: try PipelineStore(db).all(), lang)
        listing.title = (lang == .zh ? "接触时间线: " : "Timeline: ") + a.name
        try output.emit(listing, json: json)
    }
}

/// `dchain pain list|respond|resolve`.
struct PainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pain", abstract: "Pain points and needs: list them, respond, resolve, correct, delete.", subcommands: [List.self, Respond.self, Resolve.self, Edit.self, Delete.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's pain points and needs.")
        @Argument(help: "Account id, code or name.") var account: String
        @Flag(help: "Only those still open.") var open = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let a = try Resolver(db).account(account)
            let list = try PainPointStore(db).list(accountID: a.id, openOnly: open)
            let (listing, json) = CaptureViews.pains(list, stakeholders: try StakeholderStore(db).list(accountID: a.id),
                                                     pipelines: try PipelineStore(db).all(), lang)
            try output.emit(listing, json: json)
        }
    }

    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record our response to a pain point (it becomes addressed).")
        @Argument(help: "Pain point id.") var id: Int64
        @Argument(help: "What we did or will do.") var text: String
        @Option(help: ArgumentHelp("When (default today).", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let text = try Parse.nonEmpty(text, field: "response")
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let p = try PainPointStore(try connection.open()).respond(id, response: text, on: day)
            say("pain point \(p.id) is \(p.status.rawValue): \(p.text)")
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a pain point resolved.")
        @Argument(help: "Pain point id.") var id: Int64
        @Option(help: ArgumentHelp("When (default today).", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let p = try PainPointStore(try connection.open()).resolve(id, on: day)
            say("pain point \(p.id) resolved: \(p.text)")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Correct a pain point: its text, kind, severity, response or who raised it.")
        @Argument(help: "Pain point id (from `dchain pain list`).") var id: Int64
        @Option(help: "New text.") var text: String?
        @Option(help: "pain or need.") var kind: String?
        @Option(help: "low, medium or high.") var severity: String?
        @Option(help: "New response text.") var response: String?
        @Option(help: ArgumentHelp("Who raised it (stakeholder of the same account).", valueName: "name")) var by: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let text = try text.map { try Parse.nonEmpty($0, field: "text") }
            let kind = try kind.map { try PainKind.parse($0, field: "kind") }
            let severity = try severity.map { try Severity.parse($0, field: "severity") }
            let response = try response.map { try Parse.nonEmpty($0, field: "response") }
            if text == nil, kind == nil, severity == nil, response == nil, by == nil {
                throw ValidationError("nothing to change: give --text, --kind, --severity, --response or --by")
            }
            let db = try connection.open()
            let store = PainPointStore(db)
            let p = try db.transaction { _ in
                let before = try store.get(id)
                let who = try by.map { try Resolver(db).stakeholder($0, accountID: before.accountID).id }
                return try store.edit(id, .init(text: text, kind: kind, severity: severity, response: response, stakeholderID: who))
            }
            say("updated pain point \(p.id) (\(p.severity.rawValue), \(p.status.rawValue)): \(p.text)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a pain point entered by mistake (kept in the audit; `dchain undo` brings it back).")
        @Argument(help: "Pain point id.") var id: Int64
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let db = try connection.open()
            let p = try PainPointStore(db).delete(id, by: db.actor)
            say("deleted pain point \(p.id): \(p.text)")
        }
    }
}
