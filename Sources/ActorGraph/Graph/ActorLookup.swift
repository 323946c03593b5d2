/// Finds the actor a user means (`--focus NAME`) among the nodes of one or more snapshots.
public enum ActorLookup {
    public enum Result: Sendable, Equatable {
        case found(String)
        /// Several actors carry the name; their ids, sorted.
        case ambiguous([String])
        /// No actor carries the name; the closest ones by spelling, closest first.
        case notFound(closest: [GraphSnapshot.Node])
    }

    /// An id matches as it is. Otherwise the query matches a node's Arabic name, English name or a
    /// seen alias after `ArabicNormalizer.normalize` on both sides (which folds alef and hamza forms,
    /// ة/ه and ى/ي, drops diacritics, and lowercases Latin letters) and with spaces collapsed.
    public static func resolve(_ query: String, in snapshots: [GraphSnapshot], suggestions: Int = 5) -> Result {
        let nodes = snapshots.flatMap(\.nodes)
        if nodes.contains(where: { $0.id == query }) { return .found(query) }
        let key = fold(query)
        guard !key.isEmpty else { return .notFound(closest: []) }
        let matches = Set(nodes.filter { forms($0).contains(key) }.map(\.id))
        if matches.count == 1, let id = matches.first { return .found(id) }
        if matches.count > 1 { return .ambiguous(matches.sorted()) }

        // Closest first: a form that contains the query or is contained in it («الدولة الإسلامية»
        // for «تنظيم الدولة الإسلامية»), then edit distance; one entry per id.
        let target = Array(key.unicodeScalars)
        func score(_ form: String) -> (Int, Int) {
            let distance = editDistance(target, Array(form.unicodeScalars))
            return (form.contains(key) || key.contains(form) ? 0 : 1, distance)
        }
        var best: [String: (score: (Int, Int), node: GraphSnapshot.Node)] = [:]
        for node in nodes {
            guard let s = (forms(node) + [fold(node.id)]).map(score).min(by: <) else { continue }
            if best[node.id].map({ s < $0.score }) ?? true { best[node.id] = (s, node) }
        }
        let closest = best.values.sorted { ($0.score.0, $0.score.1, $0.node.id) < ($1.score.0, $1.score.1, $1.node.id) }
        return .notFound(closest: closest.prefix(max(suggestions, 0)).map(\.node))
    }

    static func fold(_ text: String) -> String {
        ArabicNormalizer.normalize(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func forms(_ node: GraphSnapshot.Node) -> [String] {
        ([node.name, node.nameEn] + node.aliases).map(fold).filter { !$0.isEmpty }
    }

    /// Levenshtein distance over Unicode scalars, two rows at a time.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
