import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain metric`: the experience targets (NPS, CSAT, CES) the views measure
/// the surveys against; set by managers and admins.
struct MetricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric",
        abstract: "Experience targets (NPS, CSAT, CES) that maps and reports measure surveys against.",
        subcommands: [Target.self, List.self, Clear.self])

    struct Target: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the target of a survey kind, for one pipeline or for all (managers and admins).",
            discussion: """
                Examples:
                  dchain metric target nps 30
                  dchain metric target csat 4.2 --pipeline enterprise
                NPS targets are −100…100, CSAT 1…5, CES 1…7. A pipeline's own target wins over the one for all pipelines.
                """)
        @Argument(help: ArgumentHelp("The survey kind: nps, csat or ces.", valueName: "kind")) var kind: String
        // Unconditional: "-10" is the value, not another flag.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The target: an NPS score, or a CSAT or CES mean.", valueName: "value"))
        var value: [String] = []
        @Option(help: ArgumentHelp("Only for this pipeline (key; default: every pipeline).", valueName: "key")) var pipeline: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let k = try SurveyKind.parse(kind.lowercased(), field: "kind")
            guard value.count == 1 else { throw UsageHint(description: "give one target value: dchain metric target \(k.rawValue) VALUE") }
            let v = try k.target(value[0])
            let t = try MetricTargetStore(try connection.open()).set(k, value: v, pipeline: pipeline)
            say("target set: \(t.kind.label) \(MetricsLabels.target(t.kind, t.value)) for " + (t.pipelineKey.map { "pipeline \($0)" } ?? "every pipeline"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the experience targets.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let list = try MetricTargetStore(try connection.open()).all()
            let listing = Listing(
                headers: ["kind", "target", "pipeline", "set by"], keys: ["kind", "value", "pipeline", "set_by"],
                rows: list.map { [$0.kind.label, MetricsLabels.target($0.kind, $0.value), $0.pipelineKey ?? "all", $0.setBy] })
            try output.emit(listing, json: list.map(TargetJSON.init))
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the target of a survey kind (managers and admins).")
        @Argument(help: ArgumentHelp("The survey kind: nps, csat or ces.", valueName: "kind")) var kind: String
        @Option(help: ArgumentHelp("Only for this pipeline (key; default: every pipeline).", valueName: "key")) var pipeline: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let k = try SurveyKind.parse(kind.lowercased(), field: "kind")
            let scope = pipeline.map { "pipeline \($0)" } ?? "every pipeline"
            if try MetricTargetStore(try connection.open()).clear(k, pipeline: pipeline) {
                say("target removed: \(k.label) for \(scope)")
            } else {
                say("no \(k.label) target was set for \(scope)")
            }
        }
    }
}

/// One target in `metric list --format json` (docs/metrics-json.md).
struct TargetJSON: Encodable {
    var kind: SurveyKind, value: Double, pipeline: String?, setBy: String
    init(_ t: MetricTarget) { kind = t.kind; value = t.value; pipeline = t.pipelineKey; setBy = t.setBy }
    enum CodingKeys: String, CodingKey { case kind, value, pipeline, setBy = "set_by" }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind); try c.encode(value, forKey: .value); try c.encode(pipeline, forKey: .pipeline)
        try c.encode(setBy, forKey: .setBy)
    }
}
