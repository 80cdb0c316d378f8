import Foundation

/// What `persona build` is asked for: the role, level, pipeline and account
/// kind to limit to (nil: every one). One persona is built per role × level
/// within the pipeline and kind asked for.
public struct PersonaScope: Sendable, Equatable {
    public var role: Role?
    public var level: Level?
    /// A pipeline key (`government`, `enterprise`, …).
    public var pipeline: String?
    public var kind: AccountKind?

    public init(role: Role? = nil, level: Level? = nil, pipeline: String? = nil, kind: AccountKind? = nil) {
        self.role = role; self.level = level; self.pipeline = pipeline; self.kind = kind
    }

    /// The role × level pairs asked for, EB first, executives first.
    public var pairs: [(role: Role, level: Level)] {
        (role.map { [$0] } ?? Role.allCases).flatMap { r in (level.map { [$0] } ?? Level.allCases).map { (role: r, level: $0) } }
    }

    /// Whether one exact persona was asked for (role and level both named):
    /// it is built, flagged, even when nobody held that role at that level.
    public var isExact: Bool { role != nil && level != nil }
}

/// The theme of a pain point, need or response, so that the same complaint in
/// different words counts once: the leading Chinese phrase of a text that
/// starts with Chinese (`合同条款不清晰` of `合同条款不清晰：验收标准…` and of
/// `合同条款不清晰 unclear contract terms`), else the text before the first
/// `(`, `:`, `;` or `,`; trimmed and lower-cased. `PersonaStore` computes the
/// same key in SQL (`PersonaStore.themeSQL`); a test keeps the two in step.
public enum PainTheme {
    /// Punctuation that ends the leading Chinese phrase.
    public static let wideStops: Set<Character> = ["：", "（", "，", "；", "。", "、", "！", "？"]
    /// Punctuation that ends the leading phrase of a text that starts in ASCII.
    public static let asciiStops: Set<Character> = ["(", ":", ";", ","]

    public static func key(_ text: String) -> String {
        let head: Substring
        if let first = text.unicodeScalars.first, first.value > 0x7F {
            head = text.prefix { ch in ch.unicodeScalars.allSatisfy { $0.value > 0x7F } && !wideStops.contains(ch) }
        } else {
            head = text.prefix { !asciiStops.contains($0) }
        }
        let key = head.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return key.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() : key
    }
}
