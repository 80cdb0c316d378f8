import ArgumentParser
import DecisionChain
import DecisionChainStore

/// `dchain undo [--yes]`: undo the last change you made in the last hour.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo the last change you (DCHAIN_USER) made in the last hour; shows it first, --yes does it.",
        discussion: "The undo is itself a change, kept in the audit. Running it again undoes the change before that one.")

    @Flag(help: "Undo it (without --yes, only show what would be undone).") var yes = false
    @Option(help: "Label language: en or zh (default: from LANG).") var lang: String?
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let lang = try OutputOptions<ListingFormats>.parse(lang.map { ["--lang", $0] } ?? []).language
        let db = try connection.open()
        let store = UndoStore(db)
        guard let change = try store.lastChange() else {
            throw StoreError.rule("nothing to undo: \(db.actor) made no change in the last hour that is not undone yet")
        }
        let lines = UndoDescription.lines(change.rows, lang: lang)
        guard yes else {
            say((lang == .zh ? "将撤销 \(change.at) 的修改：" : "will undo your change of \(change.at):"))
            for l in lines { say("  " + l) }
            say(lang == .zh ? "确认撤销请运行 `dchain undo --yes`" : "run `dchain undo --yes` to undo it")
            return
        }
        let n = try store.undo(change)
        say((lang == .zh ? "已撤销 \(change.at) 的修改（\(n) 行）：" : "undid your change of \(change.at) (\(n) row\(n == 1 ? "" : "s")):"))
        for l in lines { say("  " + l) }
    }
}
