import ActorGraph
import ArgumentParser
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the actor graph from articles and write graph.json, graph.dot, graph.svg and graph.png.",
        discussion: "The default folder is Graphs. Every file is written to a temporary file and renamed, so an interrupted build leaves the previous outputs whole."
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
            try await GraphOutputs.write(snapshot, to: URL(fileURLWithPath: out))
            Diagnostics.note("\(articles.count) articles → \(snapshot.nodes.count) actors, \(snapshot.edges.count) edges in \(out)/")
        }
    }
}
