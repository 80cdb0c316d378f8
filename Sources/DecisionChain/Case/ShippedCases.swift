import CaseLibrary

/// The case exercises that ship in the binary, as JSON documents in the
/// case format (docs/case-format.md): the files of `cases/`, embedded.
public enum ShippedCases {
    /// Every shipped case as (id, JSON document), in the order `case list` shows them.
    public static let all: [(id: String, json: String)] = CaseLibrary.documents

    /// The JSON document of a shipped case; nil for an unknown id.
    public static func document(_ id: String) -> String? { all.first { $0.id == id }?.json }

    /// The ids of the shipped cases, in order.
    public static var ids: [String] { all.map(\.id) }
}
