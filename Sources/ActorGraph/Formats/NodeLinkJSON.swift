import Foundation

/// Writes a snapshot in networkx's node-link form, also what d3-force and many web viewers take:
/// `{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...], "links": [...]}`.
///
/// Read it with `nx.node_link_graph(data, edges="links")` (networkx ≥ 3.4 defaults to `edges`).
/// Each link's `key` is its relation type, so parallel edges of different types between the same
/// pair stay apart in the `MultiDiGraph`. Unlike the flat formats, links carry all their evidence.
public enum NodeLinkJSON {
    struct Document: Encodable {
        var directed = true
        var multigraph = true
        var graph: [String: String]
        var nodes: [Node]
        var links: [Link]
    }

    struct Node: Encodable {
        var id, name, nameEn: String
        var type: ActorType
        var side: String?
        var discovered: Bool
        var mentions, documents: Int
        var firstSeen, lastSeen: PartialDate?
        var aliases: [String]
    }

    struct Link: Encodable {
        var source, target, key: String
        var type: RelationType
        var symmetric: Bool
        var weight: Int
        var firstSeen, lastSeen: PartialDate?
        var evidenceCount: Int
        var evidence: [GraphSnapshot.Evidence]
    }

    public static func write(_ snapshot: GraphSnapshot) throws -> Data {
        let document = Document(
            graph: Dictionary(GraphMLWriter.graphAttributes(snapshot), uniquingKeysWith: { a, _ in a }),
            nodes: snapshot.nodes.map { n in
                Node(id: n.id, name: n.name, nameEn: n.nameEn, type: n.type, side: n.side, discovered: n.discovered,
                     mentions: n.mentions, documents: n.documents, firstSeen: n.firstSeen, lastSeen: n.lastSeen, aliases: n.aliases)
            },
            links: snapshot.edges.map { e in
                Link(source: e.source, target: e.target, key: e.type.rawValue, type: e.type, symmetric: e.type.isSymmetric,
                     weight: e.weight, firstSeen: e.firstSeen, lastSeen: e.lastSeen, evidenceCount: e.evidence.count, evidence: e.evidence)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(document)
    }
}
