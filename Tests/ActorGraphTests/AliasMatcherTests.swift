import Testing
@testable import ActorGraph

/// Table-driven matcher tests: (case, aliases, text, expected spans as the text they select).
@Suite("Alias matcher")
struct AliasMatcherTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var aliases: [String]
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain", aliases: ["لواء القدس"], text: "أعلن لواء القدس أمس", expected: ["لواء القدس"]),
        Case(name: "conjunction و", aliases: ["لواء القدس"], text: "الدفاع الوطني ولواء القدس", expected: ["لواء القدس"]),
        Case(name: "preposition ل", aliases: ["لواء القدس"], text: "التابعة للواء القدس", expected: ["لواء القدس"]),
        Case(name: "لل + article", aliases: ["الدفاع الوطني"], text: "القوى الرديفة للدفاع الوطني", expected: ["دفاع الوطني"]),
        Case(name: "و + ب + article", aliases: ["الدفاع الوطني"], text: "وبالدفاع الوطني", expected: ["الدفاع الوطني"]),
        Case(name: "diacritics and tatweel", aliases: ["حزب الله"], text: "مقاتلو حِزْبِ الـلـه", expected: ["حِزْبِ الـلـه"]),
        Case(name: "hamza forms", aliases: ["إدارة العمليات العسكرية"], text: "اطلقت ادارة العمليات العسكرية", expected: ["ادارة العمليات العسكرية"]),
        Case(name: "ة and ه", aliases: ["فرقة الحمزة"], text: "عناصر فرقه الحمزه", expected: ["فرقه الحمزه"]),
        Case(name: "quoted name", aliases: ["لواء القدس"], text: "ميليشيا “لواء القدس” التابعة", expected: ["لواء القدس"]),
        Case(name: "leftmost-longest", aliases: ["المخابرات العسكرية", "شعبة المخابرات العسكرية"],
             text: "التابعة لشعبة المخابرات العسكرية", expected: ["شعبة المخابرات العسكرية"]),
        Case(name: "longest of overlapping starts", aliases: ["حزب الله", "حزب الله اللبناني"], text: "قوة من حزب الله اللبناني", expected: ["حزب الله اللبناني"]),
        Case(name: "two in a row", aliases: ["قسد", "الأسايش"], text: "الأسايش الذراع الأمني لقسد", expected: ["الأسايش", "قسد"]),
        Case(name: "no partial word", aliases: ["قسد"], text: "قسدية قاسد", expected: []),
        Case(name: "no match inside a longer word", aliases: ["داعش"], text: "الداعشي", expected: []),
        Case(name: "Arabic-Indic digits", aliases: ["الفرع 227"], text: "دوريات الفرع ٢٢٧", expected: ["الفرع ٢٢٧"]),
        Case(name: "English, any case", aliases: ["Liwa al-Quds"], text: "members of LIWA AL-QUDS said", expected: ["LIWA AL-QUDS"]),
        Case(name: "a hashtag's underscore", aliases: ["ماهر الأسد", "الأسد"], text: "وحمل #ماهر_الأسد رتبة لواء", expected: ["ماهر_الأسد"]),
        Case(name: "bidi control inside", aliases: ["قوات النظام"], text: "قوات\u{200F} النظام", expected: ["قوات\u{200F} النظام"]),
    ]

    @Test(arguments: cases)
    func matches(_ c: Case) {
        var matcher = AliasMatcher()
        for (i, alias) in c.aliases.enumerated() {
            matcher.add(alias, target: .init(actor: i, alias: DatedAlias(name: alias)))
        }
        let text = NormalizedText(c.text)
        let tokens = Tokenizer.tokenize(text)
        let found = matcher.matches(in: tokens).map { text.originalText(text.originalRange($0.start, $0.end)) }
        #expect(found == c.expected)
    }

    /// Compound given names in their other spelling; phrases with «الدين» that are no given name keep theirs.
    @Test(arguments: [
        ("حركة نور الدين الزنكي", "حركة نورالدين الزنكي"),
        ("مصطفى بدرالدين", "مصطفى بدر الدين"),
        ("عبد الله أوجلان", "عبدالله أوجلان"),
        ("أبو عبدالله الشامي", "أبو عبد الله الشامي"),
        ("عبد القادر نور الدين", "عبدالقادر نورالدين"),
        ("تنظيم حراس الدين", nil),
        ("جبهة أنصار الدين", nil),
        ("عبد ربه", nil),
        ("عبدالقادر", "عبد القادر"),
    ] as [(String, String?)])
    func compoundNamesHaveTheirOtherSpelling(name: String, expected: String?) {
        #expect(CompoundNames.variant(of: name) == expected)
    }

    @Test func gazetteerNamesMatchInBothSpellingsOfACompoundName() {
        let zenki = GazetteerActor(id: "zenki", type: .faction, name: "حركة نور الدين الزنكي", nameEn: "Nour al-Din al-Zenki")
        let ocalan = GazetteerActor(id: "ocalan", type: .person, name: "عبدالله أوجلان", nameEn: "Abdullah Ocalan")
        let matcher = AliasMatcher(actors: [zenki, ocalan])
        let text = NormalizedText("اتهمت حركة نورالدين الزنكي أنصار عبد الله أوجلان وقاتلت حركة نور الدين الزنكي.")
        let found = matcher.matches(in: Tokenizer.tokenize(text)).map { text.originalText(text.originalRange($0.start, $0.end)) }
        #expect(found == ["حركة نورالدين الزنكي", "عبد الله أوجلان", "حركة نور الدين الزنكي"])
    }

    @Test func cliticReadingsKeepTheWordFirst() {
        #expect(CliticVariants.readings(of: "ولواء").map(\.form).prefix(2) == ["ولواء", "لواء"])
        #expect(CliticVariants.readings(of: "للدفاع").contains(.init(word: "الدفاع", prefixLength: 2)))
        #expect(CliticVariants.readings(of: "وللدفاع").contains(.init(word: "الدفاع", prefixLength: 3)))
        #expect(CliticVariants.readings(of: "لبنان").first?.form == "لبنان")
    }

    /// The fast path reads Arabic words scalar by scalar; it must give what the character-by-character
    /// reading gives, in the same order (the first matching reading wins downstream).
    @Test(arguments: ["ولواء", "للدفاع", "وللدفاع", "فبالجيش", "بالقوات", "كالنظام", "لل", "ولل", "ولي", "وبل", "ففف", "للواء",
                      "والله", "بيروت", "ل", "وكتائب", "فلل", "للللل", "وب", "2015", "قوات", "abc"])
    func fastReadingsMatchCharacterReadings(word: String) {
        let w = ArabicNormalizer.normalize(word)
        #expect(CliticVariants.readings(of: w) == CliticVariants.characterReadings(of: w))
    }

    /// The same on random words over the clitic letters and a few others, with the odd mark or digit.
    @Test(arguments: 0..<300)
    func fastReadingsMatchCharacterReadingsOnRandomWords(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let letters: [Character] = ["و", "ف", "ل", "ب", "ك", "ا", "ي", "ع", "ء", "3", "\u{0610}"]
        let word = String((0..<Int.random(in: 1...7, using: &rng)).map { _ in
            Int.random(in: 0..<12, using: &rng) < 11 ? letters[Int.random(in: 0..<9, using: &rng)] : letters.randomElement(using: &rng)!
        })
        #expect(CliticVariants.readings(of: word) == CliticVariants.characterReadings(of: word), "\(word)")
    }

    @Test func wordsCompareByTheirText() {
        #expect(Word("لواء") == "لواء")
        #expect(Word("لواء") != "لوا")
        #expect(Set<Word>(["في", "من"]).contains(Tokenizer.word(Array("في".unicodeScalars)[...])))
        // The fingerprint made while tokenizing is the one `Word.init` makes.
        #expect(Tokenizer.word(Array("القدس".unicodeScalars)[...]).fingerprint == Word("القدس").fingerprint)
    }

    @Test(arguments: [
        ("2024-12-07", "assad-regime-forces"),
        ("2024-12", "assad-regime-forces"),
        ("2024-12-08", "new-government-forces"),
        ("2025-01", "new-government-forces"),
    ])
    func datedAliasesResolveByArticleDate(date: String, expected: String) {
        let doc = Fixtures.extract("انسحبت القوات الحكومية من المدينة", date: date)
        #expect(doc.actors.actors.map(\.id) == [expected])
    }
}
