/// Picks the layout engine for a graph: resolves `auto`, and moves graphs too large for the
/// requested engine to sfdp (the only engine here that stays fast on thousands of nodes).
public enum LayoutPlanner {
    public struct Plan: Sendable, Equatable {
        /// Never `.auto`.
        public var layout: Layout
        public var warnings: [String]
    }

    /// The most nodes and edges an engine gets before the renderer switches to sfdp; nil means
    /// no limit. Measured on random graphs on 2 cores: dot's crossing minimisation took 3.6 s at
    /// 400 nodes and 800 edges but 19.5 s at 1000 edges; neato and fdp took 2–3 s at 400 nodes
    /// and grow with the square of the node count.
    public static func limits(for layout: Layout) -> (nodes: Int, edges: Int)? {
        switch layout {
        case .dot: (400, 800)
        case .neato, .fdp: (500, 3000)
        case .circo: (300, 1500)
        case .twopi: (1000, 5000)
        case .sfdp, .auto: nil
        }
    }

    /// - Parameter directedEdges: edges drawn with an arrow (typed, directed relations); a graph
    ///   where they are at least half the edges is "mostly hierarchical".
    public static func plan(requested: Layout, nodes: Int, edges: Int, directedEdges: Int) -> Plan {
        func fits(_ layout: Layout) -> Bool {
            guard let limit = limits(for: layout) else { return true }
            return nodes <= limit.nodes && edges <= limit.edges
        }
        if requested == .auto {
            // Small, mostly hierarchical graphs read best top-down; the rest as a force layout.
            let hierarchical = directedEdges * 2 >= edges
            let preferred: [Layout] = nodes <= 150 && hierarchical ? [.dot, .neato] : nodes <= 400 ? [.neato] : []
            return Plan(layout: preferred.first(where: fits) ?? .sfdp, warnings: [])
        }
        guard !fits(requested), let limit = limits(for: requested) else { return Plan(layout: requested, warnings: []) }
        let warning = "layout \(requested.rawValue) is too slow for \(nodes) nodes and \(edges) edges "
            + "(limit \(limit.nodes) nodes, \(limit.edges) edges); used sfdp instead"
        return Plan(layout: .sfdp, warnings: [warning])
    }
}
