import Testing
@testable import ActorGraph

@Suite("Graph builder")
struct GraphBuilderTests {
    static let articles = [
        Article(id: "a.txt", text: "قوة الرضوان التابعة لحزب الله انسحبت من حمص.", date: PartialDate("2015-04")),
        Article(id: "b.txt", text: "عناصر من قوة الرضوان التابعة لحزب الله اللبناني وصلوا إلى القصير. واشتبك حزب الله مع الجيش الحر.", date: PartialDate("2013-05-23")),
        Article(id: "c.txt", text: "قال الجيش الحر إن حزب الله يستهدف المدينة.", date: nil),
    ]

    static func build(_ order: [Int]) -> GraphSnapshot {
        var builder = GraphBuilder()
        for i in order { builder.add(Fixtures.extractor.extract(articles[i])) }
        return builder.snapshot(gazetteerVersion: "test")
    }

    @Test func mergesEdgesWithWeightsDatesAndEvidence() throws {
        let g = GraphBuilderTests.build([0, 1, 2])
        let edge = try #require(g.edges.first { $0.type == .subordinateTo && $0.source == "radwan-force" })
        #expect(edge.target == "hezbollah")
        #expect(edge.weight == 2)
        #expect(edge.firstSeen == PartialDate("2013-05-23"))
        #expect(edge.lastSeen == PartialDate("2015-04"))
        #expect(edge.evidence.map(\.document) == ["b.txt", "a.txt"])  // oldest first
        #expect(edge.evidence.allSatisfy { $0.cue == "التابعة" })

        let hezbollah = try #require(g.node(id: "hezbollah"))
        #expect(hezbollah.documents == 3)
        #expect(hezbollah.mentions == 4)
        #expect(hezbollah.aliases.first == "حزب الله")
        #expect(hezbollah.aliases.contains("حزب الله اللبناني"))
        #expect(hezbollah.firstSeen == PartialDate("2013-05-23"))

        #expect(g.metadata.documentCount == 3)
        #expect(g.metadata.undatedDocuments == 1)
        #expect(g.metadata.period == GraphSnapshot.Period(from: PartialDate("2013-05-23")!, to: PartialDate("2015-04")!))

        let fights = try #require(g.edges.first { $0.type == .fights })
        #expect([fights.source, fights.target] == ["fsa", "hezbollah"])  // symmetric: id order
        #expect(fights.weight == 1)  // c.txt's «يستهدف المدينة» targets a city, not an actor
    }

    @Test(arguments: [[2, 1, 0], [1, 0, 2], [0, 2, 1]])
    func orderDoesNotMatter(order: [Int]) {
        #expect(GraphBuilderTests.build(order) == GraphBuilderTests.build([0, 1, 2]))
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        let g = GraphBuilderTests.build([0, 1, 2])
        let data = try g.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("قوة الرضوان"))  // Arabic kept readable, not \u-escaped
        let path = try Scratch.folder().appendingPathComponent("roundtrip.json").path
        try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        #expect(try GraphSnapshot.load(path: path) == g)
    }

    @Test(arguments: [
        ("{\"format\": \"actorgraph-snapshot\", \"nodes\": [", "truncated or malformed JSON"),
        ("{\"format\": \"something-else\", \"format_version\": 1, \"metadata\": {\"inputs\": [], \"document_count\": 0, \"undated_documents\": 0, \"tool_version\": \"x\", \"gazetteer_version\": \"x\"}, \"nodes\": [], \"edges\": []}", "not an ActorGraph snapshot"),
        ("[]", "not a valid ActorGraph snapshot"),
    ])
    func corruptSnapshotsNameTheFile(content: String, message: String) throws {
        let path = try Scratch.folder().appendingPathComponent("bad.json").path
        try AtomicFile.write(content, to: URL(fileURLWithPath: path))
        do {
            _ = try GraphSnapshot.load(path: path)
            Issue.record("expected an error")
        } catch let problem as InputProblem {
            #expect(problem.file == path)
            #expect(problem.message.contains(message), "\(problem.message)")
        }
    }
}

import Foundation
