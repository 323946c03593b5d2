import Foundation
import Testing
@testable import ActorGraph

/// The text layer's fast paths against their plain twins.
extension SpeedPathTests {
    /// `Word.==` says whether the UTF-8 bytes are equal: for small strings and large ones, for
    /// strings sharing storage and copies made apart.
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
