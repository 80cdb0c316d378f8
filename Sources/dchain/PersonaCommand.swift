import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain persona build|list|show|note`: buyer personas generated from what
/// the team logged, with the evidence behind every line.
struct PersonaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persona",
        abstract: "Buyer personas generated from logged facts: build, list, show, and add notes.",
        discussion: """
            A persona is built per role × level from every stakeholder who held that role (buying influence and its \
            history): goals (their needs), frustrations (pain points, most people first, then severity), typical \
            quotes, channels after which their emotion rose or fell, emotion by stage, and what moved them. Every line \
            says how many people, accounts and touchpoints it rests on (--format json: their ids). A persona built on \
            fewer than 3 people says so. It covers the accounts the login sees: a rep's or manager's persona is their \
            team's, an admin's spans every team.
            """,
        subcommands: [Build.self, List.self, Show.self, Note.self]
    )

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build (or rebuild) personas from the logged facts; notes are kept.")
        @Option(help: ArgumentHelp("Only deals of this pipeline: government or enterprise (Chinese too).", valueName: "pipeline"))
        var pipeline: String?
        @Option(help: ArgumentHelp("Only this role: EB, TB, UB or Coach (Chinese too: 把关者…).", valueName: "role")) var role: String?
        @Option(help: ArgumentHelp("Only this level: executive, manager or staff (Chinese too: 中层…).", valueName: "level")) var level: String?
        @Option(help: ArgumentHelp("Only accounts of this kind: government, institution, soe or enterprise (Chinese too).", valueName: "kind"))
        var kind: String?
        @Flag(help: "Print the aggregates' SQL as a psql script instead of building.") var sql = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<DocumentFormats>

        func run() throws {
            let lang = try output.language
            var scope = PersonaScope(role: try role.map { try Role.parse($0, field: "role") },
                                     level: try level.map { try Level.parse($0, field: "level") },
                                     pipeline: nil, kind: try kind.map { try AccountKind.parse($0, field: "kind") })
            let db = try connection.open()
            scope.pipeline = try pipeline.map { try PersonaStore(db).pipelineKey($0) }
            if sql { return try output.emit(PersonaStore.psqlScript(scope, schema: db.schema)) }
            let records = try PersonaStore(db).build(scope) { PersonaBuilder.build($0, scope: scope) }
            if records.isEmpty {
                throw DomainError("no stakeholder held " + (scope.role?.rawValue ?? "a role")
                                  + (scope.level.map { " at level \($0.rawValue)" } ?? "") + " in the accounts you see; nothing built")
            }
            try PersonaCommand.emit(records, output, lang, single: false)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored personas you may see.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let rows = try PersonaStore(connection.open()).list()
            var listing = PersonaRenderer.listing(rows, lang: lang)
            listing.title = lang == .zh ? "用户画像" : "Personas"
            try output.emit(listing, json: rows)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a persona with its evidence and notes.")
        @Argument(help: "Persona id (from `dchain persona list`).") var id: Int64
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<DocumentFormats>

        func run() throws {
            let lang = try output.language
            try PersonaCommand.emit([try PersonaStore(connection.open()).record(id)], output, lang, single: true)
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a hand-written note to a persona (kept apart from the generated part; survives rebuilds).")
        @Argument(help: "Persona id (from `dchain persona list`).") var id: Int64
        @Option(help: ArgumentHelp("The note.", valueName: "text")) var text: String
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let text = try Parse.nonEmpty(self.text, field: "text")
            let note = try PersonaStore(connection.open()).addNote(personaID: id, text: text)
            say("note \(note.id) added to persona \(id)")
        }
    }

    static func emit(_ records: [PersonaRecord], _ output: OutputOptions<DocumentFormats>, _ lang: Language, single: Bool) throws {
        switch output.format {
        case .json: try output.emit(PersonaRenderer.json(records, single: single))
        case .md: try output.emit(PersonaRenderer.markdown(records, lang: lang))
        case .html: try output.emit(PersonaHTMLRenderer.render(records, lang: lang))
        default: try output.emit(PersonaRenderer.text(records, lang: lang))
        }
    }
}
