import DecisionChain
import Postgres

/// Reads pipelines and their stages (reference data).
public struct PipelineStore {
    let db: Connection
    public init(_ db: Database) { self.db = db.connection }
    public init(connection: Connection) { self.db = connection }

    /// All pipelines with their stages in order.
    public func all() throws -> [Pipeline] {
        let stages = try db.query("""
            SELECT s.id, p.key AS pipeline_key, s.key, s.position, s.name_en, s.name_zh, s.phase, s.expected_days, s.weight, s.quiet
            FROM stage s JOIN pipeline p ON p.id = s.pipeline_id ORDER BY p.id, s.position
            """).map(Stage.init(row:))
        return try db.query("SELECT id, key, name_en, name_zh FROM pipeline ORDER BY id").map { row in
            let key: String = try row.decode("key")
            return Pipeline(id: try row.decode("id"), key: key, nameEN: try row.decode("name_en"),
                            nameZH: try row.decode("name_zh"), stages: stages.filter { $0.pipelineKey == key })
        }
    }

    /// One pipeline by key; unknown keys list the known ones.
    public func pipeline(_ key: String) throws -> Pipeline {
        let all = try all()
        guard let p = all.first(where: { $0.key == key }) ?? all.first(where: { $0.matches(typed: key) }) else {
            throw InputError(field: "pipeline", value: key, problem: "is not one of " + all.map { "\($0.key) (\($0.nameZH))" }.joined(separator: ", "))
        }
        return p
    }
}

extension Stage {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), pipelineKey: try row.decode("pipeline_key"), key: try row.decode("key"),
                  position: try row.decode("position"), nameEN: try row.decode("name_en"), nameZH: try row.decode("name_zh"),
                  phase: try row.decode("phase", as: JourneyPhase.self), expectedDays: try row.decode("expected_days"),
                  weight: try row.decode("weight"), quiet: try row.decode("quiet"))
    }
}
