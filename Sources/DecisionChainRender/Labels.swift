import DecisionChain

/// Labels in English and Chinese for the shared vocabulary. Feature
/// renderers keep their own labels next to them.
public enum Labels {
    // The Chinese labels live with the vocabularies (`Vocabulary.zh`), where
    // the input side reads them too: what zh prints is what zh input accepts.
    public static func role(_ r: Role, _ lang: Language) -> String { lang == .zh ? r.zh : r.rawValue }
    public static func phase(_ p: JourneyPhase, _ lang: Language) -> String { lang == .zh ? p.zh : p.rawValue }
    public static func channel(_ c: Channel, _ lang: Language) -> String { lang == .zh ? c.zh : c.rawValue }
    public static func level(_ l: Level, _ lang: Language) -> String { lang == .zh ? l.zh : l.rawValue }
    public static func stance(_ s: Stance, _ lang: Language) -> String { lang == .zh ? s.zh : s.rawValue }
    public static func influence(_ i: Influence, _ lang: Language) -> String { lang == .zh ? i.zh : i.rawValue }
    public static func mode(_ m: ResponseMode, _ lang: Language) -> String { lang == .zh ? m.zh : m.rawValue }
    public static func status(_ s: DealStatus, _ lang: Language) -> String { lang == .zh ? s.zh : s.rawValue }
    public static func kind(_ k: AccountKind, _ lang: Language) -> String { lang == .zh ? k.zh : k.rawValue }
    public static func severity(_ s: Severity, _ lang: Language) -> String { lang == .zh ? s.zh : s.rawValue }
    public static func painStatus(_ s: PainStatus, _ lang: Language) -> String { lang == .zh ? s.zh : s.rawValue }
    public static func priority(_ p: Priority, _ lang: Language) -> String { lang == .zh ? p.zh : p.rawValue }
    public static func method(_ m: ProcurementMethod, _ lang: Language) -> String { lang == .zh ? m.zh : m.rawValue }
    public static func direction(_ d: Direction, _ lang: Language) -> String { lang == .zh ? d.zh : d.rawValue }
    public static func taskStatus(_ s: TaskStatus, _ lang: Language) -> String { lang == .zh ? s.zh : s.rawValue }

    /// A stage by its key in the label language (the key when the stage is
    /// not among `pipelines`): zh output never shows a stage key.
    public static func stage(_ key: String?, pipeline: String? = nil, in pipelines: [Pipeline], _ lang: Language) -> String {
        guard let key else { return "" }
        let candidates = pipelines.filter { pipeline == nil || $0.key == pipeline }
        return candidates.lazy.compactMap { $0.stage(key) }.first?.name(lang) ?? key
    }

    /// A pipeline by its key in the label language.
    public static func pipeline(_ key: String, in pipelines: [Pipeline], _ lang: Language) -> String {
        pipelines.first { $0.key == key }?.name(lang) ?? key
    }

    /// A pipeline key where a report has no names: the shipped pipelines'
    /// Chinese short forms in zh (政府, 企业), the key otherwise.
    public static func pipelineShort(_ key: String, _ lang: Language) -> String {
        lang == .zh ? (StageAliases.pipelineShortForms[key] ?? key) : key
    }

    /// Picks the English or Chinese of a pair of labels.
    public static func pick(_ en: String, _ zh: String, _ lang: Language) -> String { lang == .zh ? zh : en }
}
