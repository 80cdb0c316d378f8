import DecisionChain
import Foundation

/// Renders a journey map as SVG: the whole map (swimlanes with the emotion
/// curve drawn in its lane), or its parts for the HTML page: the emotion curve
/// per role across stages and the decision-chain org chart. All user text
/// goes through `Escape.html`; no scripts, no external references.
public enum JourneyMapSVGRenderer {
    /// Line colours of the emotion series, `all` last (drawn on top).
    static let series: [(key: String, color: String, role: Role?)] = [
        ("EB", "#1f77b4", .eb), ("TB", "#e8590c", .tb), ("UB", "#2b8a3e", .ub), ("Coach", "#7048e8", .coach), ("all", "#1d2330", nil),
    ]

    static func value(_ e: RoleEmotions, _ role: Role?) -> Double? { role.map { e[$0] } ?? e.all }
    /// Approximate pixels per display column at 11px (CJK characters take two columns).
    static let pxPerColumn = 6.0

    static func esc(_ s: String) -> String { Escape.html(s) }
    static func num(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    // MARK: the whole map

    /// A standalone SVG document of the map: title, one column per stage,
    /// one row per lane, the emotion lane drawn as a curve per role; moments of truth outlined in red.
    public static func render(_ map: JourneyMap) -> String {
        let lang = map.language
        let columns = map.columns
        let labelW = 130.0, colW = 200.0, pad = 6.0, lineH = 14.0, top = map.persona == nil ? 70.0 : 86.0, curveH = 7 * 20.0 + 24
        let width = labelW + colW * Double(max(columns.count, 1)) + 20
        let chars = Int((colW - 2 * pad) / pxPerColumn)

        // Row heights: the header, then each lane (the emotion lane is the curve).
        let lanes = MapLabels.lanes(of: map)
        let header = columns.map { c in ([MapLabels.columnName(c, lang)] + MapLabels.columnDetails(c, lang)).flatMap { DisplayWidth.wrap($0, to: chars) } }
        var cells: [MapLabels.Lane: [[(String, MapLabels.Tone)]]] = [:]
        for lane in lanes where lane != .emotion {
            cells[lane] = columns.map { c in
                MapLabels.items(lane, of: c, lang).flatMap { item in DisplayWidth.wrap(item.text, to: chars).map { ($0, item.tone) } }
            }
        }
        func height(_ lines: Int) -> Double { max(1, Double(lines)) * lineH + 2 * pad }
        var rows: [(label: String, y: Double, h: Double)] = []
        var y = top
        let headerH = height(header.map(\.count).max() ?? 1)
        rows.append((MapLabels.stageHeading(lang), y, headerH)); y += headerH
        for lane in lanes {
            let h = lane == .emotion ? curveH : height(cells[lane]?.map(\.count).max() ?? 1)
            rows.append((MapLabels.lane(lane, lang), y, h)); y += h
        }
        var bottom = y + 16
        var svg: [String] = []
        svg.append("<text x=\"10\" y=\"26\" class=\"t\">\(esc(MapLabels.title(map) + ": " + map.account.name))</text>")
        svg.append("<text x=\"10\" y=\"46\" class=\"s\">\(esc(MapLabels.subtitle(map)))</text>")
        svg.append("<text x=\"10\" y=\"62\" class=\"s\">\(esc(MapLabels.summary(map)))</text>")
        if let focus = MapLabels.personaLine(map) { svg.append("<text x=\"10\" y=\"78\" class=\"s\">\(esc(DisplayWidth.truncate(focus, to: Int(width / 7))))</text>") }

        // Lane bands and labels.
        for (i, r) in rows.enumerated() {
            svg.append("<rect x=\"0\" y=\"\(num(r.y))\" width=\"\(num(width))\" height=\"\(num(r.h))\" fill=\"\(i == 0 ? "#e9ecf2" : (i % 2 == 0 ? "#f7f8fa" : "#ffffff"))\"/>")
            svg.append("<text x=\"8\" y=\"\(num(r.y + pad + 11))\" class=\"l\">\(esc(r.label))</text>")
        }
        for (ci, c) in columns.enumerated() {
            let x = labelW + Double(ci) * colW
            svg.append("<line x1=\"\(num(x))\" y1=\"\(num(top))\" x2=\"\(num(x))\" y2=\"\(num(y))\" stroke=\"#c9ced8\"/>")
            if c.momentOfTruth {
                svg.append("<rect x=\"\(num(x + 1))\" y=\"\(num(top + 1))\" width=\"\(num(colW - 2))\" height=\"\(num(y - top - 2))\" fill=\"none\" stroke=\"#c92a2a\" stroke-width=\"2.5\" rx=\"4\"><title>\(esc(MapLabels.momentsOfTruth(lang)))</title></rect>")
            }
            for (li, line) in header[ci].enumerated() {
                svg.append("<text x=\"\(num(x + pad))\" y=\"\(num(top + pad + 11 + Double(li) * lineH))\" class=\"\(li == 0 ? "h" : "m")\">\(esc(line))</text>")
            }
            for (lane, r) in zip(lanes, rows.dropFirst()) where lane != .emotion {
                for (li, line) in (cells[lane]?[ci] ?? []).enumerated() {
                    svg.append("<text x=\"\(num(x + pad))\" y=\"\(num(r.y + pad + 11 + Double(li) * lineH))\" class=\"\(toneClass(line.1))\">\(esc(line.0))</text>")
                }
            }
        }
        if let emotionRow = zip(lanes, rows.dropFirst()).first(where: { $0.0 == .emotion })?.1 {
            svg.append(curve(columns, lang: lang, x: { labelW + (Double($0) + 0.5) * colW }, left: labelW, right: width - 20,
                             top: emotionRow.y + 12, step: 20, labels: false))
            // The legend sits under the lane's label.
            for (i, s) in series.enumerated() {
                let ly = emotionRow.y + pad + 11 + Double(i + 1) * lineH
                svg.append("<line x1=\"8\" y1=\"\(num(ly - 4))\" x2=\"24\" y2=\"\(num(ly - 4))\" stroke=\"\(s.color)\" stroke-width=\"\(s.role == nil ? 3 : 2)\"/><text x=\"30\" y=\"\(num(ly))\" class=\"m\">\(esc(s.role == nil ? MapLabels.all(lang) : s.key))</text>")
            }
        }

        // Moments of truth under the grid.
        for m in map.momentsOfTruth {
            bottom += 18
            svg.append("<text x=\"10\" y=\"\(num(bottom))\" class=\"neg\">(!) \(esc(MapLabels.momentHeadline(m, lang) + " — " + MapLabels.momentReason(m, previousStageName: nil, lang)))</text>")
        }
        let total = bottom + 16
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(num(width))" height="\(num(total))" viewBox="0 0 \(num(width)) \(num(total))" font-family="\(fontFamily)">
            <style>.t{font-size:18px;font-weight:600;fill:#1d2330}.s{font-size:12px;fill:#5c6370}.l{font-size:12px;font-weight:600;fill:#1d2330}.h{font-size:12px;font-weight:600;fill:#1d2330}.m{font-size:11px;fill:#5c6370}.plain,.quote{font-size:11px;fill:#1d2330}.quote{font-style:italic}.pos{font-size:11px;fill:#2b8a3e}.neg{font-size:11px;fill:#c92a2a}.warn{font-size:11px;fill:#b35c00}.muted{font-size:11px;fill:#868e96}.plan{font-size:11px;fill:#1864ab}</style>
            \(svg.joined(separator: "\n"))
            </svg>

            """
    }

    static let fontFamily = "-apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"

    static func toneClass(_ t: MapLabels.Tone) -> String {
        switch t {
        case .plain: return "plain"
        case .positive: return "pos"
        case .negative: return "neg"
        case .warning: return "warn"
        case .quote: return "quote"
        case .muted: return "muted"
        case .planned: return "plan"
        }
    }

    // MARK: emotion curve

    /// An `<svg>` of the emotion curve: one line per role and one for everyone
    /// across the stages, gaps where the emotion is unknown, stage names below,
    /// moments of truth shaded.
    public static func emotionCurve(_ map: JourneyMap, width: Double = 1000) -> String {
        let lang = map.language
        let columns = map.columns
        let left = 40.0, right = 16.0, top = 30.0, step = 24.0
        let colW = (width - left - right) / Double(max(columns.count, 1))
        let height = top + 6 * step + 50
        var out: [String] = []
        for (i, c) in columns.enumerated() where c.momentOfTruth {
            out.append("<rect x=\"\(num(left + Double(i) * colW))\" y=\"\(num(top - 8))\" width=\"\(num(colW))\" height=\"\(num(6 * step + 16))\" fill=\"#ffe3e3\"><title>\(esc(MapLabels.momentsOfTruth(lang)))</title></rect>")
        }
        out.append(curve(columns, lang: lang, x: { left + (Double($0) + 0.5) * colW }, left: left, right: width - right, top: top, step: step, labels: true))
        // Stage names under the axis.
        let chars = max(4, Int(colW / pxPerColumn) - 1)
        for (i, c) in columns.enumerated() {
            let name = MapLabels.columnName(c, lang)
            out.append("<text x=\"\(num(left + (Double(i) + 0.5) * colW))\" y=\"\(num(top + 6 * step + 22))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1d2330\">\(esc(DisplayWidth.truncate(name, to: chars)))<title>\(esc(name))</title></text>")
        }
        // Legend.
        var lx = left
        for s in series {
            let label = s.key == "all" ? MapLabels.all(lang) : s.key
            out.append("<line x1=\"\(num(lx))\" y1=\"12\" x2=\"\(num(lx + 18))\" y2=\"12\" stroke=\"\(s.color)\" stroke-width=\"\(s.key == "all" ? 3 : 2)\"/><text x=\"\(num(lx + 22))\" y=\"16\" font-size=\"11\" fill=\"#1d2330\">\(esc(label))</text>")
            lx += 30 + Double(DisplayWidth.of(label)) * pxPerColumn + 12
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="curve" viewBox="0 0 \(num(width)) \(num(height))" width="100%" role="img" aria-label="\(esc(MapLabels.emotionCurve(lang)))" font-family="\(fontFamily)">
            \(out.joined(separator: "\n"))
            </svg>
            """
    }

    /// Grid lines for −3…+3 between `left` and `right`, then one polyline per
    /// series (broken where unknown) with a dot and a tooltip per known value.
    static func curve(_ columns: [JourneyStage], lang: Language, x: (Int) -> Double, left: Double, right: Double,
                      top: Double, step: Double, labels: Bool) -> String {
        func y(_ v: Double) -> Double { top + (3 - v) * step }
        var out: [String] = []
        for v in stride(from: 3, through: -3, by: -1) {
            out.append("<line x1=\"\(num(left))\" y1=\"\(num(y(Double(v))))\" x2=\"\(num(right))\" y2=\"\(num(y(Double(v))))\" stroke=\"\(v == 0 ? "#868e96" : "#e1e4ea")\" stroke-width=\"\(v == 0 ? 1.2 : 1)\"/>")
            if labels || v == 3 || v == 0 || v == -3 {
                out.append("<text x=\"\(num(left - 6))\" y=\"\(num(y(Double(v)) + 4))\" text-anchor=\"end\" font-size=\"10\" fill=\"#868e96\">\(v > 0 ? "+\(v)" : "\(v)")</text>")
            }
        }
        // The mean of everyone first, thin and underneath: the people's lines are what to read.
        if let all = series.last {
            var segment: [String] = []
            func flush() {
                if segment.count > 1 {
                    out.append("<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"\(all.color)\" stroke-width=\"1.5\" stroke-opacity=\"0.45\" stroke-dasharray=\"2 3\"/>")
                }
                segment = []
            }
            for (i, c) in columns.enumerated() {
                guard let v = c.emotion.all else { flush(); continue }
                segment.append("\(num(x(i))),\(num(y(v)))")
            }
            flush()
            for (i, c) in columns.enumerated() {
                guard let v = c.emotion.all else { continue }
                let label = MapLabels.all(lang) + " · " + MapLabels.columnName(c, lang) + " · " + MapLabels.signed(v)
                out.append("<circle cx=\"\(num(x(i)))\" cy=\"\(num(y(v)))\" r=\"2.5\" fill=\"\(all.color)\" fill-opacity=\"0.45\"><title>\(esc(label))</title></circle>")
            }
        }
        // Each role: its lowest person per stage; solid where met, dashed into a stage where nobody met them (carried).
        var marks: [String] = []
        for s in series {
            guard let role = s.role else { continue }
            let points: [(i: Int, low: RoleLow)] = columns.enumerated().compactMap { i, c in c.roleLows.first { $0.role == role }.map { (i, $0) } }
            for (a, b) in zip(points, points.dropFirst()) {
                let dash = b.low.carried ? " stroke-dasharray=\"5 4\"" : ""
                out.append("<line x1=\"\(num(x(a.i)))\" y1=\"\(num(y(Double(a.low.emotion.value))))\" x2=\"\(num(x(b.i)))\" y2=\"\(num(y(Double(b.low.emotion.value))))\" stroke=\"\(s.color)\" stroke-width=\"2.5\" stroke-linecap=\"round\"\(dash)/>")
            }
            for p in points {
                let v = Double(p.low.emotion.value), cx = num(x(p.i)), cy = num(y(v))
                let label = s.key + " · " + MapLabels.columnName(columns[p.i], lang) + " · " + MapLabels.roleLow(p.low, lang)
                if p.low.carried {
                    out.append("<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3\" fill=\"#ffffff\" stroke=\"\(s.color)\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"><title>\(esc(label))</title></circle>")
                    continue
                }
                let deep = p.low.emotion.value <= -2
                out.append("<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(deep ? 6 : 4.5)\" fill=\"\(s.color)\" stroke=\"#ffffff\" stroke-width=\"1.5\" class=\"e\" data-emotion=\"\(p.low.emotion.value)\"><title>\(esc(label))</title></circle>")
                if p.low.momentOfTruth {
                    marks.append("<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"11\" fill=\"none\" stroke=\"#c92a2a\" stroke-width=\"2.5\"><title>\(esc(MapLabels.momentsOfTruth(lang)))</title></circle>")
                }
                if deep || p.low.momentOfTruth {
                    let text = "\(p.low.emotion) " + p.low.people.joined(separator: ", ") + (p.low.momentOfTruth ? " !" : "")
                    marks.append("<text x=\"\(num(x(p.i) + 14))\" y=\"\(num(y(v) + 4))\" font-size=\"12\" font-weight=\"700\" fill=\"#c92a2a\">\(esc(text))</text>")
                }
            }
        }
        return (out + marks).joined(separator: "\n")
    }

    // MARK: decision chain

    /// An `<svg>` org chart of the decision chain: boxes linked by reports-to,
    /// each with name, title, role, influence, stance and latest emotion; the
    /// border shows the stance (green support, red opposition).
    public static func decisionChain(_ map: JourneyMap) -> String {
        let lang = map.language
        let members = map.decisionChain
        guard !members.isEmpty else { return "" }
        let boxW = 190.0, boxH = 74.0, gapX = 16.0, gapY = 40.0, margin = 10.0
        let ids = Set(members.map(\.stakeholderID))
        var children: [Int64: [ChainMember]] = [:], roots: [ChainMember] = []
        for m in members {
            if let boss = m.reportsTo, ids.contains(boss) { children[boss, default: []].append(m) } else { roots.append(m) }
        }
        // Leaves take consecutive slots; a parent sits centred over its children.
        var slot = 0.0, position: [Int64: (x: Double, depth: Int)] = [:]
        func place(_ m: ChainMember, depth: Int) -> Double {
            let kids = children[m.stakeholderID] ?? []
            let x: Double
            if kids.isEmpty { x = slot; slot += 1 } else {
                let xs = kids.map { place($0, depth: depth + 1) }
                x = ((xs.first ?? 0) + (xs.last ?? 0)) / 2
            }
            position[m.stakeholderID] = (x, depth)
            return x
        }
        for r in roots { _ = place(r, depth: 0) }
        let maxDepth = position.values.map(\.depth).max() ?? 0
        let width = margin * 2 + slot * (boxW + gapX) - gapX
        let height = margin * 2 + Double(maxDepth + 1) * (boxH + gapY) - gapY
        func origin(_ id: Int64) -> (x: Double, y: Double) {
            let p = position[id] ?? (0, 0)
            return (margin + p.x * (boxW + gapX), margin + Double(p.depth) * (boxH + gapY))
        }
        var out: [String] = []
        for m in members {
            guard let boss = m.reportsTo, ids.contains(boss) else { continue }
            let a = origin(boss), b = origin(m.stakeholderID)
            let midY = a.y + boxH + gapY / 2
            out.append("<path d=\"M\(num(a.x + boxW / 2)) \(num(a.y + boxH)) V\(num(midY)) H\(num(b.x + boxW / 2)) V\(num(b.y))\" fill=\"none\" stroke=\"#adb5bd\" stroke-width=\"1.5\"/>")
        }
        let chars = Int((boxW - 16) / pxPerColumn)
        for m in members {
            let o = origin(m.stakeholderID)
            let stroke: String
            switch m.stance {
            case .champion?, .supporter?: stroke = "#2b8a3e"
            case .skeptic?, .opponent?: stroke = "#c92a2a"
            default: stroke = "#868e96"
            }
            let roleLine = m.roles.isEmpty ? MapLabels.noRole(lang)
                : ([MapLabels.roles(m.roles)] + [m.influence.map { Labels.influence($0, lang) }, m.stance.map { Labels.stance($0, lang) }]
                    .compactMap { $0 }).joined(separator: " · ")
            let emotion = m.latestEmotion.map { MapLabels.pick("latest ", "最近情绪 ", lang) + $0.description + (m.latestEmotionLabel.map { " " + $0 } ?? "") }
                ?? MapLabels.pick("emotion unknown", "情绪未知", lang)
            let emotionColor = (m.latestEmotion?.value ?? 0) < 0 ? "#c92a2a" : ((m.latestEmotion?.value ?? 0) > 0 ? "#2b8a3e" : "#5c6370")
            out.append("""
                <g class="member"><title>\(esc(m.name + (m.title.isEmpty ? "" : ", " + m.title)))</title>\
                <rect x="\(num(o.x))" y="\(num(o.y))" width="\(num(boxW))" height="\(num(boxH))" rx="6" fill="\(m.roles.isEmpty ? "#f8f9fa" : "#ffffff")" stroke="\(stroke)" stroke-width="\(m.roles.isEmpty ? 1 : 2)"\(m.roles.isEmpty ? " stroke-dasharray=\"4 3\"" : "")/>\
                <text x="\(num(o.x + 8))" y="\(num(o.y + 18))" font-size="13" font-weight="600" fill="#1d2330">\(esc(DisplayWidth.truncate(m.name, to: chars - 2)))</text>\
                <text x="\(num(o.x + 8))" y="\(num(o.y + 34))" font-size="11" fill="#5c6370">\(esc(DisplayWidth.truncate(m.title, to: chars)))</text>\
                <text x="\(num(o.x + 8))" y="\(num(o.y + 50))" font-size="11" fill="#1d2330">\(esc(DisplayWidth.truncate(roleLine, to: chars)))</text>\
                <text x="\(num(o.x + 8))" y="\(num(o.y + 66))" font-size="11" fill="\(emotionColor)">\(esc(DisplayWidth.truncate(emotion, to: chars)))</text></g>
                """)
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chain" viewBox="0 0 \(num(width)) \(num(height))" width="\(num(width))" role="img" aria-label="\(esc(MapLabels.decisionChain(lang)))" font-family="\(fontFamily)">
            \(out.joined(separator: "\n"))
            </svg>
            """
    }
}
