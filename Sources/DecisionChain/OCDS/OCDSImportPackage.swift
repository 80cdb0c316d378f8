import Foundation

/// A release package or record package from a procurement portal, read for
/// `import ocds`: the releases of each contracting process (ocid), oldest
/// first, each with what it means for the deal (`Event`). Bad input is one
/// `InputError` whose field is the JSON path (`releases[2].date`).
public struct OCDSImportPackage: Sendable {
    /// The contracting processes in the order their ocids first appear.
    public var processes: [Process]

    /// One contracting process: what creating or matching its deal needs, and its releases.
    public struct Process: Sendable {
        public var ocid: String
        /// The path of its first release (for messages).
        public var path: String
        /// The buyer's name (the latest release that names one), with its path.
        public var buyerName: String?
        public var buyerPath: String?
        /// `tender.title` (the latest), with its path: the deal's name.
        public var title: String?
        public var titlePath: String?
        public var method: ProcurementMethod?
        /// `tender.value`, else `planning.budget.amount` (the latest).
        public var amount: Double?
        public var currency: String?
        /// Oldest first (by date, then as they came).
        public var releases: [Release]
    }

    /// One release and what it does to the deal.
    public struct Release: Sendable {
        public var path: String
        public var id: String
        /// `date` as written, and the day it names (in the publisher's own time zone).
        public var dateText: String
        public var day: Day
        public var tags: [String]
        public var event: Event
        public init(path: String, id: String, dateText: String, day: Day, tags: [String], event: Event) {
            self.path = path; self.id = id; self.dateText = dateText; self.day = day; self.tags = tags; self.event = event
        }

        /// Where a stage entry written for this release says it came from.
        public func source(ocid: String) -> String { "ocds:\(ocid)/\(id)" }
    }

    /// What a release means for the deal.
    public enum Event: Sendable, Equatable {
        /// The deal moves to this stage (a tender notice → tender-notice, an award → award, …).
        case stage(String)
        /// The tender failed (流标): tenderCancellation, or tender.status cancelled or unsuccessful.
        case failedTender
        /// Nothing to move (awardCancellation, contractTermination): the reason.
        case nothing(String)
    }

    /// Reads a release package (`releases`) or a record package (`records`,
    /// with embedded releases, or the compiled release when they are linked).
    public static func read(_ data: Data) throws -> OCDSImportPackage {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError(field: "(file)", value: String(decoding: data.prefix(40), as: UTF8.self), problem: "is not JSON")
        }
        guard let top = root as? [String: Any] else { throw InputError(field: "(root)", value: kind(root), problem: "is not a JSON object") }
        var releases: [(path: String, object: [String: Any], compiled: Bool)] = []
        if let list = top["releases"] {
            guard let items = list as? [Any], !items.isEmpty else { throw InputError(field: "releases", value: kind(list), problem: "is not a non-empty array") }
            for (i, item) in items.enumerated() { releases.append(("releases[\(i)]", try object(item, "releases[\(i)]"), false)) }
        } else if let list = top["records"] {
            guard let records = list as? [Any], !records.isEmpty else { throw InputError(field: "records", value: kind(list), problem: "is not a non-empty array") }
            for (r, item) in records.enumerated() {
                let rp = "records[\(r)]"
                let record = try object(item, rp)
                let embedded = (record["releases"] as? [Any] ?? []).enumerated().compactMap { j, x -> (String, Any)? in
                    (x as? [String: Any])?["ocid"] == nil ? nil : ("\(rp).releases[\(j)]", x)
                }
                if !embedded.isEmpty {
                    for (p, x) in embedded { releases.append((p, try object(x, p), false)) }
                } else if let compiled = record["compiledRelease"] {
                    releases.append(("\(rp).compiledRelease", try object(compiled, "\(rp).compiledRelease"), true))
                } else {
                    throw InputError(field: "\(rp).releases", value: kind(record["releases"]),
                                     problem: "holds no embedded release and the record has no compiledRelease; dchain reads the releases themselves")
                }
            }
        } else {
            throw InputError(field: "(root)", value: top.keys.sorted().joined(separator: ","),
                             problem: "is neither a release package (releases) nor a record package (records)")
        }
        var order: [String] = [], byOCID: [String: Process] = [:], seen: [String: Set<String>] = [:]
        for (path, obj, compiled) in releases {
            let ocid = try OCID.parse(try string(obj, "ocid", path), field: "\(path).ocid")
            let id = try releaseID(obj, path)
            guard seen[ocid, default: []].insert(id).inserted else {
                throw InputError(field: "\(path).id", value: id, problem: "appears twice for ocid \(ocid)")
            }
            let dateText = try string(obj, "date", path)
            guard let day = day(dateText) else {
                throw InputError(field: "\(path).date", value: dateText, problem: "is not an OCDS date-time (e.g. 2026-05-01T09:00:00+08:00)")
            }
            guard let tagList = obj["tag"] as? [Any], !tagList.isEmpty else {
                throw InputError(field: "\(path).tag", value: kind(obj["tag"]), problem: "is not a non-empty array of release tags")
            }
            var tags: [String] = []
            for (k, t) in tagList.enumerated() {
                guard let t = t as? String, OCDSMapping.releaseTags.contains(t) else {
                    throw InputError(field: "\(path).tag[\(k)]", value: "\(t)",
                                     problem: "is not a release tag (" + OCDSMapping.releaseTags.sorted().joined(separator: ", ") + ")")
                }
                tags.append(t)
            }
            let tender = try optionalObject(obj["tender"], "\(path).tender")
            let tenderStatus = try optionalString(tender?["status"], "\(path).tender.status")
            let event = compiled || tags == ["compiled"]
                ? compiledEvent(obj, tenderStatus: tenderStatus)
                : Self.event(tags: tags, tenderStatus: tenderStatus)
            var p = byOCID[ocid] ?? Process(ocid: ocid, path: path, releases: [])
            if byOCID[ocid] == nil { order.append(ocid) }
            if let name = try buyerName(obj, path) { p.buyerName = name.value; p.buyerPath = name.path }
            if let t = try optionalString(tender?["title"], "\(path).tender.title"), !t.trimmingCharacters(in: .whitespaces).isEmpty {
                p.title = t; p.titlePath = "\(path).tender.title"
            }
            let method = OCDSMapping.method(procurementMethod: try optionalString(tender?["procurementMethod"], "\(path).tender.procurementMethod"),
                                            details: try optionalString(tender?["procurementMethodDetails"], "\(path).tender.procurementMethodDetails"))
            if let method { p.method = method }
            let planning = try optionalObject(obj["planning"], "\(path).planning")
            let budget = try optionalObject(planning?["budget"], "\(path).planning.budget")
            if let v = try value(tender?["value"], "\(path).tender.value") ?? value(budget?["amount"], "\(path).planning.budget.amount") {
                p.amount = v.amount; p.currency = v.currency ?? p.currency
            }
            p.releases.append(Release(path: path, id: id, dateText: dateText, day: day, tags: tags, event: event))
            byOCID[ocid] = p
        }
        return OCDSImportPackage(processes: order.map { ocid in
            var p = byOCID[ocid]!
            // Oldest first; a stable sort keeps a portal's order within a day.
            p.releases = p.releases.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
            return p
        })
    }

    /// The event of a release from its tags: a cancellation (or a failed
    /// tender status) first, else the furthest stage a tag names.
    public static func event(tags: [String], tenderStatus: String?) -> Event {
        if tags.contains(OCDSMapping.failedTenderTag) || tenderStatus.map(OCDSMapping.failedTenderStatuses.contains) == true {
            return .failedTender
        }
        let stages = tags.compactMap(OCDSMapping.importStage(forTag:))
        guard let furthest = stages.max(by: { position($0) < position($1) }) else {
            return .nothing(tags.joined(separator: ", ") + " moves no stage")
        }
        return .stage(furthest)
    }

    /// The event of a compiled release (the state at its date): the furthest part it holds.
    static func compiledEvent(_ obj: [String: Any], tenderStatus: String?) -> Event {
        if (obj["contracts"] as? [Any])?.isEmpty == false { return .stage("contract") }
        if (obj["awards"] as? [Any])?.isEmpty == false { return .stage("award") }
        if tenderStatus.map(OCDSMapping.failedTenderStatuses.contains) == true { return .failedTender }
        if tenderStatus == "active" || tenderStatus == "complete" { return .stage("tender-notice") }
        if obj["planning"] != nil || obj["tender"] != nil { return .stage("intention") }
        return .nothing("the compiled release holds no planning, tender, award or contract")
    }

    static func position(_ key: String) -> Int { OCDSMapping.stages.firstIndex { $0.stageKey == key } ?? -1 }

    /// The day an OCDS date-time names: its date part, as the publisher wrote it.
    static func day(_ text: String) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 10 else { return nil }
        let datePart = String(t.prefix(10))
        let rest = t.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == "t" || rest.first == " ", let d = Day(datePart), d.isInInputRange else { return nil }
        return d
    }

    static func buyerName(_ obj: [String: Any], _ path: String) throws -> (value: String, path: String)? {
        if let buyer = try optionalObject(obj["buyer"], "\(path).buyer"), let name = try optionalString(buyer["name"], "\(path).buyer.name") {
            return (name, "\(path).buyer.name")
        }
        guard let parties = obj["parties"] as? [Any] else { return nil }
        for (i, p) in parties.enumerated() {
            let party = try object(p, "\(path).parties[\(i)]")
            if (party["roles"] as? [Any])?.contains(where: { ($0 as? String) == "buyer" }) == true,
               let name = try optionalString(party["name"], "\(path).parties[\(i)].name") {
                return (name, "\(path).parties[\(i)].name")
            }
        }
        return nil
    }

    static func value(_ any: Any?, _ path: String) throws -> (amount: Double, currency: String?)? {
        guard let v = try optionalObject(any, path), let raw = v["amount"], !(raw is NSNull) else { return nil }
        guard let amount = number(raw), amount >= 0 else {
            throw InputError(field: "\(path).amount", value: "\(raw)", problem: "is not an amount (a number, 0 or more)")
        }
        let currency = try optionalString(v["currency"], "\(path).currency")
        if let c = currency, c.range(of: "^[A-Z]{3}$", options: .regularExpression) == nil {
            throw InputError(field: "\(path).currency", value: c, problem: "is not a three-letter currency code")
        }
        return (amount, currency)
    }

    static func number(_ any: Any) -> Double? {
        if any is String { return nil }
        if let n = any as? NSNumber { return String(cString: n.objCType) == "c" ? nil : n.doubleValue }
        return any as? Double
    }

    static func releaseID(_ obj: [String: Any], _ path: String) throws -> String {
        if let s = obj["id"] as? String, !s.isEmpty { return s }
        if let n = obj["id"], let d = number(n), d == d.rounded() { return String(Int64(d)) }
        throw InputError(field: "\(path).id", value: kind(obj["id"]), problem: "is missing or not a string")
    }

    static func object(_ any: Any, _ path: String) throws -> [String: Any] {
        guard let o = any as? [String: Any] else { throw InputError(field: path, value: kind(any), problem: "is not a JSON object") }
        return o
    }

    static func optionalObject(_ any: Any?, _ path: String) throws -> [String: Any]? {
        guard let any, !(any is NSNull) else { return nil }
        return try object(any, path)
    }

    static func string(_ obj: [String: Any], _ key: String, _ path: String) throws -> String {
        guard let s = obj[key] as? String, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: "\(path).\(key)", value: kind(obj[key]), problem: "is missing or not a string")
        }
        return s
    }

    static func optionalString(_ any: Any?, _ path: String) throws -> String? {
        guard let any, !(any is NSNull) else { return nil }
        guard let s = any as? String else { throw InputError(field: path, value: kind(any), problem: "is not a string") }
        return s
    }

    /// A short description of a JSON value for messages.
    static func kind(_ any: Any?) -> String {
        guard let any else { return "missing" }
        switch any {
        case is NSNull: return "null"
        case let s as String: return s.count > 40 ? String(s.prefix(40)) + "…" : s
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return number(any).map { "\($0)" } ?? String(describing: any)
        }
    }
}
