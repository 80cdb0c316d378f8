import DecisionChain
import Postgres

/// Writes the checked records of a table file: each row is matched to an
/// existing record by its natural key (see `RecordColumns.naturalKey`) and
/// then added, changed or left alone — through the same store calls the
/// commands use (`account add/edit`, `stakeholder add/edit`, `deal add/move/
/// close/edit`, `role set`), so changes are audited like any edit and the
/// domain's rules (one EB per deal, a deal closes once) judge each row.
///
/// All rows run in one transaction, each row in its own savepoint: a row a
/// rule refuses becomes an issue and the others still run, so every bad row
/// is reported; any issue, or a dry run, rolls everything back.
public final class RecordImporter {
    let db: Database
    let today: Day
    let resolver: Resolver

    /// How many rows added, changed or left records as they were.
    public struct Counts: Equatable, Sendable {
        public var added = 0, changed = 0, unchanged = 0
        public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0) { self.added = added; self.changed = changed; self.unchanged = unchanged }
        /// `2 added, 1 changed, 7 unchanged`.
        public var summary: String { "\(added) added, \(changed) changed, \(unchanged) unchanged" }
        mutating func count(_ o: Outcome) {
            switch o { case .added: added += 1; case .changed: changed += 1; case .unchanged: unchanged += 1 }
        }
    }

    enum Outcome { case added, changed, unchanged }

    /// Rows a rule refused: nothing was written.
    public struct Rejected: Error, Sendable {
        public var issues: [RecordIssue]
    }

    /// `today` is the default day of stage entries and roles without a date.
    public init(_ db: Database, today: Day) {
        self.db = db; self.today = today; self.resolver = Resolver(db)
    }

    /// Runs `body` in one transaction and commits only when it reported no
    /// issue and this is not a dry run. Throws `Rejected` with the issues.
    public func run(dryRun: Bool, _ body: (RecordImporter) throws -> (Counts, [RecordIssue])) throws -> Counts {
        struct DryRun: Error { var counts: Counts }
        do {
            return try db.transaction { _ in
                let (counts, issues) = try body(self)
                if !issues.isEmpty { throw Rejected(issues: issues.sorted { ($0.row ?? 0) < ($1.row ?? 0) }) }
                if dryRun { throw DryRun(counts: counts) }
                return counts
            }
        } catch let d as DryRun {
            return d.counts
        }
    }

    // MARK: - Rows one by one

    /// Runs one row's writes in a savepoint; a refusal becomes an issue
    /// naming the row and, when known, the column (as the file writes it).
    func row(_ r: RecordRow, column key: String? = nil, _ issues: inout [RecordIssue], _ body: () throws -> Outcome) -> Outcome? {
        do {
            return try db.connection.transaction { _ in try body() }
        } catch {
            issues.append(issue(r, column: key, error))
            return nil
        }
    }

    /// An error of a row's references or writes as the row's issue.
    func issue(_ r: RecordRow, column key: String?, _ error: Error) -> RecordIssue {
        func column(_ k: String?) -> String? { k.map { r.header($0) } }
        switch error {
        case let e as RowIssue:
            return RecordIssue(row: r.number, column: column(e.column ?? key), value: e.value ?? (e.column ?? key).flatMap { r.values[$0] }, problem: e.problem)
        case let e as InputError:
            let k = r.values[e.field] != nil ? e.field : key
            return RecordIssue(row: r.number, column: column(k), value: e.value, problem: e.problem)
        case let PostgresError.server(s) where s.isIntegrityViolation || s.isDataException || s.state == .insufficientPrivilege:
            return RecordIssue(row: r.number, column: column(key), problem: "rejected by the database: \(s.description)")
        default:
            return RecordIssue(row: r.number, column: column(key), problem: String(describing: error))
        }
    }

    /// A refusal about one cell of a row.
    struct RowIssue: Error {
        var column: String?
        var value: String?
        var problem: String
    }

    /// A reference that did not resolve, as the row's issue (with the resolver's did-you-mean).
    func missing(_ column: String, _ value: String, _ error: Error) -> RowIssue {
        RowIssue(column: column, value: value, problem: String(describing: error))
    }

    // MARK: - Caches of what rows refer to

    var accountsByRef: [String: Account] = [:]
    var stakeholdersByAccount: [Int64: [String: [Stakeholder]]] = [:]
    var dealsByAccount: [Int64: [String: Deal]] = [:]
    var pipelines: [Pipeline]?

    /// Keeps the people cache in step after an add or edit (import never renames anyone).
    func remember(_ s: Stakeholder) {
        stakeholdersByAccount[s.accountID, default: [:]][s.name] = (stakeholdersByAccount[s.accountID]?[s.name] ?? []).filter { $0.id != s.id } + [s]
    }

    /// Keeps the deals cache in step after a write.
    func dealsByAccountSet(_ accountID: Int64, _ deal: Deal) {
        dealsByAccount[accountID, default: [:]][deal.name] = deal
    }

    /// An account by id, code or name (cached); a miss names near names.
    func account(_ ref: String, column: String) throws -> Account {
        if let a = accountsByRef[ref] { return a }
        if let miss = misses["account\u{1F}" + ref] { throw missing(column, ref, miss) }
        do {
            let a = try resolver.account(ref)
            accountsByRef[ref] = a
            return a
        } catch let e as StoreError {
            misses["account\u{1F}" + ref] = e
            throw missing(column, ref, e)
        }
    }

    /// References that resolved to nothing, with the resolver's answer: a
    /// misspelt name on every row of a large file costs one look-up (and one
    /// did-you-mean scan), not one per row. Only reads are remembered; a row
    /// that adds the record comes before any later row that could miss it.
    var misses: [String: StoreError] = [:]

    /// The people of an account by name (cached; refreshed after adds).
    func people(_ accountID: Int64, reload: Bool = false) throws -> [String: [Stakeholder]] {
        if !reload, let p = stakeholdersByAccount[accountID] { return p }
        let p = Dictionary(grouping: try StakeholderStore(db).list(accountID: accountID), by: \.name)
        stakeholdersByAccount[accountID] = p
        return p
    }

    /// One person of an account by name: not found names near names; two of one name is ambiguous.
    func person(_ name: String, accountID: Int64, column: String) throws -> Stakeholder {
        let found = try people(accountID)[name] ?? []
        if found.count == 1 { return found[0] }
        let key = "person\u{1F}\(accountID)\u{1F}" + name
        if found.isEmpty, let miss = misses[key] { throw missing(column, name, miss) }
        do { return try resolver.stakeholder(name, accountID: accountID) } catch {
            if found.isEmpty, let e = error as? StoreError { misses[key] = e }
            throw missing(column, name, error)
        }
    }

    /// The deals of an account by name (cached).
    func deals(_ accountID: Int64, reload: Bool = false) throws -> [String: Deal] {
        if !reload, let d = dealsByAccount[accountID] { return d }
        let d = Dictionary(try DealStore(db).list(accountID: accountID).map { ($0.deal.name, $0.deal) }, uniquingKeysWith: { a, _ in a })
        dealsByAccount[accountID] = d
        return d
    }

    func allPipelines() throws -> [Pipeline] {
        if let p = pipelines { return p }
        let p = try PipelineStore(db).all()
        pipelines = p
        return p
    }

    /// A user's id by login, as `--owner` resolves it.
    func owner(_ login: String, column: String) throws -> Int64 {
        do { return try resolver.userID(login: login) } catch let e as InputError { throw RowIssue(column: column, value: login, problem: e.problem) }
    }
}

extension RecordImporter {
    /// The second pass of a type whose rows refer to each other (a parent
    /// account, a parent unit, a manager): run after every row of the file exists.
    struct Link {
        var row: RecordRow
        var column: String
        var apply: () throws -> Bool
    }

    /// Applies the links; a row whose link changed something counts as changed
    /// (unless it was added, which it already counts as).
    func link(_ links: [Link], outcomes: inout [Int: Outcome], issues: inout [RecordIssue]) {
        for l in links {
            let done = row(l.row, column: l.column, &issues) { try l.apply() ? .changed : .unchanged }
            if done == .changed, outcomes[l.row.number] == .unchanged { outcomes[l.row.number] = .changed }
            if done == nil { outcomes[l.row.number] = nil }
        }
    }

    /// Counts the outcomes of rows that got through.
    static func tally(_ outcomes: [Int: Outcome]) -> Counts {
        var c = Counts()
        for o in outcomes.values { c.count(o) }
        return c
    }
}
