import ActorGraph
import ActorGraphRender
import Foundation
import Testing

/// Untrusted names go through DOTWriter and come back from Graphviz's own parser (agmemread)
/// as one node each, showing the same text, modulo DOTEscaping's documented replacements.
struct DOTRoundTripTests {
    /// (input name, what Graphviz must show)
    static let names: [(String, String)] = [
        (#"Liwa "al-Quds""#, #"Liwa "al-Quds""#),
        (#"back\slash"#, #"back\slash"#),
        (#"trailing\"#, #"trailing\"#),
        (#"\N \G \E \T \H \L \n \l"#, #"\N \G \E \T \H \L \n \l"#),
        ("two\nlines\r\nand\ttab", "two lines and tab"),
        ("<b>bold</b> <<html>>", "<b>bold</b> <<html>>"),
        ("{ a -> b; } ]", "{ a -> b; } ]"),
        (#"x"]; evil [label="pwned"#, #"x"]; evil [label="pwned"#),
        (#""; } digraph g { ""#, #""; } digraph g { ""#),
        ("a -- b -> c", "a -- b -> c"),
        ("لواء القدس", "لواء القدس"),
        ("🇸🇾 الفرع 227 💥", "🇸🇾 الفرع 227 💥"),
        ("\u{202E}override\u{202C}", "override"),
        ("nul\u{0}byte\u{1B}[31m", "nul byte [31m"),
        ("&eacute; &amp;", "&\u{2060}eacute; &\u{2060}amp;"),
    ]

    /// One node per name (the name also in its id, English name and alias), in a cycle of edges
    /// whose evidence sentence is the next name.
    static func trickyGraph() -> GraphSnapshot {
        let nodes = names.enumerated().map { i, pair in
            GraphSnapshot.Node(id: "n\(i)-\(pair.0)", name: pair.0, nameEn: "EN \(pair.0)", type: .faction, aliases: [pair.0])
        }
        let edges = zip(nodes, nodes.dropFirst() + nodes.prefix(1)).map { a, b in
            GraphSnapshot.Edge(source: a.id, type: .supports, target: b.id, weight: 1, evidence: [
                GraphSnapshot.Evidence(document: "doc \(b.name).txt", date: PartialDate("2020"), start: 0, end: 1,
                                       sentence: b.name, cue: nil),
            ])
        }
        let metadata = GraphSnapshot.Metadata(inputs: [], documentCount: 0, period: nil, undatedDocuments: 0,
                                              toolVersion: "test", gazetteerVersion: "test")
        return GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
    }

    @Test func graphvizReadsOneNodePerActorWithTheSameText() async throws {
        let dot = DOTWriter(options: .init(legend: false)).write(Self.trickyGraph())
        let summary = try await GraphvizRenderer.shared.inspectDOT(dot)
        #expect(summary.nodeCount == Self.names.count)
        #expect(summary.edgeCount == Self.names.count)
        let shown = Set(summary.nodes.map { displayedLabel($0.label) })
        for (_, expected) in Self.names {
            #expect(shown.contains("\(expected)\nEN \(expected)"), "label of \(expected.debugDescription)")
        }
    }

    @Test func renderedSVGShowsTheSameText() async throws {
        let dot = DOTWriter(options: .init(legend: false)).write(Self.trickyGraph())
        let result = try await GraphvizRenderer.shared.render(dot: dot, format: .svg, layout: .dot)
        let svg = try #require(SVGContents.read(result.data), "the SVG is not well-formed XML")
        for (_, expected) in Self.names {
            #expect(svg.texts.contains(expected), "text \(expected.debugDescription)")
            #expect(svg.tooltips.contains { $0.contains("«\(expected)»") }, "evidence tooltip \(expected.debugDescription)")
            #expect(svg.tooltips.contains { $0.contains("aliases: \(expected)\n") }, "alias tooltip \(expected.debugDescription)")
        }
    }

    @Test func hugeNamesAreCappedNotDropped() async throws {
        var graph = Self.trickyGraph()
        graph.nodes[0].name = String(repeating: "لواء ", count: 20_000)
        graph.edges[0].evidence[0].sentence = String(repeating: "🙂\"\\", count: 50_000)
        let dot = DOTWriter().write(graph)
        #expect(dot.utf8.count < 200_000)
        let summary = try await GraphvizRenderer.shared.inspectDOT(dot)
        #expect(summary.nodeCount == Self.names.count + 1)  // and the legend
    }
}
