import Foundation
import Testing

@Suite("CLI: extract")
struct ExtractCLITests {
    @Test func extractsSeedsAsJSONLinesWithValidOffsets() throws {
        let result = try CLI.run(["extract", "seeds", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let doc = try #require(object["doc"] as? String)
            #expect(doc.hasPrefix("seeds/"))
            let text = Array(try String(contentsOf: CLI.root.appendingPathComponent(doc), encoding: .utf8).unicodeScalars)
            for entity in object["entities"] as? [[String: Any]] ?? [] {
                for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                    let start = mention["start"] as! Int, end = mention["end"] as! Int
                    let span = String(String.UnicodeScalarView(text[start..<end]))
                    #expect(span == mention["text"] as? String)
                }
            }
        }
        let seed002 = String(lines.first { $0.contains("002_2190b06150921dc5") }!)
        #expect(seed002.contains("\"date\":\"2023\""))
        #expect(seed002.contains("\"source\":\"liwa-al-quds\"") && seed002.contains("\"target\":\"mi-branch-227\""))
    }

    @Test func badInputsAreNamedAndTheRestIsProcessed() throws {
        let dir = try CLI.temporaryFolder()
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: dir.appendingPathComponent("image.txt"))
        try Data([0x41, 0xC3, 0x28, 0xFF]).write(to: dir.appendingPathComponent("latin.txt"))
        try "قتل عناصر من لواء القدس بكمين نفذه تنظيم الدولة.".write(to: dir.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", dir.path, "--format", "jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("empty.txt: empty file"))
        #expect(result.stderr.contains("image.txt: binary data, not text"))
        #expect(result.stderr.contains("latin.txt: not UTF-8 text (invalid byte 0xC3 at offset 1)"))
    }

    @Test func aFileTooLargeForAnArticleIsNamedAndNotRead() throws {
        let dir = try CLI.temporaryFolder()
        let big = dir.appendingPathComponent("archive.txt")
        // Sparse: the size is refused before a byte is read.
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let result = try CLI.run(["extract", big.path, "--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("archive.txt: 65 MB of text, over the 64 MB an article may have"), "\(result.stderr)")
    }

    @Test func nothingReadableFailsWithExitCode1() throws {
        let dir = try CLI.temporaryFolder()
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        let result = try CLI.run(["extract", dir.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("actorgraph: error: no article could be read"))
    }

    @Test func emptyFolderAndMissingPathAreReported() throws {
        let dir = try CLI.temporaryFolder()
        let result = try CLI.run(["extract", dir.path, "/no/such/file.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(dir.path): no articles (.txt or .jsonl files) in this folder"))
        #expect(result.stderr.contains("/no/such/file.txt: no such file or folder"))
    }

    @Test func readsJSONLinesFeedsAndFrontMatter() throws {
        let dir = try CLI.temporaryFolder()
        let feed = """
        {"id": "feed-1", "text": "اشتباكات بين قوات النظام والدفاع الوطني في حمص.", "date": "2015-04-20", "outlet": "X"}
        not json
        {"text": "أعلنت قوات سوريا الديمقراطية المدعومة من الولايات المتحدة السيطرة على القرية.", "url": "https://example.org/2"}
        """
        try feed.write(to: dir.appendingPathComponent("feed.jsonl"), atomically: true, encoding: .utf8)
        try "---\ndate: 2019-06\n---\nلواء القدس التابعة للجبهة الشعبية لتحرير فلسطين.".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", dir.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("feed.jsonl:2: not a JSON object"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.contains("\"doc\":\"feed-1\"") && $0.contains("\"date\":\"2015-04-20\"") })
        #expect(lines.contains { $0.contains("\"doc\":\"https://example.org/2\"") && !$0.contains("\"date\"") })
        #expect(lines.contains { $0.contains("a.txt") && $0.contains("\"date\":\"2019-06\"") })
    }

    @Test func dateOverrideAndBadDateOption() throws {
        let ok = try CLI.run(["extract", "seeds/002_2190b06150921dc5.txt", "--date", "2023-05"])
        #expect(ok.stdout.contains("\"date\":\"2023-05\""))
        let bad = try CLI.run(["extract", "seeds", "--date", "May 2023"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--date `May 2023` is not a date"))
    }

    @Test func malformedGazetteerStopsBeforeAnythingRuns() throws {
        let dir = try CLI.temporaryFolder()
        let gazetteer = dir.appendingPathComponent("mine.yaml")
        try "actors:\n  - id: x\n    type: brigade\n    ar: لواء\n".write(to: gazetteer, atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", "seeds", "--gazetteer", gazetteer.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("mine.yaml:3:11: error: actor `x`: unknown type `brigade`"))
    }

    @Test func userGazetteerAddsAnActor() throws {
        let dir = try CLI.temporaryFolder()
        let gazetteer = dir.appendingPathComponent("mine.yaml")
        try "version: mine-1\nactors:\n  - id: abu-issa-driver\n    type: person\n    ar: أبو عيسى\n    en: Abu Issa\n".write(to: gazetteer, atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", "seeds/002_2190b06150921dc5.txt", "--gazetteer", gazetteer.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"id\":\"abu-issa-driver\""))
    }
}

@Suite("CLI: gazetteer validation")
struct GazetteerValidationCLITests {
    @Test func unknownParentIsRefused() throws {
        let dir = try CLI.temporaryFolder()
        let gazetteer = dir.appendingPathComponent("mine.yaml")
        try "actors:\n  - id: new-unit\n    type: unit\n    ar: الفوج 999\n    parent: no-such-actor\n".write(to: gazetteer, atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", "seeds", "--gazetteer", gazetteer.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("actor `new-unit` has parent `no-such-actor`, which no gazetteer defines"))
    }
}
