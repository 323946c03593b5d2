/// The forms a name is compared in when a reader types it, from strict to loose.
///
/// - `exact`: `ArabicNormalizer` (diacritics, tatweel, alef/hamza seats, ى/ي, ة/ه, Latin case), apostrophes
///   and quote marks removed, other punctuation (hyphens, parentheses, dots) turned into spaces,
///   whitespace collapsed: «لواءُ القدس» and "Liwa al-Quds" become «لواء القدس» and "liwa al quds".
/// - `tokens`: the exact words with the article dropped: a standalone or hyphenated al/el (and the
///   assimilated forms as-, ash-, ad-, …), and «ال» at the start of an Arabic word.
/// - `fuzzy`: the tokens with common transliteration variants folded (q/k, ou/oo/o/u, ee/i, e/a,
///   ce/se, doubled letters), so "Quds", "Kuds" and "Qouds" agree, and "Defence" and "Defense".
///   Arabic words are left as they are.
struct NameKey: Sendable, Equatable {
    var exact: String
    var tokens: [String]
    var fuzzy: [String]

    init(_ text: String) {
        let words = NameKey.words(text)
        exact = words.joined(separator: " ").replacingOccurrences(of: "-", with: " ")
        tokens = NameKey.droppingArticles(words)
        fuzzy = tokens.map(NameKey.fold)
    }

    /// All spaces removed: "al Quds", "al-Quds" and "alQuds" are one form.
    var exactCompact: String { exact.replacingOccurrences(of: " ", with: "") }
    var looseCompact: String { tokens.joined() }
    var fuzzyCompact: String { fuzzy.joined() }
    var fuzzySpaced: String { fuzzy.joined(separator: " ") }

    // MARK: - Steps

    /// The normalized words; hyphens are kept inside a word here so that "al-" can be told from "al".
    static func words(_ text: String) -> [String] {
        var out = String.UnicodeScalarView()
        for s in ArabicNormalizer.normalize(text).unicodeScalars {
            let v = s.value
            if v == 0x22 || v == 0x27 || v == 0x60 || v == 0xB4 || v == 0x2BB || v == 0x2BC || v == 0x2BE || v == 0x2BF {
                continue  // apostrophes and quotes: "Ya'rub" is "Yarub", «"فتح حلب"» is «فتح حلب»
            }
            if (0x00C0...0x024F).contains(v) {
                // Latin letters with accents: keep the base letters ("Ḥama" and "Hama" agree).
                for d in String(s).decomposedStringWithCanonicalMapping.unicodeScalars where !(0x0300...0x036F).contains(d.value) {
                    out.append(d)
                }
                continue
            }
            if v == 0x2D || v == 0x2010 || v == 0x2011 || v == 0x2012 || v == 0x2013 { out.append("-"); continue }
            if s.properties.isAlphabetic || s.properties.numericType != nil { out.append(s); continue }
            if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .format { continue }
            out.append(" ")
        }
        return String(out).split(separator: " ").compactMap { word -> String? in
            let trimmed = word.split(separator: "-").joined(separator: "-")
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    static let standaloneArticles: Set<String> = ["al", "el", "ال"]
    static let hyphenArticles: Set<String> = ["al", "el", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
                                              "ed", "en", "er", "es", "esh", "et", "ez"]

    static func droppingArticles(_ words: [String]) -> [String] {
        var result: [String] = []
        for word in words {
            let parts = word.split(separator: "-").map(String.init)
            for (i, part) in parts.enumerated() {
                if parts.count == 1 && standaloneArticles.contains(part) && words.count > 1 { continue }
                if i < parts.count - 1 && hyphenArticles.contains(part) { continue }
                result.append(stripArabicArticle(part))
            }
        }
        return result
    }

    /// «القدس» → «قدس»; a word of two letters after the article is kept whole.
    static func stripArabicArticle(_ word: String) -> String {
        guard word.hasPrefix("ال"), word.count > 3 else { return word }
        return String(word.dropFirst(2))
    }

    /// Latin transliteration variants folded to one spelling; other scripts are returned unchanged.
    static func fold(_ token: String) -> String {
        guard token.unicodeScalars.allSatisfy({ $0.isASCII }) else { return token }
        var s = token
        for (from, to) in [("ee", "i"), ("ou", "u"), ("oo", "u"), ("ck", "k"), ("ce", "se"), ("q", "k"), ("e", "a"), ("o", "u")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        var out = ""
        for c in s where c != out.last { out.append(c) }
        return out
    }

    /// The Arabic readings of a query with the clitics of its first word peeled off (و، ف، ب، ل، ك، لل),
    /// the query itself first.
    static func cliticReadings(of text: String) -> [String] {
        let words = NameKey.words(text)
        guard let first = words.first else { return [text] }
        let rest = words.dropFirst().joined(separator: " ")
        return CliticVariants.readings(of: first).map { rest.isEmpty ? $0.form : $0.form + " " + rest }
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
