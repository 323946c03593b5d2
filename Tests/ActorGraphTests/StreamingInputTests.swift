import Foundation
import Testing
@testable import ActorGraph

/// Reading inputs without holding them: listing does not read articles, feeds are read a line
/// at a time with the same results as decoding them whole, and a streamed output replaces the
/// previous file only when it is complete.
@Suite("Streaming input and output")
struct StreamingInputTests {
    static func folder() throws -> URL { try Scratch.folder() }

    static let text = "قتل عناصر من لواء القدس بكمين نفذه تنظيم الدولة."

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func lineReaderGivesThePiecesOfSplitWhateverTheChunkSize(chunkSize: Int) throws {
        let dir = try StreamingInputTests.folder()
        let file = dir.appendingPathComponent("lines")
        let bytes = Array("one\n\ntwo ليس\r\nthree\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 50) + [0x0A, 0x0A] + Array("last".utf8)
        try Data(bytes).write(to: file)
        let reader = try LineReader(path: file.path, chunkSize: chunkSize)
        var pieces: [[UInt8]] = []
        var offsets: [Int] = []
        while let (piece, offset) = try reader.next() {
            pieces.append(Array(piece))
            offsets.append(offset)
        }
        #expect(pieces == bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init))
        // Each piece starts where the one before ended, past its line break.
        #expect(offsets == pieces.indices.map { i in pieces[..<i].reduce(0) { $0 + $1.count + 1 } })
    }

    /// Each file takes its date from the manifest of its own folder, when folders nest (so that a
    /// folder's files are not all next to each other in sorted order) and when a file's or a
    /// folder's name starts with a combining mark (which hides the slash before it from a search
    /// by Character).
    @Test func everyFileIsDatedByTheManifestOfItsOwnFolder() throws {
        let dir = try StreamingInputTests.folder()
        let folders = ["", "b", "b/c", "\u{301}d", "e"]
        let names = ["a.txt", "\u{301}m.txt", "z.txt"]
        var expected: [String: String] = [:]
        for (k, folder) in folders.enumerated() {
            let url = folder.isEmpty ? dir : dir.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            var manifest = "file\tdate\n"
            for (j, name) in names.enumerated() {
                try StreamingInputTests.text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
                manifest += " \(name) \t201\(k)-0\(j + 1)\n"
                expected[(folder.isEmpty ? "" : folder + "/") + name] = "201\(k)-0\(j + 1)"
            }
            try manifest.write(to: url.appendingPathComponent("manifest.tsv"), atomically: true, encoding: .utf8)
        }
        var dates: [String: String] = [:]
        for case .file(let file) in ArticleReader().list(paths: [dir.path]) {
            let (article, problems) = file.load()
            #expect(problems.isEmpty)
            let relative = file.path.unicodeScalars.dropFirst(dir.path.unicodeScalars.count + 1)
            dates[String(String.UnicodeScalarView(relative))] = article?.date?.description
        }
        #expect(dates == expected)
    }

    /// The walk gives a folder's article files in the order of their sorted full paths, as the
    /// listing made up front did ("b-c.txt", "b.txt", "b/x.txt", "b0.txt"), one at a time: the
    /// entries taken before the walk ends are the first ones of the whole list.
    @Test func aFolderIsWalkedInTheOrderOfItsSortedPaths() throws {
        let dir = try StreamingInputTests.folder()
        let files = ["a.txt", "b.txt", "b/x.txt", "b/c/y.txt", "b-c.txt", "b.d/z.txt", "b0.txt", "c.jsonl", "\u{301}m.txt",
                     "é.txt", "e\u{301}/f.txt", "z/w.txt"]
        let ignored = [".hidden.txt", "note.md", "b/.x.txt"]
        for name in files + ignored {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try StreamingInputTests.text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        func path(_ entry: InputEntry) -> String? {
            switch entry {
            case .file(let file): file.path
            case .feed(let path, _): path
            case .problem: nil
            }
        }
        let expected = files.map { dir.path + "/" + $0 }.sorted()
        let listed = ArticleReader().list(paths: [dir.path])
        #expect(listed.compactMap(path) == expected)
        #expect(listed.count == expected.count, "no problem for a walk with articles: \(listed)")
        var lazy = ArticleReader().entries(paths: [dir.path])
        #expect((0..<3).compactMap { _ in lazy.next().flatMap(path) } == Array(expected.prefix(3)))
        // A folder without articles is still named, where the walk ends.
        #expect(ArticleReader().list(paths: [dir.appendingPathComponent("empty").path]).map { if case .problem(let p) = $0 { p.message } else { "" } }
                == ["no articles (.txt or .jsonl files) in this folder"])
    }

    /// Paths split as `NSString` splits ordinary ones, and right where a name starts with a
    /// combining mark.
    @Test(arguments: [("a.txt", "", "a.txt"), ("seeds/a.txt", "seeds", "a.txt"), ("/a.txt", "/", "a.txt"),
                      ("/tmp/x/0001/000001.txt", "/tmp/x/0001", "000001.txt"), ("./b/c.jsonl", "./b", "c.jsonl"),
                      ("d/\u{301}m.txt", "d", "\u{301}m.txt"), ("\u{301}d/a.txt", "\u{301}d", "a.txt")])
    func pathsSplitAtTheirLastSlash(path: String, folder: String, name: String) {
        let split = ArticleReader.split(path)
        #expect(Array(split.folder.unicodeScalars) == Array(folder.unicodeScalars))
        #expect(Array(split.name.unicodeScalars) == Array(name.unicodeScalars))
        if !name.unicodeScalars.first!.properties.isGraphemeExtend {
            #expect(split.folder == (path as NSString).deletingLastPathComponent && split.name == (path as NSString).lastPathComponent)
        }
    }

    /// Folders whose names differ only in Unicode normalization are different folders, each with
    /// its own manifest.
    @Test func foldersDifferingOnlyInNormalizationKeepTheirOwnManifests() throws {
        let dir = try StreamingInputTests.folder()
        for (k, folder) in ["\u{E9}", "e\u{301}"].enumerated() {
            let url = dir.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try "file\tdate\na.txt\t201\(k)\n".write(to: url.appendingPathComponent("manifest.tsv"), atomically: true, encoding: .utf8)
            try StreamingInputTests.text.write(to: url.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        }
        var dates: [String] = []
        for case .file(let file) in ArticleReader().list(paths: [dir.path]) { dates.append(file.load().0?.date?.description ?? "none") }
        #expect(dates.sorted() == ["2010", "2011"])
    }

    @Test func listingReadsNoArticleAndLoadingNamesTheBadFile() throws {
        let dir = try StreamingInputTests.folder()
        let good = dir.appendingPathComponent("a-good.txt"), bad = dir.appendingPathComponent("b-bad.txt")
        try StreamingInputTests.text.write(to: good, atomically: true, encoding: .utf8)
        try StreamingInputTests.text.write(to: bad, atomically: true, encoding: .utf8)
        let entries = ArticleReader().list(paths: [dir.path])
        let files = entries.compactMap { if case .file(let f) = $0 { f } else { nil } }
        #expect(files.map(\.path) == [good.path, bad.path])
        #expect(files.map(\.bytes) == [StreamingInputTests.text.utf8.count, StreamingInputTests.text.utf8.count])

        // The file turns binary after it was listed: the problem shows when it is loaded.
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: bad)
        let (article, problems) = files[1].load()
        #expect(article == nil)
        #expect(problems == [InputProblem(file: bad.path, message: "binary data, not text (NUL byte at offset 4)")])
        #expect(files[0].load().article?.text == StreamingInputTests.text)
    }

    @Test func anArticleOverTheLimitIsAProblemAndTheRestIsRead() throws {
        let dir = try StreamingInputTests.folder()
        let small = dir.appendingPathComponent("a-small.txt"), big = dir.appendingPathComponent("b-big.txt")
        let feed = dir.appendingPathComponent("c-feed.jsonl")
        let limit = 2 * StreamingInputTests.text.utf8.count
        try StreamingInputTests.text.write(to: small, atomically: true, encoding: .utf8)
        try String(repeating: StreamingInputTests.text + " ", count: 3).write(to: big, atomically: true, encoding: .utf8)
        let short = "{\"id\": \"short\", \"text\": \"\(StreamingInputTests.text)\"}"
        let long = "{\"id\": \"long\", \"text\": \"\(String(repeating: StreamingInputTests.text + " ", count: 3))\"}"
        try (long + "\n" + short + "\n").write(to: feed, atomically: true, encoding: .utf8)
        let (articles, problems) = ArticleReader(maxArticleBytes: limit).read(paths: [dir.path])
        #expect(articles.map(\.id) == [small.path, "short"])
        #expect(problems.map(\.file) == [big.path, feed.path + ":1"])
        #expect(problems.allSatisfy { $0.message.contains("over the \(limit) bytes an article may have") })
        #expect(problems.first?.message.hasSuffix("; skipped") == true && problems.last?.message.hasSuffix("; line skipped") == true)
        // The shipped limit leaves every ordinary article alone.
        #expect(ArticleReader().read(paths: [dir.path]).articles.count == 4)
    }

    @Test func aFeedWithANulAtTheEndGivesNoArticle() throws {
        let dir = try StreamingInputTests.folder()
        let feed = dir.appendingPathComponent("feed.jsonl")
        let line = "{\"id\": \"x\", \"text\": \"\(StreamingInputTests.text)\"}\n"
        try Data(Array(line.utf8) + Array(line.utf8) + [0x00]).write(to: feed)
        let (articles, problems) = ArticleReader().read(paths: [feed.path])
        #expect(articles.isEmpty)
        #expect(problems == [InputProblem(file: feed.path, message: "binary data, not text (NUL byte at offset \(2 * line.utf8.count))")])
    }

    @Test func aFeedIsReadLineByLineWithTheProblemsOfEachLineInOrder() throws {
        let dir = try StreamingInputTests.folder()
        let feed = dir.appendingPathComponent("feed.jsonl")
        let lines = [
            "{\"id\": \"a\", \"text\": \"\(StreamingInputTests.text)\", \"date\": \"2015-04-20T08:00\"}",
            "",
            "not json",
            "{\"id\": \"b\", \"text\": \"  \"}",
            "{\"url\": \"https://example.org/c\", \"text\": \"\(StreamingInputTests.text)\", \"date\": \"May\"}",
        ]
        // A byte-order mark, and no line break at the end.
        try Data([0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8)).write(to: feed)
        var stream = ArticleReader().stream(paths: [feed.path])
        var seen: [String] = []
        while let item = stream.next() {
            switch item {
            case .problem(let p): seen.append(p.description)
            case .file(let f): seen.append("file \(f.path)")
            case .article(let a, let problems, _): seen += problems.map(\.description) + ["\(a.id) \(a.date?.description ?? "undated")"]
            }
        }
        #expect(seen == [
            "a 2015-04-20",
            "\(feed.path):3: not a JSON object with a \"text\" field; line skipped",
            "\(feed.path):4: no \"text\"; line skipped",
            "\(feed.path):5: `May` is not a date; the article is undated",
            "https://example.org/c undated",
        ])
    }

    /// Feeds written on Windows end their lines with CR LF; streamed (UTF-8) or decoded whole
    /// (UTF-16), every line is an article and line numbers count the same.
    @Test(arguments: [String.Encoding.utf8, .utf16])
    func aFeedWithCRLFLineEndsGivesEveryArticle(encoding: String.Encoding) throws {
        let dir = try StreamingInputTests.folder()
        let feed = dir.appendingPathComponent("feed.jsonl")
        let lines = [
            "{\"id\": \"a\", \"text\": \"\(StreamingInputTests.text)\"}",
            "not json",
            "{\"id\": \"b\", \"text\": \"\(StreamingInputTests.text)\\r\\nسطر\", \"date\": \"2016\"}",
        ]
        try (lines.joined(separator: "\r\n") + "\r\n").data(using: encoding)!.write(to: feed)
        let (articles, problems) = ArticleReader().read(paths: [feed.path])
        #expect(articles.map(\.id) == ["a", "b"])
        #expect(articles.first?.text == StreamingInputTests.text)
        #expect(articles.last?.text == StreamingInputTests.text + "\r\nسطر")
        #expect(articles.last?.date?.description == "2016")
        #expect(problems == [InputProblem(file: "\(feed.path):2", message: "not a JSON object with a \"text\" field; line skipped")])
    }

    @Test func aFeedThatIsNotUTF8IsStillDecodedWhole() throws {
        let dir = try StreamingInputTests.folder()
        let feed = dir.appendingPathComponent("feed.jsonl")
        let line = "{\"id\": \"w\", \"text\": \"\(StreamingInputTests.text)\"}\n"
        try line.data(using: .utf16)!.write(to: feed)  // with a byte-order mark
        let (articles, problems) = ArticleReader().read(paths: [feed.path])
        #expect(problems.isEmpty)
        #expect(articles.map(\.id) == ["w"])
        #expect(articles.first?.text == StreamingInputTests.text)
    }

    @Test func aStreamedWriteThatFailsLeavesThePreviousFile() throws {
        struct Midway: Error {}
        let dir = try StreamingInputTests.folder()
        let target = dir.appendingPathComponent("out.jsonl")
        try Data("previous\n".utf8).write(to: target)
        #expect(throws: Midway.self) {
            try AtomicFile.write(to: target) { handle in
                try handle.write(contentsOf: Data("{\"doc\": 1}\n".utf8))
                throw Midway()
            }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.jsonl"])

        try AtomicFile.write(to: target) { handle in
            for n in 1...3 { try handle.write(contentsOf: Data("{\"doc\": \(n)}\n".utf8)) }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "{\"doc\": 1}\n{\"doc\": 2}\n{\"doc\": 3}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.jsonl"])
    }

    @Test func periodBuildersFedOneByOneGiveThePeriodSnapshots() throws {
        let docs = GraphBuilderTests.articles.map { Fixtures.extractor.extract($0) }
        var periods = PeriodBuilders(by: .year)
        for doc in docs { periods.add(doc) }
        let streamed = periods.snapshots(gazetteerVersion: "test")
        #expect(streamed.map(\.label) == ["2013", "2015"])  // the undated article is in none
        let expected = ["2013": [docs[1]], "2015": [docs[0]]]
        for (label, snapshot) in streamed {
            var builder = GraphBuilder()
            for doc in expected[label] ?? [] { builder.add(doc) }
            #expect(try snapshot.jsonData() == builder.snapshot(gazetteerVersion: "test").jsonData())
        }
    }
}
