import ActorGraph
import Dispatch
import Foundation

/// Extracts documents on all cores; the result is in input order, identical to a serial run.
enum ParallelExtraction {
    static func run(_ extractor: Extractor, _ articles: [Article]) -> [DocumentExtraction] {
        let results = Results(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { i in
            results.set(i, extractor.extract(articles[i]))
        }
        return results.values()
    }

    private final class Results: @unchecked Sendable {
        private var items: [DocumentExtraction?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: DocumentExtraction) { lock.lock(); items[i] = value; lock.unlock() }
        func values() -> [DocumentExtraction] { items.map { $0! } }
    }
}
