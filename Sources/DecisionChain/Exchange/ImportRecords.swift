import Foundation

/// The records of a table file, as typed values still naming accounts,
/// people and deals by the text of the file (the store resolves them).
/// Parsing uses the domain's own vocabularies and parsers (Chinese keys,
/// 万/亿 amounts, `log --with` participants); every bad cell of a row is
/// reported, not only the first.
public enum ImportRecords {
    /// An account row.
    public struct AccountRecord: Equatable, Sendable {
        public var name: String
        public var code: String?
        public var kind: AccountKind?
        public var region, industry, parent, owner, team: String?
    }

    /// A unit (department) row.
    public struct UnitRecord: Equatable, Sendable {
        public var account: String
        public var name: String
        public var parent: String?
    }

    /// A stakeholder row.
    public struct StakeholderRecord: Equatable, Sendable {
        public var account: String
        public var name: String
        public var title, unit: String?
        public var level: Level?
        public var reportsTo, email, phone, wechat: String?
        public var channel: Channel?
    }

    /// A deal row.
    public struct DealRecord: Equatable, Sendable {
        public var account: String
        public var name: String
        public var pipeline, stage: String?
        public var entered: Day?
        public var status: DealStatus?
        public var closedOn: Day?
        public var closeReason: String?
        public var method: ProcurementMethod?
        public var amount: Double?
        public var currency: String?
        public var closeBy: Day?
        public var owner: String?
    }

    /// A buying-influence (role) row.
    public struct RoleRecord: Equatable, Sendable {
        public var account: String
        public var deal: String
        public var stakeholder: String
        public var role: Role
        public var influence: Influence?
        public var stance: Stance?
        public var mode: ResponseMode?
        public var rating: Int?
        public var personalWin: String?
        public var since: Day?
    }

    /// A touchpoint row. `at` is as written: with an offset it still has to
    /// be converted to the team's time zone (the caller knows the zone).
    public struct TouchpointRecord: Equatable, Sendable {
        public var account: String
        public var deal: String?
        public var at: LocalTime.Typed
        public var channel: Channel
        public var direction: Direction
        public var summary, response: String?
        public var participants: [TouchpointSpec.ParticipantSpec]
        public var externalID: String?
    }

    /// Reads the cells of one row, collecting an issue per bad cell.
    struct Cells {
        let row: RecordRow
        var issues: [RecordIssue] = []

        mutating func fail(_ key: String, _ problem: String) { issues.append(row.issue(key, problem)) }

        /// A required cell: an issue when blank.
        mutating func required(_ key: String, what: String) -> String? {
            guard let v = row.values[key] else {
                issues.append(RecordIssue(row: row.number, column: row.header(key), problem: "is empty; every row needs \(what)"))
                return nil
            }
            return v
        }

        /// A name (account, person, unit, deal): `Names.normalize`.
        mutating func name(_ key: String) -> String? {
            guard let v = row.values[key] else { return nil }
            do { return try Names.normalize(v as String, field: key) as String } catch let e as InputError { fail(key, e.problem); return nil } catch { return nil }
        }

        mutating func requiredName(_ key: String, what: String) -> String? {
            guard required(key, what: what) != nil else { return nil }
            return name(key)
        }

        /// Free text (summaries, titles): newlines kept, control characters refused.
        mutating func text(_ key: String) -> String? {
            guard let v = row.values[key] else { return nil }
            do { return try Names.freeText(v, field: key) } catch let e as InputError { fail(key, e.problem); return nil } catch { return nil }
        }

        /// A key of a closed vocabulary, English or Chinese.
        mutating func choice<V: Vocabulary>(_ key: String, _ type: V.Type) -> V? {
            guard let v = row.values[key] else { return nil }
            if let value = V(typed: v) { return value }
            fail(key, "is not one of " + V.choices)
            return nil
        }

        mutating func day(_ key: String) -> Day? {
            guard let v = row.values[key] else { return nil }
            guard let t = ImportRecords.dateTime(v), t.offsetMinutes == nil else {
                fail(key, "is not a date (YYYY-MM-DD, 2026/3/5 or 2026年3月5日)"); return nil
            }
            guard t.time.day.isInInputRange else { fail(key, "is outside the years \(Day.inputYears.lowerBound)–\(Day.inputYears.upperBound)"); return nil }
            return t.time.day
        }

        mutating func amount(_ key: String) -> Double? {
            guard let v = row.values[key] else { return nil }
            do { return try Amount.parse(v, field: key) } catch let e as InputError { fail(key, e.problem); return nil } catch { return nil }
        }
    }

    /// A date or date-time as spreadsheets write it: `2026-03-05`,
    /// `2026-03-05 14:30`, ISO 8601 with an offset, `2026/3/5 14:30`,
    /// `2026年3月5日`, or an Excel serial day number (`46086`, `46086.5`).
    public static func dateTime(_ text: String) -> LocalTime.Typed? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let typed = LocalTime.typed(t) { return typed }
        // Excel's serial days (1900 date system): day 25569 is 1970-01-01.
        if let serial = Double(t), serial >= 1, serial < 2_958_466, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            let whole = Int(serial.rounded(.down))
            let minutes = Int(((serial - Double(whole)) * 1440).rounded())
            return LocalTime.Typed(time: LocalTime(day: Day(ordinal: whole - 25569), minuteOfDay: min(minutes, 1439)), offsetMinutes: nil)
        }
        // 2026/3/5, 2026.3.5, 2026年3月5日 — with an optional H:MM[:SS].
        var parts = t.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        var date = parts.removeFirst()
        if date.hasSuffix("日") { date.removeLast() }
        let fields = date.split(whereSeparator: { "/.年月-".contains($0) }).map(String.init)
        guard fields.count == 3, fields[0].count == 4, fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2]), let day = Day(year: y, month: m, day: d) else { return nil }
        var minute = 0
        if let time = parts.first {
            let hm = time.split(separator: ":").map(String.init)
            guard (2...3).contains(hm.count), let h = Int(hm[0]), let mi = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(mi) else { return nil }
            minute = h * 60 + mi
        }
        return LocalTime.Typed(time: LocalTime(day: day, minuteOfDay: minute), offsetMinutes: nil)
    }

    /// Parses an account row.
    public static func account(_ row: RecordRow) -> Result<AccountRecord, RecordIssues> {
        var c = Cells(row: row)
        let name = c.requiredName("name", what: "the account's name")
        let r = AccountRecord(name: name ?? "", code: c.name("code"), kind: c.choice("kind", AccountKind.self), region: c.name("region"),
                              industry: c.name("industry"), parent: c.name("parent"), owner: c.row.values["owner"], team: c.name("team"))
        return c.issues.isEmpty ? .success(r) : .failure(RecordIssues(c.issues))
    }

    /// Parses a unit row.
    public static func unit(_ row: RecordRow) -> Result<UnitRecord, RecordIssues> {
        var c = Cells(row: row)
        let r = UnitRecord(account: c.requiredName("account", what: "the account") ?? "", name: c.requiredName("name", what: "the unit's name") ?? "",
                           parent: c.name("parent"))
        if r.parent != nil, r.parent == r.name { c.fail("parent", "is the unit itself") }
        return c.issues.isEmpty ? .success(r) : .failure(RecordIssues(c.issues))
    }

    /// Parses a stakeholder row.
    public static func stakeholder(_ row: RecordRow) -> Result<StakeholderRecord, RecordIssues> {
        var c = Cells(row: row)
        let r = StakeholderRecord(account: c.requiredName("account", what: "the account") ?? "",
                                  name: c.requiredName("name", what: "the person's name") ?? "",
                                  title: c.text("title"), unit: c.name("unit"), level: c.choice("level", Level.self),
                                  reportsTo: c.name("reports_to"), email: c.text("email"), phone: c.text("phone"), wechat: c.text("wechat"),
                                  channel: c.choice("channel", Channel.self))
        if r.reportsTo != nil, r.reportsTo == r.name { c.fail("reports_to", "is the person themselves") }
        return c.issues.isEmpty ? .success(r) : .failure(RecordIssues(c.issues))
    }

    /// Parses a deal row.
    public static func deal(_ row: RecordRow) -> Result<DealRecord, RecordIssues> {
        var c = Cells(row: row)
        var currency: String?
        if let typed = c.row.values["currency"] {
            let code = typed.uppercased()
            if code.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil { currency = code } else { c.fail("currency", "is not a three-letter currency code") }
        }
        let r = DealRecord(account: c.requiredName("account", what: "the account") ?? "", name: c.requiredName("name", what: "the deal's name") ?? "",
                           pipeline: c.row.values["pipeline"], stage: c.row.values["stage"], entered: c.day("entered"),
                           status: c.choice("status", DealStatus.self), closedOn: c.day("closed_on"), closeReason: c.text("close_reason"),
                           method: c.choice("method", ProcurementMethod.self), amount: c.amount("amount"), currency: currency,
                           closeBy: c.day("close_by"), owner: c.row.values["owner"])
        if r.closedOn != nil, r.status == nil || r.status == .open { c.fail("closed_on", "is set but the status is not won, lost or dropped") }
        return c.issues.isEmpty ? .success(r) : .failure(RecordIssues(c.issues))
    }

    /// Parses a role row.
    public static func role(_ row: RecordRow) -> Result<RoleRecord, RecordIssues> {
        var c = Cells(row: row)
        let account = c.requiredName("account", what: "the account"), deal = c.requiredName("deal", what: "the deal")
        let person = c.requiredName("stakeholder", what: "the person")
        let role: Role? = c.required("role", what: "the role (EB, TB, UB, Coach)") != nil ? c.choice("role", Role.self) : nil
        var rating: Int?
        if let typed = c.row.values["rating"] {
            if let n = Int(typed.hasPrefix("+") ? String(typed.dropFirst()) : typed), BuyingInfluence.ratingRange.contains(n) { rating = n }
            else { c.fail("rating", "is not a whole number in -5...5") }
        }
        let r = RoleRecord(account: account ?? "", deal: deal ?? "", stakeholder: person ?? "", role: role ?? .ub,
                           influence: c.choice("influence", Influence.self), stance: c.choice("stance", Stance.self),
                           mode: c.choice("mode", ResponseMode.self), rating: rating, personalWin: c.text("personal_win"), since: c.day("since"))
        return c.issues.isEmpty ? .success(r) : .failure(RecordIssues(c.issues))
    }

    /// Parses a touchpoint row; `participants` as `log --with` takes them, separated by `;`.
    public static func touchpoint(_ row: RecordRow) -> Result<TouchpointRecord, RecordIssues> {
        var c = Cells(row: row)
        let account = c.requiredName("account", what: "the account")
        var at: LocalTime.Typed?
        if let typed = c.required("at", what: "the time of the touchpoint") {
            if let t = dateTime(typed) {
                if t.time.day.isInInputRange { at = t } else { c.fail("at", "is outside the years \(Day.inputYears.lowerBound)–\(Day.inputYears.upperBound)") }
            } else {
                c.fail("at", "is not a date-time (YYYY-MM-DD, YYYY-MM-DD HH:MM, 2026/3/5 14:30 or ISO 8601 like 2026-03-31T23:30:00+08:00)")
            }
        }
        let channel: Channel? = c.required("channel", what: "the channel") != nil ? c.choice("channel", Channel.self) : nil
        var specs: [TouchpointSpec.ParticipantSpec] = []
        if let typed = c.required("participants", what: "at least one participant (NAME[:EMOTION[:LABEL]]; …)") {
            for piece in typed.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "\n" }) where !piece.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    let spec = try TouchpointSpec.participant(String(piece))
                    if specs.contains(where: { $0.name == spec.name }) { c.fail("participants", "names \(spec.name) twice") } else { specs.append(spec) }
                } catch let e as InputError {
                    c.fail("participants", "\(e.field) \"\(e.value)\" \(e.problem)")
                } catch {}
            }
            if specs.isEmpty && c.issues.isEmpty { c.fail("participants", "names nobody; write NAME[:EMOTION[:LABEL]], separated by ;") }
        }
        let r = TouchpointRecord(account: account ?? "", deal: c.name("deal"), at: at ?? LocalTime.Typed(time: LocalTime(day: Day(ordinal: 0)), offsetMinutes: nil),
                                 channel: channel ?? .other, direction: c.choice("direction", Direction.self) ?? .outbound,
                                 summary: c.text("summary"), response: c.text("response"), participants: specs, externalID: c.name("external_id"))
        return c.issues.isEmpty ? .success(r) : .failure(RecordIssues(c.issues))
    }
}
