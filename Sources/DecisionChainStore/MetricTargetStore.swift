import DecisionChain
import Postgres

/// Experience targets (NPS, CSAT, CES), for one pipeline or for all. Everyone
/// reads them; only managers and admins may set them (the database grants
/// say so: a rep's `set` is refused with SQLSTATE 42501, exit 77).
public struct MetricTargetStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// Sets (or replaces) the target of a kind for a pipeline key (nil: all pipelines).
    public func set(_ kind: SurveyKind, value: Double, pipeline: String?) throws -> MetricTarget {
        let pipelineID: Int64? = try pipeline.map { try PipelineStore(connection: db).pipeline($0).id }
        let row = try db.queryRow("""
            WITH t AS (
                INSERT INTO metric_target (kind, pipeline_id, value) VALUES ($1, $2, $3::numeric)
                ON CONFLICT (kind, pipeline_id) DO UPDATE SET value = EXCLUDED.value, set_by = session_user, set_at = now()
                RETURNING *)
            SELECT t.kind, p.key AS pipeline_key, t.value::float8 AS value, t.set_by FROM t LEFT JOIN pipeline p ON p.id = t.pipeline_id
            """, [kind.rawValue, pipelineID, numericText(value)])!
        return try MetricTarget(row: row)
    }

    /// Removes the target of a kind for a pipeline (nil: the all-pipelines one); false when none was set.
    public func clear(_ kind: SurveyKind, pipeline: String?) throws -> Bool {
        let pipelineID: Int64? = try pipeline.map { try PipelineStore(connection: db).pipeline($0).id }
        return try db.execute("DELETE FROM metric_target WHERE kind = $1 AND pipeline_id IS NOT DISTINCT FROM $2",
                              [kind.rawValue, pipelineID]) > 0
    }

    /// Every target: the all-pipelines ones first, then by pipeline, each in NPS, CSAT, CES order.
    public func all() throws -> [MetricTarget] {
        try Self.all(db)
    }

    static func all(_ db: Connection) throws -> [MetricTarget] {
        try db.query("""
            SELECT t.kind, p.key AS pipeline_key, t.value::float8 AS value, t.set_by
            FROM metric_target t LEFT JOIN pipeline p ON p.id = t.pipeline_id
            ORDER BY t.pipeline_id NULLS FIRST, array_position(ARRAY['nps', 'csat', 'ces'], t.kind)
            """).map(MetricTarget.init(row:))
    }
}

/// A target value as numeric text: two decimals at most, no exponent.
private func numericText(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
}

extension MetricTarget {
    init(row: Row) throws {
        self.init(kind: try row.decode("kind"), value: try row.decode("value"), pipelineKey: try row.decodeIfPresent("pipeline_key"),
                  setBy: try row.decode("set_by"))
    }
}
