import Foundation

/// Character-level normalization for matching Arabic names, never for display.
///
/// Folds what Arabic news spells inconsistently: diacritics and tatweel are dropped; alef forms
/// (أ إ آ ٱ) become ا; ى becomes ي; ة becomes ه; hamza seats ؤ ئ become و ي; Persian and Urdu
/// letters become their Arabic counterparts; Arabic-Indic digits become ASCII digits; every kind of
/// quote mark becomes `"`; bidi and zero-width controls are dropped; Latin letters are lowercased;
/// presentation forms are unfolded (NFKC). Each output scalar remembers the input scalar it came from.
public enum ArabicNormalizer {
    /// `single`'s answers for a scalar that is dropped, and for one whose form can be several scalars.
    static let dropped: UInt32 = 0xFFFF_FFFF
    static let expands: UInt32 = 0xFFFF_FFFE

    /// `single` for U+0600–U+06FF, where most of an Arabic text is, read from a table.
    static let arabicBlock: [UInt32] = (UInt32(0x0600)...0x06FF).map(single)
    /// `single` for every scalar below U+0800 (ASCII and the two-byte scalars of UTF-8).
    static let belowU0800: [UInt32] = (UInt32(0)..<0x800).map(single)

    /// `single`, with the Arabic block looked up in `arabicBlock` (passed in, so that a loop
    /// fetches the table once).
    @inline(__always)
    static func single(_ v: UInt32, arabicBlock table: UnsafeBufferPointer<UInt32>) -> UInt32 {
        let offset = v &- 0x0600
        return offset < 0x100 ? table[Int(offset)] : single(v)
    }

    /// The normalized form of one scalar when it is at most one scalar: its value, or `dropped`;
    /// `expands` for presentation forms and Latin letters with marks, which `append` unfolds.
    @inline(__always)
    static func single(_ v: UInt32) -> UInt32 {
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return v + 0x20 }
            return v == 0x27 ? 0x22 : v
        }
        switch v {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640: return dropped                     // harakat, superscript alef, Quranic marks, tatweel
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C, 0x00AD: return dropped  // zero-width and bidi controls
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return 0x0627                        // alef forms
        case 0x0649, 0x06CC, 0x06D0, 0x0626: return 0x064A                                         // ى ی ې ئ → ي
        case 0x0629: return 0x0647                                                                 // ة → ه
        case 0x0624: return 0x0648                                                                 // ؤ → و
        case 0x06A9, 0x06AA, 0x06AF: return 0x0643                                                 // ک گ → ك
        case 0x067E: return 0x0628                                                                 // پ → ب
        case 0x0686: return 0x062C                                                                 // چ → ج
        case 0x0698: return 0x0632                                                                 // ژ → ز
        case 0x06A4: return 0x0641                                                                 // ڤ → ف
        case 0x06C1, 0x06D5: return 0x0647                                                         // ہ ە → ه
        case 0x0660...0x0669: return v - 0x0660 + 0x30                                             // ٠-٩
        case 0x06F0...0x06F9: return v - 0x06F0 + 0x30                                             // ۰-۹
        case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2018, 0x2019, 0x201A, 0x201B,
             0x2039, 0x203A, 0x300C, 0x300D, 0xFF02: return 0x22
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20                          // exotic spaces
        case 0xFB50...0xFDFF, 0xFE70...0xFEFE, 0x00C0...0x024F: return expands
        default: return v
        }
    }

    /// Appends the normalized form of `scalar` to `out` (nothing when it is dropped).
    @inline(__always)
    public static func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) -> Int {
        let v = scalar.value
        let one = single(v)
        if one == dropped { return 0 }
        if one != expands { out.append(Unicode.Scalar(one).unsafelyUnwrapped); return 1 }
        if v <= 0x024F {
            let before = out.count
            out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            return out.count - before
        }
        // Presentation forms: unfold once; a scalar NFKC leaves as it is (noncharacters such as
        // U+FDE3) is kept as is.
        var n = 0
        for s in String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars {
            if (0xFB50...0xFDFF).contains(s.value) || (0xFE70...0xFEFE).contains(s.value) { out.append(s); n += 1 }
            else { n += append(s, to: &out) }
        }
        return n
    }

    /// The normalized form of a whole string (used for gazetteer aliases and user queries).
    public static func normalize(_ text: some StringProtocol) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { _ = append(s, to: &out) }
        return Tokenizer.string(out[...])
    }
}

/// A document's text as code points, its normalized form, and the map between them.
///
/// Offsets everywhere in ActorGraph count Unicode code points of the original text (as Python's
/// `str` does), end exclusive. Matching runs on `normalized`; `originalRange` maps a normalized
/// range back so that a span always selects the original characters it was found in.
public struct NormalizedText: Sendable {
    public let original: [Unicode.Scalar]
    public let normalized: [Unicode.Scalar]
    /// For each normalized scalar, the index of the original scalar it came from.
    public let origin: [Int32]

    public init(_ text: String) {
        var text = text
        let (original, oneToOne) = text.withUTF8 { NormalizedText.decodeAndNormalize($0) }
        self.original = original
        if let (normalized, origin) = oneToOne {
            self.normalized = normalized
            self.origin = origin
            return
        }
        // Some scalar unfolds into several: the general way.
        var normalized: [Unicode.Scalar] = []
        normalized.reserveCapacity(original.count)
        var origin: [Int32] = []
        origin.reserveCapacity(original.count)
        for (i, s) in original.enumerated() {
            let n = ArabicNormalizer.append(s, to: &normalized)
            for _ in 0..<n { origin.append(Int32(i)) }
        }
        self.normalized = normalized
        self.origin = origin
    }

    /// The normalized text and its offset map written straight into storage of the original's
    /// size, in one pass, when no scalar unfolds into several (nearly every article); nil otherwise.
    /// (`init` does this while decoding; this is the reference its tests compare with.)
    static func normalizeOneToOne(_ original: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int32])? {
        var origin: [Int32] = []
        var unfolds = false
        let normalized = [Unicode.Scalar](unsafeUninitializedCapacity: original.count) { out, count in
            origin = [Int32](unsafeUninitializedCapacity: original.count) { originOut, originCount in
                var n = 0
                original.withUnsafeBufferPointer { scalars in
                    ArabicNormalizer.arabicBlock.withUnsafeBufferPointer { table in
                        for i in 0..<scalars.count {
                            let one = ArabicNormalizer.single(scalars[i].value, arabicBlock: table)
                            if one == ArabicNormalizer.dropped { continue }
                            if one == ArabicNormalizer.expands { unfolds = true; break }
                            out[n] = Unicode.Scalar(one).unsafelyUnwrapped
                            originOut[n] = Int32(i)
                            n += 1
                        }
                    }
                }
                originCount = unfolds ? 0 : n
            }
            count = origin.count
        }
        return unfolds ? nil : (normalized, origin)
    }

    /// `scalars(ofValidUTF8:)` and `normalizeOneToOne` of them in the same pass over the text
    /// (one walk instead of two): the code points, and their normalized form and offset map unless
    /// some scalar unfolds into several.
    static func decodeAndNormalize(_ utf8: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], ([Unicode.Scalar], [Int32])?) {
        if utf8.isEmpty { return ([], ([], [])) }  // (empty storage may have no address)
        var count = utf8.count, i = 0
        while i + 8 <= utf8.count {
            count -= continuationBytes(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        while i < utf8.count { if utf8[i] & 0xC0 == 0x80 { count -= 1 }; i += 1 }
        var oneToOne = true
        var normalized: [Unicode.Scalar] = [], origin: [Int32] = []
        let original = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, written in
            normalized = [Unicode.Scalar](unsafeUninitializedCapacity: count) { normalizedOut, normalizedCount in
                origin = [Int32](unsafeUninitializedCapacity: count) { originOut, originCount in
                    // Stored as `UInt32`: a `Unicode.Scalar` made from a value checks that it is one.
                    out.withMemoryRebound(to: UInt32.self) { scalars in
                        normalizedOut.withMemoryRebound(to: UInt32.self) { normalizedScalars in
                            ArabicNormalizer.belowU0800.withUnsafeBufferPointer { table in
                                let done = OneToOneDecoder(utf8: utf8, scalars: scalars.baseAddress.unsafelyUnwrapped,
                                                           normalized: normalizedScalars.baseAddress.unsafelyUnwrapped,
                                                           origins: originOut.baseAddress.unsafelyUnwrapped,
                                                           belowU0800: table.baseAddress.unsafelyUnwrapped).run()
                                written = done.decoded
                                oneToOne = done.oneToOne
                                originCount = done.oneToOne ? done.normalized : 0
                            }
                        }
                    }
                }
                normalizedCount = origin.count
            }
        }
        return (original, oneToOne ? (normalized, origin) : nil)
    }

    /// The loop of `decodeAndNormalize`, its pointers in locals (through the closures' captures,
    /// each store reloaded them). Arabic letters (two bytes) and spaces (one) alternate at every
    /// word, so below U+0800 the two lengths are decoded without a branch, and the normalized form
    /// is read from one table.
    private struct OneToOneDecoder {
        let utf8: UnsafeBufferPointer<UInt8>
        let scalars: UnsafeMutablePointer<UInt32>
        let normalized: UnsafeMutablePointer<UInt32>
        let origins: UnsafeMutablePointer<Int32>
        /// `ArabicNormalizer.belowU0800`.
        let belowU0800: UnsafePointer<UInt32>

        /// Decodes every scalar, and normalizes them until one unfolds into several.
        func run() -> (decoded: Int, normalized: Int, oneToOne: Bool) {
            let bytes = utf8.baseAddress.unsafelyUnwrapped, table = belowU0800
            let end = utf8.count
            var i = 0, k = 0, n = 0
            var complete = true
            while i < end {
                let b0 = UInt32(bytes[i])
                let v: UInt32, one: UInt32
                if b0 < 0xE0 {
                    // 0xC0–0xDF leads two bytes (valid UTF-8: the second is there), else one.
                    let two: UInt32 = b0 >= 0xC0 ? 1 : 0
                    let b1 = UInt32(bytes[i + Int(two)])
                    let mask = 0 &- two
                    v = (b0 & ~mask) | (((b0 & 0x1F) << 6 | (b1 & 0x3F)) & mask)
                    i += 1 + Int(two)
                    one = table[Int(v)]
                } else {
                    v = NormalizedText.decode(utf8, at: &i)
                    one = ArabicNormalizer.single(v)
                }
                scalars[k] = v
                k += 1
                if one == ArabicNormalizer.expands { complete = false; break }
                // Written even when dropped (n < k: inside the storage), then written over.
                normalized[n] = one
                origins[n] = Int32(truncatingIfNeeded: k - 1)
                n += one == ArabicNormalizer.dropped ? 0 : 1
            }
            // Some scalar unfolds: the rest is only decoded (`init` normalizes the general way).
            while i < end {
                scalars[k] = NormalizedText.decode(utf8, at: &i)
                k += 1
            }
            return (k, n, complete)
        }
    }

    /// How many of the eight bytes of `x` continue a code point (are 10xxxxxx): bit 7 set, and
    /// bit 6, shifted onto bit 7 of the same byte, clear. The marks (one bit a byte) are summed
    /// into the top byte by one multiplication: the build targets x86-64 without POPCNT, where
    /// `nonzeroBitCount` is a dozen instructions.
    @inline(__always)
    static func continuationBytes(_ x: UInt64) -> Int {
        let marks = (x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7
        return Int(truncatingIfNeeded: (marks &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The code point whose UTF-8 (valid) starts at `i`, moving `i` past it.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 {
            i += 1
            return b0
        } else if b0 < 0xE0 {
            defer { i += 2 }
            return (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
        } else if b0 < 0xF0 {
            defer { i += 3 }
            return (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
        }
        defer { i += 4 }
        return (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
    }

    /// The code points of a `String`'s UTF-8 (valid by construction), decoded in one pass into
    /// storage of the exact size: `Array(text.unicodeScalars)` walked the text twice, scalar by scalar.
    static func scalars(ofValidUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var count = 0
        for b in utf8 where b & 0xC0 != 0x80 { count += 1 }
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, written in
            var i = 0, n = 0
            let end = utf8.count
            while i < end {
                let v = decode(utf8, at: &i)
                out[n] = Unicode.Scalar(v).unsafelyUnwrapped
                n += 1
            }
            written = n
        }
    }

    /// The original code-point range covered by normalized scalars `start..<end` (end > start).
    public func originalRange(_ start: Int, _ end: Int) -> Range<Int> {
        Int(origin[start])..<(Int(origin[end - 1]) + 1)
    }

    public func originalText(_ range: Range<Int>) -> String { Tokenizer.string(original[range]) }

    public func normalizedText(_ start: Int, _ end: Int) -> String { Tokenizer.string(normalized[start..<end]) }
}
