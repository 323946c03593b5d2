import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph index GRAPH.json`: writes graph.idx so that queries on a large graph start at once.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Write a query index (graph.idx) beside a graph snapshot.",
        discussion: """
            The query commands use GRAPH.idx instead of GRAPH.json when it was made from that very \
            JSON (same size and time, or same bytes); otherwise they read the JSON and warn. Worth it \
            for large graphs: the index is mapped, not parsed. See Benchmarks/QUERY.md.
            """
    )

    @Argument(help: "The graph snapshot to index.")
    var graph: String = "Graphs/graph.json"

    @Option(name: .shortAndLong, help: "Write the index here instead of beside the graph.")
    var output: String?

    func run() async throws {
        try await Diagnostics.run {
            let path = try GraphIndex.writeIndex(for: graph, to: output)
            let index = try GraphIndex.open(indexAt: path)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            Diagnostics.note("\(index.nodeCount) actors, \(index.edgeCount) edges → \(path) (\(size / 1024) KiB)")
        }
    }
}
