import DecisionChain
import Postgres

/// One function per record type: match, then add, change or leave alone.
/// A blank cell leaves the field as it is (import never clears a field).
extension RecordImporter {
    /// Rows of one type with the parsed record of each.
    public typealias Rows<Record> = [(row: RecordRow, record: Record)]

    /// Accounts, matched by code (when the row has one that exists), else by name.
    public func accounts(_ rows: Rows<ImportRecords.AccountRecord>) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], outcomes: [Int: Outcome] = [:], links: [Link] = []
        let store = AccountStore(db)
        var byName: [String: Account] = [:], byCode: [String: Account] = [:]
        for a in try store.list() { byName[a.name] = a; if let c = a.code { byCode[c] = a } }
        for (r, a) in rows {
            let outcome = row(r, &issues) {
                let account: Account, result: Outcome
                if let e = a.code.flatMap({ byCode[$0] }) ?? byName[a.name] {
                    var f = AccountStore.Fields()
                    if a.name != e.name { f.name = a.name }
                    if let v = a.kind, v != e.kind { f.kind = v }
                    if let v = a.code, v != e.code { f.code = v }
                    if let v = a.region, v != e.region { f.region = v }
                    if let v = a.industry, v != e.industry { f.industry = v }
                    if let v = a.owner, v != e.ownerLogin { f.ownerID = try owner(v, column: "owner") }
                    if let v = a.team, v != e.teamName { f.teamID = try resolver.teamID(name: v) }
                    guard f.name != nil || f.kind != nil || f.code != nil || f.region != nil || f.industry != nil || f.ownerID != nil || f.teamID != nil
                    else { return .unchanged }
                    if f.name != nil, byName[a.name] != nil {
                        throw RowIssue(column: "name", problem: "is the name of another account (#\(byName[a.name]!.id)) than the one with code \(a.code ?? "")")
                    }
                    account = try store.edit(e.id, f); result = .changed
                    byName[e.name] = nil
                } else {
                    guard let kind = a.kind else {
                        throw RowIssue(column: "kind", problem: "is empty; a new account needs a kind: \(AccountKind.choices)")
                    }
                    account = try store.add(.init(name: a.name, kind: kind, code: a.code, region: a.region, industry: a.industry,
                                                  ownerID: try a.owner.map { try owner($0, column: "owner") },
                                                  teamID: try a.team.map { try resolver.teamID(name: $0) }))
                    result = .added
                }
                byName[account.name] = account
                if let c = account.code { byCode[c] = account }
                return result
            }
            outcomes[r.number] = outcome
            if let parent = a.parent, outcome != nil {
                links.append(Link(row: r, column: "parent") { [self] in
                    guard let me = byName[a.name] else { return false }
                    let p = try account(parent, column: "parent")
                    if p.id == me.id { throw RowIssue(column: "parent", problem: "is the account itself") }
                    if me.parentID == p.id { return false }
                    byName[a.name] = try store.edit(me.id, .init(parentID: p.id))
                    return true
                })
            }
        }
        link(links, outcomes: &outcomes, issues: &issues)
        return (Self.tally(outcomes), issues)
    }

    /// Units (departments), matched by account + name.
    public func units(_ rows: Rows<ImportRecords.UnitRecord>) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], outcomes: [Int: Outcome] = [:], links: [Link] = []
        let store = AccountStore(db)
        var units: [Int64: [String: OrgUnit]] = [:]
        func unitsOf(_ accountID: Int64) throws -> [String: OrgUnit] {
            if let u = units[accountID] { return u }
            let u = Dictionary(try store.units(accountID: accountID).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            units[accountID] = u
            return u
        }
        for (r, u) in rows {
            var accountID: Int64?
            let outcome = row(r, &issues) {
                let a = try account(u.account, column: "account")
                accountID = a.id
                if try unitsOf(a.id)[u.name] != nil { return .unchanged }
                units[a.id]![u.name] = try store.addUnit(accountID: a.id, name: u.name, parentID: nil)
                return .added
            }
            outcomes[r.number] = outcome
            if let parent = u.parent, outcome != nil, let accountID {
                links.append(Link(row: r, column: "parent") { [self] in
                    guard let me = units[accountID]?[u.name] else { return false }
                    let p: OrgUnit
                    if let known = units[accountID]?[parent] { p = known } else {
                        do { p = try resolver.unit(parent, accountID: accountID) } catch { throw missing("parent", parent, error) }
                    }
                    if me.parentID == p.id { return false }
                    units[accountID]![u.name] = try store.editUnit(accountID: accountID, id: me.id, name: nil, parentID: p.id)
                    return true
                })
            }
        }
        link(links, outcomes: &outcomes, issues: &issues)
        return (Self.tally(outcomes), issues)
    }

    /// Stakeholders, matched by account + name.
    public func stakeholders(_ rows: Rows<ImportRecords.StakeholderRecord>) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], outcomes: [Int: Outcome] = [:], links: [Link] = []
        let store = StakeholderStore(db), accounts = AccountStore(db)
        for (r, s) in rows {
            var accountID: Int64?
            let outcome = row(r, &issues) {
                let a = try account(s.account, column: "account")
                accountID = a.id
                let found = try people(a.id)[s.name] ?? []
                if found.count > 1 {
                    throw RowIssue(column: "name", problem: "matches \(found.count) people at \(a.name) (" + found.map { "#\($0.id)" }.joined(separator: ", ")
                                   + "); change them one by one with `dchain stakeholder edit`")
                }
                func unitID() throws -> Int64? { try s.unit.map { try accounts.unitID(accountID: a.id, name: $0) } }
                if let e = found.first {
                    var f = StakeholderStore.Fields()
                    if let v = s.title, v != e.title { f.title = v }
                    if let v = s.unit, v != e.unitName { f.unitID = try unitID() }
                    if let v = s.level, v != e.level { f.level = v }
                    if let v = s.email, v != e.email { f.email = v }
                    if let v = s.phone, v != e.phone { f.phone = v }
                    if let v = s.wechat, v != e.wechat { f.wechat = v }
                    if let v = s.channel, v != e.preferredChannel { f.channel = v }
                    guard f.title != nil || f.unitID != nil || f.level != nil || f.email != nil || f.phone != nil || f.wechat != nil || f.channel != nil
                    else { return .unchanged }
                    remember(try store.edit(accountID: a.id, id: e.id, f))
                    return .changed
                }
                remember(try store.add(accountID: a.id, .init(name: s.name, title: s.title, unitID: try unitID(), level: s.level, email: s.email,
                                                              phone: s.phone, wechat: s.wechat, channel: s.channel)))
                return .added
            }
            outcomes[r.number] = outcome
            if let boss = s.reportsTo, outcome != nil, let accountID {
                links.append(Link(row: r, column: "reports_to") { [self] in
                    let me = try person(s.name, accountID: accountID, column: "name")
                    let b = try person(boss, accountID: accountID, column: "reports_to")
                    if me.reportsToID == b.id { return false }
                    remember(try store.edit(accountID: accountID, id: me.id, .init(reportsTo: b.id)))
                    return true
                })
            }
        }
        link(links, outcomes: &outcomes, issues: &issues)
        return (Self.tally(outcomes), issues)
    }

    /// Deals, matched by account + name: fields through `deal edit`, a new
    /// stage through `deal move`, a closing status through `deal close`.
    public func deals(_ rows: Rows<ImportRecords.DealRecord>) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], outcomes: [Int: Outcome] = [:]
        let store = DealStore(db)
        func cents(_ v: Double?) -> Int64? { v.map { Int64(($0 * 100).rounded()) } }
        for (r, d) in rows {
            outcomes[r.number] = row(r, &issues) {
                let a = try account(d.account, column: "account")
                let pipelines = try allPipelines()
                func pipeline(_ typed: String) throws -> Pipeline {
                    guard let p = pipelines.first(where: { $0.key == typed }) ?? pipelines.first(where: { $0.matches(typed: typed) }) else {
                        throw RowIssue(column: "pipeline", problem: "is not one of " + pipelines.map { "\($0.key) (\($0.nameZH))" }.joined(separator: ", "))
                    }
                    return p
                }
                func stage(_ typed: String, of p: Pipeline) throws -> Stage {
                    guard let s = p.stage(typed: typed) else { throw RowIssue(column: "stage", problem: "is not a stage of pipeline \(p.key): \(p.stageChoices)") }
                    return s
                }
                let ownerID = try d.owner.map { try owner($0, column: "owner") }
                var deal: Deal, outcome: Outcome
                if let existing = try deals(a.id)[d.name] {
                    deal = existing; outcome = .unchanged
                    if let typed = d.pipeline, try pipeline(typed).key != deal.pipelineKey {
                        throw RowIssue(column: "pipeline", problem: "is not the pipeline of deal \(deal.name) (\(deal.pipelineKey)); a deal keeps its pipeline")
                    }
                    var e = DealStore.DealEdit()
                    if let v = d.amount, cents(v) != cents(deal.amount) { e.amount = v }
                    if let v = d.currency, v != deal.currency { e.currency = v }
                    if let v = d.closeBy, v != deal.closeBy { e.closeBy = v }
                    if let v = d.method, v != deal.method { e.method = v }
                    if let v = d.owner, v != deal.ownerLogin { e.ownerID = ownerID }
                    if e.amount != nil || e.currency != nil || e.closeBy != nil || e.method != nil || e.ownerID != nil {
                        deal = try store.edit(deal, e); outcome = .changed
                    }
                    if let typed = d.stage {
                        let s = try stage(typed, of: try pipeline(deal.pipelineKey))
                        if s.key != deal.stageKey {
                            deal = try onColumn("entered") { try store.move(deal, to: s, on: d.entered ?? today) }
                            outcome = .changed
                        }
                    }
                } else {
                    guard let typed = d.pipeline else {
                        throw RowIssue(column: "pipeline", problem: "is empty; a new deal needs its pipeline: " + pipelines.map { "\($0.key) (\($0.nameZH))" }.joined(separator: ", "))
                    }
                    let p = try pipeline(typed)
                    deal = try store.add(.init(accountID: a.id, name: d.name, pipeline: p, stageKey: try d.stage.map { try stage($0, of: p).key },
                                               method: d.method, amount: d.amount, currency: d.currency ?? "CNY", closeBy: d.closeBy,
                                               ownerID: ownerID, on: d.entered ?? today))
                    outcome = .added
                }
                if let status = d.status, status != deal.status {
                    guard status != .open else {
                        throw RowIssue(column: "status", problem: "cannot reopen deal \(deal.name): it is \(deal.status.rawValue); a deal closes once")
                    }
                    deal = try onColumn("closed_on") { try store.close(deal, as: status, reason: d.closeReason, on: d.closedOn ?? today) }
                    if outcome == .unchanged { outcome = .changed }
                }
                dealsByAccountSet(a.id, deal)
                return outcome
            }
        }
        return (Self.tally(outcomes), issues)
    }

    /// Roles (buying influences), matched by account + deal + person + role,
    /// through `role set` (a second EB is refused as on the command line).
    public func roles(_ rows: Rows<ImportRecords.RoleRecord>) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], outcomes: [Int: Outcome] = [:]
        let store = InfluenceStore(db)
        for (r, x) in rows {
            outcomes[r.number] = row(r, &issues) {
                let a = try account(x.account, column: "account")
                let deal: Deal
                if let known = try deals(a.id)[x.deal] { deal = known } else {
                    do { deal = try resolver.deal(x.deal, accountID: a.id) } catch { throw missing("deal", x.deal, error) }
                }
                let stakeholder = try self.person(x.stakeholder, accountID: a.id, column: "stakeholder")
                let attributes = InfluenceStore.Attributes(influence: x.influence, stance: x.stance, mode: x.mode, rating: x.rating, personalWin: x.personalWin)
                do {
                    switch try onColumn("since", { try store.set(deal: deal, stakeholder: stakeholder, role: x.role, attributes, replace: false, on: x.since ?? today) }) {
                    case .added: return .added
                    case .changed: return .changed
                    case .unchanged: return .unchanged
                    }
                } catch let e as DomainError {
                    throw RowIssue(column: "role", problem: e.message)
                }
            }
        }
        return (Self.tally(outcomes), issues)
    }

    /// Runs a store call whose `on` day came from `column`: its error names that column.
    func onColumn<T>(_ column: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as InputError where e.field == "on" {
            throw RowIssue(column: column, value: e.value, problem: e.problem)
        }
    }
}
