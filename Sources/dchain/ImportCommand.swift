import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation
import TableFiles

/// `dchain import FILE`: accounts, units, stakeholders, deals, roles or
/// touchpoints from a CSV file or an XLSX sheet (the columns of
/// `RecordColumns`, English keys or Chinese names), or dchain's own JSON
/// export. A group, so other sources (`import ocds`) sit beside the default.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import accounts, units, stakeholders, deals, roles or touchpoints from CSV, XLSX or JSON; OCDS packages with import ocds.",
        discussion: """
            Example:
              dchain import 客户.csv                    # the type is guessed from the header
              dchain import 联系人.xlsx --sheet 联系人 --dry-run --errors 错误.csv
            All or nothing: any bad row writes nothing and every bad row is reported. Rows match existing
            records by their natural keys, so importing a file twice changes nothing the second time.
            The columns of each type: docs/import-format.md.
            """,
        subcommands: [File.self, OCDSImport.self],
        defaultSubcommand: File.self
    )

    /// The default: a table file (or a JSON export) named on the command line.
    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "file", abstract: "Import a CSV, XLSX or JSON file (the default: `dchain import FILE`).")

        @Argument(help: ArgumentHelp("The file: .csv, .xlsx or .json (dchain's export).", valueName: "file")) var file: String
        @Option(help: "accounts, units, stakeholders, deals, roles or touchpoints (default: guessed from the header).") var type: String?
        @Flag(name: .customLong("dry-run"), help: "Check every row and say what would change; write nothing.") var dryRun = false
        @Option(help: ArgumentHelp("Also write the bad rows to this CSV file (UTF-8 with BOM, opens in Excel).", valueName: "file")) var errors: String?
        @Option(help: "CSV encoding: utf-8 or gb18030 (default: detected).") var encoding: String?
        @Option(help: ArgumentHelp("XLSX: the sheet to read (default: the first).", valueName: "name")) var sheet: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let type = try type.map { try RecordType.parse($0, field: "type") }
            let encoding = try encoding.map { typed in
                guard let e = TextEncoding(typed: typed) else { throw InputError(field: "encoding", value: typed, problem: "is not one of utf-8, gb18030") }
                return e
            }
            if let errors { try FileError.checkWritable(errors) }
            if file.lowercased().hasSuffix(".json") {
                // dchain's own export (docs/export-format.md): every entity, all or nothing.
                let counts = try JSONImport(try connection.open()).run(path: file, dryRun: dryRun)
                if let errors { try Output.write(ImportErrorsCSV.text(file: file, issues: []), to: errors) }
                return say(dryRun ? "dry run of \(file) as json: would be \(counts.summary); nothing was written"
                                  : "imported \(file) as json: \(counts.summary)")
            }
            let table: TableReader
            do { table = try TableFile.open(file, encoding: encoding, sheet: sheet) } catch let error as TableFileError {
                try reject([RecordIssue(line: error.line, problem: error.problem)])
            } catch {
                try reject([RecordIssue(problem: "cannot be read (\(error))")])
            }
            let run = TableImport(header: table.header, rows: {
                do { return try table.next() } catch let error as TableFileError { throw RecordIssues([RecordIssue(line: error.line, problem: error.problem)]) }
            }, type: type, dryRun: dryRun, today: Clock.today, localTime: { $0.epochSeconds.map(Clock.local(epochSeconds:)) ?? $0.time })
            do {
                let result = try run.run { try connection.open() }
                if let errors { try Output.write(ImportErrorsCSV.text(file: file, issues: []), to: errors) }
                if let guessed = result.guessed { say("\(file): \(table.description); type \(guessed.rawValue) guessed from the header (name it with --type)") }
                say(dryRun ? "dry run of \(file) as \(result.type.rawValue): would be \(result.counts.summary); nothing was written"
                           : "imported \(file) as \(result.type.rawValue): \(result.counts.summary)")
            } catch let e as RecordIssues {
                try reject(e.issues)
            }
        }

        /// Prints every issue on stderr (and into --errors), then fails with exit 65: nothing was written.
        func reject(_ issues: [RecordIssue]) throws -> Never {
            for issue in issues {
                FileHandle.standardError.write(Data("dchain: \(file): \(Names.visible(issue.description))\n".utf8))
            }
            if let errors { try Output.write(ImportErrorsCSV.text(file: file, issues: issues), to: errors) }
            let rows = Set(issues.compactMap(\.row)).count
            throw InputError(field: "file", value: file, problem: rows > 1 ? "has \(rows) bad rows; nothing was imported"
                             : issues.count == 1 && issues[0].row == nil ? "cannot be imported; nothing was imported" : "has a bad row; nothing was imported")
        }
    }
}

/// The `--errors` file: one line per issue, for a person to fix in Excel.
enum ImportErrorsCSV {
    static let header = ["file", "row", "line", "column", "value", "problem"]

    /// UTF-8 with BOM, formula-safe cells.
    static func text(file: String, issues: [RecordIssue]) -> String {
        "\u{FEFF}" + Escape.csv(header: header, rows: issues.map {
            [file, $0.row.map(String.init) ?? "", $0.line.map(String.init) ?? "", $0.column ?? "", $0.value ?? "", $0.problem]
        })
    }
}
