/// A rough Arabic → Latin transliteration for labels and ids of discovered actors.
/// It only needs to be readable and stable («لواء الباقر» → "Lwa' al-Baqr"), not scholarly.
public enum Transliterator {
    static let table: [Character: String] = [
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
        "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
        "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
        "ء": "'", "ؤ": "'", "ئ": "'",
    ]

    public static func latin(_ arabic: String) -> String {
        arabic.split(separator: " ").map { word -> String in
            var w = Substring(word)
            var prefix = ""
            if w.hasPrefix("ال") && w.count > 2 { prefix = "al-"; w = w.dropFirst(2) }
            var out = ""
            for c in w {
                if let t = table[c] { out += t } else if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) }
            }
            guard let first = out.first else { return prefix.isEmpty ? "" : "al" }
            let cased = prefix.isEmpty ? first.uppercased() + out.dropFirst() : out
            return prefix + cased
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A stable ASCII id for a discovered actor: "x-" + the slug of its transliteration.
    public static func slug(_ arabic: String) -> String {
        let latin = latin(ArabicNormalizer.normalize(arabic)).lowercased()
        var slug = ""
        for c in latin {
            if c.isASCII && (c.isLetter || c.isNumber) { slug.append(c) } else if slug.last != "-" && !slug.isEmpty { slug.append("-") }
        }
        while slug.last == "-" { slug.removeLast() }
        return "x-" + (slug.isEmpty ? "actor" : slug)
    }
}
