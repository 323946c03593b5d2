import Foundation

/// The forms a name is compared in when a reader types it, from strict to loose.
///
/// - `exact`: `ArabicNormalizer` (diacritics, tatweel, alef/hamza seats, ى/ي, ة/ه, Latin case), apostrophes
///   and quote marks removed, accents dropped from Latin letters, other punctuation (hyphens,
///   parentheses, dots) turned into spaces, whitespace collapsed: «لواءُ القدس» and "Liwa al-Quds"
///   become «لواء القدس» and "liwa al quds". `exactCompact` is the same without spaces.
/// - `tokens`: the words with the article dropped: a standalone or hyphenated al/el (and the
///   assimilated forms as-, ash-, ad-, …), and «ال» at the start of an Arabic word. `looseCompact`
///   joins them.
/// - `fuzzy`: the tokens with common transliteration variants folded, so "Quds", "Kuds" and "Qouds"
///   agree, and "Defence" and "Defense" (see `fold`). Arabic words are left as they are.
struct NameKey: Sendable, Equatable {
    var exact: String
    var exactCompact: String
    var tokens: [String]
    var looseCompact: String
    var fuzzy: [String]
    var fuzzyCompact: String
    var fuzzySpaced: String

    init(_ text: String) {
        // One flat UTF-8 buffer of the kept letters; parts (split at hyphens) and words (split at
        // spaces) are ranges in it. Few allocations: this runs for every name when an index is built.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var parts: [(start: Int, end: Int, word: Int)] = []
        var partStart = 0, word = 0
        func endPart() {
            if bytes.count > partStart { parts.append((partStart, bytes.count, word)) }
            partStart = bytes.count
        }
        func endWord() { endPart(); if parts.last?.word == word { word += 1 } }
        var normalized: [Unicode.Scalar] = []
        normalized.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { _ = ArabicNormalizer.append(s, to: &normalized) }
        for s in normalized {
            switch NameKey.kind(of: s) {
            case .letter: NameKey.appendUTF8(s, to: &bytes)
            case .accented: for b in NameKey.baseLetters(s) { NameKey.appendUTF8(b, to: &bytes) }
            case .hyphen: endPart()
            case .skip: continue
            case .space: endWord()
            }
        }
        endWord()
        let words = word

        func joined(_ ranges: [Range<Int>], separator: UInt8?) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + ranges.count)
            for (i, r) in ranges.enumerated() {
                if i > 0, let separator { out.append(separator) }
                out.append(contentsOf: bytes[r])
            }
            return String(decoding: out, as: UTF8.self)
        }
        let all = parts.map { $0.start..<$0.end }
        exact = joined(all, separator: 0x20)
        exactCompact = String(decoding: bytes, as: UTF8.self)

        // The article: a standalone al/el/«ال» word (when there are others), an al-/as-/… part before
        // a hyphen, «ال» at the start of an Arabic word of more than three letters.
        var tokenRanges: [Range<Int>] = []
        for (i, part) in parts.enumerated() {
            let slice = bytes[part.start..<part.end]
            let alone = (i == 0 || parts[i - 1].word != part.word) && (i == parts.count - 1 || parts[i + 1].word != part.word)
            let beforeHyphen = i < parts.count - 1 && parts[i + 1].word == part.word
            if alone && words > 1 && NameKey.standaloneArticles.contains(where: { $0.elementsEqual(slice) }) { continue }
            if beforeHyphen && NameKey.hyphenArticles.contains(where: { $0.elementsEqual(slice) }) { continue }
            if slice.starts(with: NameKey.arabicArticle) && NameKey.scalarCount(slice) > 3 {
                tokenRanges.append((part.start + NameKey.arabicArticle.count)..<part.end)
            } else {
                tokenRanges.append(part.start..<part.end)
            }
        }
        tokens = tokenRanges.map { String(decoding: bytes[$0], as: UTF8.self) }
        looseCompact = joined(tokenRanges, separator: nil)
        fuzzy = tokens.map(NameKey.fold)
        fuzzyCompact = fuzzy.joined()
        fuzzySpaced = fuzzy.joined(separator: " ")
    }

    static func appendUTF8(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func scalarCount(_ utf8: ArraySlice<UInt8>) -> Int { utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    // MARK: - Steps

    enum Kind { case letter, accented, hyphen, skip, space }

    static func kind(of s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v < 0x80 {
            if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { return .letter }  // already lowercased
            if v == 0x20 { return .space }
            if v == 0x2D { return .hyphen }
            if v == 0x22 || v == 0x27 || v == 0x60 { return .skip }  // "Ya'rub" is "Yarub"
            return .space
        }
        switch v {
        case 0x0621...0x063A, 0x0641...0x064A: return .letter  // Arabic letters, the common case
        case 0xB4, 0x2BB, 0x2BC, 0x2BE, 0x2BF: return .skip  // more apostrophes (ʿ ʾ)
        case 0x2010...0x2013: return .hyphen
        case 0x00C0...0x024F: return .accented
        default: break
        }
        if s.properties.isAlphabetic || s.properties.numericType != nil { return .letter }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return .skip
        default: return .space
        }
    }

    /// "ḥ" → "h", "é" → "e": the letter without its accents.
    static func baseLetters(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        String(s).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
    }

    static let standaloneArticles: [[UInt8]] = ["al", "el", "ال"].map { Array($0.utf8) }
    static let hyphenArticles: [[UInt8]] = ["al", "el", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath",
                                            "az", "ed", "en", "er", "es", "esh", "et", "ez"].map { Array($0.utf8) }
    static let arabicArticle: [UInt8] = Array("ال".utf8)

    /// Latin transliteration variants folded to one spelling, left to right, the longer rule first:
    /// ee→i, ou→u, oo→u, ck→k, ce→sa, q→k, e→a, o→u; then doubled letters made single. Words in
    /// other scripts are returned unchanged.
    static func fold(_ token: String) -> String {
        let t = Array(token.utf8)
        guard t.allSatisfy({ $0 < 0x80 }) else { return token }
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        func emit(_ c: UInt8) { if out.last != c { out.append(c) } }
        var i = 0
        while i < t.count {
            let c = t[i], next: UInt8 = i + 1 < t.count ? t[i + 1] : 0
            switch (c, next) {
            case (0x65, 0x65): emit(0x69); i += 2                     // ee → i
            case (0x6F, 0x75), (0x6F, 0x6F): emit(0x75); i += 2       // ou, oo → u
            case (0x63, 0x6B): emit(0x6B); i += 2                     // ck → k
            case (0x63, 0x65): emit(0x73); emit(0x61); i += 2         // ce → sa (defence/defense)
            case (0x71, _): emit(0x6B); i += 1                        // q → k
            case (0x65, _): emit(0x61); i += 1                        // e → a
            case (0x6F, _): emit(0x75); i += 1                        // o → u
            default: emit(c); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The readings of a query with the clitics of its first word peeled off (و، ف، ب، ل، ك، لل),
    /// the query itself first.
    static func cliticReadings(of text: String) -> [String] {
        // Only the first word is read again; the rest is kept as typed (its hyphens mark articles).
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(where: \.isWhitespace) ?? Optional(trimmed.endIndex),
              space > trimmed.startIndex else { return [text] }
        let first = ArabicNormalizer.normalize(trimmed[..<space])
        let rest = trimmed[space...]
        return CliticVariants.readings(of: first).map { $0.form + rest }
    }
}
