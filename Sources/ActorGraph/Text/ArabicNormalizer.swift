import Foundation

/// Character-level normalization for matching Arabic names, never for display.
///
/// Folds what Arabic news spells inconsistently: diacritics and tatweel are dropped; alef forms
/// (أ إ آ ٱ) become ا; ى becomes ي; ة becomes ه; hamza seats ؤ ئ become و ي; Persian and Urdu
/// letters become their Arabic counterparts; Arabic-Indic digits become ASCII digits; every kind of
/// quote mark becomes `"`; bidi and zero-width controls are dropped; Latin letters are lowercased;
/// presentation forms are unfolded (NFKC). Each output scalar remembers the input scalar it came from.
public enum ArabicNormalizer {
    /// Appends the normalized form of `scalar` to `out` (nothing when it is dropped).
    @inline(__always)
    public static func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) -> Int {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { out.append(Unicode.Scalar(v + 0x20)!); return 1 }
            if v == 0x27 { out.append("\""); return 1 }
            out.append(scalar); return 1
        }
        switch v {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640: return 0          // harakat, superscript alef, Quranic marks, tatweel
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C, 0x00AD: return 0  // zero-width and bidi controls
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: out.append("\u{0627}"); return 1     // alef forms
        case 0x0649, 0x06CC, 0x06D0, 0x0626: out.append("\u{064A}"); return 1                      // ى ی ې ئ → ي
        case 0x0629: out.append("\u{0647}"); return 1                                              // ة → ه
        case 0x0624: out.append("\u{0648}"); return 1                                              // ؤ → و
        case 0x06A9, 0x06AA, 0x06AF: out.append("\u{0643}"); return 1                              // ک گ → ك
        case 0x067E: out.append("\u{0628}"); return 1                                              // پ → ب
        case 0x0686: out.append("\u{062C}"); return 1                                              // چ → ج
        case 0x0698: out.append("\u{0632}"); return 1                                              // ژ → ز
        case 0x06A4: out.append("\u{0641}"); return 1                                              // ڤ → ف
        case 0x06C1, 0x06D5: out.append("\u{0647}"); return 1                                      // ہ ە → ه
        case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30)!); return 1             // ٠-٩
        case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!); return 1             // ۰-۹
        case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2018, 0x2019, 0x201A, 0x201B,
             0x2039, 0x203A, 0x300C, 0x300D, 0xFF02: out.append("\""); return 1
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" "); return 1            // exotic spaces
        case 0xFB50...0xFDFF, 0xFE70...0xFEFE:                                                      // presentation forms
            // Unfold once; a scalar NFKC leaves as it is (noncharacters such as U+FDE3) is kept as is.
            var n = 0
            for s in String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars {
                if (0xFB50...0xFDFF).contains(s.value) || (0xFE70...0xFEFE).contains(s.value) { out.append(s); n += 1 }
                else { n += append(s, to: &out) }
            }
            return n
        case 0x00C0...0x024F:
            let before = out.count
            out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            return out.count - before
        default:
            out.append(scalar); return 1
        }
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
        let original = text.withUTF8 { NormalizedText.scalars(ofValidUTF8: $0) }
        var normalized: [Unicode.Scalar] = []
        normalized.reserveCapacity(original.count)
        var origin: [Int32] = []
        origin.reserveCapacity(original.count)
        for (i, s) in original.enumerated() {
            let n = ArabicNormalizer.append(s, to: &normalized)
            for _ in 0..<n { origin.append(Int32(i)) }
        }
        self.original = original
        self.normalized = normalized
        self.origin = origin
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
                let b0 = UInt32(utf8[i])
                var v: UInt32
                if b0 < 0x80 {
                    v = b0; i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
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
