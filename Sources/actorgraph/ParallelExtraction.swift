import ActorGraph
import ArgumentParser
import Foundation

/// Extracts documents on all cores (or `jobs` of them) and hands each to a consumer in input
/// order, as soon as the documents before it are done: the same sequence as a serial run.
/// Article files are loaded by the worker that extracts them, so only the documents within the
/// reorder window (`perJob` for each job) are in memory at once.
enum ParallelExtraction {
    /// What became of one input item, in input order.
    struct Outcome: Sendable {
        /// Problems to report before the document (or instead of it).
        var problems: [InputProblem] = []
        /// Whether the item was an article (a file, or a feed line with text), read or not: one
        /// step of progress.
        var isArticle = false
        /// Whether an article was read (even when `keep` then left it out).
        var read = false
        /// The extraction, when the article was read and kept.
        var document: DocumentExtraction?
        /// The input bytes this item accounts for, for progress.
        var bytes = 0
    }

    /// Documents in flight per job: enough that one long article does not idle the other
    /// workers at once, few enough that memory does not grow with the corpus.
    static let perJob = 4

    static func run(_ extractor: Extractor, _ items: inout ArticleStream,
                    jobs: Int? = nil, keep: (@Sendable (Article) -> Bool)? = nil,
                    consume: (Outcome) throws -> Void) throws {
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        try OrderedWork.run(jobs: workers, window: workers * perJob, next: { items.next() }, work: { item in
            var outcome = Outcome()
            let article: Article?
            switch item {
            case .problem(let problem):
                outcome.problems = [problem]
                article = nil
            case .file(let file):
                let (loaded, problems) = file.load()
                outcome.problems = problems
                outcome.isArticle = true
                outcome.bytes = file.bytes
                article = loaded
            case .article(let fromFeed, let problems, let bytes):
                outcome.problems = problems
                outcome.isArticle = true
                outcome.bytes = bytes
                article = fromFeed
            }
            if let article {
                outcome.read = true
                if keep?(article) ?? true { outcome.document = extractor.extract(article) }
            }
            return outcome
        }, consume: consume)
    }

    /// Articles already in memory, extracted in parallel and consumed in order.
    static func run(_ extractor: Extractor, _ articles: [Article], jobs: Int? = nil,
                    consume: (DocumentExtraction) throws -> Void) throws {
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var remaining = articles.makeIterator()
        try OrderedWork.run(jobs: workers, window: workers * perJob, next: { remaining.next() },
                            work: { extractor.extract($0) }, consume: consume)
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
