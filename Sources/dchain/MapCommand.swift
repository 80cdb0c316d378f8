import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain map ACCOUNT`: the customer journey map of a deal.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the customer journey map of an account's deal.",
        discussion: """
            Stages as columns; lanes for touchpoints, customer actions, emotion per role (EB/TB/UB/Coach), \
            pain points and needs, our responses, opportunities and metrics; the moments of truth and the \
            decision chain. Without --deal: the open deal with the latest activity.
            """
    )

    @Argument(help: "Account id, code or name.") var account: String
    @Option(help: ArgumentHelp("Deal id or name (default: the open deal with the latest activity).", valueName: "deal")) var deal: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Map the facts known on this day (YYYY-MM-DD; default: --today).", valueName: "date"))
    var asOf: String?
    @Flag(help: "Future-state map: add the stages to come with the planned actions.") var future = false
    @Flag(help: "Show every opportunity (default: the top \(Opportunities.shownPerStage) per stage).") var all = false
    @Option(help: ArgumentHelp("See the map as a persona: a role (EB, TB, UB, Coach; Chinese too) or a persona id.", valueName: "role|id"))
    var persona: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<MapFormats>

    func run() throws {
        let lang = try output.language
        // A role that does not exist is refused before anything is read.
        if let persona, Int64(persona) == nil { _ = try Role.parse(persona, field: "persona") }
        let asOf = try asOf.map { try Parse.day($0, field: "as-of") } ?? output.day
        let db = try connection.open()
        let resolver = Resolver(db)
        let acct = try resolver.account(account)
        let dealID = try deal.map { try resolver.deal($0, accountID: acct.id).id }
        let snapshot = try SnapshotStore(db).load(accountID: acct.id)
        var map = try JourneyMapBuilder.build(snapshot: snapshot, dealID: dealID, asOf: asOf, future: future, lang: lang,
                                                allOpportunities: all)
        if let persona {
            let (role, personas) = try PersonaStore(db).focus(persona)
            map = PersonaFocus.apply(to: map, role: role, personas: personas.map { (id: $0.id, persona: $0.persona) })
        }
        switch output.format {
        case .json: try output.emit(JourneyMapJSONRenderer.render(map))
        case .md: try output.emit(JourneyMapMarkdownRenderer.render(map))
        case .html: try output.emit(JourneyMapHTMLRenderer.render(map))
        case .svg: try output.emit(JourneyMapSVGRenderer.render(map))
        default: try output.emit(JourneyMapTextRenderer.render(map, width: Terminal.columns))
        }
    }
}

/// The terminal's width for text output: `COLUMNS` when set, else the width of the
/// terminal standard output is (TIOCGWINSZ), else 100 (a file or a pipe).
enum Terminal {
    static var columns: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), c > 0 { return max(40, c) }
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return max(40, Int(size.ws_col))
        }
        return 100
    }
}
