import Foundation

/// A problem with one input: the file (or file:line) and what is wrong. Never fatal on its own.
public struct InputProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}

/// An input as listed, before any article is read.
public enum InputEntry: Sendable {
    case file(ArticleFile)
    /// A JSON Lines feed and its size in bytes; its lines are read when a stream reaches it.
    case feed(path: String, bytes: Int)
    case problem(InputProblem)
}

/// Reads articles from files and folders: `.txt` articles (dated by a `manifest.tsv` beside them
/// or by a front-matter block), `.jsonl` feeds (one article per line), and manifests themselves.
/// Every unreadable input becomes an `InputProblem`; the rest is still read.
///
/// `list` finds the inputs without reading an article; `stream` goes through them in order,
/// reading feeds as it reaches them and leaving article files to be loaded one by one; `read`
/// loads everything at once.
public struct ArticleReader: Sendable {
    /// A date for every article, overriding manifests and front matter.
    public var dateOverride: PartialDate?
    /// The largest article read, in bytes (`Article.maxBytes`); a larger one is a problem, skipped.
    public var maxArticleBytes: Int

    public init(dateOverride: PartialDate? = nil, maxArticleBytes: Int = Article.maxBytes) {
        self.dateOverride = dateOverride
        self.maxArticleBytes = maxArticleBytes
    }

    /// Every article, in input order, and every problem, in the order they were met.
    public func read(paths: [String]) -> (articles: [Article], problems: [InputProblem]) {
        var articles: [Article] = []
        var problems: [InputProblem] = []
        var items = stream(paths: paths)
        while let item = items.next() {
            switch item {
            case .problem(let problem):
                problems.append(problem)
            case .file(let file):
                let (article, issues) = file.load()
                problems += issues
                if let article { articles.append(article) }
            case .article(let article, let issues, _):
                problems += issues
                articles.append(article)
            }
        }
        return (articles, problems)
    }

    /// The items of the inputs, the folders walked as the stream is taken.
    public func stream(paths: [String]) -> ArticleStream {
        ArticleStream(entries: entries(paths: paths), dateOverride: dateOverride, maxArticleBytes: maxArticleBytes)
    }

    /// The inputs in order: article files with their manifest entries, feeds, and the problems of
    /// listing them (missing paths, empty folders, bad manifests) where they were met. All at
    /// once: `entries(paths:)` gives the same one at a time, as the folders are walked.
    public func list(paths: [String]) -> [InputEntry] {
        Array(entries(paths: paths))
    }

    /// The entries of `list(paths:)`, found as they are taken.
    public func entries(paths: [String]) -> InputEntries {
        InputEntries(reader: self, paths: paths)
    }

    /// The manifest of a folder ("" for the current one), if it has one, and its problems.
    static func manifest(in folder: String) -> (Manifest?, [InputProblem]) {
        let path = (folder as NSString).appendingPathComponent("manifest.tsv")
        guard FileManager.default.fileExists(atPath: path) else { return (nil, []) }
        let (m, issues) = Manifest.read(path: path)
        return (m, issues)
    }

    /// A path's folder ("" when it has none, "/" at the root) and last name, split at its last
    /// slash by scalars: `NSString`'s path functions (slow per file) split by Character on Linux,
    /// and a name that starts with a combining mark makes one Character with the slash before it.
    static func split(_ path: String) -> (folder: String, name: String) {
        let scalars = path.unicodeScalars
        guard let slash = scalars.lastIndex(of: "/") else { return ("", path) }
        let folder = slash == scalars.startIndex ? "/" : String(String.UnicodeScalarView(scalars[..<slash]))
        return (folder, String(String.UnicodeScalarView(scalars[scalars.index(after: slash)...])))
    }
}

/// `manifest.tsv`: file, date, outlet, title, url (a header row names the columns).
struct Manifest {
    struct Entry: Sendable, Equatable { var file: String; var date: PartialDate?; var outlet: String?; var title: String?; var url: String? }
    var entries: [Entry] = []
    private var byFile: [String: Int] = [:]

    func entry(for file: String) -> Entry? { byFile[file].map { entries[$0] } }

    static func read(path: String) -> (Manifest, [InputProblem]) {
        var manifest = Manifest()
        var problems: [InputProblem] = []
        guard let data = FileManager.default.contents(atPath: path), let text = try? TextDecoder.decode(data).text else {
            return (manifest, [InputProblem(file: path, message: "cannot read the manifest; articles are undated")])
        }
        let lines = Manifest.split(text, at: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let header = lines.first.map({ Manifest.split($0, at: "\t").map { $0.trimmingSpaces().lowercased() } }),
              let fileColumn = header.firstIndex(of: "file") else {
            return (manifest, [InputProblem(file: path, message: "the first line must name the columns (file, date, outlet, title, url)")])
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces().isEmpty {
            let cells = Manifest.split(line, at: "\t").map { $0.trimmingSpaces() }
            func cell(_ c: Int?) -> String? { c.flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil } }
            guard let file = cell(fileColumn) else { continue }
            var date: PartialDate?
            if let d = cell(column("date")) {
                date = PartialDate(d)
                if date == nil { problems.append(InputProblem(file: "\(path):\(n + 1)", message: "`\(d)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD); \(file) is undated")) }
            }
            manifest.byFile[file] = manifest.entries.count
            manifest.entries.append(Entry(file: file, date: date, outlet: cell(column("outlet")), title: cell(column("title")), url: cell(column("url"))))
        }
        return (manifest, problems)
    }

    /// The pieces of `text` between separators, cut at the separator's byte (walking the text by
    /// `Character` was most of reading a manifest). Every line feed cuts, the one of a CR LF too:
    /// the line keeps its carriage return, which `read` drops. (Split by `Character`, a CR LF is one
    /// character that is no line feed, and a Windows manifest was a single line: every article undated.)
    static func split(_ text: String, at separator: Unicode.Scalar) -> [Substring] {
        precondition(separator == "\t" || separator == "\n")
        let utf8 = text.utf8, byte = UInt8(separator.value)
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == byte {
                pieces.append(Substring(utf8[start..<i]))
                start = next
            }
            i = next
        }
        pieces.append(Substring(utf8[start..<utf8.endIndex]))
        return pieces
    }
}
