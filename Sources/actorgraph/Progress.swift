import ActorGraph
import Foundation

/// A progress line on stderr for long extractions: documents done/total, MB/s and time left.
/// Shown only when stderr is a terminal, so logs, pipes and tests see nothing.
///
///     let progress = Progress(reader.entries(paths: inputs))
///     … progress.advance(bytes: n) as each document is done …
///     progress.finish()
final class Progress: @unchecked Sendable {
    /// Unknown when a feed is among the inputs: its lines are counted as they are read.
    private let total: Int?
    private let totalBytes: Int
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var done = 0
    private var doneBytes = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int?, bytes: Int, enabled: Bool = isatty(2) != 0) {
        self.total = total
        self.totalBytes = bytes
        self.enabled = enabled
    }

    /// Progress over listed inputs: bytes from the sizes of files and feeds.
    convenience init(_ entries: some Sequence<InputEntry>, enabled: Bool = isatty(2) != 0) {
        var files = 0, bytes = 0, feeds = false
        for entry in entries {
            switch entry {
            case .file(let file): files += 1; bytes += file.bytes
            case .feed(_, let size): feeds = true; bytes += size
            case .problem: break
            }
        }
        self.init(total: feeds ? nil : files, bytes: bytes, enabled: enabled)
    }

    func advance(bytes: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        done += 1
        doneBytes += bytes
        let now = Date()
        // A few redraws a second are enough to read and cost nothing next to extraction.
        if now.timeIntervalSince(lastDraw) >= 0.2 || done == total {
            lastDraw = now
            draw(Progress.line(done: done, total: total, bytes: doneBytes, totalBytes: totalBytes, elapsed: now.timeIntervalSince(start)))
        }
    }

    /// Clears the line, so what the command prints next starts on a clean line.
    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private func draw(_ line: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        drawn = true
    }

    /// The text of the line, e.g. `1200/5000 documents  3.1 MB/s  1:02 left`.
    static func line(done: Int, total: Int?, bytes: Int, totalBytes: Int, elapsed: TimeInterval) -> String {
        let mb = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? mb / elapsed : 0
        var s = (total.map { "\(done)/\($0) documents  " } ?? "\(done) documents  ") + String(format: rate < 10 ? "%.2f MB/s" : "%.1f MB/s", rate)
        if bytes > 0, totalBytes > bytes, elapsed > 0 {
            let left = Int((elapsed * Double(totalBytes - bytes) / Double(bytes)).rounded())
            s += "  " + String(format: "%d:%02d left", left / 60, left % 60)
        }
        return s
    }
}
