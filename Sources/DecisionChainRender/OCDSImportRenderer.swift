import DecisionChain

/// What `import ocds` did, as lines for the terminal: per contracting
/// process the deal and how it was found, per release what it did, then the
/// counts (and, when nothing changed, that nothing did).
public enum OCDSImportRenderer {
    public static func text(_ report: OCDSImportReport, dryRun: Bool) -> String {
        var lines: [String] = []
        for p in report.processes {
            let how: String
            switch p.match {
            case .ocid: how = "matched by ocid"
            case .buyerAndTitle: how = "matched by buyer and title; ocid stored"
            case .created: how = "created"
            }
            lines.append("\(p.ocid) → deal #\(p.dealID) \(p.dealName) at \(p.accountName) (\(how))")
            for l in p.lines {
                let what: String
                switch l.outcome {
                case let .started(stage): what = "deal starts in \(stage)"
                case let .moved(stage): what = "moved to \(stage)"
                case let .failedTender(stage): what = "failed tender (流标) recorded; back to \(stage)"
                case let .unchanged(why): what = "unchanged: \(why)"
                }
                lines.append("  \(l.path) \(l.day) \(l.tags.joined(separator: ",")): \(what)")
            }
        }
        let counts = "\(report.applied) release\(report.applied == 1 ? "" : "s") applied, \(report.unchanged) unchanged"
        if dryRun {
            lines.append("dry run, nothing written: " + counts)
        } else {
            lines.append(report.changedAnything ? counts : counts + ": nothing changed")
        }
        return lines.joined(separator: "\n")
    }
}
