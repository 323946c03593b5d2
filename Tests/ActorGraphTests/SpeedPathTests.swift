import Foundation
import Testing
@testable import ActorGraph

/// The faster paths of the speed session give what the plain ones give.
@Suite("Speed paths")
struct SpeedPathTests {
    static func texts() throws -> [(String, String)] {
        let seeds = try GoldenTests.seeds.map {
            ($0, try String(contentsOf: GoldenTests.root.appendingPathComponent("seeds").appendingPathComponent($0), encoding: .utf8))
        }
        return seeds + VocabularyTests.texts.enumerated().map { ("text \($0.offset)", $0.element) }
    }

    /// Rules tried only where their first element can match (slot-first rules at the slot starts
    /// found once per sentence) find what trying every rule at every token finds.
    @Test func rulesTriedAtTheirStartsFindWhatEveryStartFinds() throws {
        try SpeedPathTests.expectSameRelations { $0.triesEveryStart = true }
    }

    /// `distinctSorted` is `Array(Set(values)).sorted()`.
    @Test func distinctSortedIsTheSortedSet() {
        var generator = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 5, 40] {
            for _ in 0..<50 {
                let values = (0..<n).map { _ in Int.random(in: 0..<8, using: &generator) }
                #expect(RelationExtractor.distinctSorted(values) == Array(Set(values)).sorted())
            }
        }
    }

    /// The alias trie's edge table answers as the aliases say: every name of the bundled gazetteer
    /// finds its actor, and random word sequences find what a dictionary of the names finds.
    @Test func aliasTableFindsEveryNameAndNothingElse() throws {
        let gazetteer = try Gazetteer.bundled()
        let matcher = AliasMatcher(actors: gazetteer.actors)
        var names: [[Word]: Set<Int>] = [:]
        for (i, actor) in gazetteer.actors.enumerated() {
            for name in actor.undatedNames + actor.datedAliases.map(\.name) {
                let words = AliasMatcher.words(of: name)
                guard !words.isEmpty else { continue }
                names[words, default: []].insert(i)
            }
        }
        for (words, actors) in names { #expect(Set(matcher.lookup(words).map(\.actor)) == actors, "\(words)") }
        let vocabulary = Array(Set(names.keys.flatMap { $0 })) + ["و", "في", "\"", "-", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let words = (0..<Int.random(in: 1...4, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            #expect(Set(matcher.lookup(words).map(\.actor)) == names[words] ?? [], "\(words)")
        }
    }

    /// Article files read with `open` and `read` give the bytes `Data(contentsOf:)` gives; a
    /// missing file or a folder gives nil (and is then reported through Foundation).
    @Test func articleBytesAreTheFileBytes() throws {
        let dir = try Scratch.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [0, 1, 4095, 4096, 4097, 100_000] {
            let file = dir.appendingPathComponent("f\(size)")
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: file)
            #expect(ArticleFile.contents(of: file.path) == [UInt8](try Data(contentsOf: file)))
        }
        #expect(ArticleFile.contents(of: dir.appendingPathComponent("missing").path) == nil)
        #expect(ArticleFile.contents(of: dir.path) == nil)
    }

    /// Cited sentences cut from the article's string are the texts encoded from its scalars, in
    /// text order or not, on random text with marks, emoji, controls and CR LF.
    @Test(arguments: 0..<100)
    func slicesOfTheStringAreTheOriginalText(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let string = "\r\n«لواءُ»😀" + RandomText.make(length: Int.random(in: 0...150, using: &rng), using: &rng) + "é\u{301}\r\n"
        let text = NormalizedText(string)
        let n = text.original.count
        var cuts = (0..<Int.random(in: 0...8, using: &rng)).map { _ in Int.random(in: 0...n, using: &rng) }
        cuts.sort()
        let ordered = stride(from: 0, to: cuts.count - 1, by: 2).map { cuts[$0]..<cuts[$0 + 1] }
        for ranges in [ordered, ordered.reversed(), [0..<n], []] {
            #expect(Extractor.slices(of: string, ranges, text: text) == ranges.map { text.originalText($0) }, "\(ranges)")
        }
    }

    /// `Word.hasPrefix` and `hasSuffix`, which look only at the word's scalars next to the affix,
    /// answer as `String` does for affixes that are not pieces of the word: marks, prepended
    /// signs, compatibility letters (the Kelvin sign is equivalent to K), CR LF.
    @Test(arguments: 0..<100)
    func wordAffixesMatchStringForForeignAffixes(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let pool = ["و", "ا", "ل", "ت", "ي", "K", "k", "\u{212A}", "\u{0600}", "\u{064E}", "\u{0301}", "\r", "\n", "😀", "آ",
                    "ا\u{0653}", "\u{200D}", " ", "ه"]
        func piece(_ count: Int) -> String { (0..<count).map { _ in pool.randomElement(using: &rng)! }.joined() }
        for _ in 0..<50 {
            let text = piece(Int.random(in: 0...6, using: &rng))
            let word = Word(text)
            for _ in 0..<10 {
                let affix = piece(Int.random(in: 0...3, using: &rng))
                #expect(word.hasPrefix(affix) == text.hasPrefix(affix), "\(text.unicodeScalars.map(\.value)) hasPrefix \(affix.unicodeScalars.map(\.value))")
                #expect(word.hasSuffix(affix) == text.hasSuffix(affix), "\(text.unicodeScalars.map(\.value)) hasSuffix \(affix.unicodeScalars.map(\.value))")
            }
        }
    }

    /// Decoding and normalizing in one pass gives what decoding, then normalizing, gives; with
    /// presentation forms or accented Latin (which unfold) the normalized part is left out.
    @Test(arguments: 0..<200)
    func decodingAndNormalizingAtOnceMatchesTwoPasses(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let extra = ["", "ﻻ", "É", "😀\u{10FFFF}", "\u{0640}\u{200F}"][seed % 5]
        var text = RandomText.make(length: Int.random(in: 0...120, using: &rng), using: &rng)
        text.insert(contentsOf: extra, at: text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &rng)))
        text.withUTF8 { utf8 in
            let (original, oneToOne) = NormalizedText.decodeAndNormalize(utf8)
            let scalars = NormalizedText.scalars(ofValidUTF8: utf8)
            #expect(original == scalars)
            let reference = NormalizedText.normalizeOneToOne(scalars)
            #expect(oneToOne?.0 == reference?.0)
            #expect(oneToOne?.1 == reference?.1)
            #expect((oneToOne == nil) == (reference == nil))
        }
    }

    /// A string written under a key it was written under before is copied from its first
    /// escaping: the bytes are those of writing it afresh, also when the key comes back with
    /// another text.
    @Test(arguments: 0..<50)
    func stringsWrittenByKeyAreWrittenAsAfresh(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let texts = (0..<4).map { _ in RandomText.make(length: Int.random(in: 0...40, using: &rng), using: &rng) } + ["\"\\", ""]
        var keyed = JSONLineWriter(), plain = JSONLineWriter()
        for _ in 0..<30 {
            let text = texts.randomElement(using: &rng)!
            keyed.string(text, key: Int.random(in: 0..<5, using: &rng))
            plain.string(text)
        }
        #expect(keyed.bytes == plain.bytes)
    }

    /// Lines written from the extractions, one after the other into one buffer, are the lines of
    /// their records (hand-written and through `JSONEncoder`), with and without co-mentions; on
    /// the seeds, and on a text whose strings need every escape.
    @Test func linesWrittenFromTheExtractionAreTheRecordsLines() throws {
        let extractor = try Extractor.standard()
        let hostile = String(String.UnicodeScalarView((0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) })) + "\"\\/\u{7F}é😀"
        let articles = try SpeedPathTests.texts().map { Article(id: $0.0, text: $0.1, date: PartialDate("2021-05")) }
            + [Article(id: hostile, text: "قال \(hostile) إن لواء القدس التابع للفرع 227 يقاتل \(hostile) داعش.", date: nil)]
        for includeCoMentions in [true, false] {
            var lines = ExtractionLines(), records: [UInt8] = [], encoded: [UInt8] = []
            for article in articles {
                let doc = extractor.extract(article)
                lines.append(doc, includeCoMentions: includeCoMentions)
                let record = ExtractionRecord(doc, includeCoMentions: includeCoMentions)
                records += record.jsonLineBytes(lineBreak: true)
                encoded += Array(try record.encodedLine().utf8) + [0x0A]
            }
            #expect(lines.withUnsafeBytes { Array($0) } == records)
            #expect(records == encoded)
        }
    }

    /// `Tokenizer.isSpace` is Unicode's White_Space, for every scalar.
    @Test func tokenizerSpacesAreUnicodeWhiteSpace() {
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if Tokenizer.isSpace(s) != s.properties.isWhitespace { Issue.record("U+\(String(v, radix: 16))") }
        }
    }

    /// Glued openers found through their last letters cut a word where the first opener (in list
    /// order) that ends it, leaving three letters or more, would cut it.
    @Test(arguments: 0..<20)
    func gluedOpenersCutWhereTheFirstEndingOpenerCuts(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهويى".unicodeScalars)
        for _ in 0..<50 {
            let stem = String(String.UnicodeScalarView((0..<Int.random(in: 1...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! }))
            let tail = String(String.UnicodeScalarView(Tokenizer.gluedOpeners.randomElement(using: &rng)!))
            let word = Array(ArabicNormalizer.normalize(stem + tail).unicodeScalars)
            let cut = Tokenizer.gluedOpeners.first { word.count >= 7 && word.count - $0.count >= 3 && word.suffix($0.count).elementsEqual($0) }
                .map { word.count - $0.count }
            let tokens = Tokenizer.tokenize(NormalizedText(String(String.UnicodeScalarView(word))))
            #expect(tokens.map(\.end) == (cut.map { [$0] } ?? []) + [word.count], "\(stem + tail)")
        }
    }

    /// An empty text decodes and normalizes to nothing, one to one.
    @Test func emptyTextDecodesToNothing() {
        let text = NormalizedText("")
        #expect(text.original.isEmpty && text.normalized.isEmpty && text.origin.isEmpty)
    }

    /// `TextDecoder.firstNUL` is `firstIndex(of: 0)`, on slices that do not start at zero.
    @Test func firstNULIsTheFirstZeroByte() {
        var rng = SeededGenerator(seed: 256)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...3, using: &rng) }
            let slice = bytes[Int.random(in: 0...bytes.count, using: &rng)...]
            #expect(TextDecoder.firstNUL(slice) == slice.firstIndex(of: 0), "\(slice)")
        }
    }

    /// Continuation bytes counted by multiplication are the set marks `nonzeroBitCount` counts.
    @Test func continuationBytesByMultiplicationAreThePopulationCount() {
        var rng = SeededGenerator(seed: 8)
        let samples = (0..<5000).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) } + [0, UInt64.max, 0x8080_8080_8080_8080, 0xBFBF_BFBF_BFBF_BFBF]
        for x in samples {
            #expect(NormalizedText.continuationBytes(x) == (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount, "\(x)")
        }
    }

    /// A document's state with its clitic readings, for the recognizer's fast paths.
    static func states() throws -> [(String, State)] {
        try texts().map { file, raw in
            let text = NormalizedText(FrontMatter.masked(raw))
            let tokens = Tokenizer.tokenize(text)
            return (file, State(text: text, tokens: tokens, readings: TokenReadings(tokens)))
        }
    }

    /// The short forms' word table finds, at every token, what the alias matcher of the same
    /// forms finds; forms that are not one word each, or two alike, leave the table unmade.
    @Test func shortFormTableMatchesTheAliasMatcher() throws {
        var rng = SeededGenerator(seed: 7)
        for (file, state) in try SpeedPathTests.states() {
            let words = state.tokens.filter { $0.kind == .word }.map(\.word)
            for _ in 0..<(words.isEmpty ? 0 : 4) {
                var table: [Word: Int] = [:]
                for _ in 0..<Int.random(in: 1...30, using: &rng) { table[words.randomElement(using: &rng)!] = Int.random(in: 0..<5, using: &rng) }
                var local = AliasMatcher()
                for (form, index) in table { local.add(form.text, target: .init(actor: index, alias: DatedAlias(name: form.text))) }
                let forms = try #require(ActorRecognizer.ShortForms(table, state: state), "\(file)")
                for i in state.tokens.indices where state.tokens[i].kind == .word {
                    let m = local.longestMatch(at: i, in: state.tokens, readings: state.readings, limit: state.tokens.count)
                    let f = forms.match(i, state.readings)
                    #expect(m.map { [$0.targets[0].actor, $0.start - state.tokens[i].start, $0.tokens.count] } == f.map { [$0.value, $0.prefixLength, 1] }, "\(file) \(i)")
                }
            }
        }
        let state = try SpeedPathTests.states()[0].1
        #expect(ActorRecognizer.ShortForms(["لواء القدس": 0], state: state) == nil)
        #expect(ActorRecognizer.ShortForms(["لواء": 0, "لواء ": 1], state: state) == nil)
    }

    /// Discovery's opener masks are the plain tests of each token's readings against the sets;
    /// every token where a gazetteer name or an anaphor's head begins has its bit of `openings`.
    @Test func openerMasksAreTheReadingsInTheOpeners() throws {
        let recognizer = try Extractor.standard().recognizer
        let openers = DiscoveryPatterns.Openers(.standard)
        var opening = 0
        for (file, state) in try SpeedPathTests.states() {
            let masks = state.tokens.indices.map { openers.mask($0, state) }
            let openings = recognizer.openings(state)
            for i in state.tokens.indices {
                #expect(openings[i] & 3 == masks[i])
                if recognizer.matcher.longestMatch(at: i, in: state.tokens, readings: state.readings, limit: state.tokens.count) != nil {
                    #expect(openings[i] & ActorRecognizer.aliasStart != 0, "\(file) \(i)")
                }
                if state.readings[i].contains(where: { Anaphora.heads[$0.word] != nil }) {
                    #expect(openings[i] & ActorRecognizer.anaphorHead != 0, "\(file) \(i)")
                }
                let group = state.readings[i].contains { openers.groupOpeners.contains($0.word) }
                let person = state.readings[i].contains { openers.personOpeners.contains($0.word) }
                    || state.tokens[i].word == "\"" || state.tokens[i].word == "("
                let plain = (group ? DiscoveryPatterns.Openers.group : 0) | (person ? DiscoveryPatterns.Openers.person : 0)
                #expect(masks[i] == plain, "\(file) \(i)")
                if plain != 0 { opening += 1 }
            }
        }
        #expect(opening > 0)
    }

    /// Readings read in place (`first`, `contains`) answer as the slice of readings does.
    @Test func readingsInPlaceAreTheSlice() throws {
        for (file, state) in try SpeedPathTests.states() {
            for i in state.tokens.indices {
                let slice = state.readings[i]
                let head = slice.first { Anaphora.heads[$0.word] != nil }
                let inPlace = state.readings.first(i) { Anaphora.heads[$0] }
                #expect(inPlace?.value == head.flatMap { Anaphora.heads[$0.word] } && inPlace?.prefixLength == head?.prefixLength, "\(file) \(i)")
                #expect(state.readings.any(i, in: SponsorAdjectives.cues) == slice.contains { SponsorAdjectives.cues.contains($0.word) })
                state.readings.withReadings(i) { #expect(Array($0) == Array(slice)) }
            }
        }
    }

    /// A word whose first scalar is not «و» has no prefix «و», and one whose last byte is not
    /// that of «ي» or «ا» no suffix «تي», «تا», «عي», as `String` answers too (`dualNames` tests
    /// those bytes before the affixes).
    @Test(arguments: 0..<20)
    func noWawFirstMeansNoPrefixWaw(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let pool = ["و", "ؤ", "\u{0654}", "\u{064E}", "ا", "ل", "\u{200D}", "K", "😀", "\r", "\n", " ", "ت", "ي", "ع", "آ", "\u{0653}", "ى"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
            let word = Word(text)
            if !word.startsWithWaw {
                #expect(!word.hasPrefix("و") && !text.hasPrefix("و"), "\(text.unicodeScalars.map(\.value))")
            }
            // `dualReading` tests the last byte before the suffixes.
            if let last = text.utf8.last, last == 0x8A || last == 0xA7 { continue }
            for suffix in ["تي", "تا", "عي", "ي", "ا"] {
                #expect(!word.hasSuffix(suffix) && !text.hasSuffix(suffix), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }
}

/// The relation matcher's faster paths (relation matching session) give what the plain ones give.
extension SpeedPathTests {
    /// Texts rich in coordination, parallel conjuncts, topics and gaps: the rule cases (with the
    /// fixture gazetteer) and the seeds and vocabulary texts (with the bundled one).
    static func relationCorpora() throws -> [(Extractor, [(String, String)])] {
        let cases = RelationRuleTests.cases.map { ($0.name, $0.text) }
        return [(Fixtures.extractor, cases + cases.map { ($0.0 + " (twice)", $0.1 + " " + $0.1) }),
                (try Extractor.standard(), try SpeedPathTests.texts())]
    }

    /// Every relation `fast` finds over the corpora is what `plain` finds, evidence and all.
    static func expectSameRelations(plain configure: (inout RelationExtractor) -> Void) throws {
        var typed = 0
        for (extractor, texts) in try relationCorpora() {
            var plain = extractor.relations
            configure(&plain)
            for (name, raw) in texts {
                let text = NormalizedText(FrontMatter.masked(raw))
                let tokens = Tokenizer.tokenize(text)
                let sentences = SentenceSplitter.split(tokens, in: text)
                let actors = extractor.recognizer.recognize(text, tokens: tokens, sentences: sentences, date: nil)
                let fast = extractor.relations.extract(text: text, tokens: tokens, sentences: sentences, actors: actors)
                let slow = plain.extract(text: text, tokens: tokens, sentences: sentences, actors: actors)
                #expect(fast == slow, "\(name)")
                typed += fast.filter { $0.type.isTyped }.count
            }
        }
        #expect(typed > 0, "the texts have typed relations")
    }

    /// A mention's coordination group, remembered once per sentence, is the one walked at every question.
    @Test func rememberedCoordinationIsTheWalkedOne() throws {
        try SpeedPathTests.expectSameRelations { $0.remembersCoordination = false }
    }

    /// Slot-first rules tried at the mentions only find what trying them at every token finds.
    @Test func slotFirstRulesTriedAtMentionsFindWhatEveryStartFinds() throws {
        try SpeedPathTests.expectSameRelations { $0.triesEveryStart = true }
    }

    /// A gap that skips the words where the rest of its rule cannot begin finds what trying every word finds.
    @Test func gapsLookingAheadFindWhatTryingEveryWordFinds() throws {
        try SpeedPathTests.expectSameRelations { $0.looksAheadInGaps = false }
    }

    /// All the plain paths at once.
    @Test func fastRelationPathsFindWhatThePlainOnesFind() throws {
        try SpeedPathTests.expectSameRelations {
            $0.triesEveryStart = true
            $0.remembersCoordination = false
            $0.looksAheadInGaps = false
        }
    }

    /// The candidate rules found through their key sets are the rules a scan of the table finds:
    /// for the sentences of the corpora, and for random unions of every density.
    @Test func candidateRulesAreTheScannedOnes() throws {
        var checked = 0, found = 0
        for (extractor, texts) in try SpeedPathTests.relationCorpora() {
            let compiled = extractor.relations.compiled
            for (name, raw) in texts {
                let text = NormalizedText(FrontMatter.masked(raw))
                let tokens = Tokenizer.tokenize(text)
                let readings = TokenReadings(tokens)
                for sentence in SentenceSplitter.split(tokens, in: text) {
                    let union = compiled.describe(tokens, readings, sentence.tokenRange).union
                    let fast = compiled.candidates(union: union)
                    #expect(fast == compiled.candidatesByScan(union: union), "\(name)")
                    checked += 1
                    found += fast.count
                }
            }
            var generator = SystemRandomNumberGenerator()
            for density in [0.0, 0.01, 0.03, 0.1, 0.3, 0.6, 1.0] {
                for _ in 0..<200 {
                    let union = (0..<compiled.stride).map { _ in
                        (0..<64).reduce(UInt64(0)) { word, bit in Double.random(in: 0..<1, using: &generator) < density ? word | 1 << UInt64(bit) : word }
                    }
                    let fast = compiled.candidates(union: union)
                    #expect(fast == compiled.candidatesByScan(union: union), "density \(density)")
                    found += fast.count
                }
            }
        }
        #expect(checked > 0 && found > 0)
    }
}
