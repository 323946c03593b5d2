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

    @Option(help: "Output format: jsonl (one document per line; the scorer's input) or dump (readable).")
    var format: Format = .jsonl

    @Flag(help: "Leave co_mentioned relations out of the output.")
    var noCoMentions = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() async throws {
        try await Diagnostics.run {
            let extractor = try input.extractor()
            let articles = try input.articles()
            var out = ""
            for doc in ParallelExtraction.run(extractor, articles) {
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
