import DecisionChain
import Postgres

/// Government deals in and out as OCDS: what `export ocds` needs read, and
/// `import ocds` carried out in one transaction through the deal store (the
/// one writer of deals and their stage history: row locks, `DealRules`, audit).
public struct OCDSStore {
    let database: Database
    var db: Connection { database.connection }
    public init(_ db: Database) { self.database = db }

    // MARK: export

    /// One government deal (`deal`), or every government deal the login can
    /// see, with its account's name and stage history (events included), by id.
    public func exportInputs(deal: Deal? = nil) throws -> [OCDSReleaseBuilder.DealInput] {
        let deals = try db.query("""
            SELECT \(DealStore.columns), a.name AS account_name FROM \(DealStore.from) JOIN account a ON a.id = d.account_id
            WHERE p.key = $1 AND ($2::bigint IS NULL OR (d.account_id = $2 AND d.id = $3)) ORDER BY d.id
            """, [OCDSMapping.pipelineKey, deal?.accountID, deal?.id])
        var history: [Int64: [StageVisit]] = [:]
        for row in try db.query("""
            SELECT h.deal_id, s.key, h.entered_on, h.event FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id
            JOIN deal d ON d.account_id = h.account_id AND d.id = h.deal_id JOIN pipeline p ON p.id = d.pipeline_id
            WHERE p.key = $1 AND ($2::bigint IS NULL OR (h.account_id = $2 AND h.deal_id = $3)) ORDER BY h.deal_id, h.entered_on, h.id
            """, [OCDSMapping.pipelineKey, deal?.accountID, deal?.id]) {
            let visit = StageVisit(dealID: try row.decode("deal_id"), stageKey: try row.decode("key"), entered: try row.decode("entered_on"),
                                   event: try row.decodeIfPresent("event"))
            history[visit.dealID, default: []].append(visit)
        }
        return try deals.map { row in
            let d = try Deal(row: row)
            return .init(deal: d, accountName: try row.decode("account_name"), history: history[d.id] ?? [])
        }
    }

    // MARK: import

    /// Imports a package: per contracting process, finds the deal (by ocid;
    /// else by buyer = account name and tender title = deal name, storing the
    /// ocid; else creates it) and applies each release as `OCDSImportRules`
    /// decide. All or nothing: any error rolls everything back; `dryRun`
    /// rolls back a successful import too and reports what it would do.
    public func importPackage(_ package: OCDSImportPackage, dryRun: Bool = false) throws -> OCDSImportReport {
        struct DryRun: Error { let report: OCDSImportReport }
        do {
            return try database.transaction { _ in
                let pipeline = try PipelineStore(database).pipeline(OCDSMapping.pipelineKey)
                let report = OCDSImportReport(processes: try package.processes.map { try importProcess($0, pipeline: pipeline) })
                if dryRun { throw DryRun(report: report) }
                return report
            }
        } catch let done as DryRun {
            return done.report
        }
    }

    func importProcess(_ p: OCDSImportPackage.Process, pipeline: Pipeline) throws -> OCDSImportReport.Process {
        var lines: [OCDSImportReport.Line] = []
        var releases = p.releases[...]
        let found: Deal, accountName: String, match: OCDSImportReport.Match
        if let existing = try find(p) {
            found = existing.deal; accountName = existing.accountName
            match = existing.deal.ocid == p.ocid ? .ocid : .buyerAndTitle
            if match == .buyerAndTitle { _ = try DealStore(database).edit(found, .init(ocid: p.ocid)) }
        } else {
            let (account, title) = try buyerAndTitle(p)
            let first = releases.firstIndex { OCDSImportRules.firstStage($0) != nil }
            let start = first.map { releases[$0] }
            let begin = start.flatMap(OCDSImportRules.firstStage)
            let stage = begin.flatMap { pipeline.stage($0.stageKey) } ?? pipeline.stages[0]
            let day = start?.day ?? releases.first!.day
            found = try applying(start ?? releases.first!) {
                try DealStore(database).add(.init(accountID: account.id, name: title, pipeline: pipeline, stageKey: stage.key, method: p.method,
                                                  amount: p.amount, currency: p.currency ?? "CNY", closeBy: nil, ownerID: nil, on: day,
                                                  ocid: p.ocid, event: begin?.event, source: start?.source(ocid: p.ocid)))
            }
            accountName = account.name; match = .created
            if let first {
                let r = releases[first]
                lines.append(.init(path: r.path, tags: r.tags, day: r.day,
                                   outcome: begin?.event == .failedTender ? .failedTender(stage.key) : .started(stage.key)))
                releases.remove(at: first)
            }
        }
        var deal = found
        for r in releases {
            let (locked, _) = try DealStore.lock(deal, in: db)
            let sources = Set(try db.query("""
                SELECT source FROM deal_stage_history WHERE account_id = $1 AND deal_id = $2 AND source IS NOT NULL
                """, [deal.accountID, deal.id]).map { try $0.decode("source") as String })
            let state = OCDSImportRules.DealState(name: locked.name, status: locked.status, stageKey: locked.stageKey, sources: sources)
            let outcome: OCDSImportReport.Outcome
            switch OCDSImportRules.decide(r, ocid: p.ocid, deal: state) {
            case let .move(key):
                guard let stage = pipeline.stage(key) else { throw DomainError("\(r.path): the government pipeline has no stage \(key)") }
                deal = try applying(r) { try DealStore(database).move(locked, to: stage, on: r.day, source: r.source(ocid: p.ocid)) }
                outcome = .moved(key)
            case .failedTender:
                guard let stage = pipeline.stage(DealRules.failedTenderStage) else {
                    throw DomainError("\(r.path): the government pipeline has no stage \(DealRules.failedTenderStage)")
                }
                deal = try applying(r) {
                    try DealStore(database).move(locked, to: stage, on: r.day, event: .failedTender, source: r.source(ocid: p.ocid))
                }
                outcome = .failedTender(stage.key)
            case let .unchanged(why):
                outcome = .unchanged(why)
            }
            lines.append(.init(path: r.path, tags: r.tags, day: r.day, outcome: outcome))
        }
        return .init(ocid: p.ocid, dealID: deal.id, dealName: deal.name, accountName: accountName, match: match, lines: lines)
    }

    /// The deal of a process: the one with its ocid (narrowed by the buyer
    /// when several accounts have it), else the buyer's deal named as the
    /// tender, when it has no other ocid. Nil: no such deal (create it).
    func find(_ p: OCDSImportPackage.Process) throws -> (deal: Deal, accountName: String)? {
        var rows = try db.query("""
            SELECT \(DealStore.columns), a.name AS account_name FROM \(DealStore.from) JOIN account a ON a.id = d.account_id
            WHERE d.ocid = $1 ORDER BY d.id
            """, [p.ocid])
        if rows.count > 1, let buyer = try p.buyerName.map({ try Names.normalize($0, field: "buyer") }) {
            rows = rows.filter { $0["account_name"] == buyer }
        }
        if rows.count > 1 {
            throw InputError(field: "\(p.path).ocid", value: p.ocid, problem: "is the ocid of deals at several accounts ("
                             + rows.map { "#\($0["id"] ?? "") at \($0["account_name"] ?? "")" }.joined(separator: ", ")
                             + "); name the buyer in the package")
        }
        if let row = rows.first { return try government(Deal(row: row), accountName: try row.decode("account_name"), path: "\(p.path).ocid") }
        let (account, title) = try buyerAndTitle(p)
        guard let row = try db.queryRow("SELECT \(DealStore.columns) FROM \(DealStore.from) WHERE d.account_id = $1 AND d.name = $2",
                                        [account.id, title]) else { return nil }
        let deal = try Deal(row: row)
        if let other = deal.ocid {
            throw InputError(field: p.titlePath ?? "\(p.path).tender.title", value: title,
                             problem: "is deal #\(deal.id) at \(account.name), which has ocid \(other), not \(p.ocid); "
                                 + "correct it with dchain deal edit \(deal.id) --ocid \(p.ocid)")
        }
        return try government(deal, accountName: account.name, path: p.titlePath ?? "\(p.path).tender.title")
    }

    /// The account the buyer names and the deal name the tender title gives.
    func buyerAndTitle(_ p: OCDSImportPackage.Process) throws -> (Account, String) {
        guard let buyer = p.buyerName, let buyerPath = p.buyerPath else {
            throw InputError(field: "\(p.path).buyer.name", value: "missing",
                             problem: "is needed: no deal has ocid \(p.ocid), and the buyer names the account to find or create it in")
        }
        let account: Account
        do {
            account = try Resolver(database).account(buyer)
        } catch let StoreError.notFound(_, _, _, candidates) {
            throw InputError(field: buyerPath, value: buyer, problem: "is not an account you can see"
                             + (candidates.isEmpty ? "" : " (did you mean " + candidates.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") + "?)")
                             + "; add it first: dchain account add \(buyer) --kind government")
        } catch let e as InputError {
            throw InputError(field: buyerPath, value: buyer, problem: e.problem)
        }
        guard let title = p.title, let titlePath = p.titlePath else {
            throw InputError(field: "\(p.path).tender.title", value: "missing",
                             problem: "is needed: no deal has ocid \(p.ocid), and the tender title names the deal")
        }
        do {
            return (account, try Names.normalize(title, field: titlePath))
        } catch let e as InputError {
            throw InputError(field: titlePath, value: title, problem: e.problem)
        }
    }

    /// A matched deal must be a government deal: OCDS moves procurement stages.
    func government(_ deal: Deal, accountName: String, path: String) throws -> (deal: Deal, accountName: String) {
        guard deal.pipelineKey == OCDSMapping.pipelineKey else {
            throw InputError(field: path, value: deal.ocid ?? deal.name,
                             problem: "matches deal #\(deal.id) \(deal.name), which is in pipeline \(deal.pipelineKey); OCDS import moves government deals")
        }
        return (deal, accountName)
    }

    /// Runs a write for release `r`, naming the release in any refusal:
    /// a date the deal rules refuse becomes `<path>.date`.
    func applying<T>(_ r: OCDSImportPackage.Release, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as InputError {
            if e.field == "on" { throw InputError(field: "\(r.path).date", value: r.dateText, problem: e.problem) }
            throw InputError(field: "\(r.path) (\(e.field))", value: e.value, problem: e.problem)
        } catch let e as DomainError {
            throw DomainError("\(r.path): \(e.message)")
        }
    }
}
