/// The plain-text lines of node and edge tooltips, before escaping.
///
/// Each actor name gets a line of its own ("from: …", "to: …") rather than "A → B": between two
/// Arabic names the bidi algorithm would show the arrow pointing the wrong way.
struct DOTTooltips {
    var maxLength: Int
    var maxEvidence: Int
    /// One evidence sentence is cut to this many characters, so several fit in `maxLength`.
    var maxSentenceLength: Int { max(40, min(240, maxLength / 3)) }

    func node(_ node: GraphSnapshot.Node) -> [String] {
        var lines = [displayName(node)]
        var facts = [node.type.rawValue]
        if let side = node.side { facts.append("side: \(side)") }
        facts.append("id: \(node.id)")
        if node.discovered { facts.append("not in the gazetteer") }
        lines.append(facts.joined(separator: " · "))
        if !node.aliases.isEmpty {
            let aliases = node.aliases.map(DOTEscaping.clean).joined(separator: "، ")
            lines.append("aliases: " + DOTEscaping.truncate(aliases, to: maxLength / 2))
        }
        var seen = "\(node.mentions) mentions in \(Self.plural(node.documents, "document"))"
        if let span = Self.span(node.firstSeen, node.lastSeen) { seen += ", " + span }
        lines.append(seen)
        return capped(lines)
    }

    func edge(_ edge: GraphSnapshot.Edge, source: GraphSnapshot.Node, target: GraphSnapshot.Node) -> [String] {
        let (first, second) = edge.type.isSymmetric ? ("between", "and") : ("from", "to")
        var lines = [
            edge.type.rawValue,
            "\(first): \(displayName(source))",
            "\(second): \(displayName(target))",
        ]
        var count = Self.plural(edge.weight, "sentence")
        if let span = Self.span(edge.firstSeen, edge.lastSeen) { count += ", " + span }
        lines.append(count)
        for evidence in edge.evidence.prefix(maxEvidence) {
            let date = evidence.date?.description ?? "undated"
            let sentence = DOTEscaping.truncate(DOTEscaping.clean(evidence.sentence), to: maxSentenceLength)
            lines.append("• \(date) · \(DOTEscaping.clean(evidence.document)): «\(sentence)»")
        }
        if edge.evidence.count > maxEvidence {
            lines.append("… \(Self.plural(edge.evidence.count - maxEvidence, "more sentence"))")
        }
        return capped(lines)
    }

    private func displayName(_ node: GraphSnapshot.Node) -> String {
        let name = DOTEscaping.clean(node.name)
        let english = DOTEscaping.clean(node.nameEn)
        return english.isEmpty || english == name ? name : "\(name) (\(english))"
    }

    /// Keeps whole lines while they fit in `maxLength`; the first line always stays (cut if needed).
    private func capped(_ lines: [String]) -> [String] {
        var kept: [String] = []
        var used = 0
        for line in lines {
            let cost = line.count + 1
            if used + cost > maxLength {
                if kept.isEmpty { kept.append(DOTEscaping.truncate(line, to: maxLength)) }
                else { kept.append("…") }
                break
            }
            kept.append(line)
            used += cost
        }
        return kept
    }

    static func plural(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }

    /// "2015-04 – 2023", or one date when both are the same; nil when neither is known.
    static func span(_ first: PartialDate?, _ last: PartialDate?) -> String? {
        switch (first, last) {
        case let (f?, l?): f == l ? f.description : "\(f) – \(l)"
        case let (f?, nil): "from \(f)"
        case let (nil, l?): "until \(l)"
        case (nil, nil): nil
        }
    }
}

