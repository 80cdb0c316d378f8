import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain account add|list|show|edit`.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Add, list, show and edit accounts (the organisations we sell to).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Assign.self]
    )

    /// Options shared by add and edit.
    struct AccountFields: ParsableArguments {
        @Option(help: "Account code (unique), e.g. an org code.") var code: String?
        @Option(help: "Region, e.g. 华东 or East China.") var region: String?
        @Option(help: "Industry.") var industry: String?
        @Option(help: ArgumentHelp("Parent account (id, code or name).", valueName: "account")) var parent: String?
        @Option(help: ArgumentHelp("Owning rep's login (created on first use).", valueName: "login")) var owner: String?
        @Option(help: ArgumentHelp("Owning team (created on first use).", valueName: "team")) var team: String?

        func fields(_ db: Database, name: String?, kind: AccountKind?) throws -> AccountStore.Fields {
            let r = Resolver(db)
            return AccountStore.Fields(
                name: try name.map { try Parse.nonEmpty($0, field: "name") }, kind: kind,
                code: try code.map { try Parse.nonEmpty($0, field: "code") }, region: region, industry: industry,
                parentID: try parent.map { try r.account($0).id }, ownerID: try owner.map { try r.userID(login: $0) },
                teamID: try team.map { try r.teamID(name: try Parse.nonEmpty($0, field: "team")) })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.")
        @Argument(help: "Account name (Chinese or English).") var name: String
        @Option(help: "government, institution, soe or enterprise.") var kind: String
        @OptionGroup var fields: AccountFields
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let kind = try AccountKind.parse(kind, field: "kind")
            _ = try Parse.nonEmpty(name, field: "name")
            let db = try connection.open()
            let a = try db.transaction { _ in try AccountStore(db).add(try fields.fields(db, name: name, kind: kind)) }
            say("added account #\(a.id) \(a.name) (\(a.kind.rawValue))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @Option(help: "Only this kind.") var kind: String?
        @Option(help: "Only this region.") var region: String?
        @Option(help: ArgumentHelp("Only accounts owned by this login.", valueName: "login")) var owner: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let kind = try kind.map { try AccountKind.parse($0, field: "kind") }
            let list = try AccountStore(connection.open()).list(kind: kind, region: region, owner: owner)
            try output.emit(CaptureViews.accounts(list, try output.language), json: list.map(CaptureViews.AccountJSON.init))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an account with its units, stakeholders and deals.")
        @Argument(help: "Account id, code or name.") var account: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let a = try Resolver(db).account(account)
            let units = try AccountStore(db).units(accountID: a.id)
            let people = try StakeholderStore(db).list(accountID: a.id)
            let deals = try DealStore(db).list(accountID: a.id)
            let pipelines = try PipelineStore(db).all()
            struct ShowJSON: Encodable {
                let account: CaptureViews.AccountJSON; let units: [String]
                let stakeholders: [CaptureViews.StakeholderJSON]; let deals: [CaptureViews.DealJSON]
            }
            let names = Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let json = ShowJSON(account: .init(a), units: units.map(\.name),
                                stakeholders: people.map { .init($0, reportsToName: $0.reportsToID.flatMap { names[$0] }) },
                                deals: deals.map { .init($0.deal, account: $0.account) })
            var listing = CaptureViews.stakeholders(people, all: people, lang)
            listing.title = "\(a.name)  #\(a.id)"
            listing.preamble = [
                "\(lang == .zh ? "类型" : "kind"): \(Labels.kind(a.kind, lang))" + (a.code.map { "   code: \($0)" } ?? ""),
                "\(lang == .zh ? "地区/行业" : "region/industry"): \(a.region ?? "-") / \(a.industry ?? "-")",
                "\(lang == .zh ? "负责人/团队" : "owner/team"): \(a.ownerLogin ?? "-") / \(a.teamName ?? "-")",
                "\(lang == .zh ? "部门" : "units"): " + (units.isEmpty ? "-" : units.map(\.name).joined(separator: ", ")),
                "\(lang == .zh ? "项目" : "deals"): " + (deals.isEmpty ? "-" : deals.map { "\($0.deal.name) [\(Labels.stage($0.deal.stageKey, pipeline: $0.deal.pipelineKey, in: pipelines, lang)), \(Labels.status($0.deal.status, lang))]" }.joined(separator: "; ")),
            ]
            try output.emit(listing, json: json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an account's fields.")
        @Argument(help: "Account id, code or name.") var account: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New kind.") var kind: String?
        @OptionGroup var fields: AccountFields
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let kind = try kind.map { try AccountKind.parse($0, field: "kind") }
            let db = try connection.open()
            let updated = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                let f = try fields.fields(db, name: name, kind: kind)
                if f.parentID == a.id { throw InputError(field: "parent", value: fields.parent ?? "", problem: "is the account itself") }
                return try AccountStore(db).edit(a.id, f)
            }
            say("updated account #\(updated.id) \(updated.name)")
        }
    }
}

/// `dchain unit add|list`: departments of an account.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Add, list, edit and delete the units (departments) of an account.",
        subcommands: [Add.self, List.self, Edit.self, Delete.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a unit to an account.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "Unit name.") var name: String
        @Option(help: ArgumentHelp("Parent unit.", valueName: "unit")) var parent: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let name = try Parse.nonEmpty(name, field: "name")
            let db = try connection.open()
            let a = try Resolver(db).account(account)
            let parentID = try parent.map { try Resolver(db).unit($0, accountID: a.id).id }
            let u = try AccountStore(db).addUnit(accountID: a.id, name: name, parentID: parentID)
            say("added unit #\(u.id) \(u.name) to \(a.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's units.")
        @Argument(help: "Account id, code or name.") var account: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let units = try AccountStore(db).units(accountID: try Resolver(db).account(account).id)
            let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let listing = Listing(headers: [lang == .zh ? "编号" : "id", lang == .zh ? "部门" : "unit", lang == .zh ? "上级部门" : "parent"],
                                  keys: ["id", "name", "parent"],
                                  rows: units.map { [String($0.id), $0.name, $0.parentID.flatMap { names[$0] } ?? ""] })
            struct UnitJSON: Encodable { let id: Int64; let name: String; let parent_id: Int64? }
            try output.emit(listing, json: units.map { UnitJSON(id: $0.id, name: $0.name, parent_id: $0.parentID) })
        }
    }
}
