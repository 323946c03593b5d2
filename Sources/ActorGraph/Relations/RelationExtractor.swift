/// Finds typed relations with the rule table, and co-mentions, sentence by sentence.
///
/// Coordination is followed on both sides of a match: in «الدفاع الوطني ولواء القدس التابعة
/// لشعبة …» both groups are subordinate; in «يشتبك مع مجموعات تابعة للنصرة وداعش» both are fought.
public struct RelationExtractor: Sendable {
    public let rules: RuleTable

    static let descriptors: Set<Word> = DiscoveryLexicon.set([
        "ميليشيا", "مليشيا", "ميلشيا", "ميليشيات", "مليشيات", "قوات", "القوات", "عناصر", "مقاتلي", "مقاتلو", "مسلحي", "فصيل", "تنظيم",
        "حركة", "جماعة", "صفوف", "مرتزقة", "عصابات", "فلول", "قيادة", "قيادات", "قادة", "مجموعات", "مجموعة", "فصائل", "فصيلي", "فصيلا", "خلايا", "خلية", "أفراد", "مواقع",
        "مقرات", "حواجز", "دوريات", "طائرات", "ضباط", "مسلحو", "كتائب", "لواء", "وحدات", "قوة", "جيش", "حكومة", "نظام", "سلطة",
        "العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم", "العماد", "الفريق", "القيادي", "الشيخ", "المدعو", "الضابط",
        "الإرهابي", "الركن", "المتزعم", "الرئيس", "السابق", "ما", "يسمى", "تسمى", "يعرف", "تعرف", "المسمى", "المسماة", "بات",
        "مقاتلين", "مسلحين",
    ])

    let compiled: CompiledRules
    /// Each rule's place in the table, as evidence names it.
    private let ruleNames: [String]
    /// Each rule's type and source slot, apart: reading a whole `RelationRule` for them retained its arrays and sets.
    private let ruleTypes: [RelationType]
    private let ruleSources: [RelationRule.Slot]
    /// For tests: try every rule at every token, as before rules were tried only where their first element can match.
    var triesEveryStart = false
    /// For tests: walk a mention's coordination at every question, as before each sentence remembered it.
    var remembersCoordination = true
    /// For tests: in a gap, try the rest of the rule at every word, as before a required word or a
    /// slot that cannot begin at a word ruled it out there.
    var looksAheadInGaps = true
    /// For tests: make a new context (and its buffers) for each sentence, as before one served the document.
    var reusesSentenceContext = true

    public init(rules: RuleTable) {
        self.rules = rules
        self.ruleNames = rules.rules.map { "relations.tsv:\($0.line)" }
        self.ruleTypes = rules.rules.map(\.type)
        self.ruleSources = rules.rules.map(\.source)
        self.compiled = CompiledRules(rules.rules, descriptors: RelationExtractor.descriptors,
                                      quote: SentenceContext.quote, detachedPrepositions: SentenceContext.detachedPrepositions)
    }

    public func extract(text: NormalizedText, tokens: [Token], sentences: [Sentence], actors: DocumentActors) -> [ExtractedRelation] {
        extract(text: text, tokens: tokens, readings: TokenReadings(tokens), sentences: sentences, actors: actors)
    }

    public func extract(text: NormalizedText, tokens: [Token], readings: TokenReadings, sentences: [Sentence], actors: DocumentActors) -> [ExtractedRelation] {
        extract(text: text, tokens: tokens, readings: readings, sentences: sentences, actors: actors, words: nil)
    }

    /// `words`: the tokens' indices in the vocabulary they were made with, which then remembers
    /// how the rules' word sets describe each word.
    func extract(text: NormalizedText, tokens: [Token], readings: TokenReadings, sentences: [Sentence], actors: DocumentActors,
                 words: VocabularyWords?) -> [ExtractedRelation] {
        // Relations in the order they are first found, each with its evidence (one per sentence).
        var order: [Key] = []
        var evidence: [[ExtractedRelation.Evidence]] = []
        var index: [Key: Int] = [:]
        // `cue` is asked only for evidence that is kept: a relation found again in the same
        // sentence (by another rule, or another pair of coordinated actors) keeps its first.
        func add(_ key: Key, sentence: Int, rule: String?, cue: () -> String?) {
            if let k = index[key] {
                if !evidence[k].contains(where: { $0.sentence == sentence }) { evidence[k].append(.init(sentence: sentence, cue: cue(), rule: rule)) }
            } else {
                index[key] = order.count
                order.append(key)
                evidence.append([.init(sentence: sentence, cue: cue(), rule: rule)])
            }
        }
        // The matcher reads mentions as plain facts: reading a `Mention` copies and retains its strings.
        var facts = actors.mentions.map(MentionFacts.init)
        for i in facts.indices {
            facts[i].temporal = RelationExtractor.followsTimeNoun(facts[i].tokens.lowerBound, tokens: tokens, readings: readings)
            facts[i].bracketedAlias = i > 0 && RelationExtractor.isBracketed(facts[i].tokens.lowerBound, after: facts[i - 1].tokens.upperBound, tokens: tokens)
        }
        var mentionAt = TokenMentions(count: tokens.count)
        for (i, m) in facts.enumerated() where mentionAt[m.tokens.lowerBound] == nil || m.isName {
            mentionAt[m.tokens.lowerBound] = i
        }
        let types = actors.actors.map(\.type)
        func makeContext() -> SentenceContext {
            var context = SentenceContext(tokens: tokens, rules: compiled, readings: readings, mentions: facts, mentionAt: mentionAt,
                                          words: words)
            context.actorTypes = types
            context.triesEveryStart = triesEveryStart
            context.remembersCoordination = remembersCoordination
            context.looksAheadInGaps = looksAheadInGaps
            return context
        }
        // One context serves every sentence of the document: its buffers are refilled, not made anew.
        var context = makeContext()
        // Mentions are in text order: walk them alongside the sentences.
        var next = 0
        var candidates: [Int] = []
        var local: [Int] = []
        for (s, sentence) in sentences.enumerated() {
            while next < facts.count && facts[next].tokens.lowerBound < sentence.tokenRange.lowerBound { next += 1 }
            local.removeAll(keepingCapacity: true)
            while next < facts.count && facts[next].tokens.lowerBound < sentence.tokenRange.upperBound {
                local.append(next); next += 1
            }
            guard local.count >= 2, local.contains(where: { facts[$0].actor != facts[local[0]].actor }) else { continue }
            if !reusesSentenceContext { context = makeContext() }
            context.start(sentence.tokenRange)
            // A sentence with no rule whose words it all contains needs no more of the context
            // (slot starts, topic, coordination).
            compiled.candidates(union: context.union, into: &candidates)
            if !candidates.isEmpty {
                context.local = local
                context.findSlotStarts()
            }
            for r in candidates {
                let type = ruleTypes[r], source = ruleSources[r]
                for match in context.matches(compiled.elements[r], type: type) {
                    var cue: String?
                    let sources = context.coordinated(with: source == .a ? match.a : match.b)
                    var targets = context.coordinated(with: source == .a ? match.b : match.a)
                    // «التابعة لشعبة المخابرات العسكرية في دمشق الفرع 227»: the nested unit is a parent too.
                    if type == .subordinateTo { targets += targets.compactMap { context.nestedUnit(after: $0) } }
                    let sourceFirst = facts[source == .a ? match.a : match.b].tokens.lowerBound < facts[source == .a ? match.b : match.a].tokens.lowerBound
                    // (Loops, not `map(context.kinHead)`: a method of the context as a closure copied the context.)
                    var heads: [Int] = []
                    heads.reserveCapacity(targets.count)
                    for t in targets { heads.append(context.kinHead(t)) }
                    for member in sources {
                        let x = context.kinHead(member)
                        for y in heads {
                            // «لتنظيم "A" ذراع تنظيم B …، ولتنظيم "C"»: the apposition between two
                            // parallel conjuncts is said of the first only; C is past its partner B.
                            guard (facts[x].tokens.lowerBound < facts[y].tokens.lowerBound) == sourceFirst else { continue }
                            let a = facts[x].actor, b = facts[y].actor
                            guard a != b, type.admits(source: types[a], target: types[b]) else { continue }
                            add(Key(type: type, source: a, target: b, symmetric: type.isSymmetric), sentence: s, rule: ruleNames[r]) {
                                if cue == nil { cue = cueText(match.cue, text: text, tokens: tokens) }
                                return cue
                            }
                        }
                    }
                }
            }
            // Co-mention: every pair of actors named in the sentence.
            let named = RelationExtractor.distinctSorted(local.lazy.filter { facts[$0].isName }.map { facts[$0].actor })
            for (i, a) in named.enumerated() {
                for b in named[(i + 1)...] {
                    add(Key(type: .coMentioned, source: a, target: b, symmetric: true), sentence: s, rule: nil) { nil }
                }
            }
        }
        return order.indices.map { k in
            ExtractedRelation(type: order[k].type, source: order[k].source, target: order[k].target, evidence: evidence[k])
        }
    }

    /// Nouns of time that make the actor after them a date, not a party: «بزمن نظام بشار الأسد».
    static let timeNouns: Set<Word> = DiscoveryLexicon.set(["زمن", "عهد", "حقبة", "عصر", "أيام"])

    /// Whether the mention starting at token `start` follows a noun of time (past quote marks).
    static func followsTimeNoun(_ start: Int, tokens: [Token], readings: TokenReadings) -> Bool {
        var k = start - 1
        while k >= 0, tokens[k].word == SentenceContext.quote { k -= 1 }
        return k >= 0 && tokens[k].kind == .word && readings.any(k, in: timeNouns)
    }

    /// Whether a mention starting at `start` stands in brackets right after the mention that ends at
    /// `previousEnd` («هيئة تحرير الشام (جبهة النصرة)»): another name of it, not a second party.
    static func isBracketed(_ start: Int, after previousEnd: Int, tokens: [Token]) -> Bool {
        var k = start - 1
        while k > previousEnd, tokens[k].word == SentenceContext.quote { k -= 1 }
        guard k >= previousEnd, tokens[k].word == SentenceContext.openBracket else { return false }
        k -= 1
        while k >= previousEnd, tokens[k].word == SentenceContext.quote { k -= 1 }
        return k == previousEnd - 1
    }

    /// The distinct values, in increasing order (what `Array(Set(values)).sorted()` gives, without the set).
    static func distinctSorted(_ values: some Sequence<Int>) -> [Int] {
        var result = values.sorted()
        var kept = 0
        for i in result.indices where kept == 0 || result[kept - 1] != result[i] {
            result[kept] = result[i]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    /// The cue as written in the article: its words in original spelling, «…» where words were skipped.
    private func cueText(_ cue: [Int], text: NormalizedText, tokens: [Token]) -> String {
        var parts: [String] = []
        var previous: Int?
        for i in cue {
            if let p = previous, i > p + 1 { parts.append("…") }
            parts.append(text.originalText(text.originalRange(tokens[i].start, tokens[i].end)))
            previous = i
        }
        return parts.joined(separator: " ")
    }

    struct Key: Hashable {
        var type: RelationType
        var source: Int
        var target: Int
        init(type: RelationType, source: Int, target: Int, symmetric: Bool) {
            self.type = type
            if symmetric && target < source { self.source = target; self.target = source } else { self.source = source; self.target = target }
        }

        /// One word hashed, not three fields: every pair of actors of every sentence is looked up.
        /// (Only the table's speed depends on the hash: relations keep the order they were found in.)
        func hash(into hasher: inout Hasher) {
            hasher.combine(UInt64(truncatingIfNeeded: source) << 32 ^ UInt64(truncatingIfNeeded: target) ^ UInt64(Key.code(type)) << 58)
        }

        static func code(_ type: RelationType) -> UInt8 {
            switch type {
            case .subordinateTo: 0
            case .commands: 1
            case .memberOf: 2
            case .alliedWith: 3
            case .supports: 4
            case .fights: 5
            case .defectedFrom: 6
            case .coMentioned: 7
            }
        }
    }
}

/// One sentence prepared for rule matching; `start` prepares the next sentence of the document
/// in the same buffers.
struct SentenceContext {
    let tokens: [Token]
    /// The sentence's tokens.
    private(set) var range: Range<Int> = 0..<0
    let mentions: [MentionFacts]
    let mentionAt: TokenMentions
    /// The clitic readings of the document's tokens, computed once per document.
    let readings: TokenReadings
    private let rules: CompiledRules
    private let words: VocabularyWords?
    /// The rules' word sets each token falls in (`stride` bits per token), and their union.
    private var bits: [UInt64] = []
    private(set) var union: [UInt64] = []
    private let stride: Int
    private let descriptors: Int, quote: Int, detachedPrepositions: Int, clauseBreaks: Int
    private let marks = Marks()

    /// The words and word sets the matcher compares tokens with, held by the context (made once
    /// per document): a static is read through a `swift_once` call, in loops run at every binding.
    struct Marks {
        let quote = SentenceContext.quote, from = SentenceContext.from, between = SentenceContext.between
        let openBracket = SentenceContext.openBracket, closeBracket = SentenceContext.closeBracket
        let and = SentenceContext.and, or = SentenceContext.or, arabicComma = SentenceContext.arabicComma, comma = SentenceContext.comma
        let inWord = SentenceContext.inWord, byWord = SentenceContext.byWord
        let kinship = SentenceContext.kinship, armedAdjectives = SentenceContext.armedAdjectives
        let reportedThat = SentenceContext.reportedThat, descriptors = RelationExtractor.descriptors
    }

    init(tokens: [Token], rules: CompiledRules, readings: TokenReadings, mentions: [MentionFacts], mentionAt: TokenMentions,
         words: VocabularyWords?) {
        self.tokens = tokens
        self.readings = readings
        self.mentions = mentions
        self.mentionAt = mentionAt
        self.rules = rules
        self.words = words
        stride = rules.stride
        descriptors = rules.descriptors
        quote = rules.quote
        detachedPrepositions = rules.detachedPrepositions
        clauseBreaks = rules.clauseBreaks
    }

    /// Prepares the sentence of tokens `range`: describes its tokens; its slot starts are not
    /// known until `findSlotStarts`.
    mutating func start(_ range: Range<Int>) {
        self.range = range
        rules.describe(tokens, readings, range, words: words, into: &bits, union: &union)
        slotsFound = false
    }

    /// The tokens where a rule that opens with a slot is tried, found once for all such rules: the
    /// mentions' first tokens. An attempt at a descriptor, quote or detached preposition before a
    /// mention binds that mention, as the attempt at the mention does, and goes on from the same
    /// token with the same bindings and cue; or it fails. (Unless the mention's own first token is a
    /// quote mark, which the attempt at it skips: then every token that can open a slot is a start.)
    /// Found by `findSlotStarts`, once the sentence is known to have candidate rules; until then,
    /// every token that can open a slot, at each ask.
    var slotStarts: [Int]? { slotsFound ? foundSlotStarts : nil }
    private var foundSlotStarts: [Int] = []
    /// Whether each token of the sentence can open a slot (`canStartSlot`), by `findSlotStarts`.
    private var opensSlot: [Bool] = []
    /// Whether `foundSlotStarts` and `opensSlot` are this sentence's.
    private var slotsFound = false

    mutating func findSlotStarts() {
        // The buffers are taken out of the context while they are filled: writing to the context
        // between calls of its methods made the compiler copy all of it (577 bytes) at every token.
        var opens: [Bool] = [], starts: [Int] = []
        swap(&opens, &opensSlot)
        swap(&starts, &foundSlotStarts)
        findSlotStarts(opens: &opens, starts: &starts)
        swap(&opens, &opensSlot)
        swap(&starts, &foundSlotStarts)
        slotsFound = true
    }

    private func findSlotStarts(opens: inout [Bool], starts: inout [Int]) {
        opens.removeAll(keepingCapacity: true)
        opens.append(contentsOf: repeatElement(false, count: range.count))
        starts.removeAll(keepingCapacity: true)
        var quotedMention = false
        for i in range where canStartSlot(at: i) {
            opens[i - range.lowerBound] = true
            if mentionAt[i] != nil {
                starts.append(i)
                if token(i, isIn: quote) { quotedMention = true }
            }
        }
        if quotedMention {
            starts.removeAll(keepingCapacity: true)
            for i in range where opens[i - range.lowerBound] { starts.append(i) }
        }
    }

    private func canStartSlot(at i: Int) -> Bool {
        mentionAt[i] != nil || token(i, isIn: quote) || token(i, isIn: detachedPrepositions) || token(i, isIn: descriptors)
    }

    /// Whether `elements[e...]` may match from token `k`: false only where `match` surely fails,
    /// because a required word (or a quote mark before it) is not there, or nothing there can open
    /// a slot. Asked before trying the rest of a rule at each word of a gap.
    @inline(__always)
    private func mayMatch(_ elements: [CompiledRules.Element], _ e: Int, at k: Int) -> Bool {
        guard looksAheadInGaps, e < elements.count else { return true }
        switch elements[e] {
        case .word(let set, false):
            return range.contains(k) && (token(k, isIn: quote) || token(k, isIn: set))
        case .slot:
            guard range.contains(k) else { return false }
            return slotsFound ? opensSlot[k - range.lowerBound] : canStartSlot(at: k)
        default:
            return true
        }
    }

    /// Whether token `i` (in the sentence) falls in word set `set` by one of its readings.
    @inline(__always)
    private func token(_ i: Int, isIn set: Int) -> Bool {
        bits[(i - range.lowerBound) * stride + set >> 6] & (1 << UInt64(set & 63)) != 0
    }

    static let quote: Word = "\""
    static let openBracket: Word = "(", closeBracket: Word = ")"
    static let between: Word = "بين"
    // Words compared at every step of coordination, made once (a literal makes a `Word`, and
    // hashes it, each time it is compared).
    static let and: Word = "و", or: Word = "او", arabicComma: Word = "،", comma: Word = ","
    static let inWord: Word = "في", byWord: Word = "ب"
    static let detachedPrepositions: Set<Word> = ["ل", "ب", "و", "ك"]
    static let from: Word = "من"
    static let armedAdjectives: Set<Word> = DiscoveryLexicon.set(["مسلحة", "المسلحة", "مسلحين", "المسلحين", "مقاتلة", "المقاتلة"])

    struct Match {
        var a: Int
        var b: Int
        var cue: [Int]
        subscript(slot: RelationRule.Slot) -> Int { slot == .a ? a : b }
    }

    func matches(_ elements: [CompiledRules.Element], type: RelationType) -> [Match] {
        var result: [Match] = []
        var cueTokens: [Int] = []
        func attempt(at start: Int) {
            var bindings = Bindings()
            cueTokens.removeAll(keepingCapacity: true)
            if match(elements, 0, at: start, type: type, bindings: &bindings, cue: &cueTokens),
               let a = bindings[.a], let b = bindings[.b] {
                result.append(Match(a: a, b: b, cue: cueTokens))
            }
        }
        // Only where the first element can match: a rule that opens with a required word needs
        // that word (or a quote mark) there; one that opens with a slot, one of `slotStarts`.
        switch triesEveryStart ? nil : elements.first {
        case .slot?:
            for start in slotStarts ?? range.filter(canStartSlot) { attempt(at: start) }
        case .word(let set, false)?:
            for start in range where token(start, isIn: quote) || token(start, isIn: set) { attempt(at: start) }
        default:
            for start in range { attempt(at: start) }
        }
        return result
    }

    /// The mentions bound to the slots so far.
    struct Bindings {
        var a: Int?
        var b: Int?
        subscript(slot: RelationRule.Slot) -> Int? {
            get { slot == .a ? a : b }
            set { if slot == .a { a = newValue } else { b = newValue } }
        }
        /// Whether a bound mention satisfies `test` (a, then b; without making an array at each step).
        func contains(where test: (Int) -> Bool) -> Bool {
            if let a, test(a) { return true }
            if let b, test(b) { return true }
            return false
        }
    }

    /// Whether a reading of token `k` is a descriptor word («ميليشيا», «قوات», …).
    private func isDescriptor(_ k: Int) -> Bool {
        range.contains(k) ? token(k, isIn: descriptors) : readings.any(k, in: marks.descriptors)
    }

    private func wordMatches(_ i: Int, _ set: Int) -> Bool {
        range.contains(i) && token(i, isIn: set)
    }

    /// Whether `elements[e...]` match from token `i`. (An index, not a slice: making a slice at
    /// every step retained and released the rule's array.)
    private func match(_ elements: [CompiledRules.Element], _ e: Int, at i: Int, type: RelationType,
                       bindings: inout Bindings, cue: inout [Int]) -> Bool {
        guard e < elements.count else { return true }
        let element = elements[e]
        // Quote marks are transparent: «“الفرقة الرابعة” التابعة لـ…».
        if range.contains(i), token(i, isIn: quote) { return match(elements, e, at: i + 1, type: type, bindings: &bindings, cue: &cue) }
        let rest = e + 1
        switch element {
        case .word(let set, let optional):
            if mentionAt[i] == nil || !mentions[mentionAt[i]!].isName, wordMatches(i, set) {
                cue.append(i)
                if match(elements, rest, at: i + 1, type: type, bindings: &bindings, cue: &cue) { return true }
                cue.removeLast()
            }
            return optional && match(elements, rest, at: i, type: type, bindings: &bindings, cue: &cue)
        case .anyWord:
            // Not a descriptor: that opens the next mention («في مليشيا "الفيلق الخامس"» is no place).
            guard range.contains(i), tokens[i].kind == .word, mentionAt[i] == nil, !token(i, isIn: descriptors) else { return false }
            return match(elements, rest, at: i + 1, type: type, bindings: &bindings, cue: &cue)
        case .gap(let n, let crosses):
            // A gap names no other actor; it may pass over another name of an actor already bound,
            // as in «القائد العسكري لتنظيم «الدولة الإسلامية» (داعش) عمر الشيشاني».
            var k = i
            var words = 0
            // Brackets opened within the gap: a gap that would close one it did not open leaves an
            // aside, whose actor is not the subject of what follows it («هيئة تحرير الشام (… بقيادة
            // أبو محمد الجولاني) المدعومة من تركيا»: the backing is the organisation's).
            var open = 0
            while true {
                if mayMatch(elements, rest, at: k), match(elements, rest, at: k, type: type, bindings: &bindings, cue: &cue) { return true }
                guard k < range.upperBound, words < n, tokens[k].kind != .lineBreak else { return false }
                if tokens[k].word == marks.closeBracket {
                    if open > 0 { open -= 1 } else if closesAside(k) { return false }
                } else if tokens[k].word == marks.openBracket {
                    open += 1
                }
                if let m = mentionAt[k] {
                    // Another name of a bound actor, or an actor coordinated with one («دمج A وC بالفرقة B»),
                    // or a sponsor named by an adjective («تشكلت A بدعم أميركي بهدف محاربة B»).
                    // Asked in order of cost: coordination is walked only when the cheaper tests fail.
                    guard crosses || mentions[m].sponsorOnly || mentions[m].temporal || mentions[m].bracketedAlias || bindings.contains(where: { mentions[$0].actor == mentions[m].actor })
                            || bindings.contains(where: { isCoordinated(m, with: $0) }) else { return false }
                    k = mentions[m].tokens.upperBound
                } else {
                    if tokens[k].kind == .word {
                        // A gap that may name actors (a topic's, «^A …~20 …») reads on past a clause: its pronoun says whom.
                        if !crosses, token(k, isIn: clauseBreaks) { return false }
                        words += 1
                    }
                    k += 1
                }
            }
        case .slot(let slot, let types, let partner, let topic):
            // Up to two descriptor words before the mention: «ميليشيا "لواء القدس"», «بعناصر حزب الله»;
            // after a descriptor, the partitive «من» and an adjective of arms: «مجموعات مسلحة من حزب الله».
            var k = i
            var skipped = 0
            var partitive = false
            while skipped <= 2 {
                if let m = mentionAt[k], range.contains(k) {
                    let mention = mentions[m]
                    if topic, mention.actor != topicActor { return false }
                    // Two coordinated actors («دمج A وB») are partners, not each other's parent or foe:
                    // refuse the binding here so that the matcher goes on past the partner, unless
                    // the rule itself joins the slots with «و» («اشتباكات A وB»: the two sides).
                    // (Tested last: walking coordination costs most.)
                    if (types == nil || types! & CompiledRules.mask(actorType(m)) != 0) && (!mention.sponsorOnly || type == .supports) && !mention.temporal && !mention.bracketedAlias
                        && !(type != .alliedWith && !partner && bindings.contains { isCoordinated(m, with: $0) }) {
                        bindings[slot] = m
                        let next = pastAppendix(mention.tokens.upperBound)
                        // A name at the end of an aside is not the subject of what follows the aside.
                        if rest == elements.count || !closesAside(pastQuotes(next)),
                           match(elements, rest, at: next, type: type, bindings: &bindings, cue: &cue) { return true }
                        // Or past an aside in brackets after the name: «هيئة تحرير الشام (النصرة سابقاً …) المدعومة من …».
                        if rest < elements.count, let after = pastAside(mention.tokens.upperBound),
                           match(elements, rest, at: after, type: type, bindings: &bindings, cue: &cue) { return true }
                        bindings[slot] = nil
                    }
                    return false
                }
                // «لـ“حزب الله”»: a preposition cut off by tatweel is its own token; like a quote mark, it
                // does not count («قائد ما يسمى بـ”جيش الإسلام”»).
                let isQuote = range.contains(k) && token(k, isIn: quote)
                let detached = range.contains(k) && token(k, isIn: detachedPrepositions)
                guard range.contains(k), skipped < 2 || isQuote || detached else { return false }
                // (Neither «من» nor an adjective is a descriptor, a quote or a detached preposition.)
                if skipped > 0, !partitive,
                   tokens[k].word == marks.from || marks.armedAdjectives.contains(tokens[k].word) {
                    partitive = tokens[k].word == marks.from
                    k += 1
                    continue
                }
                guard wordMatches(k, descriptors) || isQuote || detached else { return false }
                if !isQuote && !detached { skipped += 1 }  // quote marks and detached prepositions do not count
                k += 1
            }
            return false
        }
    }

    func actorType(_ mention: Int) -> ActorType {
        let actor = mentions[mention].actor
        return actor >= 0 && actor < actorTypes.count ? actorTypes[actor] : .faction
    }

    /// Set by the extractor so slot types can be checked.
    var actorTypes: [ActorType] = [] {
        didSet { if !local.isEmpty { groups.reset(local) } }
    }
    /// `RelationExtractor.triesEveryStart`.
    var triesEveryStart = false
    /// `RelationExtractor.remembersCoordination`.
    var remembersCoordination = true
    /// `RelationExtractor.looksAheadInGaps`.
    var looksAheadInGaps = true
    /// The mentions of this sentence (indices into `mentions`), in text order.
    var local: [Int] = [] {
        didSet {
            topicActor = topic().map { mentions[$0].actor }
            groups.reset(local)
        }
    }
    /// Each mention's coordination group once asked (`coordinated(with:)` depends only on the
    /// sentence, its mentions and their types: it is walked once per mention and sentence, not at
    /// every binding that every rule tests). Forgotten whenever `local` or `actorTypes` change.
    private let groups = CoordinationGroups()

    final class CoordinationGroups {
        /// The first of the sentence's mentions; the others follow it in order.
        private(set) var first = 0
        /// No group is known until the first `reset`.
        var group: [[Int]?] = []
        /// Each group as a mask over the mentions from `first` (0: not known yet, or a sentence
        /// of more than 64 mentions), which tells whether a mention is in it without a search.
        var mask: [UInt64] = []

        /// Forgets every group, for the sentence of mentions `local` (storage kept).
        func reset(_ local: [Int]) {
            first = local.first ?? 0
            // `local` is a run of consecutive mentions; otherwise nothing is remembered.
            let consecutive = local.last.map { $0 - first + 1 == local.count } ?? false
            group.removeAll(keepingCapacity: true)
            group.append(contentsOf: repeatElement(nil, count: consecutive ? local.count : 0))
            mask.removeAll(keepingCapacity: true)
            mask.append(contentsOf: repeatElement(0, count: consecutive && local.count <= 64 ? local.count : 0))
        }
    }
    /// The actor of the sentence's topic mention, which `^A` slots bind.
    private(set) var topicActor: Int?

    /// The first named actor, unless it only reports what follows («أعلنت A أن B …»: B is the topic).
    private func topic() -> Int? {
        // (The first name and the first after `k` found in `local` itself: no array of the names is made.)
        guard let first = local.first(where: { mentions[$0].isName }) else { return nil }
        var k = mentions[first].tokens.upperBound
        while range.contains(k), token(k, isIn: quote) || tokens[k].word == marks.arabicComma { k += 1 }
        guard range.contains(k), marks.reportedThat.contains(tokens[k].word) else { return first }
        return local.first { mentions[$0].isName && mentions[$0].tokens.lowerBound > k }
    }

    static let reportedThat: Set<Word> = DiscoveryLexicon.set(["إن", "أن", "بأن", "ان"])

    /// A unit named right after `m` as its part: «شعبة المخابرات العسكرية في دمشق الفرع 227».
    func nestedUnit(after m: Int) -> Int? {
        var k = mentions[m].tokens.upperBound
        guard range.contains(k), tokens[k].word == marks.inWord || tokens[k].word == marks.byWord else { return nil }
        k += 1
        for _ in 0...2 {
            guard range.contains(k) else { return nil }
            if let n = mentionAt[k] { return actorType(n) == .unit && mentions[n].isName ? n : nil }
            guard tokens[k].kind == .word else { return nil }
            k += 1
        }
        return nil
    }

    /// The mention and every mention coordinated with it («A وB، C»), in text order.
    func coordinated(with m: Int) -> [Int] {
        guard remembersCoordination else { return walkCoordination(from: m) }
        let slot = m - groups.first
        guard slot >= 0 && slot < groups.group.count else { return walkCoordination(from: m) }
        if let known = groups.group[slot] { return known }
        let group = walkCoordination(from: m)
        groups.group[slot] = group
        if slot < groups.mask.count {
            var mask: UInt64 = 0
            for n in group where n >= groups.first && n - groups.first < 64 { mask |= 1 << UInt64(n - groups.first) }
            // A member outside the sentence's mentions (none is expected) leaves the group unmasked.
            if group.allSatisfy({ $0 >= groups.first && $0 - groups.first < groups.mask.count }) { groups.mask[slot] = mask }
        }
        return group
    }

    /// Whether mention `m` is in `other`'s coordination group: `coordinated(with: other).contains(m)`.
    @inline(__always)
    func isCoordinated(_ m: Int, with other: Int) -> Bool {
        if remembersCoordination {
            let slot = other - groups.first, bit = m - groups.first
            if slot >= 0 && slot < groups.mask.count && bit >= 0 && bit < groups.mask.count {
                var mask = groups.mask[slot]
                if mask == 0 {
                    _ = coordinated(with: other)
                    mask = groups.mask[slot]
                }
                if mask != 0 { return mask & (1 << UInt64(bit)) != 0 }
            }
        }
        return coordinated(with: other).contains(m)
    }

    /// `coordinated(with:)`, walked.
    func walkCoordination(from m: Int) -> [Int] {
        var group = [m]
        // Forward: «A و B», «A ، B», with descriptors between — but in «بين A وB» the two are
        // the opposing sides, not one group.
        var current = m
        while !followsBetween(current) {
            guard let next = neighbour(after: current) ?? parallelConjunct(after: group[0], from: mentions[current].tokens.upperBound) else { break }
            group.append(next); current = next
        }
        current = m
        while let previous = neighbour(before: current) ?? parallelConjunct(before: current) {
            // «بين A وB المدعومة بـC»: A is B's opponent, not part of B's group.
            if followsBetween(previous) { break }
            group.insert(previous, at: 0); current = previous
        }
        return group
    }

    /// Token `k`, or the token after a date or a bracketed alias that starts there: «قوات اللواء
    /// الثامن بزمن نظام الأسد بقيادة العودة» reads on from the brigade to «بقيادة», «“لواء القدس”
    /// (لواء القدس الفلسطيني)، التابع لـ…» from the brigade to «التابع». The mention's flags already
    /// say that the word before it is a noun of time or a bracket: nothing is looked up here, at
    /// every binding of a slot.
    private func pastAppendix(_ k: Int) -> Int {
        let i = pastQuotes(k), j = pastQuotes(i + 1)
        guard range.contains(i), range.contains(j), let t = mentionAt[j], mentions[t].temporal || mentions[t].bracketedAlias else { return k }
        return mentions[t].tokens.upperBound
    }

    /// The token after the bracketed aside that opens at token `k` (past quote marks), if one does
    /// and closes within the sentence, at most `asideLength` tokens on and with no bracket inside.
    private func pastAside(_ k: Int) -> Int? {
        let i = pastQuotes(k)
        guard range.contains(i), tokens[i].word == marks.openBracket else { return nil }
        var j = i + 1
        while range.contains(j), j - i <= SentenceContext.asideLength, tokens[j].kind != .lineBreak {
            if tokens[j].word == marks.closeBracket { return j + 1 }
            if tokens[j].word == marks.openBracket { return nil }
            j += 1
        }
        return nil
    }

    /// Whether token `k` is the closing bracket of an aside: a bracket that holds more than one
    /// name («(النصرة سابقاً بقيادة أبو محمد الجولاني)»), not a name in brackets as in quotes
    /// («قائد (جيش الإسلام) زهران علوش»).
    private func closesAside(_ k: Int) -> Bool {
        guard range.contains(k), tokens[k].word == marks.closeBracket else { return false }
        var j = k - 1
        while j >= range.lowerBound, k - j <= SentenceContext.asideLength, tokens[j].word != marks.openBracket {
            if tokens[j].word == marks.closeBracket || tokens[j].kind == .lineBreak { return false }
            j -= 1
        }
        guard j >= range.lowerBound, tokens[j].word == marks.openBracket else { return false }
        // The content past quote marks: one whole mention is a name in brackets.
        let first = pastQuotes(j + 1)
        var last = k - 1
        while last > j, tokens[last].word == marks.quote { last -= 1 }
        guard first <= last else { return false }
        if let m = mentionAt[first], mentions[m].tokens.lowerBound == first, mentions[m].tokens.upperBound == last + 1 { return false }
        return true
    }

    private func pastQuotes(_ k: Int) -> Int {
        var i = k
        while range.contains(i), tokens[i].word == marks.quote { i += 1 }
        return i
    }

    /// The longest aside a slot is read past, in tokens.
    static let asideLength = 24

    /// Kinship nouns that open an apposition to a person: «ماهر الأسد، شقيق بشار الأسد،».
    static let kinship: Set<Word> = DiscoveryLexicon.set(["شقيق", "شقيقة", "نجل", "ابن", "ابنة", "والد", "والدة", "زوج", "زوجة",
                                                          "أخ", "أخو", "أخي", "أخت", "صهر", "عم", "خال"])

    /// The person that a kinship apposition describes, for the person named in it: in «تعيين ماهر
    /// الأسد، شقيق رأس النظام بشار الأسد، قائدا للفرقة الرابعة» the post is Maher's, not Bashar's.
    /// Any other mention is itself.
    func kinHead(_ m: Int) -> Int {
        guard actorType(m) == .person else { return m }
        var k = mentions[m].tokens.lowerBound - 1
        // The kinship noun, past a title of up to four words («رأس النظام السوري»).
        while k >= range.lowerBound, k >= mentions[m].tokens.lowerBound - 5, !readings.any(k, in: marks.kinship) { k -= 1 }
        guard k - 2 >= range.lowerBound, readings.any(k, in: marks.kinship),
              tokens[k - 1].word == marks.arabicComma || tokens[k - 1].word == marks.comma else { return m }
        var end = k - 2
        if tokens[end].word == marks.quote { end -= 1 }
        for l in local where mentions[l].isName && mentions[l].tokens.upperBound == end + 1 && actorType(l) == .person { return l }
        return m
    }

    /// How far a repeated head word may stand from the conjunct before it.
    static let parallelReach = 16

    /// «تنفذه مجموعات تابعة لتنظيم "A" ذراع تنظيم C …، ولتنظيم "B"»: a conjunct that repeats the
    /// descriptor before the first one, with «و» glued to it, is coordinated with it past an
    /// apposition that names other actors. Only descriptors («لتنظيم», «لميليشيا»), not verbs:
    /// «هاجم A مواقع C، وهاجم B …» has two clauses, not one group.
    private func parallelConjunct(after first: Int, from start: Int) -> Int? {
        guard let head = descriptorBefore(first) else { return nil }
        var k = start
        while range.contains(k), k < start + SentenceContext.parallelReach {
            if tokens[k].kind == .word, SentenceContext.isConjoined(tokens[k].word, head) {
                guard let n = mentionAfterQuotes(k + 1), sameKind(first, n) else { return nil }
                return n
            }
            k += 1
        }
        return nil
    }

    /// The first conjunct of the parallel pair that `m` closes: «لتنظيم "B"» … «ولتنظيم "A"».
    private func parallelConjunct(before m: Int) -> Int? {
        guard let head = descriptorBefore(m), head.text.hasPrefix("و") else { return nil }
        var k = mentions[m].tokens.lowerBound - 2
        while k >= range.lowerBound, k > mentions[m].tokens.lowerBound - SentenceContext.parallelReach {
            if tokens[k].kind == .word, SentenceContext.isConjoined(head, tokens[k].word) {
                guard let n = mentionAfterQuotes(k + 1), sameKind(n, m) else { return nil }
                return n
            }
            k -= 1
        }
        return nil
    }

    /// The descriptor word just before mention `m`, past quote marks.
    private func descriptorBefore(_ m: Int) -> Word? {
        var k = mentions[m].tokens.lowerBound - 1
        while k >= range.lowerBound, tokens[k].word == marks.quote { k -= 1 }
        guard k >= range.lowerBound, tokens[k].kind == .word, mentionAt[k] == nil, isDescriptor(k) else { return nil }
        return tokens[k].word
    }

    /// The name mention starting at token `k`, past quote marks.
    private func mentionAfterQuotes(_ k: Int) -> Int? {
        var j = k
        while range.contains(j), tokens[j].word == marks.quote { j += 1 }
        guard range.contains(j), let n = mentionAt[j], mentions[n].isName, !mentions[n].sponsorOnly else { return nil }
        return n
    }

    /// Two names of one kind of actor, neither a person: the conjuncts of a parallel pair.
    private func sameKind(_ a: Int, _ b: Int) -> Bool {
        mentions[a].isName && !mentions[a].sponsorOnly && actorType(a) == actorType(b) && actorType(a) != .person
    }

    /// Whether `word` is `head` with «و» glued before it («ولتنظيم» after «لتنظيم»).
    static func isConjoined(_ word: Word, _ head: Word) -> Bool {
        word.text.utf8.count == head.text.utf8.count + 2 && word.text.hasPrefix("و") && word.text.hasSuffix(head.text)
    }

    /// Whether two adjacent mentions are coordinated: «A وB», «A، وB»; a bare comma joins only a
    /// list of actors of one kind («"جبهة النصرة"، "جيش الإسلام"»), never a person to a group
    /// (that is apposition: «قائد قسد، مظلوم عبدي»); a name behind a preposition («بالفرقة») is not coordinated.
    private func joined(_ left: Int, _ right: Int, conjunction: Bool, comma: Bool) -> Bool {
        guard mentions[right].isName, mentions[left].isName, !mentions[left].sponsorOnly, !mentions[right].sponsorOnly else { return false }
        if mentions[right].prepositionClitic { return false }
        // «"حركة حزم" … والممولة من قطر، و"جبهة النصرة"»: after a comma, «و» between a state and a
        // group opens the next part of the sentence; lists of states or of groups go on.
        if comma, conjunction || mentions[right].conjunctionClitic, (actorType(left) == .state) != (actorType(right) == .state) { return false }
        if conjunction || mentions[right].conjunctionClitic { return true }
        return comma && actorType(left) == actorType(right) && actorType(left) != .person
    }

    /// Whether `m` is the first side of «بين A و B»: «بين» before it, past quotes, descriptors and
    /// one other word («بين حلفاء "تحرير الشام"», «بين فرع "القاعدة"»); not «من بين» (among).
    private func followsBetween(_ m: Int) -> Bool {
        var k = mentions[m].tokens.lowerBound - 1
        var other = 0
        while k >= range.lowerBound, mentionAt[k] == nil, tokens[k].kind == .word || tokens[k].word == marks.quote {
            if readings.has(k, marks.between) {
                return !(k > range.lowerBound && tokens[k - 1].word == marks.from)
            }
            if tokens[k].word != marks.quote && !marks.descriptors.contains(tokens[k].word) {
                other += 1
                if other > 1 { return false }
            }
            k -= 1
        }
        return false
    }

    private func neighbour(after m: Int) -> Int? {
        var k = mentions[m].tokens.upperBound
        var conjunction = false, comma = false
        var steps = 0
        while range.contains(k), steps < 3 {
            if let n = mentionAt[k] { return joined(m, n, conjunction: conjunction, comma: comma) ? n : nil }
            let t = tokens[k].word
            if t == marks.and || t == marks.or { conjunction = true }
            else if t == marks.arabicComma || t == marks.comma { comma = true }
            else if t == marks.quote { k += 1; continue }  // quotes do not count as steps
            else if isDescriptor(k) {
                if t.hasPrefix("و") { conjunction = true } else if t.text.first.map({ "بلك".contains($0) }) == true { return nil }
            } else { return nil }
            k += 1; steps += 1
        }
        return nil
    }

    private func neighbour(before m: Int) -> Int? {
        // Find the mention ending just before m's start with only coordinators/descriptors between.
        // (Loops rather than `filter` and `max`: this runs at every binding the gap and slot tests check.)
        let start = mentions[m].tokens.lowerBound
        var found: Int?
        for l in local where mentions[l].tokens.upperBound <= start && mentions[l].isName {
            // The first of the latest-ending ones, as `max(by:)` picks.
            if found == nil || mentions[l].tokens.upperBound > mentions[found!].tokens.upperBound { found = l }
        }
        guard let previous = found else { return nil }
        let between = mentions[previous].tokens.upperBound..<start
        var words = 0
        for k in between where tokens[k].word != marks.quote { words += 1 }
        guard words <= 3 else { return nil }
        var conjunction = false, comma = false
        for k in between {
            let t = tokens[k].word
            if t == marks.and || t == marks.or { conjunction = true; continue }
            if t == marks.arabicComma || t == marks.comma { comma = true; continue }
            if t == marks.quote { continue }
            if isDescriptor(k) {
                if t.hasPrefix("و") { conjunction = true } else if t.text.first.map({ "بلك".contains($0) }) == true { return nil }
                continue
            }
            return nil
        }
        return joined(previous, m, conjunction: conjunction, comma: comma) ? previous : nil
    }
}

/// What the matcher asks of a mention, without its strings: reading a whole `Mention` out of the
/// array copies it and retains its strings, at every step of every rule.
struct MentionFacts {
    var tokens: Range<Int>
    var actor: Int
    var isName: Bool
    var sponsorOnly: Bool
    /// The clitics glued to its first token include «ب», «ل» or «ك» (it sits behind a preposition).
    var prepositionClitic: Bool
    /// Those clitics start with «و».
    var conjunctionClitic: Bool
    /// It follows a noun of time («في عهد النظام»): a date, which takes no part in a relation.
    var temporal = false
    /// It stands in brackets right after another mention («تحرير الشام (جبهة النصرة)»): an alias,
    /// which takes no slot of its own.
    var bracketedAlias = false

    init(_ m: Mention) {
        tokens = m.tokens
        actor = m.actor
        isName = m.kind == .name
        sponsorOnly = m.sponsorOnly
        prepositionClitic = m.clitic.contains(where: { "بلك".contains($0) })
        conjunctionClitic = m.clitic.hasPrefix("و")
    }
}

/// Token index → a mention, in an array: for relations, the mention that starts at the token (a
/// name rather than an anaphor when both do); for discovery, the gazetteer mention covering it.
struct TokenMentions {
    private var index: [Int32]
    init(count: Int) { index = Array(repeating: -1, count: count) }
    subscript(token: Int) -> Int? {
        get { token >= 0 && token < index.count && index[token] >= 0 ? Int(index[token]) : nil }
        set { index[token] = Int32(newValue ?? -1) }
    }
}
