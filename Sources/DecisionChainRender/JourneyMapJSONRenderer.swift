import DecisionChain

/// Renders a journey map as the stable JSON documented in docs/journey-map-json.md
/// (sorted snake_case keys, emotions as numbers or null when unknown).
public enum JourneyMapJSONRenderer {
    /// The map as JSON text.
    public static func render(_ map: JourneyMap) throws -> String { try JSONOutput.encode(map) }
}
