import ActorGraph

/// Small pieces of the query commands' text output.
enum QueryText {
    /// "2023", "2015-04 … 2023", or "undated".
    static func seen(_ first: PartialDate?, _ last: PartialDate?) -> String {
        switch (first, last) {
        case let (f?, l?): return f == l ? f.description : "\(f) … \(l)"
        case let (f?, nil): return f.description
        case let (nil, l?): return l.description
        case (nil, nil): return "undated"
        }
    }

    /// `a -[subordinate_to]-> b`, or `a -[fights]- b` for a symmetric relation.
    static func relation(_ source: String, _ type: RelationType, _ target: String) -> String {
        type.isSymmetric ? "\(source) -[\(type.rawValue)]- \(target)" : "\(source) -[\(type.rawValue)]-> \(target)"
    }

    /// The relations followed, for headings: "typed relations", "typed relations and co-mentions", or the list.
    static func relations(_ types: [RelationType]) -> String {
        let set = Set(types)
        if set == RelationType.typed { return "typed relations" }
        if set == Set(RelationType.allCases) { return "typed relations and co-mentions" }
        return types.map(\.rawValue).joined(separator: ", ")
    }

    /// An evidence sentence on two lines: where it is from, then the sentence in «».
    static func evidence(_ evidence: [GraphSnapshot.Evidence], indent: String) -> [String] {
        evidence.flatMap { e -> [String] in
            var head = "\(indent)\(e.date?.description ?? "undated")  \(e.document) [\(e.start)–\(e.end)]"
            if let cue = e.cue { head += "  cue «\(cue)»" }
            return [head, "\(indent)  «\(e.sentence)»"]
        }
    }

    /// Splices extra lines after given lines of a table: `extra[i]` goes after line `i`.
    static func interleave(_ lines: [String], _ extra: [Int: [String]]) -> [String] {
        lines.enumerated().flatMap { i, line in [line] + (extra[i] ?? []) }
    }

    static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? word : plural ?? word + "s")"
    }
}
