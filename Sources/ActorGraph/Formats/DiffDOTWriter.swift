/// Writes a `DiffGraph` as Graphviz DOT: added green, removed red (dashed), changed orange,
/// unchanged grey, with a legend and a title naming the two inputs and their periods.
///
/// Names come from news text and snapshot files, so they are untrusted: every ID and label is
/// written as a quoted string through `quotedID` / `quotedLabel`, never bare, never HTML (the
/// legend alone is HTML-like, and made of constants).
public enum DiffDOTWriter {
    public struct Colours: Sendable, Equatable {
        public var line: String
        public var fill: String
    }

    public static func colours(_ status: DiffGraph.Status) -> Colours {
        switch status {
        case .added: return Colours(line: "#2e7d32", fill: "#e8f5e9")
        case .removed: return Colours(line: "#c62828", fill: "#ffebee")
        case .changed: return Colours(line: "#ef6c00", fill: "#fff3e0")
        case .unchanged: return Colours(line: "#9e9e9e", fill: "#f5f5f5")
        }
    }

    /// DejaVu Sans has Arabic glyphs; pango shapes them right to left.
    static let font = "DejaVu Sans"
    /// Longer labels are cut: a hostile or garbled "name" must not swamp the layout.
    static let maxLabelLength = 80

    public static func render(_ graph: DiffGraph) -> String {
        var out = "digraph \(quotedID("actorgraph-diff")) {\n"
        // Force layouts (neato, which `auto` picks for graphs of mostly co-mentions) overlap nodes
        // unless told not to.
        out += "  graph [rankdir=LR, labelloc=t, fontsize=16, fontname=\(quotedID(font)), label=\(quotedLabel(title(graph))), "
        out += "overlap=\"false\", sep=\"+8\", outputorder=\"edgesfirst\"];\n"
        out += "  node [fontname=\(quotedID(font)), fontsize=11, style=filled];\n"
        out += "  edge [fontname=\(quotedID(font)), fontsize=9];\n"

        // The legend's ID gets a prefix no actor id starts with, so it can never merge with an actor.
        var prefix = "legend:"
        while graph.nodes.contains(where: { $0.id.hasPrefix(prefix) }) { prefix = "_" + prefix }
        out += "  \(quotedID(prefix + "statuses")) [shape=plaintext, style=\"\", margin=0, label=\(legend)];\n"
        for node in graph.nodes {
            let c = colours(node.status)
            var style = node.type == .person || node.type == .state ? "filled" : "filled,rounded"
            if node.status == .removed { style += ",dashed" }
            var lines = [node.name]
            if !node.nameEn.isEmpty && node.nameEn != node.name { lines.append(node.nameEn) }
            lines += node.notes
            out += "  \(quotedID(node.id)) [label=\(quotedLabel(lines)), shape=\(shape(node.type)), style=\(quotedID(style)), "
            out += "color=\(quotedID(c.line)), fillcolor=\(quotedID(c.fill)), "
            // The focus keeps its status colour, with a double, thicker outline.
            out += node.id == graph.focus?.id ? "penwidth=3, peripheries=2];\n" : "penwidth=\(node.status == .unchanged ? "1" : "2")];\n"
        }

        for edge in graph.edges {
            let c = colours(edge.status)
            var attributes = ["label=\(quotedLabel([edgeLabel(edge)]))", "color=\(quotedID(c.line))", "fontcolor=\(quotedID(c.line))"]
            if edge.type.isSymmetric { attributes.append("dir=none") }
            if edge.status == .removed { attributes.append("style=dashed") } else if edge.type == .coMentioned { attributes.append("style=dotted") }
            if edge.status != .unchanged { attributes.append("penwidth=2") }
            out += "  \(quotedID(edge.source)) -> \(quotedID(edge.target)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    /// One node whose HTML-like label is a table of the statuses: a cluster of sample nodes
    /// stays whole only under dot, while neato and sfdp scatter it. Built from constants only.
    static var legend: String {
        let rows = DiffGraph.Status.allCases.map { status in
            let c = colours(status)
            return #"<tr><td bgcolor="\#(c.fill)" color="\#(c.line)" border="2" width="40"> </td>"#
                + #"<td align="left"><font color="\#(c.line)">\#(status.rawValue)</font></td></tr>"#
        }
        return ##"<<table border="1" color="#bdbdbd" cellborder="0" cellspacing="3" cellpadding="3" bgcolor="white">"##
            + #"<tr><td colspan="2" align="center"><b>Legend</b></td></tr>"# + rows.joined() + "</table>>"
    }

    static func title(_ graph: DiffGraph) -> [String] {
        func describe(_ side: String, _ input: GraphDiff.Input) -> String {
            let period = input.period.map { $0.from == $0.to ? "\($0.from)" : "\($0.from) … \($0.to)" } ?? "undated"
            return "\(side): \(input.label) — \(period), \(input.documents) document\(input.documents == 1 ? "" : "s")"
        }
        var lines = ["ActorGraph diff", describe("OLD", graph.old), describe("NEW", graph.new)]
        if let focus = graph.focus {
            lines.append("focus: \(focus.id) and its neighbours within \(focus.depth) edge\(focus.depth == 1 ? "" : "s")")
        }
        return lines
    }

    static func edgeLabel(_ edge: DiffGraph.Edge) -> String {
        let type = edge.type.rawValue
        switch edge.status {
        case .changed where !edge.replaced.isEmpty:
            let was = edge.replaced.map { r in
                r.type == edge.type && r.source != edge.source ? "reversed" : r.type.rawValue
            }
            return "\(type) (\(edge.newWeight ?? 0)), was \(was.joined(separator: ", "))"
        case .changed:
            return "\(type) \(edge.oldWeight ?? 0) → \(edge.newWeight ?? 0)"
        case .removed:
            return "\(type) (\(edge.oldWeight ?? 0))"
        case .added, .unchanged:
            return "\(type) (\(edge.newWeight ?? 0))"
        }
    }

    static func shape(_ type: ActorType) -> String {
        switch type {
        case .person: return "ellipse"
        case .state: return "hexagon"
        case .faction, .unit, .place: return "box"
        }
    }

    /// A DOT quoted string for an ID. Injective — two different ids never become the same node —
    /// because every backslash written starts one of the escapes below, and a literal one is doubled.
    public static func quotedID(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.properties.generalCategory == .control || isBidiControl(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A DOT quoted string for a label of several lines, safe for display: quotes and backslashes
    /// are escaped (so `\N`, `\G`, `\l` in a name stay text); `{ } < > |` are escaped too, so the
    /// text stays literal even under a record shape; line breaks become spaces; control and bidi
    /// embedding/override/isolate characters, which could garble or disguise the text, are dropped.
    public static func quotedLabel(_ lines: [String]) -> String {
        "\"" + lines.map(escapeLabelLine).joined(separator: "\\n") + "\""
    }

    static func escapeLabelLine(_ text: String) -> String {
        var line = oneLine(text)
        if line.count > maxLabelLength { line = String(line.prefix(maxLabelLength - 1)) + "…" }
        var out = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\"", "\\", "{", "}", "<", ">", "|": out += "\\"; out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Untrusted text as one safe line: line breaks and tabs become spaces; control characters and
    /// bidi embeddings, overrides and isolates are dropped. (The diff's text output uses it as is.)
    static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out.append(" ")
            default:
                if scalar.properties.generalCategory == .control || isBidiControl(scalar) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they can reorder what a
    /// reader sees. The plain marks U+200E/U+200F are harmless and kept.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
