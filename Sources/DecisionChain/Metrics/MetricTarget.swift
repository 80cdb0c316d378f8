/// A goal for one survey kind, for one pipeline or for all of them: an NPS
/// score, or a CSAT or CES mean. Set by managers and admins.
public struct MetricTarget: Hashable, Sendable {
    public var kind: SurveyKind
    public var value: Double
    /// The pipeline it holds for; nil: every pipeline without its own.
    public var pipelineKey: String?
    /// The login that set it.
    public var setBy: String

    public init(kind: SurveyKind, value: Double, pipelineKey: String? = nil, setBy: String = "") {
        self.kind = kind; self.value = value; self.pipelineKey = pipelineKey; self.setBy = setBy
    }
}

extension Array where Element == MetricTarget {
    /// The target of a kind for a pipeline: the pipeline's own, else the one for
    /// all pipelines (nil pipeline: only the one for all).
    public func value(_ kind: SurveyKind, pipeline: String?) -> Double? {
        if let pipeline, let own = first(where: { $0.kind == kind && $0.pipelineKey == pipeline }) { return own.value }
        return first { $0.kind == kind && $0.pipelineKey == nil }?.value
    }
}
