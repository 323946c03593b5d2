/// Finds the actor a reader means by a name typed on the command line.
///
/// Tries, in order, and stops at the first step that finds anything:
/// 1. the id itself (case-insensitive);
/// 2. a name or alias equal once normalized (`NameKey.exact`);
/// 3. equal with spaces, hyphens and the article ignored («القدس»/«قدس», "al-Quds"/"al Quds"/"alQuds");
/// 4. equal after folding transliteration variants ("Kuds", "Qouds");
/// 5. the query as whole words inside a name ("Quds" in "Liwa al-Quds", «الدفاع» in «قوات الدفاع الوطني»).
///
/// Each step is tried with the query as typed and then with the leading clitics of its first word
/// peeled off («وللواء القدس», «بالدفاع الوطني»). One actor found → `.found`; several → `.ambiguous`,
/// unless exactly one of them matched by its canonical name or id. Nothing → `.notFound` with the
/// nearest actors by edit distance.
public struct NameResolver: Sendable {
    public struct Candidate: Equatable, Sendable, Codable {
        public var id: String
        public var name: String
        public var nameEn: String
        /// The name or alias that matched, or came nearest the query.
        public var matched: String
        /// Edit distance between the query and `matched` in their folded forms (0 when equal).
        public var distance: Int

        public init(id: String, name: String, nameEn: String, matched: String, distance: Int) {
            self.id = id; self.name = name; self.nameEn = nameEn; self.matched = matched; self.distance = distance
        }
    }

    public enum Resolution: Equatable, Sendable {
        case found(String)
        /// Several actors carry the name; the best `maxCandidates`, nearest first.
        case ambiguous([Candidate])
        /// No actor carries it; the nearest `maxCandidates`, nearest first.
        case notFound(closest: [Candidate])
    }

    public static let maxCandidates = 5

    struct Actor: Sendable {
        var id: String
        var name: String
        var nameEn: String
        var mentions: Int
    }

    struct Entry: Sendable {
        var actor: Int
        var text: String
        var key: NameKey
        /// The id, the Arabic or English name (and its parenthesised part): wins over an alias.
        var canonical: Bool
    }

    let actors: [Actor]
    let entries: [Entry]
    let byID: [String: Int]

    /// - Parameter extraNames: more names per actor id (for example the gazetteer's aliases); ids
    ///   that are not among `nodes` are ignored.
    public init(nodes: [GraphSnapshot.Node], extraNames: [String: [String]] = [:]) {
        var actors: [Actor] = []
        var entries: [Entry] = []
        var byID: [String: Int] = [:]
        for node in nodes where byID[node.id.lowercased()] == nil {
            let i = actors.count
            actors.append(Actor(id: node.id, name: node.name, nameEn: node.nameEn, mentions: node.mentions))
            byID[node.id.lowercased()] = i
            var seen = Set<String>()
            func add(_ text: String, canonical: Bool) {
                let key = NameKey(text)
                guard !key.exact.isEmpty, seen.insert(key.exact).inserted else { return }
                entries.append(Entry(actor: i, text: text, key: key, canonical: canonical))
            }
            add(node.name, canonical: true)
            add(node.nameEn, canonical: true)
            for part in NameResolver.parentheticalParts(node.nameEn) { add(part, canonical: true) }
            add(node.id, canonical: true)
            for alias in node.aliases { add(alias, canonical: false) }
            for extra in extraNames[node.id] ?? [] { add(extra, canonical: false) }
        }
        self.actors = actors
        self.entries = entries
        self.byID = byID
    }

    public init(index: GraphIndex, extraNames: [String: [String]] = [:]) {
        self.init(nodes: (0..<index.nodeCount).map { index.node($0) }, extraNames: extraNames)
    }

    /// "Islamic State (ISIS)" → ["Islamic State", "ISIS"]; a name without parentheses → [].
    static func parentheticalParts(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return [] }
        let outer = (String(name[..<open]) + String(name[name.index(after: close)...])).trimmingCharacters(in: .whitespaces)
        let inner = String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        return [outer, inner].filter { !$0.isEmpty }
    }

    public func resolve(_ query: String) -> Resolution {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .notFound(closest: []) }
        if let i = byID[trimmed.lowercased()] { return .found(actors[i].id) }

        let keys = NameKey.cliticReadings(of: trimmed).map(NameKey.init).filter { !$0.exact.isEmpty }
        guard !keys.isEmpty else { return .notFound(closest: []) }
        let gluedKeys = keys + keys.flatMap(NameResolver.gluedArticleVariants)

        let steps: [(keys: [NameKey], matches: (NameKey, NameKey) -> Bool)] = [
            (keys, { q, e in q.exact == e.exact }),
            (gluedKeys, { q, e in q.exactCompact == e.exactCompact || q.looseCompact == e.looseCompact }),
            (gluedKeys, { q, e in q.fuzzyCompact == e.fuzzyCompact }),
            (gluedKeys, { q, e in NameResolver.isWordRun(q, of: e) }),
        ]
        for step in steps {
            for key in step.keys {
                var hit = Set<Int>(), canonicalHit = Set<Int>()
                for entry in entries where step.matches(key, entry.key) {
                    hit.insert(entry.actor)
                    if entry.canonical { canonicalHit.insert(entry.actor) }
                }
                if hit.count == 1, let only = hit.first { return .found(actors[only].id) }
                if hit.count > 1 {
                    if canonicalHit.count == 1, let only = canonicalHit.first { return .found(actors[only].id) }
                    return .ambiguous(ranked(hit, against: keys))
                }
            }
        }
        return .notFound(closest: ranked(Set(actors.indices), against: keys))
    }

    /// The ids of the actors whose id, names or aliases contain `text` (compared in the folded forms).
    public func actors(matching text: String) -> Set<String> {
        let query = NameKey(text)
        guard !query.exact.isEmpty else { return Set(actors.map(\.id)) }
        var result = Set<String>()
        for entry in entries where !result.contains(actors[entry.actor].id) {
            if entry.key.exact.contains(query.exact) || entry.key.fuzzySpaced.contains(query.fuzzySpaced)
                || (!query.fuzzyCompact.isEmpty && entry.key.fuzzyCompact.contains(query.fuzzyCompact)) {
                result.insert(actors[entry.actor].id)
            }
        }
        return result
    }

    // MARK: - Matching steps

    /// "alquds" → the key of "al-quds": a Latin word glued to its article.
    static func gluedArticleVariants(_ key: NameKey) -> [NameKey] {
        let words = key.exact.split(separator: " ").map(String.init)
        var variants: [NameKey] = []
        for (i, word) in words.enumerated() where word.count >= 5 && word.unicodeScalars.allSatisfy(\.isASCII)
            && (word.hasPrefix("al") || word.hasPrefix("el")) && !word.contains("-") {
            var changed = words
            changed[i] = String(word.prefix(2)) + "-" + word.dropFirst(2)
            variants.append(NameKey(changed.joined(separator: " ")))
        }
        return variants
    }

    /// True when the query's words are a run of whole words of the name (written apart or together).
    static func isWordRun(_ query: NameKey, of name: NameKey) -> Bool {
        let target = query.fuzzyCompact
        guard !target.isEmpty, name.fuzzy.count > 1, name.fuzzyCompact.contains(target) else { return false }
        let words = name.fuzzy
        for start in words.indices {
            var joined = ""
            for end in start..<words.count {
                joined += words[end]
                if joined == target { return end - start + 1 < words.count }
                if joined.count >= target.count { break }
            }
        }
        return false
    }

    // MARK: - Ranking

    /// The actors nearest the query, best `maxCandidates` first: by edit distance, then by mentions, then by id.
    func ranked(_ actorIndices: Set<Int>, against keys: [NameKey]) -> [Candidate] {
        var best: [Int: (distance: Int, text: String)] = [:]
        for entry in entries where actorIndices.contains(entry.actor) {
            let d = keys.map { NameResolver.rankDistance($0, entry.key) }.min() ?? Int.max
            if let current = best[entry.actor], current.distance <= d { continue }
            best[entry.actor] = (d, entry.text)
        }
        let order = best.sorted { a, b in
            if a.value.distance != b.value.distance { return a.value.distance < b.value.distance }
            let ma = actors[a.key].mentions, mb = actors[b.key].mentions
            if ma != mb { return ma > mb }
            return actors[a.key].id < actors[b.key].id
        }
        return order.prefix(NameResolver.maxCandidates).map { i, match in
            let a = actors[i]
            return Candidate(id: a.id, name: a.name, nameEn: a.nameEn, matched: match.text, distance: match.distance)
        }
    }

    /// The distance to the whole name, or one more than the distance to its nearest run of words
    /// (so "Qud" comes near "Liwa al-Quds").
    static func rankDistance(_ query: NameKey, _ name: NameKey) -> Int {
        let q = query.fuzzySpaced
        var best = NameKey.distance(q, name.fuzzySpaced)
        let words = name.fuzzy
        guard words.count > 1 else { return best }
        let low = max(1, query.fuzzy.count), high = min(words.count - 1, query.fuzzy.count + 1)
        guard low <= high else { return best }
        for width in low...high {
            for start in 0...(words.count - width) {
                let run = words[start..<(start + width)].joined(separator: " ")
                best = min(best, NameKey.distance(q, run) + 1)
            }
        }
        return best
    }
}
