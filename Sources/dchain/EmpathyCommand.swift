import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain empathy [ACCOUNT] PERSON`: what a person says, thinks, does and feels.
struct EmpathyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "empathy",
        abstract: "Show a stakeholder's empathy map: says, thinks, does, feels.",
        discussion: """
            ACCOUNT PERSON like every per-person command, or PERSON alone (or PERSON --account ACCOUNT, or PERSON ACCOUNT). \
            Without an account the name must be unique across accounts; an ambiguous name lists the candidates.
            """
    )

    @Argument(help: "Account id, code or name, or the stakeholder when given alone.") var first: String
    @Argument(help: "Stakeholder id or name (after the account).") var second: String?
    @Option(help: ArgumentHelp("Account id, code or name the stakeholder belongs to.", valueName: "account")) var account: String?
    @Option(help: ArgumentHelp("Limit the map to this deal (id or name).", valueName: "deal")) var deal: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Use the facts known on this day (YYYY-MM-DD; default: --today).", valueName: "date"))
    var asOf: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<DocumentFormats>

    func run() throws {
        let lang = try output.language
        let asOf = try asOf.map { try Parse.day($0, field: "as-of") } ?? output.day
        let db = try connection.open()
        let resolver = Resolver(db)
        let person: Stakeholder
        if let account {
            if let second { throw UsageHint(description: "give the account once: dchain empathy \(account) \(second) (or \(first) --account \(account))") }
            person = try resolver.stakeholder(first, accountID: try resolver.account(account).id)
        } else {
            person = try PersonReference.resolve(db, first, second)
        }
        let dealID = try deal.map { try resolver.deal($0, accountID: person.accountID).id }
        let snapshot = try SnapshotStore(db).load(accountID: person.accountID)
        let map = try EmpathyMapBuilder.build(snapshot: snapshot, stakeholderID: person.id, dealID: dealID, asOf: asOf, lang: lang)
        try output.emit(EmpathyMapRenderer.render(map, format: output.format.rawValue, lang: lang, width: Terminal.columns))
    }
}
