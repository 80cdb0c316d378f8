import ArgumentParser
import Foundation

/// dchain: decision chains, emotional touchpoints, journey maps and
/// communication plans for government and enterprise sales.
@main
struct DChain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dchain",
        abstract: "Decision chains, touchpoints, journey maps and communication plans for B2B sales.",
        discussion: """
            The database is --db / DCHAIN_DB (any libpq conninfo or postgres:// URL), else dchain's own \
            PostgreSQL cluster in DCHAIN_HOME, started on first use.
            """,
        version: "0.1.0",
        subcommands: DChain.commands
    )

    /// Runs the command and maps every error to one line and a sysexits status.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Building ArgumentParser's tree of every command costs the Swift runtime
        // a protocol-conformance scan per command type (~5 ms of a rep's `dchain
        // log`); when the first word names a command, build only its subtree.
        if let first = arguments.first, let command = commands.first(where: { $0.configuration.commandName == first }) {
            runOnly(command, arguments)
        }
        run(DChain.self, arguments)
    }

    /// Parses with a root that holds just one top-level command.
    static func runOnly<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> Never {
        run(Only<C>.self, arguments)
    }

    static func run<Root: ParsableCommand>(_ root: Root.Type, _ arguments: [String]) -> Never {
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            if let code = ExitStatus.code(for: error) {
                FileHandle.standardError.write(Data("dchain: \(ExitStatus.message(for: error))\n".utf8))
                Foundation.exit(code)
            }
            root.exit(withError: error)
        }
    }
}

/// `dchain` with a single subcommand: same name, same help and usage lines.
struct Only<Command: ParsableCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "dchain", abstract: DChain.configuration.abstract, version: "0.1.0",
                             subcommands: [Command.self])
    }
}
