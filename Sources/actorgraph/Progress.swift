import Foundation

/// A progress line on stderr for long extractions: documents done/total, MB/s and time left.
/// Shown only when stderr is a terminal, so logs, pipes and tests see nothing.
///
///     let progress = Progress(total: articles.count, bytes: articles.reduce(0) { $0 + $1.text.utf8.count })
///     … progress.advance(bytes: n) from any thread as each document is done …
///     progress.finish()
final class Progress: @unchecked Sendable {
    private let total: Int
    private let totalBytes: Int
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var done = 0
    private var doneBytes = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, bytes: Int, enabled: Bool = isatty(2) != 0) {
        self.total = total
        self.totalBytes = bytes
        self.enabled = enabled
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
    static func line(done: Int, total: Int, bytes: Int, totalBytes: Int, elapsed: TimeInterval) -> String {
        let mb = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? mb / elapsed : 0
        var s = "\(done)/\(total) documents  " + String(format: rate < 10 ? "%.2f MB/s" : "%.1f MB/s", rate)
        if bytes > 0, totalBytes > bytes, elapsed > 0 {
            let left = Int((elapsed * Double(totalBytes - bytes) / Double(bytes)).rounded())
            s += "  " + String(format: "%d:%02d left", left / 60, left % 60)
        }
        return s
    }
}
