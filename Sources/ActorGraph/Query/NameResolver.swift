import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the actor a reader means by a name typed on the command line.
///
/// Tries, in order, and stops at the first step that finds anything:
/// 1. the id itself (also in other letter case);
/// 2. a name or alias equal once normalized (`NameKey.exact`);
/// 3. equal with spaces, hyphens and the article ignored («القدس»/«قدس», "al-Quds"/"al Quds"/"alQuds");
/// 4. equal after folding transliteration variants ("Kuds", "Qouds");
/// 5. the query as whole words inside a name ("Quds" in "Liwa al-Quds", «الدفاع» in «قوات الدفاع الوطني»).
///
/// Each step is tried with the query as typed and then with the leading clitics of its first word
/// peeled off («وللواء القدس», «بالدفاع الوطني»); a Latin word glued to its article ("alquds") is also
/// read apart. One actor found → `.found`; several → `.ambiguous`, unless exactly one of them matched
/// by its canonical name or id. Nothing → `.notFound` with the nearest actors by edit distance.
///
/// The names of the graph's actors and their comparison forms are stored in the index (computed
/// once, when it is built), so resolving a name in a graph of 100,000 actors compares bytes.
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

    /// A resolver over one snapshot (or the union of several, merged first).
    public init(snapshot: GraphSnapshot) throws {
        self.init(index: try GraphIndex(snapshot))
    }

    let index: GraphIndex
    let tables: [NameTable]

    /// - Parameter extraNames: more names per actor id (for example the gazetteer's aliases); ids
    ///   that are not in the graph are ignored.
    public init(index: GraphIndex, extraNames: [String: [String]] = [:]) {
        self.index = index
        var extra: [(actor: Int, text: String, canonical: Bool)] = []
        for id in extraNames.keys.sorted() {
            guard let actor = index.nodeIndex(id: id) else { continue }
            for name in extraNames[id] ?? [] { extra.append((actor, name, false)) }
        }
        // Only a text of over 4 GB could fail to make a table; then the extra names are left out.
        let more = extra.isEmpty ? nil : try? IndexWriter.nameTable(extra)
        tables = [index.names] + (more.map { [$0] } ?? [])
    }

    /// The names an actor is known by: canonical ones (Arabic and English name, the parts of an
    /// English name in parentheses, the id) and then the aliases seen in the text.
    static func names(of node: GraphSnapshot.Node) -> [(text: String, canonical: Bool)] {
        [(node.name, true), (node.nameEn, true)] + parentheticalParts(node.nameEn).map { ($0, true) }
            + [(node.id, true)] + node.aliases.map { ($0, false) }
    }

    /// "Islamic State (ISIS)" → ["Islamic State", "ISIS"]; a name without parentheses → [].
    static func parentheticalParts(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return [] }
        let outer = (String(name[..<open]) + String(name[name.index(after: close)...])).trimmingCharacters(in: .whitespaces)
        let inner = String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        return [outer, inner].filter { !$0.isEmpty }
    }

    /// - Parameter closest: whether a name that is not found comes with the nearest actors (which
    ///   costs a pass over every name of the graph).
    public func resolve(_ query: String, closest: Bool = true) -> Resolution {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .notFound(closest: []) }
        for id in [trimmed, trimmed.lowercased()] {
            if let v = index.nodeIndex(id: id) { return .found(index.id(of: v)) }
        }
        let keys = NameKey.cliticReadings(of: trimmed).map { Query(NameKey($0)) }.filter { !$0.key.exact.isEmpty }
        guard !keys.isEmpty else { return .notFound(closest: []) }
        let glued = keys + keys.flatMap { NameResolver.gluedArticleVariants($0.key).map(Query.init) }

        typealias Match = (NameTable, Int, Query) -> Bool
        let steps: [([Query], Match)] = [
            (keys, { t, i, q in same(t.form(i, .exact), q.exact) }),
            (glued, { t, i, q in same(t.form(i, .exactCompact), q.exactCompact) || same(t.form(i, .looseCompact), q.looseCompact) }),
            (glued, { t, i, q in same(t.form(i, .fuzzyCompact), q.fuzzyCompact) }),
            (glued, { t, i, q in NameResolver.isWordRun(q, in: t, i) }),
        ]
        for (queries, matches) in steps {
            for q in queries {
                var hit = Set<Int>(), canonicalHit = Set<Int>()
                for table in tables {
                    for i in 0..<table.count where matches(table, i, q) {
                        hit.insert(table.actor(i))
                        if table.canonical(i) { canonicalHit.insert(table.actor(i)) }
                    }
                }
                if hit.count == 1, let only = hit.first { return .found(index.id(of: only)) }
                if hit.count > 1 {
                    if canonicalHit.count == 1, let only = canonicalHit.first { return .found(index.id(of: only)) }
                    return .ambiguous(ranked(among: hit, against: keys))
                }
            }
        }
        return .notFound(closest: closest ? ranked(among: nil, against: keys) : [])
    }

    /// The ids of the actors whose id, names or aliases contain `text` (compared in the folded forms).
    public func actors(matching text: String) -> Set<String> {
        let q = Query(NameKey(text))
        var found = Set<Int>()
        for table in tables {
            for i in 0..<table.count where !found.contains(table.actor(i)) {
                if contains(table.form(i, .exact), q.exact) || contains(table.form(i, .fuzzySpaced), q.fuzzySpaced)
                    || contains(table.form(i, .fuzzyCompact), q.fuzzyCompact) {
                    found.insert(table.actor(i))
                }
            }
        }
        return Set(found.map { index.id(of: $0) })
    }

    // MARK: - Matching

    /// A query's forms as bytes, compared with the stored forms in place.
    struct Query {
        var key: NameKey
        var exact: [UInt8], exactCompact: [UInt8], looseCompact: [UInt8], fuzzyCompact: [UInt8], fuzzySpaced: [UInt8]
        init(_ key: NameKey) {
            self.key = key
            exact = Array(key.exact.utf8); exactCompact = Array(key.exactCompact.utf8); looseCompact = Array(key.looseCompact.utf8)
            fuzzyCompact = Array(key.fuzzyCompact.utf8); fuzzySpaced = Array(key.fuzzySpaced.utf8)
        }
    }

    /// "alquds" → the key of "al-quds": a Latin word glued to its article.
    static func gluedArticleVariants(_ key: NameKey) -> [NameKey] {
        let words = key.exact.split(separator: " ").map(String.init)
        var variants: [NameKey] = []
        for (i, word) in words.enumerated() where word.count >= 5 && word.unicodeScalars.allSatisfy(\.isASCII)
            && (word.hasPrefix("al") || word.hasPrefix("el")) {
            var changed = words
            changed[i] = String(word.prefix(2)) + "-" + word.dropFirst(2)
            variants.append(NameKey(changed.joined(separator: " ")))
        }
        return variants
    }

    /// True when the query's words are a run of whole words of a longer name (written apart or together).
    static func isWordRun(_ q: Query, in table: NameTable, _ i: Int) -> Bool {
        guard !q.fuzzyCompact.isEmpty, contains(table.form(i, .fuzzyCompact), q.fuzzyCompact) else { return false }
        let words = table.string(i, .fuzzySpaced).split(separator: " ")
        guard words.count > 1 else { return false }
        let target = q.key.fuzzyCompact
        for start in words.indices {
            var joined = ""
            for end in start..<words.count {
                joined += words[end]
                if joined == target { return end - start + 1 < words.count }
                if joined.utf8.count >= target.utf8.count { break }
            }
        }
        return false
    }

    // MARK: - Ranking

    /// The actors nearest the query (among `actors`, or all), best `maxCandidates` first: by edit
    /// distance (see `rankDistance`), then by mentions (more first), then by id.
    func ranked(among actors: Set<Int>?, against keys: [Query]) -> [Candidate] {
        let patterns = keys.map { EditDistance(pattern: $0.key.fuzzySpaced.unicodeScalars.map(\.value), words: $0.key.fuzzy.count) }
        var distance = [Int](repeating: Int.max, count: index.nodeCount)
        var match = [(table: Int, entry: Int)](repeating: (0, 0), count: index.nodeCount)
        var scratch = NameScratch()
        for (t, table) in tables.enumerated() {
            for i in 0..<table.count {
                let actor = table.actor(i)
                if let actors, !actors.contains(actor) { continue }
                scratch.load(table.form(i, .fuzzySpaced))
                var d = Int.max
                for pattern in patterns { d = min(d, scratch.rankDistance(from: pattern)) }
                if d < distance[actor] { distance[actor] = d; match[actor] = (t, i) }
            }
        }
        // Only actors as near as the 5th nearest can be listed; the full order is for those few.
        let reached = distance.filter { $0 < Int.max }.sorted()
        guard let cutoff = reached.prefix(NameResolver.maxCandidates).last else { return [] }
        let order = distance.indices.filter { distance[$0] <= cutoff }
            .map { (actor: $0, distance: distance[$0], mentions: index.mentions(of: $0), id: index.id(of: $0)) }
            .sorted { a, b in
                if a.distance != b.distance { return a.distance < b.distance }
                if a.mentions != b.mentions { return a.mentions > b.mentions }
                return a.id < b.id
            }
        return order.prefix(NameResolver.maxCandidates).map { a in
            let s = index.summary(of: a.actor)
            let m = match[a.actor]
            return Candidate(id: s.id, name: s.name, nameEn: s.nameEn, matched: tables[m.table].string(m.entry, .text), distance: a.distance)
        }
    }
}

/// A stored name decoded to scalars, with its word boundaries; reused from name to name.
struct NameScratch {
    var scalars: [UInt32] = []
    var wordStarts: [Int] = []
    var wordEnds: [Int] = []

    mutating func load(_ utf8: UnsafeRawBufferPointer) {
        scalars.removeAll(keepingCapacity: true); wordStarts.removeAll(keepingCapacity: true); wordEnds.removeAll(keepingCapacity: true)
        var i = 0
        while i < utf8.count {
            let b = UInt32(utf8[i])
            var v = b, length = 1
            if b >= 0xF0 { v = b & 0x07; length = 4 } else if b >= 0xE0 { v = b & 0x0F; length = 3 } else if b >= 0xC0 { v = b & 0x1F; length = 2 }
            for k in 1..<length where i + k < utf8.count { v = (v << 6) | (UInt32(utf8[i + k]) & 0x3F) }
            i += length
            if v == 0x20 {
                if wordStarts.count > wordEnds.count { wordEnds.append(scalars.count) }
            } else {
                if wordStarts.count == wordEnds.count { wordStarts.append(scalars.count) }
            }
            scalars.append(v)
        }
        if wordStarts.count > wordEnds.count { wordEnds.append(scalars.count) }
    }

    /// The distance to the whole name, or one more than the distance to its nearest run of words
    /// (so "Qud" comes near "Liwa al-Quds"); runs are one word shorter to one word longer than the query.
    func rankDistance(from pattern: EditDistance) -> Int {
        scalars.withUnsafeBufferPointer { text in
            var best = pattern.distance(to: text[...])
            let count = wordStarts.count
            let low = max(1, pattern.words), high = min(count - 1, pattern.words + 1)
            guard low <= high else { return best }
            for width in low...high {
                for start in 0...(count - width) {
                    let run = wordStarts[start]..<wordEnds[start + width - 1]
                    if abs(run.count - pattern.length) + 1 >= best { continue }  // cannot do better
                    best = min(best, pattern.distance(to: text[run]) + 1)
                }
            }
            return best
        }
    }
}

/// Levenshtein distance from one pattern to many texts. Patterns of up to 64 scalars use the
/// bit-parallel algorithm of Myers (in Hyyrö's form for whole strings): one pass over the text,
/// a few word operations per scalar. Longer ones use the classic table.
struct EditDistance {
    let pattern: [UInt32]
    let words: Int
    var length: Int { pattern.count }
    /// Where each scalar occurs in the pattern, as bits: a table for scalars below U+0800 (Latin
    /// and Arabic), a short list for the others.
    private let direct: [UInt64]
    private let symbols: [UInt32]
    private let masks: [UInt64]
    static let directLimit: UInt32 = 0x800

    init(pattern: [UInt32], words: Int) {
        self.pattern = pattern
        self.words = words
        var direct = [UInt64](repeating: 0, count: pattern.count <= 64 ? Int(EditDistance.directLimit) : 0)
        var symbols: [UInt32] = [], masks: [UInt64] = []
        if pattern.count <= 64 {
            for (i, c) in pattern.enumerated() {
                if c < EditDistance.directLimit {
                    direct[Int(c)] |= 1 << UInt64(i)
                } else if let k = symbols.firstIndex(of: c) {
                    masks[k] |= 1 << UInt64(i)
                } else {
                    symbols.append(c); masks.append(1 << UInt64(i))
                }
            }
        }
        self.direct = direct
        self.symbols = symbols
        self.masks = masks
    }

    func distance(to text: Slice<UnsafeBufferPointer<UInt32>>) -> Int {
        let m = pattern.count
        if m == 0 { return text.count }
        if text.isEmpty { return m }
        guard m <= 64 else { return table(text) }
        let top: UInt64 = 1 << UInt64(m - 1)
        var pv: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) &- 1
        var mv: UInt64 = 0
        var score = m
        for c in text {
            var eq: UInt64 = 0
            if c < EditDistance.directLimit {
                eq = direct[Int(c)]
            } else {
                for k in symbols.indices where symbols[k] == c { eq = masks[k]; break }
            }
            let xv = eq | mv
            let xh = (((eq & pv) &+ pv) ^ pv) | eq
            var ph = mv | ~(xh | pv)
            var mh = pv & xh
            if ph & top != 0 { score += 1 } else if mh & top != 0 { score -= 1 }
            ph = (ph << 1) | 1
            mh = mh << 1
            pv = mh | ~(xv | ph)
            mv = ph & xv
        }
        return score
    }

    private func table(_ text: Slice<UnsafeBufferPointer<UInt32>>) -> Int {
        let y = Array(text)
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...pattern.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (pattern[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

@inline(__always)
private func same(_ stored: UnsafeRawBufferPointer, _ query: [UInt8]) -> Bool {
    guard stored.count == query.count else { return false }
    guard let base = stored.baseAddress, !query.isEmpty else { return true }
    return query.withUnsafeBytes { q in q.baseAddress.map { memcmp(base, $0, query.count) == 0 } ?? false }
}

/// True when `needle` occurs in `haystack` (an empty needle occurs everywhere).
private func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
    let first = needle[0]
    return needle.withUnsafeBytes { n in
        guard let pattern = n.baseAddress else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if memcmp(base + start, pattern, needle.count) == 0 { return true }
        }
        return false
    }
}
