import Foundation
import Testing
@testable import ActorGraph

@Suite("Snapshot merge")
struct SnapshotMergeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The five seeds plus variants made by recombining their sentences, with dates that make
    /// names, periods and undated counts matter.
    static let extractions: [DocumentExtraction] = {
        let (seeds, _) = ArticleReader().read(paths: [root.appendingPathComponent("seeds").path])
        var rng = SeededGenerator(seed: 2024)
        let sentences = seeds.flatMap { $0.text.split(whereSeparator: { $0 == "." || $0 == "\n" }).map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { $0.count > 20 }
        let dates: [PartialDate?] = [nil, PartialDate("2013"), PartialDate("2016-02"), PartialDate("2019-07-14"), PartialDate("2024-12-08"), PartialDate("2025")]
        var articles = seeds
        for i in 0..<15 {
            let body = (0..<Int.random(in: 3...6, using: &rng)).map { _ in sentences.randomElement(using: &rng) ?? "" }.joined(separator: ". ") + "."
            articles.append(Article(id: "variant-\(i).txt", text: body, date: dates.randomElement(using: &rng) ?? nil))
        }
        let extractor = (try? Extractor.standard()) ?? Fixtures.extractor
        return articles.map { extractor.extract($0) }
    }()

    static func build(_ docs: [DocumentExtraction]) -> GraphSnapshot {
        var builder = GraphBuilder()
        for d in docs { builder.add(d) }
        return builder.snapshot(gazetteerVersion: "merge-test")
    }

    static func merge(_ a: GraphSnapshot, _ b: GraphSnapshot) -> GraphSnapshot {
        var builder = GraphBuilder()
        builder.add(a)
        builder.add(b)
        return builder.snapshot(gazetteerVersion: "merge-test")
    }

    /// Through the JSON codec, as `merge` reads snapshots from files.
    static func roundTrip(_ s: GraphSnapshot) throws -> GraphSnapshot {
        let url = try Scratch.folder().appendingPathComponent("merge.json")
        defer { try? FileManager.default.removeItem(at: url) }
        try AtomicFile.write(try s.jsonData(), to: url)
        return try GraphSnapshot.load(path: url.path)
    }

    @Test func variantsProduceAGraphWorthTesting() {
        let all = SnapshotMergeTests.build(SnapshotMergeTests.extractions)
        #expect(all.metadata.documentCount == 20)
        #expect(all.metadata.undatedDocuments > 0)
        #expect(all.nodes.count > 20 && all.edges.count > 50)
        #expect(all.nodes.contains { $0.aliases.count > 1 })
    }

    @Test(arguments: 1...24)
    func randomSplitsMergedInAnyOrderAndGroupingEqualTheWhole(seed: Int) throws {
        let docs = SnapshotMergeTests.extractions
        let whole = SnapshotMergeTests.build(docs)
        var rng = SeededGenerator(seed: UInt64(seed))
        let parts = Int.random(in: 1...6, using: &rng)
        var groups = Array(repeating: [DocumentExtraction](), count: parts)
        for d in docs.shuffled(using: &rng) {
            groups[Int.random(in: 0..<parts, using: &rng)].append(d)
            // Some documents land in two batches: they must count once.
            if seed.isMultiple(of: 3), Int.random(in: 0..<4, using: &rng) == 0 {
                groups[Int.random(in: 0..<parts, using: &rng)].append(d)
            }
        }
        var snapshots = try groups.map { try SnapshotMergeTests.roundTrip(SnapshotMergeTests.build($0)) }
        // Random grouping: merge a random adjacent pair until one is left.
        while snapshots.count > 1 {
            let i = Int.random(in: 0..<(snapshots.count - 1), using: &rng)
            let (a, b) = Bool.random(using: &rng) ? (snapshots[i], snapshots[i + 1]) : (snapshots[i + 1], snapshots[i])
            snapshots.replaceSubrange(i...(i + 1), with: [SnapshotMergeTests.merge(a, b)])
        }
        let merged = try #require(snapshots.first)
        #expect(merged.metadata == whole.metadata)
        #expect(merged.edges == whole.edges)
        for (m, w) in zip(merged.nodes, whole.nodes) where m != w { Issue.record("node \(w.id) differs: merged \(m) vs whole \(w)") }
        #expect(merged == whole)
    }

    @Test func mergingASnapshotWithItselfChangesNothing() throws {
        let whole = SnapshotMergeTests.build(SnapshotMergeTests.extractions)
        #expect(SnapshotMergeTests.merge(whole, whole) == whole)
    }

    @Test func snapshotsWithoutOccurrencesStillMergeByAddingCounts() throws {
        let docs = SnapshotMergeTests.extractions
        var a = SnapshotMergeTests.build(Array(docs[..<10])), b = SnapshotMergeTests.build(Array(docs[10...]))
        // As written before `occurrences` and `undated_inputs` existed.
        for s in [0, 1] {
            var x = s == 0 ? a : b
            x.nodes = x.nodes.map { var n = $0; n.occurrences = nil; return n }
            x.metadata.undatedInputs = nil
            if s == 0 { a = x } else { b = x }
        }
        let merged = SnapshotMergeTests.merge(a, b), whole = SnapshotMergeTests.build(docs)
        #expect(merged.edges == whole.edges)
        #expect(merged.metadata.undatedDocuments == whole.metadata.undatedDocuments)
        #expect(merged.metadata.undatedInputs == nil)
        for n in whole.nodes {
            let m = try #require(merged.node(id: n.id))
            #expect(m.mentions == n.mentions && m.documents == n.documents && Set(m.aliases) == Set(n.aliases))
            #expect(m.occurrences == nil)
        }
    }

    @Test func legacySnapshotJSONStillLoads() throws {
        let legacy = """
        {"format": "actorgraph-snapshot", "format_version": 1,
         "metadata": {"inputs": ["a.txt"], "document_count": 1, "undated_documents": 0, "tool_version": "0.1.0", "gazetteer_version": "x", "period": {"from": "2015", "to": "2015"}},
         "nodes": [{"id": "hezbollah", "name": "حزب الله", "name_en": "Hezbollah", "type": "faction", "discovered": false,
                    "aliases": ["حزب الله"], "mentions": 2, "documents": 1, "first_seen": "2015", "last_seen": "2015"}],
         "edges": []}
        """
        let url = try Scratch.folder().appendingPathComponent("legacy.json")
        try AtomicFile.write(legacy, to: url)
        let s = try GraphSnapshot.load(path: url.path)
        #expect(s.nodes.first?.occurrences == nil && s.metadata.undatedInputs == nil)
        #expect(SnapshotMergeTests.merge(s, s).nodes.first?.mentions == 4)  // legacy counts add up: no way to tell
    }
}
