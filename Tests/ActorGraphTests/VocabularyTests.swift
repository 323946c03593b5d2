import Foundation
import Testing
@testable import ActorGraph

/// The vocabulary hands back the words and readings the tokenizer and `CliticVariants` make
/// themselves: output must not depend on which documents a worker read before.
@Suite("Vocabulary")
struct VocabularyTests {
    static let texts = [
        "وقال مصدر إن لواء القدس وللواء الباقر والفرقة الرابعة بالدفاع الوطني، «كتائب حزب الله».",
        "فلول النظاموقال مصدر\r\nسطر ثان\u{2029}ثالث\u{2028}رابع\rخامس",
        "مَعَ الْجَيْشِ 47 ABC x٣ ٪ 🙂 e\u{301} ،؛؟",
        "لواء القدس لواء القدس للقدس والقدس",
        "",
    ]

    /// Tokens and readings made through `vocabulary` are those made without one.
    static func expectSameAsPlain(_ raw: String, _ vocabulary: Vocabulary) {
        let text = NormalizedText(raw)
        let plain = Tokenizer.tokenize(text)
        let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
        #expect(tokens == plain)
        #expect(ids.count == tokens.count)
        let expected = TokenReadings(plain)
        let readings = TokenReadings(ids: ids, vocabulary: vocabulary)
        for i in plain.indices {
            #expect(Array(readings[i]) == Array(expected[i]), "token \(i) «\(plain[i].text)» of «\(raw)»")
        }
    }

    @Test func givesTheTokensAndReadingsOfThePlainTokenizer() {
        let vocabulary = Vocabulary()
        // Twice over: the second time every word comes from the table.
        for raw in VocabularyTests.texts + VocabularyTests.texts { VocabularyTests.expectSameAsPlain(raw, vocabulary) }
    }

    @Test func everyLineBreakIsTheWordNewline() {
        let vocabulary = Vocabulary()
        let (tokens, ids) = Tokenizer.tokenize(NormalizedText("أ\rب\u{2029}ج\nد"), vocabulary: vocabulary)
        let breaks = tokens.indices.filter { tokens[$0].kind == .lineBreak }
        #expect(breaks.count == 3)
        #expect(breaks.allSatisfy { tokens[$0].word == "\n" })
        #expect(Set(breaks.map { ids[$0] }).count == 1)
    }

    @Test func sameSpellingSameIndexAcrossDocuments() {
        let vocabulary = Vocabulary()
        let first = Tokenizer.tokenize(NormalizedText("لواء القدس"), vocabulary: vocabulary).ids
        let second = Tokenizer.tokenize(NormalizedText("قال لواء القدس"), vocabulary: vocabulary).ids
        #expect(second.suffix(2) == first[...])
        #expect(vocabulary.count == 3)
    }

    /// Past its capacity the table is emptied between documents, and still answers right; many
    /// distinct words also make it grow its slots within one document.
    @Test func emptiesWhenFullAndGrowsWithinADocument() {
        let vocabulary = Vocabulary(capacity: 100)
        var rng = SeededGenerator(seed: 1256)
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
        func randomText(_ words: Int) -> String {
            (0..<words).map { _ in String((0..<Int.random(in: 2...7, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
                .joined(separator: " ")
        }
        let long = randomText(20_000)
        VocabularyTests.expectSameAsPlain(long, vocabulary)
        #expect(vocabulary.count > 10_000)
        vocabulary.makeRoom()
        #expect(vocabulary.count == 0)
        for _ in 0..<20 {
            vocabulary.makeRoom()
            VocabularyTests.expectSameAsPlain(randomText(60), vocabulary)
            #expect(vocabulary.count <= 160)
        }
    }

    /// The rules' description of each token, remembered per word, is the one made from its readings.
    @Test func remembersTheRulesDescriptionOfEachWord() throws {
        let rules = CompiledRules(try RuleTable.bundled().rules, descriptors: RelationExtractor.descriptors,
                                  quote: SentenceContext.quote, detachedPrepositions: SentenceContext.detachedPrepositions)
        let vocabulary = Vocabulary()
        for raw in VocabularyTests.texts + VocabularyTests.texts + ["قوات النظام التابعة للفرقة الرابعة تقاتل \"داعش\" بدعم من روسيا"] {
            let text = NormalizedText(raw)
            let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
            let readings = TokenReadings(ids: ids, vocabulary: vocabulary)
            let plain = rules.describe(tokens, readings, tokens.indices)
            let remembered = rules.describe(tokens, readings, tokens.indices, words: (ids, vocabulary))
            #expect(remembered.tokens == plain.tokens)
            #expect(remembered.union == plain.union)
        }
        let other = CompiledRules([], descriptors: ["قوات"], quote: "\"", detachedPrepositions: [])
        let text = NormalizedText("قوات النظام")
        let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
        let readings = TokenReadings(ids: ids, vocabulary: vocabulary)
        // Another table: the remembered descriptions are not reused for it.
        #expect(other.describe(tokens, readings, tokens.indices, words: (ids, vocabulary)).tokens == other.describe(tokens, readings, tokens.indices).tokens)
        #expect(other.describe(tokens, readings, tokens.indices).union != [0])
    }

    /// The extractor (whose workers remember words, names and rule descriptions across documents)
    /// gives what the public passes give without any memory, on every seed, read one after the
    /// other by one extractor, twice.
    @Test func warmExtractorAgreesWithThePassesRunColdOnTheSeeds() throws {
        let extractor = try Extractor.standard()
        let texts = try GoldenTests.seeds.map {
            try String(contentsOf: GoldenTests.root.appendingPathComponent("seeds").appendingPathComponent($0), encoding: .utf8)
        }
        var discovered = 0
        for (file, raw) in zip(GoldenTests.seeds + GoldenTests.seeds, texts + texts) {
            let article = Article(id: file, text: raw, date: PartialDate("2020-01"))
            let warm = extractor.extract(article)
            let text = NormalizedText(FrontMatter.masked(raw))
            let tokens = Tokenizer.tokenize(text)
            let sentences = SentenceSplitter.split(tokens, in: text)
            let actors = extractor.recognizer.recognize(text, tokens: tokens, sentences: sentences, date: article.date)
            let relations = extractor.relations.extract(text: text, tokens: tokens, sentences: sentences, actors: actors)
            #expect(warm.actors.actors == actors.actors, "\(file)")
            #expect(warm.actors.mentions == actors.mentions, "\(file)")
            #expect(warm.relations.map(\.type) == relations.map(\.type), "\(file)")
            // Evidence numbers sentences among the cited ones in the extractor, among all in the passes.
            #expect(warm.relations.map { $0.evidence.map { warm.sentences[$0.sentence].start } }
                    == relations.map { $0.evidence.map { sentences[$0.sentence].start } }, "\(file)")
            discovered += warm.actors.actors.filter(\.discovered).count
        }
        #expect(discovered > 0, "the seeds have discovered actors, whose names the vocabulary remembers")
    }

    /// The extractor's output does not change with what its vocabularies hold.
    @Test func extractionDoesNotDependOnEarlierDocuments() throws {
        let extractor = try Extractor.standard()
        let article = Article(id: "a", text: VocabularyTests.texts[0], date: nil)
        let cold = ExtractionRecord(extractor.extract(article), includeCoMentions: true).jsonLineBytes(lineBreak: false)
        for raw in VocabularyTests.texts { _ = extractor.extract(Article(id: "b", text: raw, date: nil)) }
        let warm = ExtractionRecord(extractor.extract(article), includeCoMentions: true).jsonLineBytes(lineBreak: false)
        #expect(cold == warm)
    }
}
