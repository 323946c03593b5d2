/// Writes a graph snapshot as Graphviz DOT text. Pure Swift; rendering is ActorGraphRender's job.
///
/// Every piece of graph text goes through `DOTEscaping`; see there for what a reader sees.
/// The output depends only on the snapshot's content and the options: nodes are written in id
/// order and edges in `EdgeKey` order, whatever order the arrays had.
public struct DOTWriter: Sendable {
    public struct Options: Sendable, Equatable {
        /// Which `co_mentioned` edges to draw.
        public enum CoMentions: String, Sendable, CaseIterable {
            case all
            case none
            /// Only between actors that have no typed relation (a typed edge says more).
            case untypedPairsOnly
        }

        public var coMentions: CoMentions
        /// The first line of the graph's title; nil writes "ActorGraph".
        public var title: String?
        /// A line under the title, e.g. the filters applied; nil writes none.
        public var subtitle: String?
        public var legend: Bool
        /// The most characters in one tooltip (node or edge).
        public var maxTooltipLength: Int
        /// The most evidence sentences quoted in one edge tooltip.
        public var maxEvidencePerEdge: Int
        /// The most characters in one line of a node label.
        public var maxLabelLineLength: Int
        public var fontName: String
        /// The actor a focused drawing is centred on (`render --focus`): drawn with a thick outline.
        public var focus: String?

        public init(coMentions: CoMentions = .untypedPairsOnly, title: String? = nil, subtitle: String? = nil, legend: Bool = true,
                    maxTooltipLength: Int = 1200, maxEvidencePerEdge: Int = 5, maxLabelLineLength: Int = 40,
                    fontName: String = "DejaVu Sans", focus: String? = nil) {
            self.coMentions = coMentions
            self.title = title
            self.subtitle = subtitle
            self.legend = legend
            self.maxTooltipLength = maxTooltipLength
            self.maxEvidencePerEdge = maxEvidencePerEdge
            self.maxLabelLineLength = maxLabelLineLength
            self.fontName = fontName
            self.focus = focus
        }
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    public func write(_ graph: GraphSnapshot) -> String {
        let nodes = graph.nodes.sorted { $0.id < $1.id }
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let edges = drawnEdges(graph.edges, nodes: byID)
        var ids = DOTIdentifiers()
        let tooltips = DOTTooltips(maxLength: options.maxTooltipLength, maxEvidence: options.maxEvidencePerEdge)
        let font = DOTEscaping.quotedLines([options.fontName], maxLineLength: 100)

        var out = "digraph \"actorgraph\" {\n"
        out += "  graph [charset=\"UTF-8\", fontname=\(font), fontsize=16, label=\(title(graph, nodes: nodes.count, edges: edges.count)), "
            + "labelloc=\"t\", rankdir=\"TB\", nodesep=0.4, ranksep=0.7, outputorder=\"edgesfirst\", "
            + "overlap=\"false\", sep=\"+8\", pad=0.3, bgcolor=\"white\"\(sizeLimit(nodes: nodes.count))];\n"
        out += "  node [fontname=\(font), fontsize=11, margin=\"0.12,0.06\", penwidth=1];\n"
        out += "  edge [fontname=\(font), fontsize=9, arrowsize=0.7];\n"

        for node in nodes {
            out += "  " + ids.quoted(node.id) + " [" + nodeAttributes(node, tooltips: tooltips) + "];\n"
        }
        for edge in edges {
            guard let source = byID[edge.source], let target = byID[edge.target] else { continue }
            out += "  " + edgeStatement(edge, source: source, target: target, ids: ids, tooltips: tooltips) + ";\n"
        }
        if options.legend && !nodes.isEmpty {
            let label = DOTLegend.label(
                actorTypes: Set(nodes.map(\.type)).sorted(),
                relationTypes: Set(edges.map(\.type)).sorted(),
                hasDiscovered: nodes.contains { $0.discovered })
            out += "  " + ids.fresh("actorgraph-legend") + " [shape=\"plaintext\", margin=0, tooltip=\"Legend\", label=\(label)];\n"
        }
        out += "}\n"
        return out
    }

    /// The edges `write` draws, in key order: those whose endpoints are both nodes, minus the
    /// co-mentions the options leave out. The title counts them, and so does `render`'s report.
    public func drawnEdges(of graph: GraphSnapshot) -> [GraphSnapshot.Edge] {
        drawnEdges(graph.edges, nodes: Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    private func drawnEdges(_ edges: [GraphSnapshot.Edge], nodes: [String: GraphSnapshot.Node]) -> [GraphSnapshot.Edge] {
        let present = edges
            .filter { nodes[$0.source] != nil && nodes[$0.target] != nil }
            .sorted { $0.key < $1.key }
        switch options.coMentions {
        case .all:
            return present
        case .none:
            return present.filter { $0.type.isTyped }
        case .untypedPairsOnly:
            let typedPairs = Set(present.filter { $0.type.isTyped }.map { UnorderedPair($0.source, $0.target) })
            return present.filter { $0.type.isTyped || !typedPairs.contains(UnorderedPair($0.source, $0.target)) }
        }
    }

    private func title(_ graph: GraphSnapshot, nodes: Int, edges: Int) -> String {
        let meta = graph.metadata
        var sources = DOTTooltips.plural(meta.documentCount, "document")
        if let span = DOTTooltips.span(meta.period?.from, meta.period?.to) { sources += ", " + span }
        if meta.undatedDocuments > 0 { sources += " (\(meta.undatedDocuments) undated)" }
        let counts = "\(DOTTooltips.plural(nodes, "actor")) · \(DOTTooltips.plural(edges, "relation"))"
        let lines = [options.title ?? "ActorGraph"] + (options.subtitle.map { [$0] } ?? []) + [sources, counts]
        return DOTEscaping.quotedLines(lines, maxLineLength: 120)
    }

    private func nodeAttributes(_ node: GraphSnapshot.Node, tooltips: DOTTooltips) -> String {
        let style = DOTStyle.node(node.type)
        // Arabic name, then English name; an empty or repeated name takes no line, and the id
        // stands in when there is no name at all.
        let names = [node.name, node.nameEn].map(DOTEscaping.clean).filter { !$0.isEmpty }
        let lines = names.isEmpty ? [node.id] : names.count == 2 && names[0] == names[1] ? [names[0]] : names
        let drawn = node.discovered ? style.style + "," + DOTStyle.discoveredOutline : style.style
        var attributes = [
            "label=" + DOTEscaping.quotedLines(lines, maxLineLength: options.maxLabelLineLength),
            "shape=\"\(style.shape)\"",
            "style=\"\(drawn)\"",
            "fillcolor=\"\(style.fillColor)\"",
            "tooltip=" + DOTEscaping.quotedTooltip(tooltips.node(node), maxLineLength: options.maxTooltipLength),
        ]
        if node.id == options.focus { attributes += ["penwidth=3.5", "color=\"#111111\""] }
        return attributes.joined(separator: ", ")
    }

    private func edgeStatement(_ edge: GraphSnapshot.Edge, source: GraphSnapshot.Node, target: GraphSnapshot.Node,
                               ids: DOTIdentifiers, tooltips: DOTTooltips) -> String {
        let style = DOTStyle.edge(edge.type)
        var attributes = [
            "color=\"\(style.color)\"",
            "style=\"\(style.style)\"",
            "penwidth=" + DOTStyle.number(DOTStyle.penWidth(base: style.basePenWidth, weight: edge.weight)),
        ]
        let (tail, head): (String, String)
        if style.drawnReversed {
            (tail, head) = (edge.target, edge.source)
            attributes += ["dir=\"back\"", "arrowtail=\"\(style.arrowhead ?? "none")\""]
        } else {
            (tail, head) = (edge.source, edge.target)
            attributes.append(style.arrowhead.map { "arrowhead=\"\($0)\"" } ?? "dir=\"none\"")
        }
        if !style.ranks { attributes.append("constraint=false") }
        let tip = DOTEscaping.quotedTooltip(tooltips.edge(edge, source: source, target: target),
                                            maxLineLength: options.maxTooltipLength)
        attributes.append("tooltip=" + tip)
        return ids.existing(tail) + " -> " + ids.existing(head) + " [" + attributes.joined(separator: ", ") + "]"
    }
}

/// Two node ids without order, for "is there a typed edge between these two actors".
private struct UnorderedPair: Hashable {
    let low: String, high: String
    init(_ a: String, _ b: String) { (low, high) = a < b ? (a, b) : (b, a) }
}

extension DOTWriter {
    /// Large graphs get a maximum drawing size (inches; Graphviz scales down only what is larger),
    /// so that a 2,000-actor PNG stays a few thousand pixels wide instead of tens of megabytes.
    static let largeGraphNodes = 300

    func sizeLimit(nodes: Int) -> String {
        nodes > DOTWriter.largeGraphNodes ? ", size=\"80,80\"" : ""
    }
}
