import Foundation

/// What `diff(old:new:options:)` reports and how sensitive it is.
public struct DiffOptions: Codable, Sendable, Equatable {
    /// A weight change is reported when |Δ| ≥ `minWeightChange` *and* |Δ| / old ≥
    /// `minRelativeWeightChange` (a fraction; set it to 0 to use the absolute test alone).
    /// Requiring both keeps 1 → 2 (noise) and 100 → 103 (drift) out of the report.
    public var minWeightChange: Int
    public var minRelativeWeightChange: Double
    /// The same two tests for an actor's mention count.
    public var minMentionChange: Int
    public var minRelativeMentionChange: Double
    /// When false, co_mentioned edges are left out (they are most edges and carry no relation type).
    public var includeCoMentions: Bool
    /// An actor id: restrict the diff to it and its neighbours within `focusDepth` edges in the
    /// union of both graphs (the subgraph they induce).
    public var focus: String?
    public var focusDepth: Int

    public init(minWeightChange: Int = 2, minRelativeWeightChange: Double = 0.5,
                minMentionChange: Int = 2, minRelativeMentionChange: Double = 0.5,
                includeCoMentions: Bool = true, focus: String? = nil, focusDepth: Int = 1) {
        self.minWeightChange = minWeightChange
        self.minRelativeWeightChange = minRelativeWeightChange
        self.minMentionChange = minMentionChange
        self.minRelativeMentionChange = minRelativeMentionChange
        self.includeCoMentions = includeCoMentions
        self.focus = focus
        self.focusDepth = focusDepth
    }

    static func exceeds(_ old: Int, _ new: Int, absolute: Int, relative: Double) -> Bool {
        let delta = abs(new - old)
        guard delta > 0, delta >= absolute else { return false }
        // From nothing, any change is infinitely large.
        return old == 0 || Double(delta) / Double(abs(old)) >= relative
    }
}

/// The changes between two graph snapshots (`actorgraph diff OLD NEW --format json`).
///
/// Actors are matched by id, edges by (source, type, target). Edge changes are of two kinds:
/// - `relation`: for one unordered pair of actors, OLD has typed edges NEW lacks *and* NEW has
///   typed edges OLD lacks (allied_with → fights, or a reversed subordinate_to). Those edges are
///   reported once here, not as removed and added;
/// - `weight`: the same edge with a weight change beyond the thresholds.
/// Every list is sorted (actors by id, edges by source, type, target) so the JSON is stable.
public struct GraphDiff: Codable, Sendable, Equatable {
    public static let formatName = "actorgraph-diff"
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    public var old: Input
    public var new: Input
    public var options: DiffOptions
    /// Set when the diff was restricted to an actor's neighbourhood.
    public var focus: Focus?
    public var actors: ActorChanges
    public var edges: EdgeChanges

    public var isEmpty: Bool {
        actors.added.isEmpty && actors.removed.isEmpty && actors.changed.isEmpty
            && edges.added.isEmpty && edges.removed.isEmpty && edges.changed.isEmpty
    }

    /// One of the two snapshots compared.
    public struct Input: Codable, Sendable, Equatable {
        /// What the caller calls it (the file path for the CLI).
        public var label: String
        public var period: GraphSnapshot.Period?
        public var documents: Int
        public var actors: Int
        public var edges: Int

        public init(label: String, snapshot: GraphSnapshot) {
            self.label = label
            self.period = snapshot.metadata.period
            self.documents = snapshot.metadata.documentCount
            self.actors = snapshot.nodes.count
            self.edges = snapshot.edges.count
        }
    }

    public struct Focus: Codable, Sendable, Equatable {
        public var id: String
        public var depth: Int
        /// The actors in scope: the focus and its neighbourhood, by id.
        public var actors: [String]
    }

    public struct ActorChanges: Codable, Sendable, Equatable {
        public var added: [Actor] = []
        public var removed: [Actor] = []
        public var changed: [ActorChange] = []
    }

    public struct EdgeChanges: Codable, Sendable, Equatable {
        public var added: [EdgeSummary] = []
        public var removed: [EdgeSummary] = []
        public var changed: [EdgeChange] = []
    }

    /// An actor as it is in the snapshot it was found in.
    public struct Actor: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var nameEn: String
        public var type: ActorType
        public var side: String?
        public var mentions: Int
        public var documents: Int
        public var firstSeen: PartialDate?
        public var lastSeen: PartialDate?

        public init(_ node: GraphSnapshot.Node) {
            id = node.id; name = node.name; nameEn = node.nameEn; type = node.type; side = node.side
            mentions = node.mentions; documents = node.documents; firstSeen = node.firstSeen; lastSeen = node.lastSeen
        }
    }

    public struct Change<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        public var old: Value
        public var new: Value
        public init(old: Value, new: Value) { self.old = old; self.new = new }
    }

    /// An actor in both snapshots whose names, type, side or mention count changed.
    public struct ActorChange: Codable, Sendable, Equatable {
        public var id: String
        /// The names in NEW.
        public var name: String
        public var nameEn: String
        public var changes: Fields

        /// Only the fields that changed are present.
        public struct Fields: Codable, Sendable, Equatable {
            public var name: Change<String>?
            public var nameEn: Change<String>?
            public var type: Change<ActorType>?
            public var side: Change<String?>?
            public var mentions: Change<Int>?
        }
    }

    public struct EdgeChange: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable { case relation, weight }
        public var kind: Kind
        /// The edge's endpoints (`weight`), or the pair in id order (`relation`).
        public var source: String
        public var target: String

        /// `weight`: the edge's type and its weights.
        public var type: RelationType?
        public var oldWeight: Int?
        public var newWeight: Int?

        /// `relation`: the typed relations of the pair only in OLD and only in NEW, as edges
        /// (direction and weight) and as type names.
        public var fromTypes: [RelationType]?
        public var toTypes: [RelationType]?
        public var oldEdges: [EdgeSummary]?
        public var newEdges: [EdgeSummary]?
    }

    /// Pretty, key-sorted JSON in the snapshot's style (snake_case keys, Arabic kept readable).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> GraphDiff {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(GraphDiff.self, from: data)
    }
}

/// The actors within `depth` edges of `id` in the union of the given edges (`id` included, even
/// when it has no edge).
func neighbourhood(of id: String, depth: Int, edges: [GraphSnapshot.Edge]) -> Set<String> {
    var adjacent: [String: Set<String>] = [:]
    for e in edges {
        adjacent[e.source, default: []].insert(e.target)
        adjacent[e.target, default: []].insert(e.source)
    }
    var seen: Set<String> = [id]
    var frontier: Set<String> = [id]
    for _ in 0..<max(depth, 0) {
        let next = Set(frontier.flatMap { adjacent[$0] ?? [] }).subtracting(seen)
        if next.isEmpty { break }
        seen.formUnion(next)
        frontier = next
    }
    return seen
}

/// Compares two snapshots: which actors and edges were added, removed or changed from OLD to NEW.
/// See `GraphDiff` for the categories and `DiffOptions` for the thresholds and the focus.
public func diff(old: GraphSnapshot, new: GraphSnapshot, options: DiffOptions = DiffOptions(),
                 oldLabel: String = "old", newLabel: String = "new") -> GraphDiff {
    let oldEdgeList = old.edges.filter { options.includeCoMentions || $0.type.isTyped }
    let newEdgeList = new.edges.filter { options.includeCoMentions || $0.type.isTyped }

    var focus: GraphDiff.Focus?
    var inScope: (String) -> Bool = { _ in true }
    if let id = options.focus {
        let scope = neighbourhood(of: id, depth: options.focusDepth, edges: oldEdgeList + newEdgeList)
        focus = GraphDiff.Focus(id: id, depth: options.focusDepth, actors: scope.sorted())
        inScope = { scope.contains($0) }
    }

    // Actors, by id.
    var actors = GraphDiff.ActorChanges()
    let oldNodes = Dictionary(old.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let newNodes = Dictionary(new.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for id in Set(oldNodes.keys).union(newNodes.keys).sorted() where inScope(id) {
        switch (oldNodes[id], newNodes[id]) {
        case (nil, let n?): actors.added.append(.init(n))
        case (let o?, nil): actors.removed.append(.init(o))
        case (let o?, let n?):
            if let change = actorChange(o, n, options) { actors.changed.append(change) }
        case (nil, nil): break
        }
    }

    // Edges, by key; typed edges that differ on one pair become one relation change.
    let oldEdges = Dictionary(oldEdgeList.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    let newEdges = Dictionary(newEdgeList.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    let onlyOld = Set(oldEdges.keys).subtracting(newEdges.keys).filter { inScope($0.source) && inScope($0.target) }
    let onlyNew = Set(newEdges.keys).subtracting(oldEdges.keys).filter { inScope($0.source) && inScope($0.target) }

    struct Pair: Hashable { var a: String; var b: String }
    func pair(_ k: EdgeKey) -> Pair { k.source <= k.target ? Pair(a: k.source, b: k.target) : Pair(a: k.target, b: k.source) }
    let oldTyped = Dictionary(grouping: onlyOld.filter { $0.type.isTyped }, by: pair)
    let newTyped = Dictionary(grouping: onlyNew.filter { $0.type.isTyped }, by: pair)

    var edges = GraphDiff.EdgeChanges()
    var consumed = Set<EdgeKey>()
    for (p, fromKeys) in oldTyped {
        guard let toKeys = newTyped[p] else { continue }
        let from = fromKeys.sorted(), to = toKeys.sorted()
        consumed.formUnion(from)
        consumed.formUnion(to)
        edges.changed.append(.init(kind: .relation, source: p.a, target: p.b,
                                   fromTypes: uniqueTypes(from), toTypes: uniqueTypes(to),
                                   oldEdges: from.compactMap { oldEdges[$0].map { EdgeSummary($0, evidence: false) } },
                                   newEdges: to.compactMap { newEdges[$0].map { EdgeSummary($0, evidence: false) } }))
    }
    for key in onlyOld.subtracting(consumed).sorted() { if let e = oldEdges[key] { edges.removed.append(EdgeSummary(e, evidence: false)) } }
    for key in onlyNew.subtracting(consumed).sorted() { if let e = newEdges[key] { edges.added.append(EdgeSummary(e, evidence: false)) } }
    for (key, o) in oldEdges where inScope(key.source) && inScope(key.target) {
        guard let n = newEdges[key],
              DiffOptions.exceeds(o.weight, n.weight, absolute: options.minWeightChange, relative: options.minRelativeWeightChange)
        else { continue }
        edges.changed.append(.init(kind: .weight, source: key.source, target: key.target, type: key.type,
                                   oldWeight: o.weight, newWeight: n.weight))
    }
    edges.changed.sort { a, b in
        (a.source, a.target, a.type?.rawValue ?? "", a.kind.rawValue) < (b.source, b.target, b.type?.rawValue ?? "", b.kind.rawValue)
    }

    return GraphDiff(format: GraphDiff.formatName, formatVersion: GraphDiff.currentFormatVersion,
                     old: .init(label: oldLabel, snapshot: old), new: .init(label: newLabel, snapshot: new),
                     options: options, focus: focus, actors: actors, edges: edges)
}

private func uniqueTypes(_ keys: [EdgeKey]) -> [RelationType] {
    Array(Set(keys.map(\.type))).sorted()
}

private func actorChange(_ o: GraphSnapshot.Node, _ n: GraphSnapshot.Node, _ options: DiffOptions) -> GraphDiff.ActorChange? {
    var fields = GraphDiff.ActorChange.Fields()
    if o.name != n.name { fields.name = .init(old: o.name, new: n.name) }
    if o.nameEn != n.nameEn { fields.nameEn = .init(old: o.nameEn, new: n.nameEn) }
    if o.type != n.type { fields.type = .init(old: o.type, new: n.type) }
    if o.side != n.side { fields.side = .init(old: o.side, new: n.side) }
    if DiffOptions.exceeds(o.mentions, n.mentions, absolute: options.minMentionChange, relative: options.minRelativeMentionChange) {
        fields.mentions = .init(old: o.mentions, new: n.mentions)
    }
    guard fields != GraphDiff.ActorChange.Fields() else { return nil }
    return .init(id: n.id, name: n.name, nameEn: n.nameEn, changes: fields)
}
