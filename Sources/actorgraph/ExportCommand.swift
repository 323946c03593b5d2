import ActorGraph
import ArgumentParser
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a graph snapshot as GraphML, GEXF, CSV or node-link JSON for other tools.",
        discussion: """
        graphml  networkx, Gephi, Cytoscape, yEd, Neo4j (apoc.import.graphml)
        gexf     Gephi, dynamic: the timeline plays nodes and edges from first to last seen
        csv      two tables: -o out writes out-nodes.csv and out-edges.csv; -o a folder
                 (existing, or ending in /) writes nodes.csv and edges.csv inside it
        json     networkx node-link (nx.node_link_graph(data, edges="links")), d3

        Files are written atomically. Without --format the format is taken from the -o extension.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case graphml, gexf, csv, json }

    @Argument(help: "A graph snapshot (graph.json) written by `actorgraph build` or `merge`.")
    var graph: String

    @Option(help: "The output format.")
    var format: Format?

    @Option(name: .shortAndLong, help: "The output file (csv: a prefix or a folder). Without it, one-file formats go to standard output.")
    var output: String?

    func validate() throws {
        if resolvedFormat == nil {
            throw ValidationError("give --format graphml|gexf|csv|json (or an -o file ending in .graphml, .gexf, .csv or .json)")
        }
        if resolvedFormat == .csv && output == nil {
            throw ValidationError("--format csv writes two files: give -o PREFIX or -o FOLDER/")
        }
    }

    var resolvedFormat: Format? {
        if let format { return format }
        guard let output else { return nil }
        return Format(rawValue: (output as NSString).pathExtension.lowercased())
    }

    func run() async throws {
        SignalCleanup.install()
        try await Diagnostics.run { try perform() }
    }

    /// The command's work, apart from how errors are shown (tests call it in-process).
    func perform() throws {
        guard let format = resolvedFormat else { return }
        let snapshot = try GraphSnapshot.load(path: graph)
        switch format {
        case .graphml: try emit(Data(GraphMLWriter.write(snapshot).utf8))
        case .gexf: try emit(Data(GEXFWriter.write(snapshot).utf8))
        case .json: try emit(try NodeLinkJSON.write(snapshot) + Data("\n".utf8))
        case .csv:
            let (nodes, edges) = ExportCommand.csvPaths(output ?? "")
            try AtomicFile.write(CSVWriter.nodes(snapshot), to: URL(fileURLWithPath: nodes))
            try AtomicFile.write(CSVWriter.edges(snapshot), to: URL(fileURLWithPath: edges))
            Diagnostics.note("\(snapshot.nodes.count) nodes → \(nodes), \(snapshot.edges.count) edges → \(edges)")
        }
    }

    private func emit(_ data: Data) throws {
        if let output {
            try AtomicFile.write(data, to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// `out` → out-nodes.csv / out-edges.csv (a trailing .csv is dropped); a folder → folder/nodes.csv.
    static func csvPaths(_ output: String) -> (nodes: String, edges: String) {
        var isDirectory: ObjCBool = false
        if output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            let folder = output as NSString
            return (folder.appendingPathComponent("nodes.csv"), folder.appendingPathComponent("edges.csv"))
        }
        let prefix = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
        return (prefix + "-nodes.csv", prefix + "-edges.csv")
    }
}
