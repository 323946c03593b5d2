/// A state named by an adjective after a cue: a sponsor after support («المدعومة إيرانياً», «بدعم
/// أميركي», «المقربة من … / الموالية تركياً»), an attacker after a strike («إثر قصف إسرائيلي»,
/// «غارات روسية»). The adjective becomes a mention of the state, so that the relation rules see
/// it. Only right after such a cue: elsewhere «إيراني» describes nationality, not an actor.
struct SponsorAdjectives {
    /// Words of backing: after one, a state is named as a sponsor (by its adjective or its name).
    static let backing: Set<Word> = DiscoveryLexicon.set(["المدعومة", "المدعوم", "مدعومة", "مدعوم", "المدعومين", "بدعم", "بتمويل", "بإشراف",
                                                          // The second noun of «بدعم وإشراف روسي».
                                                          "ودعم", "وتمويل", "وإشراف", "وإسناد"])
    /// Strikes, before the adjective of the state that carries them out.
    static let strikes: Set<Word> = DiscoveryLexicon.set(["قصف", "القصف", "غارة", "الغارة", "غارات", "الغارات", "ضربة", "الضربة", "ضربات",
                                                         "الضربات", "عدوان", "العدوان", "طيران", "الطيران", "طائرات", "الطائرات", "استهداف"])
    /// Support named with its kind before the state: «الدعم الجوي الروسي المقدم لقوات النظام».
    static let supportNouns: Set<Word> = DiscoveryLexicon.set(["الدعم", "دعم", "الإسناد", "إسناد"])
    static let supportKinds: Set<Word> = DiscoveryLexicon.set(["الجوي", "العسكري", "المالي", "اللوجستي", "جوي", "عسكري"])
    /// Backing, strikes and loyalty («الموالية تركياً»), before a state's adjective.
    static let cues: Set<Word> = backing.union(strikes).union(DiscoveryLexicon.set(["الموالية", "الموالي", "الموالين", "المقربة", "المقرب"]))
    /// Adjective (normalized) → gazetteer id of the state.
    static let states: [Word: String] = {
        var table: [Word: String] = [:]
        for (id, forms) in [
            ("iran", ["إيرانيا", "إيراني", "إيرانياً", "إيرانية", "الإيراني", "الإيرانية"]),
            ("russia", ["روسي", "روسية", "الروسي", "الروسية"]),
            ("turkey", ["تركي", "تركية", "التركي", "التركية"]),
            ("united-states", ["أمريكيا", "أميركيا", "أمريكي", "أميركي", "أمريكية", "أميركية", "الأمريكي", "الأميركي", "الأمريكية", "الأميركية"]),
            ("israel", ["إسرائيليا", "إسرائيلي", "إسرائيلية", "الإسرائيلي", "الإسرائيلية"]),
        ] {
            for form in forms { table[Word(ArabicNormalizer.normalize(form))] = id }
        }
        return table
    }()

    /// Answers most tokens without a lookup of `states`.
    static let stateFilter = WordFilter(states.keys)

    func find(in state: inout State, gazetteer: Gazetteer) {
        let tokens = state.tokens
        guard tokens.count > 1 else { return }
        // Read once, not at every token (each read of a static goes through `swift_once`).
        let stateFilter = SponsorAdjectives.stateFilter, states = SponsorAdjectives.states
        for i in 0..<(tokens.count - 1) where !state.covered[i + 1] && tokens[i + 1].kind == .word {
            // The adjective first: one lookup, which almost every token fails, before the cue's
            // lookup of each reading of the word before it.
            guard stateFilter.mayContain(tokens[i + 1].word), let id = states[tokens[i + 1].word],
                  state.readings.any(i, in: SponsorAdjectives.cues)
                    || (i > 0 && SponsorAdjectives.supportKinds.contains(tokens[i].word) && state.readings.any(i - 1, in: SponsorAdjectives.supportNouns)),
                  let a = gazetteer.actor(id: id) else { continue }
            let actor = FoundActor(id: a.id, name: a.name, nameEn: a.nameEn, type: a.type, side: a.side, parent: a.parent, discovered: false)
            // After a strike the state is a side («إثر قصف إسرائيلي استهدف …»), otherwise a sponsor only.
            let attacker = state.readings.any(i, in: SponsorAdjectives.strikes)
            state.add(Candidate(actor: actor, tokens: (i + 1)..<(i + 2), start: tokens[i + 1].start, end: tokens[i + 1].end, kind: .name, sponsorOnly: !attacker))
        }
        // «اللواء الثامن المدعوم روسياً … جراء كمين نفذته قوات النظام»: a state named right after a
        // backing cue is the sponsor only (the adverb reads as the state's name once its tanween is
        // stripped); it is no side of a clash or an alliance in the sentence.
        for m in state.mentions.indices where state.mentions[m].tokens.lowerBound > 0 && !state.mentions[m].sponsorOnly {
            let before = state.mentions[m].tokens.lowerBound - 1
            guard state.actors[state.mentions[m].actor].type == .state, state.readings.any(before, in: SponsorAdjectives.backing) else { continue }
            state.mentions[m].sponsorOnly = true
        }
    }
}
