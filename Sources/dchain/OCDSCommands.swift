import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain export ocds`: government deals as an OCDS 1.1 release package,
/// one release per stage reached (docs/ocds.md).
struct OCDSExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract: "Write government deals as an OCDS 1.1 release package: one release per stage reached (docs/ocds.md).")

    @Option(help: ArgumentHelp("Only this deal (id or name).", valueName: "deal")) var deal: String?
    @Option(help: ArgumentHelp("The deal's account, when its name is not unique.", valueName: "account")) var account: String?
    @Flag(help: "Every government deal you can see.") var all = false
    @Option(name: .customLong("ocid-prefix"),
            help: ArgumentHelp("Prefix of the ocid given to a deal without one: PREFIX-<deal id> (default ocds-dchain).", valueName: "prefix"))
    var ocidPrefix: String?
    @Option(help: ArgumentHelp("Our company, named as supplier on the award (default: DCHAIN_COMPANY; without it no supplier).", valueName: "name"))
    var supplier: String?
    @Option(help: ArgumentHelp("publisher.name of the package (default: the supplier, else dchain).", valueName: "name")) var publisher: String?
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
    @Option(name: .long, help: ArgumentHelp("Fix \"today\" (YYYY-MM-DD) for reproducible output.", valueName: "date")) var today: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if all == (deal != nil) { throw ValidationError("name one deal with --deal DEAL, or export every government deal with --all") }
        if account != nil, deal == nil { throw ValidationError("--account goes with --deal") }
    }

    func run() throws {
        let prefix = try ocidPrefix.map { try OCID.parse($0, field: "ocid-prefix") } ?? OCID.defaultPrefix
        let supplier = try (supplier ?? Environment.value("DCHAIN_COMPANY")).map { try Parse.name($0, field: "supplier") }
        let publisher = try publisher.map { try Parse.name($0, field: "publisher") } ?? supplier ?? "dchain"
        let published = try today.map { OCDSReleaseBuilder.dateTime(try Parse.day($0, field: "today")) } ?? Self.now()
        if let out, out != "-" { try FileError.checkWritable(out) }
        let db = try connection.open()
        let one = try deal.map { ref -> Deal in
            if let account { return try Resolver(db).deal(ref, accountID: try Resolver(db).account(account).id) }
            return try Resolver(db).deal(ref)
        }
        let inputs = try OCDSStore(db).exportInputs(deal: one)
        if let one, inputs.isEmpty {
            throw InputError(field: "deal", value: one.name,
                             problem: "is in pipeline \(one.pipelineKey); OCDS describes public procurement (pipeline government)")
        }
        let result = try OCDSReleaseBuilder.build(inputs, options: .init(ocidPrefix: prefix, publisher: publisher, supplier: supplier,
                                                                         publishedDate: published))
        try Output.write(try JSONOutput.encode(result.package), to: out)
        for (id, ocid) in result.minted {
            note("deal #\(id) has no ocid; exported as \(ocid) (store the portal's with: dchain deal edit \(id) --ocid OCID)")
        }
    }

    /// Now, as an OCDS date-time in UTC.
    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}

/// `dchain import ocds FILE`: a procurement portal's release or record
/// package creates or advances the matching government deals.
struct OCDSImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract: "Create or advance government deals from an OCDS release or record package (docs/ocds.md); all or nothing.")

    @Argument(help: ArgumentHelp("The OCDS package (JSON); - reads standard input.", valueName: "file")) var file: String
    @Flag(name: .customLong("dry-run"), help: "Check the package and say what would change; write nothing.") var dryRun = false
    @OptionGroup var connection: ConnectionOptions

    /// A package larger than this is refused before it is read.
    static let maxBytes = 64 << 20

    func run() throws {
        // Read and check the whole package before touching the database: bad input writes nothing.
        let package = try OCDSImportPackage.read(try Self.read(file))
        let db = try connection.open()
        let report = try OCDSStore(db).importPackage(package, dryRun: dryRun)
        say(OCDSImportRenderer.text(report, dryRun: dryRun))
    }

    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            throw InputError(field: "file", value: path, problem: "is not a file that can be read")
        }
        guard Int(st.st_size) <= maxBytes else {
            throw InputError(field: "file", value: path, problem: "is larger than \(maxBytes >> 20) MB; split the package by ocid")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, doing: "cannot be read", errno: errno)
        }
        return data
    }
}

/// A note on standard error (stdout may be the package).
func note(_ line: String) {
    FileHandle.standardError.write(Data(("dchain: " + Names.terminalSafe(line) + "\n").utf8))
}
