@testable import ActorGraph
import Foundation
import Testing

/// DOT text tests. That Graphviz itself reads the escaped text back is tested in
/// ActorGraphRenderTests (DOTRoundTripTests).
struct DOTEscapingTests {
    @Test(arguments: [
        ("plain Arabic", "لواء القدس", #""لواء القدس""#),
        ("double quote", #"say "hi""#, #""say \"hi\"""#),
        ("backslash", #"a\b"#, #""a\\b""#),
        ("trailing backslash", #"end\"#, #""end\\""#),
        ("backslash before quote", #"\""#, #""\\\"""#),
        ("graphviz escapes stay literal", #"\N \G \l \n"#, #""\\N \\G \\l \\n""#),
        ("newline and tab become spaces", "one\ntwo\tthree\r\nfour", #""one two three four""#),
        ("NUL and other controls", "a\u{0}b\u{7}c\u{85}d\u{7F}e", #""a b c d e""#),
        ("line separator", "a\u{2028}b", #""a b""#),
        ("bidi controls removed", "\u{202E}abc\u{202C} \u{2067}x\u{2069}\u{200F}", #""abc x""#),
        ("DOT punctuation is plain text inside quotes", "a -> b; c [x=1] {y} <z>", #""a -> b; c [x=1] {y} <z>""#),
        ("entity-shaped text gets a word joiner", "&eacute; & &amp; &#38;", "\"&\u{2060}eacute; & &\u{2060}amp; &\u{2060}#38;\""),
        ("emoji kept", "🇸🇾 👨‍👩‍👧", #""🇸🇾 👨‍👩‍👧""#),
        ("outer whitespace trimmed", "  x  ", #""x""#),
    ])
    func quotesOneLine(_ name: String, _ input: String, _ expected: String) {
        #expect(DOTEscaping.quotedLines([input], maxLineLength: 100) == expected, "\(name)")
    }

    @Test func joinsLinesWithLineBreakEscapes() {
        #expect(DOTEscaping.quotedLines(["لواء القدس", "Liwa al-Quds"], maxLineLength: 40) == #""لواء القدس\nLiwa al-Quds""#)
    }

    @Test func capsLongTextAtCharacterBoundaries() {
        let family = "👨‍👩‍👧"
        let long = String(repeating: family, count: 100)
        let cut = DOTEscaping.truncate(long, to: 10)
        #expect(cut.count == 10)
        #expect(cut.hasSuffix("…"))
        #expect(cut.dropLast().allSatisfy { String($0) == family })
        #expect(DOTEscaping.truncate("short", to: 10) == "short")
        #expect(DOTEscaping.quotedLines([String(repeating: "ب", count: 5000)], maxLineLength: 40).count == 42)
    }

    @Test func tooltipsEscapeBackslashesTwice() {
        // Graphviz 2.42 unescapes tooltips twice: \\\\ shows one backslash, \\N would show the node name.
        #expect(DOTEscaping.quotedTooltip([#"a\N"#, #"end\"#], maxLineLength: 100) == #""a\\\\N\nend\\\\""#)
    }

    @Test func quotedIDsCannotEndEarly() {
        #expect(DOTEscaping.quotedID(#"x" ]; evil [label="y"#) == #""x\" ]; evil [label=\"y""#)
    }
}

struct DOTWriterTests {
    @Test func sameGraphSameBytesWhateverTheArrayOrder() throws {
        let graph = try SampleGraph.load()
        var shuffled = graph
        shuffled.nodes.reverse()
        shuffled.edges.reverse()
        let writer = DOTWriter()
        #expect(writer.write(graph) == writer.write(graph))
        #expect(writer.write(shuffled) == writer.write(graph))
    }

    @Test func graphSettingsAndTitle() throws {
        let dot = DOTWriter().write(try SampleGraph.load())
        #expect(dot.hasPrefix("digraph \"actorgraph\" {\n"))
        #expect(dot.contains(#"charset="UTF-8""#))
        #expect(dot.contains(#"fontname="DejaVu Sans""#))
        #expect(dot.contains(#"label="ActorGraph\n7 documents, 2015-04 – 2023\n11 actors · 13 relations""#))
        let titled = DOTWriter(options: .init(title: "My graph", subtitle: "since 2016")).write(try SampleGraph.load())
        #expect(titled.contains(#"label="My graph\nsince 2016\n7 documents"#))
    }

    @Test func nodeLabelsAndStyleByType() throws {
        let dot = DOTWriter().write(try SampleGraph.load())
        let liwa = try #require(line(in: dot, startingWith: #""liwa-al-quds" ["#))
        #expect(liwa.contains(#"label="لواء القدس\nLiwa al-Quds""#))
        #expect(liwa.contains(#"shape="box""#) && liwa.contains(#"style="rounded,filled""#))
        #expect(liwa.contains(#"aliases: لواء القدس، ميليشيا لواء القدس، ميليشيا \"لواء القدس\""#))
        let person = try #require(line(in: dot, startingWith: #""nasser-rustom" ["#))
        #expect(person.contains(#"shape="ellipse""#))
        let state = try #require(line(in: dot, startingWith: #""russia" ["#))
        #expect(state.contains(#"shape="hexagon""#))
        let discovered = try #require(line(in: dot, startingWith: #""auxiliary-groups" ["#))
        #expect(discovered.contains(#"style="rounded,filled,dashed""#))
    }

    @Test func edgeStyleByRelation() throws {
        let dot = DOTWriter().write(try SampleGraph.load())
        // subordinate_to is drawn parent -> child with dir=back: the parent ranks above, the arrow still points at it.
        let subordinate = try #require(line(in: dot, startingWith: #""mi-branch-227" -> "liwa-al-quds""#))
        #expect(subordinate.contains(#"dir="back""#) && subordinate.contains(#"arrowtail="normal""#))
        let fights = try #require(line(in: dot, startingWith: ##""islamic-state" -> "liwa-al-quds" [color="#de2d26""##))
        #expect(fights.contains(#"dir="none""#) && fights.contains("constraint=false"))
        #expect(fights.contains("penwidth=3.93"))  // 1.4 + 0.9 * log2(7)
        let allied = try #require(line(in: dot, startingWith: #""liwa-al-quds" -> "national-defence-forces""#))
        #expect(allied.contains(#"style="dashed""#) && allied.contains(#"dir="none""#))
        let supports = try #require(line(in: dot, startingWith: #""russia" -> "liwa-al-quds""#))
        #expect(supports.contains(#"arrowhead="normal""#) && supports.contains(##"color="#2171b5""##))
        let defected = try #require(line(in: dot, startingWith: #""liwa-al-quds" -> "auxiliary-groups""#))
        #expect(defected.contains(#"style="dashed""#) && defected.contains(##"color="#e6550d""##))
    }

    @Test func penWidthGrowsSlowlyAndIsCapped() {
        #expect(DOTStyle.penWidth(base: 1, weight: 1) == 1)
        #expect(DOTStyle.penWidth(base: 1, weight: 2) == 1.9)
        #expect(DOTStyle.penWidth(base: 1, weight: 1_000_000) == DOTStyle.maxPenWidth)
        #expect(DOTStyle.penWidth(base: 1, weight: 0) == 1)
    }

    @Test(arguments: [
        (DOTWriter.Options.CoMentions.untypedPairsOnly, 2),
        (.all, 3),
        (.none, 0),
    ])
    func coMentionPolicy(_ policy: DOTWriter.Options.CoMentions, _ drawn: Int) throws {
        let dot = DOTWriter(options: .init(coMentions: policy)).write(try SampleGraph.load())
        let dotted = dot.split(separator: "\n").filter { $0.contains(" -> ") && $0.contains(#"style="dotted""#) }
        #expect(dotted.count == drawn)
        // The fights edge makes the islamic-state / liwa-al-quds co-mention redundant.
        let redundant = dotted.contains { $0.contains(#""islamic-state" -> "liwa-al-quds""#) }
        #expect(redundant == (policy == .all))
    }

    @Test func edgeTooltipQuotesAtMostFiveSentences() throws {
        let graph = try SampleGraph.load()
        let fights = try #require(graph.edges.first { $0.type == .fights && $0.source == "islamic-state" && $0.target == "liwa-al-quds" })
        let tooltips = DOTTooltips(maxLength: 1200, maxEvidence: 5)
        let lines = tooltips.edge(fights, source: try #require(graph.node(id: "islamic-state")), target: try #require(graph.node(id: "liwa-al-quds")))
        #expect(lines.prefix(4) == ["fights", "between: تنظيم الدولة (Islamic State)", "and: لواء القدس (Liwa al-Quds)", "7 sentences, 2015-04 – 2022-08"])
        #expect(lines.filter { $0.hasPrefix("• ") }.count == 5)
        #expect(lines.contains("• 2015-04 · seeds/003_9d9063c38ab4daf6.txt: «اندلعت اشتباكات بين لواء القدس وعناصر تنظيم الدولة في ريف حمص الشرقي.»"))
        #expect(lines.last == "… 2 more sentences")
    }

    @Test func tooltipsStayUnderTheCap() throws {
        var graph = try SampleGraph.load()
        for i in graph.edges.indices {
            for j in graph.edges[i].evidence.indices { graph.edges[i].evidence[j].sentence = String(repeating: "كلمة ", count: 2000) }
        }
        graph.nodes[0].aliases = Array(repeating: String(repeating: "اسم", count: 100), count: 100)
        let tooltips = DOTTooltips(maxLength: 300, maxEvidence: 5)
        for edge in graph.edges {
            let lines = tooltips.edge(edge, source: try #require(graph.node(id: edge.source)), target: try #require(graph.node(id: edge.target)))
            #expect(lines.joined(separator: "\n").count <= 302)
        }
        #expect(tooltips.node(graph.nodes[0]).joined(separator: "\n").count <= 302)
    }

    @Test func legendListsOnlyTypesPresent() throws {
        let dot = DOTWriter().write(try SampleGraph.load())
        let legend = try #require(line(in: dot, startingWith: #""actorgraph-legend" [shape="plaintext""#))
        for type in ActorType.allCases { #expect(legend.contains(">\(type.rawValue) (")) }
        for type in RelationType.allCases { #expect(legend.contains(">\(type.rawValue)")) }
        #expect(!DOTWriter(options: .init(legend: false)).write(try SampleGraph.load()).contains("actorgraph-legend"))

        let small = SampleGraph.graph([SampleGraph.node("a"), SampleGraph.node("b", .person)],
                                      [SampleGraph.edge("b", .commands, "a")])
        let smallLegend = try #require(line(in: DOTWriter().write(small), startingWith: #""actorgraph-legend""#))
        #expect(smallLegend.contains(">commands") && !smallLegend.contains(">fights"))
        #expect(smallLegend.contains(">person (") && !smallLegend.contains(">unit ("))
    }

    @Test func identifiersNeverCollide() throws {
        // Two ids that clean to the same text, and an actor that takes the legend's id.
        let graph = SampleGraph.graph(
            [SampleGraph.node("a\u{0}b"), SampleGraph.node("a\u{1}b"), SampleGraph.node("actorgraph-legend")],
            [SampleGraph.edge("a\u{0}b", .fights, "a\u{1}b")])
        let dot = DOTWriter().write(graph)
        #expect(line(in: dot, startingWith: #""a b" ["#) != nil)
        #expect(line(in: dot, startingWith: #""a b#2" ["#) != nil)
        #expect(line(in: dot, startingWith: #""a b" -> "a b#2""#) != nil)
        #expect(line(in: dot, startingWith: #""actorgraph-legend" [label="#) != nil)
        #expect(line(in: dot, startingWith: #""actorgraph-legend#2" [shape="plaintext""#) != nil)
    }

    @Test func edgesToMissingNodesAreLeftOut() {
        let graph = SampleGraph.graph([SampleGraph.node("a")], [SampleGraph.edge("a", .fights, "ghost")])
        let dot = DOTWriter().write(graph)
        #expect(!dot.contains("ghost"))
        #expect(dot.contains("1 actor · 0 relations"))
    }

    @Test func englishNameLineOmittedWhenEmptyOrSame() {
        let graph = SampleGraph.graph([SampleGraph.node("x", name: "داعش"), SampleGraph.node("y", name: "Hezbollah", nameEn: "Hezbollah"),
                                       SampleGraph.node("z", name: " ", nameEn: "ISIS"), SampleGraph.node("nameless", name: "")], [])
        let dot = DOTWriter().write(graph)
        #expect(dot.contains(#""x" [label="داعش", "#))
        #expect(dot.contains(#""y" [label="Hezbollah", "#))
        #expect(dot.contains(#""z" [label="ISIS", "#))
        #expect(dot.contains(#""nameless" [label="nameless", "#))
    }

    private func line(in dot: String, startingWith prefix: String) -> String? {
        dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(prefix) }
    }
}
