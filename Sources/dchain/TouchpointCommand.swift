import ArgumentParser
import DecisionChain
import DecisionChainStore

/// `dchain touchpoint edit|delete|restore ID`: corrections of one logged
/// touchpoint (the timeline of an account is `dchain touchpoints ACCOUNT`).
struct TouchpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touchpoint",
        abstract: "Correct a logged touchpoint: edit it, delete it (kept in the audit), restore it.",
        subcommands: [Edit.self, Delete.self, Restore.self])

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a touchpoint's time, channel, summary, response, participants, emotions or quotes.",
            discussion: """
                --with and --quote take the same specs as `dchain log`: --with NAME[:EMOTION[:LABEL]] adds a participant \
                or sets their emotion and label; --quote NAME:TEXT replaces what they said; --remove NAME takes a participant out.
                Example: dchain touchpoint edit 12 --with 李敏:-1:anxious --quote "李敏:验收标准要写清楚"
                """)
        @Argument(help: "Touchpoint id (from `dchain touchpoints ACCOUNT`).") var id: Int64
        @Option(help: ArgumentHelp("New time: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\" (restages it).", valueName: "datetime")) var on: String?
        @Option(help: "New channel: visit, meeting, call, email, wechat, ...") var channel: String?
        @Option(help: "outbound or inbound.") var direction: String?
        @Option(help: "New summary.") var summary: String?
        @Option(help: "New response (our reply at this touchpoint).") var response: String?
        @Option(name: .customLong("with"), help: ArgumentHelp("Add a participant or set their emotion: NAME[:EMOTION[:LABEL]].", valueName: "spec"))
        var participants: [String] = []
        @Option(help: ArgumentHelp("Set what someone said: NAME:TEXT.", valueName: "spec")) var quote: [String] = []
        @Option(help: ArgumentHelp("Take a participant out.", valueName: "name")) var remove: [String] = []
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let at = try on.map { try Parse.time($0, field: "on") }
            let channel = try channel.map { try DecisionChain.Channel.parse($0, field: "channel") }
            let direction = try direction.map { try Direction.parse($0, field: "direction") }
            let specs = try participants.map(TouchpointSpec.participant)
            let quotes = try quote.map { try TouchpointSpec.statement($0, field: "quote") }
            if at == nil, channel == nil, direction == nil, summary == nil, response == nil, specs.isEmpty, quotes.isEmpty, remove.isEmpty {
                throw ValidationError("nothing to change: give --on, --channel, --direction, --summary, --response, --with, --quote or --remove")
            }
            let db = try connection.open()
            let store = TouchpointStore(db)
            let t = try db.transaction { _ in
                let before = try store.get(id)
                let resolver = Resolver(db)
                func person(_ name: String) throws -> Int64 { try resolver.stakeholder(name, accountID: before.accountID).id }
                let added = try specs.map { Participant(stakeholderID: try person($0.name), emotion: $0.emotion, emotionLabel: $0.label, quote: nil) }
                var said: [Int64: String] = [:]
                for q in quotes {
                    let sid = try person(q.name)
                    said[sid] = said[sid].map { $0 + " / " + q.text } ?? q.text
                }
                return try store.edit(id, .init(at: at, channel: channel, direction: direction, summary: summary, response: response,
                                                participants: added, quotes: said, removed: try remove.map(person)))
            }
            say("updated touchpoint #\(t.id): \(t.at) \(t.channel.rawValue)" + (t.stageKey.map { ", stage \($0)" } ?? "")
                + ", \(t.participants.count) participant\(t.participants.count == 1 ? "" : "s")")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a touchpoint with its participants and pain points: gone from every view, kept in the audit.",
            discussion: "`dchain touchpoint restore ID` brings it back with the same ids.")
        @Argument(help: "Touchpoint id.") var id: Int64
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let (t, reopened) = try TouchpointStore(try connection.open()).delete(id)
            say("deleted touchpoint #\(t.id) (\(t.at) \(t.channel.rawValue)\(t.summary.map { ": \($0)" } ?? ""))"
                + (reopened > 0 ? "; \(reopened) task\(reopened == 1 ? "" : "s") it completed \(reopened == 1 ? "is" : "are") open again" : "")
                + "; `dchain touchpoint restore \(t.id)` brings it back")
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring back a deleted touchpoint with its participants and pain points.")
        @Argument(help: "Touchpoint id.") var id: Int64
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let t = try TouchpointStore(try connection.open()).restore(id)
            say("restored touchpoint #\(t.id) (\(t.at) \(t.channel.rawValue)), \(t.participants.count) participant\(t.participants.count == 1 ? "" : "s")")
        }
    }
}

/// A usage mistake with a hint at the right command (exit 64, one line).
struct UsageHint: Error, CustomStringConvertible {
    var description: String
}
