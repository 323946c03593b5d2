/// Everything the graph says about one actor: the node and its relations grouped by type.
public struct ActorReport: Codable, Sendable, Equatable {
    public struct Relation: Codable, Sendable, Equatable {
        /// How the edge stands to the actor: `out` (it is the source), `in`, or `undirected`.
        public var direction: LinkDirection
        public var actor: ActorSummary
        public var weight: Int
        public var firstSeen: PartialDate?
        public var lastSeen: PartialDate?
        /// The supporting sentences; nil unless asked for.
        public var evidence: [GraphSnapshot.Evidence]?
    }

    public struct Group: Codable, Sendable, Equatable {
        public var type: RelationType
        /// By direction (out, in, undirected), then weight (strongest first), then id.
        public var relations: [Relation]
    }

    public var actor: GraphSnapshot.Node
    /// In the order of `RelationType` (typed relations first, co_mentioned last); empty groups left out.
    public var groups: [Group]
}

extension GraphIndex {
    public func report(on node: Int, relations: Set<RelationType> = Set(RelationType.allCases),
                       evidence: Bool = false) -> ActorReport {
        var byType: [RelationType: [(id: String, relation: ActorReport.Relation)]] = [:]
        forEachLink(of: node, relations: relations) { link in
            let e = edge(link.edge, evidence: evidence)
            let other = summary(of: link.other)
            byType[e.type, default: []].append((other.id, ActorReport.Relation(
                direction: link.direction, actor: other, weight: e.weight, firstSeen: e.firstSeen, lastSeen: e.lastSeen,
                evidence: evidence ? e.evidence : nil)))
        }
        let groups = byType.keys.sorted().map { type in
            let relations = (byType[type] ?? []).sorted { a, b in
                if a.relation.direction != b.relation.direction { return a.relation.direction < b.relation.direction }
                if a.relation.weight != b.relation.weight { return a.relation.weight > b.relation.weight }
                return a.id < b.id
            }
            return ActorReport.Group(type: type, relations: relations.map(\.relation))
        }
        return ActorReport(actor: self.node(node), groups: groups)
    }
}
