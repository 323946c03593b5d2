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

    public func stream(paths: [String]) -> ArticleStream {
        stream(list(paths: paths))
    }

    /// The items of inputs already listed (by `list`).
    public func stream(_ entries: [InputEntry]) -> ArticleStream {
        ArticleStream(entries: entries, dateOverride: dateOverride, maxArticleBytes: maxArticleBytes)
    }

    /// The inputs in order: article files with their manifest entries, feeds, and the problems of
    /// listing them (missing paths, empty folders, bad manifests) where they were met.
    public func list(paths: [String]) -> [InputEntry] {
        var entries: [InputEntry] = []
        // Each folder's manifest, or its absence, looked up once (not once per article file).
        // Keyed by `Word`, which compares code points: two folders whose names differ only in
        // Unicode normalization (é composed or decomposed) are two folders, which `String` keys merged.
        var manifests: [Word: Manifest?] = [:]
        func manifest(for folder: String) -> Manifest? {
            let key = Word(folder)
            if let known = manifests[key] { return known }
            let path = (folder as NSString).appendingPathComponent("manifest.tsv")
            guard FileManager.default.fileExists(atPath: path) else { manifests[key] = .some(nil); return nil }
            let (m, issues) = Manifest.read(path: path)
            entries += issues.map { .problem($0) }
            manifests[key] = m
            return m
        }
        func add(_ file: String, name: String? = nil, manifest: Manifest?) {
            if file.hasSuffix(".jsonl") {
                var info = stat()
                entries.append(.feed(path: file, bytes: stat(file, &info) == 0 ? Int(info.st_size) : 0))
            } else {
                let name = name ?? ArticleReader.split(file).name
                entries.append(.file(ArticleFile(path: file, manifest: manifest?.entry(for: name), dateOverride: dateOverride, maxBytes: maxArticleBytes)))
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                entries.append(.problem(InputProblem(file: path, message: "no such file or folder")))
                continue
            }
            if isDirectory.boolValue {
                let files = articleFiles(in: path)
                if files.isEmpty { entries.append(.problem(InputProblem(file: path, message: "no articles (.txt or .jsonl files) in this folder"))) }
                // Files come sorted, so those of one folder mostly follow each other: the folder's
                // manifest is looked up when the folder changes, not per file.
                var folder: (path: String, manifest: Manifest?)?
                for file in files {
                    let (path, name) = ArticleReader.split(file)
                    if !(folder?.path.unicodeScalars.elementsEqual(path.unicodeScalars) ?? false) { folder = (path, manifest(for: path)) }
                    add(file, name: name, manifest: folder?.manifest)
                }
            } else if path.hasSuffix(".tsv") {
                let (m, issues) = Manifest.read(path: path)
                entries += issues.map { .problem($0) }
                let folder = ArticleReader.split(path).folder
                for entry in m.entries {
                    add(folder.isEmpty ? entry.file : (folder as NSString).appendingPathComponent(entry.file), manifest: m)
                }
            } else {
                let (folder, name) = ArticleReader.split(path)
                add(path, name: name, manifest: manifest(for: folder))
            }
        }
        return entries
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

    /// Article files under a folder, recursively, in a stable order. Symbolic links to folders are
    /// not followed (as `FileManager`'s enumerator does not), so a link cannot make a cycle.
    ///
    /// The folder is walked by hand: on Linux, `FileManager.enumerator(atPath:)` returns the full
    /// path instead of the relative one for an entry whose name starts with a combining mark (the
    /// "/" before it and the mark make one Character, so its prefix test fails), and the file was
    /// then reported missing.
    func articleFiles(in folder: String) -> [String] {
        var files: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            for name in names {
                let path = (current as NSString).appendingPathComponent(name)
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path)
                } else if !name.hasPrefix("."), name.hasSuffix(".txt") || name.hasSuffix(".jsonl") {
                    files.append(path)
                }
            }
        }
        return files.sorted()
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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map({ $0.trimmingSpaces().lowercased() }),
              let fileColumn = header.firstIndex(of: "file") else {
            return (manifest, [InputProblem(file: path, message: "the first line must name the columns (file, date, outlet, title, url)")])
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces().isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
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
}
