/// Patterns that find actors the gazetteer lacks, on the tokens the gazetteer left free.
///
/// - numbered units: «الفرقة الرابعة», «الفوج 47», «فرع الأمن العسكري 261»;
/// - a head and a quoted name: «ميليشيا "صقور الصحراء"», «غرفة "فتح حلب"» (the name is the quote);
/// - a head and an unquoted name: «لواء الباقر», «كتائب الفاروق»; weak heads («حركة», «تجمع»)
///   need a name with the article, which keeps out «حركة نزوح واسعة»;
/// - persons after a rank or role: «العميد ناصر رستم», «قائد اللواء الثامن سابقا أحمد العودة»,
///   «زعيم تنظيم داعش في الجنوب (أبو سالم العراقي)»;
/// - persons before a role: «عمر حافظ، المسؤول الإعلامي في …».
/// Names stop at prepositions, relative pronouns, cues and punctuation; trailing adjectives of
/// sect or allegiance («الشيعية», «الموالية») are not part of a name.
struct DiscoveryPatterns {
    let lexicon: DiscoveryLexicon
    let state: State
    /// Token → index of the gazetteer mention covering it (built once per document).
    private let mentionAt: TokenMentions
    private var tokens: [Token] { state.tokens }
    private let openers: Openers
    private var literals: Literals { openers.literals }

    /// The word sets the patterns test at every token, united once per lexicon (the unions were
    /// a quarter of the extractor's time when made at each token, and still visible once per document).
    struct Openers: Sendable {
        /// Heads of an unquoted name, and of a quoted one.
        let namedHeads: Set<Word>
        let quotedHeads: Set<Word>
        /// Every word a group pattern opens with, and every word a person pattern can open with:
        /// a token none of whose readings is in them is passed over without trying each pattern.
        let groupOpeners: Set<Word>
        let personOpeners: Set<Word>
        let groupFilter: WordFilter
        let personFilter: WordFilter
        /// Both sets' words: most readings are in neither, which one test says.
        let anyFilter: WordFilter
        /// The single words the patterns compare tokens with.
        let literals = Literals()

        init(_ lexicon: DiscoveryLexicon) {
            namedHeads = lexicon.strongHeads.union(lexicon.weakHeads)
            quotedHeads = namedHeads.union(DiscoveryPatterns.descriptorHeads).union(DiscoveryPatterns.quotedOnlyHeads)
            groupOpeners = quotedHeads.union(lexicon.numberedHeads).union(DiscoveryPatterns.namingWords)
            personOpeners = lexicon.personTriggers.union(lexicon.roleWords).union(lexicon.givenNames).union(["ابو"]).union(DiscoveryPatterns.possessiveRoles)
                .union(DiscoveryPatterns.leadership).union(DiscoveryPatterns.listCues).union(DiscoveryPatterns.pronounListCues)
            groupFilter = WordFilter(groupOpeners)
            personFilter = WordFilter(personOpeners)
            anyFilter = WordFilter(groupOpeners.union(personOpeners))
        }

        static let group: UInt8 = 1, person: UInt8 = 2

        /// The passes that can find a pattern at token `i`: `group` when a reading is in
        /// `groupOpeners`, `person` when one is in `personOpeners` or the token is a quote or a
        /// bracket (the first guards of the passes' patterns), with the bits `more` gives each
        /// reading's word. One walk of the readings serves every pass that asks. It depends only
        /// on the token's word, which `WordOpenings` counts on.
        @inline(__always)  // so that `more` is inlined too: called, it retained and released what it captured
        func mask(_ i: Int, _ state: State, more: (Word) -> UInt8 = { _ in 0 }) -> UInt8 {
            let word = state.tokens[i].word
            var mask = word.fingerprint == DiscoveryPatterns.quote.fingerprint && word == DiscoveryPatterns.quote
                || word.fingerprint == DiscoveryPatterns.openParen.fingerprint && word == DiscoveryPatterns.openParen ? Openers.person : 0
            state.readings.withReadings(i) { all in
                for r in all.indices {
                    let w = all[r].word
                    mask |= more(w)
                    guard anyFilter.mayContain(w) else { continue }
                    if groupFilter.mayContain(w) && groupOpeners.contains(w) { mask |= Openers.group }
                    if personFilter.mayContain(w) && personOpeners.contains(w) { mask |= Openers.person }
                }
            }
            return mask
        }
    }

    /// Words the patterns compare tokens with, made once per lexicon (in its `Openers`): a literal
    /// in a comparison made a `Word`, and hashed it, at each test; a literal array was also allocated.
    struct Literals: Sendable {
        let abu: Word = "ابو", fi: Word = "في", from: Word = "من", previous: Word = "سابق", general: Word = "اللواء"
        let ashar: Word = "عشر", ashara: Word = "عشره", operations: Word = "عمليات", dash: Word = "-", under: Word = "تحت"
        let forces: Word = "قوات", army: Word = "جيش", room: Word = "غرفه", group: Word = "مجموعه", front: Word = "جبهه"
        let division: Word = "فرقه", fullStop: Word = ".", colon: Word = ":", and: Word = "و"
        /// What stands between the names of a list: «و», commas, quote marks.
        let listJoiners: Set<Word> = ["و", "،", ",", "\""]
        /// Adjectives of tenure after a role's actor: «قائد حركة رجال الكرامة الجديد، …».
        let tenureAdjectives = DiscoveryLexicon.set(["الجديد", "الجديدة", "السابق", "السابقة", "الحالي", "الحالية"])
        /// Times that a comma may set off like a name: «قائد الفرقة، يوم الأحد، …».
        let timeWords = DiscoveryLexicon.set(["يوم", "صباح", "مساء", "ليلة", "فجر", "ظهر", "أمس", "مطلع", "منتصف", "نهاية", "بداية",
                                              "أواخر", "أوائل", "عصر", "شهر", "عام", "سنة", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
                                              "الخميس", "الجمعة", "السبت"])
        /// Syrian provinces by their one-word names, and the two-word ones by their first word.
        let provinces = DiscoveryLexicon.set(["دمشق", "حلب", "حمص", "حماة", "إدلب", "اللاذقية", "طرطوس", "درعا", "السويداء", "القنيطرة",
                                              "الرقة", "الحسكة", "الساحل", "البادية", "الجزيرة"])
        let twoWordProvinces: [Word: Word] = [Word("دير"): Word("الزور"), Word("ريف"): Word("دمشق")]
        /// Words before «جبهة» that make it a battle front: «على جبهة الملاح».
        let frontPrepositions = DiscoveryLexicon.set(["على", "عند", "طول", "محور"])
        /// Titles before a proper name in a group's name: «السيدة زينب», «الإمام الحسين», «الشهيد أحمد».
        let honorifics = DiscoveryLexicon.set(["السيدة", "السيد", "الإمام", "الشهيد", "الشيخ", "الحاج", "النبي", "الصحابي"])
        /// The first word of a kunya: «أبو عمر الإدلبي», «أبي حسين الحمصي».
        let kunyaOpeners = DiscoveryLexicon.set(["أبو", "أبي"])
        /// Words between a role and its actor: «قائد … في/ب/ل/لدي».
        let rolePrepositions: [Word] = ["في", "ب", "ل", "لدي"]
        /// Words passed over between a role's actor and the name: «في», «باسم», «سابقا», ….
        let roleHops: [Word] = ["في", "باسم", "لدي", "سابقا", "حاليا", "ب", "عن"]
        /// Kinds of a numbered unit: «الفرقة الرابعة مدرعات».
        let unitKinds: [Word] = ["مدرعات", "دبابات", "مشاه", "مدرعه", "اقتحام", "مهام"]
        /// Openings of a word glued to a preposition or «و» that ends a name after its second word.
        let gluedOpenings = ["با", "بال", "لل", "لا", "كا", "وب", "ول"]
    }

    /// `Openers.masks` of the document's tokens.
    private let opens: [UInt8]

    init(lexicon: DiscoveryLexicon, openers: Openers, state: State, opens: [UInt8]) {
        self.lexicon = lexicon
        self.state = state
        self.openers = openers
        self.opens = opens
        var index = TokenMentions(count: state.tokens.count)
        for (i, m) in state.mentions.enumerated() where m.kind == .name { for t in m.tokens { index[t] = i } }
        self.mentionAt = index
    }

    static let quote: Word = "\""
    static let openParen: Word = "(", closeParen: Word = ")"
    static let arabicComma: Word = "،", comma: Word = ","
    static let descriptorHeads: Set<Word> = DiscoveryLexicon.set(["ميليشيا", "مليشيا", "ميلشيا", "ميليشيات", "مليشيات", "تشكيل"])
    /// Heads too common to open an unquoted name («قوات الأمن»), but fine before a quoted one.
    static let quotedOnlyHeads: Set<Word> = DiscoveryLexicon.set(["قوات", "القوات", "ميليشيات", "فصائل", "مجموعات"])
    static let unitHeads: Set<Word> = DiscoveryLexicon.set(["فرع", "الفرع", "شعبة", "مجموعة", "الفرقة", "الفوج", "الكتيبة", "الفيلق", "فوج", "كتيبة", "القطاع"])
    static let genericNames: Set<Word> = DiscoveryLexicon.set([
        "المشاة", "المدفعية", "الدبابات", "المدرعات", "الصواريخ", "النخبة", "المغاوير", "الاقتحام", "الإسناد", "الدعم", "الاحتياط",
        "الاحتلال", "الأمن", "الجيش", "المعارضة", "الثوار", "المسلحين", "المسلحة", "الفصائل", "المقاتلين", "الموالين", "العمليات",
        "القتال", "الجبهات", "الحدود", "المنطقة", "الحكومة", "النظام", "الشعب", "الوزراء", "الأمم", "التحرير", "الدولي", "الدولية",
        "البعث", "العسكرية", "العسكري", "الأمنية", "الإنقاذ", "المصالحة", "التسوية", "التفاوض", "المركزية", "الشعبية", "الوطنية",
        "اللواء", "الفرقة", "الفوج", "الكتيبة", "الفيلق", "الفرع", "التنظيم", "الحركة", "الميليشيا", "الجماعة", "الفصيل", "المجموعة",
        "الجبهة", "الهيئة", "المجلس", "الحزب", "الغرفة", "القيادة", "الإدارة", "الوزارة",
        // Civil fields name a council or commission of an administration, not an armed body: «هيئة المالية», «مجلس الشورى».
        "المالية", "الاقتصاد", "الاقتصادية", "الصحة", "الصحية", "التعليم", "التربية", "الزراعة", "الإعلام", "الإعلامية",
        "السياسية", "السياسي", "الشورى", "الخدمات", "الإغاثة", "القضاء", "العدل", "الأوقاف", "الشؤون",
        // Verbal nouns after «حركة» name a movement of people, not a group: «حركة الانشقاق في صفوف …».
        "الانشقاق", "الانشقاقات", "النزوح", "الاحتجاج", "الاحتجاجات", "السير", "المرور", "التنقل", "الهجرة", "التهريب", "التجارة", "البضائع", "الأشخاص", "النقل",
        "الجماعات", "التنظيمات", "الميليشيات", "المجموعات", "الكتائب", "الألوية", "الوحدات", "القوات", "التشكيلات", "العصابات", "الفرق",
        "أخرى", "أخرى", "عسكرية", "جديدة", "مسلحة", "محلية", "كاملة", "عدة", "كثيرة", "تابعة",
    ])
    /// A preposition or conjunction glued to the article: a word that starts with one opens a new phrase.
    static let gluedArticles = ["وال", "بال", "لل", "كال", "فال"]
    /// Words that open a proper name without the article: «لواء أبو الفضل العباس», «لواء ذو الفقار».
    static let nameOpeners: Set<Word> = DiscoveryLexicon.set(["أبو", "ابو", "أبي", "ذو", "ذي", "بني", "بنو", "آل"])

    /// Groups first, then persons: a person's pattern often runs through the group it belongs to
    /// («المسؤول الإعلامي في ميليشيا “الباقر” محمد هنداوي»).
    /// Candidates of every sentence, in order. Sentences do not overlap and no candidate
    /// leaves its sentence, so one copy of the coverage serves the whole document.
    func discover(in sentences: [Sentence]) -> [Candidate] {
        var taken = state.covered
        var found: [Candidate] = []
        for sentence in sentences { discover(in: sentence.tokenRange, taken: &taken, found: &found) }
        return found
    }

    private func discover(in range: Range<Int>, taken: inout [Bool], found: inout [Candidate]) {
        for persons in [false, true] {
            if persons {
                for c in listedGroups(range, taken) {
                    found.append(c)
                    for t in c.tokens { taken[t] = true }
                }
                quotedConjuncts(range, &taken, &found)
            }
            let pass = persons ? Openers.person : Openers.group
            var i = range.lowerBound
            while i < range.upperBound {
                let c = opens[i] & pass == 0 ? nil : persons ? person(at: i, range, taken) : group(at: i, range, taken)
                if let c, !c.tokens.contains(where: { taken[$0] }) {
                    found.append(c)
                    for t in c.tokens { taken[t] = true }
                    i = c.tokens.upperBound
                } else {
                    i += 1
                }
            }
        }
    }

    // Each pass is tried only at the tokens that can open one of its patterns at all (a necessary
    // condition of every pattern of the pass, see their first guards): `Openers.masks`.
    // «و» + a given name (`personBeforeRole`) is a reading in `personOpeners`: «و» needs no test.

    private func group(at i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        numbered(i, range, taken) ?? quoted(i, range, taken) ?? headed(i, range, taken) ?? namedAs(i, range, taken)
    }

    private func person(at i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        personAfterTrigger(i, range, taken) ?? personBeforeRole(i, range, taken) ?? quotedPerson(i, range, taken) ?? kunya(i, range, taken)
            ?? nextListedPerson(i, range, taken)
    }

    /// «وتضم قائمة الفصائل المنضمة إلى الحرس اليوم: المقاومة الشعبية التوحيدية، قوات درع الجنوب، …، ورجال
    /// الكفر»: the names listed after a colon that a plural noun of armed groups announces (within
    /// `listReach` words before it). A list is two items or more, each of one to four free words
    /// ended by a comma, «و» or the sentence's end; a longer item is prose, and ends the list.
    private func listedGroups(_ range: Range<Int>, _ taken: [Bool]) -> [Candidate] {
        guard let colon = range.first(where: { tokens[$0].word == literals.colon }),
              (max(range.lowerBound, colon - DiscoveryPatterns.listReach)..<colon).contains(where: {
                  tokens[$0].kind == .word && reading($0, in: DiscoveryPatterns.listNouns) != nil }) else { return [] }
        var items: [Range<Int>] = []
        var prefixes: [Int] = []
        var count = 0
        var k = colon + 1
        while k < range.upperBound {
            while k < range.upperBound, tokens[k].word == DiscoveryPatterns.quote { k += 1 }
            guard isWord(k, range) else { break }
            // «ورجال الكفر»: the last item's «و» is not its name's (but «وحدات» is a word).
            let w = tokens[k].word
            let prefix = count > 0 && w.hasPrefix("و") && !w.hasPrefix("وحد") && w.count > 3 ? 1 : 0
            var end = k + 1
            while isWord(end, range), !tokens[end].word.hasPrefix("و") || tokens[end].word.hasPrefix("وحد") { end += 1 }
            guard end - k <= 4 else { break }
            count += 1
            let words = k..<end
            if !words.contains(where: { taken[$0] || isStopWord($0) }),
               !words.allSatisfy({ DiscoveryPatterns.genericNames.contains(tokens[$0].word) || lexicon.trailingModifiers.contains(tokens[$0].word) }) {
                items.append(words)
                prefixes.append(prefix)
            }
            k = end
            while k < range.upperBound, tokens[k].word == DiscoveryPatterns.quote { k += 1 }
            if k < range.upperBound, tokens[k].word == DiscoveryPatterns.arabicComma || tokens[k].word == DiscoveryPatterns.comma { k += 1 }
            else if !(isWord(k, range) && tokens[k].word.hasPrefix("و")) { break }
        }
        guard count >= 2 else { return [] }
        return zip(items, prefixes).map { candidate(.faction, $0, prefix: $1) }
    }

    /// «“حركة رجال الكرامة” و”المقاومة الشعبية التوحيدية” و”قوات درع الجنوب”»: a quoted name joined by «و» or a
    /// comma to a group's name is another group. Walked in text order, so that each found name
    /// vouches for the next.
    private func quotedConjuncts(_ range: Range<Int>, _ taken: inout [Bool], _ found: inout [Candidate]) {
        var k = range.lowerBound
        while k < range.upperBound {
            defer { k += 1 }
            guard tokens[k].word == DiscoveryPatterns.quote, followsGroupAndConjunction(k, range, taken) else { continue }
            var close = k + 1
            while close < range.upperBound, close - k <= 6, tokens[close].kind == .word, !taken[close] { close += 1 }
            guard close < range.upperBound, close > k + 1, close - k - 1 <= 5, tokens[close].word == DiscoveryPatterns.quote else { continue }
            let words = (k + 1)..<close
            // «“رامي الحريري” القيادي في اللواء الثامن، و“طارق الجوفي”»: people listed after a group are people.
            if startsPersonName(k + 1) || words.contains(where: { isStopWord($0) }) || words.allSatisfy({ DiscoveryPatterns.genericNames.contains(tokens[$0].word)
                                                                             || lexicon.trailingModifiers.contains(tokens[$0].word) }) { continue }
            let c = candidate(.faction, words)
            found.append(c)
            for t in words { taken[t] = true }
            k = close
        }
    }

    /// Whether the quote mark at `k` follows «و», a comma or both, and before them (past a closing
    /// quote) a group's name: a gazetteer actor that is no person, or a group found in this pass.
    private func followsGroupAndConjunction(_ k: Int, _ range: Range<Int>, _ taken: [Bool]) -> Bool {
        var j = k - 1
        var joined = false
        while j >= range.lowerBound, tokens[j].word == literals.and || tokens[j].word == DiscoveryPatterns.arabicComma
                || tokens[j].word == DiscoveryPatterns.comma {
            joined = true
            j -= 1
        }
        // «و”المقاومة»: the «و» glued to the quote is its own token; «، و"…"» has both.
        guard joined else { return false }
        if j >= range.lowerBound, tokens[j].word == DiscoveryPatterns.quote { j -= 1 }
        guard j >= range.lowerBound, taken[j] else { return false }
        if let m = mentionAt[j] { return state.actors[state.mentions[m].actor].type != .person }
        return true
    }

    /// How many tokens before a colon the plural noun of a list may stand.
    static let listReach = 10
    /// Plural nouns of armed groups that announce a list: «الفصائل», «المجموعات», «الألوية».
    static let listNouns: Set<Word> = DiscoveryLexicon.set(["الفصائل", "فصائل", "المجموعات", "التشكيلات", "الألوية", "الكتائب",
                                                          "الميليشيات", "المليشيات"])

    // MARK: - Token helpers

    private func isWord(_ i: Int, _ range: Range<Int>) -> Bool { range.contains(i) && tokens[i].kind == .word }
    private func isQuote(_ i: Int, _ range: Range<Int>) -> Bool { range.contains(i) && (tokens[i].word == DiscoveryPatterns.quote || tokens[i].word == DiscoveryPatterns.openParen) }

    /// The clitic reading of token `i` that is in `set`, if any.
    private func reading(_ i: Int, in set: Set<Word>) -> CliticVariants.Reading? {
        state.readings.withReadings(i) { all in all.indices.first { set.contains(all[$0].word) }.map { all[$0] } }
    }

    private func isNumber(_ word: Word) -> Bool { word.text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    private func candidate(_ type: ActorType, _ range: Range<Int>, prefix: Int = 0, discoveredName: String? = nil) -> Candidate {
        let start = tokens[range.lowerBound].start + prefix
        let end = tokens[range.upperBound - 1].end
        let original = state.text.originalText(state.text.originalRange(start, end))
        let name = state.vocabulary?.displayName(of: original, DiscoveryPatterns.displayName) ?? DiscoveryPatterns.displayName(original)
        let (id, nameEn) = state.identity(ofName: name)
        let actor = FoundActor(id: id, name: name, nameEn: nameEn, type: type, side: nil, parent: nil, discovered: true)
        return Candidate(actor: actor, tokens: range, start: start, end: end, kind: .name)
    }

    /// The name as shown in the graph: diacritics, tatweel and quote marks removed, spaces folded.
    private static func displayName(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { s in
            !((0x064B...0x065F).contains(s.value) || s.value == 0x0640 || s.value == 0x0670 || "\"«»“”„'’‘()".unicodeScalars.contains(s))
        }
        return String(String.UnicodeScalarView(kept)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Words of a name from `j`: free words that are not stop words, at most `limit`.
    private func nameWords(from j: Int, _ range: Range<Int>, _ taken: [Bool], limit: Int, person: Bool = false) -> Range<Int> {
        var k = j
        while k < range.upperBound, k - j < limit, tokens[k].kind == .word, !taken[k] {
            let w = tokens[k].word
            if isStopWord(k) || isNumber(w) { break }
            if k > j && DiscoveryPatterns.gluedArticles.contains(where: { w.hasPrefix($0) }) { break }
            if person {
                if w.count == 1 { break }  // «لـ"هيئة…"»: a detached preposition
                if lexicon.roleWords.contains(w) || lexicon.nicknameCues.contains(w) || lexicon.personTriggers.contains(w)
                    || DiscoveryPatterns.roleAdverbs.contains(w) || DiscoveryPatterns.oneOfTheMost.contains(w) { break }
                if k > j && w.hasPrefix("و") && !state.isGivenName(k, lexicon) { break }
                // «ناصر رستم أمين عام حزب الله»: «أمين» before «عام» is the title, not a given name.
                if k > j, k + 1 < range.upperBound, DiscoveryPatterns.secretary.contains(w),
                   DiscoveryPatterns.general.contains(tokens[k + 1].word) { break }
                if k > j && (w.hasPrefix("ب") || w.hasPrefix("ل")) && w.count > 3 && reading(k, in: lexicon.stopWords) != nil { break }
                // «محمود أبو حصيني بإطلاق …»: a preposition glued to a noun ends the name.
                if k > j + 1, !state.isGivenName(k, lexicon), literals.gluedOpenings.contains(where: { w.hasPrefix($0) }) { break }
            } else {
                // «لواء الزبير ابن العوام»: «ابن»/«بن» and the father's name go on with a name.
                if k > j, DiscoveryPatterns.patronymics.contains(w), k + 1 < range.upperBound, k + 1 - j < limit,
                   tokens[k + 1].kind == .word, !taken[k + 1], !isStopWord(k + 1) {
                    k += 2
                    continue
                }
                if k > j && w.hasPrefix("و") && w.count > 3 && !w.hasPrefix("وحد") { break }
                // A construct chain: indefinite words, then definite ones that agree. After a definite
                // word an indefinite one starts something else: «كتائب الصفوة تجمعاً», «الرديفة المتواجدة».
                // A name after an honorific goes on: «لواء السيدة زينب», «كتائب الشهيد أحمد العبدو».
                if k > j, !w.hasPrefix("ال"), (j..<k).contains(where: { tokens[$0].word.hasPrefix("ال") }),
                   !literals.honorifics.contains(tokens[k - 1].word) { break }
            }
            k += 1
        }
        return j..<k
    }

    static let patronymics: Set<Word> = DiscoveryLexicon.set(["ابن", "بن"])

    /// A stop word by its original spelling: «على» (on) stops a name, «علي» (Ali) does not,
    /// though both normalize to «علي».
    private func isStopWord(_ k: Int) -> Bool {
        lexicon.stopWords.contains(tokens[k].word) && !state.isGivenName(k, lexicon)
    }

    private func trimModifiers(_ r: Range<Int>) -> Range<Int> {
        var end = r.upperBound
        while end > r.lowerBound && lexicon.trailingModifiers.contains(tokens[end - 1].word) { end -= 1 }
        return r.lowerBound..<end
    }

    // MARK: - Groups and units

    private func numbered(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i], let head = reading(i, in: lexicon.numberedHeads) else { return nil }
        var j = i + 1
        // «فرع الأمن العسكري 261», «فرع المخابرات الجوية 251»: up to three words before the number.
        if head.word.hasSuffix("فرع") {
            var k = j
            while k < min(j + 3, range.upperBound), tokens[k].kind == .word, !isNumber(tokens[k].word), !lexicon.stopWords.contains(tokens[k].word) { k += 1 }
            if k < range.upperBound, isNumber(tokens[k].word) { j = k }
        }
        guard isWord(j, range), !taken[j] else { return nil }
        if isNumber(tokens[j].word) {
            j += 1
        } else if lexicon.ordinals.contains(tokens[j].word) {
            j += 1
            if isWord(j, range), tokens[j].word == literals.ashar || tokens[j].word == literals.ashara { j += 1 }
        } else {
            return nil
        }
        // «الفرقة الرابعة مدرعات»
        if isWord(j, range), literals.unitKinds.contains(tokens[j].word) { j += 1 }
        if (i..<j).contains(where: { taken[$0] }) { return nil }
        return candidate(.unit, i..<j, prefix: head.prefixLength)
    }

    private func quoted(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i], let head = reading(i, in: openers.quotedHeads) else { return nil }
        var j = i + 1
        if isWord(j, range), tokens[j].word == literals.operations { j += 1 }
        // «كتيبة "خالد بن الوليد"», and in brackets: «كتيبة (أبي عبيدة بن الجراح)».
        guard isQuote(j, range) else { return nil }
        let close = closingMark(j)
        var k = j + 1
        while k < range.upperBound, k - j <= 7, tokens[k].word != close { k += 1 }
        guard k < range.upperBound, tokens[k].word == close, k - j - 1 >= 1, k - j - 1 <= 6,
              (j + 1..<k).allSatisfy({ tokens[$0].kind == .word || tokens[$0].word == literals.dash }),
              !(j + 1..<k).contains(where: { taken[$0] }) else { return nil }
        if k - j - 1 == 1, DiscoveryPatterns.genericNames.contains(tokens[j + 1].word) { return nil }
        let type: ActorType = DiscoveryPatterns.unitHeads.contains(head.word) ? .unit : .faction
        return candidate(type, (j + 1)..<k)
    }

    private func headed(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i] else { return nil }
        let descriptor = reading(i, in: DiscoveryPatterns.descriptorHeads) != nil
        guard let head = reading(i, in: openers.namedHeads) ?? reading(i, in: DiscoveryPatterns.descriptorHeads) else { return nil }
        if i > range.lowerBound, tokens[i - 1].word == literals.under { return nil }  // «تحت لواء» = under the banner of
        // «وقاتلت … على جبهة الملاح»: a battle front, not a group the gazetteer lacks.
        if i > range.lowerBound, head.word == literals.front, literals.frontPrepositions.contains(tokens[i - 1].word) { return nil }
        let weak = lexicon.weakHeads.contains(head.word) || head.word == literals.forces || head.word == literals.army || head.word == literals.room
        var j = i + 1
        if head.word == literals.room, isWord(j, range), tokens[j].word == literals.operations { j += 1 }
        // «فرقة حمص», «فرقة دير الزور»: the new army's divisions are named after their province.
        if head.word == literals.division, let place = provinceName(at: j, range, taken) {
            return candidate(.unit, i..<place.upperBound, prefix: head.prefixLength)
        }
        // A patron's full name takes a word more: «لواء علي بن أبي طالب».
        let patronymic = isWord(j + 1, range) && DiscoveryPatterns.patronymics.contains(tokens[j + 1].word)
        let words = trimModifiers(nameWords(from: j, range, taken, limit: head.word == literals.group || patronymic ? 4 : 3))
        guard !words.isEmpty else { return nil }
        let texts = words.map { tokens[$0].word }
        // «في “جيش النخبة” المنضوي …»: quotes around head and words make even generic words a name.
        let quotedWhole = i > range.lowerBound && tokens[i - 1].word == DiscoveryPatterns.quote
            && words.upperBound < range.upperBound && tokens[words.upperBound].word == DiscoveryPatterns.quote
        if !quotedWhole, texts.allSatisfy({ DiscoveryPatterns.genericNames.contains($0) || lexicon.trailingModifiers.contains($0) }) { return nil }
        if lexicon.trailingModifiers.contains(texts[0]) { return nil }
        if head.word == literals.group {
            // «مجموعة أبو علي سلامة»: a group named after its leader.
            guard lexicon.givenNames.contains(texts[0]) || texts[0] == literals.abu, texts.count >= 2 else { return nil }
            return candidate(.unit, i..<words.upperBound, prefix: head.prefixLength)
        }
        if (weak || descriptor), !texts.contains(where: { $0.hasPrefix("ال") }) { return nil }
        // «لواء القدس», «ألوية صقور الشام», «لواء فاطميون», «لواء ذو الفقار» — but not «كتائب أخرى».
        let properStart = texts.prefix(2).contains { $0.hasPrefix("ال") } || DiscoveryPatterns.nameOpeners.contains(texts[0])
            || (texts[0].hasSuffix("يون") && texts[0].count >= 5)
            || (texts.count >= 3 && DiscoveryPatterns.patronymics.contains(texts[1]) && state.isGivenName(words.lowerBound, lexicon))
        if !properStart { return nil }
        if descriptor { return candidate(.faction, words) }
        let type: ActorType = DiscoveryPatterns.unitHeads.contains(head.word) ? .unit : .faction
        return candidate(type, i..<words.upperBound, prefix: head.prefixLength)
    }

    /// The tokens of a Syrian province's name at `j` (one or two words), free of other mentions.
    private func provinceName(at j: Int, _ range: Range<Int>, _ taken: [Bool]) -> Range<Int>? {
        guard isWord(j, range), !taken[j] else { return nil }
        if literals.provinces.contains(tokens[j].word) { return j..<(j + 1) }
        if isWord(j + 1, range), !taken[j + 1], let second = literals.twoWordProvinces[tokens[j].word], tokens[j + 1].word == second {
            return j..<(j + 2)
        }
        return nil
    }

    /// «أطلقت على التشكيل الجديد اسم فجر الإسلام», «يحمل اسم "…"»: a new group given a name.
    private func namedAs(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i], reading(i, in: DiscoveryPatterns.namingWords) != nil else { return nil }
        // «لقائد الميليشيا المعروف باسم “فراس العراقية”»: a nickname cue before «باسم» names a person.
        if i > range.lowerBound, lexicon.nicknameCues.contains(tokens[i - 1].word) { return nil }
        guard range.contains(where: { DiscoveryPatterns.groupNouns.contains(tokens[$0].word) }) else { return nil }
        var j = i + 1
        let quotedName = range.contains(j) && tokens[j].word == DiscoveryPatterns.quote
        if quotedName { j += 1 }
        let words = trimModifiers(nameWords(from: j, range, taken, limit: 3))
        guard !words.isEmpty, words.count >= 2 || quotedName else { return nil }
        let texts = words.map { tokens[$0].word }
        guard quotedName || texts.contains(where: { $0.hasPrefix("ال") }),
              !texts.allSatisfy({ DiscoveryPatterns.genericNames.contains($0) }) else { return nil }
        return candidate(.faction, words)
    }

    static let namingWords: Set<Word> = DiscoveryLexicon.set(["اسم", "باسم", "مسمى", "تسمية"])
    static let groupNouns: Set<Word> = DiscoveryLexicon.set(["التشكيل", "تشكيل", "الميليشيا", "ميليشيا", "المجموعة", "مجموعة", "الفصيل", "فصيل",
                                                              "اللواء", "الكتيبة", "الجماعة", "التنظيم", "ميليشيات", "مليشيات", "المليشيا"])

    // MARK: - Persons

    /// A quoted personal name: «“نواف البشير” شيخ قبيلة», «هو «أبو شهد»».
    private func quotedPerson(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i], tokens[i].word == DiscoveryPatterns.quote || tokens[i].word == DiscoveryPatterns.openParen else { return nil }
        // «الملقّب “أبو عزام”», «المعروف باسم (خالد باقر)»: a nickname of the person just named.
        if (max(range.lowerBound, i - 2)..<i).contains(where: { lexicon.nicknameCues.contains(tokens[$0].word) }) { return nil }
        // «بلدي نيوز - (عمر حاج حسين)», «بلدي نيوز - إدلب (مصعب العمر)»: a name after an outlet's dash
        // (and the place it writes from) is the writer's byline.
        if (max(range.lowerBound, i - 3)..<i).contains(where: { DiscoveryPatterns.dashes.contains(tokens[$0].word) }) { return nil }
        // «ألقى القبض على “تمام علي الشيخ” قائد قوات …»: a quoted name of two words or more that a role
        // follows is a person's, whatever its first word.
        guard let name = personName(from: i, range, taken, strict: true) ?? quotedBeforeRole(i, range, taken) else { return nil }
        // A given name alone in quotes is too weak; a kunya («أبو شهد») is a person.
        guard name.count >= 2 else { return nil }
        // A name in quotes or brackets that is its whole line says nothing of the person: a byline or a caption.
        if i == range.lowerBound, name.upperBound + 1 >= range.upperBound { return nil }
        return candidate(.person, name)
    }

    static let dashes: Set<Word> = ["-", "–", "—"]

    /// A kunya with a place of origin, unquoted and with no role around it: «أبو عمر الإدلبي», «أبي
    /// حسين الحمصي» — the nom de guerre of commanders and fighters. Not a place («أبو الظهور»,
    /// «أبو حمام»: no given name, no origin), nor a source the text calls a civilian or an activist
    /// («…، أحد سكان الحي», «الناشط أبو شادي الحموي»).
    private func kunya(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard literals.kunyaOpeners.contains(tokens[i].word), isWord(i + 1, range), isWord(i + 2, range),
              !taken[i + 1], !taken[i + 2], state.isGivenName(i + 1, lexicon), tokens[i + 1].word != tokens[i].word,
              DiscoveryPatterns.isNisba(tokens[i + 2].word), !isStopWord(i + 2) else { return nil }
        if i > range.lowerBound, lexicon.nonActorRoles.contains(tokens[i - 1].word) { return nil }
        if describedAsNonActor(after: i + 3, range, appositionOptional: true) { return nil }
        return candidate(.person, i..<(i + 3))
    }

    /// A definite adjective of origin: «الإدلبي», «العراقي», «الحمصي».
    static func isNisba(_ word: Word) -> Bool {
        word.hasPrefix("ال") && word.hasSuffix("ي") && word.count >= 5
    }

    /// The quoted words at `i` (two to four) when a role word follows the closing mark.
    private func quotedBeforeRole(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Range<Int>? {
        guard let words = quotedWords(from: i, range, taken), words.count >= 2 else { return nil }
        var k = words.upperBound + 1
        if range.contains(k), tokens[k].word == DiscoveryPatterns.arabicComma || tokens[k].word == DiscoveryPatterns.comma { k += 1 }
        guard isWord(k, range), lexicon.roleWords.contains(tokens[k].word) || DiscoveryPatterns.roleAdverbs.contains(tokens[k].word) else { return nil }
        guard !words.contains(where: { isStopWord($0) || DiscoveryPatterns.genericNames.contains(tokens[$0].word) }) else { return nil }
        return words
    }

    private func startsPersonName(_ i: Int) -> Bool {
        state.isGivenName(i, lexicon) || tokens[i].word == literals.abu
    }

    /// A person's name from `j`: quoted or in brackets, or two to four name words.
    private func personName(from j: Int, _ range: Range<Int>, _ taken: [Bool], strict: Bool) -> Range<Int>? {
        guard range.contains(j), !taken[j] else { return nil }
        if isQuote(j, range) {
            // After a rank («العميد "عناد الدرويش"») quotes mark a name of two words or more whatever its first word.
            guard let words = quotedWords(from: j, range, taken), startsPersonName(words.lowerBound) || (!strict && words.count >= 2) else { return nil }
            return words
        }
        guard tokens[j].kind == .word else { return nil }
        if strict && !startsPersonName(j) { return nil }
        // «الهيكل القيادي وتطوير الأداء»: a word glued to «و» that is no given name joins a phrase, never opens a name.
        if !startsPersonName(j), tokens[j].word.startsWithWaw { return nil }
        // «القيادي العسكري يصبح أكثر إقناعا»: a present-tense verb, not a name.
        if !startsPersonName(j), let first = tokens[j].text.first, "يتن".contains(first) { return nil }
        if tokens[j].word.hasPrefix("ال") && !state.isGivenName(j, lexicon) { return nil }
        // «للمرة الأولى», «للجناح العسكري»: a preposition glued to the article opens a phrase, never a name.
        if !startsPersonName(j), DiscoveryPatterns.gluedArticles.contains(where: { tokens[j].word.hasPrefix($0) }) { return nil }
        let words = nameWords(from: j, range, taken, limit: 4, person: true)
        guard words.count >= 2 || (words.count == 1 && tokens[j].word == literals.abu) == false && words.count >= 2 else { return nil }
        return words
    }

    private func personAfterTrigger(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i] else { return nil }
        var strict = false
        var j = i + 1
        if let trigger = reading(i, in: lexicon.personTriggers) {
            if trigger.word == literals.general, !(isWord(j, range) && startsPersonName(j)) { return nil }
            // «خلدون الزعبي الملقّب "أبو عزام"»: a nickname of the person just named, handled later.
            // (A name found earlier in this pass is no mention yet: «مؤيد الضويحي (الملقب بأبو نزار)».)
            if lexicon.nicknameCues.contains(trigger.word), i > range.lowerBound,
               (max(range.lowerBound, i - 2)..<i).contains(where: { t in
                   mentionAt[t].map { state.actors[state.mentions[$0].actor].type == .person } ?? (taken[t] && tokens[t].kind == .word) }) {
                return nil
            }
            if i > range.lowerBound, lexicon.nonActorRoles.contains(tokens[i - 1].word) { return nil }
            // «"داعش" الإرهابي لتضاف …», «النصرة الإرهابي للمرة الأولى»: after a group's name the word is its adjective.
            if DiscoveryPatterns.adjectivalTriggers.contains(trigger.word), followsActor(i, range, taken) { return nil }
            while isWord(j, range), lexicon.triggerModifiers.contains(tokens[j].word), j - i <= 3 { j += 1 }
        } else if reading(i, in: DiscoveryPatterns.possessiveRoles) != nil {
            // «لواء سليمان شاه وقائدها محمد حسين الجاسم»: the role's actor is its pronoun; the name follows.
            strict = true
        } else if reading(i, in: DiscoveryPatterns.listCues) != nil {
            // «مجموعة من المسؤولين في الحرس الوطني بينهم طارق المغوش»: names listed among a group's people.
            guard followsGroup(i, range, taken) else { return nil }
            strict = true
        } else if reading(i, in: DiscoveryPatterns.pronounListCues) != nil {
            // «ونعى البيان القتلى وهم "حسين محمدي، وسعيد كريمي"»: names the pronoun announces.
            while range.contains(j), [literals.colon, DiscoveryPatterns.openParen, DiscoveryPatterns.quote].contains(tokens[j].word) { j += 1 }
            strict = true
        } else if reading(i, in: DiscoveryPatterns.leadership) != nil {
            // «الفرقة 37 المشكلة حديثاً بقيادة أبو العز أريحا»: the leader's name, with a given name or a kunya.
            strict = true
        } else if reading(i, in: lexicon.roleWords) != nil, !tokens[i].word.hasPrefix("ال") {
            // «قائد اللواء الثامن سابقا أحمد العودة», «ضابط سابق في قوات النظام، بسام …»: the role, its actor, then the name.
            while isWord(j, range), lexicon.triggerModifiers.contains(tokens[j].word) || tokens[j].word == literals.previous, j - i <= 2 { j += 1 }
            // «مدير العلاقات العامة في "فيلق الشام" أحمد الأحمد»: the role's office, then «في» and its actor.
            if isWord(j, range), !taken[j], let office = officeBeforeActor(from: j, range, taken) { j = office }
            if isWord(j, range), literals.rolePrepositions.contains(tokens[j].word) { j += 1 }
            while isWord(j, range), !taken[j], reading(j, in: RelationExtractor.descriptors) != nil, j - i <= 4 { j += 1 }
            // «وقائد مليشيا "الدفاع الوطني" عبد القادر حمو»: the quote opening the actor's name.
            if tokens[j].word == DiscoveryPatterns.quote, j + 1 < range.upperBound, taken[j + 1] { j += 1 }
            guard range.contains(j), taken[j] || Anaphora.heads[tokens[j].word] != nil else { return nil }
            if !taken[j] { j += 1 }
            // «قائد الميليشيا المدعومة إيرانيا “خالد المرعي”»: a short description before a quoted name.
            var k = j
            while k < min(j + 4, range.upperBound), tokens[k].kind == .word, !taken[k] { k += 1 }
            if k > j, isQuote(k, range), personName(from: k, range, taken, strict: true) != nil { j = k }
            strict = true
        } else {
            return nil
        }
        // «القيادي في الجيش الحر فلان», «المتحدث باسم …», «قائد X سابقا فلان», «زعيم X في الجنوب (فلان)»
        var hops = 0
        while range.contains(j), hops < 6 {
            if taken[j], let m = mentionAt[j] {
                j = state.mentions[m].tokens.upperBound; strict = true
            } else if taken[j] {
                // A name found earlier in this same pass («ميليشيا “الباقر”»): step over it.
                while j < range.upperBound, taken[j] { j += 1 }
                strict = true
            } else if !taken[j], tokens[j].kind == .word, hops < 3, reading(j, in: RelationExtractor.descriptors) != nil,
                      j + 1 < range.upperBound, taken[j + 1] || tokens[j + 1].word == DiscoveryPatterns.quote {
                j += 1
            } else if tokens[j].kind == .word, literals.roleHops.contains(tokens[j].word)
                        || (strict && (literals.tenureAdjectives.contains(tokens[j].word) || lexicon.trailingModifiers.contains(tokens[j].word)))
                        || isPlaceBeforeName(j, range, strict: strict, hops: hops) {
                j += 1
            } else if tokens[j].word == DiscoveryPatterns.arabicComma || tokens[j].word == DiscoveryPatterns.comma || (tokens[j].word == DiscoveryPatterns.quote && ((j + 1 < range.upperBound && taken[j + 1]) || (j > range.lowerBound && taken[j - 1]))) {
                j += 1
            } else {
                break
            }
            hops += 1
        }
        if range.contains(j), lexicon.nonActorRoles.contains(tokens[j].word) { return nil }
        // «شخص يدعى "نابل العبد الله"»: a cue that says a name follows takes a quoted one whatever its first word.
        if reading(i, in: DiscoveryPatterns.namingCues) != nil, let name = quotedWords(from: j, range, taken), name.count >= 2 {
            return candidate(.person, name)
        }
        if let name = personName(from: j, range, taken, strict: strict) ?? apposedName(at: j, range, taken, strict: strict) {
            return describedAsNonActor(after: name.upperBound, range) ? nil : candidate(.person, name)
        }
        // «المبعوث الأمريكي إلى سوريا توماس باراك»: a short qualifier, then a given name.
        var k = j
        while k < min(j + 4, range.upperBound), tokens[k].kind == .word, !taken[k], !startsPersonName(k) { k += 1 }
        guard k > j, range.contains(k), startsPersonName(k), let name = personName(from: k, range, taken, strict: true) else { return nil }
        return candidate(.person, name)
    }

    /// A name set off by commas after a role and its actor, whatever its first word: «قائد حركة رجال
    /// الكرامة الجديد، مزيد خداج، إن …», «قائد قوات النجباء العراقية، سيد حيدر، …». Two or three
    /// words closed by a comma or the sentence's end; not a time («يوم الأحد») or a phrase.
    private func apposedName(at j: Int, _ range: Range<Int>, _ taken: [Bool], strict: Bool) -> Range<Int>? {
        guard strict, j > range.lowerBound, tokens[j - 1].word == DiscoveryPatterns.arabicComma || tokens[j - 1].word == DiscoveryPatterns.comma,
              let name = personName(from: j, range, taken, strict: false), (2...3).contains(name.count) else { return nil }
        // Not after a person's name («والقائد العام لـقسد، مظلوم عبدي، اتفاقية إطار»): that was the role's name.
        let before = j - 2
        if before >= range.lowerBound, taken[before],
           mentionAt[before].map({ state.actors[state.mentions[$0].actor].type == .person }) ?? true { return nil }
        // «، باستهداف موكبه،», «، بمحافظة الحسكة،»: a preposition glued to a noun opens a phrase.
        if let first = tokens[j].text.first, "بلكف".contains(first), !state.isGivenName(j, lexicon) { return nil }
        let end = name.upperBound
        guard end == range.upperBound || [DiscoveryPatterns.arabicComma, DiscoveryPatterns.comma, literals.fullStop].contains(tokens[end].word)
              || tokens[end].kind == .lineBreak else { return nil }
        guard !name.contains(where: { literals.timeWords.contains(tokens[$0].word) || lexicon.stopWords.contains(tokens[$0].word) }),
              !name.dropLast().contains(where: { tokens[$0].word.hasPrefix("ال") }) else { return nil }
        return name
    }

    /// The «في» after one to three words of an office («العلاقات العامة», «المكتب الإعلامي») when an
    /// actor's name (or the quote opening it) follows it; nil otherwise.
    private func officeBeforeActor(from j: Int, _ range: Range<Int>, _ taken: [Bool]) -> Int? {
        var k = j
        while k < j + 3, isWord(k, range), !taken[k], tokens[k].word != literals.fi, !isStopWord(k) { k += 1 }
        guard k > j, isWord(k, range), tokens[k].word == literals.fi else { return nil }
        var n = k + 1
        if range.contains(n), tokens[n].word == DiscoveryPatterns.quote { n += 1 }
        return range.contains(n) && taken[n] ? k : nil
    }

    /// Regions and cities named between an actor and a person's name («زعيم X في الجنوب (فلان)»).
    static let regions: Set<Word> = ["الجنوب", "الشمال", "المنطقه", "سوريا", "درعا", "حمص", "حلب", "ادلب", "دمشق"]

    /// Whether token `j`, past the actor, is a place before the person's name: a known region, or
    /// any one word after «في» and before a comma («لقائد X في محردة، سيمون الوكيل»).
    private func isPlaceBeforeName(_ j: Int, _ range: Range<Int>, strict: Bool, hops: Int) -> Bool {
        guard strict, hops > 0, tokens[j].kind == .word, !startsPersonName(j), j + 1 < range.upperBound else { return false }
        if tokens[j - 1].word == literals.fi, tokens[j + 1].word == DiscoveryPatterns.arabicComma { return true }
        return (tokens[j + 1].kind == .word || isQuote(j + 1, range)) && DiscoveryPatterns.regions.contains(tokens[j].word)
    }

    /// «أمين عام»: the title of a secretary-general after a name.
    static let secretary: Set<Word> = DiscoveryLexicon.set(["أمين"])
    static let general: Set<Word> = DiscoveryLexicon.set(["عام", "العام"])

    /// Leadership nouns after «ب»: «بقيادة فلان».
    static let leadership: Set<Word> = DiscoveryLexicon.set(["قيادة", "زعامة"])

    /// Roles with a pronoun for their actor: «قائدها», «زعيمه».
    static let possessiveRoles: Set<Word> = DiscoveryLexicon.set(["قائدها", "قائده", "زعيمها", "زعيمه", "متزعمها", "متزعمه",
                                                                  "مؤسسها", "مؤسسه", "أميرها", "أميره", "آمرها", "آمره"])

    /// Cues that announce the name that follows: «يدعى», «المدعو».
    static let namingCues: Set<Word> = DiscoveryLexicon.set(["يدعى", "المدعو", "المدعوة"])

    /// The one to four words between a quote mark (or bracket) at `j` and the one closing it.
    private func quotedWords(from j: Int, _ range: Range<Int>, _ taken: [Bool]) -> Range<Int>? {
        guard isQuote(j, range) else { return nil }
        let close = closingMark(j)
        var k = j + 1
        while k < range.upperBound, k - j <= 5, tokens[k].kind == .word, !taken[k] { k += 1 }
        guard k < range.upperBound, tokens[k].word == close, k - j - 1 >= 1, k - j - 1 <= 4 else { return nil }
        return (j + 1)..<k
    }

    /// The mark that closes the quote or bracket at token `j`.
    private func closingMark(_ j: Int) -> Word {
        tokens[j].word == DiscoveryPatterns.openParen ? DiscoveryPatterns.closeParen : DiscoveryPatterns.quote
    }

    /// Triggers that are also adjectives of a group: «الإرهابي زهران علوش» but «داعش الإرهابي».
    static let adjectivalTriggers: Set<Word> = DiscoveryLexicon.set(["الإرهابي", "الإرهابية", "المنشق"])

    /// Whether token `i` comes right after an actor's name (or the quote closing it).
    private func followsActor(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Bool {
        var k = i - 1
        if k >= range.lowerBound, tokens[k].word == DiscoveryPatterns.quote { k -= 1 }
        return k >= range.lowerBound && taken[k]
    }

    /// How many letters of conjunction precede the given name that token `i` starts with: 0 for
    /// «محسن», 1 for «ومحسن»; nil when it starts none.
    private func givenNameStart(_ i: Int) -> Int? {
        guard tokens[i].kind == .word else { return nil }
        if startsPersonName(i) { return 0 }
        // The reading that drops one letter is the word without its «و» (see `CliticVariants`).
        guard tokens[i].word.hasPrefix("و"),
              state.readings[i].contains(where: { $0.prefixLength == 1 && lexicon.givenNames.contains($0.word) }) else { return nil }
        return 1
    }

    private func personBeforeRole(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        // «ومحسن نفنوف رئيساً لفرع …»: a conjunction glued to the name.
        guard !taken[i], let prefix = givenNameStart(i) else { return nil }
        if i > range.lowerBound, lexicon.nonActorRoles.contains(tokens[i - 1].word) { return nil }
        let words = nameWords(from: i, range, taken, limit: 4, person: true)
        guard words.count >= 2 else { return nil }
        var k = words.upperBound
        // «مؤيد الضويحي (الملقب بأبو نزار)», «أبو عمار تفتناز (قائد أحرار الشام)»: the role in brackets.
        if range.contains(k), tokens[k].word == DiscoveryPatterns.arabicComma || tokens[k].word == DiscoveryPatterns.comma
            || tokens[k].word == DiscoveryPatterns.openParen { k += 1 }
        guard isWord(k, range) else { return nil }
        if isOneOfMembers(k, range, taken) { return candidate(.person, words, prefix: prefix) }
        let next = tokens[k].word
        guard lexicon.roleWords.contains(next) || lexicon.nicknameCues.contains(next) || DiscoveryPatterns.roleAdverbs.contains(next) else { return nil }
        // «…، مدير المرصد» is a monitor; «…، المسؤول الإعلامي في الكتائب» is a faction's official.
        if isWord(k + 1, range), lexicon.nonActorRoles.contains(tokens[k + 1].word), !(isWord(k + 2, range) && tokens[k + 2].word == literals.fi) { return nil }
        return candidate(.person, words, prefix: prefix)
    }

    /// Whether the words after a name say the person is no armed actor: «المكنى “أبو عيسى” وهو سائق
    /// أحد الصهاريج», «…، وهو أحد الأهالي»: a source quoted by name, not a fighter.
    /// With `appositionOptional`, a bare apposition says it too: «قال أبو أحمد الحمصي، أحد سكان الحي».
    private func describedAsNonActor(after end: Int, _ range: Range<Int>, appositionOptional: Bool = false) -> Bool {
        var k = end
        while range.contains(k), isQuote(k, range) || tokens[k].word == DiscoveryPatterns.arabicComma || tokens[k].word == DiscoveryPatterns.comma { k += 1 }
        guard isWord(k, range) else { return false }
        if DiscoveryPatterns.pronounsOfApposition.contains(tokens[k].word) { k += 1 } else if !appositionOptional { return false }
        if isWord(k, range), DiscoveryPatterns.oneOf.contains(tokens[k].word) { k += 1 }
        return isWord(k, range) && (lexicon.nonActorRoles.contains(tokens[k].word) || lexicon.civilians.contains(tokens[k].word))
    }

    /// Whether the words at `k` say «one of the members of» a group named next: «أحد عناصر "حزب الله"»,
    /// «أبرز إعلاميي لواء شهداء اليرموك», «أحد أبرز قادة الهيئة».
    private func isOneOfMembers(_ k: Int, _ range: Range<Int>, _ taken: [Bool]) -> Bool {
        var j = k
        while isWord(j, range), j - k < 2, DiscoveryPatterns.oneOfTheMost.contains(tokens[j].word) { j += 1 }
        guard j > k, isWord(j, range), DiscoveryPatterns.memberNouns.contains(tokens[j].word) else { return false }
        var n = j + 1
        if isQuote(n, range) { n += 1 }
        return range.contains(n) && taken[n] && isGroupName(n)
    }

    /// Whether a group's name (or the quote closing it) comes just before token `i`, past a comma
    /// and «من»: «في الحرس الوطني بينهم», «جيش الأسد، من ضمنهم».
    private func followsGroup(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Bool {
        var k = i - 1
        while k >= range.lowerBound, k >= i - 3, !taken[k],
              [DiscoveryPatterns.arabicComma, DiscoveryPatterns.comma, DiscoveryPatterns.quote, literals.from].contains(tokens[k].word) { k -= 1 }
        return k >= range.lowerBound && taken[k] && isGroupName(k)
    }

    /// Whether the taken token `k` names no person: a gazetteer mention of a group or state, or a
    /// name found earlier in this document's discovery, where groups come before persons.
    private func isGroupName(_ k: Int) -> Bool {
        mentionAt[k].map { state.actors[state.mentions[$0].actor].type != .person } ?? true
    }

    /// «بينهم طارق المغوش وطارق خويص»: a further name (with a given name) of a list of persons a
    /// cue opened, after «و» or a comma; every name between is one found already.
    private func nextListedPerson(_ i: Int, _ range: Range<Int>, _ taken: [Bool]) -> Candidate? {
        guard !taken[i], let prefix = givenNameStart(i) else { return nil }
        var k = i - 1
        if prefix == 0 {
            guard k >= range.lowerBound, tokens[k].word != DiscoveryPatterns.quote, literals.listJoiners.contains(tokens[k].word) else { return nil }
            k -= 1
        }
        var names = 0
        while k >= range.lowerBound, i - k <= 16 {
            if taken[k] {
                if let m = mentionAt[k], state.actors[state.mentions[m].actor].type != .person { return nil }
                if k == i - 1 || !taken[k + 1] { names += 1 }
            } else if reading(k, in: DiscoveryPatterns.listCues) != nil || reading(k, in: DiscoveryPatterns.pronounListCues) != nil {
                guard names > 0 else { return nil }
                let words = nameWords(from: i, range, taken, limit: 4, person: true)
                return words.count >= 2 ? candidate(.person, words, prefix: prefix) : nil
            } else if !literals.listJoiners.contains(tokens[k].word), tokens[k].word != DiscoveryPatterns.openParen, tokens[k].word != literals.colon,
                      !lexicon.personTriggers.contains(tokens[k].word), !lexicon.triggerModifiers.contains(tokens[k].word) {
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// «أحد», «إحدى», «أبرز» before the members of a group.
    static let oneOfTheMost: Set<Word> = oneOf.union(DiscoveryLexicon.set(["أبرز"]))
    /// Plural nouns of a group's people: «عناصر», «قادة», «إعلاميي».
    static let memberNouns: Set<Word> = DiscoveryLexicon.set(["قادة", "قيادات", "قياديي", "عناصر", "مقاتلي", "أمراء", "مسؤولي", "إعلاميي",
                                                              "شرعيي", "ضباط", "مؤسسي", "قضاة"])
    /// Cues before the names of some of a group's people: «بينهم», «من ضمنهم», «أبرزهم».
    static let listCues: Set<Word> = DiscoveryLexicon.set(["بينهم", "ضمنهم", "منهم", "أبرزهم"])
    /// Pronouns before a list of names: «وهم», «وهما».
    static let pronounListCues: Set<Word> = DiscoveryLexicon.set(["وهم", "وهما"])

    static let pronounsOfApposition: Set<Word> = DiscoveryLexicon.set(["وهو", "وهي", "هو", "هي"])
    static let oneOf: Set<Word> = DiscoveryLexicon.set(["أحد", "إحدى"])

    /// Roles in the accusative, after a name: «تعيين عدنان الأحمد رئيساً للفرع».
    static let roleAdverbs: Set<Word> = DiscoveryLexicon.set(["رئيسا", "قائدا", "مديرا", "زعيما", "متزعما", "أميرا", "مسؤولا", "نائبا", "مؤسس", "قائد",
                                                                   "قياديا", "عنصرا", "ضابطا", "مقاتلا"])
}
