import ActorGraph
import ArgumentParser
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the actor graph from articles and write graph.json, graph.dot, graph.svg and graph.png."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var concurrency: ConcurrencyOptions

    @Option(help: "The folder for the outputs.")
    var out: String = "Graphs"

    func run() async throws {
        SignalCleanup.install()
        try await Diagnostics.run {
            let extractor = try input.extractor()
            let articles = try input.articles()
            let progress = Progress(total: articles.count, bytes: articles.reduce(0) { $0 + $1.text.utf8.count })
            var builder = GraphBuilder()
            let docs = ParallelExtraction.run(extractor, articles, jobs: concurrency.jobs) { progress.advance(bytes: articles[$0].text.utf8.count) }
            progress.finish()
            for doc in docs { builder.add(doc) }
            let snapshot = builder.snapshot(gazetteerVersion: extractor.recognizer.gazetteer.version)
            let folder = URL(fileURLWithPath: out)
            try AtomicFile.write(try snapshot.jsonData(), to: folder.appendingPathComponent("graph.json"))
            Diagnostics.note("\(articles.count) articles → \(snapshot.nodes.count) actors, \(snapshot.edges.count) edges in \(out)/")
        }
    }
}
