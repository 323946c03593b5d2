import Foundation

/// Writes outputs so that a reader never sees a half-written file: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination (rename is atomic on
/// one file system). A failed or interrupted write leaves the previous file in place.
///
/// Temporaries being written are registered, so that a process stopped by a signal can remove
/// them (`removeTemporaries()`, called by the executable's SIGINT/SIGTERM handler) instead of
/// leaving `.NAME.PID.N.tmp` files beside the outputs.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        pending.insert(temporary.path)
        defer { pending.remove(temporary.path) }
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                    NSLocalizedDescriptionKey: "cannot rename \(temporary.path) to \(url.path): \(String(cString: strerror(errno)))"])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Removes the temporaries of writes still in progress. Safe to call from any thread; meant
    /// for a signal handler just before the process exits.
    public static func removeTemporaries() {
        for path in pending.drain() { unlink(path) }
    }

    private static let pending = PendingFiles()

    private final class PendingFiles: @unchecked Sendable {
        private var paths: Set<String> = []
        private let lock = NSLock()
        func insert(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
        func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }
        func drain() -> Set<String> { lock.lock(); defer { lock.unlock() }; let p = paths; paths = []; return p }
    }
}
