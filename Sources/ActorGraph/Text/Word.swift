import Foundation

/// A normalized word with a 64-bit fingerprint computed once.
///
/// Matching asks «is this token in that word list?» millions of times. Swift's `String`
/// hashes and compares Arabic text with Unicode canonical equivalence, which re-checks
/// normalization on every call and was most of the extractor's time. Our text is already
/// normalized (`ArabicNormalizer`), so a word can be compared by its code points: `Word`
/// hashes its fingerprint and compares fingerprints first, then the UTF-8 bytes, so equality
/// stays exact (two different words with the same fingerprint are still different).
public struct Word: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String
    public let fingerprint: UInt64

    public init(_ text: String) {
        self.text = text
        // The scalars decoded from the string's UTF-8 (valid, as a `String`'s is) where it is at
        // hand: going through `unicodeScalars` was most of making a word from a name.
        let hash = text.utf8.withContiguousStorageIfAvailable { Word.hash(ofValidUTF8: $0) }
        self.fingerprint = Word.finish(hash ?? Word.hash(of: text.unicodeScalars))
    }

    /// `mix` over the scalars from `offsetBasis`.
    @inline(__always)
    static func hash(of scalars: String.UnicodeScalarView) -> UInt64 {
        var h = Word.offsetBasis
        for s in scalars { h = Word.mix(h, s) }
        return h
    }

    /// `hash(of:)` over the scalars that valid UTF-8 encodes.
    @inline(__always)
    static func hash(ofValidUTF8 utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = Word.offsetBasis
        var i = 0
        let n = utf8.count
        while i < n {
            h = (h ^ UInt64(NormalizedText.decode(utf8, at: &i))) &* Word.prime
        }
        return h
    }

    /// A word whose hash the caller computed over the same scalars with `mix` from `offsetBasis`.
    init(text: String, hash: UInt64) {
        self.text = text
        self.fingerprint = Word.finish(hash)
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { text }

    // FNV-1a over the scalar values, then a finalizer so that every bit depends on every scalar
    // (FNV's low bits depend only on the inputs' low bits, and hash tables use the low bits).
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always)
    static func mix(_ h: UInt64, _ s: Unicode.Scalar) -> UInt64 {
        (h ^ UInt64(s.value)) &* prime
    }
    static let prime: UInt64 = 0x0000_0100_0000_01B3
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33; x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33; x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    public static func == (a: Word, b: Word) -> Bool {
        guard a.fingerprint == b.fingerprint else { return false }
        // Same fingerprint: almost surely the same word; the bytes make sure. Strings with the same
        // representation hold the same bytes: a token's string is its vocabulary word's, and words
        // of up to 15 UTF-8 bytes (most Arabic words) are stored in the representation itself.
        if sameRepresentation(a.text, b.text) { return true }
        let same = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    /// Whether the two strings are bit for bit the same value (the same storage, or the same
    /// small string): then their bytes are equal. False says nothing.
    @inline(__always)
    static func sameRepresentation(_ a: String, _ b: String) -> Bool {
        let x = unsafeBitCast(a, to: (UInt64, UInt64).self), y = unsafeBitCast(b, to: (UInt64, UInt64).self)
        return x == y
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    /// Sets and dictionaries of words are probed millions of times: the fingerprint is already a
    /// good hash, so it is used as is (salted with the table's seed) instead of going through SipHash.
    public func _rawHashValue(seed: Int) -> Int { Int(truncatingIfNeeded: fingerprint) ^ seed }

    public var isEmpty: Bool { text.isEmpty }

    // The questions below are asked of every token by the recognizer. `String` answers them
    // character by character, with grapheme breaking and canonical equivalence. A word made only
    // of printable ASCII and of Arabic letters that neither decompose nor combine has one character
    // per scalar and no other spelling, so for such words the UTF-8 bytes give the same answers.
    // Anything else (a combining mark, a control, an emoji) goes the `String` way.

    /// Length in characters, as `String.count` counts them.
    public var count: Int {
        let simple = text.utf8.withContiguousStorageIfAvailable { Word.simpleScalarCount($0) }
        return (simple ?? nil) ?? text.count
    }

    // For the affix questions only the word's scalars next to the affix need to be simple: with
    // the affix simple too, each of the word's first (last) k + 1 scalars simple makes its first
    // (last) k characters single scalars, cut from the rest (no mark, joiner or prepended sign
    // joins them to a neighbour), and simple scalars are equivalent only to themselves.

    /// Whether the word starts with `prefix`, as `String.hasPrefix` says.
    public func hasPrefix(_ prefix: String) -> Bool {
        Word.onBytes(text, prefix) { w, p in
            guard let k = Word.simpleScalarCount(p), Word.simpleHead(w, scalars: k + 1) else { return nil }
            return p.count <= w.count && (p.count == 0 || memcmp(w.baseAddress!, p.baseAddress!, p.count) == 0)
        } ?? text.hasPrefix(prefix)
    }

    /// Whether the word ends with `suffix`, as `String.hasSuffix` says.
    public func hasSuffix(_ suffix: String) -> Bool {
        Word.onBytes(text, suffix) { w, s in
            guard let k = Word.simpleScalarCount(s), Word.simpleTail(w, scalars: k + 1) else { return nil }
            return s.count <= w.count && (s.count == 0 || memcmp(w.baseAddress! + (w.count - s.count), s.baseAddress!, s.count) == 0)
        } ?? text.hasSuffix(suffix)
    }

    /// Whether the first scalar is «و» (U+0648), whatever follows it.
    var startsWithWaw: Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.count >= 2 && $0[0] == 0xD9 && $0[1] == 0x88 } ?? (text.unicodeScalars.first == "و")
    }

    /// `body`'s answer on the UTF-8 of both strings; nil when it has none or the bytes are not at hand.
    @inline(__always)
    private static func onBytes(_ a: String, _ b: String,
                                _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool?) -> Bool? {
        let answer = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in body(x, y) }
        }
        return answer.flatMap { $0 }.flatMap { $0 }
    }

    /// Whether the two bytes `b0 b1` encode one of the simple Arabic letters (see `simpleScalarCount`).
    @inline(__always)
    private static func isSimple(_ b0: UInt8, _ b1: UInt8) -> Bool {
        let v = (UInt32(b0 & 0x1F) << 6) | UInt32(b1 & 0x3F)
        return b0 & 0xE0 == 0xC0 && b1 & 0xC0 == 0x80 && (v == 0x0621 || (v >= 0x0627 && v <= 0x064A))
    }

    /// Whether the first `scalars` scalars of `utf8` (all of them, when fewer) are simple.
    static func simpleHead(_ utf8: UnsafeBufferPointer<UInt8>, scalars: Int) -> Bool {
        var i = 0, n = 0
        while i < utf8.count && n < scalars {
            let b = utf8[i]
            if b >= 0x20 && b < 0x7F { i += 1 } else {
                guard i + 1 < utf8.count, isSimple(b, utf8[i + 1]) else { return false }
                i += 2
            }
            n += 1
        }
        return true
    }

    /// Whether the last `scalars` scalars of `utf8` (all of them, when fewer) are simple.
    static func simpleTail(_ utf8: UnsafeBufferPointer<UInt8>, scalars: Int) -> Bool {
        var i = utf8.count, n = 0
        while i > 0 && n < scalars {
            let b = utf8[i - 1]
            if b >= 0x20 && b < 0x7F { i -= 1 } else {
                guard i >= 2, isSimple(utf8[i - 2], b) else { return false }
                i -= 2
            }
            n += 1
        }
        return true
    }

    /// The number of scalars when every one is printable ASCII or an Arabic letter with no
    /// decomposition (U+0621, U+0627–U+064A); nil otherwise.
    static func simpleScalarCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0, i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b >= 0x20 && b < 0x7F {
                i += 1
            } else {
                guard i + 1 < utf8.count, isSimple(b, utf8[i + 1]) else { return nil }
                i += 2
            }
            n += 1
        }
        return n
    }
}

extension Set where Element == Word {
    /// A word list as written in the code: each entry normalized once.
    static func normalized(_ words: [String]) -> Set<Word> { Set(words.map { Word(ArabicNormalizer.normalize($0)) }) }
}

/// A bit for each value of the low 16 bits of a word's fingerprint, set for the words of a set:
/// a clear bit says a word is not in the set without a hash lookup. Most tokens are in none of
/// the sets they are tested against at every position (alias starts, pattern openers).
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    init() {}
    init(_ words: some Sequence<Word>) { for w in words { insert(w) } }

    mutating func insert(_ word: Word) {
        let slot = Int(truncatingIfNeeded: word.fingerprint & 0xFFFF)
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    /// False only when the word is in none of the inserted words.
    @inline(__always)
    func mayContain(_ word: Word) -> Bool {
        let slot = Int(truncatingIfNeeded: word.fingerprint & 0xFFFF)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }
}
