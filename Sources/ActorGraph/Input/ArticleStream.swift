/// One step of reading the inputs, in input order.
public enum InputItem: Sendable {
    /// A problem found while listing the inputs or reading a feed.
    case problem(InputProblem)
    /// An article file, not read yet: `ArticleFile.load` reads it.
    case file(ArticleFile)
    /// An article read from a feed line (its text came with the line), with the problems of that
    /// line and the line's size in bytes.
    case article(Article, problems: [InputProblem], bytes: Int)
}

/// The inputs as a sequence of items, in the order `ArticleReader.read(paths:)` returns them.
/// Article files come unread; feeds are read a line at a time as the sequence reaches them. So
/// whatever the size of the corpus, only the items taken and not yet done are in memory.
public struct ArticleStream: IteratorProtocol {
    private var entries: InputEntries
    private var feed: FeedReader?
    private let dateOverride: PartialDate?
    private let maxArticleBytes: Int

    init(entries: InputEntries, dateOverride: PartialDate?, maxArticleBytes: Int) {
        self.entries = entries
        self.dateOverride = dateOverride
        self.maxArticleBytes = maxArticleBytes
    }

    public mutating func next() -> InputItem? {
        while true {
            if let feed {
                if let item = feed.next() { return item }
                self.feed = nil
            }
            switch entries.next() {
            case nil: return nil
            case .problem(let problem): return .problem(problem)
            case .file(let file): return .file(file)
            case .feed(let path, _): feed = FeedReader(path: path, dateOverride: dateOverride, maxArticleBytes: maxArticleBytes)
            }
        }
    }
}
