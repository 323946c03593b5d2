import Foundation
import Testing

/// The command examples of `docs/queries.md` are what the CLI prints on `Graphs/graph.json`:
/// each `$ actorgraph …` line is run from the package root and its stdout and stderr compared
/// with the lines under it; `$ echo $?` gives the exit status of the command before it. A change
/// that moves the output shows up here; regenerate on purpose with
/// `UPDATE_DOCS=1 swift test --filter DocsExamplesTests`.
@Suite("CLI: documented examples")
struct DocsExamplesTests {
    static let file = CLI.root.appendingPathComponent("docs/queries.md")

    /// Shell words of a documented command line: spaces split, quotes group (no escapes are used).
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c; inWord = true
            } else if c == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func wordsSplitAsTheShellDoes() {
        #expect(DocsExamplesTests.words(#"actorgraph show "Liwa al-Quds" --relation fights"#) == ["actorgraph", "show", "Liwa al-Quds", "--relation", "fights"])
        #expect(DocsExamplesTests.words("actorgraph top  --limit 5 ''") == ["actorgraph", "top", "--limit", "5", ""])
    }

    @Test func examplesMatchWhatTheCLIPrints() throws {
        let lines = try String(contentsOf: DocsExamplesTests.file, encoding: .utf8).components(separatedBy: "\n")
        var out: [String] = []
        var examples = 0, mismatches: [String] = []
        var lastStatus: Int32?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            out.append(line)
            i += 1
            guard line.hasPrefix("$ ") else { continue }
            var documented: [String] = []
            while i < lines.count, !lines[i].hasPrefix("$ "), lines[i] != "```" { documented.append(lines[i]); i += 1 }
            let actual: [String]
            if line == "$ echo $?" {
                actual = [lastStatus.map(String.init) ?? "?"]
            } else {
                let words = DocsExamplesTests.words(String(line.dropFirst(2)))
                try #require(words.first == "actorgraph", "only actorgraph commands are run: \(line)")
                let result = try CLI.run(Array(words.dropFirst()))
                lastStatus = result.status
                let printed = (result.stdout + result.stderr).trimmingCharacters(in: .newlines)
                actual = printed.isEmpty ? [] : printed.components(separatedBy: "\n")
                examples += 1
            }
            if actual != documented { mismatches.append(line) }
            out += actual
        }
        #expect(examples >= 10, "the examples were found")
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try out.joined(separator: "\n").write(to: DocsExamplesTests.file, atomically: true, encoding: .utf8)
        }
        #expect(mismatches.isEmpty, "these examples print something else now (regenerate with UPDATE_DOCS=1 if intended): \(mismatches)")
    }
}
