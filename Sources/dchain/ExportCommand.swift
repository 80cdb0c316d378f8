import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation
import TableFiles

/// `dchain export [ACCOUNT...]`: accounts with everything hanging off them,
/// as dchain's own JSON (read back by `dchain import FILE.json`), or as the
/// table files `dchain import` reads (CSV files, XLSX sheets). A command
/// group: its default subcommand takes the accounts, other exports (OCDS)
/// are subcommands beside it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export accounts with everything hanging off them (JSON, read back by dchain import), or government deals as OCDS (export ocds).",
        subcommands: [Accounts.self, OCDSExport.self],
        defaultSubcommand: Accounts.self
    )

    struct Accounts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accounts",
            abstract: "Export every account you can see, or the accounts named, with all their rows.",
            discussion: """
                JSON is the full-fidelity format: units, stakeholders, deals with their stage history, buying \
                influences with their history, touchpoints with participants, pain points, plan items and \
                day-in-the-life observations, with ids and stable keys (docs/export-format.md). \
                `dchain import FILE.json` reads it back. --out FILE is written atomically; --out - or no --out \
                writes to standard output. CSV (--out DIR: accounts.csv, units.csv, stakeholders.csv, deals.csv, \
                roles.csv, touchpoints.csv, UTF-8 with BOM) and XLSX (--out FILE.xlsx, one sheet per type) have \
                the columns `dchain import` reads (docs/import-format.md); --lang zh names them in Chinese.
                """)
        @Argument(help: ArgumentHelp("Accounts to export (id, code or name); default: every account you can see.", valueName: "account"))
        var accounts: [String] = []
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ExportFormats>

        func validate() throws {
            if output.format != .json && (output.out == nil || output.out == "-") {
                throw ValidationError("--format \(output.format.rawValue) writes files: give --out \(output.format == .csv ? "DIR" : "FILE.xlsx")")
            }
        }

        func run() throws {
            let db = try connection.open()
            let resolver = Resolver(db)
            var ids: [Int64]?
            if !accounts.isEmpty {
                var seen = Set<Int64>()
                ids = try accounts.map { try resolver.account($0).id }.filter { seen.insert($0).inserted }
            }
            let store = ExportStore(db)
            switch output.format {
            case .csv: try csv(store, ids: ids, to: output.out!)
            case .xlsx: try xlsx(store, ids: ids, to: output.out!)
            default:
                try StreamedOutput.write(to: output.out) { emit in
                    try withoutActuallyEscaping(emit) { emit in
                        var writer = try ExportJSONWriter(emit)
                        try store.each(accountIDs: ids) { try writer.write($0) }
                        try writer.finish()
                    }
                }
            }
        }

        /// The header of a record type's table: English keys, or with --lang zh the Chinese names.
        func header(_ type: RecordType) throws -> [String] {
            let zh = try output.language == .zh
            return RecordColumns.columns(type).map { zh ? $0.zh : $0.key }
        }

        /// An instant of the export (`…Z`) as the wall-clock time import reads, in DCHAIN_TZ.
        static func localTime(_ instant: String) -> String {
            LocalTime.typed(instant)?.epochSeconds.map { Clock.local(epochSeconds: $0).description } ?? instant
        }

        /// One CSV file per record type in DIR, all replaced together when every one is written.
        func csv(_ store: ExportStore, ids: [Int64]?, to dir: String) throws {
            try FileError.makeDirectories(dir, mode: 0o755, what: "the export directory")
            let types = RecordType.allCases
            let paths = types.map { (dir as NSString).appendingPathComponent("\($0.rawValue).csv") }
            let files = try AtomicFiles(paths)
            for (i, type) in types.enumerated() { try files.write(i, output.csv(Self.csvLine(try header(type)))) }
            try store.each(accountIDs: ids) { account in
                let tables = ExportTables.rows(account, localTime: Self.localTime)
                for (i, type) in types.enumerated() {
                    try files.write(i, (tables[type] ?? []).map(Self.csvLine).joined())
                }
            }
            try files.commit()
            FileHandle.standardError.write(Data("wrote \(paths.count) CSV files: \(paths.joined(separator: ", "))\n".utf8))
        }

        /// One CSV line, cells escaped and formula-safe as every CSV dchain writes.
        static func csvLine(_ cells: [String]) -> String {
            cells.map(Escape.csvField).joined(separator: ",") + "\r\n"
        }

        /// One workbook, one sheet per record type, replacing FILE when complete.
        func xlsx(_ store: ExportStore, ids: [Int64]?, to path: String) throws {
            try FileError.checkWritable(path)
            let types = RecordType.allCases
            let writer = try XLSXWriter(sheets: try types.map { ($0.rawValue, try header($0)) })
            try store.each(accountIDs: ids) { account in
                let tables = ExportTables.rows(account, localTime: Self.localTime)
                for (i, type) in types.enumerated() {
                    for row in tables[type] ?? [] { try writer.addRow(i, row) }
                }
            }
            let dir = (path as NSString).deletingLastPathComponent
            let temp = (dir.isEmpty ? "" : dir + "/") + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
            unlink(temp)
            do {
                try writer.finish(to: URL(fileURLWithPath: temp))
                guard rename(temp, path) == 0 else { throw FileError(path: path, doing: "cannot write", errno: errno) }
            } catch {
                unlink(temp)
                if error is FileError { throw error }
                throw FileError(path: path, problem: "cannot write the workbook: \(error.localizedDescription)", kind: .io)
            }
        }
    }
}
