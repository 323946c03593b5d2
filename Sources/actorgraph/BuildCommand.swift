import ActorGraph
import ArgumentParser
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the actor graph from articles and write graph.json, graph.dot, graph.svg and graph.png."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The folder for the outputs.")
    var out: String = "Graphs"

    func run() async throws {
        try await Diagnostics.run {
            let extractor = try input.extractor()
            let articles = try input.articles()
            var builder = GraphBuilder()
            for doc in ParallelExtraction.run(extractor, articles) { builder.add(doc) }
            let snapshot = builder.snapshot(gazetteerVersion: extractor.recognizer.gazetteer.version)
            let folder = URL(fileURLWithPath: out)
            try AtomicFile.write(try snapshot.jsonData(), to: folder.appendingPathComponent("graph.json"))
            Diagnostics.note("\(articles.count) articles → \(snapshot.nodes.count) actors, \(snapshot.edges.count) edges in \(out)/")
        }
    }
}
