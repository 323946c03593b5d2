internal import CGraphviz
import Foundation

/// Renders DOT text to images in-process through libgvc (the `dot` program is never started).
///
/// Graphviz keeps global state (the error callback, the parser, plugin tables), so one actor does
/// all of it: use `shared`. Each call owns its C handles and frees each next to where it was
/// made: render data, then layout, then graph, then context.
public actor GraphvizRenderer {
    public static let shared = GraphvizRenderer()

    private init() {}

    /// Parses, lays out and renders `dot`. Throws `RenderError` with Graphviz's message when the
    /// text does not parse, the layout fails or the format is unavailable.
    public func render(dot: String, format: RenderFormat, layout: Layout) throws -> RenderResult {
        let messages = GraphvizMessages.shared
        messages.begin()
        guard let context = gvContext() else { throw RenderError.graphvizUnavailable }
        defer { gvFreeContext(context) }
        let (graph, parseWarnings) = try parse(dot, messages: messages)
        defer { agclose(graph) }

        let counts = edgeCounts(graph)
        let plan = LayoutPlanner.plan(requested: layout, nodes: Int(agnnodes(graph)), edges: counts.all,
                                      directedEdges: counts.directed)
        guard gvLayout(context, graph, plan.layout.rawValue) == 0 else {
            throw RenderError.layoutFailed(layout: plan.layout.rawValue,
                                           message: messages.report().errorText(or: "no message from Graphviz"))
        }
        defer { gvFreeLayout(context, graph) }

        var bytes: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.graphvizName, &bytes, &length)
        defer { if let bytes { gvFreeRenderData(bytes) } }
        guard status == 0, let bytes else {
            throw RenderError.renderFailed(format: format.rawValue,
                                           message: messages.report().errorText(or: "no message from Graphviz"))
        }
        let data = Data(bytes: bytes, count: Int(length))
        return RenderResult(data: data, layoutUsed: plan.layout,
                            warnings: plan.warnings + parseWarnings + messages.report().warnings)
    }

    /// Throws `RenderError.invalidDOT` with Graphviz's parser message unless `dot` parses.
    public func validateDOT(_ dot: String) throws {
        GraphvizMessages.shared.begin()
        let (graph, _) = try parse(dot, messages: .shared)
        agclose(graph)
    }

    /// The nodes and edge count Graphviz's own parser reads from `dot`.
    public func inspectDOT(_ dot: String) throws -> DOTSummary {
        let messages = GraphvizMessages.shared
        messages.begin()
        let (graph, _) = try parse(dot, messages: messages)
        defer { agclose(graph) }
        var nodes: [DOTSummary.Node] = []
        var node = agfstnode(graph)
        while let current = node {
            let name = agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? ""
            let label = attribute(UnsafeMutableRawPointer(current), "label") ?? "\\N"
            nodes.append(DOTSummary.Node(name: name, label: label.isEmpty ? "\\N" : label))
            node = agnxtnode(graph, current)
        }
        return DOTSummary(nodeCount: Int(agnnodes(graph)), edgeCount: Int(agnedges(graph)), nodes: nodes)
    }

    // MARK: - C helpers (the caller closes the graph)

    /// Reads the first graph of `dot`, with the parser's warnings.
    private func parse(_ dot: String, messages: GraphvizMessages) throws -> (UnsafeMutablePointer<Agraph_t>, [String]) {
        // A NUL would silently end the C string early.
        guard !dot.utf8.contains(0) else { throw RenderError.invalidDOT(message: "the text contains a NUL character") }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw RenderError.invalidDOT(message: messages.report().errorText(or: "no graph in the text"))
        }
        var warnings = messages.report().warnings
        if drainLeftoverInput(messages: messages) {
            warnings.append("only the first graph was read; the text after it was ignored")
        }
        return (graph, warnings)
    }

    /// Graphviz 2.42's lexer keeps the text after the first graph buffered and reads it at the
    /// start of the next `agmemread`, whatever that call is given: a second graph in one text
    /// would come back as the next caller's graph, and trailing newlines shift the next error's
    /// line numbers. (After a syntax error Graphviz flushes the buffer itself.) Reading empty
    /// texts until nothing comes back consumes the leftover; it is finite, so this ends.
    /// Returns whether there was anything besides white space.
    private func drainLeftoverInput(messages: GraphvizMessages) -> Bool {
        messages.begin()
        var graphs = 0
        while let extra = "".withCString({ agmemread($0) }) {
            agclose(extra)
            graphs += 1
        }
        let complained = !messages.report().errors.isEmpty
        messages.begin()  // those complaints are not about the graph being rendered
        return graphs > 0 || complained
    }

    /// All edges, and those drawn with an arrow (`dir` other than "none" in a directed graph).
    private func edgeCounts(_ graph: UnsafeMutablePointer<Agraph_t>) -> (all: Int, directed: Int) {
        let all = Int(agnedges(graph))
        guard agisdirected(graph) != 0 else { return (all, 0) }
        var directed = 0
        var node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let e = edge {
                if attribute(UnsafeMutableRawPointer(e), "dir") != "none" { directed += 1 }
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, current)
        }
        return (all, directed)
    }

    private func attribute(_ object: UnsafeMutableRawPointer, _ name: String) -> String? {
        name.withCString { key in
            agget(object, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) }
        }
    }
}
