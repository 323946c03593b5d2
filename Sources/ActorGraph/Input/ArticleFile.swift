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
        let data: [UInt8]
        if let bytes = ArticleFile.contents(of: path, limit: maxBytes) { data = bytes } else {
            // Foundation reads it again, to report the problem in its words.
            do { data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                return (nil, [InputProblem(file: path, message: "cannot read: \(error.localizedDescription)")])
            }
        }
        // A file that grew since it was listed, or whose size `stat` could not tell.
        if data.count > maxBytes { return (nil, [InputProblem(file: path, message: Article.tooLarge(data.count, limit: maxBytes) + "; skipped")]) }
        let text: String
        do { text = try TextDecoder.decode(bytes: data).text } catch {
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

    /// The bytes of a regular file, read with `open` and `read` into an array; nil when anything
    /// fails. (`URL(fileURLWithPath:)` asks the file system whether the path is a folder, and a
    /// `Data` was then copied into an array: a sixth of reading an article.) Reading stops once
    /// more than `limit` bytes are in: a file that grows while it is read is then refused as too large.
    static func contents(of path: String, limit: Int = .max) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than its size, so that a file read whole is seen to end with one more `read`.
        var buffer = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += n
            if count > limit { break }
        }
        buffer.removeLast(buffer.count - count)
        return buffer
    }
}
