import DecisionChain

/// Renders `dchain pipeline list`.
public enum PipelineListRenderer {
    /// Text, JSON or CSV listing of pipelines and their stages.
    public static func render(_ pipelines: [Pipeline], format: String, lang: Language) throws -> String {
        switch format {
        case "json":
            struct StageOut: Encodable { let key, name, name_en, name_zh, phase: String; let position, expected_days: Int; let weight: Double }
            struct PipelineOut: Encodable { let key, name, name_en, name_zh: String; let stages: [StageOut] }
            return try JSONOutput.encode(pipelines.map { p in
                PipelineOut(key: p.key, name: p.name(lang), name_en: p.nameEN, name_zh: p.nameZH, stages: p.stages.map {
                    StageOut(key: $0.key, name: $0.name(lang), name_en: $0.nameEN, name_zh: $0.nameZH, phase: $0.phase.rawValue,
                             position: $0.position, expected_days: $0.expectedDays, weight: $0.weight)
                })
            })
        case "csv":
            return Escape.csv(header: ["pipeline", "position", "key", "name_en", "name_zh", "phase", "expected_days", "weight"],
                              rows: pipelines.flatMap { p in p.stages.map {
                                  [p.key, String($0.position), $0.key, $0.nameEN, $0.nameZH, $0.phase.rawValue, String($0.expectedDays), String($0.weight)]
                              } })
        default:
            var out = ""
            for p in pipelines {
                out += "\(p.name(lang)) (\(p.key))\n"
                var t = TextTable(headers: [Labels.pick("#", "序号", lang), Labels.pick("key", "键", lang), Labels.pick("stage", "阶段", lang),
                                            Labels.pick("phase", "旅程阶段", lang), Labels.pick("expected days", "预期天数", lang)],
                                  alignments: [.right, .left, .left, .left, .right])
                for s in p.stages {
                    t.append([String(s.position), s.key, s.name(lang), Labels.phase(s.phase, lang), String(s.expectedDays)])
                }
                out += t.render() + "\n"
            }
            return out
        }
    }
}
