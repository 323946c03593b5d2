import Foundation
import Testing
@testable import ActorGraph

/// Untrusted text in, no crash out: the text layer on huge and hostile inputs, and whole
/// extractions whose JSON must still parse and whose spans must still select their text.
@Suite("Robustness")
struct RobustnessTests {
    static func checkTextLayer(_ text: String) {
        let normalized = NormalizedText(text)
        #expect(normalized.original.count == text.unicodeScalars.count)
        let tokens = Tokenizer.tokenize(normalized)
        for token in tokens {
            let range = normalized.originalRange(token.start, token.end)
            #expect(range.lowerBound >= 0 && range.upperBound <= normalized.original.count)
        }
        for sentence in SentenceSplitter.split(tokens, in: normalized) {
            #expect(sentence.start < sentence.end && sentence.end <= normalized.original.count)
        }
    }

    @Test(arguments: [
        ("one huge Arabic token", String(repeating: "ب", count: 300_000)),
        ("one huge token of digits", String(repeating: "7", count: 300_000)),
        ("tatweel and diacritics only", String(repeating: "\u{0640}\u{064B}\u{0652}", count: 100_000)),
        ("control characters", String(String.UnicodeScalarView((0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) })) + "لواء القدس\u{0}\u{FFFE}"),
        ("combining marks on nothing", String(repeating: "\u{0301}\u{0651}", count: 50_000)),
        ("lone punctuation", String(repeating: ".،؛!؟\"«»()", count: 30_000)),
    ])
    func textLayerSurvives(name: String, text: String) {
        RobustnessTests.checkTextLayer(text)
    }

    @Test func textLayerOnAMegabyteLineWithoutBreaks() {
        var rng = SeededGenerator(seed: 77)
        var text = ""
        while text.utf8.count < 1_000_000 { text += RandomText.make(length: 2_000, using: &rng).replacingOccurrences(of: "\n", with: " ") }
        text = text.replacingOccurrences(of: "\r", with: " ")
        #expect(!text.contains("\n"))
        RobustnessTests.checkTextLayer(text)
    }

    /// Random text with actor names sprinkled in, through the whole extractor: the JSON line
    /// parses and every mention's span selects its text.
    @Test(arguments: 0..<12)
    func extractionOfRandomTextGivesValidJSON(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(1000 + seed))
        let names = ["لواء القدس", "حزب الله", "الفرع 227", "قوات النظام", "تنظيم داعش", "ميليشيا \"صقور\"", "العميد ناصر رستم", "التابعة لـ"]
        var text = ""
        for _ in 0..<40 {
            text += RandomText.make(length: Int.random(in: 0...60, using: &rng), using: &rng)
            text += " " + (names.randomElement(using: &rng) ?? "") + " "
        }
        if seed == 0 { text += String(repeating: "ا", count: 100_000) }  // a huge token at the end
        let doc = Fixtures.extractor.extract(Article(id: "fuzz-\(seed)\u{0}\"", text: text, date: nil))
        let line = try ExtractionRecord(doc).jsonLine()
        #expect(line == (try ExtractionRecord(doc).encodedLine()), "the hand-written JSON must match JSONEncoder's")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let scalars = Array(text.unicodeScalars)
        for entity in object["entities"] as? [[String: Any]] ?? [] {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
                try #require(0 <= start && start < end && end <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == mention["text"] as? String)
            }
        }
        var builder = GraphBuilder()
        builder.add(doc)
        _ = try JSONSerialization.jsonObject(with: try builder.snapshot(gazetteerVersion: "t").jsonData())
    }

    /// The sentences of the seeds and of the rule and discovery tables, recombined at random into
    /// articles and run through the shipped extractor: real sentences reach the deeper passes
    /// (anaphora, variant merging, states as places) in orders no single article has. Nothing
    /// traps, and every mention and every relation's evidence points inside the article.
    @Test(arguments: 0..<6)
    func extractionOfRecombinedSentencesHoldsTogether(seed: Int) throws {
        let extractor = try Extractor.standard()
        var pool = RelationRuleTests.cases.map(\.text) + DiscoveryTests.cases.map(\.text)
        for file in GoldenTests.seeds {
            let text = try String(contentsOf: GoldenTests.root.appendingPathComponent("seeds/" + file), encoding: .utf8)
            pool += text.split(whereSeparator: { ".\n".contains($0) }).map { $0 + "." }
        }
        var rng = SeededGenerator(seed: UInt64(500 + seed))
        for _ in 0..<8 {
            let text = (0..<40).map { _ in pool.randomElement(using: &rng)! }.joined(separator: seed.isMultiple(of: 2) ? " " : "\n")
            let scalars = text.unicodeScalars.count
            let doc = extractor.extract(Article(id: "recombined", text: text))
            for m in doc.actors.mentions { #expect(0 <= m.start && m.start < m.end && m.end <= scalars) }
            for r in doc.relations {
                #expect(r.source != r.target && doc.actors.actors.indices.contains(r.source) && doc.actors.actors.indices.contains(r.target))
                for e in r.evidence { #expect(doc.sentences.indices.contains(e.sentence)) }
            }
            _ = try JSONSerialization.jsonObject(with: Data(try ExtractionRecord(doc).jsonLine().utf8))
        }
    }

    /// Every character that needs an escape, at every place in and around an eight-byte block,
    /// in ASCII and Arabic filler; and integers of every length: as `JSONEncoder` writes them.
    @Test func jsonStringsAndIntegersAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let specials = (0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) }.map(String.init) + ["\"", "\\"]
        for filler in ["abcdefghijklmnopqrstuvwxyz", "لواء القدس التابع للفرع"] {
            for special in specials {
                for at in 0...min(17, filler.count) {
                    var text = filler
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: at))
                    for candidate in [text, String(text.prefix(at + 1)), text + special] {
                        var w = JSONLineWriter()
                        w.string(candidate)
                        #expect(w.bytes == Array(try encoder.encode(candidate)), "\(Array(candidate.utf8))")
                    }
                }
            }
        }
        for n in [0, 7, 9, 10, 99, 100, 12_345, 1_000_000, Int(Int32.max), Int.max, -1, -250, Int.min] {
            var w = JSONLineWriter()
            w.int(n)
            #expect(w.bytes == Array(try encoder.encode(n)), "\(n)")
        }
    }

    /// The hand-written JSON line escapes exactly as `JSONEncoder` does: quotes, backslashes,
    /// every control character, and leaves slashes, DEL, U+2028 and non-BMP text as they are.
    @Test func jsonLineEscapesAsJSONEncoder() throws {
        let hostile = String(String.UnicodeScalarView((0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) }))
            + "\"\\/\u{7F}\u{2028}\u{2029}é😀 «لواء» </script>"
        let record = ExtractionRecord(Fixtures.extractor.extract(Article(id: hostile, text: "قال \(hostile) إن لواء القدس التابع للفرع 227 يقاتل \(hostile) داعش.", date: PartialDate("2020-03"))))
        #expect(!record.entities.isEmpty && !record.relations.isEmpty)
        #expect(try record.jsonLine() == (try record.encodedLine()))
        let undated = ExtractionRecord(Fixtures.extractor.extract(Article(id: "x", text: "", date: nil)))
        #expect(try undated.jsonLine() == #"{"doc":"x","entities":[],"relations":[]}"#)
        #expect(try undated.jsonLine() == (try undated.encodedLine()))
    }
}
