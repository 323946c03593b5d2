/// The rule table in the form the matcher runs: every word set a rule tests (and the descriptor
/// words slots may skip) gets a number, and a sentence's tokens are described once by the sets
/// their readings fall in, a bit per set. Matching then tests bits instead of hashing words
/// into sets at every token, for every rule.
struct CompiledRules: Sendable {
    enum Element: Sendable, Equatable {
        /// A mention; `types` is a mask over `ActorType.allCases` (nil: any type). `partner`: the
        /// pattern joins it to the other slot with «و» («اشتباكات A و? B»), so it may bind the
        /// actor coordinated with the other slot's, which rules otherwise refuse as a partner.
        /// `topic`: only the sentence's first named actor (`^A` in the table).
        case slot(RelationRule.Slot, types: UInt8?, partner: Bool, topic: Bool)
        case word(set: Int, optional: Bool)
        case gap(Int, crossesActors: Bool)
        case anyWord
    }

    /// Each rule's elements, in table order.
    let elements: [[Element]]
    /// Each rule's required (non-optional) word sets, as a mask of `stride` words per rule.
    private let required: [UInt64]
    /// Each rule's `unless` set, or -1.
    private let unless: [Int]
    /// How many 64-bit words a mask of the rules takes.
    private let ruleStride: Int
    /// Each set → the rules keyed by it (`ruleStride` words per set): a rule's key is one of its
    /// required sets, the one of fewest words (the first of them). A sentence without the key has
    /// none of its rules as candidates, so only the rules of the sets the sentence has are checked.
    private let keyed: [UInt64]
    /// The rules that require no word, which every sentence checks.
    private let unkeyed: [UInt64]
    /// `required` without its zero words: rule `r`'s are `requiredWord[k]` and `requiredBits[k]`
    /// for `k` in `requiredFrom[r]..<requiredFrom[r + 1]`.
    private let requiredFrom: [Int], requiredWord: [Int], requiredBits: [UInt64]
    /// The descriptor words a slot may skip; the quote mark; prepositions cut off by tatweel.
    /// (The last two are single characters, which no clitic reading can be, so a token is in
    /// them exactly when its own word is.) The words that open another clause, which no gap
    /// that names no actor passes: «… القائد العسكري لحركة أحرار الشام، بينما العميد الشيخ …».
    let descriptors: Int, quote: Int, detachedPrepositions: Int, clauseBreaks: Int
    /// Whether each set matches a token's own word only (`=` in the table), not a clitic reading.
    private let exactSets: [Bool]
    /// How many 64-bit words a token's description takes.
    let stride: Int
    /// Each word that is in some set → the sets it is in.
    private let setsOfWord: [Word: [Int]]

    init(_ rules: [RelationRule], descriptors descriptorWords: Set<Word>, quote quoteMark: Word, detachedPrepositions detached: Set<Word>) {
        struct SetKey: Hashable { var words: Set<Word>; var exact: Bool }
        var ids: [SetKey: Int] = [:]
        var setsOfWord: [Word: [Int]] = [:]
        func id(_ words: Set<Word>, exact: Bool = false) -> Int {
            let key = SetKey(words: words, exact: exact)
            if let known = ids[key] { return known }
            let new = ids.count
            ids[key] = new
            for w in words { setsOfWord[w, default: []].append(new) }
            return new
        }
        descriptors = id(descriptorWords)
        // Brackets are as transparent as quotes: «“قوى الأمن الداخلي” (أسايش)، التابعة لـ…», «وحيد البلعوس (قائد …)».
        quote = id([quoteMark, "(", ")"])
        detachedPrepositions = id(detached)
        clauseBreaks = id(CompiledRules.clauseBreakWords)
        var elements: [[Element]] = [], required: [[Int]] = [], unless: [Int?] = []
        for rule in rules {
            var compiled: [Element] = [], needs: [Int] = []
            for (e, element) in rule.elements.enumerated() {
                switch element {
                case .slot(let slot, let types, let topic):
                    compiled.append(.slot(slot, types: types.map(CompiledRules.mask), partner: CompiledRules.joinsPartner(rule.elements, at: e),
                                          topic: topic))
                case .word(let words, let optional, let exact):
                    let set = id(words, exact: exact)
                    compiled.append(.word(set: set, optional: optional))
                    if !optional { needs.append(set) }
                case .gap(let n, let crosses):
                    compiled.append(.gap(n, crossesActors: crosses))
                case .anyWord:
                    compiled.append(.anyWord)
                }
            }
            elements.append(compiled)
            required.append(needs)
            unless.append(rule.unless.isEmpty ? nil : id(rule.unless))
        }
        self.elements = elements
        var sizes = [Int](repeating: 0, count: ids.count)
        var exactSets = [Bool](repeating: false, count: ids.count)
        for (key, set) in ids { sizes[set] = key.words.count; exactSets[set] = key.exact }
        self.exactSets = exactSets
        let ruleStride = (rules.count + 63) / 64
        var keyed = [UInt64](repeating: 0, count: ids.count * ruleStride)
        var unkeyed = [UInt64](repeating: 0, count: ruleStride)
        for (r, sets) in required.enumerated() {
            let bit: UInt64 = 1 << UInt64(r & 63)
            guard var key = sets.first else { unkeyed[r >> 6] |= bit; continue }
            for s in sets where sizes[s] < sizes[key] { key = s }
            keyed[key * ruleStride + r >> 6] |= bit
        }
        self.ruleStride = ruleStride
        self.keyed = keyed
        self.unkeyed = unkeyed
        let stride = (ids.count + 63) / 64
        var mask = [UInt64](repeating: 0, count: rules.count * stride)
        for (r, sets) in required.enumerated() { for s in sets { mask[r * stride + s >> 6] |= 1 << UInt64(s & 63) } }
        self.required = mask
        var from = [0], word: [Int] = [], bits: [UInt64] = []
        for r in 0..<rules.count {
            for k in 0..<stride where mask[r * stride + k] != 0 {
                word.append(k)
                bits.append(mask[r * stride + k])
            }
            from.append(word.count)
        }
        requiredFrom = from
        requiredWord = word
        requiredBits = bits
        self.unless = unless.map { $0 ?? -1 }
        self.setsOfWord = setsOfWord
        self.stride = stride
    }

    /// Words that open another clause or another person's title, where a gap naming no actor stops:
    /// «… القائد العسكري لحركة أحرار الشام، بينما العميد …», «(قائد فتح الشام)، ورئيس مجلس الشورى
    /// توفيق شهاب الدين» (the «و» glued to the title: «رئيس» alone goes on).
    static let clauseBreakWords: Set<Word> = DiscoveryLexicon.set(["بينما", "فيما", "ورئيس", "وقائد", "ومدير", "وزعيم", "وأمير", "ومتزعم", "وآمر"])

    /// Whether the slot at `e` follows the other slot with only «و» (required or optional) between.
    static func joinsPartner(_ elements: [RelationRule.Element], at e: Int) -> Bool {
        var k = e - 1
        if k >= 0, case .word(let words, _, _) = elements[k], words == [SentenceContext.and] { k -= 1 }
        guard k >= 0, case .slot = elements[k] else { return false }
        return true
    }

    static func mask(_ types: Set<ActorType>) -> UInt8 {
        var m: UInt8 = 0
        for (i, t) in ActorType.allCases.enumerated() where types.contains(t) { m |= 1 << i }
        return m
    }

    static func mask(_ type: ActorType) -> UInt8 { 1 << ActorType.allCases.firstIndex(of: type)! }

    /// Identifies this table to the vocabularies that remember words' descriptions by it.
    let identity = Identity()
    final class Identity: Sendable {}

    /// The sets each token of `range` falls in by any of its readings (line breaks fall in none),
    /// `stride` words per token, and their union over the range. With the tokens' vocabulary
    /// (`words`), each distinct word is described once and remembered there.
    func describe(_ tokens: [Token], _ readings: TokenReadings, _ range: Range<Int>,
                  words: VocabularyWords? = nil) -> (tokens: [UInt64], union: [UInt64]) {
        var bits: [UInt64] = [], union: [UInt64] = []
        describe(tokens, readings, range, words: words, into: &bits, union: &union)
        return (bits, union)
    }

    /// `describe`, into `bits` and `union` (their storage kept; `bits` may end longer than the range needs).
    func describe(_ tokens: [Token], _ readings: TokenReadings, _ range: Range<Int>, words: VocabularyWords?,
                  into bits: inout [UInt64], union: inout [UInt64]) {
        let count = range.count * stride
        if bits.count < count { bits.append(contentsOf: repeatElement(0, count: count - bits.count)) }
        for k in 0..<count { bits[k] = 0 }
        union.removeAll(keepingCapacity: true)
        union.append(contentsOf: repeatElement(0, count: stride))
        if let (ids, vocabulary) = words {
            vocabulary.describe(tokens, ids, range, by: self, into: &bits, union: &union)
            return
        }
        for i in range where tokens[i].kind != .lineBreak {
            let base = (i - range.lowerBound) * stride
            describe(readings[i]) { s in
                bits[base + s >> 6] |= 1 << UInt64(s & 63)
                union[s >> 6] |= 1 << UInt64(s & 63)
            }
        }
    }

    /// Calls `body` with each set a reading of `readings` falls in.
    @inline(__always)
    func describe(_ readings: ArraySlice<CliticVariants.Reading>, _ body: (Int) -> Void) {
        for reading in readings {
            guard let sets = setsOfWord[reading.word] else { continue }
            for s in sets where reading.prefixLength == 0 || !exactSets[s] { body(s) }
        }
    }

    /// The rules whose required words all occur in a sentence (given its union) and none of
    /// whose `unless` words do, in table order. Only the rules keyed by a set in the union (and
    /// those that require no word) are checked.
    func candidates(union: [UInt64]) -> [Int] {
        var result: [Int] = []
        candidates(union: union, into: &result)
        return result
    }

    /// `candidates(union:)`, into `result` (emptied first, its storage kept).
    func candidates(union: [UInt64], into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ruleStride) { rules in
            for j in 0..<ruleStride { rules[j] = unkeyed[j] }
            for k in 0..<stride {
                var w = union[k]
                while w != 0 {
                    let s = k << 6 | w.trailingZeroBitCount
                    w &= w &- 1
                    guard s * ruleStride < keyed.count else { break }
                    for j in 0..<ruleStride { rules[j] |= keyed[s * ruleStride + j] }
                }
            }
            for j in 0..<ruleStride {
                var w = rules[j]
                while w != 0 {
                    let r = j << 6 | w.trailingZeroBitCount
                    w &= w &- 1
                    if isCandidate(r, union: union) { result.append(r) }
                }
            }
        }
    }

    /// `candidates(union:)` as it was found before the key sets: every rule checked against its
    /// whole mask. For tests.
    func candidatesByScan(union: [UInt64]) -> [Int] {
        var result: [Int] = []
        for r in 0..<elements.count {
            var all = true
            for k in 0..<stride where union[k] & required[r * stride + k] != required[r * stride + k] { all = false; break }
            guard all else { continue }
            let u = unless[r]
            if u >= 0 && union[u >> 6] & (1 << UInt64(u & 63)) != 0 { continue }
            result.append(r)
        }
        return result
    }

    /// Whether rule `r`'s required words all occur in the sentence of `union` and none of its `unless` words do.
    @inline(__always)
    private func isCandidate(_ r: Int, union: [UInt64]) -> Bool {
        for k in requiredFrom[r]..<requiredFrom[r + 1] where union[requiredWord[k]] & requiredBits[k] != requiredBits[k] { return false }
        let u = unless[r]
        return !(u >= 0 && union[u >> 6] & (1 << UInt64(u & 63)) != 0)
    }
}
