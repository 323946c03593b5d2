import ActorGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared sample snapshot in Tests/Fixtures (see its README).
enum Fixtures {
    static func sampleGraph() throws -> GraphSnapshot {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sample-graph.json")
        return try JSONDecoder().decode(GraphSnapshot.self, from: Data(contentsOf: url))
    }
}

/// What Graphviz displays for a stored label: `\n`, `\l` and `\r` end a line; a backslash
/// before any other character stands for that character.
func displayedLabel(_ stored: String) -> String {
    var out = ""
    var escaped = false
    for ch in stored {
        if escaped {
            out.append(ch == "n" || ch == "l" || ch == "r" ? "\n" : ch)
            escaped = false
        } else if ch == "\\" {
            escaped = true
        } else {
            out.append(ch)
        }
    }
    return out
}

/// The parts of an SVG file the tests look at, read with Foundation's XML parser.
final class SVGContents: NSObject, XMLParserDelegate {
    private(set) var titles: [String] = []
    private(set) var texts: [String] = []
    private(set) var tooltips: [String] = []
    private var current: String?
    private var buffer = ""

    /// Nil when the data is not well-formed XML.
    static func read(_ data: Data) -> SVGContents? {
        let contents = SVGContents()
        let parser = XMLParser(data: data)
        parser.delegate = contents
        return parser.parse() ? contents : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let tooltip = attributes["xlink:title"] { tooltips.append(tooltip) }
        if name == "title" || name == "text" { current = name; buffer = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { buffer += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == current else { return }
        if name == "title" { titles.append(buffer) } else { texts.append(buffer) }
        current = nil
    }
}
