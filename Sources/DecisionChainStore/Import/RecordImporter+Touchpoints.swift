import DecisionChain
import Postgres

extension RecordImporter {
    /// Touchpoints with their participants (in `log --with` form), matched by
    /// account + deal + time + channel + summary: a row that is already there
    /// is left alone. Written through `TouchpointStore.log`, the path of `dchain log`.
    public func touchpoints(_ rows: Rows<ImportRecords.TouchpointRecord>, localTime: (LocalTime.Typed) -> LocalTime) throws -> (Counts, [RecordIssue]) {
        var issues: [RecordIssue] = [], outcomes: [Int: Outcome] = [:]
        let store = TouchpointStore(db)
        for (r, t) in rows {
            outcomes[r.number] = row(r, &issues) {
                let a = try account(t.account, column: "account")
                var deal: Deal?
                if let name = t.deal {
                    if let known = try deals(a.id)[name] { deal = known } else {
                        do { deal = try resolver.deal(name, accountID: a.id) } catch { throw missing("deal", name, error) }
                    }
                }
                let participants = try t.participants.map { p in
                    Participant(stakeholderID: try person(p.name, accountID: a.id, column: "participants").id, emotion: p.emotion, emotionLabel: p.label)
                }
                let at = localTime(t.at)
                if try db.connection.queryRow("""
                    SELECT 1 AS x FROM touchpoint WHERE account_id = $1 AND deal_id IS NOT DISTINCT FROM $2 AND at = $3::timestamp
                      AND channel = $4 AND summary IS NOT DISTINCT FROM $5 LIMIT 1
                    """, [a.id, deal?.id, at, t.channel.rawValue, t.summary]) != nil {
                    return .unchanged
                }
                _ = try store.log(.init(accountID: a.id, dealID: deal?.id, at: at, channel: t.channel, direction: t.direction, summary: t.summary,
                                        response: t.response, participants: participants, raised: []))
                return .added
            }
        }
        return (Self.tally(outcomes), issues)
    }
}
