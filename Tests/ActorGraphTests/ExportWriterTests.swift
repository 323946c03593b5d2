import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ActorGraph

@Suite("Export writers")
struct ExportWriterTests {
    static func evidence(_ doc: String, _ date: String?, _ sentence: String, cue: String? = nil) -> GraphSnapshot.Evidence {
        .init(document: doc, date: date.flatMap { PartialDate($0) }, start: 0, end: sentence.unicodeScalars.count, sentence: sentence, cue: cue)
    }

    /// Two actors linked by two relation types (parallel edges) and a third, undated one.
    static let small: GraphSnapshot = {
        let nodes = [
            GraphSnapshot.Node(id: "liwa-al-quds", name: "لواء القدس", nameEn: "Liwa al-Quds", type: .faction, side: "government",
                               aliases: ["لواء القدس", "لواء القدس الفلسطيني"], mentions: 3, documents: 2,
                               firstSeen: PartialDate("2015-04"), lastSeen: PartialDate("2024-02")),
            GraphSnapshot.Node(id: "mi-branch-227", name: "الفرع 227", nameEn: "Branch 227", type: .unit,
                               aliases: ["الفرع 227"], mentions: 1, documents: 1, firstSeen: PartialDate("2023"), lastSeen: PartialDate("2023")),
            GraphSnapshot.Node(id: "x", name: "A & B <\"quoted\"> 'it'", nameEn: "x", type: .person, discovered: true, aliases: ["a,b", "c\"d"]),
        ]
        let edges = [
            GraphSnapshot.Edge(source: "liwa-al-quds", type: .subordinateTo, target: "mi-branch-227", weight: 1,
                               firstSeen: PartialDate("2023"), lastSeen: PartialDate("2023"),
                               evidence: [evidence("seeds/002.txt", "2023", "لواء القدس التابعة للفرع 227.", cue: "التابعة لـ")]),
            GraphSnapshot.Edge(source: "liwa-al-quds", type: .coMentioned, target: "mi-branch-227", weight: 2,
                               firstSeen: PartialDate("2015-04"), lastSeen: PartialDate("2024-02"),
                               evidence: [evidence("a.txt", "2015-04", "جملة، أولى"), evidence("b.txt", "2024-02", "جملة \"ثانية\"\nسطر")]),
            GraphSnapshot.Edge(source: "liwa-al-quds", type: .fights, target: "x", weight: 1, evidence: [evidence("c.txt", nil, "x")]),
        ]
        let metadata = GraphSnapshot.Metadata(inputs: ["a.txt", "b.txt", "c.txt", "seeds/002.txt"], documentCount: 4,
                                              period: .init(from: PartialDate("2015-04")!, to: PartialDate("2024-02")!),
                                              undatedDocuments: 1, toolVersion: "0.1.0", gazetteerVersion: "test")
        return GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
    }()

    @Test(arguments: [
        ("plain لواء", "plain لواء"),
        ("a&b", "a&amp;b"),
        ("<tag>", "&lt;tag&gt;"),
        ("\"'", "&quot;&apos;"),
        ("&amp;", "&amp;amp;"),
        ("\t\n\r", "&#9;&#10;&#13;"),
        ("a\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}b", "ab"),
        ("\u{FFFE}\u{FFFF}\u{FFFD}", "\u{FFFD}"),
        ("\u{D7FF}\u{E000}\u{10FFFF}\u{1F600}", "\u{D7FF}\u{E000}\u{10FFFF}\u{1F600}"),
        ("\u{7F}\u{85}", "\u{7F}\u{85}"),  // legal in XML 1.0 (discouraged, not forbidden)
    ])
    func escapesXMLExactly(input: String, expected: String) {
        #expect(ExportText.xml(input) == expected)
    }

    @Test(arguments: [("2015", "2015-01-01", "2015-12-31"), ("2015-04", "2015-04-01", "2015-04-30"),
                      ("2024-02", "2024-02-01", "2024-02-29"), ("2023-02", "2023-02-01", "2023-02-28"),
                      ("1900-02", "1900-02-01", "1900-02-28"), ("2013-05-23", "2013-05-23", "2013-05-23")])
    func partialDatesBecomeTheirFirstAndLastDays(date: String, first: String, last: String) throws {
        let d = try #require(PartialDate(date))
        #expect(d.firstDay == first && d.lastDay == last)
    }

    @Test func graphMLKeepsParallelEdgesAndTypedKeys() throws {
        let xml = GraphMLWriter.write(ExportWriterTests.small)
        let doc = try XMLDocument(data: Data(xml.utf8))
        #expect(try doc.nodes(forXPath: "//*[local-name()='edge']").count == 3)
        let ids = try doc.nodes(forXPath: "//*[local-name()='edge']/@id").compactMap(\.stringValue)
        #expect(Set(ids).count == 3)
        #expect(xml.contains("<key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>"))
        #expect(xml.contains("<key id=\"e_first_seen\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>"))
        #expect(xml.contains("<data key=\"n_aliases\">لواء القدس | لواء القدس الفلسطيني</data>"))
        #expect(xml.contains("<data key=\"n_label\">A &amp; B &lt;&quot;quoted&quot;&gt; &apos;it&apos;</data>"))
        #expect(xml.contains("<data key=\"e_evidence\">جملة، أولى</data>"))  // the oldest evidence
        #expect(xml.contains("<data key=\"e_evidence_count\">2</data>"))
    }

    @Test func gexfIsDynamicWithDayIntervals() throws {
        let xml = GEXFWriter.write(ExportWriterTests.small)
        _ = try XMLDocument(data: Data(xml.utf8))
        #expect(xml.contains("mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\""))
        #expect(xml.contains("<node id=\"liwa-al-quds\" label=\"لواء القدس\" start=\"2015-04-01\" end=\"2024-02-29\">"))
        #expect(xml.contains("<node id=\"mi-branch-227\" label=\"الفرع 227\" start=\"2023-01-01\" end=\"2023-12-31\">"))
        #expect(xml.contains("<node id=\"x\" label=\"A &amp; B &lt;&quot;quoted&quot;&gt; &apos;it&apos;\">"))  // undated: always shown
        #expect(xml.contains("kind=\"subordinate_to\" label=\"subordinate_to\" weight=\"1\" start=\"2023-01-01\" end=\"2023-12-31\""))
    }

    @Test func csvQuotesPerRFC4180() {
        let nodes = CSVWriter.nodes(ExportWriterTests.small)
        #expect(nodes.hasPrefix("id,name,name_en,type,side,discovered,mentions,documents,first_seen,last_seen,aliases\r\n"))
        #expect(nodes.contains("x,\"A & B <\"\"quoted\"\"> 'it'\",x,person,,true,0,0,,,\"a,b | c\"\"d\"\r\n"))
        let edges = CSVWriter.edges(ExportWriterTests.small)
        #expect(edges.contains(",جملة، أولى,a.txt,"))  // the Arabic comma needs no quotes
        #expect(CSVParser.parse(edges).count == 4)
        #expect(CSVWriter.field("\"\u{064E}x") == "\"\"\"\u{064E}x\"")  // a quote carrying a combining mark
        #expect(CSVParser.parse(nodes) .map(\.count) == [11, 11, 11, 11])
    }

    @Test func nodeLinkJSONHasNetworkxShape() throws {
        let data = try NodeLinkJSON.write(ExportWriterTests.small)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["directed"] as? Bool == true && object["multigraph"] as? Bool == true)
        let links = try #require(object["links"] as? [[String: Any]])
        #expect(links.map { $0["key"] as? String } == ["subordinate_to", "co_mentioned", "fights"])
        #expect((links[1]["evidence"] as? [Any])?.count == 2)
        #expect((object["nodes"] as? [[String: Any]])?.first?["aliases"] as? [String] == ["لواء القدس", "لواء القدس الفلسطيني"])
        #expect((object["graph"] as? [String: String])?["period_to"] == "2024-02")
    }

    // MARK: - Fuzz

    /// A snapshot whose every text field is random Unicode, control characters included.
    static func randomSnapshot(seed: Int, huge: Bool = false) -> GraphSnapshot {
        var rng = SeededGenerator(seed: UInt64(seed))
        func text(_ n: Int) -> String { RandomText.make(length: Int.random(in: 0...n, using: &rng), using: &rng) + "&<>\"'\u{0}\u{FFFE}\u{B}" }
        let ids = (0..<6).map { i in text(12) + "#\(i)" }
        let nodes = ids.map { id in
            GraphSnapshot.Node(id: id, name: text(30), nameEn: text(10), type: .faction, side: text(5),
                               aliases: [text(20), text(20)], mentions: 1, documents: 1, firstSeen: PartialDate("2020-02"), lastSeen: nil)
        }
        var edges: [GraphSnapshot.Edge] = []
        for (i, a) in ids.enumerated() {
            for type in [RelationType.commands, .coMentioned] {
                let b = ids[(i + 1) % ids.count]
                let sentence = huge && i == 0 ? String(repeating: "لواء\u{1}&<", count: 100_000) : text(200)
                edges.append(.init(source: a, type: type, target: b, weight: 1, evidence: [
                    .init(document: text(15), date: nil, start: 0, end: 1, sentence: sentence, cue: text(5)),
                ]))
            }
        }
        let metadata = GraphSnapshot.Metadata(inputs: [text(10)], documentCount: 1, period: nil, undatedDocuments: 1,
                                              toolVersion: text(3), gazetteerVersion: text(3))
        return GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
    }

    /// What an XML reader gives back for a value written through `ExportText.xml`.
    static func cleaned(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { v in
            !(v.value < 0x20 && v != "\t" && v != "\n" && v != "\r") && v.value != 0xFFFE && v.value != 0xFFFF
        }))
    }

    @Test(arguments: 0..<25)
    func randomTextAlwaysGivesParsableExports(seed: Int) throws {
        let snapshot = ExportWriterTests.randomSnapshot(seed: seed, huge: seed == 0)

        let graphml = try XMLValues.read(GraphMLWriter.write(snapshot))
        #expect(graphml.edges == snapshot.edges.count)
        #expect(graphml.data["n_name"] == snapshot.nodes.map { ExportWriterTests.cleaned($0.name) })
        #expect(graphml.data["e_evidence"] == snapshot.edges.map { ExportWriterTests.cleaned($0.evidence[0].sentence) })

        let gexf = try XMLValues.read(GEXFWriter.write(snapshot))
        #expect(gexf.edges == snapshot.edges.count)
        #expect(gexf.labels == snapshot.nodes.map { ExportWriterTests.cleaned($0.name) } + snapshot.edges.map(\.type.rawValue))

        // JSONSerialization checks that it parses; values are compared through JSONDecoder, since
        // corelibs' JSONSerialization drops a U+FEFF that follows an escape (a reader bug).
        let nodeLinkData = try NodeLinkJSON.write(snapshot)
        _ = try JSONSerialization.jsonObject(with: nodeLinkData)
        struct Names: Decodable { struct Node: Decodable { var name: String }; var nodes: [Node] }
        #expect(try JSONDecoder().decode(Names.self, from: nodeLinkData).nodes.map(\.name) == snapshot.nodes.map(\.name))
        _ = try JSONSerialization.jsonObject(with: try snapshot.jsonData())

        let rows = CSVParser.parse(CSVWriter.edges(snapshot))
        #expect(rows.dropFirst().map { $0[8] } == snapshot.edges.map { $0.evidence[0].sentence })
        #expect(CSVParser.parse(CSVWriter.nodes(snapshot)).dropFirst().map { $0[10] } == snapshot.nodes.map { $0.aliases.joined(separator: " | ") })
    }
}

/// Reads an export back with Foundation's XMLParser (libxml2): `<data>` texts by key, edge count,
/// and GEXF `label` attributes in document order.
final class XMLValues: NSObject, XMLParserDelegate {
    var data: [String: [String]] = [:]
    var labels: [String] = []
    var edges = 0
    private var key: String?
    private var buffer = ""

    static func read(_ xml: String) throws -> XMLValues {
        let values = XMLValues()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = values
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return values
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "edge" { edges += 1 }
        if name == "data" { key = attributes["key"]; buffer = "" }
        if name == "node" || name == "edge", let label = attributes["label"] { labels.append(label) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if key != nil { buffer += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let key { data[key, default: []].append(buffer); self.key = nil }
    }
}

/// A strict RFC 4180 reader, to check the writer's quoting.
enum CSVParser {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = String.UnicodeScalarView()
        var quoted = false
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(String(field)); field = .init() }
            else if c == "\r", i + 1 < s.count, s[i + 1] == "\n" {
                row.append(String(field)); rows.append(row); row = []; field = .init(); i += 1
            } else { field.append(c) }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
        return rows
    }
}
