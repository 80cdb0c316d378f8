/// Builds the journey map of a deal from an account snapshot: places the
/// touchpoints, pain points and plans in the stages, aggregates emotion per
/// role, derives opportunities, and finds the moments of truth.
public enum JourneyMapBuilder {
    /// The map of one deal (nil: the deal `chooseDeal` picks; with no deals, a map
    /// of the account's touchpoints without stages). Facts after `asOf` are left
    /// out; `future` adds the stages to come with the open plan items placed in them.
    /// Throws `DomainError` when `dealID` is not a deal of the snapshot's account.
    /// `allOpportunities` keeps every opportunity; otherwise each stage shows the top `Opportunities.shownPerStage`.
    public static func build(snapshot s: AccountSnapshot, dealID: Int64?, asOf: Day, future: Bool, lang: Language,
                             allOpportunities: Bool = false) throws -> JourneyMap {
        let deal: Deal?
        if let dealID {
            guard let d = s.deal(dealID) else { throw DomainError("deal \(dealID) is not a deal of account \"\(s.account.name)\"") }
            deal = d
        } else {
            deal = chooseDeal(in: s, asOf: asOf)
        }
        let pipeline: Pipeline?
        if let deal {
            guard let p = s.pipeline(deal.pipelineKey) else {
                throw DomainError("pipeline \"\(deal.pipelineKey)\" of deal \"\(deal.name)\" is not known")
            }
            pipeline = p
        } else {
            pipeline = nil
        }
        var b = Assembly(snapshot: s, deal: deal, pipeline: pipeline, asOf: asOf, lang: lang)
        return b.map(future: future, allOpportunities: allOpportunities)
    }

    /// The deal a map shows when none is named: the open deal with the latest
    /// activity (touchpoint or stage entry up to `asOf`), else the latest deal.
    public static func chooseDeal(in s: AccountSnapshot, asOf: Day) -> Deal? {
        var activity: [Int64: Day] = [:]
        for tp in s.touchpoints where tp.at.day <= asOf { if let d = tp.dealID { activity[d] = max(activity[d] ?? tp.at.day, tp.at.day) } }
        for v in s.stageHistory where v.entered <= asOf { activity[v.dealID] = max(activity[v.dealID] ?? v.entered, v.entered) }
        func latest(_ deals: [Deal]) -> Deal? {
            deals.max { a, b in
                let da = activity[a.id] ?? a.closedOn ?? Day(ordinal: .min), db = activity[b.id] ?? b.closedOn ?? Day(ordinal: .min)
                return (da, a.id) < (db, b.id)
            }
        }
        return latest(s.deals.filter { status(of: $0, asOf: asOf) == .open }) ?? latest(s.deals)
    }

    /// A deal as a map heads it: its stage and status as of the day, names in the language.
    public static func mapDeal(_ d: Deal, in s: AccountSnapshot, asOf: Day, lang: Language) -> MapDeal {
        let pipeline = s.pipeline(d.pipelineKey)
        let stageKey = s.history(of: d.id).last { $0.entered <= asOf }?.stageKey ?? d.stageKey
        return MapDeal(id: d.id, name: d.name, pipeline: d.pipelineKey, pipelineName: pipeline?.name(lang) ?? d.pipelineKey,
                       stage: stageKey, stageName: pipeline?.stage(stageKey)?.name(lang) ?? stageKey,
                       status: status(of: d, asOf: asOf), method: d.method, amount: d.amount, currency: d.currency)
    }

    /// A deal's status on a day: a deal closed after that day was still open.
    static func status(of deal: Deal, asOf: Day) -> DealStatus {
        if deal.status != .open, let closed = deal.closedOn, closed > asOf { return .open }
        return deal.status
    }
}

/// The working state of one build: lookups made once, so the build stays
/// linear in the number of touchpoints.
private struct Assembly {
    let s: AccountSnapshot
    let deal: Deal?
    let pipeline: Pipeline?
    let asOf: Day
    let lang: Language
    let people: [Int64: Stakeholder]
    /// Roles per stakeholder in the deal, EB first.
    let roles: [Int64: [Role]]
    /// Names holding each role in the deal.
    let rolesHeld: [Role: [String]]
    let visits: [StageVisit]
    /// The day the deal's clock stops: its close (when closed by `asOf`), else `asOf`.
    let end: Day

    init(snapshot s: AccountSnapshot, deal: Deal?, pipeline: Pipeline?, asOf: Day, lang: Language) {
        self.s = s; self.deal = deal; self.pipeline = pipeline; self.asOf = asOf; self.lang = lang
        people = Dictionary(s.stakeholders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var roles: [Int64: Set<Role>] = [:]
        if let deal { for inf in s.influences where inf.dealID == deal.id { roles[inf.stakeholderID, default: []].insert(inf.role) } }
        self.roles = roles.mapValues { $0.sorted() }
        var held: [Role: [String]] = [:]
        for (id, rs) in self.roles.sorted(by: { $0.key < $1.key }) {
            for r in rs { held[r, default: []].append(people[id]?.name ?? "#\(id)") }
        }
        rolesHeld = held
        visits = deal.map { d in s.history(of: d.id).filter { $0.entered <= asOf } } ?? []
        if let deal, JourneyMapBuilder.status(of: deal, asOf: asOf) != .open, let closed = deal.closedOn { end = closed } else { end = asOf }
    }

    /// The stage the deal was in on a day, from its stage history.
    func stage(on day: Day) -> String? { visits.last { $0.entered <= day }?.stageKey }

    func known(_ key: String?) -> String? {
        guard let key, pipeline?.stage(key) != nil else { return nil }
        return key
    }

    mutating func map(future: Bool, allOpportunities: Bool) -> JourneyMap {
        let accountTouchpoints = s.touchpoints.filter { $0.at.day <= asOf }
        let touchpoints = deal.map { d in accountTouchpoints.filter { $0.dealID == d.id } } ?? accountTouchpoints
        let touchpointIDs = Set(touchpoints.map(\.id))

        // Place touchpoints and pain points in stages.
        var tpStage: [Int64: String] = [:]
        var byStage: [String: [Touchpoint]] = [:], unstagedTouchpoints: [Touchpoint] = []
        for tp in touchpoints {
            if let key = known(tp.stageKey) ?? (pipeline == nil ? nil : stage(on: tp.at.day)) {
                tpStage[tp.id] = key; byStage[key, default: []].append(tp)
            } else {
                unstagedTouchpoints.append(tp)
            }
        }
        let pains = s.painPoints.filter { p in
            guard p.raisedOn <= asOf else { return false }
            guard let deal else { return true }
            if let d = p.dealID { return d == deal.id }
            return touchpointIDs.contains(p.touchpointID)
        }.sorted { ($0.raisedOn, $0.id) < ($1.raisedOn, $1.id) }
        var painsByStage: [String: [PainPoint]] = [:], unstagedPains: [PainPoint] = []
        for p in pains {
            if let key = known(p.stageKey) ?? tpStage[p.touchpointID] ?? (pipeline == nil ? nil : stage(on: p.raisedOn)) {
                painsByStage[key, default: []].append(p)
            } else {
                unstagedPains.append(p)
            }
        }

        // Columns: the stages reached, in pipeline order; in the future state also the stages to come.
        let history = deal.map { s.history(of: $0.id) } ?? []
        let currentKey: String? = visits.last?.stageKey ?? (history.isEmpty ? deal?.stageKey : nil)
        var reached = Set(visits.map(\.stageKey)).union(byStage.keys).union(painsByStage.keys)
        if let currentKey { reached.insert(currentKey) }
        let stages = pipeline?.stages.sorted { $0.position < $1.position } ?? []
        var columnStages = stages.filter { reached.contains($0.key) }
        let dealOpen = deal.map { JourneyMapBuilder.status(of: $0, asOf: asOf) == .open } ?? false
        if future && dealOpen {
            let last = columnStages.map(\.position).max() ?? 0
            columnStages += stages.filter { $0.position > last }
        }

        var days: [String: Int] = [:], entered: [String: Day] = [:]
        for (i, v) in visits.enumerated() {
            let next = i + 1 < visits.count ? visits[i + 1].entered : end
            days[v.stageKey, default: 0] += max(0, v.entered.days(to: next))
            if entered[v.stageKey] == nil { entered[v.stageKey] = v.entered }
        }

        // Open plan items (future state) go to their stage, else the current one.
        var plannedByStage: [String: [PlanItemRecord]] = [:], unstagedPlanned: [PlanItemRecord] = []
        if future {
            let keys = Set(columnStages.map(\.key))
            let items = s.planItems.filter { $0.status == .open && $0.dealID == deal?.id }
                .sorted { ($0.due, $0.priority, $0.id) < ($1.due, $1.priority, $1.id) }
            for item in items {
                if let k = item.stageKey, keys.contains(k) { plannedByStage[k, default: []].append(item) }
                else if let k = currentKey, keys.contains(k) { plannedByStage[k, default: []].append(item) }
                else { unstagedPlanned.append(item) }
            }
        }

        var all = columnStages.map { st in
            column(key: st.key, stage: st, reached: reached.contains(st.key), current: st.key == currentKey,
                   entered: entered[st.key], days: days[st.key], touchpoints: byStage[st.key] ?? [],
                   pains: painsByStage[st.key] ?? [], planned: plannedByStage[st.key] ?? [])
        }
        if !unstagedTouchpoints.isEmpty || !unstagedPains.isEmpty || !unstagedPlanned.isEmpty {
            all.append(column(key: nil, stage: nil, reached: true, current: false, entered: nil, days: nil,
                              touchpoints: unstagedTouchpoints, pains: unstagedPains, planned: unstagedPlanned))
        }
        // The metrics lane: each survey in the stage its deal was in that day; the rest in the unstaged column.
        let surveys = s.surveys.filter { $0.on <= asOf && (deal == nil || $0.dealID == deal?.id) }
        let columnKeys = Set(all.compactMap(\.key))
        for i in all.indices {
            let key = all[i].key
            let here = surveys.filter { v in key.map { v.stageKey == $0 } ?? !columnKeys.contains(v.stageKey ?? "") }
            all[i].metrics.experience = ExperienceScores(surveys: here, targets: s.metricTargets, pipeline: deal?.pipelineKey)
        }
        let unanswered = Opportunities.unansweredNegatives(in: accountTouchpoints)
        var found = 0
        for i in all.indices {
            let list = Opportunities.find(in: all[i], rolesHeld: rolesHeld, unanswered: unanswered)
            found += list.count
            let shown = allOpportunities ? list.count : min(list.count, Opportunities.shownPerStage)
            all[i].opportunities = Array(list.prefix(shown))
            all[i].moreOpportunities = list.count - shown
        }
        let moments = MomentsOfTruth.find(in: all)
        // The unstaged column has no key, and neither have its moments.
        for i in all.indices { all[i].momentOfTruth = moments.contains { $0.stageKey == all[i].key } }
        placePeople(&all, moments: moments)

        var summary = MapSummary(
            touchpoints: touchpoints.count,
            stakeholders: Set(touchpoints.flatMap { $0.participants.map(\.stakeholderID) }).count,
            emotion: emotions(of: touchpoints),
            openPainPoints: pains.filter { $0.status == .open }.count,
            opportunities: found,
            days: visits.first.map { max(0, $0.entered.days(to: end)) })
        summary.experience = ExperienceScores(surveys: surveys, targets: s.metricTargets, pipeline: deal?.pipelineKey)

        return JourneyMap(account: MapAccount(s.account), deal: deal.map { JourneyMapBuilder.mapDeal($0, in: s, asOf: asOf, lang: lang) }, asOf: asOf,
                          state: future ? .future : .current, language: lang, stages: all.filter { $0.key != nil },
                          unstaged: all.first { $0.key == nil },
                          momentsOfTruth: moments, decisionChain: decisionChain(touchpoints), summary: summary)
    }


    func name(_ id: Int64) -> String { people[id]?.name ?? "#\(id)" }

    /// Each role holder's emotion per reached stage, in pipeline order: their lowest known
    /// emotion there, else their last known one carried forward (marked carried).
    func placePeople(_ columns: inout [JourneyStage], moments: [MomentOfTruth]) {
        let holders = roles.keys.sorted { (roles[$0]?.first?.rank ?? 9, name($0), $0) < (roles[$1]?.first?.rank ?? 9, name($1), $1) }
        var last: [Int64: Emotion] = [:]
        for i in columns.indices where columns[i].key != nil && columns[i].reached {
            var lowest: [Int64: Emotion] = [:]
            for tp in columns[i].touchpoints {
                for p in tp.participants {
                    guard let e = p.emotion, roles[p.stakeholderID] != nil else { continue }
                    if lowest[p.stakeholderID].map({ e.value < $0.value }) ?? true { lowest[p.stakeholderID] = e }
                }
            }
            columns[i].people = holders.compactMap { id in
                let mot = moments.contains { $0.stageKey == columns[i].key && $0.stakeholderID == id }
                if let e = lowest[id] {
                    last[id] = columns[i].touchpoints.last { tp in tp.participants.contains { $0.stakeholderID == id && $0.emotion != nil } }
                        .flatMap { tp in tp.participants.first { $0.stakeholderID == id }?.emotion } ?? e
                    return PersonEmotion(stakeholderID: id, name: name(id), roles: roles[id] ?? [], emotion: e, carried: false, momentOfTruth: mot)
                }
                return last[id].map { PersonEmotion(stakeholderID: id, name: name(id), roles: roles[id] ?? [], emotion: $0, carried: true) }
            }
        }
    }

    func person(_ p: Participant) -> MapPerson {
        MapPerson(stakeholderID: p.stakeholderID, name: name(p.stakeholderID), roles: roles[p.stakeholderID] ?? [],
                  emotion: p.emotion, emotionLabel: p.emotionLabel, quote: p.quote)
    }

    /// Mean emotion per role (a person holding two roles counts in both) and over everyone.
    func emotions(of touchpoints: [Touchpoint]) -> RoleEmotions {
        var all: [Emotion?] = [], byRole: [Role: [Emotion?]] = [:]
        for tp in touchpoints {
            for p in tp.participants where p.emotion != nil {
                all.append(p.emotion)
                for r in roles[p.stakeholderID] ?? [] { byRole[r, default: []].append(p.emotion) }
            }
        }
        var out = RoleEmotions(all: rounded2(meanEmotion(all)))
        for r in Role.allCases { out[r] = rounded2(byRole[r].flatMap(meanEmotion)) }
        return out
    }

    func column(key: String?, stage: Stage?, reached: Bool, current: Bool, entered: Day?, days: Int?,
                touchpoints: [Touchpoint], pains: [PainPoint], planned: [PlanItemRecord]) -> JourneyStage {
        var actions: [StakeholderAction] = []
        for tp in touchpoints {
            for p in tp.participants {
                var did = tp.direction == .inbound ? tp.summary.flatMap { $0.isEmpty ? nil : $0 } : nil
                // An observed day (dchain observe): point to the day-in-the-life map.
                if let o = s.observations.first(where: { $0.touchpointID == tp.id && $0.stakeholderID == p.stakeholderID }) {
                    let who = name(p.stakeholderID)
                    func arg(_ x: String) -> String { x.contains(" ") ? "\"\(x)\"" : x }
                    did = (lang == .zh ? "见\(who)的一天" : "see the day of \(who)") + ": dchain day \(arg(s.account.name)) --who \(arg(who)) --on \(o.on)"
                }
                let said = p.quote.flatMap { $0.isEmpty ? nil : $0 }
                guard did != nil || said != nil else { continue }
                actions.append(StakeholderAction(touchpointID: tp.id, at: tp.at, stakeholderID: p.stakeholderID,
                                                 name: name(p.stakeholderID), roles: roles[p.stakeholderID] ?? [], did: did, said: said))
            }
        }
        let painPoints = pains.map { p in
            MapPainPoint(id: p.id, kind: p.kind, text: p.text, severity: p.severity, status: p.status, stakeholderID: p.stakeholderID,
                         stakeholder: p.stakeholderID.map(name), touchpointID: p.touchpointID, raisedOn: p.raisedOn,
                         response: p.response.flatMap { $0.isEmpty ? nil : $0 })
        }
        // Responses in time order: to the pain points raised at each touchpoint, then the touchpoint's own
        // reply unless it only repeats one of those; last, responses to pain points placed here without their touchpoint.
        var responses: [MapResponse] = []
        var answered = Set<Int64>()
        func respond(_ p: MapPainPoint) {
            guard let text = p.response, answered.insert(p.id).inserted else { return }
            responses.append(MapResponse(painPointID: p.id, touchpointID: p.touchpointID, text: text, to: p.text, status: p.status))
        }
        for tp in touchpoints {
            let raised = painPoints.filter { $0.touchpointID == tp.id }
            raised.forEach(respond)
            if let text = tp.response, !text.isEmpty, !raised.contains(where: { $0.response == text }) {
                responses.append(MapResponse(painPointID: nil, touchpointID: tp.id, text: text, to: nil, status: nil))
            }
        }
        painPoints.forEach(respond)
        let met = Set(touchpoints.flatMap { $0.participants.map(\.stakeholderID) })
        let covered = Set(met.flatMap { roles[$0] ?? [] }).sorted()
        let held = rolesHeld.keys.sorted()
        let metrics = StageMetrics(
            touchpoints: touchpoints.count, stakeholders: met.count, rolesCovered: covered,
            rolesMissing: reached && key != nil ? held.filter { !covered.contains($0) } : [],
            coverage: held.isEmpty || !reached ? nil : rounded2(Double(covered.count) / Double(held.count)),
            days: days, expectedDays: stage?.expectedDays)
        return JourneyStage(
            key: key, name: stage?.name(lang) ?? "", phase: stage?.phase, position: stage?.position, reached: reached,
            current: current, entered: entered, days: days, expectedDays: stage?.expectedDays,
            touchpoints: touchpoints.map { tp in
                MapTouchpoint(id: tp.id, at: tp.at, channel: tp.channel, direction: tp.direction, summary: tp.summary,
                              loggedBy: tp.loggedBy, participants: tp.participants.map(person))
            },
            actions: actions, emotion: emotions(of: touchpoints), painPoints: painPoints, responses: responses,
            planned: planned.map { item in
                PlannedAction(id: item.id, due: item.due, action: item.action, role: item.role, stakeholderID: item.stakeholderID,
                              stakeholder: item.stakeholderID.map(name), channel: item.channel, theme: item.theme,
                              priority: item.priority, why: item.why, rule: item.rule)
            },
            metrics: metrics, quiet: stage?.quiet ?? false)
    }

    /// The deal's stakeholders (every stakeholder when there is no deal) and the
    /// people they report to, as a tree in pre-order: EB first among siblings.
    func decisionChain(_ touchpoints: [Touchpoint]) -> [ChainMember] {
        var members = deal == nil ? Set(people.keys) : Set(roles.keys)
        for id in Array(members) {
            var seen: Set<Int64> = [id], boss = people[id]?.reportsToID
            while let b = boss, !seen.contains(b), let p = people[b] {
                members.insert(b); seen.insert(b); boss = p.reportsToID
            }
        }
        var latest: [Int64: (Emotion, String?, Day)] = [:]
        for tp in touchpoints { for p in tp.participants { if let e = p.emotion { latest[p.stakeholderID] = (e, p.emotionLabel, tp.at.day) } } }

        func parent(_ id: Int64) -> Int64? { people[id]?.reportsToID.flatMap { members.contains($0) && $0 != id ? $0 : nil } }
        func order(_ a: Int64, _ b: Int64) -> Bool {
            ((roles[a]?.first?.rank ?? Role.allCases.count), name(a), a) < ((roles[b]?.first?.rank ?? Role.allCases.count), name(b), b)
        }
        var children: [Int64: [Int64]] = [:], roots: [Int64] = []
        for id in members { if let p = parent(id) { children[p, default: []].append(id) } else { roots.append(id) } }

        var out: [ChainMember] = [], visited: Set<Int64> = []
        func visit(_ id: Int64, depth: Int) {
            guard visited.insert(id).inserted, let st = people[id] else { return }
            let rs = roles[id] ?? []
            let inf = deal.flatMap { d in s.influences.filter { $0.dealID == d.id && $0.stakeholderID == id }.min { $0.role < $1.role } }
            out.append(ChainMember(stakeholderID: id, name: st.name, title: st.title, unit: st.unitName, level: st.level,
                                   reportsTo: parent(id), depth: depth, roles: rs, influence: inf?.influence, stance: inf?.stance,
                                   mode: inf?.mode, rating: inf?.rating, latestEmotion: latest[id]?.0,
                                   latestEmotionLabel: latest[id]?.1, latestEmotionOn: latest[id]?.2))
            for c in (children[id] ?? []).sorted(by: order) { visit(c, depth: depth + 1) }
        }
        for r in roots.sorted(by: order) { visit(r, depth: 0) }
        // A reports-to cycle leaves members unreached: show them as roots.
        for id in members.sorted(by: order) where !visited.contains(id) { visit(id, depth: 0) }
        return out
    }
}
