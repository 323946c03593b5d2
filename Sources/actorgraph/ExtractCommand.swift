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
            // Each document is written as soon as the ones before it are: nothing piles up. A
            // file is replaced only once every document is in it.
            if let output {
                try AtomicFile.write(to: URL(fileURLWithPath: output)) { try write(with: extractor, to: $0) }
            } else {
                try write(with: extractor, to: FileHandle.standardOutput)
            }
        }
    }

    private func write(with extractor: Extractor, to handle: FileHandle) throws {
        var lines = ExtractionLines()
        try input.extractDocuments(with: extractor, jobs: concurrency.jobs) { doc in
            switch format {
            case .jsonl:
                lines.removeAll()
                lines.append(doc, includeCoMentions: !noCoMentions)
                try lines.withUnsafeBytes { try handle.write(contentsOf: $0) }
            case .dump:
                try handle.write(contentsOf: Array((ExtractionDump.render(doc, includeCoMentions: !noCoMentions) + "\n").utf8))
            }
        }
    }
}
