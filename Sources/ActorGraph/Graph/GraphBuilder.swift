/// Merges per-document extractions (and whole snapshots) into one graph.
///
/// One node per actor id; one edge per (source, type, target) whose weight is the number of
/// distinct supporting sentences. All evidence is kept. Merging is associative and commutative:
/// the result depends only on the set of documents, not on the order they arrive in.
public struct GraphBuilder: Sendable {
    private struct NodeAccumulator: Sendable {
        var node: GraphSnapshot.Node
        var aliasCounts: [String: Int]
        var documents: Set<String>
    }

    private var nodes: [String: NodeAccumulator] = [:]
    private var edges: [EdgeKey: Set<GraphSnapshot.Evidence>] = [:]
    private var inputs: Set<String> = []
    private var dates: [PartialDate] = []
    private var undated = 0

    public init() {}

    public mutating func add(_ doc: DocumentExtraction) {
        let article = doc.article
        guard inputs.insert(article.id).inserted else { return }
        if let d = article.date { dates.append(d) } else { undated += 1 }
        for (index, actor) in doc.actors.actors.enumerated() {
            let names = doc.actors.mentions.filter { $0.actor == index && $0.kind == .name }
            var acc = nodes[actor.id] ?? NodeAccumulator(
                node: .init(id: actor.id, name: actor.name, nameEn: actor.nameEn, type: actor.type, side: actor.side, discovered: actor.discovered),
                aliasCounts: [:], documents: [])
            for m in names { acc.aliasCounts[NormalizedText.display(m.text), default: 0] += 1 }
            acc.node.mentions += names.count
            acc.documents.insert(article.id)
            acc.node.firstSeen = earliest(acc.node.firstSeen, article.date)
            acc.node.lastSeen = latest(acc.node.lastSeen, article.date)
            nodes[actor.id] = acc
        }
        for relation in doc.relations {
            let key = EdgeKey(source: doc.actors.actors[relation.source].id, type: relation.type, target: doc.actors.actors[relation.target].id)
            for e in relation.evidence {
                let s = doc.sentences[e.sentence]
                edges[key, default: []].insert(.init(document: article.id, date: article.date, start: s.start, end: s.end, sentence: s.text, cue: e.cue))
            }
        }
    }

    /// Adds a whole snapshot (for `merge`): its nodes, edges and evidence.
    public mutating func add(_ snapshot: GraphSnapshot) {
        for input in snapshot.metadata.inputs { inputs.insert(input) }
        if let p = snapshot.metadata.period { dates += [p.from, p.to] }
        undated += snapshot.metadata.undatedDocuments
        for node in snapshot.nodes {
            var acc = nodes[node.id] ?? NodeAccumulator(node: node, aliasCounts: [:], documents: [])
            if nodes[node.id] != nil {
                acc.node.mentions += node.mentions
                acc.node.firstSeen = earliest(acc.node.firstSeen, node.firstSeen)
                acc.node.lastSeen = latest(acc.node.lastSeen, node.lastSeen)
            }
            for (rank, alias) in node.aliases.enumerated() { acc.aliasCounts[alias, default: 0] += node.aliases.count - rank }
            nodes[node.id] = acc
        }
        for edge in snapshot.edges {
            edges[edge.key, default: []].formUnion(edge.evidence)
            for e in edge.evidence { nodes[edge.source]?.documents.insert(e.document); nodes[edge.target]?.documents.insert(e.document) }
        }
    }

    public func snapshot(toolVersion: String = ActorGraphVersion.current, gazetteerVersion: String) -> GraphSnapshot {
        let nodeList = nodes.values.map { acc -> GraphSnapshot.Node in
            var n = acc.node
            n.aliases = acc.aliasCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            n.documents = max(n.documents, acc.documents.count)
            return n
        }.sorted { $0.id < $1.id }
        let edgeList = edges.map { key, evidence -> GraphSnapshot.Edge in
            let sorted = evidence.sorted { a, b in
                let da = a.date?.lowerBound ?? 0, db = b.date?.lowerBound ?? 0
                if da != db { return da < db }
                if a.document != b.document { return a.document < b.document }
                if a.start != b.start { return a.start < b.start }
                return (a.cue ?? "") < (b.cue ?? "")
            }
            let sentences = Set(sorted.map { "\($0.document)\u{0}\($0.start)" })
            let dated = sorted.compactMap(\.date)
            return GraphSnapshot.Edge(source: key.source, type: key.type, target: key.target, weight: sentences.count,
                                      firstSeen: dated.min(), lastSeen: dated.max(), evidence: sorted)
        }.sorted { $0.key < $1.key }
        let period = dates.min().flatMap { from in dates.max().map { GraphSnapshot.Period(from: from, to: $0) } }
        let metadata = GraphSnapshot.Metadata(inputs: inputs.sorted(), documentCount: inputs.count, period: period,
                                              undatedDocuments: undated, toolVersion: toolVersion, gazetteerVersion: gazetteerVersion)
        return GraphSnapshot(metadata: metadata, nodes: nodeList, edges: edgeList)
    }

    private func earliest(_ a: PartialDate?, _ b: PartialDate?) -> PartialDate? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    private func latest(_ a: PartialDate?, _ b: PartialDate?) -> PartialDate? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }
}
