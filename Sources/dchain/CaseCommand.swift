import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain case ...`: case exercises. A trainer starts a case for each
/// trainee; the trainee works it in their own workspace with the ordinary
/// commands; the trainer releases rounds, grades, debriefs and watches the board.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Case exercises: load a case into a trainee's workspace, release it in rounds, grade and debrief.",
        discussion: """
            Each trainee works in the workspace case-NAME (schema ws_case_name), isolated from the live data and \
            from every other trainee. Trainees run the ordinary commands there with --workspace case-NAME (or \
            DCHAIN_WORKSPACE=case-NAME), and plan with --today set to the round's day, which `case start` and \
            `case next` print. The case format is described in docs/case-format.md.
            """,
        subcommands: [List.self, Show.self, Validate.self, Start.self, Load.self, Next.self, Submit.self, Grade.self, Answer.self,
                      Board.self, Reset.self]
    )

    /// The trainee a command works on, and where the database is.
    struct Trainee: ParsableArguments {
        @Option(help: ArgumentHelp("The trainee (letters, digits, - or _); their workspace is case-NAME.", valueName: "name"))
        var trainee: String
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            if connection.workspace != nil {
                throw ValidationError("case commands work in the trainee's own workspace (case-NAME); drop --workspace")
            }
        }

        var location: Database.Location { Database.location(db: connection.db) }

        /// The trainee's workspace with their session and the case it was loaded from.
        func open() throws -> (CaseStore, CaseSession, CaseFile) {
            let (db, session) = try CaseStore.open(location, trainee: trainee, actor: connection.actor)
            let file = try CaseReference.parse(session.document, name: "case \(session.caseID) of trainee \(trainee)")
            return (CaseStore(db), session, file)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shipped cases (--format json: [{id, title, kind}]).")
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let files = try ShippedCases.all.map { try CaseReference.parse($0.json, name: $0.id) }
            let (listing, json) = CaseRenderer.list(files, try output.language)
            try output.emit(listing, json: json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case's brief: what trainees see, never the answer.")
        @Argument(help: "A shipped case id or a case file.") var `case`: String
        @OptionGroup var output: OutputOptions<CaseFormats>

        func run() throws {
            let (file, _, _) = try CaseReference.load(`case`)
            let lang = try output.language
            switch output.format {
            case .md: try output.emit(CaseRenderer.briefMarkdown(file, lang))
            case .json: try output.emit(CaseRenderer.briefJSON(file, lang))
            default: try output.emit(CaseRenderer.briefText(file, lang))
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check case files: prints FILE: $.path: problem for every problem (exit 65 when any).")
        @Argument(help: "Case files (JSON).") var files: [String]

        func run() throws {
            var bad: [String] = []
            for path in files {
                guard let data = FileManager.default.contents(atPath: path) else {
                    say("\(path): $: cannot be read")
                    bad.append(path)
                    continue
                }
                let result = CaseValidator.parse(data)
                if let file = result.file {
                    say("\(path): ok (\(file.id): \(file.rounds.count) rounds, \(file.stakeholders.count) stakeholders, \(file.touchpoints.count) touchpoints)")
                } else {
                    FileHandle.standardOutput.write(Data(CaseRenderer.problems(result.problems, file: path).utf8))
                    bad.append(path)
                }
            }
            if !bad.isEmpty {
                throw InputError(field: "case file", value: bad.joined(separator: ", "), problem: "is not a valid case (see the problems above)")
            }
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load round 1 of a case into the trainee's own workspace (case-NAME).",
            discussion: "A case file with problems is refused and nothing is written. The answer key is never loaded.")
        @Argument(help: "A shipped case id or a case file.") var `case`: String
        @OptionGroup var trainee: Trainee

        func run() throws {
            let (file, document, source) = try CaseReference.load(`case`)
            let release = try CaseStore.start(file, document: document, source: source, trainee: trainee.trainee,
                                              location: trainee.location, actor: trainee.connection.actor)
            let workspace = try CaseStore.workspace(forTrainee: trainee.trainee)
            say("started case \(file.id) for \(trainee.trainee) in workspace \(workspace): " + CaseReference.describe(release, file))
            say("work it with --workspace \(workspace), e.g. dchain map \"\(file.account.name)\" --workspace \(workspace)"
                + (release.today.map { "; plan with --today \($0)" } ?? ""))
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load whole cases, answer key roles included, as ordinary accounts (reference data, e.g. for personas).",
            discussion: """
                Unlike case start, this loads every round and the answer key's decision chain into the current \
                database or --workspace, next to the accounts already there: the shipped cases then count as facts \
                for persona build. All cases in one transaction; a case whose account already exists is refused.
                """)
        @Argument(help: "Shipped case ids or case files.") var cases: [String]
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let files = try cases.map { try CaseReference.load($0).file }
            let db = try connection.open()
            let loaded = try db.transaction { _ in try files.map { try CaseStore(db).loadComplete($0) } }
            for (file, l) in zip(files, loaded) {
                say("loaded case \(file.id) as account \(file.account.name): \(l.touchpoints) touchpoints, \(l.roles) roles")
            }
        }
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Release the next round of the trainee's case.")
        @OptionGroup var trainee: Trainee

        func run() throws {
            let (store, session, file) = try trainee.open()
            let release = try store.next(session, file: file)
            say("released " + CaseReference.describe(release, file)
                + (release.today.map { "; plan with --today \($0)" } ?? ""))
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the moment of truth: the stage of the dip and whose dip it is.",
            discussion: "Submitting again replaces the earlier answer.")
        @OptionGroup var trainee: Trainee
        @Option(help: ArgumentHelp("The stage key of the moment of truth (e.g. contract).", valueName: "stage")) var moment: String
        @Option(help: "The stakeholder whose dip it is (id or name).") var stakeholder: String
        @Option(help: "Why you think so.") var why: String?

        func run() throws {
            let (store, session, file) = try trainee.open()
            let name = try store.submit(session, file: file, stage: moment, stakeholder: stakeholder, why: why?.nilIfEmpty)
            say("\(trainee.trainee): moment of truth is \(name) at \(moment)")
        }
    }

    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the trainee against the key: roles, coverage, moment of truth and plan, with a debrief of every lost point.")
        @OptionGroup var trainee: Trainee
        @OptionGroup var output: OutputOptions<CaseFormats>

        func run() throws {
            let lang = try output.language
            let (store, session, file) = try trainee.open()
            let grade = CaseGrader.grade(file, work: try store.work(session), trainee: session.trainee, round: session.round, lang: lang)
            switch output.format {
            case .md: try output.emit(CaseRenderer.gradeMarkdown(grade))
            case .json: try output.emit(CaseRenderer.gradeJSON(grade))
            default: try output.emit(CaseRenderer.gradeText(grade, width: CaseReference.width))
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the model answer of a case (for the trainer).")
        @Argument(help: "A shipped case id or a case file.") var `case`: String
        @OptionGroup var output: OutputOptions<CaseFormats>

        func run() throws {
            let (file, _, _) = try CaseReference.load(`case`)
            let lang = try output.language
            switch output.format {
            case .md: try output.emit(CaseRenderer.answerMarkdown(file, lang))
            case .json: try output.emit(CaseRenderer.answerJSON(file))
            default: try output.emit(CaseRenderer.answerText(file, lang, width: CaseReference.width))
            }
        }
    }

    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The class at a glance: every trainee's score per criterion on a case.")
        @Argument(help: "A shipped case id or a case file.") var `case`: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<BoardFormats>

        func validate() throws {
            if connection.workspace != nil { throw ValidationError("the board reads every trainee's workspace; drop --workspace") }
        }

        func run() throws {
            let lang = try output.language
            let (file, _, _) = try CaseReference.load(`case`)
            // The live schema as home base (never DCHAIN_WORKSPACE): the board visits every trainee's workspace.
            let store = CaseStore(try Database.open(Database.location(db: connection.db), actor: connection.actor))
            // Each trainee is graded on the document their case was loaded from.
            let grades = try store.board(caseID: file.id).map { s, work in
                CaseGrader.grade(try CaseReference.parse(s.document, name: "case \(s.caseID) of trainee \(s.trainee)"), work: work,
                                 trainee: s.trainee, round: s.round, lang: lang)
            }
            let board = CaseBoard(file: file, grades: grades, lang: lang)
            switch output.format {
            case .md: try output.emit(CaseRenderer.boardMarkdown(board, lang))
            case .json: try output.emit(CaseRenderer.boardJSON(board))
            case .csv: try output.emit(CaseRenderer.boardCSV(board))
            default: try output.emit(CaseRenderer.boardText(board, lang))
            }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop the trainee's workspace and everything in it.")
        @OptionGroup var trainee: Trainee

        func run() throws {
            let session = try CaseStore.reset(trainee.location, trainee: trainee.trainee, actor: trainee.connection.actor)
            let workspace = try CaseStore.workspace(forTrainee: trainee.trainee)
            say("dropped workspace \(workspace)" + (session.map { " (case \($0.caseID), round \($0.round) of \($0.rounds))" } ?? ""))
        }
    }
}

/// A case named on the command line: a shipped case id, else a JSON file.
enum CaseReference {
    /// The case, its document as read, and where it came from (`shipped` or the path).
    static func load(_ ref: String) throws -> (file: CaseFile, document: String, source: String) {
        if let json = ShippedCases.document(ref) { return (try parse(json, name: ref), json, "shipped") }
        guard let data = FileManager.default.contents(atPath: ref) else {
            throw InputError(field: "case", value: ref,
                             problem: "is neither a shipped case (" + ShippedCases.ids.joined(separator: ", ") + ") nor a readable file")
        }
        return (try parse(String(decoding: data, as: UTF8.self), name: ref), String(decoding: data, as: UTF8.self), ref)
    }

    /// Parses a case document; its problems go to standard error, one
    /// `NAME: $.path: problem` line each, and the case is refused.
    static func parse(_ document: String, name: String) throws -> CaseFile {
        let result = CaseValidator.parse(document)
        if let file = result.file { return file }
        FileHandle.standardError.write(Data(CaseRenderer.problems(result.problems, file: name).utf8))
        let n = result.problems.count
        throw InputError(field: "case file", value: name, problem: "has \(n) problem\(n == 1 ? "" : "s"); nothing was loaded")
    }

    /// `round 2 of 3 (title): 6 touchpoints, deal at stage evaluation`.
    static func describe(_ r: CaseRelease, _ file: CaseFile) -> String {
        let lang = Language(localeIdentifier: ProcessInfo.processInfo.environment["LC_ALL"] ?? ProcessInfo.processInfo.environment["LANG"])
        let title = file.rounds.indices.contains(r.round - 1) ? " (\(file.rounds[r.round - 1].title.text(lang)))" : ""
        return "round \(r.round) of \(file.rounds.count)\(title): \(r.touchpoints) touchpoint\(r.touchpoints == 1 ? "" : "s")"
            + (r.stage.map { ", deal at stage \($0)" } ?? "")
    }

    /// Text width for wrapped output: COLUMNS, else 100.
    static var width: Int { ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 100 }
}
