import DecisionChain
import Postgres

extension RecordImporter {
    /// Touchpoints with their participants (in `log --with` form), streamed:
    /// `next` hands over the checked rows a chunk at a time, so memory stays
    /// flat whatever the file's size. Per chunk the references are resolved
    /// (from caches: a query per account, not per row), the rows matched —
    /// by `external_id` when the row has one, else by account + deal + time
    /// + channel + summary — and the new ones written by `TouchpointWriter`'s
    /// batch (COPY), the path of every other touchpoint writer. A matched row
    /// whose participants, emotions, direction or response differ goes through
    /// `touchpoint edit` (audited like it). Once any row is bad (here or in
    /// `failing`), the rest are still checked but nothing more is written.
    public func touchpoints(chunks next: () throws -> Rows<ImportRecords.TouchpointRecord>?, failing: () -> Bool,
                            localTime: (LocalTime.Typed) -> LocalTime) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], counts = Counts()
        let writer = TouchpointWriter(db), store = TouchpointStore(db)
        // Accounts that had no touchpoint when the import reached them: their rows cannot match a
        // stored one (the file's own rows are distinct, checked as they are read), so they skip the
        // match queries — a fresh account's import costs the writes alone.
        var seen = Set<Int64>(), untouched = Set<Int64>()
        while let chunk = try next() {
            var ready: [(row: RecordRow, draft: TouchpointDraft)] = []
            for (r, t) in chunk {
                do {
                    let a = try account(t.account, column: "account")
                    var dealID: Int64?
                    if let name = t.deal {
                        if let known = try deals(a.id)[name] { dealID = known.id } else {
                            do { dealID = try resolver.deal(name, accountID: a.id).id } catch { throw missing("deal", name, error) }
                        }
                    }
                    let participants = try t.participants.map { p in
                        Participant(stakeholderID: try person(p.name, accountID: a.id, column: "participants").id, emotion: p.emotion, emotionLabel: p.label)
                    }
                    ready.append((r, TouchpointDraft(accountID: a.id, dealID: dealID, at: localTime(t.at), channel: t.channel, direction: t.direction,
                                                     summary: t.summary, response: t.response, participants: participants,
                                                     loggedBy: db.actor, externalID: t.externalID)))
                } catch {
                    issues.append(issue(r, column: nil, error))
                }
            }
            if !issues.isEmpty || failing() { continue }
            let arriving = Set(ready.map(\.draft.accountID)).subtracting(seen)
            if !arriving.isEmpty {
                seen.formUnion(arriving)
                untouched.formUnion(try db.connection.query("""
                    SELECT a FROM unnest($1::bigint[]) AS a WHERE NOT EXISTS (SELECT 1 FROM touchpoint t WHERE t.account_id = a)
                    """, [PostgresArray(arriving.map(String.init))]).map { try $0.decode("a", as: Int64.self) })
            }
            let candidates = ready.indices.filter { !untouched.contains(ready[$0].draft.accountID) }
            var stored: [Int: StoredTouchpoint] = [:]
            if !candidates.isEmpty {
                for (i, match) in try matches(candidates.map { ready[$0].draft }) { stored[candidates[i]] = match }
            }
            var fresh: [TouchpointDraft] = []
            for (i, (r, d)) in ready.enumerated() {
                guard let s = stored[i] else { fresh.append(d); continue }
                if s.fingerprint == Self.fingerprint(d) { counts.unchanged += 1; continue }
                let outcome = row(r, &issues) {
                    guard s.dealID == d.dealID else {
                        throw RowIssue(column: "deal", problem: "differs from the deal of the touchpoint with external_id \(d.externalID ?? "") (#\(s.id)); import does not move a touchpoint to another deal")
                    }
                    let keep = Set(d.participants.map(\.stakeholderID))
                    _ = try store.edit(s.id, .init(at: d.at, channel: d.channel, direction: d.direction, summary: d.summary, response: d.response,
                                                   participants: d.participants, removed: s.participants.filter { !keep.contains($0) }))
                    return .changed
                }
                if let outcome { counts.count(outcome) }
            }
            if !fresh.isEmpty && issues.isEmpty { counts.added += try writer.write(batch: fresh).touchpoints }
        }
        return (counts, issues)
    }

    /// A stored touchpoint as a matched row compares it.
    struct StoredTouchpoint {
        var id: Int64
        var dealID: Int64?
        var participants: [Int64]
        var fingerprint: String
    }

    /// What an import row can change of a touchpoint, as one string.
    static func fingerprint(_ d: TouchpointDraft) -> String {
        let people = d.participants.sorted { $0.stakeholderID < $1.stakeholderID }
            .map { "\($0.stakeholderID):\($0.emotion.map { String($0.value) } ?? ""):\($0.emotionLabel ?? "")" }.joined(separator: ";")
        return [d.dealID.map(String.init) ?? "", d.at.description, d.channel.rawValue, d.direction.rawValue, d.summary ?? "\u{0}",
                d.response ?? "\u{0}", people].joined(separator: "\u{1F}")
    }

    /// The stored touchpoints the drafts match, by the draft's index: by
    /// external id when the draft has one, else by account, deal, time,
    /// channel and summary. Two queries for the whole chunk.
    func matches(_ drafts: [TouchpointDraft]) throws -> [Int: StoredTouchpoint] {
        let columns = """
            t.id, t.deal_id, to_char(t.at, 'YYYY-MM-DD HH24:MI') AS at_local, t.channel, t.direction, t.summary, t.response,
            (SELECT string_agg(p.stakeholder_id || ':' || coalesce(p.emotion::text, '') || ':' || coalesce(p.emotion_label, ''), ';' ORDER BY p.stakeholder_id)
             FROM participant p WHERE p.account_id = t.account_id AND p.touchpoint_id = t.id) AS people
            """
        var found: [Int: StoredTouchpoint] = [:]
        let byID = drafts.indices.filter { drafts[$0].externalID != nil }, byContent = drafts.indices.filter { drafts[$0].externalID == nil }
        func record(_ row: Row) throws {
            let people: String = try row.decodeIfPresent("people") ?? ""
            let summary: String? = try row.decodeIfPresent("summary"), response: String? = try row.decodeIfPresent("response")
            let dealID: Int64? = try row.decodeIfPresent("deal_id")
            let fingerprint = [dealID.map(String.init) ?? "", try row.decode("at_local", as: String.self), try row.decode("channel", as: String.self),
                               try row.decode("direction", as: String.self), summary ?? "\u{0}", response ?? "\u{0}", people].joined(separator: "\u{1F}")
            found[try row.decode("i", as: Int.self)] = StoredTouchpoint(
                id: try row.decode("id"), dealID: dealID,
                participants: people.split(separator: ";").compactMap { Int64($0.split(separator: ":", omittingEmptySubsequences: false)[0]) },
                fingerprint: fingerprint)
        }
        if !byID.isEmpty {
            for row in try db.connection.query("""
                SELECT k.i, \(columns) FROM unnest($1::bigint[], $2::text[], $3::int[]) AS k(account_id, external_id, i)
                JOIN touchpoint t ON t.account_id = k.account_id AND t.external_id = k.external_id
                """, [PostgresArray(byID.map { String(drafts[$0].accountID) }), PostgresArray(byID.map { drafts[$0].externalID }),
                      PostgresArray(byID.map { String($0) })]) { try record(row) }
        }
        if !byContent.isEmpty {
            for row in try db.connection.query("""
                SELECT k.i, \(columns) FROM unnest($1::bigint[], $2::bigint[], $3::timestamp[], $4::text[], $5::text[], $6::int[])
                    AS k(account_id, deal_id, at, channel, summary, i)
                JOIN LATERAL (SELECT * FROM touchpoint t WHERE t.account_id = k.account_id AND t.at = k.at AND t.channel = k.channel
                              AND t.deal_id IS NOT DISTINCT FROM k.deal_id AND t.summary IS NOT DISTINCT FROM k.summary
                              ORDER BY t.id LIMIT 1) t ON true
                """, [PostgresArray(byContent.map { String(drafts[$0].accountID) }), PostgresArray(byContent.map { drafts[$0].dealID.map(String.init) }),
                      PostgresArray(byContent.map { drafts[$0].at.description }), PostgresArray(byContent.map { drafts[$0].channel.rawValue }),
                      PostgresArray(byContent.map { drafts[$0].summary }), PostgresArray(byContent.map { String($0) })]) { try record(row) }
        }
        return found
    }
}
