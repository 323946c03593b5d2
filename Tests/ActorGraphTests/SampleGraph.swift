import ActorGraph
import Foundation

/// The shared hand-made snapshot in Tests/Fixtures (see its README), and small graph builders.
enum SampleGraph {
    static func load() throws -> GraphSnapshot {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sample-graph.json")
        return try JSONDecoder().decode(GraphSnapshot.self, from: Data(contentsOf: url))
    }

    static let metadata = GraphSnapshot.Metadata(inputs: ["a.txt"], documentCount: 1, period: nil, undatedDocuments: 0,
                                                 toolVersion: "test", gazetteerVersion: "test")

    static func node(_ id: String, _ type: ActorType = .faction, name: String? = nil, nameEn: String = "",
                     aliases: [String] = [], first: String? = nil, last: String? = nil) -> GraphSnapshot.Node {
        GraphSnapshot.Node(id: id, name: name ?? id, nameEn: nameEn, type: type, aliases: aliases,
                           firstSeen: first.flatMap(PartialDate.init), lastSeen: last.flatMap(PartialDate.init))
    }

    /// An edge whose evidence is one sentence per date (nil for undated), at distinct offsets.
    static func edge(_ source: String, _ type: RelationType, _ target: String, dates: [String?] = ["2020"]) -> GraphSnapshot.Edge {
        let evidence = dates.enumerated().map { i, date in
            GraphSnapshot.Evidence(document: "doc\(i).txt", date: date.flatMap(PartialDate.init), start: i * 10, end: i * 10 + 5,
                                   sentence: "sentence \(i)", cue: nil)
        }
        let known = evidence.compactMap(\.date)
        return GraphSnapshot.Edge(source: source, type: type, target: target, weight: evidence.count,
                                  firstSeen: known.min(), lastSeen: known.max(), evidence: evidence)
    }

    static func graph(_ nodes: [GraphSnapshot.Node], _ edges: [GraphSnapshot.Edge]) -> GraphSnapshot {
        GraphSnapshot(metadata: metadata, nodes: nodes, edges: edges)
    }
}
