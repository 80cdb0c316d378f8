import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain touchpoints ACCOUNT`: the timeline of an account.
struct TouchpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "touchpoints", abstract: "The timeline of touchpoints at an account.")
    @Argument(help: "Account id, code or name.") var account: String
    @Option(help: "Only this deal's touchpoints.") var deal: String?
    @Option(help: ArgumentHelp("Only from this day on.", valueName: "date")) var since: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let since = try since.map { try Parse.day($0, field: "since") }
        let lang = try output.language
        let db = try connection.open()
        let a = try Resolver(db).account(account)
        let dealID = try deal.map { try Resolver(db).deal($0, accountID: a.id).id }
        let list = try TouchpointStore(db).timeline(accountID: a.id, dealID: dealID, since: since)
        var (listing, json) = CaptureViews.timeline(list, stakeholders: try StakeholderStore(db).list(accountID: a.id), lang)
        listing.title = (lang == .zh ? "接触时间线: " : "Timeline: ") + a.name
        try output.emit(listing, json: json)
    }
}

/// `dchain pain list|respond|resolve`.
struct PainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pain", abstract: "Pain points and needs: list them, respond, resolve.", subcommands: [List.self, Respond.self, Resolve.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's pain points and needs.")
        @Argument(help: "Account id, code or name.") var account: String
        @Flag(help: "Only those still open.") var open = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let a = try Resolver(db).account(account)
            let list = try PainPointStore(db).list(accountID: a.id, openOnly: open)
            let (listing, json) = CaptureViews.pains(list, stakeholders: try StakeholderStore(db).list(accountID: a.id), lang)
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
}
