/// A readable dump of one document's extraction, for golden files and for people:
///
///     == seeds/002_….txt (2023)
///     actor liwa-al-quds [faction] لواء القدس / Liwa al-Quds
///       52..61 «لواء القدس»
///     subordinate_to liwa-al-quds → mi-branch-227  cue «التابعة» sentence 0..230
public enum ExtractionDump {
    public static func render(_ doc: DocumentExtraction, includeCoMentions: Bool = false) -> String {
        var lines = ["== \(doc.article.id) (\(doc.article.date?.description ?? "undated"))"]
        let actors = doc.actors.actors
        for (i, a) in actors.enumerated() {
            let mentions = doc.actors.mentions.filter { $0.actor == i }
            guard mentions.contains(where: { $0.kind == .name }) else { continue }
            lines.append("actor \(a.id) [\(a.type.rawValue)\(a.discovered ? ", discovered" : "")] \(a.name) / \(a.nameEn)")
            for m in mentions {
                lines.append("  \(m.start)..\(m.end) «\(m.text)»\(m.kind == .anaphor ? " (anaphor)" : "")")
            }
        }
        for r in doc.relations where includeCoMentions || r.type.isTyped {
            for e in r.evidence {
                let s = doc.sentences[e.sentence]
                var line = "\(r.type.rawValue) \(actors[r.source].id) → \(actors[r.target].id)"
                if let cue = e.cue { line += "  cue «\(cue)»" }
                line += " sentence \(s.start)..\(s.end)"
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
