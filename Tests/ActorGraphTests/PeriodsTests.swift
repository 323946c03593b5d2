import Foundation
import Testing
@testable import ActorGraph

@Suite("Periods: labels, slices, splits")
struct PeriodsTests {
    static func date(_ s: String) -> PartialDate {
        guard let d = PartialDate(s) else { preconditionFailure("bad test date \(s)") }
        return d
    }

    @Test(arguments: [
        ("2015-04-22", PeriodGranularity.year, "2015"),
        ("2015-04-22", .quarter, "2015-Q2"),
        ("2015-04-22", .month, "2015-04"),
        ("2015-04", .quarter, "2015-Q2"),
        ("2015-04", .month, "2015-04"),
        ("2015-01", .quarter, "2015-Q1"),
        ("2015-03-31", .quarter, "2015-Q1"),
        ("2015-07", .quarter, "2015-Q3"),
        ("2015-12-31", .quarter, "2015-Q4"),
        ("2015-12", .month, "2015-12"),
        // Coarser than the granularity: labelled at its own precision, never guessed into January.
        ("2015", .year, "2015"),
        ("2015", .quarter, "2015"),
        ("2015", .month, "2015"),
        ("0999-02", .month, "0999-02"),
    ])
    func labels(date: String, granularity: PeriodGranularity, label: String) {
        #expect(periodLabel(of: PeriodsTests.date(date), by: granularity) == label)
    }

    @Test func labelsSortChronologicallyWithCoarseBucketFirst() {
        #expect(["2016-Q1", "2015-Q2", "2016", "2015", "2014-Q4"].sorted() == ["2014-Q4", "2015", "2015-Q2", "2016", "2016-Q1"])
        #expect(["2015-11", "2015", "2015-04", "2016-02"].sorted() == ["2015", "2015-04", "2015-11", "2016-02"])
    }

    @Test(arguments: [
        ("2015-04", "2015-01", "2015-06", true),
        ("2015", "2015-01", "2015-06", false),   // may be any month of 2015
        ("2015", "2015", "2015", true),
        ("2015-06-30", "2015-01", "2015-06", true),  // `to` reaches the end of its month
        ("2015-07-01", "2015-01", "2015-06", false),
        ("2015-04", "2015-04-10", nil, false),    // April may begin before the 10th
        ("2015-04-10", "2015-04-10", nil, true),
        ("2030", nil, "2030", true),
        ("2031-01", nil, "2030", false),
    ] as [(String, String?, String?, Bool)])
    func windows(date: String, from: String?, to: String?, inside: Bool) {
        #expect(PeriodsTests.date(date).isWithin(from: from.map(PeriodsTests.date), to: to.map(PeriodsTests.date)) == inside)
    }

    // Documents: a 2015-04, b 2015-11-03, c 2016 (year only), d 2016-02, e 2015-06 (no evidence), u undated.
    static func evidence(_ doc: String, _ date: String?, _ start: Int, cue: String? = nil) -> GraphSnapshot.Evidence {
        .init(document: doc, date: date.map(PeriodsTests.date), start: start, end: start + 10, sentence: "s\(doc)\(start)", cue: cue)
    }

    static let fixture: GraphSnapshot = {
        let fights = GraphSnapshot.Edge(source: "x", type: .fights, target: "y", weight: 6,
                                        firstSeen: date("2015-04"), lastSeen: date("2016-02"), evidence: [
            evidence("a", "2015-04", 0, cue: "اشتبك"), evidence("a", "2015-04", 0, cue: "معارك"), evidence("a", "2015-04", 50, cue: "اشتبك"),
            evidence("b", "2015-11-03", 0, cue: "اشتبك"), evidence("c", "2016", 0, cue: "اشتبك"), evidence("d", "2016-02", 0, cue: "اشتبك"),
            evidence("u", nil, 0, cue: "اشتبك"),
        ])
        let commands = GraphSnapshot.Edge(source: "x", type: .commands, target: "z", weight: 1,
                                          firstSeen: date("2016-02"), lastSeen: date("2016-02"), evidence: [evidence("d", "2016-02", 10, cue: "قائد")])
        let undated = GraphSnapshot.Edge(source: "w", type: .coMentioned, target: "y", weight: 1, evidence: [evidence("u", nil, 20)])
        let nodes: [GraphSnapshot.Node] = [
            .init(id: "v", name: "ف", nameEn: "V", type: .faction, mentions: 2, documents: 1, firstSeen: date("2015-06"), lastSeen: date("2015-06")),
            .init(id: "w", name: "و", nameEn: "W", type: .faction, mentions: 1, documents: 1),
            .init(id: "x", name: "س", nameEn: "X", type: .faction, mentions: 9, documents: 5, firstSeen: date("2015-04"), lastSeen: date("2016-02")),
            .init(id: "y", name: "ي", nameEn: "Y", type: .faction, mentions: 5, documents: 5, firstSeen: date("2015-04"), lastSeen: date("2016-02")),
            .init(id: "z", name: "ز", nameEn: "Z", type: .person, mentions: 3, documents: 1, firstSeen: date("2016-02"), lastSeen: date("2016-02")),
        ]
        let metadata = GraphSnapshot.Metadata(inputs: ["a", "b", "c", "d", "e", "u"], documentCount: 6,
                                              period: .init(from: date("2015-04"), to: date("2016-02")), undatedDocuments: 1,
                                              toolVersion: "test", gazetteerVersion: "test")
        return GraphSnapshot(metadata: metadata, nodes: nodes, edges: [commands, fights, undated])
    }()

    @Test func noBoundsKeepsTheCumulativeGraphWithUndatedEvidence() {
        #expect(slice(PeriodsTests.fixture, from: nil, to: nil) == PeriodsTests.fixture)
    }

    @Test func sliceRecomputesWeightDatesAndCounts() throws {
        let g = slice(PeriodsTests.fixture, from: PeriodsTests.date("2015"), to: PeriodsTests.date("2015"))
        #expect(g.edges.count == 1)
        let fights = try #require(g.edges.first)
        #expect(fights.weight == 2 + 1)  // a's two sentences (one with two cues) and b's
        #expect(fights.firstSeen == PeriodsTests.date("2015-04"))
        #expect(fights.lastSeen == PeriodsTests.date("2015-11-03"))
        #expect(fights.evidence.map(\.document) == ["a", "a", "a", "b"])

        // x has 5 documents, all known from the evidence: 2 of them are in 2015 (exact); its
        // mentions per document are unknown, so one each (a lower bound).
        let x = try #require(g.node(id: "x"))
        #expect(x.documents == 2)
        #expect(x.mentions == 2)
        #expect(x.firstSeen == PeriodsTests.date("2015-04"))
        #expect(x.lastSeen == PeriodsTests.date("2015-11-03"))
        // v has no edge but was first and last seen in 2015.
        let v = try #require(g.node(id: "v"))
        #expect((v.documents, v.mentions) == (1, 1))
        #expect(g.node(id: "z") == nil)
        #expect(g.node(id: "w") == nil)  // seen only in an undated document

        #expect(g.metadata.inputs == ["a", "b"])  // e has no evidence: its date is not in the snapshot
        #expect(g.metadata.documentCount == 2)
        #expect(g.metadata.undatedDocuments == 0)
        #expect(g.metadata.period == GraphSnapshot.Period(from: PeriodsTests.date("2015-04"), to: PeriodsTests.date("2015-11-03")))
    }

    @Test func yearOnlyEvidenceIsOutsideAnyShorterWindow() throws {
        let spring = slice(PeriodsTests.fixture, from: PeriodsTests.date("2016-01"), to: PeriodsTests.date("2016-06"))
        let fights = try #require(spring.edges.first { $0.type == .fights })
        #expect(fights.evidence.map(\.document) == ["d"])
        #expect(fights.weight == 1)
        // z's only document is inside: its counts stand.
        #expect(spring.node(id: "z") == PeriodsTests.fixture.node(id: "z"))

        let year = slice(PeriodsTests.fixture, from: PeriodsTests.date("2016"), to: nil)
        let all2016 = try #require(year.edges.first { $0.type == .fights })
        #expect(all2016.evidence.map(\.document) == ["c", "d"])
        #expect(all2016.firstSeen == PeriodsTests.date("2016"))
        #expect(all2016.lastSeen == PeriodsTests.date("2016-02"))
    }

    @Test func countsStandOnlyWhenEveryDateBetweenFirstAndLastIsInside() throws {
        // q was seen 2015-06-15, 2016 and 2016-02: `2016` sorts between the ends but is not inside
        // 2015-06 … 2016-02, so the counts cannot stand.
        let evidence = [PeriodsTests.evidence("f", "2015-06-15", 0), PeriodsTests.evidence("g", "2016", 0), PeriodsTests.evidence("h", "2016-02", 0)]
        let g = GraphSnapshot(
            metadata: .init(inputs: ["f", "g", "h"], documentCount: 3, period: .init(from: PeriodsTests.date("2015-06-15"), to: PeriodsTests.date("2016-02")),
                            undatedDocuments: 0, toolVersion: "t", gazetteerVersion: "t"),
            nodes: [.init(id: "q", name: "ق", nameEn: "Q", type: .faction, mentions: 6, documents: 3, firstSeen: PeriodsTests.date("2015-06-15"), lastSeen: PeriodsTests.date("2016-02")),
                    .init(id: "r", name: "ر", nameEn: "R", type: .faction, mentions: 3, documents: 3, firstSeen: PeriodsTests.date("2015-06-15"), lastSeen: PeriodsTests.date("2016-02"))],
            edges: [.init(source: "q", type: .coMentioned, target: "r", weight: 3, firstSeen: PeriodsTests.date("2015-06-15"), lastSeen: PeriodsTests.date("2016-02"), evidence: evidence)])
        let s = slice(g, from: PeriodsTests.date("2015-06"), to: PeriodsTests.date("2016-02"))
        let q = try #require(s.node(id: "q"))
        #expect((q.documents, q.mentions) == (2, 2))
        #expect(s.metadata.inputs == ["f", "h"])
        // The whole of 2015 … 2016 holds everything: the snapshot comes back unchanged.
        #expect(slice(g, from: PeriodsTests.date("2015"), to: PeriodsTests.date("2016")) == g)
    }

    @Test func splitByMonthKeepsCoarseEvidenceInItsOwnBucketAndUndatedInNone() throws {
        let parts = split(PeriodsTests.fixture, by: .month)
        #expect(parts.map(\.label) == ["2015-04", "2015-06", "2015-11", "2016", "2016-02"])
        let coarse = try #require(parts.first { $0.label == "2016" }?.snapshot)
        #expect(coarse.edges.map(\.type) == [.fights])
        #expect(coarse.edges.first?.evidence.map(\.document) == ["c"])
        #expect(coarse.edges.first?.firstSeen == PeriodsTests.date("2016"))
        for part in parts {
            #expect(part.snapshot.node(id: "w") == nil)
            #expect(!part.snapshot.edges.contains { $0.type == .coMentioned })
            #expect(part.snapshot.edges.flatMap(\.evidence).allSatisfy { $0.date != nil })
        }
        // Every dated evidence lands in exactly one month bucket.
        let dated = PeriodsTests.fixture.edges.flatMap(\.evidence).filter { $0.date != nil }
        #expect(parts.flatMap { $0.snapshot.edges.flatMap(\.evidence) }.count == dated.count)
    }

    @Test func splitByQuarterAndYear() {
        #expect(split(PeriodsTests.fixture, by: .quarter).map(\.label) == ["2015-Q2", "2015-Q4", "2016", "2016-Q1"])
        let years = split(PeriodsTests.fixture, by: .year)
        #expect(years.map(\.label) == ["2015", "2016"])
        #expect(years.map { $0.snapshot.edges.first { $0.type == .fights }?.weight } == [3, 2])
        #expect(periodSnapshots(PeriodsTests.fixture, by: .year).map(\.label) == years.map(\.label))
    }

    static let articles = [
        Article(id: "a.txt", text: "قوة الرضوان التابعة لحزب الله انسحبت من حمص.", date: PartialDate("2015-04")),
        Article(id: "b.txt", text: "عناصر من قوة الرضوان التابعة لحزب الله اللبناني وصلوا إلى القصير. واشتبك حزب الله مع الجيش الحر.", date: PartialDate("2013-05-23")),
        Article(id: "c.txt", text: "اشتبك الجيش الحر مع قوات النظام في حمص.", date: PartialDate("2013")),
        Article(id: "d.txt", text: "قال الجيش الحر إن حزب الله يستهدف المدينة.", date: nil),
    ]

    @Test func periodSnapshotsFromDocumentsAgreeWithSplitOnEdgesAndAreExactOnCounts() throws {
        let docs = PeriodsTests.articles.map { Fixtures.extractor.extract($0) }
        var builder = GraphBuilder()
        for d in docs { builder.add(d) }
        let whole = builder.snapshot(gazetteerVersion: "test")

        let exact = periodSnapshots(docs, by: .month, gazetteerVersion: "test")
        let cut = split(whole, by: .month)
        #expect(exact.map(\.label) == ["2013", "2013-05", "2015-04"])
        #expect(cut.map(\.label) == exact.map(\.label))
        for (e, c) in zip(exact, cut) {
            #expect(e.snapshot.edges == c.snapshot.edges, "edges of \(e.label)")
            #expect(e.snapshot.nodes.map(\.id) == c.snapshot.nodes.map(\.id), "actors of \(e.label)")
        }
        // Hezbollah is named twice in b.txt: the document-built period knows it; the cut one only bounds it.
        let may = try #require(exact.first { $0.label == "2013-05" }?.snapshot.node(id: "hezbollah"))
        #expect((may.mentions, may.documents) == (2, 1))
        let bounded = try #require(cut.first { $0.label == "2013-05" }?.snapshot.node(id: "hezbollah"))
        #expect((bounded.mentions, bounded.documents) == (1, 1))
    }

    @Test func aSnapshotWithoutUndatedDocumentsSlicedToItsPeriodIsUnchanged() throws {
        var builder = GraphBuilder()
        for a in PeriodsTests.articles.prefix(3) { builder.add(Fixtures.extractor.extract(a)) }
        let g = builder.snapshot(gazetteerVersion: "test")
        let p = try #require(g.metadata.period)
        #expect(slice(g, from: p.from, to: p.to) == g)
        #expect(slice(g, from: PeriodsTests.date("2016"), to: nil).nodes.isEmpty)
        #expect(slice(g, from: PeriodsTests.date("2016"), to: nil).metadata.period == nil)
    }
}
