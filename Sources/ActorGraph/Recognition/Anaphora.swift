/// Resolves anaphors — «التنظيم», «الميليشيا», «اللواء» meaning the brigade — to the actor they
/// refer to: the nearest actor before them (same sentence or the two before) whose name has the
/// same head noun; «الميليشيا» and «الفصيل» take the nearest armed group of any name. Nothing
/// is resolved when no such actor precedes. The mentions are kept as `.anaphor`: they carry
/// relations, but they are not names.
struct Anaphora {
    let lexicon: DiscoveryLexicon

    static let heads: [Word: Word] = Dictionary(uniqueKeysWithValues: [
        ("التنظيم", "تنظيم"), ("الحركة", "حركة"), ("اللواء", "لواء"), ("الفرقة", "فرقة"), ("الحزب", "حزب"),
        ("الجبهة", "جبهة"), ("الهيئة", "هيئة"), ("الجماعة", "جماعة"), ("الفرع", "فرع"), ("المجلس", "مجلس"),
        ("الفيلق", "فيلق"), ("الوحدات", "وحدات"), ("الكتائب", "كتائب"), ("الفوج", "فوج"), ("الكتيبة", "كتيبة"), ("الميليشيا", "*"), ("المليشيا", "*"),
        ("الميلشيا", "*"), ("الفصيل", "*"), ("الأخيرة", "<"), ("الأخير", "<"),
    ].map { (Word(ArabicNormalizer.normalize($0.0)), Word(ArabicNormalizer.normalize($0.1))) })

    /// Most readings are no anaphor head: the filter says so without a dictionary lookup.
    static let headFilter = WordFilter(heads.keys)

    /// `opens`: `ActorRecognizer.openings`, whose `anaphorHead` bit a token with a head among its readings has.
    func resolve(sentences: [Sentence], opens: [UInt8], state: inout State) {
        // Name mentions in text order, so that the look-back for each anaphor is a bounded scan.
        // Their indices, not copies: a copy of a mention retained its strings. (The mentions added
        // below come after them, so the indices stay valid; they are not among the names.)
        let names = state.mentions.indices.filter { state.mentions[$0].kind == .name }
            .sorted { state.mentions[$0].tokens.lowerBound < state.mentions[$1].tokens.lowerBound }
        var firstWords = FirstWords(vocabulary: state.vocabulary)
        for (s, sentence) in sentences.enumerated() {
            let window = sentences[max(0, s - 2)].tokenRange.lowerBound
            for i in sentence.tokenRange where opens[i] & ActorRecognizer.anaphorHead != 0 && !state.covered[i] && state.tokens[i].kind == .word {
                guard let (head, prefixLength) = state.readings.first(i, { Anaphora.headFilter.mayContain($0) ? Anaphora.heads[$0] : nil })
                else { continue }
                let antecedent: Int?
                if head == Anaphora.latter {
                    // «هذه الأخيرة», «بين الأخيرة وعناصر …», «قائد الأخير»: the actor named last, unless
                    // that is a person; after a definite noun the word is an adjective («الفترة الأخيرة»).
                    if i > sentence.tokenRange.lowerBound, state.tokens[i - 1].word.hasPrefix("ال") { continue }
                    antecedent = lastNamed(Anaphora.preceding(names, of: state.mentions, token: i), from: window, state: state)
                } else {
                    // «اللواء» before a name or an ordinal is a rank or a numbered brigade, not an anaphor.
                    if i + 1 < sentence.tokenRange.upperBound, state.tokens[i + 1].kind == .word,
                       lexicon.ordinals.contains(state.tokens[i + 1].word) || state.isGivenName(i + 1, lexicon) { continue }
                    // «الميليشيا» refers back to the actor the text itself called a militia, however far back;
                    // other anaphors to the nearest actor with the same head noun.
                    let before = Anaphora.preceding(names, of: state.mentions, token: i)
                    antecedent = head == "*" ? (calledMilitia(before, state: state, firstWords: &firstWords) ?? nearestActor(before, from: window, head: head, state: state, firstWords: &firstWords))
                        : nearestActor(before, from: window, head: head, state: state, firstWords: &firstWords)
                }
                guard let antecedent else { continue }
                let start = state.tokens[i].start + prefixLength
                state.addMention(of: antecedent, tokens: i..<(i + 1), start: start, end: state.tokens[i].end, kind: .anaphor)
            }
        }
    }

    /// The head of «الأخيرة»/«الأخير» (the latter): the last actor named, whatever its name.
    static let latter: Word = "<"

    static let militiaWords: Set<Word> = DiscoveryLexicon.set(["ميليشيا", "مليشيا", "ميلشيا"])

    /// The name mentions that end before token `i`, nearest first (at most 200: anaphors refer
    /// back, not far back). A view: the copy of up to 200 mentions for every anaphor was a visible cost.
    static func preceding(_ names: [Int], of mentions: [Mention], token i: Int) -> ReversedCollection<ArraySlice<Int>> {
        var low = 0, high = names.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[names[mid]].tokens.upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return names[max(0, low - 200)..<low].reversed()
    }

    /// The actor of the name mention just before, within the window, unless it is a person.
    private func lastNamed(_ named: ReversedCollection<ArraySlice<Int>>, from window: Int, state: State) -> Int? {
        guard let last = named.first, state.mentions[last].tokens.lowerBound >= window,
              state.actors[state.mentions[last].actor].type != .person else { return nil }
        return state.mentions[last].actor
    }

    private func calledMilitia(_ named: ReversedCollection<ArraySlice<Int>>, state: State, firstWords: inout FirstWords) -> Int? {
        for n in named where state.actors[state.mentions[n].actor].type == .faction {
            let m = state.mentions[n]
            var k = m.tokens.lowerBound - 1
            while k >= 0, state.tokens[k].word == "\"" { k -= 1 }
            if m.clitic.isEmpty, k >= 0, state.readings[k].contains(where: { Anaphora.militiaWords.contains($0.word) }) {
                return m.actor
            }
            if Anaphora.militiaWords.contains(firstWords.of(m.text)) { return m.actor }
        }
        return nil
    }

    /// The first word of a name, tokenized once per spelling: the look-back asks for it for every
    /// candidate of every anaphor.
    struct FirstWords {
        private var cache: [String: Word] = [:]
        /// Names' words, remembered across documents, when the extractor has a vocabulary.
        let vocabulary: Vocabulary?
        init(vocabulary: Vocabulary?) { self.vocabulary = vocabulary }
        mutating func of(_ name: String) -> Word {
            if let vocabulary { return vocabulary.words(of: name).first ?? "" }
            if let w = cache[name] { return w }
            let w = AliasMatcher.words(of: name).first ?? ""
            cache[name] = w
            return w
        }
    }

    private func nearestActor(_ named: ReversedCollection<ArraySlice<Int>>, from window: Int, head: Word, state: State, firstWords: inout FirstWords) -> Int? {
        for n in named {
            let m = state.mentions[n]
            if m.tokens.lowerBound < window { break }
            let actor = state.actors[m.actor]
            guard actor.type == .faction || actor.type == .unit else { continue }
            if head == "*" { if actor.type == .faction { return m.actor } else { continue } }
            let names = [firstWords.of(actor.name), firstWords.of(m.text)]
            if names.contains(where: { $0 == head || $0.text == "ال" + head.text }) { return m.actor }
            if head == "تنظيم", actor.side == "jihadist" { return m.actor }
        }
        return nil
    }
}
