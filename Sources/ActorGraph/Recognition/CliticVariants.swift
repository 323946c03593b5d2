/// The readings of a word with its leading clitics peeled off.
///
/// Arabic attaches conjunctions and prepositions to the next word: «ولواء», «للواء», «بالدفاع»,
/// «للدفاع» (ل + الدفاع with the alef of the article dropped). Each reading says how many
/// normalized characters the clitics took, so a mention's span starts after them — the gold
/// standard counts «لواء القدس», not «للواء القدس».
public enum CliticVariants {
    public struct Reading: Equatable, Sendable {
        public var word: Word
        public var prefixLength: Int
        public var form: String { word.text }
    }

    static let conjunctions: Set<Character> = ["و", "ف"]
    static let prepositions: Set<Character> = ["ب", "ل", "ك"]

    public static func readings(of word: String) -> [Reading] { readings(of: Word(word)) }

    /// All readings of `word`, the word itself first. Readings shorter than two letters are dropped.
    /// A kunya in the genitive or accusative («أبي», «أبا») is also read in the nominative a name
    /// is listed in: «ميليشيا أبي الفضل العباس» is «لواء أبو الفضل العباس».
    public static func readings(of word: Word) -> [Reading] {
        var result = cliticReadings(of: word)
        for r in result where kunyaCases.contains(r.word) {
            result.append(Reading(word: kunya, prefixLength: r.prefixLength))
            break
        }
        return result
    }

    static let kunya = Word(ArabicNormalizer.normalize("أبو"))
    static let kunyaCases: Set<Word> = DiscoveryLexicon.set(["أبي", "أبا"])

    private static func cliticReadings(of word: Word) -> [Reading] {
        var result = [Reading(word: word, prefixLength: 0)]
        // Most words leave here: shorter than three scalars, or not starting at U+0600 or above
        // (a lead byte below 0xD8), which the UTF-8 tells without decoding.
        guard word.text.utf8.count >= 3, let lead = word.text.utf8.first, lead >= 0xD8 else { return result }
        // Words of Arabic letters only (nearly all that get here) are read on their UTF-8.
        let done = word.text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard isArabicLetters(bytes) else { return false }
            letterReadings(bytes, into: &result)
            return true
        }
        if done == true { return result }
        var text = word.text
        let scalars = text.withUTF8 { NormalizedText.scalars(ofValidUTF8: $0) }
        guard scalars.count >= 3, scalars[0].value >= 0x0600 else { return result }
        // Arabic letters are one character each, so scalars can stand for characters; anything
        // else (a combining mark the normalizer keeps) goes the slow way.
        guard scalars.allSatisfy({ (0x0621...0x064A).contains($0.value) }) else { return characterReadings(of: word.text) }
        func add(_ form: [Unicode.Scalar], from start: Int, prefixLength: Int) {
            let word = form.isEmpty ? Tokenizer.word(scalars[start...]) : Tokenizer.word((form + scalars[start...])[...])
            let reading = Reading(word: word, prefixLength: prefixLength)
            if !result.contains(where: { $0.word == reading.word }) { result.append(reading) }
        }
        var base = 0
        if scalars[0] == "و" || scalars[0] == "ف" {
            if scalars.count - 1 >= 2 { add([], from: 1, prefixLength: 1) }
            base = 1
        }
        for b in [0, base] where b < scalars.count - 2 {
            // ل + ال + X written «للX»: read as «الX», span after «لل».
            if scalars[b] == "ل" && scalars[b + 1] == "ل" && scalars.count - (b + 2) >= 2 {
                add(["ا", "ل"], from: b + 2, prefixLength: b + 2)
            }
            if (scalars[b] == "ب" || scalars[b] == "ل" || scalars[b] == "ك") && scalars.count - (b + 1) >= 2 {
                add([], from: b + 1, prefixLength: b + 1)
            }
        }
        return result
    }

    /// Whether the UTF-8 is only Arabic letters (U+0621–U+064A), two bytes each.
    private static func isArabicLetters(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count % 2 == 0 else { return false }
        var i = 0
        while i < b.count {
            guard b[i] == 0xD8 || b[i] == 0xD9 else { return false }
            let v = letter(b, i / 2)
            guard v >= 0x0621 && v <= 0x064A else { return false }
            i += 2
        }
        return true
    }

    @inline(__always)
    private static func letter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        UInt32(b[2 * i] & 0x1F) << 6 | UInt32(b[2 * i + 1] & 0x3F)
    }

    private static let waw: UInt32 = 0x0648, fa: UInt32 = 0x0641, lam: UInt32 = 0x0644, ba: UInt32 = 0x0628, kaf: UInt32 = 0x0643

    /// The readings of `readings(of:)`'s scalar path, letter by letter on the UTF-8.
    private static func letterReadings(_ b: UnsafeBufferPointer<UInt8>, into result: inout [Reading]) {
        let n = b.count / 2
        guard n >= 3 else { return }
        func add(article: Bool, from start: Int, prefixLength: Int) {
            let word = arabicWord(article: article, rest: b, from: start)
            if !result.contains(where: { $0.word == word }) { result.append(Reading(word: word, prefixLength: prefixLength)) }
        }
        var base = 0
        if letter(b, 0) == waw || letter(b, 0) == fa {
            add(article: false, from: 1, prefixLength: 1)
            base = 1
        }
        for start in [0, base] where start < n - 2 {
            let first = letter(b, start)
            // ل + ال + X written «للX»: read as «الX», span after «لل».
            if first == lam && letter(b, start + 1) == lam && n - (start + 2) >= 2 {
                add(article: true, from: start + 2, prefixLength: start + 2)
            }
            if (first == ba || first == lam || first == kaf) && n - (start + 1) >= 2 {
                add(article: false, from: start + 1, prefixLength: start + 1)
            }
        }
    }

    /// «ال» (when `article`) followed by the letters of `b` from letter `start`, as a `Word`.
    private static func arabicWord(article: Bool, rest b: UnsafeBufferPointer<UInt8>, from start: Int) -> Word {
        let articleBytes: [UInt8] = article ? [0xD8, 0xA7, 0xD9, 0x84] : []
        var h = Word.offsetBasis
        if article { h = Word.mix(h, "\u{0627}"); h = Word.mix(h, "\u{0644}") }
        for i in start..<(b.count / 2) { h = Word.mix(h, Unicode.Scalar(letter(b, i)).unsafelyUnwrapped) }
        let text = String(unsafeUninitializedCapacity: articleBytes.count + b.count - 2 * start) { out in
            var k = 0
            for byte in articleBytes { out[k] = byte; k += 1 }
            for j in (2 * start)..<b.count { out[k] = b[j]; k += 1 }
            return k
        }
        return Word(text: text, hash: h)
    }

    /// The same readings, counted in characters: for words with marks between the letters.
    static func characterReadings(of word: String) -> [Reading] {
        var result = [Reading(word: Word(word), prefixLength: 0)]
        let chars = Array(word)
        guard chars.count >= 3, let first = chars.first, first.unicodeScalars.first!.value >= 0x0600 else { return result }
        func add(_ dropped: Int) {
            let rest = String(chars[dropped...])
            if rest.count >= 2 && !result.contains(where: { $0.form == rest }) {
                result.append(Reading(word: Word(rest), prefixLength: dropped))
            }
        }
        var base = 0
        if conjunctions.contains(chars[0]) { add(1); base = 1 }
        for b in [0, base] where b < chars.count - 2 {
            if chars[b] == "ل" && chars[b + 1] == "ل" {
                let rest = String(chars[(b + 2)...])
                if rest.count >= 2 {
                    let form = "ال" + rest
                    if !result.contains(where: { $0.form == form }) { result.append(Reading(word: Word(form), prefixLength: b + 2)) }
                }
            }
            if prepositions.contains(chars[b]) { add(b + 1) }
        }
        return result
    }
}

/// The clitic readings of every token of a document, computed once and shared by every pass
/// (each pattern and rule asks for them at every token). Stored flat, and once per distinct
/// word: a word that recurs points at the readings of its first occurrence.
public struct TokenReadings: Sendable {
    private var items: [CliticVariants.Reading] = []
    private var spans: [Range<Int32>] = []

    public init(_ tokens: [Token]) {
        items.reserveCapacity(tokens.count)
        spans.reserveCapacity(tokens.count)
        var seen: [Word: Range<Int32>] = [:]
        for t in tokens {
            if let span = seen[t.word] { spans.append(span); continue }
            let start = Int32(items.count)
            if t.kind == .word { items.append(contentsOf: CliticVariants.readings(of: t.word)) }
            else { items.append(CliticVariants.Reading(word: t.word, prefixLength: 0)) }
            let span = start..<Int32(items.count)
            seen[t.word] = span
            spans.append(span)
        }
    }

    /// The readings the vocabulary the tokens were made with already holds (`ids` from
    /// `Tokenizer.tokenize(_:vocabulary:)`): nothing is peeled again.
    init(ids: [Int32], vocabulary: Vocabulary) {
        items = vocabulary.readings
        spans = ids.map { vocabulary.readingSpans[Int($0)] }
    }

    public subscript(i: Int) -> ArraySlice<CliticVariants.Reading> {
        let span = spans[i]
        return items[Int(span.lowerBound)..<Int(span.upperBound)]
    }

    /// `body` on token `i`'s readings, read in place: a slice of them (or a copy of one reading)
    /// retained and released their storage, at every token of every pass that asks.
    @inline(__always)
    func withReadings<R>(_ i: Int, _ body: (UnsafeBufferPointer<CliticVariants.Reading>) -> R) -> R {
        let span = spans[i]
        return items.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(span.lowerBound)..<Int(span.upperBound)])) }
    }

    /// The first of token `i`'s readings whose word `value` maps to a value, with the reading's clitic length.
    @inline(__always)
    func first<T>(_ i: Int, _ value: (Word) -> T?) -> (value: T, prefixLength: Int)? {
        withReadings(i) { readings in
            for r in readings.indices { if let v = value(readings[r].word) { return (v, readings[r].prefixLength) } }
            return nil
        }
    }

    /// Whether a reading of token `i` satisfies `test`.
    @inline(__always)
    func contains(_ i: Int, where test: (Word) -> Bool) -> Bool {
        withReadings(i) { readings in readings.indices.contains { test(readings[$0].word) } }
    }

    /// Whether any reading of token `i` is in `set`.
    @inline(__always)
    public func any(_ i: Int, in set: Set<Word>) -> Bool {
        contains(i) { set.contains($0) }
    }

    /// Whether one of token `i`'s readings is `word`.
    @inline(__always)
    public func has(_ i: Int, _ word: Word) -> Bool {
        contains(i) { $0 == word }
    }
}
