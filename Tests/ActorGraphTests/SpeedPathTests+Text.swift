import Foundation
import Testing
@testable import ActorGraph

/// The text layer's fast paths against their plain twins.
extension SpeedPathTests {
    /// Random text with what the tokenizer must tell apart: Arabic words (some ending in a glued
    /// opener), marks, digits, every kind of line break and space, and scalars from everywhere.
    static func tokenizerText(using rng: inout SeededGenerator) -> String {
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهويىأة".unicodeScalars)
        let pieces = ["\n", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", " ", "\u{A0}", "\u{3000}", "،", ".", "«", "»", "٣",
                      "42", "ABC", "é\u{301}", "😀", "\u{064E}", "\u{0640}", "ﻻ", "\u{06D4}", "x"]
        var text = ""
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                text += String(String.UnicodeScalarView((0..<Int.random(in: 1...8, using: &rng)).map { _ in letters.randomElement(using: &rng)! }))
                if Bool.random(using: &rng) { text += String(String.UnicodeScalarView(Tokenizer.gluedOpeners.randomElement(using: &rng)!)) }
            case 1: text += pieces.randomElement(using: &rng)!
            case 2: text += RandomText.make(length: Int.random(in: 0...6, using: &rng), using: &rng)
            default: text += " "
            }
        }
        return text
    }

    /// `Tokenizer.isWordScalar` through the table below U+0800 is the plain test, for every scalar.
    @Test func wordScalarTableIsThePlainTest() {
        Tokenizer.wordBelowU0800.withUnsafeBufferPointer { table in
            for v in UInt32(0)...0x10FFFF {
                guard let s = Unicode.Scalar(v) else { continue }
                if Tokenizer.isWordScalar(s, below: table) != Tokenizer.isWordScalar(s) { Issue.record("U+\(String(v, radix: 16))") }
            }
        }
    }

    /// The tokenizer with a vocabulary gives the plain tokenizer's tokens, and ids that spell
    /// them, on random text; a warm vocabulary too.
    @Test(arguments: 0..<100)
    func tokenizerWithVocabularyIsThePlainTokenizer(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let vocabulary = Vocabulary()
        for _ in 0..<5 {
            let raw = SpeedPathTests.tokenizerText(using: &rng)
            let text = NormalizedText(raw)
            let plain = Tokenizer.tokenize(text)
            let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
            #expect(tokens == plain, "\(raw.unicodeScalars.map(\.value))")
            #expect(ids.count == tokens.count && zip(ids, tokens).allSatisfy { vocabulary.words[Int($0)] == $1.word })
        }
    }

    /// `Word.==` says whether the UTF-8 bytes are equal: for small strings and large ones, for
    /// strings sharing storage and copies made apart, with their own fingerprints or a shared one.
    @Test(arguments: 0..<20)
    func wordEqualityIsByteEquality(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let pool = ["و", "ا", "ل", "K", "\u{212A}", "e", "é", "e\u{301}", "😀", " ", "القدس"]
        func piece() -> String { (0..<Int.random(in: 0...9, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined() }
        for _ in 0..<200 {
            let a = piece(), b = Bool.random(using: &rng) ? a : piece()
            // A copy built apart: the same bytes in other storage (large strings) or rebuilt (small ones).
            let c = String(decoding: Array(a.utf8), as: UTF8.self)
            #expect((Word(a) == Word(b)) == a.utf8.elementsEqual(b.utf8), "\(a) \(b)")
            #expect(Word(a) == Word(c) && Word(a) == Word(a))
            // Forged to share a fingerprint: only the bytes can tell them apart.
            let same = Word(text: a, hash: 0) == Word(text: b, hash: 0)
            #expect(same == a.utf8.elementsEqual(b.utf8), "\(a) \(b)")
            #expect(Word(text: a, hash: 0) == Word(text: c, hash: 0))
        }
    }

    /// The line-break test on UTF-8 blocks answers as the scalar test does, for breaks at every
    /// position of a block and for bytes that look like them (other 0xC2 and 0xE2 sequences).
    @Test(arguments: 0..<50)
    func lineBreakTestOnBytesIsTheScalarTest(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let pool = ["ا", "ب", " ", "x", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{09}", "\u{0E}",
                    "\u{A0}", "\u{84}", "\u{C2}", "\u{2027}", "\u{202A}", "\u{20AC}", "\u{2068}", "😀"]
        for _ in 0..<100 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in
                Int.random(in: 0..<3, using: &rng) == 0 ? pool.randomElement(using: &rng)! : ["ا", "ب", " "].randomElement(using: &rng)!
            }.joined()
            #expect(NormalizedText.hasLineBreak(text) == text.unicodeScalars.contains(where: NormalizedText.isNewline),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }
}
