import Foundation

/// An article file that has been listed but not read: its path, what its folder's manifest says
/// about it, and its size. The text is loaded only when the article is about to be extracted, so
/// a corpus is never held in memory at once.
public struct ArticleFile: Sendable, Equatable {
    public var path: String
    /// The size on disk, for progress (0 when it cannot be known).
    public var bytes: Int
    var manifest: Manifest.Entry?
    /// `ArticleReader.dateOverride`, which wins over the manifest and the front matter.
    var dateOverride: PartialDate?
    /// `ArticleReader.maxArticleBytes`.
    var maxBytes: Int

    init(path: String, manifest: Manifest.Entry?, dateOverride: PartialDate?, maxBytes: Int = Article.maxBytes) {
        self.path = path
        self.maxBytes = maxBytes
        self.manifest = manifest
        self.dateOverride = dateOverride
        var info = stat()
        bytes = stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The article, and the problems met reading it (a problem and an article together when only
    /// its metadata is wrong). Dates: `dateOverride`, else the front matter, else the manifest.
    public func load() -> (article: Article?, problems: [InputProblem]) {
        if bytes > maxBytes { return (nil, [InputProblem(file: path, message: Article.tooLarge(bytes, limit: maxBytes) + "; skipped")]) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            return (nil, [InputProblem(file: path, message: "cannot read: \(error.localizedDescription)")])
        }
        // A file that grew since it was listed, or whose size `stat` could not tell.
        if data.count > maxBytes { return (nil, [InputProblem(file: path, message: Article.tooLarge(data.count, limit: maxBytes) + "; skipped")]) }
        let text: String
        do { text = try TextDecoder.decode(data).text } catch {
            return (nil, [InputProblem(file: path, message: error.description)])
        }
        var problems: [InputProblem] = []
        var article = Article(id: path, text: text)
        if let entry = manifest {
            article.date = entry.date; article.outlet = entry.outlet; article.title = entry.title; article.url = entry.url
        }
        if let (fields, _) = FrontMatter.parse(text) {
            if let d = fields.date {
                if let date = PartialDate(d) { article.date = date } else {
                    problems.append(InputProblem(file: path, message: "front matter: `\(d)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD); the article is undated"))
                }
            }
            article.outlet = fields.outlet ?? article.outlet
            article.title = fields.title ?? article.title
            article.url = fields.url ?? article.url
        }
        if let dateOverride { article.date = dateOverride }
        return (article, problems)
    }
}
