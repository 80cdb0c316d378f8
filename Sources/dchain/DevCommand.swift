import ArgumentParser
import DecisionChain
import DecisionChainDev
import DecisionChainStore
import Foundation

/// `dchain dev ...`: developer tools, for benchmarks and demos.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Developer tools: synthetic data for benchmarks and demos.",
        subcommands: [Seed.self]
    )

    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate realistic synthetic accounts, stakeholders, deals and touchpoints, deterministically, through COPY.",
            discussion: """
                The same --accounts, --seed, --touchpoints-per-account and --today give the same data; ids continue after \
                what the database holds, and account names carry the seed, so seed twice with different seeds to add more. \
                The load is one transaction, run as the tables' owner, with their audit triggers disabled inside it only \
                (ALTER TABLE is transactional: other sessions never write unaudited); no superuser needed, foreign keys \
                are checked. Tables are analyzed afterwards.
                """)
        @Option(help: "How many accounts to generate.") var accounts: Int
        @Option(help: "Seed of the generator.") var seed: UInt64 = 1
        @Option(help: "Touchpoints per account on average (the total is exactly accounts × this).") var touchpointsPerAccount = 100
        @Option(help: ArgumentHelp("The day the data leads up to (default: today).", valueName: "date")) var today: String?
        @Option(help: ArgumentHelp("Put every account in this team (made if missing); default: spread over four.", valueName: "name"))
        var team: String?
        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let day = try today.map { try Parse.day($0, field: "today") } ?? Clock.today
            let db = try connection.open()
            let started = Date()
            let s = try SyntheticData(db).seed(.init(accounts: accounts, seed: seed, touchpointsPerAccount: touchpointsPerAccount, today: day, team: team)) {
                FileHandle.standardError.write(Data("  \($0)\n".utf8))
            }
            print(String(format: "seeded %d accounts, %d stakeholders, %d deals, %d stage entries, %d buying influences, %d touchpoints, %d participants, %d pain points in %.1f s",
                         s.accounts, s.stakeholders, s.deals, s.stageEntries, s.influences, s.touchpoints, s.participants, s.painPoints,
                         Date().timeIntervalSince(started)))
        }
    }
}
