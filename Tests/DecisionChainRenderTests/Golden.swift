import Foundation
import Testing

/// Golden files: renderer output compared with Tests/DecisionChainRenderTests/Golden/<name>.
/// Regenerating them is a deliberate act: DCHAIN_UPDATE_GOLDEN=1 rewrites the files.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Expects `actual` to equal the golden file `name` (or rewrites it when asked to).
    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DCHAIN_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run the tests with DCHAIN_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from Golden/\(name); if the change is intended, rerun with DCHAIN_UPDATE_GOLDEN=1",
                sourceLocation: sourceLocation)
    }
}
