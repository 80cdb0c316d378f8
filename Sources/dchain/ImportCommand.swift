import ArgumentParser

/// `dchain import …`: data into dchain, all or nothing. A command group;
/// each kind of import is a subcommand (`import ocds`).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import data, all or nothing: an OCDS package from a procurement portal (import ocds).",
        subcommands: [OCDSImport.self]
    )
}
