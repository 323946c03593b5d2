/// Writes a snapshot as GraphML, the XML graph format read by networkx (`read_graphml`), Gephi,
/// Cytoscape, yEd and Neo4j (APOC `apoc.import.graphml`).
///
/// Every attribute is declared with a typed `<key>`. Node and edge keys get distinct ids
/// (`n_…`, `e_…`) because both have `first_seen`/`last_seen`. Edges between the same pair with
/// different relation types stay separate parallel edges, each with its own `id`, which networkx
/// uses as the edge key of the `MultiDiGraph` it returns. Symmetric relations (fights,
/// allied_with, co_mentioned) stay directed edges in id order, flagged by `symmetric`, since a
/// mixed graph is rejected by several readers.
public enum GraphMLWriter {
    public static func write(_ snapshot: GraphSnapshot) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for (name, _) in graphAttributes(snapshot) { key("g_" + name, "graph", name, "string") }
        // `label` is the display name in Gephi and yEd; `actor_id` keeps the id as a property in
        // tools that do not keep GraphML node ids (Neo4j APOC, Cytoscape's shared name).
        key("n_label", "node", "label", "string")
        key("n_actor_id", "node", "actor_id", "string")
        for a in ExportSchema.node { key("n_" + a.name, "node", a.name, a.kind.rawValue) }
        key("e_label", "edge", "label", "string")
        for a in ExportSchema.edge { key("e_" + a.name, "edge", a.name, a.kind.rawValue) }

        out += "  <graph id=\"actorgraph\" edgedefault=\"directed\">\n"
        for (name, value) in graphAttributes(snapshot) {
            out += "    <data key=\"g_\(name)\">\(ExportText.xml(value))</data>\n"
        }
        for node in snapshot.nodes {
            // `labels` and the edge `label` attribute are what Neo4j's apoc.import.graphml reads as
            // node labels (with readLabels: true) and relationship types; other readers ignore them.
            out += "    <node id=\"\(ExportText.xml(node.id))\" labels=\":Actor:\(node.type.rawValue.capitalized)\">\n"
            out += "      <data key=\"n_label\">\(ExportText.xml(node.name))</data>\n"
            out += "      <data key=\"n_actor_id\">\(ExportText.xml(node.id))</data>\n"
            for a in ExportSchema.node {
                guard let v = a.value(node) else { continue }
                out += "      <data key=\"n_\(a.name)\">\(ExportText.xml(v))</data>\n"
            }
            out += "    </node>\n"
        }
        for (i, edge) in snapshot.edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"\(ExportText.xml(edge.source))\" target=\"\(ExportText.xml(edge.target))\" label=\"\(edge.type.rawValue)\">\n"
            out += "      <data key=\"e_label\">\(edge.type.rawValue)</data>\n"
            for a in ExportSchema.edge {
                guard let v = a.value(edge) else { continue }
                out += "      <data key=\"e_\(a.name)\">\(ExportText.xml(v))</data>\n"
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Graph-level facts every format carries: where the graph came from and what it spans.
    static func graphAttributes(_ s: GraphSnapshot) -> [(String, String)] {
        var a: [(String, String)] = [("format", "actorgraph-snapshot/\(s.formatVersion)"),
                                     ("documents", String(s.metadata.documentCount))]
        if let p = s.metadata.period { a += [("period_from", p.from.description), ("period_to", p.to.description)] }
        a += [("tool_version", s.metadata.toolVersion), ("gazetteer_version", s.metadata.gazetteerVersion)]
        return a
    }
}
