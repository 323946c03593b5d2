/// Writes a snapshot as GEXF 1.3, Gephi's native format, in dynamic mode so that Gephi's
/// timeline plays the graph: every node and edge with a first/last seen date gets `start`/`end`
/// (`timeformat="date"`). A partial date covers all the days it may stand for: `2015-04` starts
/// on 2015-04-01 and ends on 2015-04-30, `2023` spans the whole year. Undated items get no
/// interval and are shown at all times.
///
/// Attributes are those of the GraphML export; the relation type is both the edge `label` and the
/// `type` attribute (the GEXF `type` XML attribute means directedness and is left at the default).
/// Parallel edges between the same pair carry distinct ids and a `kind` (the relation type), as
/// GEXF 1.3 asks for multigraphs.
public enum GEXFWriter {
    public static func write(_ snapshot: GraphSnapshot) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
          <meta>
            <creator>ActorGraph \(ExportText.xml(snapshot.metadata.toolVersion))</creator>
            <description>\(ExportText.xml(description(snapshot)))</description>
          </meta>

        """
        var graph = "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\""
        if let p = snapshot.metadata.period { graph += " start=\"\(p.from.firstDay)\" end=\"\(p.to.lastDay)\"" }
        out += graph + ">\n"

        out += "    <attributes class=\"node\" mode=\"static\">\n"
        for a in ExportSchema.node {
            out += "      <attribute id=\"\(a.name)\" title=\"\(a.name)\" type=\"\(a.kind.rawValue)\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n"
        // weight is the GEXF edge's own attribute, not a declared one.
        for a in ExportSchema.edge where a.name != "weight" {
            out += "      <attribute id=\"\(a.name)\" title=\"\(a.name)\" type=\"\(a.kind.rawValue)\"/>\n"
        }
        out += "    </attributes>\n"

        out += "    <nodes>\n"
        for node in snapshot.nodes {
            out += "      <node id=\"\(ExportText.xml(node.id))\" label=\"\(ExportText.xml(node.name))\"\(interval(node.firstSeen, node.lastSeen))>\n"
            out += "        <attvalues>\n"
            for a in ExportSchema.node {
                guard let v = a.value(node) else { continue }
                out += "          <attvalue for=\"\(a.name)\" value=\"\(ExportText.xml(v))\"/>\n"
            }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, edge) in snapshot.edges.enumerated() {
            out += "      <edge id=\"e\(i)\" source=\"\(ExportText.xml(edge.source))\" target=\"\(ExportText.xml(edge.target))\""
            out += " kind=\"\(edge.type.rawValue)\" label=\"\(edge.type.rawValue)\" weight=\"\(edge.weight)\"\(interval(edge.firstSeen, edge.lastSeen))>\n"
            out += "        <attvalues>\n"
            for a in ExportSchema.edge where a.name != "weight" {
                guard let v = a.value(edge) else { continue }
                out += "          <attvalue for=\"\(a.name)\" value=\"\(ExportText.xml(v))\"/>\n"
            }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    private static func interval(_ first: PartialDate?, _ last: PartialDate?) -> String {
        var s = ""
        if let first { s += " start=\"\(first.firstDay)\"" }
        if let last { s += " end=\"\(last.lastDay)\"" }
        return s
    }

    private static func description(_ s: GraphSnapshot) -> String {
        var d = "Armed actors and their relations from \(s.metadata.documentCount) documents"
        if let p = s.metadata.period { d += ", \(p.from) to \(p.to)" }
        return d + "; gazetteer \(s.metadata.gazetteerVersion)"
    }
}
