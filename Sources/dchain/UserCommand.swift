import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain user add|list|set|remove`: people and their PostgreSQL logins.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, change and remove users: each is a PostgreSQL login in a dchain group role (admins only change them).",
        subcommands: [Add.self, List.self, Set.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user with a login role (needs an admin). The password is read from standard input only.")
        @Argument(help: "The login (letters, digits, . _ @ -).") var login: String
        @Option(help: "The person's name.") var name: String
        @Option(help: ArgumentHelp("Their team (see `team list`).", valueName: "team")) var team: String?
        @Option(help: "rep, manager, trainer or admin.") var role: String
        @Flag(help: "Read the password from standard input (first line). Without it the login has no password (local socket only).")
        var passwordStdin = false
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let role = try UserRole.parse(role, field: "role")
            let name = try Parse.nonEmpty(name, field: "name")
            guard login.range(of: "^[A-Za-z0-9._@-]+$", options: .regularExpression) != nil else {
                throw InputError(field: "login", value: login, problem: "is not a valid login; use letters, digits, . _ @ -")
            }
            let password = passwordStdin ? try readPassword() : nil
            let db = try connection.open()
            let teamID = try team.map { try TeamStore(db).id(name: $0) }
            try UserStore(db).add(login: login, name: name, teamID: teamID, role: role, password: password)
            say("added user \(login) (\(role.rawValue)\(team.map { ", team \($0)" } ?? ""))")
        }

        func readPassword() throws -> String {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
            guard !password.isEmpty else { throw InputError(field: "password", value: "", problem: "is empty on standard input") }
            return password
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List users (--format json: [{login, name, team, role, can_login, removed}]).")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let users = try UserStore(connection.open()).list()
            let listing = Listing(headers: lang == .zh ? ["登录名", "姓名", "团队", "角色", "可登录"] : ["login", "name", "team", "role", "can log in"],
                                  keys: ["login", "name", "team", "role", "can_login"],
                                  rows: users.map { [$0.login, $0.name, $0.team ?? "", $0.role, $0.canLogin ? "yes" : "no"] })
            struct UserJSON: Encodable {
                let login: String; let name: String; let team: String?; let role: String; let can_login: Bool; let removed: Bool
            }
            try output.emit(listing, json: users.map {
                UserJSON(login: $0.login, name: $0.name, team: $0.team, role: $0.role, can_login: $0.canLogin, removed: $0.removed)
            })
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's team or role (needs an admin).")
        @Argument(help: "The login.") var login: String
        @Option(help: ArgumentHelp("New team.", valueName: "team")) var team: String?
        @Option(help: "New role: rep, manager, trainer or admin.") var role: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            if team == nil && role == nil { throw ValidationError("nothing to change: give --team and/or --role") }
        }

        func run() throws {
            let role = try role.map { try UserRole.parse($0, field: "role") }
            let db = try connection.open()
            let teamID = try team.map { try TeamStore(db).id(name: $0) }
            try UserStore(db).set(login: login, teamID: teamID, role: role)
            say("updated user \(login)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user (needs an admin): the login can no longer connect; their rows and audit entries stay.")
        @Argument(help: "The login.") var login: String
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            try UserStore(connection.open()).remove(login: login)
            say("removed user \(login): the login can no longer connect")
        }
    }
}
