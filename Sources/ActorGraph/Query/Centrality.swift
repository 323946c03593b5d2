/// Centrality measures over the actors of an index, each an array indexed by actor number.
///
/// All of them see the graph restricted to the given relation types. Degree and betweenness treat
/// it as undirected and simple (several edges between two actors make one link); PageRank follows
/// directed relations from source to target (a unit passes rank to the body it is subordinate to),
/// symmetric ones both ways, weighted by edge weight.
public enum CentralityMeasure: String, Codable, Sendable, CaseIterable {
    /// Distinct neighbours; ties broken by weighted degree.
    case degree
    /// Sum of the weights of the actor's edges.
    case weightedDegree = "weighted-degree"
    /// Brandes' betweenness: over all pairs of other actors, the share of shortest paths through the actor.
    case betweenness
    case pagerank
}

public struct CentralityRow: Codable, Sendable, Equatable {
    public var rank: Int
    public var actor: ActorSummary
    /// The measure ranked by.
    public var score: Double
    public var degree: Int
    public var weightedDegree: Int
}

extension GraphIndex {
    /// Undirected adjacency without repeats or self-loops, in actor order.
    func simpleNeighbours(_ mask: RelationMask) -> [[Int32]] {
        (0..<nodeCount).map { v in
            var seen = Set<Int32>()
            var list: [Int32] = []
            forEachLink(of: v, mask: mask, direction: .both) { link in
                if link.other != v && seen.insert(Int32(link.other)).inserted { list.append(Int32(link.other)) }
            }
            return list.sorted()
        }
    }

    /// Distinct neighbours and summed edge weights of every actor.
    public func degrees(relations: Set<RelationType> = RelationType.typed) -> (degree: [Int], weighted: [Int]) {
        let mask = RelationMask(relations)
        var degree = [Int](repeating: 0, count: nodeCount)
        var weighted = [Int](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            var seen = Set<Int>()
            forEachLink(of: v, mask: mask, direction: .both) { link in
                weighted[v] += weight(of: link.edge)
                if link.other != v && seen.insert(link.other).inserted { degree[v] += 1 }
            }
        }
        return (degree, weighted)
    }

    /// Betweenness by Brandes' algorithm (unweighted, undirected): each unordered pair of other
    /// actors counts once, so on a path a–b–c the middle actor scores 1. Not normalized.
    public func betweenness(relations: Set<RelationType> = RelationType.typed) -> [Double] {
        let n = nodeCount
        let neighbours = simpleNeighbours(RelationMask(relations))
        var centrality = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var distance = [Int](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        var predecessors = [[Int32]](repeating: [], count: n)
        var order: [Int] = []
        var queue: [Int] = []
        order.reserveCapacity(n); queue.reserveCapacity(n)
        for s in 0..<n {
            for v in order { sigma[v] = 0; distance[v] = -1; delta[v] = 0; predecessors[v].removeAll(keepingCapacity: true) }
            order.removeAll(keepingCapacity: true); queue.removeAll(keepingCapacity: true)
            sigma[s] = 1; distance[s] = 0; queue.append(s)
            var head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                order.append(v)
                for w32 in neighbours[v] {
                    let w = Int(w32)
                    if distance[w] < 0 { distance[w] = distance[v] + 1; queue.append(w) }
                    if distance[w] == distance[v] + 1 { sigma[w] += sigma[v]; predecessors[w].append(Int32(v)) }
                }
            }
            for w in order.reversed() {
                for v32 in predecessors[w] {
                    let v = Int(v32)
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
                }
                if w != s { centrality[w] += delta[w] }
            }
        }
        return centrality.map { $0 / 2 }
    }

    /// PageRank by power iteration from the uniform vector, until the scores move by less than
    /// `tolerance` (L1) or after `maxIterations`. Rank of actors without outgoing links is spread
    /// over all actors. The scores sum to 1; the same graph always gives the same numbers.
    public func pageRank(relations: Set<RelationType> = RelationType.typed, damping: Double = 0.85,
                         tolerance: Double = 1e-10, maxIterations: Int = 200) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let mask = RelationMask(relations)
        // Incoming links per actor (from, weight), and the total outgoing weight of each actor.
        var incoming = [[(from: Int32, weight: Double)]](repeating: [], count: n)
        var outWeight = [Double](repeating: 0, count: n)
        for v in 0..<n {
            forEachLink(of: v, mask: mask, direction: .outgoing) { link in
                guard link.other != v else { return }
                let w = Double(max(weight(of: link.edge), 0))
                incoming[link.other].append((Int32(v), w))
                outWeight[v] += w
            }
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for v in 0..<n where outWeight[v] == 0 { dangling += rank[v] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            var change = 0.0
            for v in 0..<n {
                var sum = 0.0
                for (from, w) in incoming[v] { sum += rank[Int(from)] * w / outWeight[Int(from)] }
                next[v] = base + damping * sum
                change += abs(next[v] - rank[v])
            }
            swap(&rank, &next)
            if change < tolerance { break }
        }
        return rank
    }

    /// The `limit` highest-ranked actors (of `type`, when given) by `measure`; ties broken by
    /// weighted degree, then degree, then id.
    public func top(by measure: CentralityMeasure, type: ActorType? = nil, limit: Int = 20,
                    relations: Set<RelationType> = RelationType.typed) -> [CentralityRow] {
        let (degree, weighted) = degrees(relations: relations)
        let score: [Double] = switch measure {
        case .degree: degree.map(Double.init)
        case .weightedDegree: weighted.map(Double.init)
        case .betweenness: betweenness(relations: relations)
        case .pagerank: pageRank(relations: relations)
        }
        var candidates = (0..<nodeCount).filter { type == nil || self.type(of: $0) == type }
        let ids = candidates.map { id(of: $0) }
        var idOf: [Int: String] = [:]
        for (v, id) in zip(candidates, ids) { idOf[v] = id }
        candidates.sort { a, b in
            if score[a] != score[b] { return score[a] > score[b] }
            if weighted[a] != weighted[b] { return weighted[a] > weighted[b] }
            if degree[a] != degree[b] { return degree[a] > degree[b] }
            return idOf[a, default: ""] < idOf[b, default: ""]
        }
        return candidates.prefix(max(limit, 0)).enumerated().map { i, v in
            CentralityRow(rank: i + 1, actor: summary(of: v), score: score[v], degree: degree[v], weightedDegree: weighted[v])
        }
    }
}
