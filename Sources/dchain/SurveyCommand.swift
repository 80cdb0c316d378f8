import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain survey`: record what a stakeholder answered to an NPS, CSAT or CES
/// survey (attached to the stage the deal was in that day); list and delete answers.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Record a stakeholder's survey answer (NPS, CSAT or CES); list and delete answers.",
        subcommands: [Record.self, List.self, Delete.self], defaultSubcommand: Record.self)

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record one survey answer of a stakeholder.",
            discussion: """
                Examples:
                  dchain survey 市数据局 --who 李敏 --nps 9 --on 2026-08-20 --comment "实施团队专业"
                  dchain survey 市数据局 --who 赵磊 --csat 3
                NPS is 0–10 (9–10 promoters, 7–8 passives, 0–6 detractors), CSAT 1–5, CES 1–7 (7: the easiest). \
                The answer is attached to the stage the deal was in on that day.
                """)

        @Argument(help: "Account id, code or name.") var account: String
        @Option(help: ArgumentHelp("Who answered (a stakeholder at the account).", valueName: "name")) var who: String
        @Option(help: ArgumentHelp("Net Promoter Score answer, 0–10.", valueName: "0..10")) var nps: String?
        @Option(help: ArgumentHelp("Customer satisfaction answer, 1–5.", valueName: "1..5")) var csat: String?
        @Option(help: ArgumentHelp("Customer effort answer, 1–7 (7: the easiest).", valueName: "1..7")) var ces: String?
        @Option(help: ArgumentHelp("The day answered, YYYY-MM-DD (default: today).", valueName: "date")) var on: String?
        @Option(help: "Deal id or name (default: the account's only open deal).") var deal: String?
        @Option(help: "What they said with the score.") var comment: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            if [nps, csat, ces].compactMap({ $0 }).count != 1 {
                throw ValidationError("give one answer: --nps 0..10, --csat 1..5 or --ces 1..7")
            }
        }

        func run() throws {
            // Parse everything before touching the database: bad input writes nothing.
            let (kind, text): (SurveyKind, String) = nps.map { (SurveyKind.nps, $0) } ?? csat.map { (SurveyKind.csat, $0) } ?? (SurveyKind.ces, ces ?? "")
            let score = try kind.score(text)
            let today = Clock.today
            let day = try on.map { try Parse.day($0, field: "on") } ?? today
            guard day <= today else { throw InputError(field: "on", value: on ?? "", problem: "is in the future (today is \(today))") }
            let name = try Parse.name(who, field: "who")
            let note = try comment.map { try Parse.nonEmpty($0, field: "comment") }

            let db = try connection.open()
            let resolver = Resolver(db)
            let a = try resolver.account(account)
            let person = try resolver.stakeholder(name, accountID: a.id)
            let chosen = try deal.map { try resolver.deal($0, accountID: a.id) }
                ?? Survey.defaultDeal(among: DealStore(db).list(accountID: a.id).map(\.deal), account: a.name)
            let s = try SurveyStore(db).record(.init(accountID: a.id, stakeholderID: person.id, dealID: chosen?.id, on: day,
                                                     kind: kind, score: score, comment: note))
            var line = "recorded \(kind.label) \(score) from \(person.name) at \(a.name) on \(s.on)"
            if let d = chosen { line += " (\(d.name)" + (s.stageKey.map { ", stage \($0)" } ?? "") + ")" }
            say(line + ": survey #\(s.id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List survey answers (of an account, of a deal).")
        @Argument(help: "Account id, code or name (default: every account you can see).") var account: String?
        @Option(help: "Only the answers about this deal (id or name).") var deal: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let db = try connection.open()
            let resolver = Resolver(db)
            let a = try account.map { try resolver.account($0) }
            guard deal == nil || a != nil else { throw UsageHint(description: "--deal needs the account: dchain survey list ACCOUNT --deal DEAL") }
            let d = try deal.map { try resolver.deal($0, accountID: a!.id) }
            let list = try SurveyStore(db).list(accountID: a?.id, dealID: d?.id)
            let context = try SurveyStore(db).names(of: list)
            let listing = Listing(
                headers: ["id", "date", "account", "who", "kind", "score", "deal", "stage", "comment", "recorded by"],
                keys: ["id", "date", "account", "who", "kind", "score", "deal", "stage", "comment", "recorded_by"],
                rows: list.map { s in
                    [String(s.id), s.on.description, context.accounts[s.accountID] ?? "", context.people[s.stakeholderID] ?? "",
                     s.kind.label, String(s.score), s.dealID.flatMap { context.deals[$0] } ?? "", s.stageKey ?? "", s.comment ?? "", s.recordedBy]
                })
            try output.emit(listing, json: list.map { SurveyJSON($0, context) })
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete one survey answer (the audit keeps it).")
        @Argument(help: "Survey id (see survey list).") var id: Int64
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let s = try SurveyStore(try connection.open()).delete(id)
            say("deleted survey #\(s.id) (\(s.kind.label) \(s.score) on \(s.on))")
        }
    }
}

/// One answer in `survey list --format json` (docs/metrics-json.md).
struct SurveyJSON: Encodable {
    var id: Int64, date: Day, accountID: Int64, account: String, stakeholderID: Int64, who: String
    var kind: SurveyKind, score: Int, npsCategory: String?, dealID: Int64?, deal: String?, stage: String?, comment: String?, recordedBy: String
    init(_ s: Survey, _ c: SurveyStore.Names) {
        id = s.id; date = s.on; accountID = s.accountID; account = c.accounts[s.accountID] ?? ""; stakeholderID = s.stakeholderID
        who = c.people[s.stakeholderID] ?? ""; kind = s.kind; score = s.score
        npsCategory = s.kind == .nps ? NetPromoterScore.category(s.score).rawValue : nil
        dealID = s.dealID; deal = s.dealID.flatMap { c.deals[$0] }; stage = s.stageKey; comment = s.comment; recordedBy = s.recordedBy
    }
    enum CodingKeys: String, CodingKey {
        case id, date, accountID = "account_id", account, stakeholderID = "stakeholder_id", who, kind, score
        case npsCategory = "nps_category", dealID = "deal_id", deal, stage, comment, recordedBy = "recorded_by"
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(date, forKey: .date); try c.encode(accountID, forKey: .accountID)
        try c.encode(account, forKey: .account); try c.encode(stakeholderID, forKey: .stakeholderID); try c.encode(who, forKey: .who)
        try c.encode(kind, forKey: .kind); try c.encode(score, forKey: .score); try c.encode(npsCategory, forKey: .npsCategory)
        try c.encode(dealID, forKey: .dealID); try c.encode(deal, forKey: .deal); try c.encode(stage, forKey: .stage)
        try c.encode(comment, forKey: .comment); try c.encode(recordedBy, forKey: .recordedBy)
    }
}
