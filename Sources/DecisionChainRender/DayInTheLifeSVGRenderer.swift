import DecisionChain

/// The day as an SVG chart: the hours across, the emotion curve (with the
/// spread across days on a typical day), low points marked, and what the
/// person does at each step. All text escaped; widths measured CJK-aware.
public enum DayInTheLifeSVGRenderer {
    static let fontFamily = "-apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"

    /// A standalone SVG document (`embedded: false`) or the `<svg>` element for HTML.
    public static func render(_ d: DayInTheLife, lang: Language, embedded: Bool = false) -> String {
        let left = 56.0, right = 24.0, top = 48.0, plotHeight = 220.0
        let labelRows = 4, rowHeight = 18.0
        let firstHour = min(8, (d.steps.map(\.minute).min() ?? 480) / 60)
        let lastHour = max(18, ((d.steps.map(\.minute).max() ?? 1080) + 59) / 60)
        let hours = max(1, lastHour - firstHour)
        let pxPerHour = max(70.0, min(110.0, 1000.0 / Double(hours)))
        let width = left + right + Double(hours) * pxPerHour
        let height = top + plotHeight + 40 + Double(labelRows) * rowHeight + 16
        func x(_ minute: Int) -> Double { left + Double(minute - firstHour * 60) / 60 * pxPerHour }
        func y(_ feels: Double) -> Double { top + (3 - feels) / 6 * plotHeight }
        let esc = Escape.html
        var svg = embedded ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"day\" width=\"\(num(width))\" height=\"\(num(height))\" viewBox=\"0 0 \(num(width)) \(num(height))\" role=\"img\" aria-label=\"\(esc(DayLabels.curveHeading(lang)))\" font-family=\"\(fontFamily)\" font-size=\"12\">\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(num(width))\" height=\"\(num(height))\" fill=\"#ffffff\"/>\n"
        svg += "<text x=\"\(num(left))\" y=\"22\" font-size=\"15\" font-weight=\"600\" fill=\"#1f2937\">\(esc(DayLabels.title(d, lang)))</text>\n"
        svg += "<text x=\"\(num(left))\" y=\"38\" fill=\"#6b7280\">\(esc(DisplayWidth.truncate(DayLabels.subtitle(d, lang), to: Int(width / 7))))</text>\n"
        // Emotion bands and axis.
        svg += "<rect x=\"\(num(left))\" y=\"\(num(y(3)))\" width=\"\(num(width - left - right))\" height=\"\(num(y(0) - y(3)))\" fill=\"#ecfdf5\"/>\n"
        svg += "<rect x=\"\(num(left))\" y=\"\(num(y(0)))\" width=\"\(num(width - left - right))\" height=\"\(num(y(-3) - y(0)))\" fill=\"#fef2f2\"/>\n"
        for e in -3...3 {
            svg += "<line x1=\"\(num(left))\" y1=\"\(num(y(Double(e))))\" x2=\"\(num(width - right))\" y2=\"\(num(y(Double(e))))\" stroke=\"\(e == 0 ? "#9ca3af" : "#e5e7eb")\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(num(left - 8))\" y=\"\(num(y(Double(e)) + 4))\" text-anchor=\"end\" fill=\"#6b7280\">\(DayLabels.signed(Double(e)))</text>\n"
        }
        for h in firstHour...lastHour {
            svg += "<line x1=\"\(num(x(h * 60)))\" y1=\"\(num(top))\" x2=\"\(num(x(h * 60)))\" y2=\"\(num(top + plotHeight))\" stroke=\"#f3f4f6\"/>\n"
            svg += "<text x=\"\(num(x(h * 60)))\" y=\"\(num(top + plotHeight + 16))\" text-anchor=\"middle\" fill=\"#374151\">\(ClockTime.text(h * 60))</text>\n"
        }
        // The spread across days (typical day), then the curve.
        let pts = d.curve
        if d.kind == .typical, pts.count > 1 {
            let upper = pts.map { "\(num(x($0.minute))),\(num(y(Double($0.max))))" }
            let lower = pts.reversed().map { "\(num(x($0.minute))),\(num(y(Double($0.min))))" }
            svg += "<polygon class=\"spread\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"#bfdbfe\" fill-opacity=\"0.6\" stroke=\"none\"/>\n"
        }
        if pts.count > 1 {
            svg += "<polyline class=\"curve\" points=\"\(pts.map { "\(num(x($0.minute))),\(num(y($0.feels)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n"
        }
        for p in pts {
            let color = p.low ? "#dc2626" : (p.feels > 0 ? "#059669" : "#2563eb")
            svg += "<circle class=\"\(p.low ? "low" : "point")\" cx=\"\(num(x(p.minute)))\" cy=\"\(num(y(p.feels)))\" r=\"\(p.low ? 6 : 4)\" fill=\"\(color)\"><title>\(esc(p.time + " " + DayLabels.signed(p.feels)))</title></circle>\n"
            if p.low {
                svg += "<text x=\"\(num(x(p.minute)))\" y=\"\(num(y(p.feels) - 10))\" text-anchor=\"middle\" fill=\"#dc2626\" font-weight=\"600\">▼ \(esc(DayLabels.lowPoint(lang)))</text>\n"
            }
        }
        // What they do, staggered over rows so neighbours do not collide.
        let labelTop = top + plotHeight + 36
        var rowEnds = Array(repeating: -Double.infinity, count: labelRows)
        for s in d.steps {
            let cx = x(s.minute)
            let maxChars = Int(pxPerHour * 1.6 / 7)
            var label = s.time + " " + s.does
            if !s.tools.isEmpty { label += " [" + s.tools.joined(separator: ", ") + "]" }
            label = DisplayWidth.truncate(label, to: max(8, maxChars))
            let w = Double(DisplayWidth.of(label)) * 6.5
            // A label that would run off the right edge ends at its step instead.
            let endAnchored = cx + w > width - 4
            let leftEdge = endAnchored ? cx - w : cx
            let row = rowEnds.firstIndex { $0 < leftEdge - 4 } ?? rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] }!
            let ly = labelTop + Double(row) * rowHeight
            svg += "<line x1=\"\(num(cx))\" y1=\"\(num(top + plotHeight))\" x2=\"\(num(cx))\" y2=\"\(num(ly - 11))\" stroke=\"#d1d5db\" stroke-dasharray=\"2,2\"/>\n"
            svg += "<text class=\"step\" x=\"\(num(cx))\" y=\"\(num(ly))\"\(endAnchored ? " text-anchor=\"end\"" : "") fill=\"\(s.low ? "#b91c1c" : "#111827")\">\(esc(label))</text>\n"
            rowEnds[row] = leftEdge + w
        }
        svg += "</svg>\n"
        return svg
    }

    static func num(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
