/// The era an undated article speaks of, for names whose referent changed with the fall of the old
/// regime («وزارة الدفاع السورية», «الجيش السوري»): an article that writes a year after the fall
/// («منذ سقوط النظام في 2024 … في نيسان 2025») is read as of the latest such year. Earlier years
/// decide nothing: a biography that ends in 2018 still speaks of «جبهة النصرة» in 2015. Used only
/// to choose among dated aliases; the records carry the article's own date (none).
enum TextEra {
    /// Years after the fall of the old regime (December 2024).
    static let years = 2025...2035

    /// The latest such year written as a four-digit number, as a year-precision date; nil when the
    /// text writes none.
    static func latestYear(in tokens: [Token]) -> PartialDate? {
        var latest: Int?
        for token in tokens where token.kind == .word {
            guard let year = fourDigits(token.word.text), years.contains(year) else { continue }
            if latest.map({ year > $0 }) ?? true { latest = year }
        }
        return latest.flatMap { PartialDate(year: $0) }
    }

    /// The number a word of exactly four ASCII digits writes (the normalizer folds Arabic-Indic
    /// digits to ASCII), or nil.
    private static func fourDigits(_ text: String) -> Int? {
        let bytes = text.utf8
        guard bytes.count == 4, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
