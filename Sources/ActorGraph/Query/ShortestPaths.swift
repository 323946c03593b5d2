/// All shortest paths between two actors, each hop with the relations that make it.
public struct PathsResult: Codable, Sendable, Equatable {
    /// How a hop's edge runs along the path (read from `from` to `to`).
    public enum HopDirection: String, Codable, Sendable {
        /// The hop's `from` is the edge's source.
        case forward
        /// The hop's `to` is the edge's source.
        case backward
        /// A symmetric relation.
        case undirected
    }

    public struct HopRelation: Codable, Sendable, Equatable {
        public var type: RelationType
        public var direction: HopDirection
        public var weight: Int
        public var firstSeen: PartialDate?
        public var lastSeen: PartialDate?
    }

    public struct Hop: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        /// Every followed edge between the two actors (there may be several types).
        public var relations: [HopRelation]
    }

    public struct Path: Codable, Sendable, Equatable {
        public var actors: [ActorSummary]
        public var hops: [Hop]
    }

    public var from: ActorSummary
    public var to: ActorSummary
    public var relations: [RelationType]
    /// Hops on each shortest path; nil when the actors are not connected.
    public var length: Int?
    /// How many shortest paths there are (may exceed `paths.count`).
    public var count: Int
    /// At most the requested number, in the order of their actor ids read from `from` to `to`.
    public var paths: [Path]
}

extension GraphIndex {
    /// All shortest paths from `a` to `b` over `relations`, with edge directions ignored; at most
    /// `maxPaths` are listed, `count` says how many there are.
    public func shortestPaths(from a: Int, to b: Int, maxPaths: Int = 10,
                              relations: Set<RelationType> = RelationType.typed) -> PathsResult {
        let mask = RelationMask(relations)
        var result = PathsResult(from: summary(of: a), to: summary(of: b), relations: relations.sorted(),
                                 length: nil, count: 0, paths: [])
        if a == b {
            result.length = 0; result.count = 1
            result.paths = maxPaths > 0 ? [PathsResult.Path(actors: [summary(of: a)], hops: [])] : []
            return result
        }
        // Breadth-first from a, level by level, stopping at b's level; predecessors on shortest paths kept.
        var distance: [Int: Int] = [a: 0]
        var predecessors: [Int: [Int]] = [:]
        var paths: [Int: Int] = [a: 1]  // number of shortest paths from a, saturating
        var frontier = [a]
        var level = 0
        while !frontier.isEmpty && distance[b] == nil {
            level += 1
            var next: [Int] = []
            for current in frontier {
                forEachLink(of: current, mask: mask, direction: .both) { link in
                    let other = link.other
                    if distance[other] == nil { distance[other] = level; next.append(other) }
                    guard distance[other] == level else { return }
                    if predecessors[other]?.contains(current) == true { return }
                    predecessors[other, default: []].append(current)
                    let (sum, overflow) = paths[other, default: 0].addingReportingOverflow(paths[current] ?? 0)
                    paths[other] = overflow ? Int.max : sum
                }
            }
            frontier = next
        }
        guard let length = distance[b] else { return result }
        result.length = length
        result.count = paths[b] ?? 0

        // Successors on shortest paths, restricted to actors from which b is reached.
        var successors: [Int: [Int]] = [:]
        var onPath: Set<Int> = [b]
        var stack = [b]
        while let v = stack.popLast() {
            for p in predecessors[v] ?? [] {
                successors[p, default: []].append(v)
                if onPath.insert(p).inserted { stack.append(p) }
            }
        }
        for key in successors.keys { successors[key]?.sort { id(of: $0) < id(of: $1) } }

        var found: [[Int]] = []
        var route = [a]
        func walk(_ v: Int) {
            guard found.count < maxPaths else { return }
            if v == b { found.append(route); return }
            for w in successors[v] ?? [] {
                route.append(w); walk(w); route.removeLast()
                if found.count >= maxPaths { return }
            }
        }
        walk(a)
        result.paths = found.map { actors in
            let hops = zip(actors, actors.dropFirst()).map { hop(from: $0, to: $1, mask: mask) }
            return PathsResult.Path(actors: actors.map { summary(of: $0) }, hops: hops)
        }
        return result
    }

    private func hop(from: Int, to: Int, mask: RelationMask) -> PathsResult.Hop {
        var relations: [PathsResult.HopRelation] = []
        forEachLink(of: from, mask: mask, direction: .both) { link in
            guard link.other == to else { return }
            let e = edge(link.edge, evidence: false)
            let direction: PathsResult.HopDirection = switch link.direction {
            case .outgoing: .forward
            case .incoming: .backward
            case .undirected: .undirected
            }
            relations.append(.init(type: e.type, direction: direction, weight: e.weight, firstSeen: e.firstSeen, lastSeen: e.lastSeen))
        }
        return PathsResult.Hop(from: id(of: from), to: id(of: to), relations: relations)
    }
}
