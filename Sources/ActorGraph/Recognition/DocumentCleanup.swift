/// Passes over a document's actors after discovery:
/// - a branch named with its place is its own unit: «فرع الأمن العسكري في حلب», «فرع البادية للمخابرات العسكرية»;
/// - a discovered name that is a variant of another actor's name joins it: «ميليشيا "الباقر"»
///   with «لواء الباقر», «كتائب الصفوة» with «الصفوة الإسلامية»;
/// - a state named only as a place («قرب الحدود مع لبنان», «إلى إيران») is not an actor there.
struct DocumentCleanup {
    let lexicon: DiscoveryLexicon

    static let locatives: Set<Word> = DiscoveryLexicon.set(["في", "إلى", "الى", "نحو", "باتجاه", "داخل", "خارج", "حدود", "الحدود", "أراضي", "عاصمة", "قرب", "من"])
    static let sponsorCues: Set<Word> = DiscoveryLexicon.set(["المدعومة", "المدعوم", "مدعومة", "مدعوم", "قبل", "بدعم", "التابعة", "التابع", "الموالية", "يد"])
    /// Words of leaving before «من STATE»: «انسحب من لبنان».
    static let departures: Set<Word> = DiscoveryLexicon.set(["قادم", "القادمة", "القادمين", "عائدين", "انسحب", "انسحبت", "خرج"])
    /// People whose origin «من STATE» gives: «مقاتلين شيعة من لبنان», «مرتزقة من باكستان».
    static let people: Set<Word> = DiscoveryLexicon.set(["مقاتلين", "مقاتلي", "مقاتلون", "المقاتلين", "مسلحين", "مسلحون", "المسلحين",
                                                         "مرتزقة", "المرتزقة", "متطوعين", "المتطوعين", "لاجئين", "اللاجئين", "نازحين", "عمال", "مهاجرين"])
    /// Words of origin or creed between such people and «من»: «مقاتلين شيعة من …» (never «مدعومين»).
    static let origins: Set<Word> = DiscoveryLexicon.set(["شيعة", "الشيعة", "سنة", "أجانب", "الأجانب", "عرب", "العرب", "أفغان", "آخرين"])
    static let listJoiners: Set<Word> = DiscoveryLexicon.set(["و", "،", ","])

    func run(_ state: inout State) {
        branchNames(&state)
        mergeVariants(&state)
        locativeStates(&state)
    }

    // MARK: - Branches with places

    private func branchNames(_ state: inout State) {
        let tokens = state.tokens
        // Most documents name no branch: then the index of mentions below is not built.
        guard state.mentions.contains(where: { branchPlace($0, state) != nil }) else { return }
        // Built once: the loop replaces mentions in place and only removes them at the end,
        // so indices stay valid (and an absorbed mention is no longer `.name`).
        let mentionAt = state.nameMentionIndex()
        for index in state.mentions.indices {
            let m = state.mentions[index]
            guard let (startsWithBranch, afterBranch) = branchPlace(m, state) else { continue }
            var end = m.tokens.upperBound
            if end < tokens.count, tokens[end].word == "في" || tokens[end].word == "ب" {
                // «… في حلب», «… في المنطقة الجنوبية», «… بالمنطقة الجنوبية»
                var k = end + 1
                while k < tokens.count, k - end <= 2, tokens[k].kind == .word, !state.covered[k], !lexicon.stopWords.contains(tokens[k].word) { k += 1 }
                guard k > end + 1 else { continue }
                end = k
            } else if end < tokens.count, tokens[end].word.hasPrefix("ب"), tokens[end].text.count > 3 {
                let rest = String(tokens[end].text.dropFirst())
                guard rest.hasPrefix("ال"), !lexicon.stopWords.contains(Word(rest)) else { continue }
                var k = end + 1
                if k < tokens.count, tokens[k].kind == .word, tokens[k].word.hasPrefix("ال"), !state.covered[k], !lexicon.stopWords.contains(tokens[k].word) { k += 1 }
                end = k
            } else if startsWithBranch, end < tokens.count, let n = mentionAt[end], state.mentions[n].kind == .name,
                      state.actors[state.mentions[n].actor].type == .unit, tokens[end].word.hasPrefix("ل") {
                // «فرع البادية للمخابرات العسكرية»: the branch of a directorate, named by its place.
                end = state.mentions[n].tokens.upperBound
                state.mentions[n].kind = .anaphor  // absorbed into the branch's name
                state.mentions[n].actor = -1
            } else {
                continue
            }
            let startToken = afterBranch ? m.tokens.lowerBound - 1 : m.tokens.lowerBound
            let startNorm = tokens[startToken].start + (state.readings[startToken].first { $0.word == DocumentCleanup.branch }?.prefixLength ?? 0)
            let span = state.text.originalRange(startNorm, tokens[end - 1].end)
            let name = canonicalBranchName(NormalizedText.display(state.text.originalText(span)))
            let (id, nameEn) = state.identity(ofName: name)
            let actor = FoundActor(id: id, name: name, nameEn: nameEn, type: .unit, side: state.actors[m.actor].side, parent: state.actors[m.actor].id, discovered: true)
            let actorIndex = state.actorIndex(for: actor)
            state.mentions[index] = Mention(start: span.lowerBound, end: span.upperBound, text: state.text.originalText(span), kind: .name,
                                            tokens: startToken..<end, actor: actorIndex)
            for t in startToken..<end { state.covered[t] = true }
        }
        state.mentions.removeAll { $0.actor < 0 }
    }

    static let branch: Word = "فرع"

    /// Whether `m` names a unit whose first token (`starts`) or the token before it (`after`)
    /// reads «فرع»; nil when neither does.
    private func branchPlace(_ m: Mention, _ state: State) -> (starts: Bool, after: Bool)? {
        guard m.kind == .name, state.actors[m.actor].type == .unit else { return nil }
        let starts = state.readings.has(m.tokens.lowerBound, DocumentCleanup.branch)
        let after = m.tokens.lowerBound > 0 && state.readings.has(m.tokens.lowerBound - 1, DocumentCleanup.branch)
        return starts || after ? (starts, after) : nil
    }

    /// «فرع الأمن العسكري بالمنطقة الجنوبية» and «… في المنطقة الجنوبية» name one branch.
    private func canonicalBranchName(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        if let i = words.indices.dropFirst().first(where: { words[$0].hasPrefix("بال") && words[$0].count > 4 }), !words.contains("في") {
            words[i] = String(words[i].dropFirst())
            words.insert("في", at: i)
        }
        return words.joined(separator: " ")
    }

    // MARK: - Variants

    /// A name's words without its head word («كتائب», «ميليشيا», …).
    private func core(_ words: [Word]) -> [Word] {
        var words = words
        if let first = words.first, lexicon.strongHeads.contains(first) || lexicon.weakHeads.contains(first) || DiscoveryPatterns.descriptorHeads.contains(first) {
            words.removeFirst()
        }
        return words
    }

    /// A person's name words without the article: «لؤي العلي» and «لؤي علي» are one name.
    private func personKey(_ words: [Word]) -> [Word] {
        words.map { $0.hasPrefix("ال") && $0.count > 3 ? Word(String($0.text.dropFirst(2))) : $0 }
    }

    /// «محمود أبو حصيني» and later «أبو حصيني»; «نواف الراغب البشير» and «نواف البشير»;
    /// «لؤي علي» and «لؤي العلي»: one person, the first and fullest name kept.
    private func mergePersons(_ state: inout State) {
        let persons = state.actors.indices.filter { state.actors[$0].type == .person }
        // Each name tokenized once, not once per pair.
        var keys = [[Word]](repeating: [], count: state.actors.count)
        for p in persons { keys[p] = personKey(state.words(of: state.actors[p].name)) }
        for d in persons where state.actors[d].discovered {
            let keyD = keys[d]
            guard !keyD.isEmpty else { continue }
            let target = persons.first { g in
                guard g != d else { return false }
                let keyG = keys[g]
                guard keyG.count >= keyD.count, !state.actors[g].discovered || g < d || keyG.count > keyD.count else { return false }
                if keyG == keyD { return true }
                // A tail of the full name, two words or more («أبو حصيني»).
                if keyD.count >= 2, keyG.count > keyD.count, keyG.suffix(keyD.count).elementsEqual(keyD) { return true }
                // The same first and last name around a middle name.
                return keyD.count >= 2 && keyG.count > keyD.count && keyG.first == keyD.first && keyG.last == keyD.last
            }
            guard let g = target else { continue }
            for i in state.mentions.indices where state.mentions[i].actor == d { state.mentions[i].actor = g }
        }
    }

    /// «العميد عبد الرحمن حسين الخطيب («أبو حسين الأردني»)»: a discovered person in brackets right
    /// after another person's name is that person's other name (a kunya, a nom de guerre).
    private func bracketedNames(_ state: inout State) {
        let tokens = state.tokens
        // The token after each person's name → that person.
        var personBefore: [Int: Int] = [:]
        for m in state.mentions where m.kind == .name && state.actors[m.actor].type == .person { personBefore[m.tokens.upperBound] = m.actor }
        guard !personBefore.isEmpty else { return }
        for d in state.actors.indices where state.actors[d].discovered && state.actors[d].type == .person {
            let host = state.mentions.lazy.compactMap { m -> Int? in
                guard m.actor == d, m.kind == .name else { return nil }
                var k = m.tokens.lowerBound - 1
                if k >= 0, tokens[k].word == DiscoveryPatterns.quote { k -= 1 }
                guard k >= 0, tokens[k].word == DiscoveryPatterns.openParen, let p = personBefore[k], p != d else { return nil }
                return p
            }.first
            guard let host else { continue }
            for i in state.mentions.indices where state.mentions[i].actor == d { state.mentions[i].actor = host }
        }
    }

    private func mergeVariants(_ state: inout State) {
        bracketedNames(&state)
        mergePersons(&state)
        // The cores of the spellings each actor is named with, kept up to date as actors merge
        // (instead of a scan of every mention for every pair of actors), each computed once.
        // The spellings are gathered when first asked, before any merge below: most documents
        // have no discovered group to compare.
        var spellings: [Set<Word>]?
        var cores: [Word: [Word]] = [:]
        func cached(_ name: Word) -> [Word] {
            if let c = cores[name] { return c }
            let c = core(state.words(of: name.text))
            cores[name] = c
            return c
        }
        // Computed when first needed: most actors are never compared.
        var nameCores = [[Word]?](repeating: nil, count: state.actors.count)
        var spellingCores = [[[Word]]?](repeating: nil, count: state.actors.count)
        // An actor's cores are its name's core, then its spellings' cores (no array of both is
        // made: the search below asks for them for every pair of actors).
        func computeCores(_ g: Int) {
            if nameCores[g] == nil { nameCores[g] = cached(Word(state.actors[g].name)) }
            if spellingCores[g] == nil {
                if spellings == nil { spellings = state.spellings() }
                spellingCores[g] = spellings![g].map(cached)
            }
        }
        for d in state.actors.indices where state.actors[d].discovered && state.actors[d].type != .person {
            computeCores(d)
            let coreD = nameCores[d]!
            guard let head = coreD.first, head.count >= 4 else { continue }
            func variant(_ coreG: [Word]) -> Bool {
                !coreG.isEmpty && (coreG.starts(with: coreD) || coreD.starts(with: coreG))
            }
            let target = state.actors.indices.first { g in
                guard g != d, state.actors[g].type == .faction || state.actors[g].type == .unit,
                      !state.actors[g].discovered || g < d else { return false }
                computeCores(g)
                return variant(nameCores[g]!) || spellingCores[g]!.contains(where: variant)
            }
            guard let g = target else { continue }
            for i in state.mentions.indices where state.mentions[i].actor == d { state.mentions[i].actor = g }
            spellingCores[g]! += spellingCores[d]!
            spellingCores[d] = []
        }
    }

    // MARK: - States as places

    private func locativeStates(_ state: inout State) {
        let tokens = state.tokens
        // Each state's name mentions, in text order, and whether each names a place.
        // (Passes add mentions out of text order, and two may share tokens: sort, and never
        // assume the previous one ends before the next starts.)
        let names = state.mentions.indices.filter {
            let a = state.mentions[$0].actor
            return a >= 0 && state.actors[a].type == .state && state.mentions[$0].kind == .name
        }.sorted { state.mentions[$0].tokens.lowerBound < state.mentions[$1].tokens.lowerBound }
        // Whether mention `i` names the state as a place («في لبنان», «مقاتلين من لبنان»).
        func namesPlace(_ i: Int) -> Bool {
            let m = state.mentions[i]
            let first = tokens[m.tokens.lowerBound].text
            if first.hasPrefix("ب") && !ArabicNormalizer.normalize(state.actors[m.actor].name).hasPrefix("ب") && m.text.first != "ب" { return true }
            guard m.tokens.lowerBound > 0 else { return false }
            let k = m.tokens.lowerBound
            let before = tokens[k - 1].word
            if DocumentCleanup.sponsorCues.contains(before) { return false }
            if before == "من" {
                guard k > 1 else { return false }
                let previous = tokens[k - 2].word
                if DocumentCleanup.locatives.contains(previous) || DocumentCleanup.sponsorCues.contains(previous) { return false }
                if DocumentCleanup.departures.contains(previous) { return true }
                // «مقاتلين (شيعة) من لبنان»: where fighters come from, not a state that acts.
                return DocumentCleanup.people.contains(previous)
                    || (k > 2 && DocumentCleanup.people.contains(tokens[k - 3].word) && DocumentCleanup.origins.contains(previous))
            }
            if before == "مع", k > 1, ["الحدود", "حدود"].contains(tokens[k - 2].word) { return true }
            return DocumentCleanup.locatives.contains(before) && before != "من"
        }
        var locative = names.map(namesPlace)
        // «من لبنان والعراق وإيران»: states listed after a place are places too.
        for n in names.indices.dropFirst() where !locative[n] && locative[n - 1] {
            let i = names[n], j = names[n - 1]
            guard state.mentions[j].tokens.upperBound <= state.mentions[i].tokens.lowerBound else { continue }
            let gap = state.mentions[j].tokens.upperBound..<state.mentions[i].tokens.lowerBound
            let conjunction = state.mentions[i].clitic.hasPrefix("و")
            guard gap.count <= 2, gap.allSatisfy({ DocumentCleanup.listJoiners.contains(tokens[$0].word) }), conjunction || !gap.isEmpty else { continue }
            locative[n] = true
        }
        // A state all of whose names are places is no actor in this document.
        for a in Set(names.map { state.mentions[$0].actor }) {
            let mine = names.indices.filter { state.mentions[names[$0]].actor == a }
            if mine.allSatisfy({ locative[$0] }) { for n in mine { state.mentions[names[n]].actor = -1 } }
        }
        state.mentions.removeAll { $0.actor < 0 }
    }
}
