import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore

/// `dchain role set|list|clear`: the decision chain of a deal.
struct RoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Set, list and clear buying influences (EB, TB, UB, Coach) in a deal.",
        subcommands: [Set.self, List.self, Clear.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a stakeholder a role in a deal, with influence, stance, mode, rating and personal win.",
            discussion: "A deal has one EB: naming a second fails unless --replace. Every change is kept with its date.")
        @OptionGroup var ref: DealReference
        @Argument(help: "Stakeholder id or name.") var stakeholder: String
        @Argument(help: "EB, TB, UB or Coach.") var role: String
        @Option(help: "high, medium or low.") var influence: String?
        @Option(help: "champion, supporter, neutral, skeptic or opponent.") var stance: String?
        @Option(help: "growth, trouble, even-keel or overconfident.") var mode: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("-5 … +5 (negative values work: --rating -2).", valueName: "n")) var rating: String?
        @Option(help: "Their personal win (what they get out of it).") var win: String?
        @Flag(help: "Replace the deal's current EB.") var replace = false
        @Option(help: ArgumentHelp("Date of the change (default today).", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            guard let role = Role(loose: role) else { throw InputError.notOneOf("role", role, Role.self) }
            let attrs = InfluenceStore.Attributes(
                influence: try influence.map { try Influence.parse($0, field: "influence") },
                stance: try stance.map { try Stance.parse($0, field: "stance") },
                mode: try mode.map { try ResponseMode.parse($0, field: "mode") },
                rating: try rating.map { text in
                    guard let r = Int(text.replacingOccurrences(of: "+", with: "")), BuyingInfluence.ratingRange.contains(r) else {
                        throw InputError(field: "rating", value: text, problem: "is not a whole number in -5...5")
                    }
                    return r
                },
                personalWin: win)
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let db = try connection.open()
            let deal = try ref.resolve(db)
            let s = try Resolver(db).stakeholder(stakeholder, accountID: deal.accountID)
            let outcome = try InfluenceStore(db).set(deal: deal, stakeholder: s, role: role, attrs, replace: replace, on: day)
            switch outcome {
            case .added: say("\(s.name) is \(role.rawValue) in \(deal.name)")
            case .changed: say("updated \(s.name) as \(role.rawValue) in \(deal.name) (the previous values are kept in the history)")
            case .unchanged: say("\(s.name) is already \(role.rawValue) in \(deal.name) with these values; nothing changed")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The decision chain of a deal (--history: every change).")
        @OptionGroup var ref: DealReference
        @Flag(help: "Show every version of every role with its dates.") var history = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let lang = try output.language
            let db = try connection.open()
            let deal = try ref.resolve(db)
            let rows = history ? try InfluenceStore(db).history(deal: deal) : try InfluenceStore(db).current(deal: deal).map { ($0, nil) }
            var (listing, json) = CaptureViews.chain(rows, stakeholders: try StakeholderStore(db).list(accountID: deal.accountID),
                                                     history: history, lang)
            listing.title = (lang == .zh ? "决策链: " : "Decision chain: ") + deal.name
            if !history {
                let missing = Role.allCases.filter { r in !rows.contains { $0.0.role == r } }
                if !missing.isEmpty {
                    listing.preamble = [(lang == .zh ? "未识别: " : "not identified: ") + missing.map(\.rawValue).joined(separator: ", ")]
                }
            }
            try output.emit(listing, json: json)
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a stakeholder's role (or all their roles) in a deal.")
        @OptionGroup var ref: DealReference
        @Argument(help: "Stakeholder id or name.") var stakeholder: String
        @Argument(help: "EB, TB, UB or Coach (default: all their roles).") var role: String?
        @Option(help: ArgumentHelp("Date of the change (default today).", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let role = try role.map { r -> Role in
                guard let v = Role(loose: r) else { throw InputError.notOneOf("role", r, Role.self) }
                return v
            }
            let day = try on.map { try Parse.day($0, field: "on") } ?? Clock.today
            let db = try connection.open()
            let deal = try ref.resolve(db)
            let s = try Resolver(db).stakeholder(stakeholder, accountID: deal.accountID)
            let n = try InfluenceStore(db).clear(deal: deal, stakeholder: s, role: role, on: day)
            guard n > 0 else { throw DomainError("\(s.name) has no \(role?.rawValue ?? "role") in \(deal.name)") }
            say("cleared \(n) role\(n == 1 ? "" : "s") of \(s.name) in \(deal.name)")
        }
    }
}
