import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain vocabulary`: every closed vocabulary with the Chinese each value
/// accepts (docs/chinese-input.md is its `--format md`); `--parse` reads
/// values the way every command does.
struct VocabularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocabulary",
        abstract: "List the keys of every closed vocabulary and the Chinese each accepts (--parse to try values).")

    @Option(help: ArgumentHelp("Read VALUES as this field (kind, level, role, …, pipeline, stage) and print each one's key.", valueName: "field"))
    var parse: String?
    @Argument(help: "Values to read with --parse.") var values: [String] = []
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<VocabularyFormats>

    /// One value of one vocabulary: its field, key, English and accepted Chinese.
    struct Entry: Encodable {
        let field, key, english: String
        let chinese: [String]
    }

    /// The closed vocabularies by the field name the CLI uses for them.
    static var vocabularies: [(field: String, entries: () -> [Entry], parse: (String) throws -> String)] { [
        vocabulary("kind", AccountKind.self), vocabulary("level", Level.self), vocabulary("role", Role.self),
        vocabulary("influence", Influence.self), vocabulary("stance", Stance.self), vocabulary("mode", ResponseMode.self),
        vocabulary("status", DealStatus.self), vocabulary("phase", JourneyPhase.self), vocabulary("channel", Channel.self),
        vocabulary("direction", Direction.self), vocabulary("method", ProcurementMethod.self), vocabulary("severity", Severity.self),
        vocabulary("pain-kind", PainKind.self), vocabulary("pain-status", PainStatus.self), vocabulary("task-status", TaskStatus.self),
        vocabulary("priority", Priority.self),
    ] }

    static func vocabulary<V: Vocabulary>(_ field: String, _ type: V.Type) -> (field: String, entries: () -> [Entry], parse: (String) throws -> String) {
        (field, { V.allCases.map { Entry(field: field, key: $0.rawValue, english: $0.rawValue.replacingOccurrences(of: "-", with: " "), chinese: $0.acceptedChinese) } },
         { try V.parse($0, field: field).rawValue })
    }

    func run() throws {
        let pipelines = try PipelineStore(connection.open()).all()
        if let field = parse {
            try say(values.map { "\($0)\t\(try Self.read($0, as: field, pipelines))" }.joined(separator: "\n"))
            return
        }
        let entries = Self.vocabularies.flatMap { $0.entries() }
            + pipelines.map { Entry(field: "pipeline", key: $0.key, english: $0.nameEN, chinese: [$0.nameZH, String($0.nameZH.prefix(2))]) }
            + pipelines.flatMap { p in
                p.stages.map { Entry(field: "stage (\(p.key))", key: $0.key, english: $0.nameEN, chinese: [$0.nameZH] + (StageAliases.shortForms[$0.key] ?? [])) }
            }
        switch output.format {
        case .md:
            try output.emit((["| field | key | English | accepted Chinese |", "|---|---|---|---|"]
                + entries.map { "| \($0.field) | `\($0.key)` | \($0.english) | \($0.chinese.joined(separator: "、")) |" }).joined(separator: "\n") + "\n")
        case .json: try output.emit(JSONOutput.encode(entries))
        default:
            let lang = try output.language
            try output.emit(Listing(headers: lang == .zh ? ["字段", "键", "英文", "可用中文"] : ["field", "key", "English", "accepted Chinese"],
                                    keys: ["field", "key", "english", "chinese"],
                                    rows: entries.map { [$0.field, $0.key, $0.english, $0.chinese.joined(separator: "、")] }).text())
        }
    }

    /// A value read as `field`, as the commands read it.
    static func read(_ value: String, as field: String, _ pipelines: [Pipeline]) throws -> String {
        if let v = vocabularies.first(where: { $0.field == field }) { return try v.parse(value) }
        if field == "pipeline" {
            guard let p = pipelines.first(where: { $0.matches(typed: value) }) else {
                throw InputError(field: field, value: value, problem: "is not a pipeline")
            }
            return p.key
        }
        if field.hasPrefix("stage"), let p = pipelines.first(where: { field == "stage (\($0.key))" || field == "stage:\($0.key)" }) {
            guard let s = p.stage(typed: value) else { throw InputError(field: "stage", value: value, problem: "is not a stage of pipeline \(p.key): \(p.stageChoices)") }
            return s.key
        }
        throw InputError(field: "parse", value: field, problem: "is not a vocabulary (" + (vocabularies.map(\.field) + ["pipeline", "stage:government", "stage:enterprise"]).joined(separator: ", ") + ")")
    }
}

/// The vocabulary table: text, the Markdown of docs/chinese-input.md, JSON.
enum VocabularyFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .json] }
