import ArgumentParser

/// `dchain export …`: data out of dchain. A command group; each kind of
/// export is a subcommand (`export ocds`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export data: government deals as OCDS (export ocds).",
        subcommands: [OCDSExport.self]
    )
}
