import Foundation
import Testing
import TestSupport

/// zh is Chinese throughout: help, error lines, and no English key in the
/// text output of the read commands.
@Suite("Chinese help, errors and output")
struct ChineseOutputTests {
    let cli: CLI
    static let zh = ["LANG": "zh_CN.UTF-8"]

    init() throws {
        cli = try CLI.fresh("zhout")
        // Chinese-only free text, two pipelines, every kind of record: any
        // English word in the zh output below comes from a key, not from data.
        for args in [
            ["account", "add", "市数据局", "--kind", "government", "--owner", "zhang.wei"],
            ["unit", "add", "市数据局", "信息技术处"],
            ["stakeholder", "add", "市数据局", "王建国", "--title", "局长", "--level", "executive", "--channel", "visit"],
            ["stakeholder", "add", "市数据局", "李敏", "--title", "处长", "--level", "manager", "--unit", "信息技术处", "--reports-to", "王建国"],
            ["deal", "add", "市数据局", "数据中台", "--pipeline", "government", "--method", "public-tender", "--amount", "480万", "--on", "2026-03-01"],
            ["deal", "add", "市数据局", "运维外包", "--pipeline", "enterprise", "--on", "2026-03-01"],
            ["deal", "move", "数据中台", "approval", "--on", "2026-03-20"],
            ["deal", "move", "数据中台", "implementation", "--on", "2026-06-01"],
            ["role", "set", "数据中台", "王建国", "EB", "--influence", "high", "--stance", "supporter", "--mode", "growth"],
            ["role", "set", "数据中台", "李敏", "TB", "--influence", "medium", "--stance", "skeptic", "--mode", "trouble"],
            ["log", "市数据局", "--deal", "数据中台", "--channel", "contract-review", "--on", "2026-06-02 10:00", "--summary", "合同评审",
             "--with", "李敏:-2:焦虑", "--quote", "李敏:验收标准不清楚", "--pain", "李敏:验收标准不清晰:high"],
            ["log", "市数据局", "--deal", "运维外包", "--channel", "site-survey", "--direction", "inbound", "--on", "2026-06-03", "--with", "王建国:1"],
            ["persona", "build", "--role", "TB"],
        ] {
            let r = try cli.run(args)
            guard r.status == 0 else { throw SubprocessError(message: "\(args): \(r)") }
        }
    }

    /// Every word of Latin letters (with hyphens) that is a key of a vocabulary, a stage or a pipeline.
    /// (Lines that show a command to run, `$ dchain pain respond …`, are commands, not labels.)
    static func keys(in text: String, _ keys: Set<String>) -> [String] {
        let text = text.split(separator: "\n").filter { !$0.contains("dchain ") }.joined(separator: "\n")
        return text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }).map(String.init).filter { keys.contains($0) }
    }

    @Test("the zh text of the main read commands shows no English key")
    func noKeysInZhOutput() throws {
        let vocabulary = try cli.run("vocabulary", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(vocabulary.stdout.utf8)) as? [[String: Any]])
        // Keys of two letters (EB, TB…) are printed on purpose next to their Chinese.
        let keys = Set(entries.compactMap { $0["key"] as? String }.filter { $0.count > 2 && $0 != "Coach" })
        #expect(keys.contains("implementation") && keys.contains("government") && keys.contains("contract-review"))
        let today = ["--lang", "zh", "--today", "2026-06-10"]
        for command in [
            ["map", "市数据局"], ["map", "市数据局", "--future"], ["plan", "市数据局"], ["report", "pipeline"], ["report", "deal", "数据中台"],
            ["touchpoints", "市数据局"], ["pain", "list", "市数据局"], ["deal", "show", "数据中台"], ["deal", "list"], ["account", "show", "市数据局"],
            ["account", "list"], ["stakeholder", "list", "市数据局"], ["stakeholder", "show", "市数据局", "李敏"], ["role", "list", "数据中台"],
            ["empathy", "市数据局", "李敏"], ["today", "--owner", "zhang.wei"],
            ["persona", "show", "1"], ["persona", "list"], ["map", "市数据局", "--persona", "TB"],
        ] {
            let r = try cli.run(command + today)
            #expect(r.status == 0, "\(command): \(r)")
            #expect(Self.keys(in: r.stdout, keys).isEmpty, "\(command) leaks \(Self.keys(in: r.stdout, keys)):\n\(r.stdout)")
        }
    }

    @Test("with LANG=zh_CN.UTF-8 error lines are Chinese, still one line with the same exit code", arguments: [
        (["account", "add", "某局", "--kind", "city"], 65, "不是以下之一"),
        (["deal", "add", "市数据局", "x", "--pipeline", "government", "--amount", "0.001"], 65, "小数超过两位"),
        (["log", "无此客户", "--channel", "call", "--with", "李敏"], 65, "未找到客户“无此客户”"),
        (["log", "市数据局", "--channel", "call", "--with", "李明"], 65, "您是不是要找 “李敏”"),
        (["deal", "move"], 64, "缺少参数"),
        (["pain", "list", "市数据局", "--format", "ics"], 64, "此处不可用"),
    ] as [([String], Int32, String)])
    func zhErrors(_ args: [String], _ code: Int32, _ mentions: String) throws {
        let r = try cli.run(args, env: Self.zh)
        #expect(r.status == code, "\(r)")
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let en = try cli.run(args)
        #expect(en.status == code && !en.stderr.contains(mentions))
    }

    @Test("with LANG=zh_CN.UTF-8 (or --lang zh) every command's help summaries are Chinese")
    func zhHelp() throws {
        let dump = try JSONSerialization.jsonObject(with: Data(try cli.run("--experimental-dump-help").stdout.utf8)) as? [String: Any]
        var commands: [([String], [String])] = []   // (path, English summaries)
        func walk(_ c: [String: Any], _ path: [String]) {
            var english = [c["abstract"] as? String ?? ""]
            for a in c["arguments"] as? [[String: Any]] ?? [] { english.append(a["abstract"] as? String ?? "") }
            commands.append((path, english.filter { !$0.isEmpty && $0.contains(where: \.isLetter) }))
            for s in c["subcommands"] as? [[String: Any]] ?? [] where s["commandName"] as? String != "help" {
                walk(s, path + [s["commandName"] as? String ?? ""])
            }
        }
        walk(try #require(dump?["command"] as? [String: Any]), [])
        #expect(commands.count > 40)
        for (path, english) in commands {
            let r = try cli.run(path + ["--help"], env: Self.zh)
            #expect(r.status == 0)
            #expect(r.stdout.contains("概述：") || path.isEmpty, "\(path)")
            #expect(r.stdout.contains("用法："), "\(path)")
            // Help wraps lines: compare with every run of whitespace as one space.
            let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for sentence in english where flat.contains(sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")) {
                Issue.record("dchain \(path.joined(separator: " ")) --help keeps English in zh: \(sentence) (add it to HelpChinese.table)")
            }
        }
        #expect(try cli.run("map", "--help", "--lang", "zh").stdout.contains("绘制客户项目的客户旅程地图"))
        #expect(try cli.run("map", "--help").stdout.contains("Draw the customer journey map"))
    }
}
