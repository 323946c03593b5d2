import Foundation
import Testing
@testable import ActorGraph

@Suite("Text layer")
struct TextLayerTests {
    /// `trimmingSpaces` trims exactly what `trimmingCharacters(in: .whitespaces)` trims.
    @Test(arguments: ["", " ", "\t\t", " x ", "\u{00A0}لواء القدس\u{3000}", "\u{2009}a\u{200B}", "\n x \n", " \r\n",
                      "2019-04 ", "\u{202F}\u{205F}2020\t", "a b", " \u{301}x", "e\u{301} ", "\u{1680}\u{180E}"])
    func trimsSpacesAsFoundationDoes(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingSpaces() == text[...].trimmingCharacters(in: .whitespaces))
    }

    @Test func trimsEveryScalarFoundationCallsASpace() {
        for v in 0...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let text = String(s) + "x" + String(s)
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "U+\(String(v, radix: 16))")
        }
    }

    @Test func decodesUTF8WithAndWithoutBOM() throws {
        #expect(try TextDecoder.decode(Data("لواء القدس".utf8)).text == "لواء القدس")
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("لواء القدس".utf8)
        let decoded = try TextDecoder.decode(bom)
        #expect(decoded.text == "لواء القدس")
        #expect(decoded.encoding == .utf8)
    }

    @Test func decodesWindows1256Arabic() throws {
        // «لواء القدس التابعة للفرع» in Windows-1256.
        let text = "لواء القدس التابعة للفرع"
        let bytes = Data(text.unicodeScalars.map { s -> UInt8 in
            if s.value < 0x80 { return UInt8(s.value) }
            return UInt8(Windows1256.upperHalf.firstIndex(of: s.value)! + 0x80)
        })
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding == .windows1256)
    }

    @Test(arguments: [
        (Data(), TextDecodingError.empty),
        (Data("  \n\t ".utf8), TextDecodingError.empty),
        (Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]), TextDecodingError.binary(offset: 4)),
        (Data([0x41, 0x42, 0xC3, 0x28, 0x80, 0x81]), TextDecodingError.notText(offset: 2, byte: 0xC3)),
    ])
    func refusesWhatIsNotText(bytes: Data, expected: TextDecodingError) {
        #expect(throws: expected) { try TextDecoder.decode(bytes) }
    }

    @Test(arguments: [
        ("أحمد الشرع", "احمد الشرع"),
        ("إدارة العمليات", "اداره العمليات"),
        ("مُقاتِلي التنظيم", "مقاتلي التنظيم"),
        ("نفّذه", "نفذه"),
        ("الـمـيـلـيـشـيـا", "الميليشيا"),
        ("على", "علي"),
        ("مؤيد", "مويد"),
        ("قائد", "قايد"),
        ("ک گ پ چ ژ ی", "ك ك ب ج ز ي"),
        ("الفرع ٢٢٧", "الفرع 227"),
        ("«داعش» “قسد”", "\"داعش\" \"قسد\""),
        ("Liwa AL-Quds", "liwa al-quds"),
        ("قوات\u{200F} النظام\u{200B}", "قوات النظام"),
        ("\u{FEFB}", "لا"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(ArabicNormalizer.normalize(input) == expected)
    }

    @Test func everyTokenMapsBackToItsOriginalText() {
        let text = "انشق 50 عنصراً من ميليشيا “لواء القدس” التابعة للفرع ٢٢٧.وقال مصدر: \u{200F}الـمـيـلـيـشـيـا"
        let normalized = NormalizedText(text)
        for token in Tokenizer.tokenize(normalized) {
            let range = normalized.originalRange(token.start, token.end)
            #expect(ArabicNormalizer.normalize(normalized.originalText(range)) == token.text)
        }
    }

    @Test(arguments: 0..<200)
    func randomUnicodeNeverBreaksOffsets(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let text = RandomText.make(length: Int.random(in: 0...300, using: &rng), using: &rng)
        let normalized = NormalizedText(text)
        #expect(normalized.original.count == text.unicodeScalars.count)
        let tokens = Tokenizer.tokenize(normalized)
        for token in tokens {
            let range = normalized.originalRange(token.start, token.end)
            #expect(range.lowerBound >= 0 && range.upperBound <= normalized.original.count && !range.isEmpty)
        }
        for sentence in SentenceSplitter.split(tokens, in: normalized) {
            #expect(sentence.start < sentence.end && sentence.end <= normalized.original.count)
        }
    }

    @Test func splitsSentencesOnPunctuationLinesAndGluedHeadings() {
        let text = "ملاحقة فلول النظاموقال مصدر عسكري إن الحملة بدأت.وتأتي العملية بعد 3.5 أيام\nعنوان\nقال: “انتهى”. ثم"
        let normalized = NormalizedText(text)
        let tokens = Tokenizer.tokenize(normalized)
        let sentences = SentenceSplitter.split(tokens, in: normalized).map { normalized.originalText($0.start..<$0.end) }
        #expect(sentences == ["ملاحقة فلول النظام", "وقال مصدر عسكري إن الحملة بدأت.", "وتأتي العملية بعد 3.5 أيام", "عنوان", "قال: “انتهى”.", "ثم"])
    }

    @Test func frontMatterIsReadAndMaskedWithoutMovingOffsets() throws {
        let text = "---\ndate: 2015-04\noutlet: Elaph\n---\nلواء القدس"
        let parsed = try #require(FrontMatter.parse(text))
        #expect(parsed.fields.date == "2015-04")
        #expect(parsed.fields.outlet == "Elaph")
        let masked = FrontMatter.masked(text)
        #expect(masked.unicodeScalars.count == text.unicodeScalars.count)
        #expect(masked.hasSuffix("\nلواء القدس"))
        #expect(!masked.contains("Elaph"))
    }

    @Test(arguments: [
        ("2015", "2015", PartialDate.Precision.year),
        ("2015-04", "2015-04", .month),
        ("2024-12-07", "2024-12-07", .day),
        ("2024/2/9", "2024-02-09", .day),
    ])
    func parsesDatesKeepingPrecision(input: String, printed: String, precision: PartialDate.Precision) throws {
        let date = try #require(PartialDate(input))
        #expect(date.description == printed)
        #expect(date.precision == precision)
    }

    @Test func printsDatesZeroPadded() {
        #expect(PartialDate(year: 5, month: 3, day: 7)?.description == "0005-03-07")
        #expect(PartialDate(year: 987, month: 11)?.description == "0987-11")
        #expect(PartialDate(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
    }

    @Test(arguments: ["", "15", "2015-13", "2015-02-30", "April 2015", "2015-04-01T00:00"])
    func refusesNonDates(input: String) {
        #expect(PartialDate(input) == nil)
    }

    @Test func ordersDatesOfMixedPrecision() {
        let dates = ["2015-04-22", "2015", "2014-12", "2015-04"].compactMap { PartialDate($0) }.sorted()
        #expect(dates.map(\.description) == ["2014-12", "2015", "2015-04", "2015-04-22"])
    }
}

/// A deterministic random source, so that a failing property case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random text that leans on the characters the text layer cares about.
enum RandomText {
    static let pools: [ClosedRange<UInt32>] = [
        0x0600...0x06FF, 0x0621...0x064A, 0x064B...0x0652, 0xFB50...0xFDFF, 0xFE70...0xFEFF,
        0x0020...0x007E, 0x2000...0x206F, 0x1F600...0x1F64F, 0x0000...0x001F, 0x0100...0x024F,
    ]

    static func make(length: Int, using rng: inout SeededGenerator) -> String {
        var view = String.UnicodeScalarView()
        for _ in 0..<length {
            let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
            if let s = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) { view.append(s) }
            if Int.random(in: 0..<8, using: &rng) == 0 { view.append(" ") }
        }
        return String(view)
    }
}

@Suite("Text slices")
struct TextSliceTests {
    /// Evidence text folds every kind of line break (CR LF, LS, PS, VT, FF, NEL) into one space,
    /// as splitting on `Character.isNewline` does.
    @Test(arguments: ["a\r\nb\u{2028}c\n\nd", "\nقال\u{85}لواء\u{0B}x\u{0C}\u{2029}", "بلا فواصل", "", "\r\n\r\n", "é\u{301}\nx"])
    func displayFoldsLineBreaks(text: String) {
        #expect(NormalizedText.display(text) == text.split(whereSeparator: { $0.isNewline }).joined(separator: " "))
    }

    /// The one-pass UTF-8 decoder gives the scalars `String.unicodeScalars` gives.
    @Test(arguments: 0..<100)
    func decodedScalarsMatchTheString(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let text = RandomText.make(length: Int.random(in: 0...200, using: &rng), using: &rng) + "😀é\u{301}\u{10FFFF}"
        #expect(NormalizedText(text).original == Array(text.unicodeScalars))
    }

    /// The one-to-one fast path gives what appending scalar by scalar gives, with the same offset
    /// map; texts with presentation forms or accented Latin take the general way.
    @Test(arguments: 0..<200)
    func normalizedTextMatchesScalarByScalarNormalizing(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let extra = seed % 2 == 0 ? "" : "ﻻ É"
        let text = "قُوّاتُ «الأسد» ٢٠١٥ " + RandomText.make(length: Int.random(in: 0...120, using: &rng), using: &rng) + extra
        var normalized: [Unicode.Scalar] = [], origin: [Int32] = []
        for (i, s) in text.unicodeScalars.enumerated() {
            for _ in 0..<ArabicNormalizer.append(s, to: &normalized) { origin.append(Int32(i)) }
        }
        let t = NormalizedText(text)
        #expect(t.normalized == normalized)
        #expect(t.origin == origin)
    }

    /// `Word`'s byte-level answers agree with `String`'s character-level ones, combining marks,
    /// emoji and controls included.
    @Test(arguments: ["والقوات", "و", "", "وَلد", "و\u{301}ال", "ال\u{0610}جيش", "\u{0600}تي", "قوتي", "تي", "a\r\nb", "é\u{301}x", "ولل😀", "بالي"])
    func wordQuestionsMatchString(text: String) {
        let word = Word(text)
        #expect(word.count == text.count)
        for affix in ["و", "ال", "وال", "تي", "ي", "ب", "x", "😀", "\u{301}", "ولل"] {
            #expect(word.hasPrefix(affix) == text.hasPrefix(affix), "\(text) hasPrefix \(affix)")
            #expect(word.hasSuffix(affix) == text.hasSuffix(affix), "\(text) hasSuffix \(affix)")
        }
    }

    @Test(arguments: 0..<100)
    func wordQuestionsMatchStringOnRandomText(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let text = RandomText.make(length: Int.random(in: 0...12, using: &rng), using: &rng)
        let word = Word(text)
        #expect(word.count == text.count)
        let scalars = Array(text.unicodeScalars)
        for cut in 0...scalars.count {
            let head = String(String.UnicodeScalarView(scalars[..<cut])), tail = String(String.UnicodeScalarView(scalars[cut...]))
            #expect(word.hasPrefix(head) == text.hasPrefix(head))
            #expect(word.hasSuffix(tail) == text.hasSuffix(tail))
        }
    }

    /// A fingerprint filter never turns away a word that was put in it, and turns away most others.
    @Test func wordFilterHasNoFalseNegatives() {
        var rng = SeededGenerator(seed: 7)
        let inside = (0..<2_000).map { _ in Word(RandomText.make(length: Int.random(in: 1...10, using: &rng), using: &rng)) }
        let filter = WordFilter(inside)
        #expect(inside.allSatisfy(filter.mayContain))
        let outside = (0..<2_000).map { Word("x\($0)") }.filter { !Set(inside).contains($0) }
        let passed = outside.filter(filter.mayContain).count
        #expect(passed < outside.count / 5, "\(passed) of \(outside.count) words not in the filter passed it")
        #expect(!WordFilter().mayContain("لواء"))
    }

    @Test func originalAndNormalizedTextSelectTheirScalars() {
        let t = NormalizedText("«لواءُ» 😀 é")
        #expect(t.originalText(0..<t.original.count) == "«لواءُ» 😀 é")
        #expect(t.normalizedText(1, 5) == "لواء")
    }
}
