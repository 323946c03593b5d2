import Foundation
import Testing
@testable import ActorGraph

/// The fast paths of the text layer, the JSON Lines output and start-up give what the plain ones give.
extension SpeedPathTests {
    static func bundledGazetteerText() throws -> String {
        try TextDecoder.decode(try Data(contentsOf: try Gazetteer.bundledURL())).text
    }

    /// The fast reader's answer on `yaml`, checked against Yams: when it answers, Yams reads the
    /// same gazetteer; when Yams refuses the text, the fast reader gives up too. Returns whether
    /// the fast reader answered.
    @discardableResult
    static func expectFastGazetteerAgreesWithYams(_ yaml: String, _ comment: Comment? = nil) -> Bool {
        let fast = GazetteerFastReader.parse(yaml)
        do {
            let yams = try GazetteerLoader.parseWithYams(yaml, file: "g.yaml")
            if let fast {
                #expect(fast.version == yams.version, comment)
                #expect(fast.actors == yams.actors, comment)
            }
        } catch {
            #expect(fast == nil, "Yams refuses it (\(error)) but the fast reader read it: \(comment?.description ?? yaml)")
        }
        return fast != nil
    }

    /// The bundled gazetteer is read by the fast reader (not left to Yams), as Yams reads it.
    @Test func fastGazetteerReaderReadsTheBundledFileAsYams() throws {
        let yaml = try SpeedPathTests.bundledGazetteerText()
        let fast = try #require(GazetteerFastReader.parse(yaml), "the bundled gazetteer is in the fast reader's subset")
        let yams = try GazetteerLoader.parseWithYams(yaml, file: "gazetteer.yaml")
        #expect(fast.version == yams.version)
        #expect(fast.actors.count == yams.actors.count)
        for (a, b) in zip(fast.actors, yams.actors) { #expect(a == b) }
        #expect(fast.actors.count > 300)
        #expect(try Gazetteer.bundled().actors == yams.actors)
    }

    /// Layouts inside and outside the fast reader's subset, good and bad: the fast reader reads
    /// the ones it answers as Yams does, and leaves every file Yams refuses to Yams.
    @Test(arguments: [
        // In the subset (the fast reader must answer).
        ("version: \"t1\"\nactors:\n  - id: a\n    type: faction\n    ar: أ\n", true),
        ("actors:\n- id: a\n  type: faction\n  ar: أ\n", true),
        ("# c\nversion: 3   # c\n\nactors:   # c\n  # c\n  -   id: a.b_c-1\n      type: unit # c\n      ar:  أ ب  \n      en: A#1 B\n# c\n      aliases_ar: [ ب , ت ث,ج]  # c\n      aliases_en: []\n", true),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    aliases_ar: ب\n    parent: x\n    side: s\n  - id: x\n    type: state\n    ar: 'ت'\n    en: \"X Y\"\n", true),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    dated_aliases:\n    - {name: ب, until: 2024-12-07}\n    - {from: 2019,name: ت }\n    side: s\n", true),
        ("actors:\n  - id: a\n    type: faction\n    ar: Shu'bat al-Mukhabarat (x) / y\n    aliases_en: [Sa'sa', People's Units (YPG), a-b?c!d&e*f|g>h%i@j`k]\nversion: v\n", true),
        // Outside it, or wrong (Yams decides).
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    en: a: b\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    en: long\n      name\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    aliases_ar: [ب,\n      ت]\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    aliases_ar:\n      - ب\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    aliases_ar: [ب, ]\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: \"أ\\u0628\"\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: 'it''s'\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: &x أ\n    en: *x\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: !!str أ\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: |\n      أ\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    dated_aliases:\n      - name: ب\n        until: 2024\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    dated_aliases:\n      - {name: ب, until: 2024, note: x}\n", false),
        ("actors:\n  - {id: a, type: faction, ar: أ}\n", false),
        ("---\nactors:\n  - id: a\n    type: faction\n    ar: أ\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\nother: 1\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n\tside: s\n", false),
        ("actors:\r\n  - id: a\r\n    type: faction\r\n    ar: أ\r\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\u{2028}ب\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\u{85}ب\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n   side: s\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n     side: s\n", false),
        // Refused by both.
        ("actors:\n  - id: a\n    type: brigade\n    ar: لواء\n", false),
        ("actors:\n  - id: a\n    type: faction\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n  - id: a\n    type: unit\n    ar: ب\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    colour: red\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    dated_aliases:\n      - {name: ب, until: soon}\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: أ\n    dated_aliases:\n      - {name: ب}\n", false),
        ("actors:\n  - id: a b\n    type: faction\n    ar: أ\n", false),
        ("actors:\n  - id: a\n    type: faction\n    ar: \" \"\n", false),
        ("actors:\n  - id: a\n    id: b\n    type: faction\n    ar: أ\n", false),
        ("version: 1\n", false),
        ("just text", false),
        ("", false),
    ])
    func fastGazetteerReaderAgreesWithYamsOrLeavesItToYams(yaml: String, inSubset: Bool) {
        let answered = SpeedPathTests.expectFastGazetteerAgreesWithYams(yaml, "\(yaml)")
        if inSubset { #expect(answered, "in the subset: \(yaml)") } else { #expect(!answered, "outside the subset: \(yaml)") }
    }

    /// Random edits of the bundled file's first actors (YAML's indicators, spaces, breaks,
    /// quotes, letters inserted or removed anywhere): the fast reader agrees with Yams or gives up.
    @Test(arguments: 0..<8)
    func fastGazetteerReaderAgreesWithYamsOnEditedFiles(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 1000)
        let lines = try SpeedPathTests.bundledGazetteerText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  - id: assad-ministry-of-defense") })
        let version = try #require(lines.firstIndex { $0.hasPrefix("version:") })
        let excerpt = Array(lines[version..<(version + 2)]) + Array(lines[start..<(start + 40)])
        let pool: [Character] = [" ", " ", ":", "#", "-", "[", "]", "{", "}", ",", "'", "\"", "\t", "\n", "&", "*", "!", "|", ">",
                                 "%", "@", "`", "?", "\\", "x", "ب", "\r", "\u{85}", "\u{2028}", "\u{A0}", "0", "."]
        var answered = 0
        for _ in 0..<200 {
            var text = excerpt
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<text.count, using: &rng)
                var line = Array(text[i])
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1:
                    // One character, or one with a space before or after it (": ", " #").
                    let c = pool.randomElement(using: &rng)!
                    let piece: [Character] = [[c], [c, " "], [" ", c]][Int.random(in: 0..<3, using: &rng)]
                    line.insert(contentsOf: piece, at: Int.random(in: 0...line.count, using: &rng))
                case 2: if !line.isEmpty { line.remove(at: Int.random(in: 0..<line.count, using: &rng)) }
                default: text.insert(text[Int.random(in: 0..<text.count, using: &rng)], at: i)
                }
                text[i] = String(line)
            }
            if SpeedPathTests.expectFastGazetteerAgreesWithYams(text.joined(separator: "\n"), "\(text.joined(separator: "\n"))") { answered += 1 }
        }
        #expect(answered > 20, "some edits stay in the subset")
    }
}

extension SpeedPathTests {
    /// A word's fingerprint, hashed from its UTF-8, is the one hashed from its scalars; on random
    /// text with marks, emoji (four bytes), controls and CR LF.
    @Test(arguments: 0..<50)
    func wordFingerprintFromUTF8IsTheScalarsOne(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 500)
        let extra = ["", "😀", "e\u{301}", "\r\n", "\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"][seed % 5]
        for length in [0, 1, 5, 30] {
            let text = extra + RandomText.make(length: length, using: &rng) + extra
            var h = Word.offsetBasis
            for s in text.unicodeScalars { h = Word.mix(h, s) }
            #expect(Word(text).fingerprint == Word.finish(h), "\(text.unicodeScalars.map(\.value))")
            #expect(Word(text) == Word(text: text, hash: h))
        }
    }

    /// A manifest's lines and cells, cut at bytes, are the ones `split` cuts by scalar: on random
    /// text with tabs, LF, CR LF, lone CRs, marks after the separators, emoji.
    @Test(arguments: 0..<50)
    func manifestSplitIsTheScalarSplit(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &+ 900)
        let pieces = ["\t", "\n", "\r\n", "\r", "\r\r\n", "\n\r", "\t\u{301}", "\n\u{301}", "e\u{301}", "😀", "👨‍👩‍👧", "2019-04", "", " "]
        for _ in 0..<20 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                text += Bool.random(using: &rng) ? pieces.randomElement(using: &rng)! : RandomText.make(length: Int.random(in: 0...4, using: &rng), using: &rng)
            }
            for separator: Character in ["\t", "\n"] {
                // Compared as bytes: `String`'s == would let canonically equal pieces pass.
                let scalar = separator.unicodeScalars.first!
                let plain = text.unicodeScalars.split(separator: scalar, omittingEmptySubsequences: false).map { Array(String($0).utf8) }
                #expect(Manifest.split(text, at: separator.unicodeScalars.first!).map { Array($0.utf8) } == plain, "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    /// A manifest written on Windows (CR LF) dates its articles as one with LF does.
    @Test func manifestWithCarriageReturnsDatesItsArticles() throws {
        let dir = try Scratch.folder()
        let path = dir.appendingPathComponent("manifest.tsv").path
        try Data("file\tdate\r\na.txt\t2019-04\r\nb.txt\t2020\r\n".utf8).write(to: URL(fileURLWithPath: path))
        let (manifest, problems) = Manifest.read(path: path)
        #expect(problems.isEmpty)
        #expect(manifest.entry(for: "a.txt")?.date == PartialDate("2019-04"))
        #expect(manifest.entry(for: "b.txt")?.date == PartialDate("2020"))
    }

    /// Thousands of words through one vocabulary (its slots doubling several times): one index
    /// per spelling and one spelling per index, as the plain tokenizer spells them.
    @Test func vocabularyGivesOneIndexPerSpelling() {
        var rng = SeededGenerator(seed: 77)
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
        let words = (0..<30_000).map { _ in String((0..<Int.random(in: 1...5, using: &rng)).map { _ in letters.randomElement(using: &rng)! }) }
        let vocabulary = Vocabulary()
        var spellingOf: [Int32: String] = [:], indexOf: [String: Int32] = [:]
        for chunk in stride(from: 0, to: words.count, by: 1000) {
            let text = NormalizedText(words[chunk..<(chunk + 1000)].joined(separator: " "))
            let (tokens, ids) = Tokenizer.tokenize(text, vocabulary: vocabulary)
            #expect(tokens == Tokenizer.tokenize(text))
            for (token, id) in zip(tokens, ids) {
                #expect(spellingOf[id, default: token.text] == token.text)
                #expect(indexOf[token.text, default: id] == id)
                spellingOf[id] = token.text
                indexOf[token.text] = id
            }
        }
        #expect(vocabulary.count == indexOf.count)
        #expect(vocabulary.count > 10_000)
    }
}
