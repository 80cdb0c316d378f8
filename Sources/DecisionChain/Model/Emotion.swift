/// A participant's emotion at a touchpoint, −3 (very negative) … +3 (very
/// positive). Unknown emotion is `nil` at the use site, never 0.
public struct Emotion: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public static let range = -3...3
    public let value: Int

    /// Nil when outside −3…+3.
    public init?(_ value: Int) {
        guard Emotion.range.contains(value) else { return nil }
        self.value = value
    }

    public static func < (a: Emotion, b: Emotion) -> Bool { a.value < b.value }
    public var description: String { value > 0 ? "+\(value)" : "\(value)" }

    public init(from decoder: Decoder) throws {
        let v = try decoder.singleValueContainer().decode(Int.self)
        guard let e = Emotion(v) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "emotion \(v) is outside -3...3"))
        }
        self = e
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// The mean of the known emotions; nil when none is known (unknown stays unknown).
public func meanEmotion<S: Sequence>(_ emotions: S) -> Double? where S.Element == Emotion? {
    var sum = 0, n = 0
    for case let e? in emotions { sum += e.value; n += 1 }
    return n == 0 ? nil : Double(sum) / Double(n)
}
