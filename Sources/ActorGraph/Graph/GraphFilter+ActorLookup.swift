extension GraphFilter {
    /// How a name or id given by a reader maps to an actor of the graph.
    public enum ActorMatch: Equatable, Sendable {
        case found(id: String)
        /// Several actors carry the name; their ids, sorted.
        case ambiguous(ids: [String])
        /// No actor carries it; the closest actors' ids, best first.
        case notFound(closest: [String])
    }

    /// Resolves `query` by exact id, then by normalized Arabic or English name, then by alias.
    ///
    /// A stand-in until the project's shared name resolver exists; keep its behaviour simple.
    public static func resolveActor(_ query: String, in graph: GraphSnapshot, maxCandidates: Int = 5) -> ActorMatch {
        if graph.nodes.contains(where: { $0.id == query }) { return .found(id: query) }
        let key = normalizedName(query)
        for names in [{ (n: GraphSnapshot.Node) in [n.name, n.nameEn] }, { $0.aliases }] {
            let ids = graph.nodes.filter { names($0).contains { normalizedName($0) == key } }.map(\.id).sorted()
            if ids.count == 1 { return .found(id: ids[0]) }
            if ids.count > 1 { return .ambiguous(ids: ids) }
        }
        return .notFound(closest: closest(to: key, in: graph, count: maxCandidates))
    }

    /// The form names are compared in: Arabic diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي,
    /// ة → ه, Arabic-Indic digits → 0-9 («الفرع ٢٢٧» is «الفرع 227»), a leading «ال» dropped,
    /// case folded, whitespace collapsed.
    public static func normalizedName(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.lowercased().unicodeScalars {
            switch s.value {
            case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")
            case 0x0649: scalars.append("\u{064A}")
            case 0x0629: scalars.append("\u{0647}")
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: s.value - 0x0660) + 0x30))
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: s.value - 0x06F0) + 0x30))
            default: scalars.append(s)
            }
        }
        var name = String(scalars).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.hasPrefix("ال") && name.count > 3 { name.removeFirst(2) }
        return name
    }

    /// Ids of the actors whose names or aliases come nearest `key`: names containing it (or
    /// contained in it) first, then by edit distance, then by id.
    private static func closest(to key: String, in graph: GraphSnapshot, count: Int) -> [String] {
        let query = Array(key)
        let scored = graph.nodes.map { node -> (Int, String) in
            let best = ([node.name, node.nameEn] + node.aliases).map { name -> Int in
                let candidate = normalizedName(name)
                if !key.isEmpty && !candidate.isEmpty && (candidate.contains(key) || key.contains(candidate)) { return 0 }
                return 1 + editDistance(query, Array(candidate))
            }.min() ?? Int.max
            return (best, node.id)
        }
        return scored.sorted { $0 < $1 }.prefix(max(count, 0)).map(\.1)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
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
