/// An edge as queries and diffs report it: endpoints, type, weight and dates, with its
/// supporting sentences only when asked for (without them the key is left out of the JSON).
public struct EdgeSummary: Codable, Sendable, Equatable {
    public var source: String
    public var type: RelationType
    public var target: String
    public var weight: Int
    public var firstSeen: PartialDate?
    public var lastSeen: PartialDate?
    /// The supporting sentences; nil unless asked for.
    public var evidence: [GraphSnapshot.Evidence]?

    public init(_ edge: GraphSnapshot.Edge, evidence: Bool) {
        source = edge.source; type = edge.type; target = edge.target; weight = edge.weight
        firstSeen = edge.firstSeen; lastSeen = edge.lastSeen
        self.evidence = evidence ? edge.evidence : nil
    }

    public var key: EdgeKey { EdgeKey(source: source, type: type, target: target) }
}

public struct NeighborsQuery: Sendable, Equatable {
    /// How many hops out to go (1 = direct neighbours).
    public var depth: Int
    public var relations: Set<RelationType>
    public var direction: QueryDirection
    public var evidence: Bool

    public init(depth: Int = 1, relations: Set<RelationType> = RelationType.typed, direction: QueryDirection = .both,
                evidence: Bool = false) {
        self.depth = depth; self.relations = relations; self.direction = direction; self.evidence = evidence
    }
}

public struct NeighborsResult: Codable, Sendable, Equatable {
    public struct Neighbor: Codable, Sendable, Equatable {
        public var actor: ActorSummary
        /// Hops from the center (1 = a direct neighbour).
        public var distance: Int
        /// The edges that reach this actor from actors one hop nearer the center.
        public var edges: [EdgeSummary]
    }

    public var center: ActorSummary
    public var depth: Int
    public var direction: QueryDirection
    public var relations: [RelationType]
    /// By distance, then by the summed weight of `edges` (strongest first), then by id.
    public var neighbors: [Neighbor]
}

extension GraphIndex {
    /// The actors within `query.depth` hops of `node`, following only `query.relations` in
    /// `query.direction`, each with its hop distance and the edges that reach it.
    public func neighbors(of node: Int, _ query: NeighborsQuery = NeighborsQuery()) -> NeighborsResult {
        let mask = RelationMask(query.relations)
        var distance: [Int: Int] = [node: 0]
        var reaching: [Int: [Int]] = [:]
        var frontier = [node]
        var hop = 0
        while hop < query.depth && !frontier.isEmpty {
            hop += 1
            var next: [Int] = []
            for current in frontier {
                forEachLink(of: current, mask: mask, direction: query.direction) { link in
                    if let known = distance[link.other] {
                        if known == hop { reaching[link.other, default: []].append(link.edge) }
                        return
                    }
                    distance[link.other] = hop
                    reaching[link.other] = [link.edge]
                    next.append(link.other)
                }
            }
            frontier = next
        }
        var neighbors: [(weight: Int, id: String, value: NeighborsResult.Neighbor)] = []
        for (other, edges) in reaching {
            let summaries = Set(edges).sorted().map { EdgeSummary(edge($0, evidence: query.evidence), evidence: query.evidence) }
                .sorted { ($0.type, $0.source, $0.target) < ($1.type, $1.source, $1.target) }
            let actor = summary(of: other)
            neighbors.append((summaries.reduce(0) { $0 + $1.weight }, actor.id,
                              .init(actor: actor, distance: distance[other] ?? 0, edges: summaries)))
        }
        neighbors.sort { a, b in
            if a.value.distance != b.value.distance { return a.value.distance < b.value.distance }
            if a.weight != b.weight { return a.weight > b.weight }
            return a.id < b.id
        }
        return NeighborsResult(center: summary(of: node), depth: query.depth, direction: query.direction,
                               relations: query.relations.sorted(), neighbors: neighbors.map(\.value))
    }
}
