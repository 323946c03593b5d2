@testable import ActorGraph
import Testing

struct GraphFilterTests {
    // Weighted degrees in the sample: liwa-al-quds 21, islamic-state 11, national-defence-forces 5,
    // mi-branch-227 4, russia 3, then 2 for auxiliary-groups, branch-261, homs and military-intelligence.

    @Test func keepsRelationTypesAndDropsNodesLeftAlone() throws {
        let fights = GraphFilter.keepingRelations([.fights], in: try SampleGraph.load())
        #expect(fights.edges.allSatisfy { $0.type == .fights })
        #expect(fights.edges.count == 2)
        #expect(ids(fights) == ["islamic-state", "liwa-al-quds", "national-defence-forces"])
    }

    @Test func nodesWithoutEdgesToBeginWithStay() {
        let graph = SampleGraph.graph([SampleGraph.node("a"), SampleGraph.node("b"), SampleGraph.node("loner")],
                                      [SampleGraph.edge("a", .supports, "b")])
        #expect(ids(GraphFilter.keepingRelations([.fights], in: graph)) == ["loner"])
        #expect(ids(GraphFilter.minimumWeight(2, in: graph)) == ["loner"])
    }

    @Test(arguments: [
        ([ActorType.unit], ["branch-261", "mi-branch-227", "military-intelligence"], 2),
        ([.faction], ["auxiliary-groups", "islamic-state", "liwa-al-quds", "national-defence-forces"], 6),
        ([.person], [], 0),
        ([.faction, .state], ["auxiliary-groups", "islamic-state", "liwa-al-quds", "national-defence-forces", "russia"], 7),
    ])
    func keepsActorTypes(_ types: [ActorType], _ expected: [String], _ edgeCount: Int) throws {
        let kept = GraphFilter.keepingActorTypes(Set(types), in: try SampleGraph.load())
        #expect(ids(kept) == expected)
        #expect(kept.edges.count == edgeCount)
    }

    @Test func minimumWeight() throws {
        let heavy = GraphFilter.minimumWeight(2, in: try SampleGraph.load())
        #expect(heavy.edges.allSatisfy { $0.weight >= 2 })
        #expect(heavy.edges.count == 7)
        #expect(ids(heavy) == ["homs", "islamic-state", "liwa-al-quds", "mi-branch-227", "national-defence-forces", "russia"])
    }

    @Test func dateWindowRecountsWeightsAndDates() throws {
        let window = GraphFilter.dated(since: PartialDate("2016"), until: PartialDate("2019"), in: try SampleGraph.load())
        #expect(ids(window) == ["islamic-state", "liwa-al-quds", "russia"])
        let fights = try #require(window.edges.first { $0.type == .fights })
        #expect(fights.weight == 4)
        #expect(fights.evidence.count == 4)
        #expect(fights.firstSeen == PartialDate("2016"))
        #expect(fights.lastSeen == PartialDate("2019"))
        let supports = try #require(window.edges.first { $0.type == .supports })
        #expect(supports.weight == 3)
        #expect(window.edges.count == 3)  // fights, supports, and the 2016 co-mention
        #expect(window.metadata == (try SampleGraph.load()).metadata)
    }

    @Test(arguments: [
        // (since, until, evidence dates, kept)
        ("2015-04-15", nil, ["2015-04"], 1),  // a month overlaps a day inside it
        (nil, "2015", ["2015-04"], 1),
        ("2016-06", nil, ["2016", "2016-05"], 1),  // 2016 may be after June; May is not
        ("2016", "2016", ["2015-12-31", "2017-01-01"], 0),
        ("2020", nil, [nil, "2021"], 1),  // undated evidence goes once a bound is given
    ] as [(String?, String?, [String?], Int)])
    func dateWindowBounds(_ since: String?, _ until: String?, _ dates: [String?], _ kept: Int) {
        let graph = SampleGraph.graph([SampleGraph.node("a"), SampleGraph.node("b")],
                                      [SampleGraph.edge("a", .fights, "b", dates: dates)])
        let window = GraphFilter.dated(since: since.flatMap(PartialDate.init), until: until.flatMap(PartialDate.init), in: graph)
        #expect(window.edges.first?.weight ?? 0 == kept)
        #expect(window.nodes.count == (kept > 0 ? 2 : 0))
    }

    @Test func noWindowChangesNothing() throws {
        let graph = SampleGraph.graph([SampleGraph.node("a"), SampleGraph.node("b")],
                                      [SampleGraph.edge("a", .fights, "b", dates: [nil])])
        #expect(GraphFilter.dated(since: nil, until: nil, in: graph) == graph)
    }

    @Test func weightCountsDistinctSentences() {
        var edge = SampleGraph.edge("a", .fights, "b", dates: ["2020", "2020"])
        edge.evidence[1] = edge.evidence[0]  // the same sentence twice
        let graph = SampleGraph.graph([SampleGraph.node("a"), SampleGraph.node("b")], [edge])
        #expect(GraphFilter.dated(since: PartialDate("2020"), until: nil, in: graph).edges.first?.weight == 1)
    }

    @Test func isolatedNodesFollowTheirSeenDatesInAWindow() {
        let graph = SampleGraph.graph(
            [SampleGraph.node("old", first: "2010", last: "2011"), SampleGraph.node("new", first: "2020", last: "2021"),
             SampleGraph.node("undated")], [])
        #expect(ids(GraphFilter.dated(since: PartialDate("2015"), until: nil, in: graph)) == ["new", "undated"])
    }

    @Test(arguments: [
        ("liwa-al-quds", 0, ["liwa-al-quds"]),
        ("liwa-al-quds", 1, ["auxiliary-groups", "branch-261", "homs", "islamic-state", "liwa-al-quds", "mi-branch-227",
                             "mohammad-al-saeed", "national-defence-forces", "russia"]),
        ("military-intelligence", 1, ["branch-261", "mi-branch-227", "military-intelligence"]),  // direction ignored
        ("nasser-rustom", 2, ["liwa-al-quds", "mi-branch-227", "military-intelligence", "nasser-rustom"]),
        ("nobody", 3, []),
    ])
    func egoNetwork(_ center: String, _ depth: Int, _ expected: [String]) throws {
        let ego = GraphFilter.egoNetwork(of: center, depth: depth, in: try SampleGraph.load())
        #expect(ids(ego) == expected)
        let kept = Set(expected)
        #expect(ego.edges.allSatisfy { kept.contains($0.source) && kept.contains($0.target) })
    }

    @Test func egoNetworkKeepsEveryEdgeAmongItsNodes() throws {
        let graph = try SampleGraph.load()
        #expect(GraphFilter.egoNetwork(of: "liwa-al-quds", depth: 2, in: graph) == graph)
        let one = GraphFilter.egoNetwork(of: "liwa-al-quds", depth: 1, in: graph)
        // islamic-state and national-defence-forces are both neighbours: their fights edge stays.
        #expect(one.edges.contains { $0.source == "islamic-state" && $0.target == "national-defence-forces" })
    }

    @Test func mostConnectedBreaksTiesById() throws {
        let graph = try SampleGraph.load()
        #expect(ids(GraphFilter.mostConnected(3, in: graph)) == ["islamic-state", "liwa-al-quds", "national-defence-forces"])
        // Four actors tie at 2; the first by id wins the sixth place.
        #expect(ids(GraphFilter.mostConnected(6, in: graph)) ==
                ["auxiliary-groups", "islamic-state", "liwa-al-quds", "mi-branch-227", "national-defence-forces", "russia"])
        #expect(GraphFilter.mostConnected(100, in: graph) == graph)
        // Pinned actors stay and count toward the cap.
        #expect(ids(GraphFilter.mostConnected(2, pinned: ["nasser-rustom"], in: graph)) == ["liwa-al-quds", "nasser-rustom"])
        #expect(ids(GraphFilter.mostConnected(1, pinned: ["nasser-rustom", "ghost"], in: graph)) == ["nasser-rustom"])
    }

    @Test func criteriaApplyInOrderAndKeepTheFocus() throws {
        let graph = try SampleGraph.load()
        let criteria = GraphFilter.Criteria(relations: Set(RelationType.allCases).subtracting([.coMentioned]),
                                            focus: "mi-branch-227", depth: 2, maxNodes: 2)
        let result = GraphFilter.apply(criteria, to: graph)
        #expect(ids(result) == ["liwa-al-quds", "mi-branch-227"])
        // A date window before the ego network: in 2016 mi-branch-227 has no edge and is gone.
        let dated = GraphFilter.apply(GraphFilter.Criteria(since: PartialDate("2016"), until: PartialDate("2016"),
                                                           focus: "mi-branch-227"), to: graph)
        #expect(dated.nodes.isEmpty)
    }

    private func ids(_ graph: GraphSnapshot) -> [String] { graph.nodes.map(\.id).sorted() }
}

/// `--focus` names resolve through the query engine's NameResolver.
struct FocusNameTests {
    @Test(arguments: [
        ("liwa-al-quds", "liwa-al-quds"),
        ("لواء القدس", "liwa-al-quds"),
        ("لِواءُ القُدْس", "liwa-al-quds"),  // diacritics
        ("لـواء  القدس", "liwa-al-quds"),    // tatweel, double space
        ("LIWA AL-QUDS", "liwa-al-quds"),
        ("للواء القدس", "liwa-al-quds"),     // a clitic
        ("داعش", "islamic-state"),           // alias
        ("تنظيم الدولة الاسلامية", "islamic-state"),  // alias, إ written ا
        ("الفرع ٢٢٧", "mi-branch-227"),      // Arabic-Indic digits
        ("شعبه المخابرات العسكريه", "military-intelligence"),  // ة written ه
    ])
    func resolves(_ query: String, _ id: String) throws {
        #expect(try NameResolver(snapshot: SampleGraph.load()).resolve(query) == .found(id))
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        guard case .notFound(let closest) = try NameResolver(snapshot: SampleGraph.load()).resolve("لواء القدسس") else {
            Issue.record("expected notFound"); return
        }
        #expect(closest.first?.id == "liwa-al-quds")
    }
}
