import ActorGraph
import ArgumentParser
import Foundation

/// Options shared by the commands that read articles.
struct InputOptions: ParsableArguments {
    @Argument(help: "Article files (.txt, .jsonl), folders of them, or a manifest.tsv.")
    var inputs: [String]

    @Option(help: "A date (YYYY, YYYY-MM or YYYY-MM-DD) for every input, overriding manifests.")
    var date: String?

    @Option(name: .customLong("gazetteer"), help: "An extra gazetteer YAML file (repeatable); same ids replace the default's.")
    var gazetteers: [String] = []

    @Flag(help: "Use only the --gazetteer files, not the bundled gazetteer.")
    var noDefaultGazetteer = false

    func validate() throws {
        if let date, PartialDate(date) == nil {
            throw ValidationError("--date `\(date)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if noDefaultGazetteer && gazetteers.isEmpty {
            throw ValidationError("--no-default-gazetteer needs at least one --gazetteer FILE")
        }
    }

    func extractor() throws -> Extractor {
        let extra = try gazetteers.map { try GazetteerLoader.load(url: URL(fileURLWithPath: $0)) }
        return try Extractor.standard(extraGazetteers: extra, replaceDefault: noDefaultGazetteer)
    }

    /// Reads the articles one at a time, extracts them in parallel and hands each document to
    /// `consume` in input order. Every unreadable input is reported on stderr where it comes in
    /// the order; `keep` leaves articles out before extraction. Fails when no article could be
    /// read; returns the number of documents consumed.
    @discardableResult
    func extractDocuments(with extractor: Extractor, jobs: Int?, keep: (@Sendable (Article) -> Bool)? = nil,
                          consume: (DocumentExtraction) throws -> Void) throws -> Int {
        let reader = ArticleReader(dateOverride: date.flatMap { PartialDate($0) })
        // The inputs are walked as they are read, so memory does not grow with their number. The
        // progress line's totals take a walk of their own, made only when the line is shown.
        let shown = isatty(2) != 0
        let progress = shown ? Progress(reader.entries(paths: inputs)) : Progress(total: nil, bytes: 0, enabled: false)
        var items = reader.stream(paths: inputs)
        var read = 0, kept = 0
        try ParallelExtraction.run(extractor, &items, jobs: jobs, keep: keep) { outcome in
            if !outcome.problems.isEmpty {
                progress.finish()  // a warning starts on a line of its own
                for problem in outcome.problems { Diagnostics.warning(problem.description) }
            }
            if outcome.isArticle { progress.advance(bytes: outcome.bytes) }
            if outcome.read { read += 1 }
            if let document = outcome.document {
                kept += 1
                try consume(document)
            }
        }
        progress.finish()
        if read == 0 {
            throw Diagnostics.Failure("no article could be read from \(inputs.joined(separator: ", "))")
        }
        return kept
    }
}

/// Messages on stderr, in one shape: `actorgraph: warning: FILE: message`.
enum Diagnostics {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ message: String) { description = message }
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("actorgraph: warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("actorgraph: \(message)\n".utf8))
    }

    /// Runs a command body; any error becomes one line on stderr and exit code 1.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("actorgraph: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
