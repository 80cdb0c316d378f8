import DecisionChain
import Foundation
import Testing

/// The OCDS mapping, the release builder and the import rules, without a database.
@Suite("OCDS mapping")
struct OCDSTests {
    @Test("procurementMethod of every method, with the Chinese name read back", arguments: ProcurementMethod.allCases)
    func methods(_ m: ProcurementMethod) {
        let expected: [ProcurementMethod: String] = [
            .publicTender: "open", .framework: "open", .invitedTender: "selective", .competitiveNegotiation: "limited",
            .competitiveConsultation: "limited", .inquiry: "limited", .singleSource: "direct", .direct: "direct",
        ]
        #expect(OCDSMapping.procurementMethod(m) == expected[m])
        #expect(OCDSMapping.method(procurementMethod: OCDSMapping.procurementMethod(m), details: m.zh) == m)
    }

    @Test("a method without details: open, selective and direct name one; limited names none")
    func methodWithoutDetails() {
        #expect(OCDSMapping.method(procurementMethod: "open", details: nil) == .publicTender)
        #expect(OCDSMapping.method(procurementMethod: "selective", details: "") == .invitedTender)
        #expect(OCDSMapping.method(procurementMethod: "direct", details: nil) == .singleSource)
        #expect(OCDSMapping.method(procurementMethod: "limited", details: nil) == nil)
    }

    @Test("the stage table covers the government pipeline's eleven stages in order")
    func stageTable() {
        #expect(OCDSMapping.stages.map(\.stageKey) == ["needs", "approval", "intention", "specification", "tender-notice", "bidding",
                                                       "evaluation", "award", "contract", "implementation", "operation"])
        for row in OCDSMapping.stages { #expect(OCDSMapping.releaseTags.contains(row.phase.tag) && OCDSMapping.releaseTags.contains(row.phase.updateTag)) }
    }

    @Test("release tags to events: a cancellation or a failed status is a failed tender, else the furthest stage")
    func events() {
        #expect(OCDSImportPackage.event(tags: ["tender"], tenderStatus: "active") == .stage("tender-notice"))
        #expect(OCDSImportPackage.event(tags: ["tender", "award"], tenderStatus: nil) == .stage("award"))
        #expect(OCDSImportPackage.event(tags: ["tenderCancellation"], tenderStatus: nil) == .failedTender)
        #expect(OCDSImportPackage.event(tags: ["tenderUpdate"], tenderStatus: "cancelled") == .failedTender)
        #expect(OCDSImportPackage.event(tags: ["planning"], tenderStatus: "planned") == .stage("intention"))
        #expect(OCDSImportPackage.event(tags: ["contractAmendment"], tenderStatus: nil) == .stage("contract"))
        guard case .nothing = OCDSImportPackage.event(tags: ["awardCancellation"], tenderStatus: nil) else {
            Issue.record("awardCancellation should move nothing"); return
        }
    }

    func release(_ id: String, _ event: OCDSImportPackage.Event) -> OCDSImportPackage.Release {
        .init(path: "releases[0]", id: id, dateText: "2026-05-01", day: Day("2026-05-01")!, tags: [], event: event)
    }

    @Test("import decisions: forward moves only, a release imported once, a failed tender only while the tender runs, closed deals stay")
    func decisions() {
        func state(_ stage: String, _ status: DealStatus = .open, sources: Set<String> = []) -> OCDSImportRules.DealState {
            .init(name: "d", status: status, stageKey: stage, sources: sources)
        }
        #expect(OCDSImportRules.decide(release("1", .stage("award")), ocid: "o", deal: state("bidding")) == .move("award"))
        #expect(OCDSImportRules.decide(release("1", .stage("award")), ocid: "o", deal: state("bidding", sources: ["ocds:o/1"]))
                == .unchanged("already imported"))
        guard case .unchanged = OCDSImportRules.decide(release("1", .stage("tender-notice")), ocid: "o", deal: state("award")) else {
            Issue.record("a tender notice must not take an awarded deal back"); return
        }
        #expect(OCDSImportRules.decide(release("2", .failedTender), ocid: "o", deal: state("evaluation")) == .failedTender)
        guard case .unchanged = OCDSImportRules.decide(release("2", .failedTender), ocid: "o", deal: state("contract")),
              case .unchanged = OCDSImportRules.decide(release("3", .stage("award")), ocid: "o", deal: state("bidding", .lost)) else {
            Issue.record("a failed tender after the award, or a move of a closed deal, changes nothing"); return
        }
    }

    @Test("releases of a history with a failed tender: tags, tender status, award and supplier")
    func builder() throws {
        let days = ["2026-03-01", "2026-05-01", "2026-05-20", "2026-06-01", "2026-07-01"].map { Day($0)! }
        let stages = ["approval", "tender-notice", "specification", "tender-notice", "award"]
        let history = zip(stages, days).enumerated().map { i, p in
            StageVisit(dealID: 7, stageKey: p.0, entered: p.1, event: i == 2 ? .failedTender : nil)
        }
        var deal = Deal(id: 7, accountID: 3, name: "政务外网", pipelineKey: "government", stageKey: "award", method: .inquiry, amount: 100)
        let input = OCDSReleaseBuilder.DealInput(deal: deal, accountName: "市数据局", history: history)
        let r = try OCDSReleaseBuilder.build([input], options: .init(publisher: "p", supplier: "数链科技", publishedDate: "2026-12-01T00:00:00Z"))
        #expect(r.minted.map(\.ocid) == ["ocds-dchain-7"])
        #expect(r.package.releases.map(\.tag) == [["planning"], ["tender"], ["tenderCancellation"], ["tender"], ["award"]])
        #expect(r.package.releases.map(\.tender.status) == ["planning", "active", "unsuccessful", "active", "complete"])
        #expect(r.package.releases[4].awards?.first?.suppliers?.first?.name == "数链科技")
        #expect(r.package.releases[4].tender.procurementMethod == "limited" && r.package.releases[4].tender.procurementMethodDetails == "询价")
        #expect(Set(r.package.releases.map(\.id)).count == 5)
        deal.status = .lost
        deal.closedOn = Day("2026-07-02")
        let lost = OCDSReleaseBuilder.releases(of: .init(deal: deal, accountName: "市数据局", history: history), ocid: "o", supplier: "数链科技")
        #expect(lost[4].awards?.first?.suppliers == nil && lost[4].parties.count == 1)
        deal.pipelineKey = "enterprise"
        #expect(throws: InputError.self) {
            try OCDSReleaseBuilder.build([.init(deal: deal, accountName: "x", history: history)], options: .init(publisher: "p", publishedDate: "d"))
        }
    }

    @Test("reading a package: releases sorted by date per ocid, the buyer from parties, amounts from the budget")
    func reading() throws {
        let text = """
            {"releases": [
              {"ocid": "o-1", "id": 2, "date": "2026-06-01T00:00:00+08:00", "tag": ["award"]},
              {"ocid": "o-1", "id": "1", "date": "2026-05-01", "tag": ["planning"],
               "parties": [{"name": "代理", "roles": ["procuringEntity"]}, {"name": "市数据局", "roles": ["buyer"]}],
               "planning": {"budget": {"amount": {"amount": 1200000.5, "currency": "CNY"}}}}
            ]}
            """
        let p = try OCDSImportPackage.read(Data(text.utf8))
        let process = try #require(p.processes.first)
        #expect(process.releases.map(\.id) == ["1", "2"])
        #expect(process.buyerName == "市数据局" && process.buyerPath == "releases[1].parties[1].name")
        #expect(process.amount == 1_200_000.5 && process.currency == "CNY")
        #expect(process.releases.map(\.event) == [.stage("intention"), .stage("award")])
    }
}
