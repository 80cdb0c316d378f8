/// Money as reps type it: `4800000`, `4,800,000`, `¥480万`, `650万`, `1.2亿`,
/// `480万元`. Exact (no floating point while parsing); anything that could be
/// read two ways, has more than two decimals (cents), or does not fit the
/// database's numeric(18,2) is refused, never rounded or guessed.
public enum Amount {
    /// The largest amount stored: numeric(18,2) holds 16 digits before the point.
    public static let maximumCents: Int64 = 9_999_999_999_999_999_99

    /// The amount in cents, or an error naming the field and the value.
    public static func cents(_ text: String, field: String) throws -> Int64 {
        func refuse(_ problem: String) -> InputError { InputError(field: field, value: text, problem: problem) }
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.first == "¥" || t.first == "￥" { t = t.dropFirst() }
        if t.last == "元" { t = t.dropLast() }
        var shift = 0
        if t.last == "万" { shift = 4; t = t.dropLast() } else if t.last == "亿" { shift = 8; t = t.dropLast() }
        t = Substring(t.trimmingCharacters(in: .whitespaces))
        let usage = "is not an amount (e.g. 4800000, 4,800,000, 480万, 1.2亿)"
        guard !t.isEmpty else { throw refuse(usage) }
        if t.first == "-" { throw refuse("must not be negative") }
        let pieces = t.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, !pieces[0].isEmpty, pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ",") } })
        else { throw refuse(usage) }
        var whole = String(pieces[0])
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        if fraction.contains(",") { throw refuse("has a thousands separator after the decimal point") }
        if pieces.count == 2 && fraction.isEmpty { throw refuse(usage) }
        if whole.contains(",") {
            // Only proper groups of three: "48,00,000" or "4,8" could mean two things.
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw refuse("has thousands separators in the wrong places (write 4,800,000 or 4800000)")
            }
            whole = groups.joined()
        }
        // digits × 10^(shift − fraction digits), in cents: × 10^(shift − fraction digits + 2).
        var digits = (whole + fraction).drop { $0 == "0" }
        var exponent = shift - fraction.count + 2
        while exponent < 0, digits.last == "0" { digits = digits.dropLast(); exponent += 1 }
        if digits.isEmpty { return 0 }
        guard exponent >= 0 else { throw refuse("has more than two decimal places (cents)") }
        guard digits.count + exponent <= 18 else { throw refuse("is too large (at most 9999999999999999.99)") }
        let cents = Int64(String(digits) + String(repeating: "0", count: exponent))!
        guard cents <= maximumCents else { throw refuse("is too large (at most 9999999999999999.99)") }
        return cents
    }

    /// The amount in currency units (what `Deal.amount` holds).
    public static func parse(_ text: String, field: String) throws -> Double {
        let c = try cents(text, field: field)
        return Double(c / 100) + Double(c % 100) / 100
    }
}
