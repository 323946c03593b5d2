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
        try replace(url) { try data.write(to: $0) }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Streams an output: `body` writes to the temporary file as the content is made, and the
    /// file replaces `url` only when `body` returns. When `body` throws, the temporary is removed
    /// and the previous file is left as it was.
    public static func write(to url: URL, _ body: (FileHandle) throws -> Void) throws {
        try replace(url) { temporary in
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path,
                    NSLocalizedDescriptionKey: "cannot create \(temporary.path): \(String(cString: strerror(errno)))"])
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            do {
                try body(handle)
            } catch {
                try? handle.close()
                throw error
            }
            try handle.close()  // a delayed write error shows here, before the rename
        }
    }

    /// Makes the temporary with `fill`, then renames it over `url`; on any error removes it.
    private static func replace(_ url: URL, fill: (URL) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        pending.insert(temporary.path)
        defer { pending.remove(temporary.path) }
        do {
            try fill(temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                    NSLocalizedDescriptionKey: "cannot rename \(temporary.path) to \(url.path): \(String(cString: strerror(errno)))"])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
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
