import ActorGraph
import ArgumentParser
import Dispatch
import Foundation

/// Extracts documents on all cores (or `jobs` of them); the result is in input order, identical
/// to a serial run.
enum ParallelExtraction {
    /// `done` is called with each finished document's index, from the worker that finished it.
    static func run(_ extractor: Extractor, _ articles: [Article], jobs: Int? = nil,
                    done: (@Sendable (Int) -> Void)? = nil) -> [DocumentExtraction] {
        let results = Results(count: articles.count)
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, articles.count))
        // Workers take the next document as they finish one, so a long article does not hold up
        // a fixed share of the rest.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = results.claim() {
                results.set(i, extractor.extract(articles[i]))
                done?(i)
            }
        }
        return results.values()
    }

    private final class Results: @unchecked Sendable {
        private var items: [DocumentExtraction?]
        private var next = 0
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func claim() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < items.count else { return nil }
            next += 1
            return next - 1
        }
        func set(_ i: Int, _ value: DocumentExtraction) { lock.lock(); items[i] = value; lock.unlock() }
        func values() -> [DocumentExtraction] { items.compactMap { $0 } }
    }
}

/// `--jobs N` for the commands that extract.
struct ConcurrencyOptions: ParsableArguments {
    @Option(help: "Extract on this many cores (default: all).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }
}
