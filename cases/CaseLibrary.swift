/// The case files of `cases/`, embedded in the binary so a copied `dchain`
/// needs no files. Trainers read and copy the JSON files themselves; the
/// domain's `ShippedCases` serves these bytes. Add a case here and in Package.swift.
public enum CaseLibrary {
    /// Every shipped case as (id, JSON document), in the order `case list` shows them.
    public static let documents: [(id: String, json: String)] = [
        ("gov-contract-dip", text(PackageResources.gov_contract_dip_json)),
        ("platform-signup-dropoff", text(PackageResources.platform_signup_dropoff_json)),
        ("soe-hidden-eb", text(PackageResources.soe_hidden_eb_json)),
    ]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
