/// Terminal display width: East Asian wide and fullwidth characters (CJK,
/// Hangul, fullwidth forms, most emoji) take two columns; combining marks none.
public enum DisplayWidth {
    /// Columns a string takes in a terminal.
    public static func of(_ s: String) -> Int {
        var w = 0
        for ch in s { w += of(ch) }
        return w
    }

    /// Columns one character takes.
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        if ch.unicodeScalars.count > 1, ch.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
            return 2
        }
        return of(first)
    }

    static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if u.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Pads with spaces on the right to `width` columns (no truncation).
    public static func pad(_ s: String, to width: Int) -> String {
        let w = of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    /// Pads on the left (for numbers).
    public static func padLeft(_ s: String, to width: Int) -> String {
        let w = of(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    /// Cuts to at most `width` columns, ending with `…` when cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = "", w = 0
        for ch in s {
            let cw = of(ch)
            if w + cw > width - 1 { break }
            out.append(ch); w += cw
        }
        return out + "…"
    }

    /// Breaks text into lines of at most `width` columns (on spaces for Latin
    /// text, anywhere between CJK characters).
    public static func wrap(_ s: String, to width: Int) -> [String] {
        guard width > 0 else { return [s] }
        var lines: [String] = [], line = "", w = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let ww = of(word)
            if w > 0 && w + 1 + ww <= width { line += " " + word; w += 1 + ww; continue }
            if w > 0 { lines.append(line); line = ""; w = 0 }
            if ww <= width { line = word; w = ww; continue }
            for ch in word {
                let cw = of(ch)
                if w + cw > width { lines.append(line); line = ""; w = 0 }
                line.append(ch); w += cw
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
