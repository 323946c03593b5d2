import Foundation
import Testing
@testable import ActorGraph

/// Fast paths of recognition, relation matching and extraction, against their plain twins.
@Suite("Speed paths: matching")
struct MatchingSpeedPathTests {
    /// Openings remembered per vocabulary word are the ones walked token by token, from the
    /// table's first document to documents read after the vocabulary was emptied (a capacity of 40
    /// words empties it before nearly every document).
    @Test(arguments: [40, 1 << 16])
    func openingsRememberedPerWordAreTheWalkedOnes(capacity: Int) throws {
        let recognizer = try Extractor.standard().recognizer
        let vocabulary = Vocabulary(capacity: capacity)
        let known = WordOpenings()
        let texts = try SpeedPathTests.texts()
        var emptied = 0
        // Twice over: the second time most words are known.
        for (name, raw) in texts + texts {
            let size = vocabulary.count
            vocabulary.makeRoom()
            if vocabulary.count < size { emptied += 1 }
            known.startDocument(vocabulary)
            let text = NormalizedText(FrontMatter.masked(raw))
            let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
            let state = State(text: text, tokens: tokens, readings: TokenReadings(ids: ids, vocabulary: vocabulary), vocabulary: vocabulary)
            let openings = recognizer.openings(state, ids, known, vocabulary)
            #expect(openings == recognizer.openings(state), "\(name)")
            for i in tokens.indices {
                let dual = recognizer.dualReading(i, state.readings) != nil, waw = tokens[i].word.startsWithWaw && tokens[i].word.hasPrefix("و")
                #expect((openings[i] & ActorRecognizer.dual != 0, openings[i] & ActorRecognizer.waw != 0) == (dual, waw), "\(name) \(i)")
            }
        }
        #expect(capacity > 1000 || emptied > 5)
    }

    /// One sentence context serving the whole document finds what a new context per sentence finds.
    @Test func oneSentenceContextPerDocumentFindsWhatOnePerSentenceFinds() throws {
        try SpeedPathTests.expectSameRelations { $0.reusesSentenceContext = false }
        // Documents of many different sentences: nothing one sentence leaves in the context may reach the next.
        let extractor = Fixtures.extractor
        var plain = extractor.relations
        plain.reusesSentenceContext = false
        let sentences = RelationRuleTests.cases.map(\.text)
        var typed = 0
        for (name, raw) in [("the cases", sentences), ("the cases backwards", sentences.reversed())].map({ ($0.0, $0.1.joined(separator: "\n")) }) {
            let text = NormalizedText(raw)
            let tokens = Tokenizer.tokenize(text)
            let split = SentenceSplitter.split(tokens, in: text)
            let actors = extractor.recognizer.recognize(text, tokens: tokens, sentences: split, date: nil)
            let fast = extractor.relations.extract(text: text, tokens: tokens, sentences: split, actors: actors)
            #expect(fast == plain.extract(text: text, tokens: tokens, sentences: split, actors: actors), "\(name)")
            typed += fast.filter { $0.type.isTyped }.count
        }
        #expect(typed > 50, "the documents have many typed relations")
    }

    /// Sentences described one after another into the same buffers (longer ones before shorter
    /// ones, line breaks where a longer one had words) are described as in fresh buffers, with the
    /// vocabulary's remembered descriptions and without.
    @Test func sentencesDescribedIntoReusedBuffersAreDescribedAsInFreshOnes() throws {
        let rules = try Extractor.standard().relations.compiled
        let vocabulary = Vocabulary()
        var bits: [UInt64] = [], union: [UInt64] = []
        var lineBreaks = 0
        for (name, raw) in try SpeedPathTests.texts() {
            let text = NormalizedText(FrontMatter.masked(raw))
            let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
            let readings = TokenReadings(ids: ids, vocabulary: vocabulary)
            let ranges = SentenceSplitter.split(tokens, in: text).map(\.tokenRange) + [tokens.indices]
            lineBreaks += tokens.filter { $0.kind == .lineBreak }.count
            for words in [nil, (ids, vocabulary)] as [VocabularyWords?] {
                for range in ranges.reversed() + ranges {
                    rules.describe(tokens, readings, range, words: words, into: &bits, union: &union)
                    let fresh = rules.describe(tokens, readings, range)
                    // (Compared first: a failed expectation on the arrays prints them whole.)
                    let same = bits.prefix(fresh.tokens.count).elementsEqual(fresh.tokens) && union == fresh.union
                    #expect(same, "\(name) \(range)")
                }
            }
        }
        #expect(lineBreaks > 0, "the texts have line breaks")
    }
}
