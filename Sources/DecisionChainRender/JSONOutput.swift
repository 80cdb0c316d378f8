import Foundation

/// Stable JSON: sorted keys, pretty-printed, no escaped slashes, UTF-8 as is.
public enum JSONOutput {
    /// Encodes a value the way every `--format json` output does.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self) + "\n"
    }
}
