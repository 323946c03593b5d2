extension GraphFilter {
    /// Everything a reader can ask to cut a snapshot down; nil means "no limit".
    public struct Criteria: Sendable, Equatable {
        public var since: PartialDate?
        public var until: PartialDate?
        public var relations: Set<RelationType>?
        public var actorTypes: Set<ActorType>?
        public var minimumWeight: Int?
        /// An actor id (already resolved) whose ego network is kept.
        public var focus: String?
        public var depth: Int
        public var maxNodes: Int?

        public init(since: PartialDate? = nil, until: PartialDate? = nil, relations: Set<RelationType>? = nil,
                    actorTypes: Set<ActorType>? = nil, minimumWeight: Int? = nil, focus: String? = nil,
                    depth: Int = 1, maxNodes: Int? = nil) {
            self.since = since; self.until = until; self.relations = relations; self.actorTypes = actorTypes
            self.minimumWeight = minimumWeight; self.focus = focus; self.depth = depth; self.maxNodes = maxNodes
        }
    }

    /// Applies the criteria in a fixed order: the date window first (it changes weights), then
    /// relation and actor types and the minimum weight (so the ego network walks only edges that
    /// will be drawn), then the ego network, and last the node cap, which always keeps the focus.
    public static func apply(_ criteria: Criteria, to graph: GraphSnapshot) -> GraphSnapshot {
        var result = dated(since: criteria.since, until: criteria.until, in: graph)
        if let relations = criteria.relations { result = keepingRelations(relations, in: result) }
        if let types = criteria.actorTypes { result = keepingActorTypes(types, in: result) }
        if let weight = criteria.minimumWeight { result = minimumWeight(weight, in: result) }
        if let focus = criteria.focus { result = egoNetwork(of: focus, depth: criteria.depth, in: result) }
        if let cap = criteria.maxNodes {
            result = mostConnected(cap, pinned: criteria.focus.map { [$0] } ?? [], in: result)
        }
        return result
    }
}
