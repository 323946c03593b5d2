import Foundation
import Testing
@testable import ActorGraph

@Suite("Diff DOT writer")
struct DiffDOTWriterTests {
    typealias F = DiffFixtures

    /// One actor and one edge of each status.
    static func sample(names: [String: String] = [:], ids: [String] = ["a", "b", "c", "d", "e"]) -> DiffGraph {
        let (a, b, c, d, e) = (ids[0], ids[1], ids[2], ids[3], ids[4])
        func n(_ id: String, mentions: Int = 4) -> GraphSnapshot.Node { F.node(id, mentions: mentions, name: names[id], nameEn: names[id].map { "en " + $0 }) }
        let old = F.snapshot([n(a), n(b), n(c), n(d, mentions: 2)],
                             [F.edge(a, .alliedWith, b), F.edge(b, .commands, c), F.edge(c, .subordinateTo, d, weight: 1), F.edge(a, .coMentioned, d, weight: 2)])
        let new = F.snapshot([n(a), n(b), n(d, mentions: 9), n(e)],
                             [F.edge(a, .alliedWith, b), F.edge(d, .supports, e), F.edge(a, .coMentioned, d, weight: 6)])
        return DiffGraph(diff: diff(old: old, new: new, oldLabel: "old \"2015\".json", newLabel: "new.json"), old: old, new: new)
    }

    @Test func coloursFollowTheStatus() throws {
        let dot = DiffDOTWriter.render(DiffDOTWriterTests.sample())
        func line(_ prefix: String) throws -> String { try #require(dot.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init), "no line \(prefix)") }
        #expect(try line("  \"e\" [").contains("color=\"#2e7d32\""))          // added: green
        #expect(try line("  \"c\" [").contains("color=\"#c62828\""))          // removed: red
        #expect(try line("  \"c\" [").contains("dashed"))
        #expect(try line("  \"d\" [").contains("color=\"#ef6c00\""))          // changed (mentions 2 → 9): orange
        #expect(try line("  \"d\" [").contains("mentions 2 → 9"))
        #expect(try line("  \"a\" [").contains("color=\"#9e9e9e\""))          // unchanged: grey
        #expect(try line("  \"d\" -> \"e\"").contains("#2e7d32"))
        #expect(try line("  \"c\" -> \"d\"").contains("#c62828"))
        #expect(try line("  \"c\" -> \"d\"").contains("style=dashed"))
        #expect(try line("  \"a\" -> \"d\"").contains("#ef6c00"))             // co-mentions 2 → 6
        #expect(try line("  \"a\" -> \"d\"").contains("co_mentioned 2 → 6"))
        #expect(try line("  \"a\" -> \"b\"").contains("#9e9e9e"))
        #expect(try line("  \"a\" -> \"b\"").contains("dir=none"))            // allied_with has no direction
        // The legend is one node, each status in its colours.
        let legend = try line("  \"legend:statuses\" [shape=plaintext")
        for status in DiffGraph.Status.allCases {
            let c = DiffDOTWriter.colours(status)
            #expect(legend.contains(#"<td bgcolor="\#(c.fill)" color="\#(c.line)" border="2" width="40"> </td><td align="left"><font color="\#(c.line)">\#(status.rawValue)</font>"#))
        }
        #expect(dot.contains("overlap=\"false\""))
        #expect(dot.contains("fontname=\"DejaVu Sans\""))
        #expect(dot.contains("OLD: old \\\"2015\\\".json — 2020, 1 document\\nNEW: new.json — 2020, 1 document"))
    }

    static let hostile = [
        "قوات \"الأسد\"",
        "back\\slash\\",
        "line\nbreak\r\nagain",
        "<b>{x}|y</b>",
        "\\N \\G \\l \\\" ;} digraph {",
        "\u{202E}evil\u{202C} \u{1B}[31mred",
        "\"",
        "\\",
    ]

    @Test(arguments: DiffDOTWriterTests.hostile)
    func hostileIDsRoundTrip(id: String) throws {
        let quoted = DiffDOTWriter.quotedID(id)
        #expect(!quoted.contains("\n") && !quoted.contains("\r"))
        #expect(try DOTLexer.strings(quoted) == [id])
    }

    @Test func quotedIDsAreInjective() {
        let ids = DiffDOTWriterTests.hostile + ["line\\nbreak", "back\\\\slash\\\\", "a\u{1B}", "a\\u{1b}", "legend:added"]
        #expect(Set(ids.map(DiffDOTWriter.quotedID)).count == Set(ids).count)
    }

    @Test(arguments: [
        ("a\"b", "\"a\\\"b\""),
        ("x\\", "\"x\\\\\""),
        ("<b>{x}|y", "\"\\<b\\>\\{x\\}\\|y\""),
        ("one\ntwo", "\"one two\""),
        ("\u{202E}evil\u{202C}\u{1B}", "\"evil\""),
        ("\\N", "\"\\\\N\""),
    ])
    func labelEscapes(text: String, expected: String) {
        #expect(DiffDOTWriter.quotedLabel([text]) == expected)
    }

    @Test func longLabelsAreCut() {
        let label = DiffDOTWriter.quotedLabel([String(repeating: "ب", count: 500)])
        #expect(label.count == DiffDOTWriter.maxLabelLength + 2)
        #expect(label.hasSuffix("…\""))
    }

    @Test func hostileNamesAndIdsStayInsideTheirStrings() throws {
        let names = Dictionary(uniqueKeysWithValues: zip(["a", "b", "c", "d", "e"], DiffDOTWriterTests.hostile))
        for graph in [DiffDOTWriterTests.sample(names: names), DiffDOTWriterTests.sample(ids: Array(DiffDOTWriterTests.hostile.prefix(5)))] {
            let rendered = DiffDOTWriter.render(graph)
            // The legend is the one HTML-like label, made of constants: taken out, it leaves the rest.
            #expect(rendered.components(separatedBy: DiffDOTWriter.legend).count == 2)
            let dot = rendered.replacingOccurrences(of: DiffDOTWriter.legend, with: "\"legend\"")
            let outside = try DOTLexer.outsideStrings(dot)
            // Outside the quoted strings there is only DOT syntax: no text from any name.
            #expect(outside.allSatisfy { $0.isASCII })
            #expect(!outside.contains("<") && !outside.contains("|"))
            #expect(outside.components(separatedBy: "->").count - 1 == graph.edges.count)
            #expect(outside.filter { $0 == "{" }.count == 1 && outside.filter { $0 == "}" }.count == 1)
            #expect(outside.filter { $0 == "[" }.count == 3 + 1 + graph.nodes.count + graph.edges.count)
        }
    }

    @Test func legendNeverMergesWithAnActorOfTheSameName() {
        let dot = DiffDOTWriter.render(DiffDOTWriterTests.sample(ids: ["legend:added", "b", "c", "d", "e"]))
        #expect(dot.contains("\"_legend:statuses\" [shape=plaintext"))
        #expect(dot.contains("\"legend:added\" [label=\"اسم legend:added"))
    }
}

/// Reads DOT quoted strings the way Graphviz's lexer does: `\"` is a quote inside the string, a
/// backslash otherwise stays with the character after it, and a bare `"` ends the string.
enum DOTLexer {
    struct Unterminated: Error {}

    static func scan(_ text: String) throws -> (strings: [String], outside: String) {
        var strings: [String] = [], outside = ""
        var iterator = Array(text.unicodeScalars).makeIterator()
        while let c = iterator.next() {
            guard c == "\"" else { outside.unicodeScalars.append(c); continue }
            var s = String.UnicodeScalarView()
            var closed = false
            while let d = iterator.next() {
                if d == "\\" {
                    guard let e = iterator.next() else { break }
                    s.append(d); s.append(e)
                } else if d == "\"" {
                    closed = true; break
                } else {
                    s.append(d)
                }
            }
            guard closed else { throw Unterminated() }
            strings.append(unescapeID(String(s)))
            outside += "\"\""
        }
        return (strings, outside)
    }

    static func strings(_ text: String) throws -> [String] { try scan(text).strings }
    static func outsideStrings(_ text: String) throws -> String { try scan(text).outside }

    /// The inverse of `DiffDOTWriter.quotedID`'s escapes.
    static func unescapeID(_ body: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(body.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "\\", i + 1 < scalars.count else { out.append(c); i += 1; continue }
            let e = scalars[i + 1]
            switch e {
            case "n": out.append("\n"); i += 2
            case "r": out.append("\r"); i += 2
            case "u":
                // \u{hex}
                if let close = scalars[(i + 2)...].firstIndex(of: "}"),
                   let v = UInt32(String(String.UnicodeScalarView(scalars[(i + 3)..<close])), radix: 16),
                   let u = Unicode.Scalar(v) {
                    out.append(u); i = close + 1
                } else { out.append(e); i += 2 }
            default: out.append(e); i += 2
            }
        }
        return String(out)
    }
}
