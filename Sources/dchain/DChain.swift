import ArgumentParser
import DecisionChain
import DecisionChainStore
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
        // Ask the server for a backend now: it starts one while the command line
        // is parsed. `log` reads the schema version in its first query.
        if let first = arguments.first, headStart(first), !arguments.contains(where: changesConnection) {
            EarlyConnection.shared.start(Database.location(db: nil), workspace: ConnectionOptions.environmentWorkspace,
                                         actor: ConnectionOptions.defaultActor, readVersion: first != "log")
        }
        // Building ArgumentParser's tree of every command costs the Swift runtime
        // a protocol-conformance scan per command type (~5 ms of a rep's `dchain
        // log`); when the first word names a command, build only its subtree.
        if let first = arguments.first, let command = commands.first(where: { $0.configuration.commandName == first }) {
            runOnly(command, arguments)
        }
        run(DChain.self, arguments)
    }

    /// Commands that always open the database in its default place: their
    /// connection is requested before their command line is parsed. (A
    /// switch, not a Set: building a Set is a measurable part of start-up.)
    static func headStart(_ command: String) -> Bool {
        switch command {
        case "log", "touchpoints", "touchpoint", "today", "undo", "account", "unit", "stakeholder", "deal", "role", "pain",
             "map", "empathy", "plan", "task", "pipeline", "report": return true
        default: return false
        }
    }

    /// Arguments after which the default connection may not be the one used
    /// (another server or workspace) or no connection is needed (help).
    static func changesConnection(_ argument: String) -> Bool {
        argument.hasPrefix("--db") || argument.hasPrefix("--workspace") || argument == "-h" || argument == "--help"
            || argument == "help" || argument == "--version" || argument.hasPrefix("--generate-completion")
            || argument.hasPrefix("--experimental")
    }

    /// Parses with a root that holds just one top-level command.
    static func runOnly<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> Never {
        run(Only<C>.self, arguments)
    }

    static func run<Root: ParsableCommand>(_ root: Root.Type, _ arguments: [String]) -> Never {
        do {
            var command = try root.parseAsRoot(arguments)
            try OutputGroups.checkOut(of: command)
            ConnectionOptions.workspaceUse = command is ReadOnlyCommand ? .mustExist : .create
            try command.run()
            EarlyConnection.shared.discard()
            Foundation.exit(0)
        } catch {
            EarlyConnection.shared.discard()
            let zh = language(arguments) == .zh
            if let code = ExitStatus.code(for: error) {
                let english = ExitStatus.message(for: error)
                fail(zh ? ErrorChinese.message(for: error, english: english) : english, code)
            }
            // Help and --version: ArgumentParser prints them (in Chinese when zh).
            if root.exitCode(for: error) == .success {
                guard zh else { root.exit(withError: error) }
                FileHandle.standardOutput.write(Data((HelpChinese.translate(root.fullMessage(for: error, columns: 100_000)) + "\n").utf8))
                Foundation.exit(0)
            }
            // A usage error: one line, with where to read more.
            let line = oneLine(root.message(for: error)) + "; see \(helpPath(arguments)) --help"
            fail(zh ? ErrorChinese.usage(line) : line, ExitStatus.usage)
        }
    }

    /// Prints the one line the user sees (control characters escaped, so a
    /// stored name cannot split it or drive the terminal) and exits.
    static func fail(_ message: String, _ code: Int32) -> Never {
        FileHandle.standardError.write(Data("dchain: \(Names.visible(message))\n".utf8))
        Foundation.exit(code)
    }

    /// The language of help and errors: `--lang` on the command line, else
    /// LC_ALL / LC_MESSAGES / LANG.
    static func language(_ arguments: [String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { return Language(typed: arguments[i + 1]) ?? .en }
            if a.hasPrefix("--lang=") { return Language(typed: String(a.dropFirst(7))) ?? .en }
        }
        return Language.fromEnvironment
    }

    /// ArgumentParser's multi-line messages on one line ("one of the
    /// following:" lists joined with commas).
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let items = lines.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        let text = lines.filter { !$0.hasPrefix("- ") }.joined(separator: " ")
        return items.isEmpty ? (text.isEmpty ? "invalid usage" : text) : text + " " + items.joined(separator: ", ")
    }

    /// `dchain deal move`: the commands named on the command line.
    static func helpPath(_ arguments: [String]) -> String {
        var path = ["dchain"]
        var level: [ParsableCommand.Type] = commands
        for a in arguments {
            guard let c = level.first(where: { $0.configuration.commandName ?? commandName(of: $0) == a }) else { break }
            path.append(a)
            level = c.configuration.subcommands
        }
        return path.joined(separator: " ")
    }

    /// ArgumentParser's default name of a command type: `DealCommand.Move` → `move`.
    static func commandName(of type: ParsableCommand.Type) -> String {
        let name = String(describing: type).split(separator: ".").last.map(String.init) ?? ""
        var out = ""
        for (i, ch) in name.enumerated() {
            if ch.isUppercase && i > 0 { out.append("-") }
            out.append(Character(ch.lowercased()))
        }
        return out
    }
}

/// `dchain` with a single subcommand: same name, same help and usage lines.
struct Only<Command: ParsableCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "dchain", abstract: DChain.configuration.abstract, version: "0.1.0",
                             subcommands: [Command.self])
    }
}
