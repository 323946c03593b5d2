import Foundation

/// A problem with one input: the file (or file:line) and what is wrong. Never fatal on its own.
public struct InputProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}

/// Reads articles from files and folders: `.txt` articles (dated by a `manifest.tsv` beside them
/// or by a front-matter block), `.jsonl` feeds (one article per line), and manifests themselves.
/// Every unreadable input becomes an `InputProblem`; the rest is still read.
public struct ArticleReader: Sendable {
    /// A date for every article, overriding manifests and front matter.
    public var dateOverride: PartialDate?

    public init(dateOverride: PartialDate? = nil) { self.dateOverride = dateOverride }

    public func read(paths: [String]) -> (articles: [Article], problems: [InputProblem]) {
        var articles: [Article] = []
        var problems: [InputProblem] = []
        var manifests: [String: Manifest] = [:]
        func manifest(for folder: String) -> Manifest? {
            if let m = manifests[folder] { return m }
            let path = (folder as NSString).appendingPathComponent("manifest.tsv")
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let (m, issues) = Manifest.read(path: path)
            problems += issues
            manifests[folder] = m
            return m
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(InputProblem(file: path, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let files = articleFiles(in: path)
                if files.isEmpty { problems.append(InputProblem(file: path, message: "no articles (.txt or .jsonl files) in this folder")) }
                for file in files {
                    readFile(file, manifest: manifest(for: (file as NSString).deletingLastPathComponent), into: &articles, problems: &problems)
                }
            } else if path.hasSuffix(".tsv") {
                let (m, issues) = Manifest.read(path: path)
                problems += issues
                let folder = (path as NSString).deletingLastPathComponent
                for entry in m.entries {
                    let file = folder.isEmpty ? entry.file : (folder as NSString).appendingPathComponent(entry.file)
                    readFile(file, manifest: m, into: &articles, problems: &problems)
                }
            } else {
                readFile(path, manifest: manifest(for: (path as NSString).deletingLastPathComponent), into: &articles, problems: &problems)
            }
        }
        return (articles, problems)
    }

    /// Article files under a folder, recursively, in a stable order.
    func articleFiles(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), name.hasSuffix(".txt") || name.hasSuffix(".jsonl") else { continue }
            files.append((folder as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    private func readFile(_ path: String, manifest: Manifest?, into articles: inout [Article], problems: inout [InputProblem]) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            problems.append(InputProblem(file: path, message: "cannot read: \(error.localizedDescription)"))
            return
        }
        if path.hasSuffix(".jsonl") {
            readFeed(path, data: data, into: &articles, problems: &problems)
            return
        }
        let text: String
        do { text = try TextDecoder.decode(data).text } catch {
            problems.append(InputProblem(file: path, message: error.description))
            return
        }
        var article = Article(id: path, text: text)
        if let entry = manifest?.entry(for: (path as NSString).lastPathComponent) {
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
        articles.append(article)
    }

    private struct FeedLine: Decodable {
        var id: String?
        var text: String?
        var date: String?
        var url: String?
        var outlet: String?
        var title: String?
    }

    private func readFeed(_ path: String, data: Data, into articles: inout [Article], problems: inout [InputProblem]) {
        let text: String
        do { text = try TextDecoder.decode(data).text } catch {
            problems.append(InputProblem(file: path, message: error.description))
            return
        }
        let before = articles.count
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let place = "\(path):\(n + 1)"
            guard let item = try? JSONDecoder().decode(FeedLine.self, from: Data(line.utf8)) else {
                problems.append(InputProblem(file: place, message: "not a JSON object with a \"text\" field; line skipped"))
                continue
            }
            guard let body = item.text, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                problems.append(InputProblem(file: place, message: "no \"text\"; line skipped"))
                continue
            }
            var date: PartialDate?
            if let d = item.date, !d.isEmpty {
                date = PartialDate(String(d.prefix(10)))
                if date == nil { problems.append(InputProblem(file: place, message: "`\(d)` is not a date; the article is undated")) }
            }
            articles.append(Article(id: item.id ?? item.url ?? place, text: body, date: dateOverride ?? date,
                                    outlet: item.outlet, title: item.title, url: item.url))
        }
        if articles.count == before { problems.append(InputProblem(file: path, message: "no articles in this feed")) }
    }
}

/// `manifest.tsv`: file, date, outlet, title, url (a header row names the columns).
struct Manifest {
    struct Entry { var file: String; var date: PartialDate?; var outlet: String?; var title: String?; var url: String? }
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
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let fileColumn = header.firstIndex(of: "file") else {
            return (manifest, [InputProblem(file: path, message: "the first line must name the columns (file, date, outlet, title, url)")])
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
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
