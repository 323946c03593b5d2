import Foundation
import Testing
@testable import ActorGraph

/// Small hand-made snapshots, so each diff category is seen in isolation.
enum DiffFixtures {
    static func node(_ id: String, _ type: ActorType = .faction, mentions: Int = 4, name: String? = nil, nameEn: String? = nil) -> GraphSnapshot.Node {
        .init(id: id, name: name ?? "اسم \(id)", nameEn: nameEn ?? "Name \(id)", type: type, mentions: mentions, documents: 1,
              firstSeen: PartialDate("2020"), lastSeen: PartialDate("2020"))
    }

    static func edge(_ source: String, _ type: RelationType, _ target: String, weight: Int = 1) -> GraphSnapshot.Edge {
        let key = EdgeKey(source: source, type: type, target: target)
        let evidence = (0..<weight).map { i in
            GraphSnapshot.Evidence(document: "d", date: PartialDate("2020"), start: i * 10, end: i * 10 + 5, sentence: "s\(i)", cue: nil)
        }
        return .init(source: key.source, type: type, target: key.target, weight: weight,
                     firstSeen: PartialDate("2020"), lastSeen: PartialDate("2020"), evidence: evidence)
    }

    static func snapshot(_ nodes: [GraphSnapshot.Node], _ edges: [GraphSnapshot.Edge], period: String = "2020") -> GraphSnapshot {
        let p = PartialDate(period).map { GraphSnapshot.Period(from: $0, to: $0) }
        return GraphSnapshot(metadata: .init(inputs: ["d"], documentCount: 1, period: p, undatedDocuments: 0, toolVersion: "t", gazetteerVersion: "t"),
                             nodes: nodes.sorted { $0.id < $1.id }, edges: edges.sorted { $0.key < $1.key })
    }

    /// Nodes a…f with the given edges.
    static func graph(_ edges: [GraphSnapshot.Edge]) -> GraphSnapshot {
        snapshot(["a", "b", "c", "d", "e", "f"].map { node($0) }, edges)
    }
}

@Suite("Graph diff")
struct GraphDiffTests {
    typealias F = DiffFixtures

    @Test func actorsAddedRemovedAndChanged() throws {
        let old = F.snapshot([F.node("a"), F.node("b"), F.node("c")], [])
        let new = F.snapshot([F.node("a"), F.node("b", .unit, nameEn: "Bee"), F.node("d")], [])
        let d = diff(old: old, new: new)
        #expect(d.actors.added.map(\.id) == ["d"])
        #expect(d.actors.removed.map(\.id) == ["c"])
        #expect(d.actors.changed.map(\.id) == ["b"])
        let b = try #require(d.actors.changed.first)
        #expect(b.changes.type == .init(old: .faction, new: .unit))
        #expect(b.changes.nameEn == .init(old: "Name b", new: "Bee"))
        #expect(b.changes.name == nil)
        #expect(b.changes.mentions == nil)
        #expect(b.nameEn == "Bee")  // NEW's names
    }

    @Test(arguments: [
        (4, 5, false),   // |Δ| 1
        (4, 6, true),    // |Δ| 2, 50%
        (10, 14, false), // |Δ| 4 but 40%
        (10, 15, true),
        (0, 2, true),    // from nothing
        (3, 1, true),    // falls by 2 (67%)
        (2, 1, false),
        (7, 7, false),
    ])
    func mentionChangesAgainstTheDefaultThresholds(old: Int, new: Int, reported: Bool) {
        let d = diff(old: F.snapshot([F.node("a", mentions: old)], []), new: F.snapshot([F.node("a", mentions: new)], []))
        #expect(d.actors.changed.map(\.id) == (reported ? ["a"] : []))
        if reported { #expect(d.actors.changed.first?.changes.mentions == .init(old: old, new: new)) }
    }

    @Test func edgesAddedAndRemoved() {
        let old = F.graph([F.edge("a", .fights, "b"), F.edge("a", .commands, "c")])
        let new = F.graph([F.edge("a", .fights, "b"), F.edge("b", .supports, "c", weight: 2)])
        let d = diff(old: old, new: new)
        #expect(d.edges.removed.map { "\($0.source) \($0.type.rawValue) \($0.target)" } == ["a commands c"])
        #expect(d.edges.added.map { "\($0.source) \($0.type.rawValue) \($0.target)" } == ["b supports c"])
        #expect(d.edges.added.first?.weight == 2)
        #expect(d.edges.changed.isEmpty)
        #expect(d.actors.added.isEmpty && d.actors.removed.isEmpty)
    }

    @Test func alliesWhoNowFightAreOneRelationChangeNotAnAddAndARemove() throws {
        let old = F.graph([F.edge("b", .alliedWith, "a", weight: 1), F.edge("a", .coMentioned, "b", weight: 2)])
        let new = F.graph([F.edge("a", .fights, "b", weight: 3), F.edge("a", .coMentioned, "b", weight: 2)])
        let d = diff(old: old, new: new)
        #expect(d.edges.added.isEmpty)
        #expect(d.edges.removed.isEmpty)
        let change = try #require(d.edges.changed.first)
        #expect(d.edges.changed.count == 1)
        #expect(change.kind == .relation)
        #expect((change.source, change.target) == ("a", "b"))
        #expect(change.fromTypes == [.alliedWith])
        #expect(change.toTypes == [.fights])
        #expect(change.oldEdges?.map(\.weight) == [1])
        #expect(change.newEdges?.map(\.weight) == [3])
    }

    @Test func aReversedHierarchyIsARelationChange() throws {
        let d = diff(old: F.graph([F.edge("a", .subordinateTo, "b")]), new: F.graph([F.edge("b", .subordinateTo, "a")]))
        let change = try #require(d.edges.changed.first)
        #expect(change.kind == .relation)
        #expect(change.fromTypes == [.subordinateTo] && change.toTypes == [.subordinateTo])
        #expect(change.oldEdges?.first?.source == "a")
        #expect(change.newEdges?.first?.source == "b")
    }

    @Test func aTypedRelationThatDisappearsIsRemovedNotChanged() {
        // Only a co-mention is left: that is not a new relation type.
        let old = F.graph([F.edge("a", .fights, "b"), F.edge("a", .coMentioned, "b")])
        let new = F.graph([F.edge("a", .coMentioned, "b")])
        let d = diff(old: old, new: new)
        #expect(d.edges.removed.map(\.type) == [.fights])
        #expect(d.edges.changed.isEmpty)
    }

    @Test(arguments: [
        (1, 2, false),   // |Δ| 1
        (1, 3, true),
        (2, 4, true),
        (10, 14, false), // 40%
        (10, 15, true),
        (4, 2, true),    // falls
        (3, 2, false),
    ])
    func weightChangesAgainstTheDefaultThresholds(old: Int, new: Int, reported: Bool) throws {
        let d = diff(old: F.graph([F.edge("a", .fights, "b", weight: old)]), new: F.graph([F.edge("a", .fights, "b", weight: new)]))
        #expect(d.edges.changed.count == (reported ? 1 : 0))
        if reported {
            let c = try #require(d.edges.changed.first)
            #expect(c.kind == .weight)
            #expect((c.type, c.oldWeight, c.newWeight) == (.fights, old, new))
        }
    }

    @Test func thresholdsAreConfigurable() {
        let old = F.graph([F.edge("a", .fights, "b", weight: 10)]), new = F.graph([F.edge("a", .fights, "b", weight: 11)])
        #expect(diff(old: old, new: new).edges.changed.isEmpty)
        let any = DiffOptions(minWeightChange: 1, minRelativeWeightChange: 0)
        #expect(diff(old: old, new: new, options: any).edges.changed.count == 1)
        let strict = DiffOptions(minWeightChange: 1, minRelativeWeightChange: 0.2)
        #expect(diff(old: old, new: new, options: strict).edges.changed.isEmpty)
    }

    @Test func coMentionsCanBeLeftOut() {
        let old = F.graph([F.edge("a", .coMentioned, "b", weight: 1)])
        let new = F.graph([F.edge("a", .coMentioned, "b", weight: 5), F.edge("c", .coMentioned, "d")])
        #expect(diff(old: old, new: new).edges.changed.count == 1)
        #expect(diff(old: old, new: new).edges.added.count == 1)
        let typedOnly = diff(old: old, new: new, options: DiffOptions(includeCoMentions: false))
        #expect(typedOnly.isEmpty)
    }

    // a–b in OLD only, b–c in both, c–d in NEW only, e–f apart.
    static let focusOld = F.snapshot(["a", "b", "c", "d", "e", "f"].map { F.node($0, mentions: 4) },
                                     [F.edge("a", .fights, "b"), F.edge("b", .commands, "c"), F.edge("e", .fights, "f")])
    static let focusNew = F.snapshot(["a", "b", "c", "d", "e", "f", "g"].map { F.node($0, mentions: 10) },
                                     [F.edge("b", .commands, "c", weight: 5), F.edge("c", .supports, "d"), F.edge("e", .alliedWith, "f")])

    @Test func focusRestrictsToTheNeighbourhoodInTheUnionGraph() throws {
        let d = diff(old: GraphDiffTests.focusOld, new: GraphDiffTests.focusNew, options: DiffOptions(focus: "b"))
        let focus = try #require(d.focus)
        #expect(focus.actors == ["a", "b", "c"])  // a through OLD's edge, c through both
        #expect(d.actors.changed.map(\.id) == ["a", "b", "c"])
        #expect(d.actors.added.isEmpty)  // g is outside
        #expect(d.edges.removed.map(\.source) == ["a"])
        #expect(d.edges.added.isEmpty)  // c–d reaches outside
        #expect(d.edges.changed.map(\.kind) == [.weight])

        let wider = diff(old: GraphDiffTests.focusOld, new: GraphDiffTests.focusNew, options: DiffOptions(focus: "b", focusDepth: 2))
        #expect(wider.focus?.actors == ["a", "b", "c", "d"])
        #expect(wider.edges.added.map(\.target) == ["d"])

        let unfocused = diff(old: GraphDiffTests.focusOld, new: GraphDiffTests.focusNew)
        #expect(unfocused.actors.added.map(\.id) == ["g"])
        #expect(unfocused.edges.changed.contains { $0.kind == .relation && $0.source == "e" })
    }

    @Test func anActorWithoutEdgesFocusesOnItselfAlone() {
        let d = diff(old: GraphDiffTests.focusOld, new: GraphDiffTests.focusNew, options: DiffOptions(focus: "g", focusDepth: 3))
        #expect(d.focus?.actors == ["g"])
        #expect(d.actors.added.map(\.id) == ["g"])
        #expect(d.edges.added.isEmpty && d.edges.removed.isEmpty && d.edges.changed.isEmpty)
    }

    @Test func jsonIsSnakeCasedSortedAndRoundTrips() throws {
        let d = diff(old: F.graph([F.edge("a", .alliedWith, "b")]), new: F.graph([F.edge("a", .fights, "b")]), oldLabel: "old.json", newLabel: "new.json")
        let data = try d.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"from_types\" : ["))
        #expect(text.contains("\"format\" : \"actorgraph-diff\""))
        #expect(text.contains("\"label\" : \"old.json\""))
        #expect(try GraphDiff.decode(data) == d)
        #expect(try d.jsonData() == data)
    }

    @Test func theUnionGraphMarksEveryActorAndEdge() throws {
        let old = F.graph([F.edge("a", .alliedWith, "b"), F.edge("b", .commands, "c"), F.edge("c", .fights, "d"), F.edge("e", .supports, "f", weight: 1)])
        let new = F.snapshot(["a", "b", "c", "d", "e", "f", "g"].map { F.node($0) },
                             [F.edge("a", .fights, "b", weight: 2), F.edge("b", .commands, "c"), F.edge("e", .supports, "f", weight: 4), F.edge("f", .memberOf, "g")])
        let d = diff(old: old, new: new)
        let g = DiffGraph(diff: d, old: old, new: new)
        #expect(g.nodes.map(\.id) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(g.nodes.first { $0.id == "g" }?.status == .added)
        #expect(g.nodes.first { $0.id == "a" }?.status == .unchanged)
        let statuses = Dictionary(uniqueKeysWithValues: g.edges.map { ("\($0.source) \($0.type.rawValue) \($0.target)", $0.status) })
        #expect(statuses == [
            "a fights b": .changed,       // was allied_with: drawn once, as NEW's edge
            "b commands c": .unchanged,
            "c fights d": .removed,
            "e supports f": .changed,     // weight 1 → 4
            "f member_of g": .added,
        ])
        let fights = try #require(g.edges.first { $0.type == .fights && $0.source == "a" })
        #expect(fights.replaced.map(\.type) == [.alliedWith])
        #expect((fights.oldWeight, fights.newWeight) == (nil, 2))
    }
}

@Suite("Actor lookup for --focus")
struct DiffActorLookupTests {
    static let graph = DiffFixtures.snapshot([
        .init(id: "islamic-state", name: "تنظيم الدولة الإسلامية", nameEn: "Islamic State (ISIS)", type: .faction, aliases: ["داعش", "تنظيم الدولة"]),
        .init(id: "hezbollah", name: "حزب الله", nameEn: "Hezbollah", type: .faction, aliases: ["حزب الله اللبناني"]),
        .init(id: "liwa-al-quds", name: "لواء القدس", nameEn: "Liwa al-Quds", type: .faction),
        .init(id: "quds-force", name: "فيلق القدس", nameEn: "Quds Force", type: .unit, aliases: ["القدس"]),
        .init(id: "al-quds-brigade", name: "سرايا القدس", nameEn: "Al-Quds Brigades", type: .faction, aliases: ["القدس"]),
    ], [])

    static func resolve(_ query: String) throws -> NameResolver.Resolution {
        try NameResolver(snapshot: graph).resolve(query)
    }

    @Test(arguments: [
        ("hezbollah", "hezbollah"),                           // id
        ("HEZBOLLAH", "hezbollah"),                           // English, any case
        ("liwa  al-quds", "liwa-al-quds"),                    // spaces collapsed
        ("تنظيم الدولة الاسلاميه", "islamic-state"),          // alef with hamza and ta marbuta folded
        ("تَنْظِيم الدَّوْلَة الإسلامية", "islamic-state"),     // diacritics dropped
        ("داعش", "islamic-state"),                            // an alias seen in the text
        ("حزب الله اللبناني", "hezbollah"),
    ])
    func finds(query: String, id: String) throws {
        #expect(try DiffActorLookupTests.resolve(query) == .found(id))
    }

    @Test func aSharedAliasIsAmbiguous() throws {
        guard case .ambiguous(let candidates) = try DiffActorLookupTests.resolve("القدس") else {
            Issue.record("expected ambiguous"); return
        }
        #expect(Set(candidates.map(\.id)).isSuperset(of: ["al-quds-brigade", "quds-force"]))
    }

    @Test func anUnknownNameListsTheClosestFirst() throws {
        guard case .notFound(let closest) = try DiffActorLookupTests.resolve("Hizbollah") else {
            Issue.record("expected notFound"); return
        }
        #expect(closest.first?.id == "hezbollah")
    }
}
