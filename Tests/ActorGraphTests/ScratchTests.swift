import Foundation
import Testing

/// Tests write their files only through Scratch, whose folder goes when the test process exits;
/// a file made straight in the temporary directory stays there after every run.
@Test func testsMakeTheirFilesThroughScratch() throws {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let sources = (FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
        .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Scratch.swift" && $0.path != #filePath }
    #expect(sources.count > 20, "the test sources were found")
    let direct = try sources.filter { url in
        let text = try String(contentsOf: url, encoding: .utf8)
        return ["temporaryDirectory", "NSTemporaryDirectory", "TMPDIR"].contains { text.contains($0) }
    }
    #expect(direct.isEmpty, "use Scratch.folder() for a test's files: \(direct.map(\.lastPathComponent))")
}
