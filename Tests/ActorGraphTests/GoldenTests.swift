import Foundation
import Testing
@testable import ActorGraph

/// The extraction of each seed article as a readable dump, compared with the files in `Golden/`.
/// A change in extraction shows up as a diff a reviewer can read; regenerate on purpose with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenTests`.
@Suite("Golden extraction dumps")
struct GoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let seeds: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func thereAreFiveSeeds() { #expect(GoldenTests.seeds.count == 5) }

    @Test(arguments: seeds)
    func seedMatchesItsGoldenDump(_ file: String) throws {
        let extractor = try Extractor.standard()
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(GoldenTests.root.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let (articles, problems) = ArticleReader().read(paths: ["seeds/" + file])
        #expect(problems.isEmpty)
        let article = try #require(articles.first)
        #expect(article.date != nil, "every seed is dated by seeds/manifest.tsv")
        let dump = ExtractionDump.render(extractor.extract(article))
        let golden = GoldenTests.goldenFolder.appendingPathComponent(file.replacingOccurrences(of: ".txt", with: ".dump"))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(dump, to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(dump == expected, "extraction of \(file) changed; if intended, regenerate with UPDATE_GOLDEN=1")
    }
}
