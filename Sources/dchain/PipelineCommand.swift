import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain pipeline list`: the pipelines and their stages.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Show the sales pipelines and their procurement stages.",
        subcommands: [List.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pipelines with their stages, journey phases and expected days.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let pipelines = try PipelineStore(connection.open()).all()
            try output.emit(PipelineListRenderer.render(pipelines, format: output.format.rawValue, lang: lang))
        }
    }
}
