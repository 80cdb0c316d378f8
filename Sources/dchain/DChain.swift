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
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let code = ExitStatus.code(for: error) {
                FileHandle.standardError.write(Data("dchain: \(ExitStatus.message(for: error))\n".utf8))
                Foundation.exit(code)
            }
            exit(withError: error)
        }
    }
}
