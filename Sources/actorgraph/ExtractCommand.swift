import ActorGraph
import ArgumentParser
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract actors and relations from articles, one JSON object per document."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, dump }

    @OptionGroup var input: InputOptions
    @OptionGroup var concurrency: ConcurrencyOptions

    @Option(help: "Output format: jsonl (one document per line; the scorer's input) or dump (readable).")
    var format: Format = .jsonl

    @Flag(help: "Leave co_mentioned relations out of the output.")
    var noCoMentions = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() async throws {
        SignalCleanup.install()
        try await Diagnostics.run {
            let extractor = try input.extractor()
            let articles = try input.articles()
            let progress = Progress(total: articles.count, bytes: articles.reduce(0) { $0 + $1.text.utf8.count })
            var out = ""
            let docs = ParallelExtraction.run(extractor, articles, jobs: concurrency.jobs) { progress.advance(bytes: articles[$0].text.utf8.count) }
            progress.finish()
            for doc in docs {
                switch format {
                case .jsonl: out += try ExtractionRecord(doc, includeCoMentions: !noCoMentions).jsonLine() + "\n"
                case .dump: out += ExtractionDump.render(doc, includeCoMentions: !noCoMentions) + "\n"
                }
            }
            if let output {
                try AtomicFile.write(out, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }
}
