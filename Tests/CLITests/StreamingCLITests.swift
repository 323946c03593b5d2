import ActorGraph
import Foundation
import Testing
@testable import actorgraph

/// The streaming pipeline: results in input order through a bounded window, a stop on the
/// consumer's error, and outputs that stay whole when a run does not finish.
@Suite("CLI: streaming")
struct StreamingCLITests {
    /// Item 0 cannot finish before item 3 has: the later results wait in the window and still
    /// come out in order, and no more than `window` items are ever taken and not consumed.
    @Test func resultsComeInInputOrderAndWorkersStayWithinTheWindow() throws {
        let gate = DispatchSemaphore(value: 0)
        var taken = 0, consumed: [Int] = []
        var ahead = 0
        try OrderedWork.run(jobs: 2, window: 4, next: { () -> Int? in
            guard taken < 40 else { return nil }
            taken += 1
            return taken - 1
        }, work: { (i: Int) -> Int in
            if i == 0 { gate.wait() }
            if i == 3 { gate.signal() }
            return i * 10
        }, consume: { value in
            ahead = max(ahead, taken - consumed.count)
            consumed.append(value)
        })
        #expect(consumed == (0..<40).map { $0 * 10 })
        #expect(ahead <= 4)
    }

    @Test func aConsumerErrorStopsTheRunEarly() throws {
        struct Full: Error {}
        var taken = 0, consumed = 0
        #expect(throws: Full.self) {
            try OrderedWork.run(jobs: 3, window: 6, next: { () -> Int? in
                taken += 1
                return taken <= 1000 ? taken : nil
            }, work: { $0 }, consume: { _ in
                consumed += 1
                if consumed == 5 { throw Full() }
            })
        }
        #expect(consumed == 5)
        #expect(taken <= 5 + 6)
    }

    /// One job runs the work on the calling thread, several on their own threads: for every
    /// length of input and window, both deliver every result in order, and an error from `next`
    /// or `consume` ends the run with that error after a prefix of the results.
    @Test func oneJobAndSeveralJobsAgreeOnOrderAndErrors() throws {
        struct Stop: Error {}
        for jobs in [1, 2, 3] {
            for window in [1, 2, 5] {
                for count in [0, 1, 2, 7, 40] {
                    var taken = 0, consumed: [Int] = []
                    try OrderedWork.run(jobs: jobs, window: window, next: { () -> Int? in
                        guard taken < count else { return nil }
                        taken += 1
                        return taken - 1
                    }, work: { $0 * 3 + 1 }, consume: { consumed.append($0) })
                    #expect(consumed == (0..<count).map { $0 * 3 + 1 }, "jobs \(jobs) window \(window) count \(count)")
                }
                for failAt in [0, 1, 6] {
                    var taken = 0, consumed: [Int] = []
                    #expect(throws: Stop.self) {
                        try OrderedWork.run(jobs: jobs, window: window, next: { () -> Int? in
                            if taken == failAt { throw Stop() }
                            taken += 1
                            return taken - 1
                        }, work: { $0 * 3 + 1 }, consume: { consumed.append($0) })
                    }
                    #expect(consumed == (0..<consumed.count).map { $0 * 3 + 1 } && consumed.count <= failAt)
                    consumed = []
                    taken = 0
                    #expect(throws: Stop.self) {
                        try OrderedWork.run(jobs: jobs, window: window, next: { () -> Int? in
                            taken += 1
                            return taken - 1
                        }, work: { $0 * 3 + 1 }, consume: { value in
                            if consumed.count == failAt { throw Stop() }
                            consumed.append(value)
                        })
                    }
                    #expect(consumed == (0..<failAt).map { $0 * 3 + 1 }, "jobs \(jobs) window \(window) fail at \(failAt)")
                    #expect(taken <= failAt + 1 + window)
                }
            }
        }
    }

    /// Articles of very different lengths on 3 jobs, so that short ones finish before long ones
    /// started earlier: the documents still arrive in input order, equal to a serial run.
    @Test func parallelExtractionDeliversInInputOrder() throws {
        let extractor = try Extractor.standard()
        let seeds = InterruptAndParallelTests.seedArticles()
        var articles: [Article] = []
        for i in 0..<24 {
            let seed = seeds[i % seeds.count]
            let text = i % 4 == 0 ? Array(repeating: seed.text, count: 6).joined(separator: "\n\n") : String(seed.text.prefix(300))
            articles.append(Article(id: "doc-\(i)", text: text, date: seed.date))
        }
        var ids: [String] = []
        var lines: [String] = []
        try ParallelExtraction.run(extractor, articles, jobs: 3) { doc in
            ids.append(doc.article.id)
            lines.append(try ExtractionRecord(doc).jsonLine())
        }
        #expect(ids == articles.map(\.id))
        #expect(lines == (try articles.map { try ExtractionRecord(extractor.extract($0)).jsonLine() }))
    }

    @Test func extractToAFileKeepsThePreviousFileWhenNothingCanBeRead() throws {
        let dir = try CLI.temporaryFolder()
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data([0x00, 0x01]).write(to: corpus.appendingPathComponent("binary.txt"))
        let output = dir.appendingPathComponent("out.jsonl")
        try Data("previous\n".utf8).write(to: output)
        let result = try CLI.run(["extract", corpus.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("binary.txt: binary data, not text"))
        #expect(try Data(contentsOf: output) == Data("previous\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["corpus", "out.jsonl"])
    }

    /// SIGINT while `extract -o` streams documents into its temporary: the previous file stays
    /// as it was and the temporary is removed.
    @Test func interruptedExtractLeavesThePreviousFileIntact() throws {
        let dir = try CLI.temporaryFolder()
        let corpus = dir.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = InterruptAndParallelTests.seedArticles().map(\.text).joined(separator: "\n\n")
        for i in 0..<400 { try text.write(to: corpus.appendingPathComponent("a\(i).txt"), atomically: false, encoding: .utf8) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let previous = Data("{\"previous\": true}\n".utf8)
        try previous.write(to: out.appendingPathComponent("docs.jsonl"))

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["extract", corpus.path, "-o", out.appendingPathComponent("docs.jsonl").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the extraction finished before it could be interrupted; make the corpus larger")
        process.interrupt()
        process.waitUntilExit()

        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(try Data(contentsOf: out.appendingPathComponent("docs.jsonl")) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["docs.jsonl"])
    }

    @Test func aBadFileIsNamedWhereItComesAndTheRestIsWritten() throws {
        let dir = try CLI.temporaryFolder()
        let good = "قتل عناصر من لواء القدس بكمين نفذه تنظيم الدولة."
        try good.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0x41, 0xC3, 0x28, 0xFF]).write(to: dir.appendingPathComponent("b.txt"))
        try good.write(to: dir.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", dir.path, "--jobs", "2"])
        #expect(result.status == 0)
        #expect(result.stderr == "actorgraph: warning: \(dir.path)/b.txt: not UTF-8 text (invalid byte 0xC3 at offset 1) and not Windows-1256 Arabic either\n")
        let docs = result.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["doc"] as? String
        }
        #expect(docs == ["\(dir.path)/a.txt", "\(dir.path)/c.txt"])
    }
}
