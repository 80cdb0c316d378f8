import DecisionChain
import ReportAssets

/// Renders stored personas: text and Markdown (the same sentences), JSON
/// (`docs/persona-json.md`), and the list of `persona list`. HTML is
/// `PersonaHTMLRenderer`.
public enum PersonaRenderer {
    /// The sections of a persona in print order: key, heading key and lines.
    static func sections(_ r: PersonaRecord, _ lang: Language) -> [(key: String, lines: [String])] {
        let p = r.persona
        return [
            ("frustrations", p.frustrations.map { PersonaLabels.line($0, lang) }),
            ("goals", p.goals.map { PersonaLabels.line($0, lang) }),
            ("quotes", p.quotes.map { PersonaLabels.quote($0, lang) }),
            ("channels", p.channels.map { PersonaLabels.channel($0, lang) }),
            ("stages", p.emotionByStage.map { PersonaLabels.stage($0, lang) }),
            ("moved", p.movedBy.map { PersonaLabels.line($0, lang) }),
            ("notes", r.notes.map { PersonaLabels.note($0, lang) }),
        ]
    }

    /// The lines under the title: scope, who built it, what it rests on, the thin warning.
    static func preamble(_ r: PersonaRecord, _ lang: Language) -> [String] {
        var lines = [PersonaLabels.scope(r.persona, lang), PersonaLabels.built(r, lang),
                     PersonaLabels.restsOn(lang) + " " + PersonaLabels.evidence(r.persona.evidence, lang)]
        if r.persona.thin { lines.append(PersonaLabels.thin(r.persona, lang)) }
        return lines
    }

    public static func text(_ records: [PersonaRecord], lang: Language) -> String {
        records.map { r in
            var out = PersonaLabels.title(r.id, r.persona, lang) + "\n"
            for l in preamble(r, lang) { out += l + "\n" }
            for s in sections(r, lang) where s.key != "notes" || !s.lines.isEmpty {
                out += "\n" + PersonaLabels.heading(s.key, lang) + "\n"
                if s.lines.isEmpty { out += "  " + PersonaLabels.none(lang) + "\n" }
                let numbered = ["frustrations", "goals", "moved"].contains(s.key)
                for (i, l) in s.lines.enumerated() { out += (numbered ? "  \(i + 1). " : "  - ") + l + "\n" }
            }
            return out
        }.joined(separator: "\n")
    }

    public static func markdown(_ records: [PersonaRecord], lang: Language) -> String {
        let md = Escape.markdown
        return records.map { r in
            var out = "# " + md(PersonaLabels.title(r.id, r.persona, lang)) + "\n\n"
            for l in preamble(r, lang) { out += (l.hasPrefix("⚠") ? "> **" + md(l) + "**" : md(l)) + "  \n" }
            for s in sections(r, lang) where s.key != "notes" || !s.lines.isEmpty {
                out += "\n## " + md(PersonaLabels.heading(s.key, lang)) + "\n\n"
                if s.lines.isEmpty { out += "_" + md(PersonaLabels.none(lang)) + "_\n" }
                let numbered = ["frustrations", "goals", "moved"].contains(s.key)
                for (i, l) in s.lines.enumerated() { out += (numbered ? "\(i + 1). " : "- ") + md(l) + "\n" }
            }
            return out
        }.joined(separator: "\n")
    }

    /// One persona is an object, several (a build) an array.
    public static func json(_ records: [PersonaRecord], single: Bool) throws -> String {
        single && records.count == 1 ? try JSONOutput.encode(records[0]) : try JSONOutput.encode(records)
    }

    /// `persona list` as a listing (text table, JSON objects of `PersonaStore.Summary` keys).
    public static func listing(_ rows: [PersonaSummary], lang: Language) -> Listing {
        var l = Listing(headers: PersonaLabels.listHeader(lang),
                        keys: ["id", "role", "level", "pipeline", "kind", "team", "people", "accounts", "touchpoints", "notes", "built_at"],
                        rows: rows.map { r in
                            [String(r.id), Labels.role(r.role, lang), Labels.level(r.level, lang),
                             r.pipeline.map { Labels.pipelineShort($0, lang) } ?? PersonaLabels.everyOne(lang),
                             r.kind.map { Labels.kind($0, lang) } ?? PersonaLabels.everyOne(lang),
                             r.team ?? PersonaLabels.everyTeam(lang),
                             String(r.people) + (r.thin ? PersonaLabels.thinMark(lang) : ""), String(r.accounts), String(r.touchpoints),
                             String(r.notes), r.builtAt]
                        },
                        alignments: [.right, .left, .left, .left, .left, .left, .right, .right, .right, .right, .left])
        l.title = nil
        return l
    }
}

/// A persona as one self-contained HTML page: inline CSS, no scripts, no
/// network; every user text escaped. Several personas (a build) are one page.
public enum PersonaHTMLRenderer {
    public static func render(_ records: [PersonaRecord], lang: Language) -> String {
        let esc = Escape.html
        var body = ""
        for r in records {
            let p = r.persona
            body += "<article class=\"persona\" id=\"persona-\(r.id)\">\n"
            body += "<header><h1>\(esc(PersonaLabels.title(r.id, p, lang)))</h1>\n"
            for l in PersonaRenderer.preamble(r, lang) {
                body += l.hasPrefix("⚠") ? "<p class=\"thin\" role=\"note\">\(esc(l))</p>\n" : "<p class=\"sub\">\(esc(l))</p>\n"
            }
            body += "</header>\n<div class=\"grid\">\n"
            for s in PersonaRenderer.sections(r, lang) where s.key != "notes" || !s.lines.isEmpty {
                let numbered = ["frustrations", "goals", "moved"].contains(s.key)
                body += "<section class=\"\(s.key)\"><h2>\(esc(PersonaLabels.heading(s.key, lang)))</h2>\n"
                if s.lines.isEmpty {
                    body += "<p class=\"none\">\(esc(PersonaLabels.none(lang)))</p>"
                } else {
                    body += numbered ? "<ol>" : "<ul>"
                    for l in s.lines { body += "<li>\(esc(l))</li>" }
                    body += numbered ? "</ol>" : "</ul>"
                }
                body += "</section>\n"
            }
            body += "</div>\n</article>\n"
        }
        let title = records.count == 1 ? PersonaLabels.title(records[0].id, records[0].persona, lang)
            : PersonaLabels.pick("Personas", "用户画像", lang)
        return """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")">
            <head><meta charset="utf-8"><title>\(esc(title))</title>
            <style>
            \(ReportAssets.stylesheet)
            article.persona { margin: 0 0 2rem; page-break-after: always; }
            article.persona:last-child { page-break-after: auto; }
            .sub { color: var(--muted); margin: 0; }
            .thin { margin: .5rem 0; padding: .5rem .75rem; border-left: 4px solid var(--warn); background: #fff4e6; color: var(--warn); font-weight: 600; }
            .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; margin-top: 1rem; }
            .grid section { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
            .grid section.frustrations { border-top: 3px solid var(--neg); }
            .grid section.goals, .grid section.moved { border-top: 3px solid var(--pos); }
            .grid section.quotes li { font-style: italic; }
            .grid ol, .grid ul { margin: 0; padding-left: 1.25rem; } .grid li { margin: .25rem 0; }
            .none { color: var(--muted); }
            </style></head>
            <body>
            \(body)<footer>dchain persona</footer>
            </body>
            </html>

            """
    }
}
