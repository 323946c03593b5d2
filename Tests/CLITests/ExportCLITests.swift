import ActorGraph
import Foundation
import Testing
@testable import actorgraph

/// `export` and `merge`, checked with the readers users have: networkx for GraphML, GEXF and
/// node-link JSON, Python's csv module for CSV. `export` runs as the binary; `merge` also in-process,
/// to compare its result with the library's.
@Suite("CLI: export and merge", .serialized)
struct ExportCLITests {
    /// graph.json built from the seeds by the `actorgraph build` binary, once.
    static let seedsGraph: Result<URL, any Error> = Result {
        let dir = try CLI.temporaryFolder()
        let result = try CLI.run(["build", "seeds", "--out", dir.path])
        guard result.status == 0 else { throw Failure("build failed: \(result.stderr)") }
        return dir.appendingPathComponent("graph.json")
    }

    struct Failure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    static func python(_ script: String, _ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func export(_ arguments: [String]) async throws {
        let result = try CLI.run(["export"] + arguments)
        guard result.status == 0, result.stdout.isEmpty else { throw Failure("export failed (\(result.status)): \(result.stderr)") }
    }

    @Test func exportAndMergeAreCommandsOfTheBinary() throws {
        let graph = try ExportCLITests.seedsGraph.get()
        let dir = try CLI.temporaryFolder()
        let merged = dir.appendingPathComponent("merged.json").path
        let m = try CLI.run(["merge", graph.path, graph.path, "-o", merged])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: graph))  // merging a graph with itself changes nothing
        let bad = try CLI.run(["export", "/no/such.json", "--format", "csv", "-o", dir.appendingPathComponent("x").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("/no/such.json"))
    }

    /// Shared Python: the snapshot's nodes and edges, and checks against a networkx graph.
    static let common = """
    import json, sys, calendar, collections
    import networkx as nx
    snap = json.load(open(sys.argv[1], encoding="utf-8"))
    nodes = {n["id"]: n for n in snap["nodes"]}
    edges = collections.Counter((e["source"], e["target"], e["type"]) for e in snap["edges"])
    def check_graph(g, type_attr="type"):
        assert g.is_directed() and g.is_multigraph(), (g.is_directed(), g.is_multigraph())
        assert g.number_of_nodes() == len(nodes), (g.number_of_nodes(), len(nodes))
        assert g.number_of_edges() == len(snap["edges"]), (g.number_of_edges(), len(snap["edges"]))
        got = collections.Counter((s, t, d[type_attr]) for s, t, d in g.edges(data=True))
        assert got == edges, got - edges
        for nid, d in g.nodes(data=True):
            n = nodes[nid]
            assert d["name"] == n["name"] and d["name_en"] == n["name_en"] and d["type"] == n["type"], (d, n)
            assert int(d["mentions"]) == n["mentions"] and int(d["documents"]) == n["documents"], (d, n)
    def first_day(p):
        parts = [int(x) for x in p.split("-")]
        return "%04d-%02d-%02d" % (parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    def last_day(p):
        parts = [int(x) for x in p.split("-")]
        y, m = parts[0], parts[1] if len(parts) > 1 else 12
        return "%04d-%02d-%02d" % (y, m, parts[2] if len(parts) > 2 else calendar.monthrange(y, m)[1])

    """

    @Test func graphMLLoadsInNetworkx() async throws {
        let graph = try ExportCLITests.seedsGraph.get()
        let out = try CLI.temporaryFolder().appendingPathComponent("seeds.graphml")
        try await ExportCLITests.export([graph.path, "--format", "graphml", "-o", out.path])
        let r = try ExportCLITests.python(ExportCLITests.common + """
        g = nx.read_graphml(sys.argv[2])
        check_graph(g)
        by_id = {(s, t, d["type"]): d for s, t, d in g.edges(data=True)}
        for e in snap["edges"]:
            d = by_id[(e["source"], e["target"], e["type"])]
            assert d["weight"] == e["weight"] and d["evidence_count"] == len(e["evidence"]), (d, e)
            assert d["evidence"] == e["evidence"][0]["sentence"] and d.get("first_seen") == e.get("first_seen"), (d, e)
        assert g.nodes["liwa-al-quds"]["aliases"].split(" | ") == nodes["liwa-al-quds"]["aliases"]
        assert isinstance(g.nodes["liwa-al-quds"]["discovered"], bool)
        print("ok", g.number_of_nodes(), g.number_of_edges())
        """, [graph.path, out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok"))
    }

    @Test func gexfLoadsInNetworkxWithDayIntervals() async throws {
        let graph = try ExportCLITests.seedsGraph.get()
        let out = try CLI.temporaryFolder().appendingPathComponent("seeds.gexf")
        try await ExportCLITests.export([graph.path, "-o", out.path])  // format from the extension
        let r = try ExportCLITests.python(ExportCLITests.common + """
        g = nx.read_gexf(sys.argv[2])
        assert g.graph["mode"] == "dynamic"
        check_graph(g)
        for nid, d in g.nodes(data=True):
            n = nodes[nid]
            assert d["label"] == n["name"]
            if n.get("first_seen"):
                assert d["start"] == first_day(n["first_seen"]) and d["end"] == last_day(n["last_seen"]), (d, n)
        for s, t, d in g.edges(data=True):
            assert d["label"] == d["type"] and d["weight"] >= 1
        print("ok")
        """, [graph.path, out.path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func nodeLinkJSONLoadsInNetworkx() async throws {
        let graph = try ExportCLITests.seedsGraph.get()
        let out = try CLI.temporaryFolder().appendingPathComponent("seeds-nodelink.json")
        try await ExportCLITests.export([graph.path, "--format", "json", "-o", out.path])
        let r = try ExportCLITests.python(ExportCLITests.common + """
        data = json.load(open(sys.argv[2], encoding="utf-8"))
        assert set(data) == {"directed", "multigraph", "graph", "nodes", "links"}
        g = nx.node_link_graph(data, edges="links")
        check_graph(g)
        for s, t, k, d in g.edges(keys=True, data=True):
            assert k == d["type"]
        assert g.nodes["liwa-al-quds"]["aliases"] == nodes["liwa-al-quds"]["aliases"]
        print("ok")
        """, [graph.path, out.path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func csvLoadsWithPythonsCSVModule() async throws {
        let graph = try ExportCLITests.seedsGraph.get()
        let dir = try CLI.temporaryFolder()
        try await ExportCLITests.export([graph.path, "--format", "csv", "-o", dir.appendingPathComponent("seeds").path])
        try await ExportCLITests.export([graph.path, "--format", "csv", "-o", dir.appendingPathComponent("folder").path + "/"])
        for (n, e) in [("seeds-nodes.csv", "seeds-edges.csv"), ("folder/nodes.csv", "folder/edges.csv")] {
            let r = try ExportCLITests.python(ExportCLITests.common + """
            import csv
            rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
            assert len(rows) == len(nodes)
            for row in rows:
                n = nodes[row["id"]]
                assert row["name"] == n["name"] and int(row["mentions"]) == n["mentions"] and row["aliases"].split(" | ") == n["aliases"], (row, n)
            links = list(csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8")))
            assert collections.Counter((r["source"], r["target"], r["type"]) for r in links) == edges
            assert all(int(r["evidence_count"]) >= 1 and r["evidence"] for r in links)
            print("ok")
            """, [graph.path, dir.appendingPathComponent(n).path, dir.appendingPathComponent(e).path])
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    @Test func mergeOfSeparateBuildsEqualsTheWholeBuild() throws {
        let whole = try GraphSnapshot.load(path: try ExportCLITests.seedsGraph.get().path)
        let dir = try CLI.temporaryFolder()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("seeds").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { "seeds/" + $0 }
        for (name, files) in [("a", Array(seeds[..<2])), ("b", Array(seeds[2...])), ("c", [seeds[1], seeds[3]])] {
            let r = try CLI.run(["build"] + files + ["--out", dir.appendingPathComponent(name).path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let path = { (name: String) in dir.appendingPathComponent(name).appendingPathComponent("graph.json").path }
        let ab = try MergeCommand.parse([path("a"), path("b"), "-o", dir.appendingPathComponent("ab.json").path]).perform()
        let bca = try MergeCommand.parse([path("b"), path("c"), path("a"), "-o", dir.appendingPathComponent("bca.json").path]).perform()
        #expect(ab == whole)
        #expect(bca == whole)  // c overlaps both: its documents count once
        let bytes = try Data(contentsOf: dir.appendingPathComponent("ab.json"))
        #expect(bytes == (try Data(contentsOf: dir.appendingPathComponent("bca.json"))))
    }

    @Test(arguments: ["truncated", "not-json", "missing"])
    func corruptSnapshotsAreNamedByExportAndMerge(kind: String) throws {
        let graph = try ExportCLITests.seedsGraph.get()
        let dir = try CLI.temporaryFolder()
        let bad = dir.appendingPathComponent("bad-\(kind).json")
        let data = try Data(contentsOf: graph)
        switch kind {
        case "truncated": try data.prefix(data.count / 2).write(to: bad)
        case "not-json": try Data("PK\u{3}\u{4} zip".utf8).write(to: bad)
        default: break
        }
        for run in [
            { try ExportCommand.parse([bad.path, "--format", "graphml", "-o", dir.appendingPathComponent("x.graphml").path]).perform() },
            { try MergeCommand.parse([graph.path, bad.path, "-o", dir.appendingPathComponent("m.json").path]).perform() },
        ] as [() throws -> Void] {
            do {
                try run()
                Issue.record("expected an error for \(kind)")
            } catch let problem as InputProblem {
                #expect(problem.file == bad.path)
                #expect(problem.description.hasPrefix(bad.path + ": "))
                #expect(problem.message.contains(kind == "missing" ? "cannot read" : "not a valid ActorGraph snapshot"), "\(problem)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.graphml").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.json").path))
    }

    @Test func csvOutputNames() {
        #expect(ExportCommand.csvPaths("out/g") == ("out/g-nodes.csv", "out/g-edges.csv"))
        #expect(ExportCommand.csvPaths("g.csv") == ("g-nodes.csv", "g-edges.csv"))
        #expect(ExportCommand.csvPaths("dir/") == ("dir/nodes.csv", "dir/edges.csv"))
    }
}
