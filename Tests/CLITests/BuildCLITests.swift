import Foundation
import Testing

@Suite("CLI: build and render")
struct BuildCLITests {
    /// `Graphs/` holds the main job's outputs on `seeds/`; a change to the extractor that is not
    /// followed by `swift run actorgraph build seeds` fails here.
    @Test func committedGraphsAreNotStale() throws {
        let dir = try CLI.temporaryFolder()
        let result = try CLI.run(["build", "seeds", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["graph.json", "graph.dot"] {
            let fresh = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let committed = try String(contentsOf: CLI.root.appendingPathComponent("Graphs/\(name)"), encoding: .utf8)
            #expect(fresh == committed, "Graphs/\(name) is stale: run `swift run actorgraph build seeds` and commit")
        }
        for name in ["graph.svg", "graph.png"] {
            #expect(FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("Graphs/\(name)").path))
        }
    }

    @Test func buildWritesFourFilesThatAreWhatTheySay() throws {
        let dir = try CLI.temporaryFolder()
        let result = try CLI.run(["build", "seeds", "--out", dir.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("5 articles →"))
        let png = try Data(contentsOf: dir.appendingPathComponent("graph.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 10_000)
        let svg = try String(contentsOf: dir.appendingPathComponent("graph.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("لواء القدس"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("graph.json"))) as? [String: Any]
        let edges = json?["edges"] as? [[String: Any]] ?? []
        // The seeds graph links Liwa al-Quds and Branch 227, with its evidence.
        let link = edges.first { $0["source"] as? String == "liwa-al-quds" && $0["target"] as? String == "mi-branch-227" && $0["type"] as? String == "subordinate_to" }
        #expect(link?["weight"] as? Int == 1)
        let evidence = (link?["evidence"] as? [[String: Any]])?.first
        #expect(evidence?["document"] as? String == "seeds/002_2190b06150921dc5.txt")
        #expect(evidence?["date"] as? String == "2023")
        #expect((evidence?["sentence"] as? String)?.contains("التابعة لشعبة المخابرات العسكرية") == true)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.hasSuffix(".tmp") })
    }

    @Test func failedBuildKeepsPreviousOutputs() throws {
        let dir = try CLI.temporaryFolder()
        try "previous".write(to: dir.appendingPathComponent("graph.json"), atomically: true, encoding: .utf8)
        let empty = try CLI.temporaryFolder()
        let result = try CLI.run(["build", empty.path, "--out", dir.path])
        #expect(result.status == 1)
        #expect(try String(contentsOf: dir.appendingPathComponent("graph.json"), encoding: .utf8) == "previous")
    }

    @Test func renderFocusesOnAnActorByAnyName() throws {
        let dir = try CLI.temporaryFolder()
        _ = try CLI.run(["build", "seeds", "--out", dir.path])
        let graph = dir.appendingPathComponent("graph.json").path
        let arabic = try CLI.run(["render", graph, "-o", dir.appendingPathComponent("ego.svg").path, "--focus", "للواء القدس", "--depth", "2"])
        #expect(arabic.status == 0, "\(arabic.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("ego.svg"), encoding: .utf8)
        #expect(svg.contains("لواء القدس") && svg.contains("الفرع 227"))
        let english = try CLI.run(["render", graph, "-o", dir.appendingPathComponent("ego.dot").path, "--focus", "Liwa al-Quds"])
        #expect(english.status == 0, "\(english.stderr)")
        // The focus is drawn with a thick outline, and only the focus.
        let dot = try String(contentsOf: dir.appendingPathComponent("ego.dot"), encoding: .utf8)
        let thick = dot.split(separator: "\n").filter { $0.contains("penwidth=3.5, color=\"#111111\"") }
        #expect(thick.count == 1 && thick.first?.contains("لواء القدس") == true, "\(thick)")
        _ = try CLI.run(["render", graph, "-o", dir.appendingPathComponent("all.dot").path])
        #expect(try !String(contentsOf: dir.appendingPathComponent("all.dot"), encoding: .utf8).contains("penwidth=3.5, color=\"#111111\""))
        let unknown = try CLI.run(["render", graph, "-o", dir.appendingPathComponent("x.png").path, "--focus", "لواء المريخ"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no actor matches «لواء المريخ»"))
    }

    /// The count `render` reports is that of the relations drawn, as in the title: co-mentions of
    /// pairs with a typed relation are not drawn.
    @Test func renderReportsTheRelationsItDraws() throws {
        let dir = try CLI.temporaryFolder()
        _ = try CLI.run(["build", "seeds", "--out", dir.path])
        let graph = dir.appendingPathComponent("graph.json").path
        let snapshot = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: graph))) as? [String: Any]
        let allEdges = (snapshot?["edges"] as? [Any])?.count ?? 0
        let image = try CLI.run(["render", graph, "-o", dir.appendingPathComponent("g.svg").path])
        #expect(image.status == 0, "\(image.stderr)")
        _ = try CLI.run(["render", graph, "-o", dir.appendingPathComponent("g.dot").path])
        let dot = try String(contentsOf: dir.appendingPathComponent("g.dot"), encoding: .utf8)
        let drawn = dot.split(separator: "\n").filter { $0.contains(" -> ") }.count
        #expect(drawn > 0 && drawn < allEdges)
        #expect(dot.contains("· \(drawn) relations"))
        #expect(image.stderr.contains(" \(drawn) relations drawn with "), "\(image.stderr)")
    }

    @Test func theBinaryLinksGraphviz() throws {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [CLI.binary.path]
        let out = Pipe()
        ldd.standardOutput = out
        try ldd.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(text.contains("libgvc.so"))
        #expect(text.contains("libcgraph.so"))
    }
}

@Suite("CLI: build by period")
struct BuildPeriodCLITests {
    @Test func writesOneSnapshotPerYearBesideTheCumulativeOne() throws {
        let dir = try CLI.temporaryFolder()
        let result = try CLI.run(["build", "seeds", "--by", "year", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        for year in ["2015", "2022", "2023", "2024", "2025"] {
            #expect(files.isSuperset(of: ["\(year).json", "\(year).png", "\(year).svg", "\(year).dot"]), "\(year)")
        }
        #expect(files.contains("graph.json"))
        let y2015 = try String(contentsOf: dir.appendingPathComponent("2015.json"), encoding: .utf8)
        #expect(y2015.contains("national-defense-forces") && !y2015.contains("military-operations-command"))
    }

    @Test func sinceAndUntilKeepOnlyThatPeriod() throws {
        let dir = try CLI.temporaryFolder()
        let result = try CLI.run(["build", "seeds", "--since", "2023", "--out", dir.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("3 articles →"))
        let none = try CLI.run(["build", "seeds", "--until", "2010", "--out", dir.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no article is dated within"))
        let bad = try CLI.run(["build", "seeds", "--since", "last year"])
        #expect(bad.status == 64)
    }
}
