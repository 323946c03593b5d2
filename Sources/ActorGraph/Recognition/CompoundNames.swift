/// Compound given names written joined or apart: «نور الدين» / «نورالدين», «عبد الله» / «عبدالله».
/// Arabic texts use both spellings of the same name, so the gazetteer's aliases are indexed in both.
enum CompoundNames {
    /// First parts of «… الدين» names; «حراس الدين», «أنصار الدين» are phrases, never written joined.
    static let dinFirsts: Set<String> = ["نور", "زهر", "بدر", "شهاب", "صلاح", "سيف", "عز", "علاء", "شمس", "محيي", "محي",
                                         "فخر", "نجم", "تاج", "بهاء", "ضياء", "جمال", "كمال", "نصر", "حسام", "عماد", "خير",
                                         "زين", "سعد", "شرف", "نظام", "قطب", "ركن", "مجد", "معين", "برهان", "فتح"]

    /// The other spelling of `name`, if one of its words is half of a compound name; nil otherwise.
    static func variant(of name: String) -> String? {
        let words = name.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        var changed = false
        var i = 0
        while i < words.count {
            let w = words[i]
            if i + 1 < words.count, joins(w, words[i + 1]) {
                out.append(w + words[i + 1])
                changed = true
                i += 2
                continue
            }
            if let parts = split(w) {
                out.append(contentsOf: parts)
                changed = true
            } else {
                out.append(w)
            }
            i += 1
        }
        return changed ? out.joined(separator: " ") : nil
    }

    /// «عبد» + a word with the article («عبد الله», «عبد الرحمن»), or a «… الدين» first part + «الدين».
    private static func joins(_ first: String, _ second: String) -> Bool {
        (first == "عبد" && second.hasPrefix("ال") && second.count > 2) || (second == "الدين" && dinFirsts.contains(first))
    }

    /// «عبدالله» → «عبد الله», «نورالدين» → «نور الدين».
    private static func split(_ word: String) -> [String]? {
        if word.hasPrefix("عبدال"), word.count > 5 { return ["عبد", String(word.dropFirst(3))] }
        if word.hasSuffix("الدين"), word.count > 5 {
            let first = String(word.dropLast(5))
            if dinFirsts.contains(first) { return [first, "الدين"] }
        }
        return nil
    }
}
