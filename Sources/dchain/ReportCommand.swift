import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation
import ReportAssets

/// `dchain report pipeline` and `dchain report deal`: the manager's Monday
/// review of every deal, and a one-deal review sheet.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Manager reports: the pipeline journey report and one-deal review sheets.",
        subcommands: [Pipeline.self, Deal.self]
    )

    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Funnel, velocity, decision-chain coverage, emotion heat map, pain points, red flags, win/loss and experience metrics.",
            discussion: """
                Filters select deals through their account (team, owner, region, kind) and their pipeline. The period is \
                --since … --today (default: the 90 days up to today). CSV has one file per section: give --out DIR \
                (or --out NAME.csv for NAME-<section>.csv files), or --section to get one. Sections: \
                \(PipelineReportCSVRenderer.fileNames.joined(separator: ", ")). --sql prints the statements the report runs \
                as a psql script instead of running them.
                """)
        @Option(help: "Only accounts of this team.") var team: String?
        @Option(help: ArgumentHelp("Only accounts owned by this user.", valueName: "login")) var owner: String?
        @Option(help: "Only accounts in this region.") var region: String?
        @Option(help: "Only accounts of this kind: government, institution, soe, enterprise.") var kind: String?
        @Option(help: ArgumentHelp("Only deals of this pipeline (key).", valueName: "key")) var pipeline: String?
        @Option(help: ArgumentHelp("First day of the period (default: today − 90 days).", valueName: "date")) var since: String?
        @Option(help: ArgumentHelp("Only this section.", valueName: "section")) var section: String?
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Report the deals as they were on this day (default: --today).", valueName: "date"))
        var asOf: String?
        @Flag(help: "Print the report's SQL as a psql script instead of running it.") var sql = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ReportFormats>

        func run() throws {
            let filter = PipelineReportFilter(team: team, owner: owner, region: region,
                                              kind: try kind.map { try AccountKind.parse($0, field: "kind") }, pipeline: pipeline,
                                              since: try since.map { try Parse.day($0, field: "since") },
                                              today: try asOf.map { try Parse.day($0, field: "as-of") } ?? output.day)
            let lang = try output.language
            let csvFile = try section.map { try csvFileName($0) }
            let sections = csvFile.flatMap(PipelineReportCSVRenderer.section(ofFile:)).map { [$0] } ?? PipelineReportSection.allCases
            let policy = RedFlagPolicy(try PlanRules.load(defaults: Data(ReportAssets.planRules.utf8)))
            if sql {
                let schema = try Database.schema(forWorkspace: connection.effectiveWorkspace)
                return try output.emit(PipelineReportStore.psqlScript(filter, sections: sections, schema: schema, policy: policy))
            }
            if output.format == .csv && csvFile == nil && output.out == nil {
                throw ValidationError("CSV has one file per section: give --out DIR (or --out NAME.csv), or --section NAME")
            }
            let rows = try PipelineReportStore(connection.open()).rows(filter, sections: sections, policy: policy)
            let report = PipelineReport.build(filter: filter, rows: rows, policy: policy)
            switch output.format {
            case .md: try output.emit(PipelineReportMarkdownRenderer.render(report, lang: lang, sections: sections))
            case .html:
                try StreamedOutput.write(to: output.out) { try PipelineReportHTMLRenderer.write(report, lang: lang, sections: sections, to: $0) }
            case .json:
                // Streamed (as the HTML): a report of many thousand deals never sits in memory as one string.
                try StreamedOutput.write(to: output.out) { try PipelineReportJSONRenderer.write(report, lang: lang, sections: sections, to: $0) }
            case .csv:
                if let csvFile { return try output.emit(PipelineReportCSVRenderer.render(report, file: csvFile, lang: lang)) }
                try writeCSVFiles(PipelineReportCSVRenderer.files(report, lang: lang), to: output.out!)
            default: try output.emit(PipelineReportTextRenderer.render(report, lang: lang, sections: sections, width: Terminal.columns))
            }
        }

        /// A section (or, for CSV, a file) name, checked against the known ones.
        func csvFileName(_ name: String) throws -> String {
            let known = output.format == .csv ? PipelineReportCSVRenderer.fileNames : PipelineReportSection.allCases.map(\.rawValue)
            let key = name.lowercased().replacingOccurrences(of: "-", with: "_")
            guard known.contains(key) else {
                throw InputError(field: "section", value: name, problem: "is not one of " + known.joined(separator: ", "))
            }
            return key
        }

        /// Every file is rendered before the first is written, and each is replaced atomically.
        func writeCSVFiles(_ files: [(name: String, csv: String)], to out: String) throws {
            let paths: [String]
            if out.lowercased().hasSuffix(".csv") {
                let stem = String(out.dropLast(4))
                paths = files.map { "\(stem)-\($0.name).csv" }
            } else {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                } catch {
                    throw OutputError(description: "cannot create directory \(out): \(error.localizedDescription)")
                }
                paths = files.map { (out as NSString).appendingPathComponent("\($0.name).csv") }
            }
            for (file, path) in zip(files, paths) { try Output.write(output.csv(file.csv), to: path) }
            FileHandle.standardError.write(Data("wrote \(paths.count) CSV files: \(paths.joined(separator: ", "))\n".utf8))
        }
    }

    struct Deal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A one-deal review sheet: buying influences, red flags, strengths and the plan's next steps.")
        @Argument(help: "Deal id or name.") var deal: String
        @Option(help: ArgumentHelp("The deal's account (id, code or name), when the deal name is used at several accounts.", valueName: "account"))
        var account: String?
        @Flag(help: "Leave out the plan's next steps.") var noPlan = false
        @Option(name: .customLong("as-of"), help: ArgumentHelp("The deal as it was on this day (default: --today).", valueName: "date"))
        var asOf: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<DocumentFormats>

        func run() throws {
            let (lang, today) = (try output.language, try asOf.map { try Parse.day($0, field: "as-of") } ?? output.day)
            let rules = try PlanRules.load(defaults: Data(ReportAssets.planRules.utf8))
            let db = try connection.open()
            let resolver = Resolver(db)
            let acct: Account
            let found: DecisionChain.Deal
            if let account {
                acct = try resolver.account(account)
                found = try resolver.deal(deal, accountID: acct.id)
            } else {
                found = try resolver.deal(deal)
                acct = try AccountStore(db).get(found.accountID)
            }
            let planner: ((AccountSnapshot) throws -> [PlanStep])? = noPlan ? nil : { snapshot in
                guard snapshot.deal(found.id)?.status == .open else { return [] }
                return try PlanEngine(rules: rules).plan(snapshot, dealID: found.id, today: today, lang: lang).items.map {
                    PlanStep(due: $0.due, priority: $0.priority, with: $0.stakeholderName, role: $0.role, action: $0.action,
                             channel: $0.channel, why: $0.why)
                }
            }
            let policy = RedFlagPolicy(rules)
            let snapshot = try SnapshotStore(db).load(accountID: acct.id).asOf(today)
            let facts = try PipelineReportStore(db).facts(accountID: acct.id, dealID: found.id, today: today, policy: policy)
            let sheet = DealReview.build(snapshot: snapshot, deal: snapshot.deal(found.id) ?? found, facts: facts, today: today,
                                         plan: try planner?(snapshot) ?? [], policy: policy)
            switch output.format {
            case .md: try output.emit(DealReviewRenderer.markdown(sheet, lang: lang))
            case .html: try output.emit(DealReviewRenderer.html(sheet, lang: lang))
            case .json: try output.emit(DealReviewRenderer.json(sheet, lang: lang))
            default: try output.emit(DealReviewRenderer.text(sheet, lang: lang, width: Terminal.columns))
            }
        }
    }
}

/// Output written in pieces: to standard output as they come, or to a
/// temporary file beside --out that replaces it only when every piece was
/// written (never half-written). File errors are `Output`'s: one line
/// naming the path, exit 73 (cannot create), 74 (I/O), 77 (permission).
enum StreamedOutput {
    static func write(to path: String?, _ produce: ((String) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            try produce { FileHandle.standardOutput.write(Data($0.utf8)) }
            return
        }
        try FileError.checkWritable(path)
        let dir = (path as NSString).deletingLastPathComponent
        let temp = (dir.isEmpty ? "" : dir + "/") + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, doing: "cannot create", errno: errno) }
        /// The first write error; later pieces are skipped, the report still runs to its end.
        var failure: Int32 = 0
        do {
            try produce { piece in
                guard failure == 0 else { return }
                let bytes = Array(piece.utf8)
                var done = 0
                while done < bytes.count {
                    let n = bytes[done...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
                    if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                    done += n
                }
            }
        } catch {
            close(fd); unlink(temp)
            throw error
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw FileError(path: path, doing: "cannot write", errno: failure)
        }
    }
}
