/// Resolves anaphors — «التنظيم», «الميليشيا», «اللواء» meaning the brigade — to the actor they
/// refer to: the nearest actor before them (same sentence or the two before) whose name has the
/// same head noun; «الميليشيا» and «الفصيل» take the nearest armed group of any name. Nothing
/// is resolved when no such actor precedes. The mentions are kept as `.anaphor`: they carry
/// relations, but they are not names.
struct Anaphora {
    let lexicon: DiscoveryLexicon

    static let heads: [String: String] = Dictionary(uniqueKeysWithValues: [
        ("التنظيم", "تنظيم"), ("الحركة", "حركة"), ("اللواء", "لواء"), ("الفرقة", "فرقة"), ("الحزب", "حزب"),
        ("الجبهة", "جبهة"), ("الهيئة", "هيئة"), ("الجماعة", "جماعة"), ("الفرع", "فرع"), ("المجلس", "مجلس"),
        ("الفيلق", "فيلق"), ("الوحدات", "وحدات"), ("الكتائب", "كتائب"), ("الميليشيا", "*"), ("المليشيا", "*"),
        ("الميلشيا", "*"), ("الفصيل", "*"),
    ].map { (ArabicNormalizer.normalize($0.0), ArabicNormalizer.normalize($0.1)) })

    func resolve(sentences: [Sentence], state: inout State) {
        for (s, sentence) in sentences.enumerated() {
            let window = sentences[max(0, s - 2)].tokenRange.lowerBound
            for i in sentence.tokenRange where !state.covered[i] && state.tokens[i].kind == .word {
                guard let reading = CliticVariants.readings(of: state.tokens[i].text).first(where: { Anaphora.heads[$0.form] != nil }),
                      let head = Anaphora.heads[reading.form] else { continue }
                // «اللواء» before a name or an ordinal is a rank or a numbered brigade, not an anaphor.
                if i + 1 < sentence.tokenRange.upperBound, state.tokens[i + 1].kind == .word,
                   lexicon.ordinals.contains(state.tokens[i + 1].text) || state.isGivenName(i + 1, lexicon) { continue }
                // «الميليشيا» refers back to the actor the text itself called a militia, however far back;
                // other anaphors to the nearest actor with the same head noun.
                let antecedent = head == "*" ? (calledMilitia(before: i, state: state) ?? nearestActor(before: i, from: window, head: head, state: state))
                    : nearestActor(before: i, from: window, head: head, state: state)
                guard let antecedent else { continue }
                let start = state.tokens[i].start + reading.prefixLength
                state.add(Candidate(actor: state.actors[antecedent], tokens: i..<(i + 1), start: start, end: state.tokens[i].end, kind: .anaphor))
            }
        }
    }

    static let militiaWords: Set<String> = DiscoveryLexicon.set(["ميليشيا", "مليشيا", "ميلشيا"])

    private func calledMilitia(before i: Int, state: State) -> Int? {
        let named = state.mentions.filter { $0.kind == .name && $0.tokens.upperBound <= i }.sorted { $0.tokens.lowerBound > $1.tokens.lowerBound }
        for m in named where state.actors[m.actor].type == .faction {
            var k = m.tokens.lowerBound - 1
            while k >= 0, state.tokens[k].text == "\"" { k -= 1 }
            if m.clitic.isEmpty, k >= 0, CliticVariants.readings(of: state.tokens[k].text).contains(where: { Anaphora.militiaWords.contains($0.form) }) {
                return m.actor
            }
            if AliasMatcher.words(of: m.text).first.map({ Anaphora.militiaWords.contains($0) }) == true { return m.actor }
        }
        return nil
    }

    private func nearestActor(before i: Int, from window: Int, head: String, state: State) -> Int? {
        let candidates = state.mentions.filter { $0.kind == .name && $0.tokens.upperBound <= i && $0.tokens.lowerBound >= window }
            .sorted { $0.tokens.lowerBound > $1.tokens.lowerBound }
        for m in candidates {
            let actor = state.actors[m.actor]
            guard actor.type == .faction || actor.type == .unit else { continue }
            if head == "*" { if actor.type == .faction { return m.actor } else { continue } }
            let names = [actor.name, m.text].map { AliasMatcher.words(of: $0).first ?? "" }
            if names.contains(where: { $0 == head || $0 == "ال" + head }) { return m.actor }
            if head == "تنظيم", actor.side == "jihadist" { return m.actor }
        }
        return nil
    }
}
