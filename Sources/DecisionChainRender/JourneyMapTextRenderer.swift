import DecisionChain

/// Renders a journey map for a terminal: stage columns side by side as far as
/// the width allows (then the next stages below), an emotion curve drawn with
/// characters, the moments of truth and the decision chain. Widths are
/// measured in display columns, so Chinese text lines up.
public enum JourneyMapTextRenderer {
    /// The map as text at most `width` columns wide (a narrow terminal gets one stage per row of the grid).
    public static func render(_ map: JourneyMap, width: Int = 100) -> String {
        let width = max(width, 40)
        let lang = map.language
        var out: [String] = []
        out.append(MapLabels.title(map) + ": " + map.account.name + (map.account.code.map { " (\($0))" } ?? ""))
        out += DisplayWidth.wrap(MapLabels.subtitle(map), to: width)
        out += DisplayWidth.wrap(MapLabels.summary(map), to: width)
        if let focus = MapLabels.personaLine(map) { out += DisplayWidth.wrap(focus, to: width) }
        out.append("")
        let columns = map.columns
        if columns.isEmpty {
            out.append(MapLabels.empty(lang))
        } else {
            out += grid(map, columns, width: width)
            out.append("")
            out += curve(columns, lang, width: width)
        }
        out += moments(map, width: width)
        out += chain(map, width: width)
        return out.map(trimRight).joined(separator: "\n") + "\n"
    }

    // MARK: grid

    static let separator = " | "

    static func grid(_ map: JourneyMap, _ columns: [JourneyStage], width: Int) -> [String] {
        let lang = map.language
        let lanes = MapLabels.lanes(of: map)
        let labels = [MapLabels.stageHeading(lang)] + lanes.map { MapLabels.lane($0, lang) }
        let labelWidth = min(16, labels.map(DisplayWidth.of).max() ?? 8)
        let minColumn = 24
        let perRow = max(1, min(columns.count, (width - labelWidth) / (minColumn + separator.count)))
        let columnWidth = max(12, (width - labelWidth) / perRow - separator.count)

        var out: [String] = []
        for start in stride(from: 0, to: columns.count, by: perRow) {
            let chunk = Array(columns[start..<min(columns.count, start + perRow)])
            let rule = String(repeating: "-", count: labelWidth) + String(repeating: "-+-" + String(repeating: "-", count: columnWidth), count: chunk.count)
            if start > 0 { out.append("") }
            let headers = chunk.map { c -> [String] in
                let name = MapLabels.columnName(c, lang) + (c.momentOfTruth ? " (!)" : "")
                return ([name] + MapLabels.columnDetails(c, lang)).flatMap { DisplayWidth.wrap($0, to: columnWidth) }
            }
            out += row(MapLabels.stageHeading(lang), headers, labelWidth: labelWidth, columnWidth: columnWidth)
            for lane in lanes {
                out.append(rule)
                let cells = chunk.map { c in
                    MapLabels.items(lane, of: c, lang).flatMap { item -> [String] in
                        guard bulleted(lane) else { return DisplayWidth.wrap(item.text, to: columnWidth) }
                        let lines = DisplayWidth.wrap(item.text, to: columnWidth - 2)
                        return lines.enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }
                    }
                }
                out += row(MapLabels.lane(lane, lang), cells, labelWidth: labelWidth, columnWidth: columnWidth)
            }
        }
        return out
    }

    static func bulleted(_ lane: MapLabels.Lane) -> Bool { lane != .emotion && lane != .metrics }

    static func row(_ label: String, _ cells: [[String]], labelWidth: Int, columnWidth: Int) -> [String] {
        let labelLines = DisplayWidth.wrap(label, to: labelWidth)
        let height = max(labelLines.count, cells.map(\.count).max() ?? 0, 1)
        return (0..<height).map { i in
            var line = DisplayWidth.pad(i < labelLines.count ? labelLines[i] : "", to: labelWidth)
            for cell in cells { line += separator + DisplayWidth.pad(i < cell.count ? cell[i] : "", to: columnWidth) }
            return line
        }
    }

    // MARK: emotion curve

    /// Rows +3…−3; in each stage's slot E/T/U/C mark the lowest person of
    /// EB/TB/UB/Coach (exact: a −3 is drawn at −3), lower case where carried
    /// from an earlier stage (nobody met them here), `!` at a moment of truth;
    /// `*` is the mean of everyone, rounded to the nearest step.
    static func curve(_ columns: [JourneyStage], _ lang: Language, width: Int) -> [String] {
        let heading = MapLabels.emotionCurve(lang)
        guard columns.contains(where: { !$0.emotion.isEmpty }) else {
            return [heading + ": " + MapLabels.pick("no emotion logged", "尚无情绪记录", lang), ""]
        }
        let letters: [Role: String] = [.eb: "E", .tb: "T", .ub: "U", .coach: "C"]
        func marks(_ c: JourneyStage, _ level: Int) -> String {
            var here = c.roleLows.filter { $0.emotion.value == level }.map { low in
                let l = letters[low.role]!
                return (low.carried ? l.lowercased() : l) + (low.momentOfTruth ? "!" : "")
            }.joined()
            if let all = c.emotion.all, Int(all.rounded()) == level { here = "*" + here }
            return here
        }
        var out = DisplayWidth.wrap(heading + "  (E EB, T TB, U UB, C Coach: " + MapLabels.pick("lowest person; e t u c carried; ! moment of truth; * mean",
                                                                                         "最低者；小写为延续；! 关键时刻；* 平均", lang) + ")", to: width)
        let axis = 5
        let slot = max(4, min(10, (width - axis) / max(1, columns.count)))
        let perLine = max(1, (width - axis) / slot)
        for start in stride(from: 0, to: columns.count, by: perLine) {
            let chunk = Array(columns[start..<min(columns.count, start + perLine)])
            for level in stride(from: 3, through: -3, by: -1) {
                var line = DisplayWidth.padLeft(level > 0 ? "+\(level)" : "\(level)", to: 3) + " |"
                for c in chunk {
                    line += center(DisplayWidth.truncate(marks(c, level), to: slot - 1), slot)
                }
                out.append(line)
            }
            out.append("    +" + String(repeating: "-", count: chunk.count * slot))
            out.append("     " + chunk.map { center($0.position.map(String.init) ?? "-", slot) }.joined())
        }
        // A no-break space keeps each stage's value on the line of its name.
        let legend = columns.map { MapLabels.columnName($0, lang) + "\u{00A0}" + MapLabels.signed($0.emotion.all) }.joined(separator: "  ")
        out += DisplayWidth.wrap(legend, to: width)
        // The dips, by name: who is at −2 or below, where.
        for c in columns {
            for low in c.roleLows where low.emotion.value <= -2 && !low.carried {
                out += DisplayWidth.wrap("  " + MapLabels.columnName(c, lang) + ": " + MapLabels.roleLow(low, lang), to: width)
            }
        }
        out.append("")
        return out
    }

    static func center(_ s: String, _ width: Int) -> String {
        let w = DisplayWidth.of(s)
        guard w < width else { return s }
        let left = (width - w) / 2
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: width - w - left)
    }

    // MARK: moments of truth and decision chain

    static func moments(_ map: JourneyMap, width: Int) -> [String] {
        let lang = map.language
        guard !map.momentsOfTruth.isEmpty else { return [] }
        var out = [MapLabels.momentsOfTruth(lang)]
        for m in map.momentsOfTruth {
            let previous = map.stages.first { $0.key == m.previousStage && m.previousStage != nil }?.name
            out += indent(MapLabels.momentHeadline(m, lang), first: "(!) ", rest: "    ", width: width)
            out += indent(MapLabels.momentReason(m, previousStageName: previous, lang), first: "    ", rest: "    ", width: width)
            if let q = m.quote { out += indent("“\(q)”", first: "    ", rest: "    ", width: width) }
            if !m.why.isEmpty {
                out += indent(MapLabels.why(lang) + ": " + m.why.joined(separator: "; "), first: "    ", rest: "    ", width: width)
            }
        }
        out.append("")
        return out
    }

    static func chain(_ map: JourneyMap, width: Int) -> [String] {
        let lang = map.language
        guard !map.decisionChain.isEmpty else { return [] }
        var out = [MapLabels.decisionChain(lang)]
        let ids = Set(map.decisionChain.map(\.stakeholderID))
        var children: [Int64: [ChainMember]] = [:], roots: [ChainMember] = []
        for c in map.decisionChain {
            if let boss = c.reportsTo, ids.contains(boss) { children[boss, default: []].append(c) } else { roots.append(c) }
        }
        func line(_ c: ChainMember) -> String {
            let details = c.roles.isEmpty ? MapLabels.noRole(lang) : MapLabels.chainDetails(c, lang)
            return c.name + (c.title.isEmpty ? "" : ", " + c.title) + " — " + details
        }
        func visit(_ c: ChainMember, prefix: String, last: Bool, root: Bool) {
            let head = root ? "" : prefix + (last ? "└─ " : "├─ ")
            let cont = root ? "" : prefix + (last ? "   " : "│  ")
            out += indent(line(c), first: head, rest: cont + "   ", width: width)
            let kids = children[c.stakeholderID] ?? []
            for (i, k) in kids.enumerated() { visit(k, prefix: cont, last: i == kids.count - 1, root: false) }
        }
        for r in roots { visit(r, prefix: "", last: true, root: true) }
        return out
    }

    /// Wraps `text` after a first-line prefix, continuing under `rest`.
    static func indent(_ text: String, first: String, rest: String, width: Int) -> [String] {
        let room = max(10, width - max(DisplayWidth.of(first), DisplayWidth.of(rest)))
        return DisplayWidth.wrap(text, to: room).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    static func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
