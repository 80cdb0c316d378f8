/// The report templates and stylesheet, embedded in the binary.
public enum ReportAssets {
    /// The shared stylesheet inlined into every HTML report.
    public static var stylesheet: String { text(PackageResources.report_css) }
    /// Mustache template of the journey-map HTML page.
    public static var mapHTML: String { text(PackageResources.map_html_mustache) }
    /// Mustache template of the communication-plan HTML page.
    public static var planHTML: String { text(PackageResources.plan_html_mustache) }
    /// Mustache template of the pipeline-report HTML page.
    public static var pipelineHTML: String { text(PackageResources.pipeline_html_mustache) }
    /// Default plan rules, cadences, themes and stage playbooks (JSON).
    public static var planRules: String { text(PackageResources.plan_rules_json) }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
