import ArgumentParser
import DecisionChain
import DecisionChainStore
import Foundation

/// Where the data is: shared by every command that needs the database.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("PostgreSQL conninfo or postgres:// URL (default: DCHAIN_DB, else the embedded cluster in DCHAIN_HOME).", valueName: "conninfo"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Work in an isolated workspace (a trainee's sandbox); default: DCHAIN_WORKSPACE.", valueName: "name"))
    var workspace: String?

    /// The dchain user changes are audited as: DCHAIN_USER, else the OS login.
    var actor: String { Self.defaultActor }

    static var defaultActor: String {
        Environment.value("DCHAIN_USER") ?? Environment.value("USER") ?? Environment.value("LOGNAME") ?? "dchain"
    }

    var effectiveWorkspace: String? { workspace ?? Self.environmentWorkspace }

    /// DCHAIN_WORKSPACE, when set.
    static var environmentWorkspace: String? {
        Environment.value("DCHAIN_WORKSPACE")
    }

    /// Whether the running command may create its workspace: set once,
    /// before it runs, from whether it is a `ReadOnlyCommand`.
    nonisolated(unsafe) static var workspaceUse: Database.WorkspaceUse = .create

    /// Opens (and on first use migrates) the database.
    func open(check: Database.SchemaCheck = .now) throws -> Database {
        try Database.open(Database.location(db: db), workspace: effectiveWorkspace, actor: actor, check: check, workspaceUse: Self.workspaceUse)
    }
}

/// The output formats a command can write.
enum OutputFormat: String, CaseIterable {
    case text, md, html, svg, json, csv, ics, xlsx
}

/// The formats one command writes, declared once: `--help` lists them and
/// parsing refuses the others (exit 64).
protocol FormatSet {
    static var formats: [OutputFormat] { get }
    /// The format without --format (text, unless the set has none).
    static var defaultFormat: OutputFormat { get }
}
extension FormatSet {
    static var defaultFormat: OutputFormat { .text }
}

/// Lists and records (accounts, stakeholders, touchpoints, tasks…).
enum ListingFormats: FormatSet { static let formats: [OutputFormat] = [.text, .json, .csv] }
/// The journey map.
enum MapFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .html, .svg, .json] }
/// Documents without a table to export: the empathy map, the deal review.
enum DocumentFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .html, .json] }
/// The communication plan.
enum PlanFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .html, .json, .csv, .ics] }
/// The pipeline report.
enum ReportFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .html, .json, .csv] }
/// Case briefs, answers and grades.
enum CaseFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .json] }
/// The trainer's board of a case.
enum BoardFormats: FormatSet { static let formats: [OutputFormat] = [.text, .md, .json, .csv] }
/// `dchain export`: dchain's own JSON, or the table files import reads.
enum ExportFormats: FormatSet {
    static let formats: [OutputFormat] = [.json, .csv, .xlsx]
    static let defaultFormat = OutputFormat.json
}

/// `--format`, `--out`, `--lang`, `--today`: shared by every read command;
/// `Formats` is the set the command writes.
struct OutputOptions<Formats: FormatSet>: ParsableArguments {
    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output format: " + Formats.formats.map(\.rawValue).joined(separator: ", ") + ".",
                               valueName: Formats.formats.map(\.rawValue).joined(separator: "|")))
    var formatName: String = Formats.defaultFormat.rawValue

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: "Label language: en or zh (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Fix \"today\" (YYYY-MM-DD) for reproducible output.", valueName: "date"))
    var today: String?

    @Flag(name: .customLong("no-bom"), help: "CSV: leave out the UTF-8 byte-order mark (Excel needs it to read Chinese).")
    var noBOM = false

    /// CSV text as written: with the UTF-8 byte-order mark unless --no-bom.
    func csv(_ text: String) -> String { noBOM ? text : "\u{FEFF}" + text }

    var language: Language {
        get throws {
            if let lang { return try Language.parse(lang, field: "lang") }
            return Language.fromEnvironment
        }
    }

    var day: Day {
        get throws {
            if let today { return try Parse.day(today, field: "today") }
            return Clock.today
        }
    }

    /// The format asked for (one of `Formats.formats`: see `validate`).
    var format: OutputFormat { OutputFormat(rawValue: formatName.lowercased()) ?? .text }

    /// Refuses formats the command does not write, at parse time (exit 64).
    func validate() throws {
        guard let f = OutputFormat(rawValue: formatName.lowercased()), Formats.formats.contains(f) else {
            throw ValidationError("--format \(formatName) is not available here; use one of \(Formats.formats.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Writes the output to --out (atomically) or standard output.
    /// Text output shows control characters in stored text (an ANSI escape in
    /// a summary) as escapes, never obeys them; other formats escape their own way.
    func emit(_ text: String) throws {
        try Output.write(format == .csv ? csv(text) : format == .text ? Names.terminalSafe(text) : text, to: out)
    }
}

/// Writing results: stdout, or a file replaced atomically (never half-written).
/// Failures are one line naming the path: exit 73 (cannot create), 74 (I/O),
/// 77 (permission).
enum Output {
    static func write(_ text: String, to path: String?) throws {
        // One piece through the streaming writer: the same temp file, fsync, rename and errors.
        try StreamedOutput.write(to: path) { emit in try emit(text) }
    }
}

extension OutputOptions {
    /// Checks `--out` before the command runs (and so before it writes
    /// anything to the database): the directory exists and is writable and
    /// the path is not a directory. CSV without a .csv name is a directory of
    /// files and is left to the command.
    func checkOut() throws {
        guard let out, out != "-" else { return }
        if format == .csv && !out.lowercased().hasSuffix(".csv") { return }
        try FileError.checkWritable(out)
    }

}

/// The output groups of a parsed command.
enum OutputGroups {
    /// The `--out` checks of every output group of a parsed command.
    static func checkOut(of command: Any) throws {
        for child in Mirror(reflecting: command).children {
            if let group = child.value as? OutputGroup { try group.checkOut() }
        }
    }
}

/// An `@OptionGroup var output: OutputOptions<…>` of any format set, as
/// `checkOut(of:)` finds it in a parsed command.
protocol OutputGroup { func checkOut() throws }
extension OptionGroup: OutputGroup where Value: OutputGroup {
    func checkOut() throws { try wrappedValue.checkOut() }
}
extension OutputOptions: OutputGroup {}

/// Now and today in the configured time zone (DCHAIN_TZ, else TZ, else UTC),
/// read with the C library: no calendar machinery on a rep's hot path.
enum Clock {
    static var now: LocalTime {
        setenv("TZ", Database.timeZone, 1)
        tzset()
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: Int(t) / 86_400)
        return LocalTime(day: day, minuteOfDay: Int(parts.tm_hour) * 60 + Int(parts.tm_min))
    }

    static var today: Day { now.day }

    /// The wall-clock time of an instant in the configured time zone.
    static func local(epochSeconds: Int) -> LocalTime {
        setenv("TZ", Database.timeZone, 1)
        tzset()
        var t = time_t(epochSeconds)
        var parts = tm()
        localtime_r(&t, &parts)
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: epochSeconds / 86_400)
        return LocalTime(day: day, minuteOfDay: Int(parts.tm_hour) * 60 + Int(parts.tm_min))
    }
}

extension Language {
    /// The language of messages and labels by the POSIX rule: the first set
    /// of LC_ALL, LC_MESSAGES, LANG (`zh_CN.UTF-8` → zh).
    static var fromEnvironment: Language {
        let env = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty }
        return Language(localeIdentifier: locale)
    }
}

/// Parsing of CLI values into domain values, naming the field on failure.
enum Parse {
    static func day(_ text: String, field: String) throws -> Day {
        guard let d = Day(text.trimmingCharacters(in: .whitespaces)) else { throw InputError(field: field, value: text, problem: "is not a date (YYYY-MM-DD)") }
        try inRange(d, text, field)
        return d
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, or ISO 8601 with `T` and an offset
    /// (`2026-03-31T23:30:00+08:00`, `…Z`), converted to DCHAIN_TZ/TZ.
    static func time(_ text: String, field: String) throws -> LocalTime {
        guard let typed = LocalTime.typed(text) else {
            throw InputError(field: field, value: text,
                             problem: "is not a date-time (YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or ISO 8601 like 2026-03-31T23:30:00+08:00)")
        }
        try inRange(typed.time.day, text, field)
        return typed.epochSeconds.map(Clock.local(epochSeconds:)) ?? typed.time
    }

    static func inRange(_ day: Day, _ text: String, _ field: String) throws {
        guard day.isInInputRange else {
            throw InputError(field: field, value: text, problem: "is outside the years \(Day.inputYears.lowerBound)–\(Day.inputYears.upperBound)")
        }
    }

    /// An amount: `4800000`, `4,800,000`, `¥480万`, `1.2亿`; at most two decimals.
    static func amount(_ text: String, field: String) throws -> Double {
        try Amount.parse(text, field: field)
    }

    static func nonEmpty(_ text: String, field: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw InputError(field: field, value: text, problem: "must not be empty") }
        return t
    }

    /// A name (account, unit, stakeholder, deal, team): see `Names.normalize`.
    static func name(_ text: String, field: String) throws -> String {
        try Names.normalize(text, field: field)
    }
}
