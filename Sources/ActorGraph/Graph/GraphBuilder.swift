/// Merges per-document extractions (and whole snapshots) into one graph.
///
/// One node per actor id; one edge per (source, type, target) whose weight is the number of
/// distinct supporting sentences. All evidence is kept. Merging is associative and commutative:
/// the result depends only on the set of documents, not on the order they arrive in.
public struct GraphBuilder: Sendable {
    /// What a node is called. One id can come with different names (a gazetteer name dated by
    /// period, two spellings of a discovered name): the one from the latest-dated document wins,
    /// ties broken by the text, so that the result does not depend on the order of arrival.
    private struct Identity: Sendable {
        var name: String
        var nameEn: String
        var type: ActorType
        var side: String?
        var discovered: Bool
        var date: PartialDate?

        func isPreferred(to other: Identity) -> Bool {
            if date != other.date { return (date.map { d in other.date.map { d > $0 } ?? true }) ?? false }
            return (name, nameEn, type.rawValue, side ?? "", discovered ? 1 : 0)
                < (other.name, other.nameEn, other.type.rawValue, other.side ?? "", other.discovered ? 1 : 0)
        }
    }

    private struct NodeAccumulator: Sendable {
        var identity: Identity
        /// Document → surface form → count: the exact record that merges without loss.
        var occurrences: [String: [String: Int]] = [:]
        var firstSeen: PartialDate?
        var lastSeen: PartialDate?
        /// What snapshots written without `occurrences` contributed: counts add up (a document
        /// shared by two such snapshots counts twice) and alias order is approximated by rank.
        var hasLegacy = false
        var legacyMentions = 0
        var legacyDocuments = 0
        var legacyAliasWeights: [String: Int] = [:]

        init(_ identity: Identity) { self.identity = identity }

        mutating func offer(_ candidate: Identity) {
            if candidate.isPreferred(to: identity) { identity = candidate }
        }
    }

    private var nodes: [String: NodeAccumulator] = [:]
    private var edges: [EdgeKey: Set<GraphSnapshot.Evidence>] = [:]
    private var inputs: Set<String> = []
    private var dates: [PartialDate] = []
    private var undatedInputs: Set<String> = []
    /// Undated documents of snapshots that did not list them (added, not deduplicated).
    private var legacyUndated = 0

    public init() {}

    public mutating func add(_ doc: DocumentExtraction) {
        let article = doc.article
        guard inputs.insert(article.id).inserted else { return }
        if let d = article.date { dates.append(d) } else { undatedInputs.insert(article.id) }
        let namesByActor = doc.actors.nameMentionsByActor()
        for (index, actor) in doc.actors.actors.enumerated() {
            let names = namesByActor[index]
            let identity = Identity(name: actor.name, nameEn: actor.nameEn, type: actor.type, side: actor.side,
                                    discovered: actor.discovered, date: article.date)
            var acc = nodes[actor.id] ?? NodeAccumulator(identity)
            acc.offer(identity)
            var counts = acc.occurrences[article.id] ?? [:]
            for m in names { counts[NormalizedText.display(m.text), default: 0] += 1 }
            acc.occurrences[article.id] = counts
            acc.firstSeen = earliest(acc.firstSeen, article.date)
            acc.lastSeen = latest(acc.lastSeen, article.date)
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

    /// Adds a whole snapshot (for `merge`): its documents, nodes, edges and evidence. Merging is
    /// exact for snapshots that carry `occurrences` and `undated_inputs`: the result equals the
    /// graph built from all their documents at once, and a document in several snapshots counts once.
    public mutating func add(_ snapshot: GraphSnapshot) {
        for input in snapshot.metadata.inputs { inputs.insert(input) }
        if let p = snapshot.metadata.period { dates += [p.from, p.to] }
        if let undated = snapshot.metadata.undatedInputs {
            undatedInputs.formUnion(undated)
        } else {
            legacyUndated += snapshot.metadata.undatedDocuments
        }
        for node in snapshot.nodes {
            // A snapshot's name for a node came from its latest document, dated `lastSeen`.
            let identity = Identity(name: node.name, nameEn: node.nameEn, type: node.type, side: node.side,
                                    discovered: node.discovered, date: node.lastSeen)
            var acc = nodes[node.id] ?? NodeAccumulator(identity)
            acc.offer(identity)
            acc.firstSeen = earliest(acc.firstSeen, node.firstSeen)
            acc.lastSeen = latest(acc.lastSeen, node.lastSeen)
            if let occurrences = node.occurrences {
                for o in occurrences {
                    // The same document from two snapshots: the per-form maximum keeps merging idempotent.
                    var counts = acc.occurrences[o.document] ?? [:]
                    for a in o.aliases { counts[a.text] = max(counts[a.text] ?? 0, a.count) }
                    acc.occurrences[o.document] = counts
                }
            } else {
                acc.hasLegacy = true
                acc.legacyMentions += node.mentions
                acc.legacyDocuments += node.documents
                for (rank, alias) in node.aliases.enumerated() { acc.legacyAliasWeights[alias, default: 0] += node.aliases.count - rank }
            }
            nodes[node.id] = acc
        }
        for edge in snapshot.edges {
            edges[edge.key, default: []].formUnion(edge.evidence)
        }
    }

    public func snapshot(toolVersion: String = ActorGraphVersion.current, gazetteerVersion: String) -> GraphSnapshot {
        let nodeList = nodes.map { id, acc -> GraphSnapshot.Node in
            var aliasCounts = acc.legacyAliasWeights
            var mentions = acc.legacyMentions
            for counts in acc.occurrences.values {
                for (alias, count) in counts { aliasCounts[alias, default: 0] += count; mentions += count }
            }
            let occurrences = acc.occurrences.sorted { $0.key < $1.key }.map { document, counts in
                GraphSnapshot.Occurrence(document: document, aliases: counts.sorted { $0.key < $1.key }.map { .init(text: $0.key, count: $0.value) })
            }
            let i = acc.identity
            return GraphSnapshot.Node(
                id: id, name: i.name, nameEn: i.nameEn, type: i.type, side: i.side, discovered: i.discovered,
                aliases: aliasCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                mentions: mentions, documents: acc.occurrences.count + acc.legacyDocuments,
                firstSeen: acc.firstSeen, lastSeen: acc.lastSeen,
                // A node with approximate (legacy) counts must not claim an exact record.
                occurrences: acc.hasLegacy ? nil : occurrences)
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
                                              undatedDocuments: undatedInputs.count + legacyUndated, toolVersion: toolVersion,
                                              gazetteerVersion: gazetteerVersion,
                                              undatedInputs: legacyUndated > 0 ? nil : undatedInputs.sorted())
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
