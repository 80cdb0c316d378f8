/// Builds the OCDS release package of government deals: one release per
/// entry of each deal's stage history (`OCDSMapping` gives the tag and the
/// tender status), each a snapshot of what was known then. Pure: the caller
/// passes the published date and every name.
public enum OCDSReleaseBuilder {
    /// One deal to export with what its releases need.
    public struct DealInput: Sendable {
        public var deal: Deal
        public var accountName: String
        /// The deal's stage entries, oldest first.
        public var history: [StageVisit]
        public init(deal: Deal, accountName: String, history: [StageVisit]) {
            self.deal = deal; self.accountName = accountName; self.history = history
        }
    }

    /// What the package says about itself and the names it uses.
    public struct Options: Sendable {
        /// The prefix of ocids minted for deals without one (`<prefix>-<deal id>`).
        public var ocidPrefix: String
        /// `publisher.name`.
        public var publisher: String
        /// Our company, named as supplier on the award; nil names no supplier.
        public var supplier: String?
        /// `publishedDate`, an RFC 3339 date-time.
        public var publishedDate: String
        /// The package's `uri`; nil makes one from the ocids and the published date.
        public var uri: String?
        public init(ocidPrefix: String = OCID.defaultPrefix, publisher: String, supplier: String? = nil, publishedDate: String, uri: String? = nil) {
            self.ocidPrefix = ocidPrefix; self.publisher = publisher; self.supplier = supplier; self.publishedDate = publishedDate; self.uri = uri
        }
    }

    /// The package and the ocids minted for deals that had none.
    public struct Result: Sendable {
        public var package: OCDSReleasePackage
        public var minted: [(dealID: Int64, ocid: String)]
    }

    /// The package of `deals` (each a government deal with a stage history).
    /// Refuses an empty list: a release package holds at least one release.
    public static func build(_ deals: [DealInput], options: Options) throws -> Result {
        var releases: [OCDSRelease] = [], minted: [(Int64, String)] = []
        for d in deals {
            guard d.deal.pipelineKey == OCDSMapping.pipelineKey else {
                throw InputError(field: "deal", value: d.deal.name,
                                 problem: "is in pipeline \(d.deal.pipelineKey); OCDS describes public procurement (pipeline government)")
            }
            let ocid = d.deal.ocid ?? OCID.minted(prefix: options.ocidPrefix, dealID: d.deal.id)
            if d.deal.ocid == nil { minted.append((d.deal.id, ocid)) }
            releases += Self.releases(of: d, ocid: ocid, supplier: options.supplier)
        }
        guard !releases.isEmpty else { throw DomainError("no government deal with a stage history to export") }
        let uri = options.uri ?? "urn:dchain:ocds:" + (deals.count == 1 ? releases[0].ocid : options.ocidPrefix + ":all") + ":" + options.publishedDate
        let package = OCDSReleasePackage(uri: uri, publishedDate: options.publishedDate, publisher: .init(name: options.publisher),
                                         releases: releases)
        return Result(package: package, minted: minted)
    }

    /// A day as an OCDS date-time: midnight UTC of that day.
    public static func dateTime(_ day: Day) -> String { "\(day)T00:00:00Z" }

    /// One release per stage entry of the deal, oldest first.
    public static func releases(of d: DealInput, ocid: String, supplier: String?) -> [OCDSRelease] {
        let deal = d.deal
        let buyer = OCDSRelease.OrganizationReference(id: "dchain-account-\(deal.accountID)", name: d.accountName)
        let value = deal.amount.map { OCDSRelease.Value(amount: $0, currency: deal.currency) }
        // Our company is the supplier unless the deal was lost or dropped.
        let ours = supplier.flatMap { deal.status == .lost || deal.status == .dropped ? nil : $0 }
        let supplierRef = ours.map { OCDSRelease.OrganizationReference(id: "dchain-supplier", name: $0) }
        var out: [OCDSRelease] = []
        var previous: OCDSMapping.Phase?
        var awardDay: Day?
        for (i, visit) in d.history.enumerated() {
            guard let row = OCDSMapping.stage(visit.stageKey) else { continue }
            let failed = visit.event == .failedTender
            let tag = failed ? OCDSMapping.failedTenderTag : previous == row.phase ? row.phase.updateTag : row.phase.tag
            // After a failed tender the next tender is a new one; its award a new award.
            previous = failed ? nil : row.phase
            if failed { awardDay = nil } else if row.phase >= .award, awardDay == nil { awardDay = visit.entered }
            let awardID = "\(ocid)-award"
            var parties = [OCDSRelease.Party(id: buyer.id, name: buyer.name, roles: ["buyer", "procuringEntity"])]
            var awards: [OCDSRelease.Award]?, contracts: [OCDSRelease.Contract]?
            if !failed, let awardDay {
                awards = [.init(id: awardID, status: "active", date: dateTime(awardDay), value: value, suppliers: supplierRef.map { [$0] })]
                if let s = supplierRef { parties.append(.init(id: s.id, name: s.name, roles: ["supplier"])) }
                if row.phase >= .contract {
                    contracts = [.init(id: "\(ocid)-contract", awardID: awardID, status: row.phase == .contract ? "pending" : "active", value: value)]
                }
            }
            out.append(OCDSRelease(
                ocid: ocid, id: "\(ocid)-\(pad(i + 1))-\(failed ? "failed-tender" : visit.stageKey)", date: dateTime(visit.entered), tag: [tag],
                buyer: buyer, parties: parties, planning: value.map { .init(budget: .init(amount: $0)) },
                tender: .init(id: "\(ocid)-tender", title: deal.name,
                              status: failed ? OCDSMapping.failedTenderStatus : row.tenderStatus,
                              procurementMethod: deal.method.map(OCDSMapping.procurementMethod), procurementMethodDetails: deal.method?.zh,
                              value: value, procuringEntity: buyer),
                awards: awards, contracts: contracts))
        }
        return out
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
