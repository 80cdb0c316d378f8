import DecisionChain
import DecisionChainRender
import Foundation

extension OutputOptions {
    /// Writes a list or record as text, JSON or CSV.
    func emit<J: Encodable>(_ listing: Listing, json: J) throws {
        switch format {
        case .json: try emit(JSONOutput.encode(json))
        case .csv: try emit(listing.csv())
        default: try emit(listing.text())
        }
    }
}

/// A confirmation line for a change, on standard output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((Names.terminalSafe(line) + "\n").utf8))
}
