import Foundation

/// The one normaliser of names (accounts, units, stakeholders, deals, teams,
/// workspaces' display names): every write and every look-up goes through it,
/// so "Café" typed composed or decomposed, or "市数据局 " with a trailing
/// space, is the same name.
public enum Names {
    /// NFC, trimmed, inner runs of whitespace collapsed to one space. Refuses
    /// control characters (newlines, ANSI escapes…), text that was not valid
    /// UTF-8 (decoded as U+FFFD) and an empty result, naming the field.
    public static func normalize(_ text: String, field: String) throws -> String {
        if let problem = problem(in: text, allowNewlines: false) {
            throw InputError(field: field, value: visible(text), problem: problem)
        }
        var out = ""
        var pendingSpace = false
        for ch in text.precomposedStringWithCanonicalMapping {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        guard !out.isEmpty else { throw InputError(field: field, value: text, problem: "must not be empty") }
        return out
    }

    /// An optional name: nil stays nil.
    public static func normalize(_ text: String?, field: String) throws -> String? {
        try text.map { try normalize($0, field: field) }
    }

    /// Free text (summaries, quotes, responses): NFC, newlines and tabs kept,
    /// other control characters and invalid UTF-8 refused naming the field.
    public static func freeText(_ text: String, field: String) throws -> String {
        if let problem = problem(in: text, allowNewlines: true) {
            throw InputError(field: field, value: visible(text), problem: problem)
        }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Why a text cannot be stored, or nil.
    static func problem(in text: String, allowNewlines: Bool) -> String? {
        for s in text.unicodeScalars {
            if s == "\u{FFFD}" { return "is not valid UTF-8" }
            if s == "\t" || (allowNewlines && (s == "\n" || s == "\r")) { continue }
            if isControl(s) {
                return "contains a control character (U+\(String(s.value, radix: 16, uppercase: true).leftPadded(4))); type it without"
            }
        }
        return nil
    }

    /// C0 and C1 controls and DEL: what a terminal would act on.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// The text with every control character (newlines included) shown as an
    /// escape (`\n`, `\u{1B}`): safe to print on one terminal line.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(s) { out += "\\u{\(String(s.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// Text for a terminal: control characters other than newline and tab
    /// escaped (an ANSI escape in a stored summary is shown, never obeyed).
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if isControl(s) && s != "\n" && s != "\t" {
                out += s == "\r" ? "\\r" : "\\u{\(String(s.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

extension Names {
    /// The names most like a reference that matched nothing, best first: the
    /// did-you-mean of every look-up. Compares characters (so 刘主人 is one
    /// edit from 刘主任), ignoring case; a name containing the reference, or
    /// contained in it, also counts. Never more than `limit`.
    public static func suggestions(for reference: String, among names: [String], limit: Int = 5) -> [String] {
        let ref = Array(reference.lowercased())
        guard !ref.isEmpty else { return [] }
        var scored: [(distance: Int, name: String)] = []
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            let candidate = Array(name.lowercased())
            let d = editDistance(ref, candidate)
            let allowed = max(1, min(ref.count, candidate.count) / 3)
            let contains = ref.count >= 2 && candidate.count >= 2
                && (name.lowercased().contains(reference.lowercased()) || reference.lowercased().contains(name.lowercased()))
            if d <= allowed || contains { scored.append((contains ? min(d, allowed) : d, name)) }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
