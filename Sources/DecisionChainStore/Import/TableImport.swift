import Foundation
import DecisionChain

/// One import of a table file, start to end: the record type (named, or
/// guessed from the header), the header mapped onto its columns, every row
/// checked (cells, duplicate keys within the file), then every row matched
/// and written in one transaction by `RecordImporter`. Any issue anywhere:
/// nothing is written and `RecordIssues` lists every one, sorted by row.
public struct TableImport {
    /// What an import did (or, in a dry run, would do).
    public struct Outcome: Sendable {
        public var type: RecordType
        /// The type, when it was guessed from the header rather than named.
        public var guessed: RecordType?
        public var counts: RecordImporter.Counts
    }

    let header: [String]
    let rows: () throws -> (number: Int, cells: [String])?
    let type: RecordType?
    let dryRun: Bool
    let today: Day
    let localTime: (LocalTime.Typed) -> LocalTime

    /// `rows` yields the data rows after `header`; `localTime` converts a
    /// time written with a UTC offset to the team's zone.
    public init(header: [String], rows: @escaping () throws -> (number: Int, cells: [String])?, type: RecordType?, dryRun: Bool, today: Day,
                localTime: @escaping (LocalTime.Typed) -> LocalTime) {
        self.header = header; self.rows = rows; self.type = type; self.dryRun = dryRun; self.today = today; self.localTime = localTime
    }

    /// Runs the import; `open` opens the database once the file is known to be a table of a type.
    public func run(open: () throws -> Database) throws -> Outcome {
        let (type, guessed) = try recordType()
        let mapped = try RecordHeader(header, type: type)
        func go<R>(_ parse: (RecordRow) -> Result<R, RecordIssues>, keys: (R) -> [(column: String, key: String)],
                   write: @escaping (RecordImporter, RecordImporter.Rows<R>) throws -> (RecordImporter.Counts, [RecordIssue])) throws -> Outcome {
            let (records, issues) = try check(mapped, parse, keys: keys)
            let db = try open()
            let importer = RecordImporter(db, today: today)
            do {
                let counts = try importer.run(dryRun: dryRun || !issues.isEmpty) { try write($0, records) }
                if !issues.isEmpty { throw RecordIssues(issues) }
                return Outcome(type: type, guessed: guessed, counts: counts)
            } catch let rejected as RecordImporter.Rejected {
                throw RecordIssues((issues + rejected.issues).sorted { ($0.row ?? 0, $0.line ?? 0) < ($1.row ?? 0, $1.line ?? 0) })
            }
        }
        func pair(_ column: String, _ parts: String?...) -> [(column: String, key: String)] {
            parts.contains { $0 == nil } ? [] : [(column, parts.map { $0! }.joined(separator: "\u{1F}"))]
        }
        switch type {
        case .accounts:
            return try go(ImportRecords.account, keys: { pair("name", $0.name) + pair("code", $0.code) }) { try $0.accounts($1) }
        case .units:
            return try go(ImportRecords.unit, keys: { pair("name", $0.account, $0.name) }) { try $0.units($1) }
        case .stakeholders:
            return try go(ImportRecords.stakeholder, keys: { pair("name", $0.account, $0.name) }) { try $0.stakeholders($1) }
        case .deals:
            return try go(ImportRecords.deal, keys: { pair("name", $0.account, $0.name) }) { try $0.deals($1) }
        case .roles:
            return try go(ImportRecords.role, keys: { pair("role", $0.account, $0.deal, $0.stakeholder, $0.role.rawValue) }) { try $0.roles($1) }
        case .touchpoints:
            return try streamTouchpoints(mapped, guessed: guessed, open: open)
        }
    }

    /// The type named, else the one the header fits.
    func recordType() throws -> (RecordType, guessed: RecordType?) {
        if let type { return (type, nil) }
        let g = RecordHeader.guess(header)
        if let t = g.type { return (t, t) }
        let shown = header.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ")
        if g.candidates.isEmpty {
            throw RecordIssues([RecordIssue(row: 1, problem: "the header (\(shown)) fits none of the record types; name the type with --type "
                                            + RecordType.allCases.map(\.rawValue).joined(separator: "|") + " to see which columns are wrong")])
        }
        throw RecordIssues([RecordIssue(row: 1, problem: "the header (\(shown)) fits " + g.candidates.map(\.rawValue).joined(separator: ", ")
                                        + "; name one with --type")])
    }

    /// Reads and checks every row: its cells, and keys seen twice in the file.
    func check<R>(_ header: RecordHeader, _ parse: (RecordRow) -> Result<R, RecordIssues>,
                  keys: (R) -> [(column: String, key: String)]) throws -> (RecordImporter.Rows<R>, [RecordIssue]) {
        var records: RecordImporter.Rows<R> = [], issues: [RecordIssue] = []
        var seen: [String: Int] = [:]
        var any = false
        while let next = try rows() {
            let (number, cells) = next
            let row = header.row(number, cells)
            if row.isBlank { continue }
            any = true
            switch parse(row) {
            case let .failure(e): issues += e.issues
            case let .success(r):
                var duplicate = false
                for (column, key) in keys(r) {
                    if let first = seen[column + "\u{1E}" + key] {
                        issues.append(row.issue(column, "repeats the record of row \(first) (same \(RecordColumns.naturalKey(header.type))); keep one row per record"))
                        duplicate = true
                    } else {
                        seen[column + "\u{1E}" + key] = number
                    }
                }
                if !duplicate { records.append((row, r)) }
            }
        }
        if !any { throw RecordIssues([RecordIssue(row: 2, problem: "there are no data rows under the header: the file is empty")]) }
        return (records, issues)
    }

    /// Rows a touchpoint import holds in memory at once.
    static let chunkSize = 5_000

    /// Touchpoints are streamed: rows are checked as they are read (on a
    /// thread of their own, ahead of the writes) and handed to the importer a
    /// chunk at a time, inside its one transaction; only a hash and a row
    /// number per record stay behind (to catch a record twice).
    func streamTouchpoints(_ header: RecordHeader, guessed: RecordType?, open: () throws -> Database) throws -> Outcome {
        let importer = RecordImporter(try open(), today: today)
        var issues: [RecordIssue] = [], seen: [Int: Int] = [:], any = false, done = false
        func nextChunk() throws -> RecordImporter.Rows<ImportRecords.TouchpointRecord>? {
            var chunk: RecordImporter.Rows<ImportRecords.TouchpointRecord> = []
            while !done && chunk.count < Self.chunkSize {
                guard let next = try rows() else { done = true; break }
                let row = header.row(next.number, next.cells)
                if row.isBlank { continue }
                any = true
                switch ImportRecords.touchpoint(row) {
                case let .failure(e): issues += e.issues
                case let .success(t):
                    var h = Hasher()
                    if let id = t.externalID { h.combine(0); h.combine(t.account); h.combine(id) } else {
                        h.combine(1); h.combine(t.account); h.combine(t.deal); h.combine(t.at.time); h.combine(t.at.offsetMinutes); h.combine(t.channel); h.combine(t.summary)
                    }
                    let key = h.finalize()
                    if let first = seen[key] {
                        issues.append(row.issue(t.externalID != nil ? "external_id" : "at",
                                                "repeats the touchpoint of row \(first) (same \(t.externalID != nil ? "external_id" : "account, deal, time, channel and summary")); keep one row per touchpoint"))
                    } else {
                        seen[key] = row.number
                        chunk.append((row, t))
                    }
                }
            }
            return chunk.isEmpty && done ? nil : chunk
        }
        // Rows are read and checked on a thread of their own, a chunk or two ahead of the writes;
        // each chunk says whether any row so far was bad (the issues themselves wait for the end).
        let ahead = ReadAhead { () throws -> (rows: RecordImporter.Rows<ImportRecords.TouchpointRecord>, failing: Bool)? in
            try nextChunk().map { ($0, !issues.isEmpty) }
        }
        defer { ahead.finish() }
        var failing = false
        func consume() throws -> RecordImporter.Rows<ImportRecords.TouchpointRecord>? {
            guard let next = try ahead.next() else { return nil }
            failing = failing || next.failing
            return next.rows
        }
        do {
            let counts = try importer.run(dryRun: dryRun) { importer in
                let (counts, found) = try importer.touchpoints(chunks: consume, failing: { failing }, localTime: localTime)
                ahead.finish()  // the reader is done (or stopped): its issues and `any` are final
                if !any { throw RecordIssues([RecordIssue(row: 2, problem: "there are no data rows under the header: the file is empty")]) }
                return (counts, issues + found)
            }
            return Outcome(type: .touchpoints, guessed: guessed, counts: counts)
        } catch let rejected as RecordImporter.Rejected {
            throw RecordIssues(rejected.issues)
        }
    }
}
