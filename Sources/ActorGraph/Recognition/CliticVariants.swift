/// The readings of a word with its leading clitics peeled off.
///
/// Arabic attaches conjunctions and prepositions to the next word: «ولواء», «للواء», «بالدفاع»,
/// «للدفاع» (ل + الدفاع with the alef of the article dropped). Each reading says how many
/// normalized characters the clitics took, so a mention's span starts after them — the gold
/// standard counts «لواء القدس», not «للواء القدس».
public enum CliticVariants {
    public struct Reading: Equatable, Sendable {
        public var form: String
        public var prefixLength: Int
    }

    static let conjunctions: Set<Character> = ["و", "ف"]
    static let prepositions: Set<Character> = ["ب", "ل", "ك"]

    /// All readings of `word`, the word itself first. Readings shorter than two letters are dropped.
    public static func readings(of word: String) -> [Reading] {
        var result = [Reading(form: word, prefixLength: 0)]
        let chars = Array(word)
        guard chars.count >= 3, let first = chars.first, first.unicodeScalars.first!.value >= 0x0600 else { return result }
        func add(_ dropped: Int, article: Bool = false) {
            let rest = String(chars[dropped...])
            let form = article ? "ا" + rest : rest
            if rest.count >= 2 && !result.contains(where: { $0.form == form }) {
                // «لل» + X: the text drops the article's alef; the mention starts after «لل».
                result.append(Reading(form: form, prefixLength: article ? dropped : dropped))
            }
        }
        var base = 0
        if conjunctions.contains(chars[0]) { add(1); base = 1 }
        for b in [0, base] where b < chars.count - 2 {
            if chars[b] == "ل" && chars[b + 1] == "ل" {
                // ل + ال + X written «للX»: read as «الX», span after «لل».
                let rest = String(chars[(b + 2)...])
                if rest.count >= 2 {
                    let form = "ال" + rest
                    if !result.contains(where: { $0.form == form }) { result.append(Reading(form: form, prefixLength: b + 2)) }
                }
            }
            if prepositions.contains(chars[b]) { add(b + 1) }
        }
        return result
    }
}
