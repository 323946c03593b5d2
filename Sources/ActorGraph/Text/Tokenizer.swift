/// A word, number or punctuation mark of the normalized text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, punctuation, lineBreak }
    public var kind: Kind
    /// Range in `NormalizedText.normalized`.
    public var start: Int
    public var end: Int
    /// The normalized text of the token, with its fingerprint.
    public var word: Word
    /// True when a sentence starts at this token although no punctuation marks it
    /// (a heading glued to the next sentence, as scraped pages often have).
    public var startsSentence: Bool = false

    public var text: String { word.text }

    public init(kind: Kind, start: Int, end: Int, word: Word, startsSentence: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.word = word
        self.startsSentence = startsSentence
    }
}

/// Splits normalized text into tokens.
///
/// Words are runs of letters and digits; every other visible character is its own punctuation
/// token; line breaks are kept because they end headings. Scraped pages often glue a heading to
/// the next sentence («…فلول النظاموقال مصدر»): a word that ends in a common sentence opener such
/// as «وقال» or «بدورها» is cut there and the opener starts a new sentence.
public enum Tokenizer {
    static let gluedOpeners: [[Unicode.Scalar]] = [
        "وقال", "وقالت", "واضاف", "واضافت", "واكد", "واكدت", "واوضح", "واوضحت", "واشار", "واشارت",
        "وذكر", "وذكرت", "وتابع", "وتابعت", "ولفت", "ولفتت", "وافاد", "وافادت", "وكان", "وكانت",
        "وتاتي", "وياتي", "بدوره", "بدورها", "ونقل", "ونقلت", "واعلن", "واعلنت",
    ].map { Array(ArabicNormalizer.normalize($0).unicodeScalars) }
    /// The last scalar of each opener, side by side: a word's last letter is compared with these
    /// before any opener's array is reached.
    static let gluedOpenerEnds: [UInt32] = gluedOpeners.map { $0[$0.count - 1].value }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
        }
        if (0x0621...0x063A).contains(v) || (0x0641...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || (0x06FA...0x06FF).contains(v) {
            return true
        }
        if (0x0600...0x06FF).contains(v) { return false }  // Arabic punctuation: ، ؛ ؟ ٪ …
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// `isWordScalar` for every scalar below U+0800 (ASCII and the Arabic block, nearly every
    /// scalar of an article), read by the tokenizer's loops instead of a range test per block.
    static let wordBelowU0800: [Bool] = (UInt32(0)..<0x800).map { isWordScalar(Unicode.Scalar($0).unsafelyUnwrapped) }

    /// `isWordScalar`, below U+0800 read from `wordBelowU0800` (passed in, so that a loop fetches
    /// the table once).
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar, below table: UnsafeBufferPointer<Bool>) -> Bool {
        s.value < 0x800 ? table[Int(s.value)] : isWordScalar(s)
    }

    /// `s.properties.isWhitespace`, answered without the property lookup for ASCII and for the
    /// Arabic block (which has no white space): punctuation and spaces are a fifth of the scalars.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x0600 && v <= 0x06FF { return false }
        return s.properties.isWhitespace
    }

    public static func tokenize(_ text: NormalizedText) -> [Token] {
        tokenize(text, words: { slice, _ in word(slice) })
    }

    /// The tokens, with each token's index in `vocabulary` (whose words and readings they share).
    static func tokenize(_ text: NormalizedText, vocabulary: Vocabulary) -> (tokens: [Token], ids: [Int32]) {
        var ids: [Int32] = []
        ids.reserveCapacity(text.normalized.count / 5)
        let tokens = tokenize(text, words: { slice, isWord in
            var h = Word.offsetBasis
            for s in slice { h = Word.mix(h, s) }
            let id = vocabulary.index(of: slice, hash: h, isWord: isWord)
            ids.append(id)
            return vocabulary.words[Int(id)]
        })
        return (tokens, ids)
    }

    /// `words` makes the word of each token in order, told whether it is a word or a mark. The
    /// scalars are read through a buffer pointer: an `ArraySlice` per token retained and released
    /// the text's storage.
    @inline(__always)
    private static func tokenize(_ text: NormalizedText, words: (UnsafeBufferPointer<Unicode.Scalar>, Bool) -> Word) -> [Token] {
        text.normalized.withUnsafeBufferPointer { scalars in wordBelowU0800.withUnsafeBufferPointer { wordTable in
            var tokens: [Token] = []
            tokens.reserveCapacity(scalars.count / 5)
            // Read once, not at every long word (each read of a static goes through `swift_once`).
            let openers = GluedOpeners(words: gluedOpeners, lastScalars: gluedOpenerEnds)
            var i = 0
            let n = scalars.count
            while i < n {
                let s = scalars[i]
                if isWordScalar(s, below: wordTable) {
                    var j = i + 1
                    while j < n && isWordScalar(scalars[j], below: wordTable) { j += 1 }
                    appendWord(scalars, i, j, words, openers, to: &tokens)
                    i = j
                } else if s == "\n" || s == "\r" || s == "\u{2029}" || s == "\u{2028}" {
                    // Every line break is the word «\n», whichever scalar broke the line.
                    var newline: Unicode.Scalar = "\n"
                    let word = withUnsafePointer(to: &newline) { words(UnsafeBufferPointer(start: $0, count: 1), false) }
                    tokens.append(Token(kind: .lineBreak, start: i, end: i + 1, word: word))
                    i += 1
                } else if isSpace(s) {
                    i += 1
                } else {
                    tokens.append(Token(kind: .punctuation, start: i, end: i + 1, word: words(UnsafeBufferPointer(rebasing: scalars[i..<(i + 1)]), false)))
                    i += 1
                }
            }
            return tokens
        } }
    }

    /// `gluedOpeners` and `gluedOpenerEnds`, as the tokenizer's loop holds them.
    private struct GluedOpeners {
        let words: [[Unicode.Scalar]]
        let lastScalars: [UInt32]
    }

    @inline(__always)
    private static func appendWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int,
                                   _ words: (UnsafeBufferPointer<Unicode.Scalar>, Bool) -> Word, _ openers: GluedOpeners,
                                   to tokens: inout [Token]) {
        let length = end - start
        if length >= 7 {
            // The last letter first: it rules out nearly every opener without a comparison of slices.
            let last = scalars[end - 1].value
            for k in openers.lastScalars.indices where openers.lastScalars[k] == last {
                let opener = openers.words[k]
                guard length - opener.count >= 3 else { continue }
                let cut = end - opener.count
                if scalars[cut..<end].elementsEqual(opener) {
                    tokens.append(Token(kind: .word, start: start, end: cut, word: words(UnsafeBufferPointer(rebasing: scalars[start..<cut]), true)))
                    tokens.append(Token(kind: .word, start: cut, end: end, word: words(UnsafeBufferPointer(rebasing: scalars[cut..<end]), true),
                                        startsSentence: true))
                    return
                }
            }
        }
        tokens.append(Token(kind: .word, start: start, end: end, word: words(UnsafeBufferPointer(rebasing: scalars[start..<end]), true)))
    }

    /// The word spelled by `slice`, its string and fingerprint made in one pass over the scalars.
    @inline(__always)
    static func word(_ slice: ArraySlice<Unicode.Scalar>) -> Word {
        slice.withUnsafeBufferPointer { word($0) }
    }

    @inline(__always)
    static func word(_ slice: UnsafeBufferPointer<Unicode.Scalar>) -> Word {
        var h = Word.offsetBasis
        for s in slice { h = Word.mix(h, s) }
        return Word(text: string(slice), hash: h)
    }

    @inline(__always)
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        slice.withUnsafeBufferPointer { string($0) }
    }

    /// UTF-8 encoded straight into the string's storage (appending to a `UnicodeScalarView`
    /// one scalar at a time was a visible cost per token).
    @inline(__always)
    static func string(_ slice: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        var length = 0
        for s in slice { length += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for s in slice {
                UTF8.encode(s) { byte in buffer[n] = byte; n += 1 }
            }
            return n
        }
    }
}
