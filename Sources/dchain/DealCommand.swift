import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// A deal given by id or name, scoped to `--account` when given.
struct DealReference: ParsableArguments {
    @Argument(help: "Deal id or name.") var deal: String
    @Option(help: ArgumentHelp("The deal's account, when its name is not unique.", valueName: "account")) var account: String?

    func resolve(_ db: Database) throws -> Deal {
        if let account { return try Resolver(db).deal(deal, accountID: try Resolver(db).account(account).id) }
        return try Resolver(db).deal(deal)
    }
}

/// `dchain deal add|move|close|list|show|edit`.
struct DealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deal",
        abstract: "Follow deals (项目) through their procurement stages.",
        subcommands: [Add.self, Move.self, Close.self, List.self, Show.self, Edit.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a deal to an account.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "Deal name.") var name: String
        @Option(help: "Pipeline: government or enterprise.") var pipeline: String
        @Option(help: "Procurement method: public-tender, invited-tender, competitive-negotiation, competitive-consultation, single-source, inquiry, framework, direct.")
        var method: String?
        @Option(help: "Amount: 1200000, 1,200,000, 120万 or 1.2亿 (at most two decimals).") var amount: String?
        @Option(help: "Currency (ISO 4217).") var currency: String = "CNY"
        @Option(help: "Stage key to start in (default: the pipeline's first stage).") var stage: String?
        @Option(help: ArgumentHelp("When the deal entered its first stage (default today).", valueName: "date")) var on: String?
        @Option(name: .customLong("close-by"), help: ArgumentHelp("Expected close date.", valueName: "date")) var closeBy: String?
        @Option(help: ArgumentHelp("Owning rep's login (default: the account's owner).", valueName: "login")) var owner: String?
        @Option(help: ArgumentHelp("The OCDS contracting-process id (ocid) a procurement portal gave the deal.", valueName: "ocid")) var ocid: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let name = try Parse.nonEmpty(name, field: "name")
            let ocid = try ocid.map { try OCID.parse($0, field: "ocid") }
            let method = try method.map { try ProcurementMethod.parse($0, field: "method") }
            let amount = try amount.map { try Parse.amount($0, field: "amount") }
            let currency = currency.uppercased()
            guard currency.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil else {
                throw InputError(field: "currency", value: self.currency, problem: "is not a three-letter currency code")
            }
            let on = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let closeBy = try closeBy.map { try Parse.day($0, field: "close-by") }
            let db = try connection.open()
            let deal = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                let p = try PipelineStore(db).pipeline(pipeline)
                let stage = try stage.map { typed in
                    guard let s = p.stage(typed: typed) else {
                        throw InputError(field: "stage", value: typed, problem: "is not a stage of pipeline \(p.key): \(p.stageChoices)")
                    }
                    return s.key
                }
                return try DealStore(db).add(.init(accountID: a.id, name: name, pipeline: p, stageKey: stage, method: method, amount: amount,
                                                   currency: currency, closeBy: closeBy, ownerID: try owner.map { try Resolver(db).userID(login: $0) },
                                                   on: on, ocid: ocid))
            }
            say("added deal #\(deal.id) \(deal.name) in stage \(deal.stageKey) (since \(on))")
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a deal to another stage (recorded in its stage history), or --undo its latest move.")
        @OptionGroup var ref: DealReference
        @Argument(help: "Stage key, e.g. contract.") var stage: String?
        @Option(help: ArgumentHelp("When it entered the stage (default today).", valueName: "date")) var on: String?
        @Flag(help: "Take back the latest stage move (its touchpoints are restaged).") var undo = false
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            if undo, stage != nil || on != nil { throw ValidationError("--undo takes no stage and no --on") }
            if !undo, stage == nil { throw ValidationError("name the stage to move to, or --undo the latest move") }
        }

        func run() throws {
            if undo { return try undoMove() }
            guard let stage else { return }
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let db = try connection.open()
            let deal = try ref.resolve(db)
            let p = try PipelineStore(db).pipeline(deal.pipelineKey)
            guard let target = p.stage(typed: stage) else {
                throw InputError(field: "stage", value: stage, problem: "is not a stage of pipeline \(p.key): \(p.stageChoices)")
            }
            let moved = try DealStore(db).move(deal, to: target, on: day)
            say("moved deal #\(moved.id) \(moved.name) to \(moved.stageKey) on \(day)")
        }

        func undoMove() throws {
            let db = try connection.open()
            let r = try DealStore(db).undoMove(try ref.resolve(db))
            say("deal #\(r.deal.id) \(r.deal.name) is back in \(r.back.stageKey) (since \(r.back.entered)); "
                + "the move to \(r.removed.stageKey) on \(r.removed.entered) is undone")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a deal's name, amount, currency, close-by date, owner or procurement method.")
        @OptionGroup var ref: DealReference
        @Option(help: "New name.") var name: String?
        @Option(help: "Amount, e.g. 1200000, 650万 or 1.2亿.") var amount: String?
        @Option(help: "Currency (ISO 4217).") var currency: String?
        @Option(name: .customLong("close-by"), help: ArgumentHelp("Expected close date.", valueName: "date")) var closeBy: String?
        @Option(help: ArgumentHelp("Owning rep's login.", valueName: "login")) var owner: String?
        @Option(help: "Procurement method: public-tender, invited-tender, competitive-negotiation, ...") var method: String?
        @Option(help: ArgumentHelp("The OCDS contracting-process id (ocid) a procurement portal gave the deal.", valueName: "ocid")) var ocid: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let name = try name.map { try Parse.name($0, field: "name") }
            let amount = try amount.map { try Parse.amount($0, field: "amount") }
            let currency = try currency.map { text -> String in
                let c = text.uppercased()
                guard c.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil else {
                    throw InputError(field: "currency", value: text, problem: "is not a three-letter currency code")
                }
                return c
            }
            let closeBy = try closeBy.map { try Parse.day($0, field: "close-by") }
            let method = try method.map { try ProcurementMethod.parse($0, field: "method") }
            let ocid = try ocid.map { try OCID.parse($0, field: "ocid") }
            if name == nil, amount == nil, currency == nil, closeBy == nil, owner == nil, method == nil, ocid == nil {
                throw ValidationError("nothing to change: give --name, --amount, --currency, --close-by, --owner, --method or --ocid")
            }
            let db = try connection.open()
            let deal = try db.transaction { _ in
                try DealStore(db).edit(try ref.resolve(db), .init(name: name, amount: amount, currency: currency, closeBy: closeBy,
                                                                  ownerID: try owner.map { try Resolver(db).userID(login: $0) }, method: method,
                                                                  ocid: ocid))
            }
            say("updated deal #\(deal.id) \(deal.name)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a deal as won, lost or dropped.")
        @OptionGroup var ref: DealReference
        @Argument(help: "won, lost or dropped.") var outcome: String
        @Option(help: "Why it closed this way.") var reason: String?
        @Option(help: ArgumentHelp("When (default today).", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let status = try DealStatus.parse(outcome, field: "outcome")
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let db = try connection.open()
            let closed = try DealStore(db).close(try ref.resolve(db), as: status, reason: reason, on: day)
            say("closed deal #\(closed.id) \(closed.name): \(closed.status.rawValue)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List deals.")
        @Option(help: "Only this account's deals.") var account: String?
        @Option(help: "Only deals with this status: open, won, lost, dropped.") var status: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let status = try status.map { try DealStatus.parse($0, field: "status") }
            let db = try connection.open()
            let accountID = try account.map { try Resolver(db).account($0).id }
            let list = try DealStore(db).list(accountID: accountID, status: status)
            try output.emit(CaptureViews.deals(list, pipelines: try PipelineStore(db).all(), try output.language), json: list.map { CaptureViews.DealJSON($0.deal, account: $0.account) })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a deal with its stage history and decision chain.")
        @OptionGroup var ref: DealReference
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let deal = try ref.resolve(db)
            let account = try AccountStore(db).get(deal.accountID)
            let history = try DealStore(db).history(deal)
            let pipeline = try PipelineStore(db).pipeline(deal.pipelineKey)
            let chain = try InfluenceStore(db).current(deal: deal)
            let people = try StakeholderStore(db).list(accountID: deal.accountID)
            var (listing, chainJSON) = CaptureViews.chain(chain.map { ($0, nil) }, stakeholders: people, history: false, lang)
            listing.title = "\(deal.name)  #\(deal.id)  (\(account.name))"
            listing.preamble = [
                "\(lang == .zh ? "流程/阶段" : "pipeline/stage"): \(pipeline.name(lang)) / \(pipeline.stage(deal.stageKey)?.name(lang) ?? deal.stageKey)"
                    + "   \(lang == .zh ? "状态" : "status"): \(Labels.status(deal.status, lang))" + (deal.closeReason.map { " (\($0))" } ?? ""),
                "\(lang == .zh ? "金额" : "amount"): \(deal.amount.map { CaptureViews.amount($0, deal.currency) } ?? "-")"
                    + "   \(lang == .zh ? "采购方式" : "method"): \(deal.method.map { Labels.method($0, lang) } ?? "-")   \(lang == .zh ? "预计签约" : "close by"): \(deal.closeBy?.description ?? "-")",
                "\(lang == .zh ? "阶段历程" : "stages"): " + history.map {
                    "\($0.entered) \(pipeline.stage($0.stageKey)?.name(lang) ?? $0.stageKey)"
                        + ($0.event.map { e in lang == .zh ? "（\(e.zh)）" : " (\(e.en))" } ?? "")
                }.joined(separator: " → "),
            ] + (deal.ocid.map { ["ocid: \($0)"] } ?? [])
            struct ShowJSON: Encodable { let deal: CaptureViews.DealJSON; let decision_chain: [CaptureViews.InfluenceJSON] }
            try output.emit(listing, json: ShowJSON(deal: .init(deal, account: account.name, history: history), decision_chain: chainJSON))
        }
    }
}
