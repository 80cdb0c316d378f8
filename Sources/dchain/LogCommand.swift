import ArgumentParser
import DecisionChain
import DecisionChainStore

/// `dchain log`: one touchpoint, its participants with their emotions,
/// quotes, pain points and needs, in one command and one transaction.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a touchpoint: who was there, how they felt, what they said, what hurts.",
        discussion: """
            Example:
              dchain log 市数据局 --channel visit --with 王局长:2:trusting
                --with 李处长:-2:frustrated --quote "李处长:合同条款不清晰"
                --pain "李处长:合同条款不清晰:high" --response "发送合同条款说明"
            A full-width colon (：) works like ":". Emotion is -3…+3; leave it out (or "?") when unknown.
            """)

    @Argument(help: "Account id, code or name.") var account: String
    @Option(help: "visit, meeting, call, email, wechat, event, demo, tender-document, bid-clarification, site-survey, contract-review, training, support, other.")
    var channel: String
    @Option(help: "Deal id or name (default: the account's only open deal, if it has one).") var deal: String?
    @Option(help: ArgumentHelp("When: YYYY-MM-DD or \"YYYY-MM-DD HH:MM\" (default now).", valueName: "datetime")) var on: String?
    @Option(help: "What happened.") var summary: String?
    @Option(help: "outbound (we reached out) or inbound.") var direction: String = "outbound"
    @Option(name: .customLong("with"), help: ArgumentHelp("A participant: NAME[:EMOTION[:LABEL]], emotion -3…+3.", valueName: "spec"))
    var participants: [String] = []
    @Option(help: ArgumentHelp("What someone said: NAME:TEXT.", valueName: "spec")) var quote: [String] = []
    @Option(help: ArgumentHelp("A pain point: NAME:TEXT[:low|medium|high].", valueName: "spec")) var pain: [String] = []
    @Option(help: ArgumentHelp("A need: NAME:TEXT.", valueName: "spec")) var need: [String] = []
    @Option(help: "Our response at this touchpoint (answers the pain points raised here).") var response: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if participants.isEmpty { throw ValidationError("name at least one participant with --with NAME[:EMOTION[:LABEL]]") }
    }

    func run() throws {
        // Parse everything before touching the database: bad input writes nothing.
        let channel = try DecisionChain.Channel.parse(channel, field: "channel")
        let direction = try Direction.parse(direction, field: "direction")
        let at = try on.map { try Parse.time($0, field: "on") } ?? Self.now()
        let specs = try participants.map(TouchpointSpec.participant)
        let quotes = try quote.map { try TouchpointSpec.statement($0, field: "quote") }
        let pains = try pain.map { try TouchpointSpec.statement($0, field: "pain", allowSeverity: true) }
        let needs = try need.map { try TouchpointSpec.statement($0, field: "need") }
        let named = Set(specs.map(\.name))
        for (field, s) in quotes.map({ ("quote", $0) }) + pains.map({ ("pain", $0) }) + needs.map({ ("need", $0) }) where !named.contains(s.name) {
            throw InputError(field: field, value: "\(s.name):\(s.text)", problem: "names \(s.name), who is not a participant; add --with \"\(s.name)\"")
        }
        if let dup = Dictionary(grouping: specs, by: \.name).first(where: { $0.value.count > 1 })?.key {
            throw InputError(field: "with", value: dup, problem: "is named twice")
        }

        let db = try connection.open(check: .inFirstQuery)
        let resolver = Resolver(db)
        let targets: Resolver.LogTargets
        if let fast = try db.firstQuery({ try resolver.logTargets(account: account, deal: deal, names: specs.map(\.name)) }) {
            targets = fast
        } else {
            // Something did not resolve cleanly: resolve one by one for a precise error.
            let a = try resolver.account(account)
            var chosen: Deal?
            if let ref = self.deal {
                chosen = try resolver.deal(ref, accountID: a.id)
            } else {
                let open = try DealStore(db).list(accountID: a.id, status: .open)
                chosen = open.count == 1 ? open[0].deal : nil
            }
            var found: [String: Int64] = [:]
            for s in specs { found[s.name] = try resolver.stakeholder(s.name, accountID: a.id).id }
            targets = .init(accountID: a.id, accountName: a.name, dealID: chosen?.id, dealName: chosen?.name, stakeholders: found)
        }
        let ids = targets.stakeholders
        let participants = specs.map { s in
            Participant(stakeholderID: ids[s.name]!, emotion: s.emotion, emotionLabel: s.label,
                        quote: quotes.filter { $0.name == s.name }.map(\.text).joined(separator: " / ").nilIfEmpty)
        }
        let raised = pains.map { TouchpointStore.RaisedItem(stakeholderID: ids[$0.name]!, kind: .pain, text: $0.text, severity: $0.severity ?? .medium) }
            + needs.map { TouchpointStore.RaisedItem(stakeholderID: ids[$0.name]!, kind: .need, text: $0.text, severity: .medium) }
        let logged = try TouchpointStore(db).log(.init(
            accountID: targets.accountID, dealID: targets.dealID, at: at, channel: channel, direction: direction,
            summary: try summary.map { try Names.freeText($0, field: "summary") }?.nilIfEmpty,
            response: try response.map { try Names.freeText($0, field: "response") }?.nilIfEmpty, participants: participants, raised: raised))
        var line = "logged touchpoint #\(logged.id) at \(targets.accountName)"
        if let name = targets.dealName { line += " (\(name)" + (logged.stageKey.map { ", stage \($0)" } ?? "") + ")" }
        line += ": \(participants.count) participant\(participants.count == 1 ? "" : "s")"
        if !raised.isEmpty { line += ", \(raised.count) pain point\(raised.count == 1 ? "" : "s")/need\(raised.count == 1 ? "" : "s")" }
        if logged.closedTasks > 0 { line += "; closed \(logged.closedTasks) task\(logged.closedTasks == 1 ? "" : "s")" }
        say(line)
    }

    static func now() -> LocalTime { Clock.now }
}

extension String {
    /// nil for an empty or blank string.
    var nilIfEmpty: String? { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self }
}

import Foundation
