import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain day ACCOUNT --who NAME`: a person's observed day (or typical day) as a timeline.
struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "Show a day in the life: what a person does hour by hour, tools, thoughts, the emotion curve, pains.",
        discussion: "With several observed days --on picks one; without it the typical day is shown, with the spread across days.")

    @Argument(help: "Account id, code or name.") var account: String
    @Option(help: ArgumentHelp("The person (a stakeholder at the account).", valueName: "name")) var who: String
    @Option(help: ArgumentHelp("One observed day, YYYY-MM-DD.", valueName: "date")) var on: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<MapFormats>

    func run() throws {
        let lang = try output.language
        let day = try on.map { try Parse.day($0, field: "on") }
        let name = try Parse.name(who, field: "who")
        let db = try connection.open()
        let resolver = Resolver(db)
        let a = try resolver.account(account)
        let person = try resolver.stakeholder(name, accountID: a.id)
        let snapshot = try SnapshotStore(db).load(accountID: a.id)
        let map = try DayInTheLifeBuilder.build(snapshot: snapshot, observations: snapshot.observations, stakeholderID: person.id, on: day)
        try output.emit(DayInTheLifeRenderer.render(map, format: output.format.rawValue, lang: lang, width: Terminal.columns))
    }
}
