/// The readable report of a `GraphDiff` (`actorgraph diff --format text`): sections for actors and
/// edges added, removed and changed, each actor with its Arabic and English names.
///
/// Names are untrusted text: control characters (a terminal escape sequence in a "name") and bidi
/// overrides are dropped and line breaks become spaces, so one entry stays one line.
public enum DiffTextWriter {
    /// `old` and `new` supply the names of the actors at the ends of edges.
    public static func render(_ diff: GraphDiff, old: GraphSnapshot, new: GraphSnapshot) -> String {
        var names: [String: (String, String)] = [:]
        for n in old.nodes + new.nodes { names[n.id] = (n.name, n.nameEn) }
        func named(_ id: String) -> String {
            guard let (ar, en) = names[id] else { return plain(id) }
            return en.isEmpty || en == ar ? plain(ar) : "\(plain(ar)) (\(plain(en)))"
        }
        func seen(_ first: PartialDate?, _ last: PartialDate?) -> String {
            guard let first, let last else { return "undated" }
            return first == last ? "seen \(first)" : "seen \(first) … \(last)"
        }
        func arrow(_ source: String, _ type: RelationType, _ target: String) -> String {
            "\(plain(source)) —\(type.rawValue)\(type.isSymmetric ? "—" : "→") \(plain(target))"
        }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

        var out = "ActorGraph diff\n"
        for (side, input) in [("OLD", diff.old), ("NEW", diff.new)] {
            let period = input.period.map { $0.from == $0.to ? "\($0.from)" : "\($0.from) … \($0.to)" } ?? "undated"
            out += "  \(side): \(plain(input.label)) — \(period), \(count(input.documents, "document")), "
            out += "\(count(input.actors, "actor")), \(count(input.edges, "edge"))\n"
        }
        let o = diff.options
        out += "  thresholds: weight |Δ| ≥ \(o.minWeightChange) and ≥ \(percent(o.minRelativeWeightChange)); "
        out += "mentions |Δ| ≥ \(o.minMentionChange) and ≥ \(percent(o.minRelativeMentionChange))"
        out += o.includeCoMentions ? "\n" : "; co_mentioned edges left out\n"
        if let focus = diff.focus {
            out += "  focus: \(plain(focus.id)) — \(named(focus.id)) and its neighbours within \(count(focus.depth, "edge")): "
            out += "\(count(focus.actors.count, "actor"))\n"
        }
        out += "  summary: actors +\(diff.actors.added.count) −\(diff.actors.removed.count) ~\(diff.actors.changed.count); "
        out += "edges +\(diff.edges.added.count) −\(diff.edges.removed.count) ~\(diff.edges.changed.count)\n"

        func section<T>(_ title: String, _ items: [T], _ line: (T) -> String) {
            out += "\n\(title) (\(items.count))\n"
            if items.isEmpty { out += "  none\n" }
            for item in items { out += line(item) }
        }
        func actor(_ mark: String) -> (GraphDiff.Actor) -> String {
            { a in
                "  \(mark) \(plain(a.id))  \(named(a.id))  \(a.type.rawValue), \(count(a.mentions, "mention")) in "
                    + "\(count(a.documents, "document")), \(seen(a.firstSeen, a.lastSeen))\n"
            }
        }
        func edge(_ mark: String) -> (EdgeSummary) -> String {
            { e in
                "  \(mark) \(arrow(e.source, e.type, e.target))  weight \(e.weight), \(seen(e.firstSeen, e.lastSeen))\n"
                    + "      \(named(e.source)) — \(named(e.target))\n"
            }
        }

        section("Actors added", diff.actors.added, actor("+"))
        section("Actors removed", diff.actors.removed, actor("-"))
        section("Actors changed", diff.actors.changed) { c in
            var changes: [String] = []
            let f = c.changes
            if let x = f.name { changes.append("name \(plain(x.old)) → \(plain(x.new))") }
            if let x = f.nameEn { changes.append("English name \(plain(x.old)) → \(plain(x.new))") }
            if let x = f.type { changes.append("type \(x.old.rawValue) → \(x.new.rawValue)") }
            if let x = f.side { changes.append("side \(plain(x.old ?? "none")) → \(plain(x.new ?? "none"))") }
            if let x = f.mentions { changes.append("mentions \(x.old) → \(x.new)") }
            return "  ~ \(plain(c.id))  \(named(c.id)): \(changes.joined(separator: "; "))\n"
        }
        section("Edges added", diff.edges.added, edge("+"))
        section("Edges removed", diff.edges.removed, edge("-"))
        section("Edges changed", diff.edges.changed) { c in
            switch c.kind {
            case .relation:
                let from = (c.fromTypes ?? []).map(\.rawValue).joined(separator: ", ")
                let to = (c.toTypes ?? []).map(\.rawValue).joined(separator: ", ")
                var s = "  ~ \(plain(c.source)) – \(plain(c.target)): relation \(from) → \(to)\n"
                for e in c.oldEdges ?? [] { s += "      was \(arrow(e.source, e.type, e.target))  weight \(e.weight), \(seen(e.firstSeen, e.lastSeen))\n" }
                for e in c.newEdges ?? [] { s += "      now \(arrow(e.source, e.type, e.target))  weight \(e.weight), \(seen(e.firstSeen, e.lastSeen))\n" }
                return s + "      \(named(c.source)) — \(named(c.target))\n"
            case .weight:
                let type = c.type ?? .coMentioned
                return "  ~ \(arrow(c.source, type, c.target))  weight \(c.oldWeight ?? 0) → \(c.newWeight ?? 0)\n"
                    + "      \(named(c.source)) — \(named(c.target))\n"
            }
        }
        return out
    }

    static func percent(_ fraction: Double) -> String {
        let p = (fraction * 100).rounded()
        return p.isFinite && abs(p) < 1e9 ? "\(Int(p))%" : "\(fraction)"
    }

    /// One line of untrusted text, safe for a terminal.
    static func plain(_ text: String) -> String { DiffDOTWriter.oneLine(text) }
}
