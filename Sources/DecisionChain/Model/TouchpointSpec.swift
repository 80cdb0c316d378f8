/// The compact specs reps type into `dchain log`: `--with "NAME[:EMOTION[:LABEL]]"`,
/// `--quote "NAME:TEXT"`, `--pain "NAME:TEXT[:low|medium|high]"`, `--need "NAME:TEXT"`.
/// A full-width colon (：) works like `:`, so Chinese input methods need no switching.
public enum TouchpointSpec {
    /// A participant as typed: name, emotion (nil = unknown), label.
    public struct ParticipantSpec: Equatable, Sendable {
        public var name: String
        public var emotion: Emotion?
        public var label: String?
    }

    /// Something said by someone: a quote, a pain point or a need.
    public struct Statement: Equatable, Sendable {
        public var name: String
        public var text: String
        public var severity: Severity?
    }

    /// Parses `NAME[:EMOTION[:LABEL]]`; EMOTION is −3…+3, `?` or empty for unknown.
    public static func participant(_ spec: String) throws -> ParticipantSpec {
        let parts = split(spec, max: 3)
        guard !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: "with", value: spec, problem: "has no stakeholder name (use NAME[:EMOTION[:LABEL]])")
        }
        let name = try Names.normalize(parts[0], field: "with")
        var emotion: Emotion?
        if parts.count > 1 {
            let e = parts[1].trimmingCharacters(in: .whitespaces)
            if !(e.isEmpty || e == "?") {
                guard let v = Int(e.hasPrefix("+") ? String(e.dropFirst()) : e) else {
                    throw InputError(field: "emotion", value: e, problem: "is not a whole number in -3...3 (in --with \"\(spec)\")")
                }
                guard let em = Emotion(v) else {
                    throw InputError(field: "emotion", value: e, problem: "is outside -3...3 (in --with \"\(spec)\")")
                }
                emotion = em
            }
        }
        let label = parts.count > 2 ? try Names.freeText(parts[2], field: "with").trimmingCharacters(in: .whitespaces) : nil
        return ParticipantSpec(name: name, emotion: emotion, label: label?.isEmpty == true ? nil : label)
    }

    /// Parses `NAME:TEXT`, or with `severity` allowed `NAME:TEXT[:SEVERITY]`
    /// (low, medium, high or 低, 中, 高). A last part that is a plain word but
    /// no severity (`慢:critical`) is refused, not stored as text.
    public static func statement(_ spec: String, field: String, allowSeverity: Bool = false) throws -> Statement {
        let parts = split(spec, max: 2)
        guard parts.count == 2 else {
            throw InputError(field: field, value: spec, problem: "needs NAME:TEXT" + (allowSeverity ? "[:low|medium|high]" : ""))
        }
        guard !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: field, value: spec, problem: "has no stakeholder name")
        }
        let name = try Names.normalize(parts[0], field: field)
        var text = try Names.freeText(parts[1], field: field).trimmingCharacters(in: .whitespaces)
        var severity: Severity?
        if allowSeverity, let cut = text.lastIndex(where: { $0 == ":" || $0 == "：" }) {
            let tail = text[text.index(after: cut)...].trimmingCharacters(in: .whitespaces)
            if let s = Severity(typed: tail) {
                severity = s
                text = String(text[..<cut]).trimmingCharacters(in: .whitespaces)
            } else if !tail.isEmpty, tail.count <= 16, tail.allSatisfy({ $0.isASCII && $0.isLetter }) {
                throw InputError(field: "severity", value: tail, problem: "is not one of low (低), medium (中), high (高) (in --\(field) \"\(spec)\")")
            }
        }
        guard !text.isEmpty else { throw InputError(field: field, value: spec, problem: "has no text after the name") }
        return Statement(name: name, text: text, severity: severity)
    }

    static func split(_ s: String, max: Int) -> [String] {
        var parts: [String] = [], current = ""
        for ch in s {
            if (ch == ":" || ch == "：") && parts.count < max - 1 {
                parts.append(current); current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}

import Foundation
