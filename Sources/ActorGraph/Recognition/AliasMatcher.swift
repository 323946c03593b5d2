/// Finds gazetteer names in tokenized text.
///
/// Aliases are stored as token sequences in a trie. Overlap policy: leftmost-longest — at each
/// position the longest alias wins, and matching resumes after it, so «شعبة المخابرات العسكرية»
/// wins over «المخابرات العسكرية». Only the first token of an alias may carry clitics (see
/// `CliticVariants`); a quote mark or hyphen between the words of a name is skipped
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

    private struct Node: Sendable {
        var children: [Word: Int] = [:]
        var targets: [Target] = []
    }

    private var nodes: [Node] = [Node()]
    static let quote: Word = "\""
    static let hyphen: Word = "-"
    public private(set) var aliasCount = 0

    public init() {}

    /// Indexes every name of every actor (indices into `actors`).
    public init(actors: [GazetteerActor]) {
        for (i, actor) in actors.enumerated() {
            for name in actor.undatedNames { add(name, target: Target(actor: i, alias: DatedAlias(name: name))) }
            for dated in actor.datedAliases { add(dated.name, target: Target(actor: i, alias: dated)) }
        }
    }

    public static func words(of name: String) -> [Word] {
        let text = NormalizedText(name)
        return Tokenizer.tokenize(text).filter { $0.kind == .word }.map(\.word)
    }

    public mutating func add(_ name: String, target: Target) {
        let words = AliasMatcher.words(of: name)
        guard !words.isEmpty else { return }
        var node = 0
        for w in words {
            if let next = nodes[node].children[w] { node = next } else {
                nodes.append(Node())
                nodes[node].children[w] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if !nodes[node].targets.contains(target) {
            nodes[node].targets.append(target)
            aliasCount += 1
        }
    }

    /// The targets of exactly this word sequence (normalized words), if it is an alias.
    public func lookup(_ words: [Word]) -> [Target] {
        var node = 0
        for w in words {
            guard let next = nodes[node].children[w] else { return [] }
            node = next
        }
        return nodes[node].targets
    }

    /// All leftmost-longest matches in `tokens[range]`.
    public func matches(in tokens: [Token], range: Range<Int>? = nil) -> [Match] {
        matches(in: tokens, readings: TokenReadings(tokens), range: range)
    }

    public func matches(in tokens: [Token], readings: TokenReadings, range: Range<Int>? = nil) -> [Match] {
        let range = range ?? tokens.indices
        var result: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if tokens[i].kind == .word, let m = longestMatch(at: i, in: tokens, readings: readings, limit: range.upperBound) {
                result.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// The longest alias that starts at token `i`, trying the word as written first, then its clitic readings.
    public func longestMatch(at i: Int, in tokens: [Token], readings: TokenReadings, limit: Int) -> Match? {
        var best: Match?
        for reading in readings[i] {
            guard let first = nodes[0].children[reading.word] else { continue }
            var node = first
            var lastHit: (node: Int, end: Int)? = nodes[node].targets.isEmpty ? nil : (node, i + 1)
            var j = i + 1
            while j < limit {
                var k = j
                while k < limit && tokens[k].kind == .punctuation && (tokens[k].word == AliasMatcher.quote || tokens[k].word == AliasMatcher.hyphen) && k - j < 1 { k += 1 }
                guard k < limit, tokens[k].kind == .word, let next = nodes[node].children[tokens[k].word] else { break }
                node = next
                j = k + 1
                if !nodes[node].targets.isEmpty { lastHit = (node, j) }
            }
            if let hit = lastHit, hit.end - i > (best.map { $0.tokens.count } ?? 0) {
                best = Match(tokens: i..<hit.end, start: tokens[i].start + reading.prefixLength,
                             end: tokens[hit.end - 1].end, targets: nodes[hit.node].targets)
            }
        }
        return best
    }
}
