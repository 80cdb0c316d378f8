import ArgumentParser
import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// `dchain observe`: the steps of a person's working day as a rep saw them on
/// site (day-in-the-life), one at a time or a whole day from a file; list, delete.
struct ObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Record what a person does over a day (day in the life): one step, or a day from a file.",
        subcommands: [Record.self, List.self, Delete.self], defaultSubcommand: Record.self)

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record one step of a person's observed day, or a whole day with --from-file.",
            discussion: """
                Examples:
                  dchain observe 市数据局 --who 许晨 --on 2026-03-10 --at 09:05 --does 登录三个系统
                    --feels -2:烦 --tool 受理系统 --pain "同一件事录三遍:high"
                  dchain observe 市数据局 --who 许晨 --on 2026-03-10 --from-file day.txt
                The file is CSV (header time,does,…) or one step a line: 09:05 登录三个系统 -2:烦 想:… 工具:… 痛:…:high
                (docs/day-format.md). Steps may come in any order: the time orders the day.
                """)

        @Argument(help: "Account id, code or name.") var account: String
        @Option(help: ArgumentHelp("The person observed (a stakeholder at the account).", valueName: "name")) var who: String?
        @Option(help: ArgumentHelp("The day observed, YYYY-MM-DD.", valueName: "date")) var on: String?
        @Option(help: ArgumentHelp("The time of the step, HH:MM.", valueName: "time")) var at: String?
        @Option(help: "What the person does.") var does: String?
        @Option(help: "What the person thinks.") var thinks: String?
        // Unconditional: "-2:烦" is the value, not another flag.
        @Option(parsing: .unconditional, help: ArgumentHelp("How they feel, -3…+3, optionally :LABEL (e.g. -2:烦).", valueName: "emotion"))
        var feels: String?
        @Option(help: "The tool or system they use.") var tool: String?
        @Option(help: ArgumentHelp("What hurts: TEXT[:low|medium|high] (becomes a pain point).", valueName: "pain")) var pain: String?
        @Option(help: "Deal id or name (default: the account's only open deal, if it has one).") var deal: String?
        @Option(name: .customLong("from-file"), help: ArgumentHelp("A whole observed day: CSV or the text format of docs/day-format.md.", valueName: "file"))
        var fromFile: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            if fromFile != nil {
                if at != nil || does != nil || thinks != nil || feels != nil || tool != nil || pain != nil {
                    throw ValidationError("--from-file takes the steps from the file; leave out --at, --does, --thinks, --feels, --tool, --pain")
                }
            } else if at == nil || does == nil {
                throw ValidationError("say when and what: --at HH:MM --does TEXT (or --from-file FILE)")
            }
        }

        func run() throws {
            // Parse everything before touching the database: bad input writes nothing.
            let defaultDay = try on.map { try Parse.day($0, field: "on") }
            let defaultWho = try who.map { try Parse.name($0, field: "who") }
            let steps: [ObservationStep]
            if let path = fromFile {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw InputError(field: "from-file", value: path, problem: "cannot be read")
                }
                guard let content = String(data: data, encoding: .utf8) else {
                    throw InputError(field: "from-file", value: path, problem: "is not UTF-8 text")
                }
                steps = try DayFormat.parse(content, path: path)
            } else {
                steps = [try ObservationStep.parse(at: at!, does: does!, thinks: thinks, feels: feels, tool: tool, pain: pain)]
            }
            var groups: [String: (who: String, on: Day, steps: [ObservationStep])] = [:]
            var order: [String] = []
            for s in steps {
                guard let name = s.who ?? defaultWho else { throw InputError(field: "who", value: "", problem: "is missing: name the person with --who NAME") }
                guard let day = s.on ?? defaultDay else { throw InputError(field: "on", value: "", problem: "is missing: name the day with --on YYYY-MM-DD") }
                let key = "\(name)|\(day)"
                if groups[key] == nil { order.append(key); groups[key] = (name, day, []) }
                groups[key]!.steps.append(s)
            }

            let db = try connection.open()
            let resolver = Resolver(db)
            let a = try resolver.account(account)
            var dealID: Int64?
            if let ref = deal {
                dealID = try resolver.deal(ref, accountID: a.id).id
            } else {
                let open = try DealStore(db).list(accountID: a.id, status: .open)
                dealID = open.count == 1 ? open[0].deal.id : nil
            }
            var people: [String: Stakeholder] = [:]
            for key in order where people[groups[key]!.who] == nil {
                people[groups[key]!.who] = try resolver.stakeholder(groups[key]!.who, accountID: a.id)
            }
            let days = order.map { key -> ObservationStore.NewDay in
                let g = groups[key]!
                let person = people[g.who]!
                return .init(accountID: a.id, stakeholderID: person.id, on: g.on, dealID: dealID,
                             summary: "day in the life, observed on site", steps: g.steps)
            }
            let recorded = try ObservationStore(db).record(days)
            for (key, r) in zip(order, recorded) {
                let g = groups[key]!
                var line = "observed \(people[g.who]!.name) on \(g.on) at \(a.name): \(r.added.count) step\(r.added.count == 1 ? "" : "s") added"
                if r.added.count == 1 { line += " (#\(r.added[0]))" }
                if r.pains > 0 { line += ", \(r.pains) pain point\(r.pains == 1 ? "" : "s")" }
                if r.unchanged > 0 { line += ", \(r.unchanged) already recorded" }
                if r.touchpointID > 0 { line += "; touchpoint #\(r.touchpointID)" + (r.createdTouchpoint ? " (site-survey, new)" : "") }
                say(line)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the observed steps of an account (of a person, of a day).")
        @Argument(help: "Account id, code or name.") var account: String
        @Option(help: ArgumentHelp("Only this person.", valueName: "name")) var who: String?
        @Option(help: ArgumentHelp("Only this day, YYYY-MM-DD.", valueName: "date")) var on: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions<ListingFormats>

        func run() throws {
            let day = try on.map { try Parse.day($0, field: "on") }
            let name = try who.map { try Parse.name($0, field: "who") }
            let db = try connection.open()
            let resolver = Resolver(db)
            let a = try resolver.account(account)
            let person = try name.map { try resolver.stakeholder($0, accountID: a.id) }
            let list = try ObservationStore(db).list(accountID: a.id, stakeholderID: person?.id, on: day)
            let names = Dictionary(try StakeholderStore(db).list(accountID: a.id).map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x })
            let listing = Listing(
                headers: ["id", "date", "time", "who", "does", "feels", "tool", "thinks", "pain point"],
                keys: ["id", "date", "time", "who", "does", "feels", "tool", "thinks", "pain_point_id"],
                rows: list.map { o in
                    [String(o.id), o.on.description, o.time, names[o.stakeholderID] ?? String(o.stakeholderID), o.does,
                     (o.feels?.description ?? "") + (o.feelsLabel.map { ":" + $0 } ?? ""), o.tool ?? "", o.thinks ?? "",
                     o.painPointID.map { String($0) } ?? ""]
                })
            try output.emit(listing, json: list.map { ObservationJSON($0, who: names[$0.stakeholderID] ?? "") })
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete one observed step (and the pain point it raised).")
        @Argument(help: "Observation id (see observe list).") var id: Int64
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let o = try ObservationStore(try connection.open()).delete(id)
            say("deleted observation #\(o.id) (\(o.on) \(o.time) \(o.does))")
        }
    }
}

/// One observation in `observe list --format json`.
struct ObservationJSON: Encodable {
    var id: Int64, date: Day, time: String, who: String, stakeholderID: Int64, does: String
    var thinks: String?, feels: Emotion?, label: String?, tool: String?, painPointID: Int64?, touchpointID: Int64, dealID: Int64?
    init(_ o: Observation, who: String) {
        id = o.id; date = o.on; time = o.time; self.who = who; stakeholderID = o.stakeholderID; does = o.does; thinks = o.thinks
        feels = o.feels; label = o.feelsLabel; tool = o.tool; painPointID = o.painPointID; touchpointID = o.touchpointID; dealID = o.dealID
    }
    enum CodingKeys: String, CodingKey {
        case id, date, time, who, stakeholderID = "stakeholder_id", does, thinks, feels, label, tool
        case painPointID = "pain_point_id", touchpointID = "touchpoint_id", dealID = "deal_id"
    }
}
