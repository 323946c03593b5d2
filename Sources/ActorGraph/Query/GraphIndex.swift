import Foundation

/// Which way an edge is followed from an actor.
public enum QueryDirection: String, Codable, Sendable, CaseIterable {
    /// Edges the actor is the source of (it is subordinate to, commands, supports, … the other).
    case outgoing = "out"
    /// Edges the actor is the target of.
    case incoming = "in"
    case both
}

/// How an edge stands to the actor it is seen from.
public enum LinkDirection: String, Codable, Sendable, Comparable {
    /// The actor is the edge's source.
    case outgoing = "out"
    /// The actor is the edge's target.
    case incoming = "in"
    /// A symmetric relation (allied_with, fights, co_mentioned): no direction.
    case undirected

    public static func < (a: LinkDirection, b: LinkDirection) -> Bool { a.order < b.order }
    private var order: Int { self == .outgoing ? 0 : self == .incoming ? 1 : 2 }
}

/// One edge seen from one of its ends.
public struct Link: Sendable, Equatable {
    /// The edge's number in the index (`GraphIndex.edge(_:)`).
    public var edge: Int
    /// The actor at the other end (the same actor for a self-loop).
    public var other: Int
    public var direction: LinkDirection
}

/// A graph snapshot with its adjacency built once, read by every query.
///
/// Actors and edges are numbered: actors in id order (UTF-8 byte order), edges in the snapshot's
/// order. The index lives in one block of bytes — the layout of `graph.idx` (see `IndexLayout`) —
/// whether it was built from a snapshot in memory or mapped from a file, so a large graph is
/// queried without decoding what the query does not touch.
public struct GraphIndex: Sendable {
    let bytes: IndexBytes
    let header: IndexHeader
    public let metadata: GraphSnapshot.Metadata
    public var nodeCount: Int { header.nodeCount }
    public var edgeCount: Int { header.edgeCount }

    /// Every name of every actor with its comparison forms (read by `NameResolver`).
    let names: NameTable
    private let nodes: Int, aliases: Int, edges: Int, evidence: Int, strings: Int
    private let outOffsets: Int, outEntries: Int, inOffsets: Int, inEntries: Int

    /// Builds the index of a snapshot. Throws when two actors share an id or an edge names an
    /// actor that is not in the snapshot.
    public init(_ snapshot: GraphSnapshot) throws {
        do {
            try self.init(bytes: IndexBytes(copying: IndexWriter.encode(snapshot)))
        } catch let error as IndexFormatError {
            throw InputProblem(file: "snapshot", message: error.description)
        }
    }

    init(bytes: IndexBytes) throws {
        self.bytes = bytes
        header = try IndexHeader(bytes)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let raw = Data(bytes.buffer(header.offset(.metadata), header.length(.metadata)))
            metadata = try decoder.decode(GraphSnapshot.Metadata.self, from: raw)
        } catch {
            throw IndexFormatError("damaged metadata")
        }
        nodes = header.offset(.nodes); aliases = header.offset(.aliases)
        edges = header.offset(.edges); evidence = header.offset(.evidence); strings = header.offset(.strings)
        outOffsets = header.offset(.outOffsets); outEntries = header.offset(.outEntries)
        inOffsets = header.offset(.inOffsets); inEntries = header.offset(.inEntries)
        names = NameTable(bytes: bytes, entries: header.offset(.names), count: header.nameCount, pool: strings)
    }

    // MARK: - Actors

    /// The number of the actor with this id (exact, case-sensitive); nil when there is none.
    public func nodeIndex(id: String) -> Int? {
        let key = Array(id.utf8)
        var low = 0, high = nodeCount
        while low < high {
            let mid = (low + high) / 2
            let candidate = stringBytes(nodes + mid * IndexLayout.nodeSize)
            if candidate.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        guard low < nodeCount, stringBytes(nodes + low * IndexLayout.nodeSize).elementsEqual(key) else { return nil }
        return low
    }

    public func id(of node: Int) -> String { string(nodes + node * IndexLayout.nodeSize) ?? "" }

    public func type(of node: Int) -> ActorType { ActorType.allCases[Int(bytes.u8(nodes + node * IndexLayout.nodeSize + 64))] }

    public func summary(of node: Int) -> ActorSummary {
        let r = nodes + node * IndexLayout.nodeSize
        return ActorSummary(id: string(r) ?? "", name: string(r + 8) ?? "", nameEn: string(r + 16) ?? "",
                            type: type(of: node), side: string(r + 24))
    }

    /// The whole node record, as in the snapshot.
    public func node(_ node: Int) -> GraphSnapshot.Node {
        let r = nodes + node * IndexLayout.nodeSize
        let start = Int(bytes.u32(r + 32)), count = Int(bytes.u32(r + 36))
        return GraphSnapshot.Node(
            id: string(r) ?? "", name: string(r + 8) ?? "", nameEn: string(r + 16) ?? "", type: type(of: node),
            side: string(r + 24), discovered: bytes.u8(r + 65) != 0,
            aliases: (start..<(start + count)).map { string(aliases + $0 * IndexLayout.aliasSize) ?? "" },
            mentions: bytes.i64(r + 40), documents: bytes.i64(r + 48),
            firstSeen: IndexLayout.unpack(bytes.u32(r + 56)), lastSeen: IndexLayout.unpack(bytes.u32(r + 60)))
    }

    public func mentions(of node: Int) -> Int { bytes.i64(nodes + node * IndexLayout.nodeSize + 40) }

    // MARK: - Edges

    public func source(of edge: Int) -> Int { Int(bytes.u32(edges + edge * IndexLayout.edgeSize)) }
    public func target(of edge: Int) -> Int { Int(bytes.u32(edges + edge * IndexLayout.edgeSize + 4)) }
    public func relation(of edge: Int) -> RelationType {
        RelationType.allCases[Int(bytes.u32(edges + edge * IndexLayout.edgeSize + 8))]
    }
    public func weight(of edge: Int) -> Int { bytes.i64(edges + edge * IndexLayout.edgeSize + 32) }

    /// The edge as in the snapshot; its evidence only when asked for (it is most of the bytes).
    public func edge(_ edge: Int, evidence withEvidence: Bool = true) -> GraphSnapshot.Edge {
        let r = edges + edge * IndexLayout.edgeSize
        var list: [GraphSnapshot.Evidence] = []
        if withEvidence {
            let count = Int(bytes.u32(r + 20)), start = Int(bytes.u32(r + 24))
            list = (start..<(start + count)).map { v in
                let e = evidence + v * IndexLayout.evidenceSize
                return GraphSnapshot.Evidence(document: string(e) ?? "", date: IndexLayout.unpack(bytes.u32(e + 24)),
                                              start: bytes.i64(e + 32), end: bytes.i64(e + 40),
                                              sentence: string(e + 8) ?? "", cue: string(e + 16))
            }
        }
        return GraphSnapshot.Edge(source: id(of: source(of: edge)), type: relation(of: edge), target: id(of: target(of: edge)),
                                  weight: weight(of: edge), firstSeen: IndexLayout.unpack(bytes.u32(r + 12)),
                                  lastSeen: IndexLayout.unpack(bytes.u32(r + 16)), evidence: list)
    }

    /// The edges an actor is the source of, by relation type then by target.
    public func outgoing(_ node: Int) -> [Int] { row(outOffsets, outEntries, node) }
    /// The edges an actor is the target of, by relation type then by source.
    public func incoming(_ node: Int) -> [Int] { row(inOffsets, inEntries, node) }

    /// Calls `body` for each edge of `node` whose type is in `relations` and that can be followed
    /// in `direction`. Symmetric relations are followed in every direction; a self-loop is seen once.
    public func forEachLink(of node: Int, relations: Set<RelationType>, direction: QueryDirection = .both,
                            _ body: (Link) -> Void) {
        forEachLink(of: node, mask: RelationMask(relations), direction: direction, body)
    }

    @inline(__always)
    func forEachLink(of node: Int, mask: RelationMask, direction: QueryDirection, _ body: (Link) -> Void) {
        let outStart = Int(bytes.u32(outOffsets + 4 * node)), outEnd = Int(bytes.u32(outOffsets + 4 * node + 4))
        for k in outStart..<max(outStart, outEnd) {
            let e = Int(bytes.u32(outEntries + 4 * k))
            let r = edges + e * IndexLayout.edgeSize
            let type = Int(bytes.u32(r + 8))
            guard mask.contains(type) else { continue }
            let symmetric = RelationMask.symmetric.contains(type)
            if !symmetric && direction == .incoming { continue }
            body(Link(edge: e, other: Int(bytes.u32(r + 4)), direction: symmetric ? .undirected : .outgoing))
        }
        let inStart = Int(bytes.u32(inOffsets + 4 * node)), inEnd = Int(bytes.u32(inOffsets + 4 * node + 4))
        for k in inStart..<max(inStart, inEnd) {
            let e = Int(bytes.u32(inEntries + 4 * k))
            let r = edges + e * IndexLayout.edgeSize
            let type = Int(bytes.u32(r + 8))
            let other = Int(bytes.u32(r))
            guard mask.contains(type), other != node else { continue }
            let symmetric = RelationMask.symmetric.contains(type)
            if !symmetric && direction == .outgoing { continue }
            body(Link(edge: e, other: other, direction: symmetric ? .undirected : .incoming))
        }
    }

    // MARK: - Bytes

    private func row(_ offsets: Int, _ entries: Int, _ node: Int) -> [Int] {
        let start = Int(bytes.u32(offsets + 4 * node)), end = Int(bytes.u32(offsets + 4 * node + 4))
        return (start..<max(start, end)).map { Int(bytes.u32(entries + 4 * $0)) }
    }

    private func stringBytes(_ refAt: Int) -> UnsafeRawBufferPointer {
        let length = bytes.u32(refAt + 4)
        guard length != IndexLayout.nilLength else { return bytes.buffer(strings, 0) }
        return bytes.buffer(strings + Int(bytes.u32(refAt)), Int(length))
    }

    private func string(_ refAt: Int) -> String? {
        guard bytes.u32(refAt + 4) != IndexLayout.nilLength else { return nil }
        return String(decoding: stringBytes(refAt), as: UTF8.self)
    }
}

/// Relation types as bits, for the inner loops of graph walks.
struct RelationMask: Sendable {
    var bits: UInt32
    init(_ types: Set<RelationType>) {
        bits = 0
        for (i, t) in RelationType.allCases.enumerated() where types.contains(t) { bits |= 1 << UInt32(i) }
    }
    @inline(__always) func contains(_ code: Int) -> Bool { bits & (1 << UInt32(code)) != 0 }
    static let symmetric = RelationMask(Set(RelationType.allCases.filter(\.isSymmetric)))
}

extension RelationType {
    /// The relations queries follow unless told otherwise: every typed relation, no co-mentions.
    public static let typed: Set<RelationType> = Set(allCases.filter(\.isTyped))
}

/// An actor as queries report it: who it is, not everything known about it.
public struct ActorSummary: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var name: String
    public var nameEn: String
    public var type: ActorType
    public var side: String?

    public init(id: String, name: String, nameEn: String, type: ActorType, side: String? = nil) {
        self.id = id; self.name = name; self.nameEn = nameEn; self.type = type; self.side = side
    }
}
