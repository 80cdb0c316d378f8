/// What `dchain undo` will undo, described from the audit rows of one change
/// (one transaction), in the user's words: "bring back touchpoint #5 …".
public enum UndoDescription {
    /// One audited row of the change.
    public struct Row: Sendable, Hashable {
        public enum Operation: String, Sendable { case insert = "INSERT", update = "UPDATE", delete = "DELETE" }
        public var table: String
        public var operation: Operation
        /// The row's `id` when it has one.
        public var id: Int64?
        /// A name, summary or text that tells the row apart for a person.
        public var label: String?
        /// For updates: the columns that changed.
        public var changed: [String]
        public init(table: String, operation: Operation, id: Int64?, label: String?, changed: [String]) {
            self.table = table; self.operation = operation; self.id = id; self.label = label; self.changed = changed
        }
    }

    /// Tables whose rows only mirror a move to or from the trash: not shown.
    static let mirrors: Set<String> = ["touchpoint_trash", "participant_trash", "pain_point_trash"]

    /// One line per undo step, rows of the same table and kind folded together
    /// beyond `detail` rows (e.g. "remove 3 participants").
    public static func lines(_ rows: [Row], lang: Language, detail: Int = 3) -> [String] {
        let shown = rows.filter { !mirrors.contains($0.table) }
        var groups: [(key: String, rows: [Row])] = []
        for r in shown {
            let key = "\(r.table) \(r.operation.rawValue)"
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].rows.append(r) } else { groups.append((key, [r])) }
        }
        var out: [String] = []
        for g in groups {
            let first = g.rows[0]
            if g.rows.count > detail {
                out.append("\(verb(first.operation, lang)) \(g.rows.count) × \(noun(first.table, lang))")
                continue
            }
            for r in g.rows {
                var line = "\(verb(r.operation, lang)) \(noun(r.table, lang))" + (r.id.map { " #\($0)" } ?? "")
                if let label = r.label, !label.isEmpty { line += " “\(label.count > 60 ? String(label.prefix(59)) + "…" : label)”" }
                if r.operation == .update, !r.changed.isEmpty {
                    line += lang == .zh ? "（\(r.changed.joined(separator: "、"))）" : " (\(r.changed.joined(separator: ", ")))"
                }
                out.append(line)
            }
        }
        return out
    }

    /// Undoing an insert removes, an update sets back, a delete brings back.
    static func verb(_ op: Row.Operation, _ lang: Language) -> String {
        switch (op, lang == .zh) {
        case (.insert, false): "remove the added"
        case (.update, false): "set back"
        case (.delete, false): "bring back"
        case (.insert, true): "移除新增的"
        case (.update, true): "恢复修改前的"
        case (.delete, true): "找回已删除的"
        }
    }

    static func noun(_ table: String, _ lang: Language) -> String {
        guard lang == .zh else { return table.replacingOccurrences(of: "_", with: " ") }
        let zh = ["touchpoint": "接触点", "participant": "参与人", "pain_point": "痛点", "stakeholder": "干系人", "deal": "项目",
                  "deal_stage_history": "阶段记录", "buying_influence": "角色", "unit": "部门", "account": "客户", "plan_item": "任务",
                  "app_user": "用户", "team": "团队"]
        return zh[table] ?? table
    }
}
