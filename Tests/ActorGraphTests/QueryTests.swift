import Foundation
import Testing
@testable import ActorGraph

/// A small hand-built graph: a chain of command with two routes from Liwa al-Quds to the NDF.
///
/// ```
/// liwa-al-quds ─subordinate_to→ mi-branch-227 ←subordinate_to─ ndf ←commands─ nasser-rustom
///      │                              │                          │
///      └──subordinate_to→ mi-directorate ←subordinate_to─────────┘
///                   (mi-branch-227 ─subordinate_to→ mi-directorate)
/// islamic-state ─fights─ liwa-al-quds;  assad-forces ─fights─ islamic-state;
/// assad-forces ─allied_with─ hezbollah;  liwa-al-quds ─co_mentioned─ hezbollah;  new-gov-forces alone
/// ```
enum QueryGraph {
    static func evidence(_ doc: String, _ date: String, cue: String? = "التابعة") -> GraphSnapshot.Evidence {
        GraphSnapshot.Evidence(document: doc, date: PartialDate(date), start: 10, end: 40, sentence: "جملة من \(doc)", cue: cue)
    }

    static func edge(_ s: String, _ type: RelationType, _ t: String, _ weight: Int = 1, _ date: String = "2023") -> GraphSnapshot.Edge {
        let key = EdgeKey(source: s, type: type, target: t)
        return GraphSnapshot.Edge(source: key.source, type: type, target: key.target, weight: weight,
                                  firstSeen: PartialDate(date), lastSeen: PartialDate(date),
                                  evidence: (0..<weight).map { evidence("d\($0).txt", date, cue: type.isTyped ? "التابعة" : nil) })
    }

    static let snapshot = GraphSnapshot(
        metadata: .init(inputs: ["test"], documentCount: 3, period: nil, undatedDocuments: 0, toolVersion: "test", gazetteerVersion: "test"),
        nodes: [
            .init(id: "liwa-al-quds", name: "لواء القدس", nameEn: "Liwa al-Quds", type: .faction, side: "government",
                  aliases: ["لواء القدس", "ميليشيا لواء القدس"], mentions: 4, documents: 2,
                  firstSeen: PartialDate("2015-04"), lastSeen: PartialDate("2023")),
            .init(id: "mi-branch-227", name: "الفرع 227", nameEn: "Military Intelligence Branch 227", type: .unit, mentions: 2),
            .init(id: "mi-directorate", name: "شعبة المخابرات العسكرية", nameEn: "Military Intelligence Directorate", type: .unit,
                  aliases: ["الأمن العسكري"], mentions: 3),
            .init(id: "ndf", name: "قوات الدفاع الوطني", nameEn: "National Defence Forces", type: .faction, aliases: ["الدفاع الوطني"], mentions: 5),
            .init(id: "nasser-rustom", name: "ناصر رستم", nameEn: "Nasser Rustom", type: .person, mentions: 1),
            .init(id: "islamic-state", name: "تنظيم الدولة الإسلامية", nameEn: "Islamic State (ISIS)", type: .faction,
                  side: "jihadist", aliases: ["داعش"], mentions: 6),
            .init(id: "assad-forces", name: "قوات النظام", nameEn: "Assad regime forces", type: .faction, aliases: ["القوات الحكومية"], mentions: 9),
            .init(id: "new-gov-forces", name: "قوات الحكومة السورية", nameEn: "Syrian government forces", type: .faction,
                  aliases: ["القوات الحكومية"], mentions: 2),
            .init(id: "hezbollah", name: "حزب الله", nameEn: "Hezbollah", type: .faction, mentions: 1),
            .init(id: "abu-salem", name: "أبو سالم العراقي", nameEn: "Abu Salem al-Iraqi", type: .person, discovered: true, mentions: 1),
            .init(id: "nusra", name: "جبهة النصرة", nameEn: "Jabhat al-Nusra", type: .faction, mentions: 1),
        ].sorted { $0.id < $1.id },
        edges: [
            edge("liwa-al-quds", .subordinateTo, "mi-branch-227"),
            edge("liwa-al-quds", .subordinateTo, "mi-directorate"),
            edge("ndf", .subordinateTo, "mi-branch-227", 2),
            edge("ndf", .subordinateTo, "mi-directorate"),
            edge("mi-branch-227", .subordinateTo, "mi-directorate"),
            edge("nasser-rustom", .commands, "ndf"),
            edge("islamic-state", .fights, "liwa-al-quds"),
            edge("assad-forces", .fights, "islamic-state", 3, "2022-08"),
            edge("hezbollah", .alliedWith, "assad-forces"),
            edge("liwa-al-quds", .coMentioned, "hezbollah"),
        ].sorted { $0.key < $1.key })

    static let index: GraphIndex = {
        do { return try GraphIndex(snapshot) } catch { fatalError("test graph: \(error)") }
    }()

    static func node(_ id: String) throws -> Int { try #require(index.nodeIndex(id: id)) }

    /// A graph of `typed` edges (fights unless a type is given) between one-letter actors.
    static func tiny(_ edges: [(String, String)], type: RelationType = .fights) throws -> GraphIndex {
        let ids = Set(edges.flatMap { [$0.0, $0.1] }).sorted()
        return try GraphIndex(GraphSnapshot(
            metadata: snapshot.metadata,
            nodes: ids.map { GraphSnapshot.Node(id: $0, name: $0, nameEn: $0, type: .faction) },
            edges: edges.map { edge($0.0, type, $0.1) }))
    }
}

@Suite("Name resolver")
struct NameResolverTests {
    enum Expect: CustomStringConvertible, Sendable {
        case found(String)
        case ambiguous([String])
        case closestFirst(String)
        var description: String {
            switch self {
            case .found(let id): "found \(id)"
            case .ambiguous(let ids): "ambiguous \(ids)"
            case .closestFirst(let id): "not found, closest \(id)"
            }
        }
    }

    static let resolver = NameResolver(index: QueryGraph.index)

    @Test(arguments: [
        // Arabic: as written, diacritics, with and without the article, clitics, hamza and ta marbuta.
        ("لواء القدس", Expect.found("liwa-al-quds")),
        ("لِوَاءُ القُدْسِ", .found("liwa-al-quds")),
        ("لواء قدس", .found("liwa-al-quds")),
        ("القدس", .found("liwa-al-quds")),
        ("قدس", .found("liwa-al-quds")),
        ("ولواء القدس", .found("liwa-al-quds")),
        ("للواء القدس", .found("liwa-al-quds")),
        ("بالدفاع الوطني", .found("ndf")),
        ("للدفاع الوطني", .found("ndf")),
        ("دفاع وطني", .found("ndf")),
        ("ابو سالم العراقي", .found("abu-salem")),
        ("إبو سالم العراقى", .found("abu-salem")),
        ("جبهه النصره", .found("nusra")),
        ("الفرع ٢٢٧", .found("mi-branch-227")),
        ("داعش", .found("islamic-state")),
        ("والأمن العسكري", .found("mi-directorate")),
        // English: case, hyphens, spaces, article, transliteration variants.
        ("Liwa al-Quds", .found("liwa-al-quds")),
        ("liwa al quds", .found("liwa-al-quds")),
        ("LIWA ALQUDS", .found("liwa-al-quds")),
        ("liwaalquds", .found("liwa-al-quds")),
        ("Liwa Quds", .found("liwa-al-quds")),
        ("al-Quds", .found("liwa-al-quds")),
        ("al Quds", .found("liwa-al-quds")),
        ("alquds", .found("liwa-al-quds")),
        ("Quds", .found("liwa-al-quds")),
        ("Kuds", .found("liwa-al-quds")),
        ("Liwa el-Kouds", .found("liwa-al-quds")),
        ("ISIS", .found("islamic-state")),
        ("Jabhat an-Nusra", .found("nusra")),
        ("national defense forces", .found("ndf")),
        // Ids.
        ("mi-branch-227", .found("mi-branch-227")),
        ("MI-Branch-227", .found("mi-branch-227")),
        // Ambiguous: an alias of two actors.
        ("القوات الحكومية", .ambiguous(["assad-forces", "new-gov-forces"])),
        // Unknown: the nearest come first.
        ("Liwa al-Qudz", .closestFirst("liwa-al-quds")),
        ("لواء القدز", .closestFirst("liwa-al-quds")),
        ("Naser Rustum", .found("nasser-rustom")),
        ("Nasser Rostam", .closestFirst("nasser-rustom")),
    ])
    func resolves(query: String, expected: Expect) {
        let result = NameResolverTests.resolver.resolve(query)
        switch (expected, result) {
        case let (.found(id), .found(got)):
            #expect(got == id, "«\(query)»")
        case let (.ambiguous(ids), .ambiguous(candidates)):
            #expect(Set(candidates.map(\.id)) == Set(ids), "«\(query)»")
        case let (.closestFirst(id), .notFound(closest)):
            #expect(closest.first?.id == id, "«\(query)»: \(closest.map(\.id))")
            #expect(closest.count <= NameResolver.maxCandidates)
        default:
            Issue.record("«\(query)»: expected \(expected), got \(result)")
        }
    }

    @Test func emptyAndExtraNames() {
        #expect(NameResolverTests.resolver.resolve("  ") == .notFound(closest: []))
        let resolver = NameResolver(index: QueryGraph.index, extraNames: ["ndf": ["NDF", "جيش الدفاع الوطني"], "nobody": ["X"]])
        #expect(resolver.resolve("NDF") == .found("ndf"))
        #expect(resolver.resolve("X") != .found("nobody"))
    }

    @Test func canonicalNameWinsOverAnotherActorsAlias() throws {
        let snapshot = GraphSnapshot(metadata: QueryGraph.snapshot.metadata, nodes: [
            .init(id: "a", name: "الجيش الحر", nameEn: "Free Army", type: .faction),
            .init(id: "b", name: "الجيش السوري", nameEn: "Syrian Army", type: .faction, aliases: ["الجيش الحر"]),
        ], edges: [])
        #expect(NameResolver(index: try GraphIndex(snapshot)).resolve("الجيش الحر") == .found("a"))
    }

    @Test func bitParallelDistanceAgreesWithTheTable() {
        func table(_ x: [UInt32], _ y: [UInt32]) -> Int {
            if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
            var previous = Array(0...y.count), current = previous
            for i in 1...x.count {
                current[0] = i
                for j in 1...y.count { current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)) }
                swap(&previous, &current)
            }
            return previous[y.count]
        }
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        let alphabet: [UInt32] = [0x627, 0x644, 0x642, 0x62F, 0x633, 0x20, 0x61, 0x62]
        for _ in 0..<500 {
            let x = (0..<next(70)).map { _ in alphabet[next(alphabet.count)] }
            let y = (0..<next(70)).map { _ in alphabet[next(alphabet.count)] }
            let d = y.withUnsafeBufferPointer { EditDistance(pattern: x, words: 1).distance(to: $0[...]) }
            #expect(d == table(x, y), "\(x.count) × \(y.count)")
        }
    }

    @Test func matching() {
        let r = NameResolverTests.resolver
        #expect(r.actors(matching: "قدس") == ["liwa-al-quds"])
        #expect(r.actors(matching: "quds") == ["liwa-al-quds"])
        #expect(r.actors(matching: "Military Intelligence") == ["mi-branch-227", "mi-directorate"])
        #expect(r.actors(matching: "قوات").isSuperset(of: ["ndf", "assad-forces", "new-gov-forces"]))
    }
}

@Suite("Graph index")
struct GraphIndexTests {
    @Test func roundTripsEveryNodeAndEdge() throws {
        let index = QueryGraph.index
        let snapshot = QueryGraph.snapshot
        #expect(index.nodeCount == snapshot.nodes.count)
        #expect(index.edgeCount == snapshot.edges.count)
        #expect(index.metadata == snapshot.metadata)
        for node in snapshot.nodes {
            let i = try #require(index.nodeIndex(id: node.id))
            #expect(index.node(i) == node)
        }
        #expect((0..<index.edgeCount).map { index.edge($0) } == snapshot.edges)
        #expect(index.nodeIndex(id: "nobody") == nil)
        #expect(index.nodeIndex(id: "") == nil)
    }

    @Test func adjacencyIsPerNodeInAndOut() throws {
        let index = QueryGraph.index
        let branch = try QueryGraph.node("mi-branch-227")
        #expect(index.outgoing(branch).map { index.edge($0, evidence: false).target } == ["mi-directorate"])
        #expect(Set(index.incoming(branch).map { index.edge($0, evidence: false).source }) == ["liwa-al-quds", "ndf"])
    }

    @Test func rejectsBrokenSnapshots() {
        let meta = QueryGraph.snapshot.metadata
        let twice = GraphSnapshot(metadata: meta, nodes: [.init(id: "a", name: "a", nameEn: "a", type: .unit),
                                                          .init(id: "a", name: "b", nameEn: "b", type: .unit)], edges: [])
        #expect(throws: InputProblem.self) { try GraphIndex(twice) }
        let dangling = GraphSnapshot(metadata: meta, nodes: [.init(id: "a", name: "a", nameEn: "a", type: .unit)],
                                     edges: [QueryGraph.edge("a", .supports, "ghost")])
        #expect(throws: InputProblem.self) { try GraphIndex(dangling) }
        let empty = GraphSnapshot(metadata: meta, nodes: [], edges: [])
        #expect((try? GraphIndex(empty))?.nodeCount == 0)
    }

    static func folder() throws -> URL { try Scratch.folder() }

    @Test func indexFileIsUsedOnlyWhileItMatchesTheJSON() throws {
        let folder = try GraphIndexTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("graph.json")
        try AtomicFile.write(try QueryGraph.snapshot.jsonData(), to: json)
        #expect(try GraphIndex.load(graphPath: json.path).origin == .json)

        let idx = try GraphIndex.writeIndex(for: json.path)
        #expect(idx == folder.appendingPathComponent("graph.idx").path)
        let loaded = try GraphIndex.load(graphPath: json.path)
        #expect(loaded.origin == .index(path: idx))
        #expect(loaded.ignoredIndex == nil)
        #expect((0..<loaded.index.edgeCount).map { loaded.index.edge($0) } == QueryGraph.snapshot.edges)
        #expect(try GraphIndex.load(graphPath: json.path, useIndex: false).origin == .json)

        // Same bytes, new time (a copy, a checkout): still used, by hash.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: json.path)
        #expect(try GraphIndex.load(graphPath: json.path).origin == .index(path: idx))

        // Other bytes: stale, the JSON is read and the caller told.
        var changed = QueryGraph.snapshot
        changed.edges.removeLast()
        try AtomicFile.write(try changed.jsonData(), to: json)
        let stale = try GraphIndex.load(graphPath: json.path)
        #expect(stale.origin == .json)
        #expect(stale.ignoredIndex?.path == idx)
        #expect(stale.ignoredIndex?.reason == "was made from another version of graph.json")
        #expect(stale.index.edgeCount == changed.edges.count)

        // An .idx path is opened as it is.
        #expect(try GraphIndex.load(graphPath: idx).origin == .index(path: idx))

        // An index that cannot be read is set aside, and said so.
        try AtomicFile.write("not an index", to: URL(fileURLWithPath: idx))
        let garbage = try GraphIndex.load(graphPath: json.path)
        #expect(garbage.origin == .json)
        #expect(garbage.ignoredIndex?.reason.hasPrefix("cannot be used (too short to be an index") == true)
    }

    enum Damage: String, CaseIterable, Sendable {
        case truncated, notAnIndex, edgeToActor9999, stringPastThePool

        func apply(_ b: inout [UInt8]) {
            func section(_ s: IndexLayout.Section) -> Int { Int(b.readLE(IndexLayout.sectionTable + 16 * s.rawValue)) }
            switch self {
            case .truncated: b.removeLast(b.count / 2)
            case .notAnIndex: b[0] = 0x58
            case .edgeToActor9999: let e = section(.edges); b.replaceSubrange(e..<(e + 4), with: [0x0F, 0x27, 0, 0])
            case .stringPastThePool: let n = section(.nodes); b.replaceSubrange((n + 4)..<(n + 8), with: [0xFF, 0xFF, 0xFF, 0x7F])
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func damagedIndexIsAnErrorNotACrash(damage: Damage) throws {
        let folder = try GraphIndexTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = try IndexWriter.encode(QueryGraph.snapshot)
        damage.apply(&bytes)
        let path = folder.appendingPathComponent("graph.idx").path
        try AtomicFile.write(Data(bytes), to: URL(fileURLWithPath: path))
        #expect(throws: InputProblem.self, "\(damage.rawValue)") { try GraphIndex.open(indexAt: path) }
    }
}

extension Array where Element == UInt8 {
    func readLE(_ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }
}

@Suite("Queries")
struct QueryTests {
    let index = QueryGraph.index

    func ids(_ result: NeighborsResult) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: result.neighbors.map { ($0.actor.id, $0.distance) })
    }

    @Test func neighborsByDirection() throws {
        let branch = try QueryGraph.node("mi-branch-227")
        #expect(ids(index.neighbors(of: branch)) == ["liwa-al-quds": 1, "ndf": 1, "mi-directorate": 1])
        #expect(ids(index.neighbors(of: branch, .init(direction: .incoming))) == ["liwa-al-quds": 1, "ndf": 1])
        #expect(ids(index.neighbors(of: branch, .init(direction: .outgoing))) == ["mi-directorate": 1])
        // Symmetric relations are followed whatever the direction.
        let isis = try QueryGraph.node("islamic-state")
        #expect(ids(index.neighbors(of: isis, .init(direction: .outgoing))) == ["liwa-al-quds": 1, "assad-forces": 1])
    }

    @Test func neighborsByRelationAndDepth() throws {
        let liwa = try QueryGraph.node("liwa-al-quds")
        #expect(ids(index.neighbors(of: liwa, .init(relations: [.fights]))) == ["islamic-state": 1])
        #expect(ids(index.neighbors(of: liwa)).keys.contains("hezbollah") == false)  // co-mentions not followed by default
        #expect(ids(index.neighbors(of: liwa, .init(relations: Set(RelationType.allCases))))["hezbollah"] == 1)

        let rustom = try QueryGraph.node("nasser-rustom")
        let two = index.neighbors(of: rustom, .init(depth: 2))
        #expect(ids(two) == ["ndf": 1, "mi-branch-227": 2, "mi-directorate": 2])
        // The edges that reach each actor from one hop nearer; strongest first at equal distance.
        #expect(two.neighbors.map(\.actor.id) == ["ndf", "mi-branch-227", "mi-directorate"])
        #expect(two.neighbors[1].edges.map(\.source) == ["ndf"])
        #expect(two.neighbors[1].edges.first?.evidence == nil)
        let deeper = index.neighbors(of: rustom, .init(depth: 3, evidence: true))
        #expect(ids(deeper)["liwa-al-quds"] == 3)
        let liwaRow = try #require(deeper.neighbors.first { $0.actor.id == "liwa-al-quds" })
        #expect(liwaRow.edges.map(\.target) == ["mi-branch-227", "mi-directorate"])  // two routes in, both listed
        #expect(liwaRow.edges.first?.evidence?.count == 1)
        #expect(index.neighbors(of: try QueryGraph.node("new-gov-forces")).neighbors.isEmpty)
    }

    @Test func allShortestPaths() throws {
        let liwa = try QueryGraph.node("liwa-al-quds"), ndf = try QueryGraph.node("ndf")
        let result = index.shortestPaths(from: liwa, to: ndf)
        #expect(result.length == 2)
        #expect(result.count == 2)
        #expect(result.paths.map { $0.actors.map(\.id) } == [["liwa-al-quds", "mi-branch-227", "ndf"],
                                                               ["liwa-al-quds", "mi-directorate", "ndf"]])
        let hops = result.paths[0].hops
        #expect(hops.map(\.relations.first?.direction) == [.forward, .backward])
        #expect(hops[1].relations.first?.weight == 2)

        let one = index.shortestPaths(from: liwa, to: ndf, maxPaths: 1)
        #expect(one.count == 2 && one.paths.count == 1)

        // Undirected over typed relations by default; co-mentions on request.
        let hez = try QueryGraph.node("hezbollah")
        #expect(index.shortestPaths(from: liwa, to: hez).length == 3)  // via islamic-state, assad-forces
        let viaCo = index.shortestPaths(from: liwa, to: hez, relations: Set(RelationType.allCases))
        #expect(viaCo.length == 1)
        #expect(viaCo.paths.first?.hops.first?.relations.map(\.type) == [.coMentioned])

        let alone = try QueryGraph.node("new-gov-forces")
        #expect(index.shortestPaths(from: liwa, to: alone).length == nil)
        #expect(index.shortestPaths(from: liwa, to: alone).paths.isEmpty)
        #expect(index.shortestPaths(from: liwa, to: liwa).length == 0)
    }

    @Test func severalRelationsOnOneHop() throws {
        let g = try GraphIndex(GraphSnapshot(metadata: QueryGraph.snapshot.metadata,
            nodes: ["a", "b"].map { .init(id: $0, name: $0, nameEn: $0, type: .faction) },
            edges: [QueryGraph.edge("a", .supports, "b"), QueryGraph.edge("b", .commands, "a")].sorted { $0.key < $1.key }))
        let path = g.shortestPaths(from: 0, to: 1)
        let relations = try #require(path.paths.first?.hops.first?.relations)
        #expect(Set(relations.map { "\($0.type.rawValue) \($0.direction.rawValue)" }) == ["supports forward", "commands backward"])
    }

    @Test func betweennessOnKnownGraphs() throws {
        let chain = try QueryGraph.tiny([("a", "b"), ("b", "c"), ("c", "d")])
        #expect(chain.betweenness() == [0, 2, 2, 0])
        let star = try QueryGraph.tiny([("c", "x"), ("c", "y"), ("c", "z")])
        #expect(star.betweenness() == [3, 0, 0, 0])
        // a–b–d and a–c–d: the pair (a, d) has two shortest paths, half through each.
        let diamond = try QueryGraph.tiny([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
        #expect(diamond.betweenness() == [0.5, 0.5, 0.5, 0.5])
        let kite = try QueryGraph.tiny([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")])
        #expect(kite.betweenness() == [0.5, 1, 1, 3.5, 0])
    }

    @Test func pageRankOnKnownGraphs() throws {
        func close(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) < 1e-8 } && a.count == b.count }
        // a → b, b dangling: pa = 0.075 + 0.425 pb, pb = 1 - pa.
        let pair = try QueryGraph.tiny([("a", "b")], type: .supports)
        #expect(close(pair.pageRank(), [0.350877192982, 0.649122807018]))
        // Three units subordinate to one: the center holds 0.133125 / 0.245625 of the rank.
        let star = try QueryGraph.tiny([("x", "c"), ("y", "c"), ("z", "c")], type: .subordinateTo)
        #expect(close(star.pageRank(), [0.541984732824, 0.152671755725, 0.152671755725, 0.152671755725]))
        // Symmetric relations go both ways: a triangle is uniform.
        let triangle = try QueryGraph.tiny([("a", "b"), ("b", "c"), ("a", "c")])
        #expect(close(triangle.pageRank(), [1.0 / 3, 1.0 / 3, 1.0 / 3]))
        // Deterministic to the bit, and a probability distribution.
        #expect(QueryGraph.index.pageRank() == QueryGraph.index.pageRank())
        #expect(abs(QueryGraph.index.pageRank().reduce(0, +) - 1) < 1e-9)
    }

    @Test func degreesAndTop() throws {
        let (degree, weighted) = index.degrees()
        let ndf = try QueryGraph.node("ndf")
        #expect(degree[ndf] == 3)  // mi-branch-227, mi-directorate, nasser-rustom
        #expect(weighted[ndf] == 4)  // 2 + 1 + 1
        // Ties on degree (3) broken by weighted degree, then by id.
        let top = index.top(by: .degree, limit: 3)
        #expect(top.map(\.rank) == [1, 2, 3])
        #expect(top.map(\.actor.id) == ["mi-branch-227", "ndf", "liwa-al-quds"])
        #expect(Set(index.top(by: .pagerank, type: .person).map(\.actor.id)) == ["abu-salem", "nasser-rustom"])
        let units = index.top(by: .pagerank, type: .unit)
        #expect(units.first?.actor.id == "mi-directorate")  // everything is subordinate to it
    }

    @Test func reportGroupsRelationsByType() throws {
        let report = index.report(on: try QueryGraph.node("liwa-al-quds"), evidence: true)
        #expect(report.actor == QueryGraph.snapshot.node(id: "liwa-al-quds"))
        #expect(report.groups.map(\.type) == [.subordinateTo, .fights, .coMentioned])
        #expect(report.groups[0].relations.map(\.actor.id) == ["mi-branch-227", "mi-directorate"])
        #expect(report.groups[0].relations.allSatisfy { $0.direction == .outgoing && $0.evidence?.count == 1 })
        #expect(report.groups[1].relations.first?.direction == .undirected)

        let branch = index.report(on: try QueryGraph.node("mi-branch-227"), relations: RelationType.typed)
        // Out first, then in (strongest first).
        #expect(branch.groups[0].relations.map { "\($0.direction.rawValue) \($0.actor.id)" }
                == ["out mi-directorate", "in ndf", "in liwa-al-quds"])
        #expect(branch.groups[0].relations.allSatisfy { $0.evidence == nil })
    }

    @Test func entities() {
        let all = index.entities()
        #expect(all.count == QueryGraph.snapshot.nodes.count)
        #expect(all.first?.actor.id == "assad-forces")  // most mentioned first
        #expect(index.entities(type: .person).map(\.actor.id) == ["abu-salem", "nasser-rustom"])
        #expect(index.entities(matching: "القدس").map(\.actor.id) == ["liwa-al-quds"])
        #expect(index.entities(type: .unit, matching: "intelligence").map(\.actor.id) == ["mi-directorate", "mi-branch-227"])
    }
}

@Suite("Text columns")
struct TextTableTests {
    @Test(arguments: [
        ("abc", 3), ("لواء القدس", 10), ("لِوَاءُ القُدْسِ", 10), ("\u{200F}لواء\u{200E}", 4), ("中文", 4), ("", 0),
        ("Ḥama", 4),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func columnsAlignByDisplayWidth() {
        let rows = [["id", "name", "English"], ["liwa-al-quds", "لِوَاءُ القُدْسِ", "Liwa al-Quds"], ["x", "الفرع 227", "Branch 227"]]
        let lines = TextTable(rows).lines()
        // The English column starts at the same display column on every line.
        let starts = zip(lines, rows).map { line, row in DisplayWidth.of(line[..<(line.range(of: row[2])?.lowerBound ?? line.endIndex)]) }
        #expect(Set(starts).count == 1)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines[1].contains("لِوَاءُ القُدْسِ"))  // logical order, marks kept
        #expect(TextTable([["n", "1"], ["n", "10"]], rightAligned: [1]).lines() == ["n   1", "n  10"])
    }
}
