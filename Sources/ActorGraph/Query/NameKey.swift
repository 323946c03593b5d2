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
        // Words, each a list of its hyphen-separated parts, as scalars.
        var normalized: [Unicode.Scalar] = []
        normalized.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { _ = ArabicNormalizer.append(s, to: &normalized) }
        var words: [[[Unicode.Scalar]]] = []
        var word: [[Unicode.Scalar]] = []
        var part: [Unicode.Scalar] = []
        func endPart() { if !part.isEmpty { word.append(part); part = [] } }
        func endWord() { endPart(); if !word.isEmpty { words.append(word); word = [] } }
        for s in normalized {
            switch NameKey.kind(of: s) {
            case .letter: part.append(s)
            case .accented: part.append(contentsOf: NameKey.baseLetters(s))
            case .hyphen: endPart()
            case .skip: continue
            case .space: endWord()
            }
        }
        endWord()

        let parts = words.flatMap { $0 }
        exact = parts.map(NameKey.string).joined(separator: " ")
        exactCompact = parts.map(NameKey.string).joined()
        tokens = NameKey.droppingArticles(words).map(NameKey.string)
        looseCompact = tokens.joined()
        fuzzy = tokens.map(NameKey.fold)
        fuzzyCompact = fuzzy.joined()
        fuzzySpaced = fuzzy.joined(separator: " ")
    }

    // MARK: - Steps

    enum Kind { case letter, accented, hyphen, skip, space }

    static func kind(of s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v < 0x80 {
            if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { return .letter }  // already lowercased
            if v == 0x2D { return .hyphen }
            if v == 0x22 || v == 0x27 || v == 0x60 { return .skip }  // "Ya'rub" is "Yarub"
            return .space
        }
        switch v {
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

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static let standaloneArticles: Set<String> = ["al", "el", "ال"]
    static let hyphenArticles: Set<String> = ["al", "el", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
                                              "ed", "en", "er", "es", "esh", "et", "ez"]
    static let alef: Unicode.Scalar = "\u{0627}", lam: Unicode.Scalar = "\u{0644}"

    static func droppingArticles(_ words: [[[Unicode.Scalar]]]) -> [[Unicode.Scalar]] {
        var result: [[Unicode.Scalar]] = []
        for word in words {
            for (i, part) in word.enumerated() {
                if part.count <= 3 {
                    let text = string(part)
                    if word.count == 1 && words.count > 1 && standaloneArticles.contains(text) { continue }
                    if i < word.count - 1 && hyphenArticles.contains(text) { continue }
                }
                // «القدس» → «قدس»; a word of two letters after the article is kept whole.
                if part.count > 3 && part[0] == alef && part[1] == lam { result.append(Array(part[2...])) } else { result.append(part) }
            }
        }
        return result
    }

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
