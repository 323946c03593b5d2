import ActorGraph
import Foundation
import Testing
@testable import actorgraph

@Suite("CLI: interrupts and parallel extraction")
struct InterruptAndParallelTests {
    static func seedArticles() -> [Article] {
        ArticleReader().read(paths: [CLI.root.appendingPathComponent("seeds").path]).articles
    }

    @Test(arguments: [nil, 1, 2, 3] as [Int?])
    func parallelExtractionEqualsSerial(jobs: Int?) throws {
        let extractor = try Extractor.standard()
        let articles = InterruptAndParallelTests.seedArticles()
        #expect(articles.count == 5)
        let serial = try articles.map { try ExtractionRecord(extractor.extract($0)).jsonLine() }
        var parallel: [String] = []
        try ParallelExtraction.run(extractor, articles, jobs: jobs) { parallel.append(try ExtractionRecord($0).jsonLine()) }
        #expect(parallel == serial)
    }

    @Test func progressLineReadsWell() {
        #expect(Progress.line(done: 3, total: 10, bytes: 3_000_000, totalBytes: 10_000_000, elapsed: 2) == "3/10 documents  1.50 MB/s  0:05 left")
        #expect(Progress.line(done: 10, total: 10, bytes: 50_000_000, totalBytes: 50_000_000, elapsed: 2) == "10/10 documents  25.0 MB/s")
        // With a feed among the inputs the number of documents is known only at the end.
        #expect(Progress.line(done: 3, total: nil, bytes: 3_000_000, totalBytes: 10_000_000, elapsed: 2) == "3 documents  1.50 MB/s  0:05 left")
    }

    /// SIGINT while `build` extracts a large corpus: the previous graph.json stays as it was and
    /// no temporary file is left beside it.
    @Test func interruptedBuildLeavesPreviousOutputsIntact() throws {
        let dir = try CLI.temporaryFolder()
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = InterruptAndParallelTests.seedArticles().map(\.text).joined(separator: "\n\n")
        for i in 0..<400 { try text.write(to: corpus.appendingPathComponent("a\(i).txt"), atomically: false, encoding: .utf8) }
        let out = dir.appendingPathComponent("Graphs")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let previous = Data("{\"previous\": true}\n".utf8)
        try previous.write(to: out.appendingPathComponent("graph.json"))

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["build", corpus.path, "--out", out.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the build finished before it could be interrupted; make the corpus larger")
        process.interrupt()  // SIGINT
        process.waitUntilExit()

        // The handler ran (removing temporaries) and exited with the shell's 128 + SIGINT.
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(try Data(contentsOf: out.appendingPathComponent("graph.json")) == previous)
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left == ["graph.json"], "left behind: \(left)")
    }
}
