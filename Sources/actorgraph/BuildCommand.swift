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
            // Documents go into the graphs as they arrive, and are not kept.
            var builder = GraphBuilder()
            var periods = by.map { PeriodBuilders(by: $0) }
            let count = try input.extractDocuments(with: extractor, jobs: concurrency.jobs, keep: dateWindow()) { doc in
                builder.add(doc)
                periods?.add(doc)
            }
            guard count > 0 else { throw Diagnostics.Failure("no article is dated within \(since ?? "…") – \(until ?? "…")") }
            let version = extractor.recognizer.gazetteer.version
            let folder = URL(fileURLWithPath: out)
            // One period snapshot at a time, each builder dropped once written; graph.json last.
            while let (label, period) = periods?.removeOldest(gazetteerVersion: version) {
                try await GraphOutputs.write(period, to: folder, name: label)
            }
            let snapshot = builder.snapshot(gazetteerVersion: version)
            builder = GraphBuilder()  // the snapshot has the graph now: free the builder's copy before rendering
            try await GraphOutputs.write(snapshot, to: folder)
            Diagnostics.note("\(count) articles → \(snapshot.nodes.count) actors, \(snapshot.edges.count) edges in \(out)/")
        }
    }

    /// `--since/--until` as a test on an article, applied before it is extracted.
    private func dateWindow() -> (@Sendable (Article) -> Bool)? {
        let from = since.flatMap { PartialDate($0) }, to = until.flatMap { PartialDate($0) }
        if from == nil && to == nil { return nil }
        return { article in article.date?.isWithin(from: from, to: to) ?? false }
    }
}

extension PeriodGranularity: ExpressibleByArgument {}
