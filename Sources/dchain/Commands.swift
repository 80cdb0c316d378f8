/// Every top-level command, in the order `dchain --help` lists them.
import ArgumentParser

extension DChain {
    static let commands: [ParsableCommand.Type] = [
        DBCommand.self,
        PipelineCommand.self,
    ]
}
