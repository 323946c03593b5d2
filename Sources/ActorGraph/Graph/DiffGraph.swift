/// The union of two snapshots with every actor and edge marked by what a diff says happened to
/// it: what `DiffDOTWriter` draws. Within the diff's focus only, when it has one.
public struct DiffGraph: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case added, removed, changed, unchanged
    }

    public struct Node: Sendable, Equatable {
        public var id: String
        public var name: String
        public var nameEn: String
        public var type: ActorType
        public var status: Status
        /// What changed, for a changed actor ("mentions 4 → 11", "type faction → unit").
        public var notes: [String]
    }

    public struct Edge: Sendable, Equatable {
        public var source: String
        public var type: RelationType
        public var target: String
        public var status: Status
        /// Nil on the side the edge is missing from.
        public var oldWeight: Int?
        public var newWeight: Int?
        /// For a relation change (drawn as NEW's edge): the pair's typed edges in OLD it replaced.
        public var replaced: [EdgeSummary]
    }

    public var old: GraphDiff.Input
    public var new: GraphDiff.Input
    public var focus: GraphDiff.Focus?
    /// Sorted by id.
    public var nodes: [Node]
    /// Sorted by source, type, target.
    public var edges: [Edge]

    /// Marks the union of `old` and `new` with the statuses `diff` found. Actors and edges the
    /// diff does not list are unchanged; co_mentioned edges are left out when the diff left them out.
    public init(diff: GraphDiff, old: GraphSnapshot, new: GraphSnapshot) {
        self.old = diff.old
        self.new = diff.new
        self.focus = diff.focus
        let scope = diff.focus.map { Set($0.actors) }
        func inScope(_ id: String) -> Bool { scope?.contains(id) ?? true }

        let added = Set(diff.actors.added.map(\.id)), removed = Set(diff.actors.removed.map(\.id))
        let changed = Dictionary(diff.actors.changed.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var nodes: [String: Node] = [:]
        for n in old.nodes + new.nodes where inScope(n.id) {
            // NEW's names and type win (new.nodes come second and overwrite).
            let status: Status = added.contains(n.id) ? .added : removed.contains(n.id) ? .removed
                : changed[n.id] != nil ? .changed : .unchanged
            nodes[n.id] = Node(id: n.id, name: n.name, nameEn: n.nameEn, type: n.type, status: status,
                               notes: changed[n.id].map(DiffGraph.notes) ?? [])
        }
        self.nodes = nodes.values.sorted { $0.id < $1.id }

        let include = { (e: GraphSnapshot.Edge) in
            (diff.options.includeCoMentions || e.type.isTyped) && inScope(e.source) && inScope(e.target)
        }
        let oldEdges = Dictionary(old.edges.filter(include).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newEdges = Dictionary(new.edges.filter(include).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var replaced: [EdgeKey: [EdgeSummary]] = [:]
        var replacedOld = Set<EdgeKey>()
        var weightChanged = Set<EdgeKey>()
        for c in diff.edges.changed {
            switch c.kind {
            case .relation:
                for e in c.newEdges ?? [] { replaced[e.key] = c.oldEdges ?? [] }
                for e in c.oldEdges ?? [] { replacedOld.insert(e.key) }
            case .weight:
                if let type = c.type { weightChanged.insert(EdgeKey(source: c.source, type: type, target: c.target)) }
            }
        }
        var edges: [Edge] = []
        for key in Set(oldEdges.keys).union(newEdges.keys).sorted() where !replacedOld.contains(key) {
            let o = oldEdges[key], n = newEdges[key]
            let status: Status
            switch (o, n) {
            case (nil, _): status = replaced[key] != nil ? .changed : .added
            case (_, nil): status = .removed
            default: status = weightChanged.contains(key) ? .changed : .unchanged
            }
            edges.append(Edge(source: key.source, type: key.type, target: key.target, status: status,
                              oldWeight: o?.weight, newWeight: n?.weight, replaced: replaced[key] ?? []))
        }
        self.edges = edges
    }

    static func notes(_ change: GraphDiff.ActorChange) -> [String] {
        let f = change.changes
        var notes: [String] = []
        if let c = f.name { notes.append("was \(c.old)") }
        if let c = f.nameEn { notes.append("was \(c.old)") }
        if let c = f.type { notes.append("type \(c.old.rawValue) → \(c.new.rawValue)") }
        if let c = f.side { notes.append("side \(c.old ?? "none") → \(c.new ?? "none")") }
        if let c = f.mentions { notes.append("mentions \(c.old) → \(c.new)") }
        return notes
    }
}
