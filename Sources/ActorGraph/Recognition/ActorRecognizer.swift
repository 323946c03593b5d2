/// Finds the actors of one document: gazetteer names, discovered names, and in-document
/// references (short forms of names found earlier, and anaphors such as «التنظيم»).
public struct ActorRecognizer: Sendable {
    public let gazetteer: Gazetteer
    let matcher: AliasMatcher
    let lexicon: DiscoveryLexicon
    let openers: DiscoveryPatterns.Openers
    /// Each gazetteer actor as a document's actor, made once (not at every name found).
    let foundActors: [FoundActor]
    /// Whether each gazetteer actor is one of the Syrian state's own forces (`syrianStateSides`).
    let isSyrianState: [Bool]

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.foundActors = gazetteer.actors.map { a in
            FoundActor(id: a.id, name: a.name, nameEn: a.nameEn, type: a.type, side: a.side, parent: a.parent, discovered: false)
        }
        self.isSyrianState = gazetteer.actors.map { ActorRecognizer.syrianStateSides.contains($0.side ?? "") }
        self.matcher = AliasMatcher(actors: gazetteer.actors)
        self.lexicon = .standard
        self.openers = DiscoveryPatterns.Openers(lexicon)
    }

    public func recognize(_ text: NormalizedText, tokens: [Token], sentences: [Sentence], date: PartialDate?) -> DocumentActors {
        recognize(text, tokens: tokens, readings: TokenReadings(tokens), sentences: sentences, date: date)
    }

    public func recognize(_ text: NormalizedText, tokens: [Token], readings: TokenReadings, sentences: [Sentence], date: PartialDate?) -> DocumentActors {
        recognize(text, tokens: tokens, readings: readings, sentences: sentences, date: date, vocabulary: nil)
    }

    /// `known`: the openings of the vocabulary's words met before, with the tokens' indices in it.
    func recognize(_ text: NormalizedText, tokens: [Token], readings: TokenReadings, sentences: [Sentence], date: PartialDate?,
                   vocabulary: Vocabulary?, known: (openings: WordOpenings, ids: [Int32])? = nil) -> DocumentActors {
        var state = State(text: text, tokens: tokens, readings: readings, vocabulary: vocabulary)
        let opens = if let known, let vocabulary { openings(state, known.ids, known.openings, vocabulary) } else { openings(state) }
        for sentence in sentences {
            gazetteerMatches(in: sentence.tokenRange, date: date, opens: opens, state: &state)
        }
        SponsorAdjectives().find(in: &state, gazetteer: gazetteer)
        let patterns = DiscoveryPatterns(lexicon: lexicon, openers: openers, state: state, opens: opens)
        for candidate in patterns.discover(in: sentences) { state.add(candidate) }
        DocumentCleanup(lexicon: lexicon).run(&state)
        resolveShortForms(sentences: sentences, state: &state)
        nicknames(state: &state)
        Anaphora(lexicon: lexicon).resolve(sentences: sentences, opens: opens, state: &state)
        state.mentions.sort { $0.start < $1.start }
        return state.compacted()
    }

    // MARK: - Openings

    /// Bits of `openings`, beside `DiscoveryPatterns.Openers`' own: a reading may begin a
    /// gazetteer name, a reading may be an anaphor's head; a reading ends as a dual does
    /// (`dualReading`), the word starts with «و» (the second part of a dual's pair).
    static let aliasStart: UInt8 = 4, anaphorHead: UInt8 = 8, dual: UInt8 = 16, waw: UInt8 = 32

    /// What each token can open, from one walk of the document's readings for every pass that
    /// scans all tokens (each walk of the readings was a visible cost): the gazetteer, discovery, anaphora.
    func openings(_ state: State) -> [UInt8] {
        var masks = [UInt8](repeating: 0, count: state.tokens.count)
        for i in masks.indices { masks[i] = opening(i, state) }
        return masks
    }

    /// `openings(state)`, each word's made once in `known` (`ids`: the tokens' indices in `vocabulary`).
    func openings(_ state: State, _ ids: [Int32], _ known: WordOpenings, _ vocabulary: Vocabulary) -> [UInt8] {
        known.masks(ids, vocabulary: vocabulary) { opening($0, state) }
    }

    /// What token `i` can open.
    @inline(__always)
    private func opening(_ i: Int, _ state: State) -> UInt8 {
        // The filters as locals: a closure that captured `self` copied the recognizer at every call.
        let starts = matcher.firstWordFilter, heads = Anaphora.headFilter
        let word = state.tokens[i].word
        return openers.mask(i, state) { word in
            (starts.mayContain(word) ? ActorRecognizer.aliasStart : 0) | (heads.mayContain(word) ? ActorRecognizer.anaphorHead : 0)
        } | (dualReading(i, state.readings) != nil ? ActorRecognizer.dual : 0) | (word.startsWithWaw && word.hasPrefix("و") ? ActorRecognizer.waw : 0)
    }

    // MARK: - Gazetteer

    /// The Arabic dual: «وزارتي الدفاع والداخلية» names «وزارة الدفاع» and «وزارة الداخلية»;
    /// «فرعي الأمن العسكري والمخابرات الجوية» two branches. Each part is looked up in the gazetteer.
    private func dualNames(in range: Range<Int>, date: PartialDate?, opens: [UInt8], state: inout State) {
        let tokens = state.tokens
        var i = range.lowerBound
        while i + 2 < range.upperBound {
            defer { i += 1 }
            // The words' tests from `openings` first: most tokens fail them.
            guard opens[i + 2] & ActorRecognizer.waw != 0, opens[i] & ActorRecognizer.dual != 0, tokens[i + 1].kind == .word, tokens[i + 2].kind == .word,
                  !state.covered[i], !state.covered[i + 1], !state.covered[i + 2],
                  let dual = dualReading(i, state.readings) else { continue }
            let stem = dual.form.dropLast(2)
            let singular = Word(dual.word.hasSuffix("عي") ? String(dual.form.dropLast()) : stem + "ه")
            let first = tokens[i + 1].word, second = Word(String(tokens[i + 2].text.dropFirst()))
            guard let a = matcher.lookup([singular, first]).first(where: { $0.alias.isValid(on: date) }),
                  let b = matcher.lookup([singular, second]).first(where: { $0.alias.isValid(on: date) }) else { continue }
            for (target, tokenRange, start) in [(a, i..<(i + 2), tokens[i].start + dual.prefixLength), (b, (i + 2)..<(i + 3), tokens[i + 2].start + 1)] {
                state.addName(ofGazetteerActor: target.actor, foundActors, tokens: tokenRange, start: start, end: tokens[tokenRange.upperBound - 1].end)
            }
        }
    }

    /// The first reading of token `i` that ends as a dual does: «تي», «تا», «عي».
    func dualReading(_ i: Int, _ readings: TokenReadings) -> CliticVariants.Reading? {
        readings.withReadings(i) { all in
            all.indices.first { k in
                // Such a word ends in the scalar «ي» or «ا»: its last byte (of U+064A or U+0627) rules out most words.
                let word = all[k].word
                guard let last = word.text.utf8.last, last == 0x8A || last == 0xA7 else { return false }
                return word.hasSuffix("تي") || word.hasSuffix("تا") || word.hasSuffix("عي")
            }.map { all[$0] }
        }
    }

    private func gazetteerMatches(in range: Range<Int>, date: PartialDate?, opens: [UInt8], state: inout State) {
        dualNames(in: range, date: date, opens: opens, state: &state)
        let matches = matcher.matches(in: state.tokens, readings: state.readings, range: range) { opens[$0] & ActorRecognizer.aliasStart != 0 }
        for m in matches where !m.tokens.contains(where: { state.covered[$0] }) {
            guard let target = m.targets.first(where: { $0.alias.isValid(on: date) }) else { continue }
            if isSyrianState[target.actor], isForeignAdjective(after: m.tokens.upperBound, state) { continue }
            state.addName(ofGazetteerActor: target.actor, foundActors, tokens: m.tokens, start: m.start, end: m.end)
        }
    }

    /// Sides of the Syrian state's own forces, old and new.
    static let syrianStateSides: Set<String> = ["government", "new-government"]

    /// Foreign nationality adjectives: «القوات الخاصة الأمريكية» or «وزارة الدفاع التركية» are another
    /// state's forces, not the Syrian ones a shorter alias names.
    static let foreignAdjectives: Set<Word> = DiscoveryLexicon.set([
        "الأمريكية", "الأميركية", "الأمريكي", "الأميركي", "التركية", "التركي", "الروسية", "الروسي", "الإيرانية", "الإيراني",
        "الفرنسية", "الفرنسي", "البريطانية", "البريطاني", "الإسرائيلية", "الإسرائيلي", "العراقية", "العراقي", "الأردنية",
        "الأردني", "اللبنانية", "اللبناني"])

    /// Whether the word at token `k` (past a quote mark) is a foreign nationality adjective.
    private func isForeignAdjective(after k: Int, _ state: State) -> Bool {
        var i = k
        if i < state.tokens.count, state.tokens[i].word == DiscoveryPatterns.quote { i += 1 }
        return i < state.tokens.count && state.tokens[i].kind == .word && ActorRecognizer.foreignAdjectives.contains(state.tokens[i].word)
    }

    // MARK: - Short forms inside the document

    /// Once «خلدون الزعبي» or «كتائب الصفوة الإسلامية» has been named, a later «الزعبي» or
    /// «الصفوة» refers to the same actor. Only forms of three letters or more, never a bare
    /// given name, and only when one actor claims the form.
    private func resolveShortForms(sentences: [Sentence], state: inout State) {
        var forms: [Word: Int?] = [:], titled: [Word: Int?] = [:]
        let spellings = state.spellings()
        // The form a name of actor `index` gives (names that repeat only repeat forms), or the
        // family name that only a rank before it makes a form.
        func claim(_ written: Word, by index: Int) {
            func record(_ form: Word, in table: inout [Word: Int?]) {
                if let existing = table[form], existing != index { table[form] = .some(nil) } else { table[form] = index }
            }
            // The actor's type and origin only: a copy of the whole actor retained its strings.
            let type = state.actors[index].type, words = state.wordsOfName(written)
            if let form = shortForm(type: type, discovered: state.actors[index].discovered, name: words) {
                record(form, in: &forms)
            } else if type == .person, let form = titledFamilyName(words) {
                record(form, in: &titled)
            }
        }
        for index in state.actors.indices {
            for spelling in spellings[index] { claim(spelling, by: index) }
            claim(Word(state.actors[index].name), by: index)
        }
        resolve(forms.compactMapValues { $0 }, sentences: sentences, state: &state)
        resolveTitledFamilyNames(titled.compactMapValues { $0 }, sentences: sentences, state: &state)
    }

    /// The short forms of `table` (form → actor) wherever the document has them free.
    private func resolve(_ table: [Word: Int], sentences: [Sentence], state: inout State) {
        guard !table.isEmpty else { return }
        if let words = ShortForms(table, state: state) {
            words.resolve(sentences: sentences, state: &state)
            return
        }
        var local = AliasMatcher()
        for (form, index) in table {
            local.add(form.text, target: .init(actor: index, alias: DatedAlias(name: form.text)))
        }
        for sentence in sentences {
            var i = sentence.tokenRange.lowerBound
            while i < sentence.tokenRange.upperBound {
                guard !state.covered[i], state.tokens[i].kind == .word,
                      let m = local.longestMatch(at: i, in: state.tokens, readings: state.readings, limit: sentence.tokenRange.upperBound),
                      !m.tokens.contains(where: { state.covered[$0] }) else { i += 1; continue }
                let actor = m.targets[0].actor
                if m.tokens.count == 1, ShortForms.isConstructNoun(i, of: state.actors[actor], state.tokens, limit: sentence.tokenRange.upperBound) { i += 1; continue }
                state.addMention(of: actor, tokens: m.tokens, start: m.start, end: m.end, kind: .name)
                i = m.tokens.upperBound
            }
        }
    }

    /// «اللواء رفيق شحادة» named, then «اللواء شحادة»: a family name that is also a given name
    /// («شحادة», «حسن») is no short form on its own, but after a rank or title it is the person's.
    private func titledFamilyName(_ words: [Word]) -> Word? {
        guard words.count >= 2, words[0] != ActorRecognizer.abu, words[words.count - 2] != ActorRecognizer.abu,
              let last = words.last, lexicon.givenNames.contains(last) else { return nil }
        return last
    }

    /// The family names of `table` after a rank, when one person of the document claims each; a
    /// new person after the rank was found by discovery already, and covers the token.
    private func resolveTitledFamilyNames(_ table: [Word: Int], sentences: [Sentence], state: inout State) {
        guard !table.isEmpty else { return }
        for sentence in sentences {
            for i in sentence.tokenRange.dropFirst() where !state.covered[i] && state.tokens[i].kind == .word {
                guard let actor = table[state.tokens[i].word], lexicon.personTriggers.contains(state.tokens[i - 1].word) else { continue }
                let token = state.tokens[i]
                state.addMention(of: actor, tokens: i..<(i + 1), start: token.start, end: token.end, kind: .name)
            }
        }
    }

    /// The short forms as one-word aliases, which they nearly always are: a form's alias is the
    /// words `AliasMatcher.add` splits it into. With every alias one word and no two alike, the
    /// matcher's longest match at a token is its first reading that is an alias, one token long;
    /// a dictionary finds it without building a trie for each document.
    struct ShortForms {
        private var actors: [Word: Int] = [:]
        private var filter = WordFilter()

        /// Nil when a form splits into other than one word, or two forms into the same word.
        init?(_ table: [Word: Int], state: State) {
            for (form, index) in table {
                let words = state.words(of: form.text)
                guard words.count == 1, actors.updateValue(index, forKey: words[0]) == nil else { return nil }
                filter.insert(words[0])
            }
        }

        /// The actor (`value`) of the first reading of token `i` that is a form, with that reading’s clitics.
        func match(_ i: Int, _ readings: TokenReadings) -> (value: Int, prefixLength: Int)? {
            readings.first(i) { filter.mayContain($0) ? actors[$0] : nil }
        }

        func resolve(sentences: [Sentence], state: inout State) {
            for sentence in sentences {
                for i in sentence.tokenRange where !state.covered[i] && state.tokens[i].kind == .word {
                    guard let (actor, prefixLength) = match(i, state.readings),
                          !ShortForms.isConstructNoun(i, of: state.actors[actor], state.tokens, limit: sentence.tokenRange.upperBound) else { continue }
                    let token = state.tokens[i]
                    state.addMention(of: actor, tokens: i..<(i + 1), start: token.start + prefixLength, end: token.end, kind: .name)
                }
            }
        }

        /// «عضو الهيئة التدريسية في كلية الحرب»: a family name without the article that is also a
        /// noun («كلية», «حرب») is that noun when a definite word follows it, as the first noun of
        /// a genitive does. A name read alone is followed by a verb, a clitic word or punctuation;
        /// the relative pronouns («كلية الذي») are the exception.
        static func isConstructNoun(_ i: Int, of actor: FoundActor, _ tokens: [Token], limit: Int) -> Bool {
            guard actor.type == .person, !tokens[i].word.hasPrefix("ال"), i + 1 < limit, tokens[i + 1].kind == .word else { return false }
            let next = tokens[i + 1].word
            return next.hasPrefix("ال") && !relativePronouns.contains(next)
        }

        static let relativePronouns: Set<Word> = DiscoveryLexicon.set(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"])
    }

    static let abu: Word = "ابو"

    /// The short form that the words of one of its names give an actor of `type`, if any.
    private func shortForm(type: ActorType, discovered: Bool, name words: [Word]) -> Word? {
        guard words.count >= 2 else { return nil }
        switch type {
        case .person:
            // The family name: «الزعبي», «رستم»; and «أبو X» kunyas as a whole.
            if words[0] == ActorRecognizer.abu { return nil }
            // A title the gazetteer lists as a name («قائد الإدارة السورية الجديدة») ends in no family name.
            if lexicon.roleWords.contains(words[0]) { return nil }
            let last = words[words.count - 1]
            if last.count >= 3 && !lexicon.givenNames.contains(last) && !lexicon.stopWords.contains(last) && words[words.count - 2] != ActorRecognizer.abu
                && !lexicon.trailingModifiers.contains(last) && !DiscoveryPatterns.genericNames.contains(last) {
                return last
            }
        case .faction where !discovered:
            // «التحالف الدولي» named, then «للتحالف»: the first word of a gazetteer faction's name,
            // when it is a specific noun with the article (not «الجيش», «الفرقة», …).
            let first = words[0]
            if first.hasPrefix("ال"), first.count >= 6, !DiscoveryPatterns.genericNames.contains(first),
               !lexicon.stopWords.contains(first), !lexicon.trailingModifiers.contains(first) {
                return first
            }
        case .faction, .unit:
            // The name without its head word: «كتائب الصفوة» → «الصفوة»; only for discovered actors,
            // whose heads are generic («لواء», «كتائب»).
            guard discovered else { return nil }
            // «كتائب الصفوة الإسلامية» → «الصفوة»; «الصفوة الإسلامية» (quoted, head outside) → «الصفوة».
            let headed = lexicon.strongHeads.contains(words[0]) || lexicon.weakHeads.contains(words[0])
            let core = headed ? words[1] : words[0]
            if DiscoveryPatterns.genericNames.contains(core) { return nil }
            if core.count >= 4 && core.hasPrefix("ال") && !lexicon.stopWords.contains(core) { return core }
        default:
            return nil
        }
        return nil
    }

    // MARK: - Nicknames

    /// «خلدون الزعبي الملقّب "أبو عزام"»: the nickname names the person just before it.
    private func nicknames(state: inout State) {
        let tokens = state.tokens
        var additions: [Candidate] = []
        for m in state.mentions where state.actors[m.actor].type == .person && m.kind == .name {
            var i = m.tokens.upperBound
            guard i < tokens.count else { continue }
            if tokens[i].word == "،" || tokens[i].word == "," { i += 1 }
            guard i < tokens.count, lexicon.nicknameCues.contains(tokens[i].word) else { continue }
            i += 1
            if i < tokens.count, tokens[i].word == "باسم" || tokens[i].word == "ب" { i += 1 }
            var quoted = false
            if i < tokens.count, tokens[i].word == "\"" || tokens[i].word == "(" { quoted = true; i += 1 }
            var j = i
            while j < tokens.count, j - i < 3, tokens[j].kind == .word, !state.covered[j], !lexicon.stopWords.contains(tokens[j].word) { j += 1 }
            guard j > i, quoted || tokens[i].word == "ابو" else { continue }
            let span = state.text.originalRange(tokens[i].start, tokens[j - 1].end)
            additions.append(Candidate(actor: state.actors[m.actor], tokens: i..<j, start: tokens[i].start, end: tokens[j - 1].end, kind: .name, original: span))
        }
        for c in additions where !c.tokens.contains(where: { state.covered[$0] }) { state.add(c) }
    }
}

/// A mention about to be added, in normalized coordinates.
struct Candidate {
    var actor: FoundActor
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var kind: Mention.Kind
    var original: Range<Int>? = nil
    var sponsorOnly = false
}

/// The actors and mentions of a document while recognition runs.
struct State {
    let text: NormalizedText
    let tokens: [Token]
    var actors: [FoundActor] = []
    var byId: [String: Int] = [:]
    var mentions: [Mention] = []
    var covered: [Bool]
    /// The clitic readings of every token, computed once for the whole document.
    let readings: TokenReadings
    /// The worker's vocabulary, when the extractor runs with one: it remembers names' words.
    let vocabulary: Vocabulary?
    /// Each gazetteer actor's index in `actors` (-1: not named yet), for `addName(ofGazetteerActor:)`.
    private var gazetteerActors: [Int32] = []

    init(text: NormalizedText, tokens: [Token], readings: TokenReadings, vocabulary: Vocabulary? = nil) {
        self.text = text
        self.tokens = tokens
        self.covered = Array(repeating: false, count: tokens.count)
        self.readings = readings
        // Room for a document's usual actors: growing the table rehashed every id string.
        byId.reserveCapacity(16)
        self.vocabulary = vocabulary
    }

    /// A discovered actor's id and English name, made from its name.
    func identity(ofName name: String) -> (id: String, nameEn: String) {
        func make(_ name: String) -> (id: String, nameEn: String) {
            (Transliterator.slug(name), Transliterator.latin(ArabicNormalizer.normalize(name)))
        }
        return vocabulary?.identity(ofName: name, make) ?? make(name)
    }

    /// The words of a name, as `AliasMatcher.words(of:)` splits it.
    func words(of name: String) -> [Word] {
        vocabulary?.words(of: name) ?? AliasMatcher.words(of: name)
    }

    /// The normalized words of a name as written.
    func wordsOfName(_ written: Word) -> [Word] {
        vocabulary?.words(ofName: written) ?? AliasMatcher.words(of: ArabicNormalizer.normalize(written.text))
    }

    mutating func actorIndex(for actor: FoundActor) -> Int {
        let next = actors.count
        // An in-place access of the `default:` subscript inserts `next` when the id is new: the id is
        // hashed once (a lookup, then an insertion, hashed it twice).
        let index = State.value(&byId[actor.id, default: next])
        if index == next { actors.append(actor) }
        return index
    }

    private static func value(_ value: inout Int) -> Int { value }

    /// The actors that still have mentions, renumbered, with their mentions. (Consuming: the
    /// mentions are renumbered in place, not copied with their strings into a new array.)
    consuming func compacted() -> DocumentActors {
        // Indexed by actor (-1: not kept); every mention's actor is an index of `actors` here.
        var newIndex = [Int](repeating: -1, count: actors.count)
        var kept: [FoundActor] = []
        for m in mentions where newIndex[m.actor] < 0 && m.kind == .name {
            newIndex[m.actor] = kept.count
            kept.append(actors[m.actor])
        }
        var remapped = mentions
        mentions = []
        remapped.removeAll { newIndex[$0.actor] < 0 }
        for i in remapped.indices { remapped[i].actor = newIndex[remapped[i].actor] }
        return DocumentActors(actors: kept, mentions: remapped)
    }

    mutating func add(_ c: Candidate) {
        addMention(of: actorIndex(for: c.actor), tokens: c.tokens, start: c.start, end: c.end, kind: c.kind, original: c.original, sponsorOnly: c.sponsorOnly)
    }

    /// `add` of a name of gazetteer actor `g` (`found`: the gazetteer's actors as found): the actor's
    /// index here is remembered by its gazetteer index, so its id is looked up once per document.
    mutating func addName(ofGazetteerActor g: Int, _ found: [FoundActor], tokens range: Range<Int>, start: Int, end: Int) {
        if gazetteerActors.count <= g { gazetteerActors.append(contentsOf: repeatElement(-1, count: found.count - gazetteerActors.count)) }
        var index = Int(gazetteerActors[g])
        if index < 0 {
            index = actorIndex(for: found[g])
            gazetteerActors[g] = Int32(index)
        }
        addMention(of: index, tokens: range, start: start, end: end, kind: .name)
    }

    /// `add` for the actor at `index` of `actors`: its id is not looked up again (`byId` maps
    /// each actor's id to its index).
    mutating func addMention(of index: Int, tokens range: Range<Int>, start: Int, end: Int, kind: Mention.Kind,
                                     original: Range<Int>? = nil, sponsorOnly: Bool = false) {
        let span = original ?? text.originalRange(start, end)
        let first = tokens[range.lowerBound]
        let clitic = start > first.start ? text.normalizedText(first.start, start) : ""
        mentions.append(Mention(start: span.lowerBound, end: span.upperBound, text: text.originalText(span), kind: kind, tokens: range, actor: index, clitic: clitic, sponsorOnly: sponsorOnly))
        if kind == .name { for t in range { covered[t] = true } }
    }

    /// «علي», made once: a literal made (and hashed) a `Word` at each given name.
    static let ali: Word = "علي"

    /// Whether token `i` is a given name. Normalization folds «على» (on) into «علي» (Ali); the
    /// original spelling tells them apart.
    func isGivenName(_ i: Int, _ lexicon: DiscoveryLexicon) -> Bool {
        let t = tokens[i]
        guard lexicon.givenNames.contains(t.word) else { return false }
        if t.word == State.ali, text.original[Int(text.origin[t.end - 1])] == "\u{0649}" { return false }
        return true
    }

    /// The distinct spellings each actor is named with (by actor index), gathered in one pass over
    /// the mentions. Keyed as Words: hashing Arabic `String`s checks their normalization each time.
    func spellings() -> [Set<Word>] {
        var spellings = Array(repeating: Set<Word>(), count: actors.count)
        for m in mentions.indices where mentions[m].kind == .name {
            spellings[mentions[m].actor].insert(Word(mentions[m].text))
        }
        return spellings
    }

    /// Token → index of the name mention covering it, as the mentions stand now.
    func nameMentionIndex() -> [Int: Int] {
        var index: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.kind == .name { for t in m.tokens { index[t] = i } }
        return index
    }
}
