import CLibPQ

/// Building libpq conninfo strings (`host=... dbname=...`) safely.
public enum ConnInfo {
    /// Quotes one conninfo value: wrapped in single quotes, with `\` and `'`
    /// escaped by a backslash, so values with spaces, quotes or `=` (a
    /// directory like `/home/li na/dchain`) stay one value.
    public static func quote(_ value: String) -> String {
        var out = "'"
        for ch in value {
            if ch == "\\" || ch == "'" { out.append("\\") }
            out.append(ch)
        }
        out.append("'")
        return out
    }

    /// `key='value' key='value' …` from pairs, every value quoted.
    public static func make(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
    }
}

extension Connection {
    /// Whether a server answers at `conninfo` (libpq's `PQping`): true when
    /// it accepts connections or is up but refusing them (starting, shutting
    /// down); false when nothing answers or the conninfo is malformed.
    public static func serverAnswers(_ conninfo: String) -> Bool {
        switch PQping(conninfo) {
        case PQPING_OK, PQPING_REJECT: return true
        default: return false
        }
    }
}
