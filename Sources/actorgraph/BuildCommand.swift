import ActorGraph
import ArgumentParser
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the actor graph from articles and write graph.json, graph.dot, graph.svg and graph.png.",
        discussion: """
            The default folder is Graphs. With --by, one snapshot per period is written beside the \
            cumulative one (Graphs/2015.json, Graphs/2015.png, …). Every file is written to a temporary \
            file and renamed, so an interrupted build leaves the previous outputs whole.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var concurrency: ConcurrencyOptions

    @Option(help: "The folder for the outputs.")
    var out: String = "Graphs"

    @Option(help: "Also write one snapshot per period: year, quarter or month.")
    var by: PeriodGranularity?

    @Option(help: "Only articles dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated articles are left out.")
    var since: String?

    @Option(help: "Only articles dated on or before this date; undated articles are left out.")
    var until: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, PartialDate(value) == nil { throw ValidationError("\(name) `\(value)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        }
    }

    func run() async throws {
        SignalCleanup.install()
        try await Diagnostics.run {
            let extractor = try input.extractor()
            var articles = try input.articles()
            let from = since.flatMap { PartialDate($0) }, to = until.flatMap { PartialDate($0) }
            if from != nil || to != nil {
                articles = articles.filter { $0.date?.isWithin(from: from, to: to) ?? false }
                guard !articles.isEmpty else { throw Diagnostics.Failure("no article is dated within \(since ?? "…") – \(until ?? "…")") }
            }
            let sizes = articles.map { $0.text.utf8.count }
            let progress = Progress(total: articles.count, bytes: sizes.reduce(0, +))
            let documents = ParallelExtraction.run(extractor, articles, jobs: concurrency.jobs) { progress.advance(bytes: sizes[$0]) }
            progress.finish()
            var builder = GraphBuilder()
            for doc in documents { builder.add(doc) }
            let version = extractor.recognizer.gazetteer.version
            let snapshot = builder.snapshot(gazetteerVersion: version)
            let folder = URL(fileURLWithPath: out)
            if let by {
                for (label, period) in periodSnapshots(documents, by: by, gazetteerVersion: version) {
                    try await GraphOutputs.write(period, to: folder, name: label)
                }
            }
            try await GraphOutputs.write(snapshot, to: folder)
            Diagnostics.note("\(articles.count) articles → \(snapshot.nodes.count) actors, \(snapshot.edges.count) edges in \(out)/")
        }
    }
}

extension PeriodGranularity: ExpressibleByArgument {}
