import Foundation

/// The inputs as a lazy sequence of entries, in the order `ArticleReader.list(paths:)` gives
/// them: folders are walked as the sequence is taken, so memory holds the folders on the path
/// being walked and their manifests, never the list of every file of an archive (about 430 bytes
/// a file when it was made up front).
///
/// A folder's files come in the order of their sorted full paths, as the listing always gave
/// them: each folder's entries are sorted by name, a subfolder's name with a "/" after it, which
/// is where its paths sort among its siblings ("b.txt" before "b/x.txt").
public struct InputEntries: IteratorProtocol, Sequence {
    private let reader: ArticleReader
    private var paths: IndexingIterator<[String]>
    /// Entries found and not handed out yet: a manifest's problems before the file that needed it.
    private var ready: [InputEntry] = []
    private var readyIndex = 0
    /// The folder being walked, if any.
    private var walk: FolderWalk?
    /// Manifests of folders named by single files on the command line (as many as the arguments).
    private var manifests: [Word: Manifest?] = [:]

    init(reader: ArticleReader, paths: [String]) {
        self.reader = reader
        self.paths = paths.makeIterator()
    }

    public mutating func next() -> InputEntry? {
        while true {
            if readyIndex < ready.count {
                defer { readyIndex += 1; if readyIndex == ready.count { ready.removeAll(keepingCapacity: true); readyIndex = 0 } }
                return ready[readyIndex]
            }
            if var current = walk {
                walk = nil  // so that `current` is the only reference to its buffers while it is changed
                if let file = current.next() {
                    ready += file.manifestProblems.map { .problem($0) }
                    ready.append(entry(file.path, name: file.name, manifest: file.manifest))
                    walk = current
                } else if current.files == 0 {
                    ready.append(.problem(InputProblem(file: current.root, message: "no articles (.txt or .jsonl files) in this folder")))
                }
                continue
            }
            guard let path = paths.next() else { return nil }
            start(path)
        }
    }

    /// Starts on one input path: a folder to walk, a manifest's list, or a single file.
    private mutating func start(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            ready.append(.problem(InputProblem(file: path, message: "no such file or folder")))
            return
        }
        if isDirectory.boolValue {
            walk = FolderWalk(root: path)
        } else if path.hasSuffix(".tsv") {
            let (m, issues) = Manifest.read(path: path)
            ready += issues.map { .problem($0) }
            let folder = ArticleReader.split(path).folder
            for entry in m.entries {
                ready.append(self.entry(folder.isEmpty ? entry.file : (folder as NSString).appendingPathComponent(entry.file), name: nil, manifest: m))
            }
        } else {
            let (folder, name) = ArticleReader.split(path)
            // Keyed by `Word`, which compares code points: two folders whose names differ only in
            // Unicode normalization (é composed or decomposed) are two folders.
            let key = Word(folder)
            let manifest: Manifest?
            if let known = manifests[key] { manifest = known } else {
                let (m, issues) = ArticleReader.manifest(in: folder)
                ready += issues.map { .problem($0) }
                manifests[key] = .some(m)
                manifest = m
            }
            ready.append(entry(path, name: name, manifest: manifest))
        }
    }

    private func entry(_ file: String, name: String?, manifest: Manifest?) -> InputEntry {
        if file.hasSuffix(".jsonl") {
            var info = stat()
            return .feed(path: file, bytes: stat(file, &info) == 0 ? Int(info.st_size) : 0)
        }
        let name = name ?? ArticleReader.split(file).name
        return .file(ArticleFile(path: file, manifest: manifest?.entry(for: name), dateOverride: reader.dateOverride,
                                 maxBytes: reader.maxArticleBytes))
    }
}

/// A depth-first walk of a folder that yields its article files (`.txt`, `.jsonl`; not hidden
/// ones) in sorted order, each with its folder's manifest, read when the walk first needs it. Symbolic links to folders are not followed (as `FileManager`'s
/// enumerator does not), so a link cannot make a cycle; unreadable folders are passed over.
///
/// The folder is read by hand: on Linux, `FileManager.enumerator(atPath:)` returns the full path
/// instead of the relative one for an entry whose name starts with a combining mark (the "/"
/// before it and the mark make one Character, so its prefix test fails).
struct FolderWalk {
    struct Frame {
        var path: String
        /// Names, sorted as their full paths sort, and whether each is a folder.
        var children: [(name: String, isFolder: Bool)]
        var index = 0
        /// The folder's manifest (or its absence), once an article of the folder was reached.
        var manifest: Manifest??
    }

    let root: String
    private var stack: [Frame]
    /// Article files handed out so far.
    private(set) var files = 0

    init(root: String) {
        self.root = root
        stack = [FolderWalk.frame(root)]
    }

    /// The next article file: its path and name, its folder's manifest, and the problems of that
    /// manifest the first time it is read.
    mutating func next() -> (path: String, name: String, manifest: Manifest?, manifestProblems: [InputProblem])? {
        while let top = stack.last {
            guard top.index < top.children.count else { stack.removeLast(); continue }
            let child = top.children[top.index]
            stack[stack.count - 1].index += 1
            let path = (top.path as NSString).appendingPathComponent(child.name)
            if child.isFolder {
                stack.append(FolderWalk.frame(path))
            } else {
                files += 1
                var problems: [InputProblem] = []
                if top.manifest == nil {
                    let (manifest, issues) = ArticleReader.manifest(in: top.path)
                    stack[stack.count - 1].manifest = .some(manifest)
                    problems = issues
                }
                return (path, child.name, stack[stack.count - 1].manifest!, problems)
            }
        }
        return nil
    }

    private static func frame(_ path: String) -> Frame {
        var children: [(name: String, isFolder: Bool)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            var info = stat()
            guard lstat((path as NSString).appendingPathComponent(name), &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                children.append((name, true))
            } else if !name.hasPrefix("."), name.hasSuffix(".txt") || name.hasSuffix(".jsonl") {
                children.append((name, false))
            }
        }
        // A folder's paths sort after its name followed by "/", which is where they fall among
        // the sorted full paths of its siblings.
        children.sort { ($0.isFolder ? $0.name + "/" : $0.name) < ($1.isFolder ? $1.name + "/" : $1.name) }
        return Frame(path: path, children: children)
    }
}
