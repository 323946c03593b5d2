/// Pure functions that cut a snapshot down to what a reader asked to see.
///
/// Each returns a new snapshot; nodes and edges keep their order and metadata stays as it was.
/// Node statistics (mentions, documents, first/last seen) are not recomputed: mentions carry no dates.
///
/// Isolated nodes: a filter that removes edges also removes the nodes it leaves without any
/// edge; nodes that had no edge to begin with stay (unless the filter is about nodes).
public enum GraphFilter {
    /// Keeps only edges of the given relation types.
    public static func keepingRelations(_ types: Set<RelationType>, in graph: GraphSnapshot) -> GraphSnapshot {
        removingEdges(from: graph) { !types.contains($0.type) }
    }

    /// Keeps only actors of the given types, and the edges between them.
    public static func keepingActorTypes(_ types: Set<ActorType>, in graph: GraphSnapshot) -> GraphSnapshot {
        let kept = Set(graph.nodes.filter { types.contains($0.type) }.map(\.id))
        return droppingNewlyIsolated(induced(graph, on: kept), from: graph)
    }

    /// Keeps only edges supported by at least `weight` sentences.
    public static func minimumWeight(_ weight: Int, in graph: GraphSnapshot) -> GraphSnapshot {
        removingEdges(from: graph) { $0.weight < weight }
    }

    /// Keeps the evidence dated inside the window (both ends inclusive, either may be nil) and
    /// recomputes each edge's weight and first/last seen from what is left; edges left without
    /// evidence go.
    ///
    /// A date belongs to the window when the days it may stand for overlap it: "2015" is inside
    /// `since: 2015-06`. Undated evidence is dropped whenever a bound is given. Nodes without any
    /// edge to begin with stay only if their first/last seen overlap the window (or are unknown).
    public static func dated(since: PartialDate?, until: PartialDate?, in graph: GraphSnapshot) -> GraphSnapshot {
        guard since != nil || until != nil else { return graph }
        /// Whether the days from `first` to `last` meet the window.
        func overlaps(_ first: PartialDate, _ last: PartialDate) -> Bool {
            (since.map { last.upperBound >= $0.lowerBound } ?? true)
                && (until.map { first.lowerBound <= $0.upperBound } ?? true)
        }
        var result = graph
        result.edges = graph.edges.compactMap { edge in
            let evidence = edge.evidence.filter { $0.date.map { overlaps($0, $0) } ?? false }
            guard !evidence.isEmpty else { return nil }
            var kept = edge
            kept.evidence = evidence
            kept.weight = Set(evidence.map { SentenceKey(document: $0.document, start: $0.start, end: $0.end) }).count
            let dates = evidence.compactMap(\.date)
            kept.firstSeen = dates.min()
            kept.lastSeen = dates.max()
            return kept
        }
        return droppingNewlyIsolated(result, from: graph) { node in
            let first = node.firstSeen ?? node.lastSeen, last = node.lastSeen ?? node.firstSeen
            guard let first, let last else { return true }
            return overlaps(first, last)
        }
    }

    /// The actors within `depth` edges of `center` (edge direction ignored) and the edges between
    /// them. Depth 0 is the actor alone. An id that is not in the graph gives an empty graph.
    public static func egoNetwork(of center: String, depth: Int, in graph: GraphSnapshot) -> GraphSnapshot {
        guard graph.nodes.contains(where: { $0.id == center }) else {
            return induced(graph, on: [])
        }
        var neighbours: [String: [String]] = [:]
        for edge in graph.edges {
            neighbours[edge.source, default: []].append(edge.target)
            neighbours[edge.target, default: []].append(edge.source)
        }
        var reached: Set<String> = [center]
        var frontier = [center]
        for _ in 0..<max(depth, 0) where !frontier.isEmpty {
            var next: [String] = []
            for id in frontier {
                for other in neighbours[id, default: []] where reached.insert(other).inserted {
                    next.append(other)
                }
            }
            frontier = next
        }
        return induced(graph, on: reached)
    }

    /// At most `count` actors: the `pinned` ones (which always stay), then those with the highest
    /// weighted degree (sum of the weights of their edges), ties broken by id; and the edges
    /// between them.
    public static func mostConnected(_ count: Int, pinned: Set<String> = [], in graph: GraphSnapshot) -> GraphSnapshot {
        guard graph.nodes.count > count else { return graph }
        let degree = weightedDegrees(graph)
        let pinnedPresent = pinned.intersection(graph.nodes.map(\.id))
        let ranked = graph.nodes.map(\.id).filter { !pinnedPresent.contains($0) }.sorted { a, b in
            let da = degree[a, default: 0], db = degree[b, default: 0]
            return da != db ? da > db : a < b
        }
        let kept = pinnedPresent.union(ranked.prefix(max(count - pinnedPresent.count, 0)))
        return induced(graph, on: kept)
    }

    /// Sum of the weights of each actor's edges.
    public static func weightedDegrees(_ graph: GraphSnapshot) -> [String: Int] {
        var degree: [String: Int] = [:]
        for edge in graph.edges {
            degree[edge.source, default: 0] += edge.weight
            if edge.target != edge.source { degree[edge.target, default: 0] += edge.weight }
        }
        return degree
    }

    // MARK: - Shared steps

    private static func removingEdges(from graph: GraphSnapshot, where drop: (GraphSnapshot.Edge) -> Bool) -> GraphSnapshot {
        var result = graph
        result.edges = graph.edges.filter { !drop($0) }
        return droppingNewlyIsolated(result, from: graph)
    }

    /// The given nodes and the edges between them.
    private static func induced(_ graph: GraphSnapshot, on kept: Set<String>) -> GraphSnapshot {
        var result = graph
        result.nodes = graph.nodes.filter { kept.contains($0.id) }
        result.edges = graph.edges.filter { kept.contains($0.source) && kept.contains($0.target) }
        return result
    }

    /// Drops the nodes of `result` that had edges in `original` and have none now; nodes that had
    /// no edge in `original` stay when `keepIsolated` says so.
    private static func droppingNewlyIsolated(_ result: GraphSnapshot, from original: GraphSnapshot,
                                              keepIsolated: (GraphSnapshot.Node) -> Bool = { _ in true }) -> GraphSnapshot {
        let hadEdges = endpoints(of: original.edges)
        let hasEdges = endpoints(of: result.edges)
        var pruned = result
        pruned.nodes = result.nodes.filter { node in
            hasEdges.contains(node.id) || (!hadEdges.contains(node.id) && keepIsolated(node))
        }
        return pruned
    }

    private static func endpoints(of edges: [GraphSnapshot.Edge]) -> Set<String> {
        var ids = Set<String>()
        for edge in edges { ids.insert(edge.source); ids.insert(edge.target) }
        return ids
    }

    /// A sentence is identified by its document and span: the unit an edge's weight counts.
    private struct SentenceKey: Hashable {
        let document: String, start: Int, end: Int
    }
}
