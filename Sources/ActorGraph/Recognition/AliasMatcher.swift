/// Finds gazetteer names in tokenized text.
///
/// Aliases are stored as token sequences in a trie. Overlap policy: leftmost-longest — at each
/// position the longest alias wins, and matching resumes after it, so «شعبة المخابرات العسكرية»
/// wins over «المخابرات العسكرية». Only the first token of an alias may carry clitics (see
/// `CliticVariants`); a quote mark, hyphen or underscore between the words of a name is skipped
/// («جيش "الإسلام"», "Liwa al-Quds").
public struct AliasMatcher: Sendable {
    /// What an alias points to: an actor, valid on the dates the alias is valid.
    public struct Target: Sendable, Equatable {
        public var actor: Int
        public var alias: DatedAlias
    }

    public struct Match: Sendable, Equatable {
        /// Token range of the match (the first token may include clitics).
        public var tokens: Range<Int>
        /// Normalized-scalar range, after the clitics.
        public var start: Int
        public var end: Int
        public var targets: [Target]
    }

    /// The trie as one table of edges (node, word) → child, node 0 the root: one lookup per
    /// step, where a dictionary per node cost a retain and release of its storage at every token.
    private var edges = EdgeTable()
    /// The first words of all aliases: most tokens begin none, and the filter says so without a lookup.
    private var firstWords = WordFilter()
    /// Each node's targets (empty for a node that ends no alias).
    private var targets: [[Target]] = [[]]
    static let quote: Word = "\""
    static let hyphen: Word = "-"
    /// Hashtags join a name's words with it: «#ماهر_الأسد».
    static let underscore: Word = "_"
    public private(set) var aliasCount = 0

    public init() {}

    /// Indexes every name of every actor (indices into `actors`).
    public init(actors: [GazetteerActor]) {
        for (i, actor) in actors.enumerated() {
            for name in actor.undatedNames {
                add(name, target: Target(actor: i, alias: DatedAlias(name: name)))
                if let other = CompoundNames.variant(of: name) { add(other, target: Target(actor: i, alias: DatedAlias(name: name))) }
            }
            for dated in actor.datedAliases {
                add(dated.name, target: Target(actor: i, alias: dated))
                if let other = CompoundNames.variant(of: dated.name) { add(other, target: Target(actor: i, alias: dated)) }
            }
        }
    }

    public static func words(of name: String) -> [Word] {
        let text = NormalizedText(name)
        return Tokenizer.tokenize(text).filter { $0.kind == .word }.map(\.word)
    }

    public mutating func add(_ name: String, target: Target) {
        let words = AliasMatcher.words(of: name)
        guard !words.isEmpty else { return }
        firstWords.insert(words[0])
        var node = 0
        for w in words {
            if let next = child(of: node, w) { node = next } else {
                targets.append([])
                edges.insert(node: Int32(node), word: w, child: Int32(targets.count - 1))
                node = targets.count - 1
            }
        }
        if !targets[node].contains(target) {
            targets[node].append(target)
            aliasCount += 1
        }
    }

    /// The targets of exactly this word sequence (normalized words), if it is an alias.
    public func lookup(_ words: [Word]) -> [Target] {
        var node = 0
        for w in words {
            guard let next = child(of: node, w) else { return [] }
            node = next
        }
        return targets[node]
    }

    /// All leftmost-longest matches in `tokens[range]`.
    public func matches(in tokens: [Token], range: Range<Int>? = nil) -> [Match] {
        matches(in: tokens, readings: TokenReadings(tokens), range: range)
    }

    public func matches(in tokens: [Token], readings: TokenReadings, range: Range<Int>? = nil) -> [Match] {
        matches(in: tokens, readings: readings, range: range ?? tokens.indices) { _ in true }
    }

    /// The matches, trying only the tokens `mayStart` lets through (it must let through every
    /// token one of whose readings `firstWordFilter` passes).
    func matches(in tokens: [Token], readings: TokenReadings, range: Range<Int>, mayStart: (Int) -> Bool) -> [Match] {
        var result: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if mayStart(i), tokens[i].kind == .word, let m = longestMatch(at: i, in: tokens, readings: readings, limit: range.upperBound) {
                result.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// False for a word no alias begins with (most words); true may be wrong.
    var firstWordFilter: WordFilter { firstWords }

    @inline(__always)
    private func child(of node: Int, _ word: Word) -> Int? {
        edges.child(of: Int32(node), word).map(Int.init)
    }

    /// The longest alias that starts at token `i`, trying the word as written first, then its clitic readings.
    public func longestMatch(at i: Int, in tokens: [Token], readings: TokenReadings, limit: Int) -> Match? {
        readings.withReadings(i) { longestMatch(at: i, in: tokens, readings: $0, limit: limit) }
    }

    private func longestMatch(at i: Int, in tokens: [Token], readings all: UnsafeBufferPointer<CliticVariants.Reading>, limit: Int) -> Match? {
        var best: Match?
        // By index, the filter first: most readings begin no alias, and copying one out of the
        // array retained and released its string.
        for r in all.indices where firstWords.mayContain(all[r].word) {
            guard let first = child(of: 0, all[r].word) else { continue }
            var node = first
            var lastHit: (node: Int, end: Int)? = targets[node].isEmpty ? nil : (node, i + 1)
            var j = i + 1
            while j < limit {
                var k = j
                while k < limit && tokens[k].kind == .punctuation && (tokens[k].word == AliasMatcher.quote || tokens[k].word == AliasMatcher.hyphen || tokens[k].word == AliasMatcher.underscore) && k - j < 1 { k += 1 }
                guard k < limit, tokens[k].kind == .word, let next = child(of: node, tokens[k].word) else { break }
                node = next
                j = k + 1
                if !targets[node].isEmpty { lastHit = (node, j) }
            }
            if let hit = lastHit, hit.end - i > (best.map { $0.tokens.count } ?? 0) {
                best = Match(tokens: i..<hit.end, start: tokens[i].start + all[r].prefixLength,
                             end: tokens[hit.end - 1].end, targets: targets[hit.node])
            }
        }
        return best
    }
}

/// The trie's edges (node, word) → child, in one open-addressing table probed by the word's
/// fingerprint mixed with the node: a probe copies no string (a `Dictionary` keyed by a struct
/// holding the `Word` retained and released it at every token); words are compared only when
/// the fingerprint and node agree, so a lookup answers exactly as a dictionary of the pairs would.
private struct EdgeTable: Sendable {
    /// An edge's index, or -1; at most half the slots are taken.
    private var slots = [Int32](repeating: -1, count: 1 << 10)
    private var keys: [UInt64] = []
    private var nodes: [Int32] = []
    private var words: [Word] = []
    private var children: [Int32] = []

    @inline(__always)
    private static func key(_ node: Int32, _ word: Word) -> UInt64 { word.fingerprint &+ UInt64(node) &* 0x9E37_79B9_7F4A_7C15 }

    func child(of node: Int32, _ word: Word) -> Int32? {
        let key = EdgeTable.key(node, word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let e = Int(slots[slot])
            if e < 0 { return nil }
            if keys[e] == key && nodes[e] == node && words[e] == word { return children[e] }
            slot = (slot + 1) & mask
        }
    }

    /// Adds an edge that is not in the table yet.
    mutating func insert(node: Int32, word: Word, child: Int32) {
        keys.append(EdgeTable.key(node, word))
        nodes.append(node)
        words.append(word)
        children.append(child)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for e in keys.indices { place(e) }
        } else {
            place(keys.count - 1)
        }
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: keys[e]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(e)
    }
}
