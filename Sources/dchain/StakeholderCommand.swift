import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain stakeholder add|list|show|edit|delete|find`: the people at an account.
struct StakeholderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholder",
        abstract: "Add, list, show, edit, delete and find the people at accounts.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self, Find.self]
    )

    /// Options shared by add and edit.
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp("Unit (department); created when new.", valueName: "unit")) var unit: String?
        @Option(help: "executive (高层), manager (中层) or staff (基层).") var level: String?
        @Option(name: .customLong("reports-to"), help: ArgumentHelp("The stakeholder they report to (org chart).", valueName: "name")) var reportsTo: String?
        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "WeChat id.") var wechat: String?
        @Option(help: "Preferred channel: visit, meeting, call, email, wechat, ...") var channel: String?

        func resolve(_ db: Database, accountID: Int64, name: String?, title: String?) throws -> StakeholderStore.Fields {
            let level = try level.map { try Level.parse($0, field: "level") }
            let channel = try channel.map { try DecisionChain.Channel.parse($0, field: "channel") }
            let unitID = try unit.map { try AccountStore(db).unitID(accountID: accountID, name: try Parse.nonEmpty($0, field: "unit")) }
            let boss = try reportsTo.map { try Resolver(db).stakeholder($0, accountID: accountID).id }
            return StakeholderStore.Fields(name: try name.map { try Parse.nonEmpty($0, field: "name") }, title: title, unitID: unitID,
                                           level: level, reportsTo: boss, email: email, phone: phone, wechat: wechat, channel: channel)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a stakeholder to an account.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "The person's name.") var name: String
        @Option(help: "Job title, e.g. 局长 or CIO.") var title: String
        @Flag(help: "Add them even though someone of the same name already works there (another person).") var distinct = false
        @OptionGroup var fields: Fields
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            _ = try Parse.nonEmpty(name, field: "name")
            let db = try connection.open()
            let s = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                return try StakeholderStore(db).add(accountID: a.id, try fields.resolve(db, accountID: a.id, name: name, title: title),
                                                    distinct: distinct)
            }
            say("added stakeholder #\(s.id) \(s.name), \(s.title)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's stakeholders, top of the org chart first.")
        @Argument(help: "Account id, code or name.") var account: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let a = try Resolver(db).account(account)
            let people = try StakeholderStore(db).list(accountID: a.id)
            let names = Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            try output.emit(CaptureViews.stakeholders(people, all: people, lang),
                            json: people.map { CaptureViews.StakeholderJSON($0, reportsToName: $0.reportsToID.flatMap { names[$0] }) })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one stakeholder with their roles in deals.",
            discussion: "ACCOUNT PERSON, or PERSON alone when the name is unique across accounts (PERSON ACCOUNT works too).")
        @Argument(help: "Account id, code or name (or the person, when unique across accounts).") var first: String
        @Argument(help: "Stakeholder id or name.") var second: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let s = try PersonReference.resolve(db, first, second)
            let a = try AccountStore(db).get(s.accountID)
            let people = try StakeholderStore(db).list(accountID: a.id)
            let boss = s.reportsToID.flatMap { id in people.first { $0.id == id }?.name }
            let roles = try InfluenceStore(db).current(stakeholder: s)
            var listing = Listing(headers: [lang == .zh ? "项目" : "deal", lang == .zh ? "角色" : "role", lang == .zh ? "态度" : "stance",
                                            lang == .zh ? "影响力" : "influence", lang == .zh ? "评分" : "rating"],
                                  keys: ["deal", "role", "stance", "influence", "rating"],
                                  rows: roles.map { [$0.deal, Labels.role($0.influence.role, lang), $0.influence.stance.map { Labels.stance($0, lang) } ?? "",
                                                     $0.influence.influence.map { Labels.influence($0, lang) } ?? "", $0.influence.rating.map(String.init) ?? ""] })
            listing.title = "\(s.name)  #\(s.id)  \(s.title)"
            listing.preamble = [
                "\(lang == .zh ? "客户" : "account"): \(a.name)",
                "\(lang == .zh ? "部门/层级" : "unit/level"): \(s.unitName ?? "-") / \(s.level.map { Labels.level($0, lang) } ?? "-")",
                "\(lang == .zh ? "上级" : "reports to"): \(boss ?? "-")",
                "\(lang == .zh ? "联系方式" : "contact"): " + [s.email, s.phone, s.wechat.map { "wechat \($0)" }].compactMap { $0 }.joined(separator: ", "),
                "\(lang == .zh ? "偏好渠道" : "preferred channel"): \(s.preferredChannel.map { Labels.channel($0, lang) } ?? "-")",
            ]
            struct RoleJSON: Encodable { let deal: String; let role: String; let stance, influence: String?; let rating: Int? }
            struct ShowJSON: Encodable { let stakeholder: CaptureViews.StakeholderJSON; let roles: [RoleJSON] }
            try output.emit(listing, json: ShowJSON(stakeholder: .init(s, reportsToName: boss), roles: roles.map {
                RoleJSON(deal: $0.deal, role: $0.influence.role.rawValue, stance: $0.influence.stance?.rawValue,
                         influence: $0.influence.influence?.rawValue, rating: $0.influence.rating)
            }))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a stakeholder's fields.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "Stakeholder id or name.") var stakeholder: String
        @Option(help: "New name.") var name: String?
        @Option(help: "New title.") var title: String?
        @OptionGroup var fields: Fields
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let db = try connection.open()
            let s = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                let s = try Resolver(db).stakeholder(stakeholder, accountID: a.id)
                let f = try fields.resolve(db, accountID: a.id, name: name, title: title)
                if f.reportsTo == s.id { throw InputError(field: "reports-to", value: fields.reportsTo ?? "", problem: "is the stakeholder themself") }
                return try StakeholderStore(db).edit(accountID: a.id, id: s.id, f)
            }
            say("updated stakeholder #\(s.id) \(s.name)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a stakeholder entered by mistake (kept in the audit; `dchain undo` brings them back).",
            discussion: "Refused while they hold a role in a deal, unless --force, which ends the role on --on (default today) first.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "Stakeholder id or name.") var stakeholder: String
        @Flag(help: "End their current roles, then delete them.") var force = false
        @Option(help: ArgumentHelp("The day their roles end (with --force; default today).", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let db = try connection.open()
            let d = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                let s = try Resolver(db).stakeholder(stakeholder, accountID: a.id)
                return try StakeholderStore(db).delete(accountID: a.id, id: s.id, force: force, on: day)
            }
            say("deleted stakeholder #\(d.stakeholder.id) \(d.stakeholder.name)"
                + (d.endedRoles.isEmpty ? "" : "; ended " + d.endedRoles.map { "\($0.role.rawValue) in \($0.deal)" }.joined(separator: ", ") + " on \(day)"))
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Find people by name across accounts, with their account, title and roles.")
        @Argument(help: "A name or part of one.") var name: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let name = try Parse.name(name, field: "name")
            let lang = try output.language
            let found = try StakeholderStore(try connection.open()).find(name)
            func roles(_ f: StakeholderStore.Found) -> String { f.roles.map { "\(Labels.role($0.role, lang)) · \($0.deal)" }.joined(separator: "; ") }
            var listing = Listing(headers: ["id", lang == .zh ? "姓名" : "name", lang == .zh ? "客户" : "account", lang == .zh ? "职务" : "title",
                                            lang == .zh ? "角色" : "roles"],
                                  keys: ["id", "name", "account", "title", "roles"],
                                  rows: found.map { [String($0.stakeholder.id), $0.stakeholder.name, $0.accountName, $0.stakeholder.title, roles($0)] },
                                  alignments: [.right, .left, .left, .left, .left])
            listing.title = (lang == .zh ? "查找: " : "Find: ") + name
            struct RoleJSON: Encodable { let role: String; let deal: String }
            struct FoundJSON: Encodable { let id: Int64; let name, account, title: String; let roles: [RoleJSON] }
            try output.emit(listing, json: found.map {
                FoundJSON(id: $0.stakeholder.id, name: $0.stakeholder.name, account: $0.accountName, title: $0.stakeholder.title,
                          roles: $0.roles.map { RoleJSON(role: $0.role.rawValue, deal: $0.deal) })
            })
        }
    }
}

/// A person named the way per-person commands take them: ACCOUNT PERSON, or
/// PERSON alone when the name is unique across accounts; the older order
/// PERSON ACCOUNT still works when the first word is not an account.
enum PersonReference {
    static func resolve(_ db: Database, _ first: String, _ second: String?) throws -> Stakeholder {
        let resolver = Resolver(db)
        guard let second else { return try resolver.stakeholder(first) }
        do {
            let a = try resolver.account(first)
            return try resolver.stakeholder(second, accountID: a.id)
        } catch let error as StoreError {
            guard case let .notFound(kind, _, _, _) = error, kind == "account", let a = try? resolver.account(second) else { throw error }
            return try resolver.stakeholder(first, accountID: a.id)
        }
    }
}
