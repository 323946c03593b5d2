import ActorGraph
import ArgumentParser
import Foundation

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge graph snapshots (e.g. built from separate batches of articles) into one.",
        discussion: """
        The result is the graph `build` would make from all their articles at once, \
        whatever the order or grouping of the merges. A document in several snapshots counts once.
        """
    )

    @Argument(help: "Graph snapshots (graph.json) to merge.")
    var snapshots: [String]

    @Option(name: .shortAndLong, help: "The merged snapshot to write (atomically).")
    var output: String

    func validate() throws {
        if snapshots.isEmpty { throw ValidationError("give at least one snapshot to merge") }
    }

    func run() async throws {
        SignalCleanup.install()
        try await Diagnostics.run {
            let merged = try perform()
            Diagnostics.note("\(snapshots.count) snapshots → \(merged.metadata.documentCount) documents, \(merged.nodes.count) actors, \(merged.edges.count) edges in \(output)")
        }
    }

    /// Reads, merges and writes; returns the merged snapshot (tests call it in-process).
    @discardableResult
    func perform() throws -> GraphSnapshot {
        var builder = GraphBuilder()
        var gazetteers: [String] = []
        for path in snapshots {
            let snapshot = try GraphSnapshot.load(path: path)
            builder.add(snapshot)
            gazetteers.append(snapshot.metadata.gazetteerVersion)
        }
        let versions = Set(gazetteers).sorted()
        if versions.count > 1 {
            Diagnostics.warning("the snapshots were built with different gazetteers (\(versions.joined(separator: ", "))); ids may not line up")
        }
        let merged = builder.snapshot(gazetteerVersion: versions.joined(separator: "+"))
        try AtomicFile.write(try merged.jsonData(), to: URL(fileURLWithPath: output))
        return merged
    }
}
