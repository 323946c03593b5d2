import Testing
@testable import ActorGraph

/// An undated article is read in the era of the latest post-2024 year it writes.
@Suite("Text era")
struct TextEraTests {
    @Test(arguments: [
        ("a year after the fall", "أعلن اللواء الثامن في نيسان 2025 حل نفسه بعد سقوطه في 2024.", "2025"),
        ("Arabic-Indic digits", "أعلن اللواء حل نفسه في ٢٠٢٦.", "2026"),
        ("years of the war decide nothing", "شارك في معارك درعا عام 2015 ثم انسحب في 2018.", nil),
        ("not a year: five digits, or out of range", "قتل 20250 شخصا، والعدد 2040 تقديري.", nil),
        ("no year", "انتشرت القوات الحكومية في حمص.", nil),
    ] as [(String, String, String?)])
    func latestYear(name: String, text: String, expected: String?) {
        let tokens = Tokenizer.tokenize(NormalizedText(text))
        #expect(TextEra.latestYear(in: tokens)?.description == expected, "\(name)")
    }

    @Test func undatedArticleTakesTheEraItWrites() {
        let after = Fixtures.extract("انتشرت القوات الحكومية في حمص في آذار 2025.")
        #expect(after.actors.actors.map(\.id) == ["new-government-forces"])
        let before = Fixtures.extract("انتشرت القوات الحكومية في حمص في آذار 2015.")
        #expect(before.actors.actors.map(\.id) == ["assad-regime-forces"])
        // The record keeps the article's own date: none.
        #expect(after.article.date == nil)
    }
}
