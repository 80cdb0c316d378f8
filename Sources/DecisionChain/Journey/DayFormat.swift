/// The two shapes of an observed day that `dchain observe --from-file` reads
/// (documented in `docs/day-format.md`):
///
/// - the **text format** a rep types in the car, one step a line:
///   `09:05 登录三个系统 -2:烦 想:又要录一遍 工具:受理系统 痛:同一件事录三遍:high`
/// - **CSV** with a header naming the columns: `time,does,thinks,feels,label,tool,pain,severity`
///   (any order; `date` and `who` optional, for several days or people in one file).
///
/// Steps may come in any order: the time orders the day. Two steps of one
/// person at the same minute of the same day are refused.
public enum DayFormat {
    /// Which of the two formats a file is in: CSV when the name ends in `.csv`
    /// or the first line that is neither blank nor a `#` comment starts with `time,`.
    public static func isCSV(_ content: String, path: String) -> Bool {
        if path.lowercased().hasSuffix(".csv") { return true }
        let first = content.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        return first.map { $0.lowercased().hasPrefix("time,") || $0.lowercased().hasPrefix("\u{FEFF}time,") } ?? false
    }

    /// Parses a file in either format.
    public static func parse(_ content: String, path: String) throws -> [ObservationStep] {
        let steps = try isCSV(content, path: path) ? csv(content) : text(content)
        guard !steps.isEmpty else { throw InputError(field: "from-file", value: path, problem: "holds no steps (one a line: HH:MM WHAT-THEY-DO …)") }
        var seen: [String: Int] = [:]
        for s in steps {
            let key = "\(s.who ?? "")|\(s.on?.description ?? "")|\(s.minute)"
            if seen[key] != nil {
                throw InputError(field: "from-file", value: s.time, problem: "has two steps at the same time; one step per minute")
            }
            seen[key] = s.minute
        }
        return steps.sorted { ($0.on ?? Day(ordinal: 0), $0.minute) < ($1.on ?? Day(ordinal: 0), $1.minute) }
    }

    // MARK: the text format

    /// Markers that start a field of a text-format line, with the field they start.
    static let markers: [(String, String)] = [
        ("think", "thinks"), ("thinks", "thinks"), ("想", "thinks"),
        ("tool", "tool"), ("工具", "tool"), ("用", "tool"),
        ("pain", "pain"), ("痛", "pain"), ("痛点", "pain"),
    ]

    /// Parses the text format: `HH:MM DOES [±N[:LABEL]] [想:…] [工具:…] [痛:…[:severity]]`.
    /// Blank lines and lines starting with `#` are skipped.
    public static func text(_ content: String) throws -> [ObservationStep] {
        var steps: [ObservationStep] = []
        for (n, raw) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            if n == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            steps.append(try textLine(line, number: n + 1))
        }
        return steps
    }

    static func textLine(_ line: String, number: Int) throws -> ObservationStep {
        let field = "line \(number)"
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init)
        guard let first = tokens.first, first.first?.isNumber == true else {
            throw InputError(field: field, value: Names.visible(line), problem: "does not start with a time (HH:MM WHAT-THEY-DO …)")
        }
        let minute = try ClockTime.parse(first, field: "\(field) time")
        var fields: [String: [String]] = [:]
        var current = "does"
        var feels: String?
        for token in tokens.dropFirst() {
            if let (key, rest) = marker(token) {
                guard fields[key] == nil else { throw InputError(field: field, value: token, problem: "repeats \(key); one per line") }
                current = key
                fields[key] = rest.isEmpty ? [] : [rest]
                continue
            }
            if current == "does", feels == nil, isFeels(token), fields["does"]?.isEmpty ?? true {
                throw InputError(field: "\(field) does", value: "", problem: "must not be empty: say what the person does before the feeling \(token)")
            }
            if current == "does", feels == nil, isFeels(token), fields["does"]?.isEmpty == false {
                feels = token
                current = "after-feels"
                continue
            }
            if current == "after-feels" {
                throw InputError(field: field, value: token, problem: "follows the feeling; put 想:, 工具: or 痛: before more text")
            }
            fields[current, default: []].append(token)
        }
        let does = try DayFormat.text(fields["does"]?.joined(separator: " "), field: "\(field) does", required: true)!
        let (emotion, label) = try feels.map { try DayFormat.feels($0, field: "\(field) feels") } ?? (nil, nil)
        let (pain, severity) = try fields["pain"].map { try DayFormat.pain($0.joined(separator: " "), field: "\(field) pain") } ?? (nil, nil)
        return ObservationStep(minute: minute, does: does, thinks: try DayFormat.text(fields["thinks"]?.joined(separator: " "), field: "\(field) thinks"),
                               feels: emotion, feelsLabel: label,
                               tool: try DayFormat.text(fields["tool"]?.joined(separator: " "), field: "\(field) tool"),
                               pain: pain, severity: severity)
    }

    /// `想:text` → ("thinks", "text"); nil when the token starts no field.
    static func marker(_ token: String) -> (String, String)? {
        guard let cut = token.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let head = token[..<cut].lowercased()
        guard let key = markers.first(where: { $0.0 == head })?.1 else { return nil }
        return (key, String(token[token.index(after: cut)...]))
    }

    /// A feeling token: a sign and a number (`-2`, `+1`, `±0`, `0`), optionally `:LABEL`.
    /// A bare number other than 0 stays part of the text (`处理 3 件`).
    static func isFeels(_ token: String) -> Bool {
        let number = token.prefix { $0 != ":" && $0 != "：" }
        guard let sign = number.first else { return false }
        if number == "0" { return true }
        return (sign == "+" || sign == "-" || sign == "±") && number.count >= 2 && number.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: CSV

    /// The columns a CSV day may have.
    public static let csvColumns = ["date", "who", "time", "does", "thinks", "feels", "label", "tool", "pain", "severity"]

    /// Parses CSV (RFC 4180 quoting) with a header row; `time` and `does` are required columns.
    public static func csv(_ content: String) throws -> [ObservationStep] {
        var records = try csvRecords(content)
        guard !records.isEmpty else { return [] }
        let header = records.removeFirst().enumerated().map { i, h in
            (i == 0 && h.hasPrefix("\u{FEFF}") ? String(h.dropFirst()) : h).trimmingCharacters(in: .whitespaces).lowercased()
        }
        for h in header where !csvColumns.contains(h) {
            throw InputError(field: "csv header", value: h, problem: "is not a column; use " + csvColumns.joined(separator: ", "))
        }
        for required in ["time", "does"] where !header.contains(required) {
            throw InputError(field: "csv header", value: header.joined(separator: ","), problem: "has no \(required) column")
        }
        var steps: [ObservationStep] = []
        for (n, record) in records.enumerated() where !(record.count == 1 && record[0].trimmingCharacters(in: .whitespaces).isEmpty) {
            let row = "row \(n + 2)"
            guard record.count <= header.count else {
                throw InputError(field: row, value: record.joined(separator: ","), problem: "has \(record.count) fields, the header \(header.count)")
            }
            var v: [String: String] = [:]
            for (h, value) in zip(header, record) { v[h] = value.trimmingCharacters(in: .whitespaces) }
            func opt(_ k: String) -> String? { v[k].flatMap { $0.isEmpty ? nil : $0 } }
            let minute = try ClockTime.parse(v["time"] ?? "", field: "\(row) time")
            var on: Day?
            if let d = opt("date") {
                guard let day = Day(d), day.isInInputRange else { throw InputError(field: "\(row) date", value: d, problem: "is not a date (YYYY-MM-DD)") }
                on = day
            }
            var feels = opt("feels")
            if let f = feels, let l = opt("label") { feels = f + ":" + l }
            let (emotion, label) = try feels.map { try DayFormat.feels($0, field: "\(row) feels") } ?? (nil, nil)
            var pain = opt("pain")
            if let p = pain, let s = opt("severity") { pain = p + ":" + s }
            let (painText, severity) = try pain.map { try DayFormat.pain($0, field: "\(row) pain") } ?? (nil, nil)
            steps.append(ObservationStep(on: on, who: try opt("who").map { try Names.normalize($0, field: "\(row) who") }, minute: minute,
                                         does: try DayFormat.text(v["does"], field: "\(row) does", required: true)!,
                                         thinks: try DayFormat.text(opt("thinks"), field: "\(row) thinks"), feels: emotion, feelsLabel: label,
                                         tool: try DayFormat.text(opt("tool"), field: "\(row) tool"), pain: painText, severity: severity))
        }
        return steps
    }

    /// Splits CSV text into records of fields (quotes, doubled quotes, CRLF).
    static func csvRecords(_ content: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, atFieldStart = true
        var chars = Array(content)[...]
        while let ch = chars.popFirst() {
            if quoted {
                if ch == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case ",": record.append(field); field = ""; atFieldStart = true
            case "\n", "\r\n", "\r":
                record.append(field); records.append(record); record = []; field = ""; atFieldStart = true
            default: field.append(ch); atFieldStart = false
            }
        }
        if quoted { throw InputError(field: "csv", value: String(field.prefix(30)), problem: "has a quote that is never closed") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records.filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    // MARK: fields shared by the flags and both formats

    /// Free text of a step: NFC, controls refused, trimmed; nil when empty
    /// (an error instead when `required`).
    public static func text(_ value: String?, field: String, required: Bool = false) throws -> String? {
        let t = try value.map { try Names.freeText($0, field: field).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        if t.isEmpty {
            if required { throw InputError(field: field, value: value ?? "", problem: "must not be empty: say what the person does") }
            return nil
        }
        return t
    }

    /// `-3..+3[:LABEL]` → emotion and label.
    public static func feels(_ value: String, field: String) throws -> (Emotion?, String?) {
        let t = value.trimmingCharacters(in: .whitespaces)
        let cut = t.firstIndex { $0 == ":" || $0 == "：" }
        var number = String(cut.map { t[..<$0] } ?? t[...]).trimmingCharacters(in: .whitespaces)
        let label = try cut.flatMap { try DayFormat.text(String(t[t.index(after: $0)...]), field: field) }
        if number.hasPrefix("+") || number.hasPrefix("±") { number.removeFirst() }
        if number.isEmpty || number == "?" { return (nil, label) }
        guard let n = Int(number) else { throw InputError(field: field, value: value, problem: "is not a whole number in -3...+3 (optionally :LABEL)") }
        guard let e = Emotion(n) else { throw InputError(field: field, value: value, problem: "is outside -3...+3") }
        return (e, label)
    }

    /// `TEXT[:low|medium|high]` (or 低/中/高) → text and severity; a plain word
    /// after the last colon that is no severity is refused, not kept as text.
    public static func pain(_ value: String, field: String) throws -> (String, Severity?) {
        var text = try DayFormat.text(value, field: field, required: false) ?? ""
        var severity: Severity?
        if let cut = text.lastIndex(where: { $0 == ":" || $0 == "：" }) {
            let tail = text[text.index(after: cut)...].trimmingCharacters(in: .whitespaces)
            if let s = Severity(typed: tail) {
                severity = s
                text = String(text[..<cut]).trimmingCharacters(in: .whitespaces)
            } else if !tail.isEmpty, tail.count <= 16, tail.allSatisfy({ $0.isASCII && $0.isLetter }) {
                throw InputError(field: field, value: tail, problem: "is not a severity: low (低), medium (中), high (高)")
            }
        }
        guard !text.isEmpty else { throw InputError(field: field, value: value, problem: "has no text (TEXT[:low|medium|high])") }
        return (text, severity)
    }
}

import Foundation
