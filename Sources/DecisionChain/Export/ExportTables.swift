/// An exported account as the rows of the table files `dchain import` reads
/// (CSV files, XLSX sheets): one table per `RecordType`, with exactly the
/// columns of `RecordColumns`, references by name as a person types them.
/// What a table cannot hold (ids, history, pain points, plan items, quotes)
/// only the JSON export keeps.
public enum ExportTables {
    /// The rows of each record type for one account, cells in the order of
    /// `RecordColumns.columns(type)`. `localTime` turns a stored instant
    /// (`…Z`) into the wall-clock `YYYY-MM-DD HH:MM` import reads.
    public static func rows(_ a: ExportedAccount, localTime: (String) -> String) -> [RecordType: [[String]]] {
        let account = a.account["name"] ?? ""
        func list(_ key: String) -> [ExportRow] { a.rows[key] ?? [] }
        func names(_ key: String) -> [String: String] {
            Dictionary(list(key).compactMap { r in r["id"].map { ($0, r["name"] ?? "") } }, uniquingKeysWith: { first, _ in first })
        }
        let units = names("units"), people = names("stakeholders"), deals = names("deals")
        func table(_ type: RecordType, _ rows: [ExportRow], _ value: (ExportRow, String) -> String?) -> [[String]] {
            rows.map { r in RecordColumns.columns(type).map { value(r, $0.key) ?? "" } }
        }
        var out: [RecordType: [[String]]] = [:]
        out[.accounts] = table(.accounts, [a.account]) { r, k in r[k] }
        out[.units] = table(.units, list("units")) { r, k in
            switch k {
            case "account": account
            case "parent": r["parent_id"].flatMap { units[$0] }
            default: r[k]
            }
        }
        out[.stakeholders] = table(.stakeholders, list("stakeholders")) { r, k in
            switch k {
            case "account": account
            case "unit": r["unit_id"].flatMap { units[$0] }
            case "reports_to": r["reports_to"].flatMap { people[$0] }
            case "channel": r["preferred_channel"]
            default: r[k]
            }
        }
        let history = list("deal_stage_history")
        out[.deals] = table(.deals, list("deals")) { r, k in
            switch k {
            case "account": account
            case "entered":
                // The day the deal entered its current stage: its latest entry for that stage.
                history.filter { $0["deal_id"] == r["id"] && $0["stage"] == r["stage"] }.compactMap { $0["entered_on"] }.max()
            default: r[k]
            }
        }
        out[.roles] = table(.roles, list("buying_influences").filter { $0["valid_to"] == nil }) { r, k in
            switch k {
            case "account": account
            case "deal": r["deal_id"].flatMap { deals[$0] }
            case "stakeholder": r["stakeholder_id"].flatMap { people[$0] }
            case "since": r["valid_from"]
            default: r[k]
            }
        }
        var participants: [String: [String]] = [:]
        for p in list("participants") {
            guard let t = p["touchpoint_id"], let who = p["stakeholder_id"].flatMap({ people[$0] }) else { continue }
            var cell = who
            if p["emotion"] != nil || p["emotion_label"] != nil { cell += ":" + (p["emotion"] ?? "") }
            if let label = p["emotion_label"] { cell += ":" + label }
            participants[t, default: []].append(cell)
        }
        out[.touchpoints] = table(.touchpoints, list("touchpoints")) { r, k in
            switch k {
            case "account": account
            case "deal": r["deal_id"].flatMap { deals[$0] }
            case "at": r["at"].map(localTime)
            case "participants": r["id"].flatMap { participants[$0] }?.joined(separator: "; ")
            default: r[k]
            }
        }
        return out
    }
}
