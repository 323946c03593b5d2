import Foundation

/// Where tests put their files: a fresh folder inside `$TMPDIR/actorgraph-tests-PID`, one folder
/// per test process, removed when the process exits. Some fixtures are made once and shared by
/// the tests of a run (a static folder), so nothing is removed before then. The test targets that
/// write files link to this one file (Tests/ActorGraphTests/Scratch.swift, Tests/CLITests/Scratch.swift).
enum Scratch {
    static let root: URL = {
        // The handler is a C function and captures nothing: it reaches the path through this static.
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-tests-\(getpid())")
    }()

    static func folder() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
