import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain team add|list`: the teams accounts belong to (row-level security
/// shows each rep and manager their own team's accounts only).
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Add and list teams (admins add; everyone lists).", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a team (needs an admin).")
        @Argument(help: "Team name.") var name: String
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let t = try TeamStore(connection.open()).add(name: try Parse.nonEmpty(name, field: "name"))
            say("added team #\(t.id) \(t.name)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List teams (--format json: [{id, name, members, accounts}]; accounts: those you can see).")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let teams = try TeamStore(connection.open()).list()
            let listing = Listing(headers: lang == .zh ? ["编号", "团队", "成员", "客户"] : ["id", "team", "members", "accounts"],
                                  keys: ["id", "name", "members", "accounts"],
                                  rows: teams.map { [String($0.id), $0.name, String($0.members), String($0.accounts)] },
                                  alignments: [.right, .left, .right, .right])
            struct TeamJSON: Encodable { let id: Int64; let name: String; let members: Int; let accounts: Int }
            try output.emit(listing, json: teams.map { TeamJSON(id: $0.id, name: $0.name, members: $0.members, accounts: $0.accounts) })
        }
    }
}

extension AccountCommand {
    /// `dchain account assign ACCOUNT --team TEAM [--owner LOGIN]`.
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an account to a team (and optionally a rep); an account with no team is the admins' until assigned.")
        @Argument(help: "Account id, code or name.") var account: String
        @Option(help: ArgumentHelp("The team that will own the account.", valueName: "team")) var team: String
        @Option(help: ArgumentHelp("The owning rep's login.", valueName: "login")) var owner: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let db = try connection.open()
            let a = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                let teamID = try TeamStore(db).id(name: try Parse.nonEmpty(team, field: "team"))
                return try AccountStore(db).edit(a.id, .init(ownerID: try owner.map { try Resolver(db).userID(login: $0) }, teamID: teamID))
            }
            say("assigned account #\(a.id) \(a.name) to team \(a.teamName ?? team)" + (a.ownerLogin.map { ", owner \($0)" } ?? ""))
        }
    }
}
