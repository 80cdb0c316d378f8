import ArgumentParser
import DecisionChain
import DecisionChainStore

/// `dchain unit edit|delete`: corrections of an account's units.
extension UnitCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a unit or move it under another parent.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "Unit id or name.") var unit: String
        @Option(help: "New name.") var name: String?
        @Option(help: ArgumentHelp("New parent unit.", valueName: "unit")) var parent: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let name = try name.map { try Parse.nonEmpty($0, field: "name") }
            if name == nil, parent == nil { throw ValidationError("nothing to change: give --name or --parent") }
            let db = try connection.open()
            let u = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                let u = try Resolver(db).unit(unit, accountID: a.id)
                let parentID = try parent.map { try Resolver(db).unit($0, accountID: a.id).id }
                return try AccountStore(db).editUnit(accountID: a.id, id: u.id, name: name, parentID: parentID)
            }
            say("updated unit #\(u.id) \(u.name)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a unit: its people stay (in no unit), its sub-units move up to its parent.")
        @Argument(help: "Account id, code or name.") var account: String
        @Argument(help: "Unit id or name.") var unit: String
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let db = try connection.open()
            let d = try db.transaction { _ in
                let a = try Resolver(db).account(account)
                return try AccountStore(db).deleteUnit(accountID: a.id, id: try Resolver(db).unit(unit, accountID: a.id).id)
            }
            say("deleted unit #\(d.unit.id) \(d.unit.name)"
                + (d.people > 0 ? "; \(d.people) \(d.people == 1 ? "person is" : "people are") now in no unit" : "")
                + (d.subunits > 0 ? "; \(d.subunits) sub-unit\(d.subunits == 1 ? "" : "s") moved up" : ""))
        }
    }
}
