/// A one-dimensional array parameter in PostgreSQL's text form
/// (`{1,2,NULL}`, `{"a \"quoted\" text",NULL}`), for `unnest($1::text[])`
/// and `= ANY($1)`: many values bound in one parameter.
public struct PostgresArray: PostgresEncodable {
    public let elements: [String?]

    /// Elements as text; nil is SQL NULL.
    public init(_ elements: [String?]) { self.elements = elements }

    /// Any encodable values (their text forms).
    public init(_ values: [any PostgresEncodable]) { self.elements = values.map { $0.postgresText } }

    public var postgresText: String? {
        "{" + elements.map { e -> String in
            guard let e else { return "NULL" }
            var out = "\""
            for ch in e {
                if ch == "\"" || ch == "\\" { out.append("\\") }
                out.append(ch)
            }
            return out + "\""
        }.joined(separator: ",") + "}"
    }
}
