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
        var h = Word.offsetBasis
        for s in text.unicodeScalars { h = Word.mix(h, s) }
        self.fingerprint = Word.finish(h)
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
        (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3
    }
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33; x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33; x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    public static func == (a: Word, b: Word) -> Bool {
        a.fingerprint == b.fingerprint && a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    /// Sets and dictionaries of words are probed millions of times: the fingerprint is already a
    /// good hash, so it is used as is (salted with the table's seed) instead of going through SipHash.
    public func _rawHashValue(seed: Int) -> Int { Int(truncatingIfNeeded: fingerprint) ^ seed }

    public var isEmpty: Bool { text.isEmpty }
    /// Length in characters, as `String.count` counts them.
    public var count: Int { text.count }
    public func hasPrefix(_ prefix: String) -> Bool { text.hasPrefix(prefix) }
    public func hasSuffix(_ suffix: String) -> Bool { text.hasSuffix(suffix) }
}

extension Set where Element == Word {
    /// A word list as written in the code: each entry normalized once.
    static func normalized(_ words: [String]) -> Set<Word> { Set(words.map { Word(ArabicNormalizer.normalize($0)) }) }
}
