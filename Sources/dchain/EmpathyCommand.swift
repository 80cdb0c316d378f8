import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain empathy STAKEHOLDER`: what a person says, thinks, does and feels.
struct EmpathyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "empathy",
        abstract: "Show a stakeholder's empathy map: says, thinks, does, feels.",
        discussion: "Without --account the name must be unique across accounts; an ambiguous name lists the candidates."
    )

    @Argument(help: "Stakeholder id or name.") var stakeholder: String
    @Option(help: ArgumentHelp("Account id, code or name the stakeholder belongs to.", valueName: "account")) var account: String?
    @Option(help: ArgumentHelp("Limit the map to this deal (id or name).", valueName: "deal")) var deal: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Use the facts known on this day (YYYY-MM-DD; default: --today).", valueName: "date"))
    var asOf: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.require([.text, .md, .html, .json])
        let lang = try output.language
        let asOf = try asOf.map { try Parse.day($0, field: "as-of") } ?? output.day
        let db = try connection.open()
        let resolver = Resolver(db)
        let person = try account.map { try resolver.stakeholder(stakeholder, accountID: try resolver.account($0).id) }
            ?? resolver.stakeholder(stakeholder)
        let dealID = try deal.map { try resolver.deal($0, accountID: person.accountID).id }
        let snapshot = try SnapshotStore(db).load(accountID: person.accountID)
        let map = try EmpathyMapBuilder.build(snapshot: snapshot, stakeholderID: person.id, dealID: dealID, asOf: asOf, lang: lang)
        try output.emit(EmpathyMapRenderer.render(map, format: output.format.rawValue, lang: lang, width: Terminal.columns))
    }
}
