/// Picks the layout engine for a graph: resolves `auto`, and moves graphs too large for the
/// requested engine to sfdp (the only engine here that stays fast on thousands of nodes).
public enum LayoutPlanner {
    public struct Plan: Sendable, Equatable {
        /// Never `.auto`.
        public var layout: Layout
        public var warnings: [String]
    }

    /// The most nodes and edges an engine gets before the renderer switches to sfdp; nil means
    /// no limit. Beyond these, dot's ranking and neato/fdp's all-pairs distances take minutes
    /// and circo's cycle search longer still.
    public static func limits(for layout: Layout) -> (nodes: Int, edges: Int)? {
        switch layout {
        case .dot, .neato, .fdp: (500, 3000)
        case .circo: (300, 1500)
        case .twopi: (1000, 5000)
        case .sfdp, .auto: nil
        }
    }

    /// - Parameter directedEdges: edges drawn with an arrow (typed, directed relations); a graph
    ///   where they are at least half the edges is "mostly hierarchical".
    public static func plan(requested: Layout, nodes: Int, edges: Int, directedEdges: Int) -> Plan {
        let chosen = requested == .auto ? automatic(nodes: nodes, edges: edges, directedEdges: directedEdges) : requested
        guard let limit = limits(for: chosen), nodes > limit.nodes || edges > limit.edges else {
            return Plan(layout: chosen, warnings: [])
        }
        let warning = "layout \(chosen.rawValue) is too slow for \(nodes) nodes and \(edges) edges "
            + "(limit \(limit.nodes) nodes, \(limit.edges) edges); used sfdp instead"
        return Plan(layout: .sfdp, warnings: [warning])
    }

    private static func automatic(nodes: Int, edges: Int, directedEdges: Int) -> Layout {
        let hierarchical = directedEdges * 2 >= edges
        if nodes <= 150 && hierarchical { return .dot }
        if nodes <= 400 { return .neato }
        return .sfdp
    }
}
