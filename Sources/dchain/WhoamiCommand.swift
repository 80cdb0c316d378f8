import ArgumentParser
import DecisionChainRender
import DecisionChainStore

/// `dchain whoami`: the login the database sees, and what it may do.
struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who you are to the database: login, name, team, role, database (--format json: {login, name, team, role, database}).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions<ListingFormats>

    func run() throws {
        let me = try UserStore(connection.open()).whoami()
        let lang = try output.language
        var listing = Listing(headers: [], keys: ["login", "name", "team", "role", "database"],
                              rows: [[me.login, me.name ?? "", me.team ?? "", me.role ?? "", me.database]])
        listing.preamble = zip(lang == .zh ? ["登录名", "姓名", "团队", "角色", "数据库"] : ["login", "name", "team", "role", "database"],
                               [me.login, me.name ?? "-", me.team ?? "-", me.role ?? "-", me.database]).map { "\($0): \($1)" }
        struct WhoJSON: Encodable { let login: String; let name: String?; let team: String?; let role: String?; let database: String }
        if output.format == .text {
            try output.emit(listing.preamble.joined(separator: "\n") + "\n")
        } else {
            try output.emit(listing, json: WhoJSON(login: me.login, name: me.name, team: me.team, role: me.role, database: me.database))
        }
    }
}
