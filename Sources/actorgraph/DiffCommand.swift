import ActorGraph
import ArgumentParser
import Foundation

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two graph snapshots: actors and edges added, removed and changed.",
        discussion: """
            Edges changed are relation changes (the same pair of actors, a different typed relation: \
            allied_with → fights) and weight changes of at least --min-weight-change sentences and \
            --min-relative-change percent. Writes a report to standard output; -o also writes a \
            picture of the union graph (added green, removed red, changed orange, unchanged grey).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The older snapshot (a graph.json).", valueName: "OLD.json"))
    var oldPath: String

    @Argument(help: ArgumentHelp("The newer snapshot.", valueName: "NEW.json"))
    var newPath: String

    @Option(help: "Report format: text (readable) or json (the diff, sorted keys).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Also draw the diff into this file: .dot (DOT text), or .png, .svg, .pdf (rendered).", valueName: "FILE"))
    var output: String?

    @Option(help: "Only this actor (an id, or a name or alias in Arabic or English) and its neighbours.")
    var focus: String?

    @Option(help: "How many edges away from --focus to look.")
    var depth: Int = 1

    @Option(help: "The least weight change (distinct sentences) reported for an edge.")
    var minWeightChange: Int = 2

    @Option(help: "The least relative weight change reported, in percent of the old weight.")
    var minRelativeChange: Double = 50

    @Option(help: "The least change in an actor's mention count reported.")
    var minMentionChange: Int = 2

    @Flag(help: "Leave co_mentioned edges out of the comparison.")
    var noCoMentions = false

    static let pictureFormats = ["dot", "png", "svg", "pdf"]

    func validate() throws {
        if let output {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard DiffCommand.pictureFormats.contains(ext) else {
                throw ValidationError("-o `\(output)`: the file must end in .dot, .png, .svg or .pdf")
            }
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if minWeightChange < 0 || minMentionChange < 0 || minRelativeChange < 0 || !minRelativeChange.isFinite {
            throw ValidationError("thresholds must be 0 or more")
        }
    }

    func run() async throws {
        try await Diagnostics.run {
            let old = try GraphSnapshot.load(path: oldPath)
            let new = try GraphSnapshot.load(path: newPath)
            var options = DiffOptions(minWeightChange: minWeightChange, minRelativeWeightChange: minRelativeChange / 100,
                                      minMentionChange: minMentionChange, minRelativeMentionChange: 0.5,
                                      includeCoMentions: !noCoMentions, focusDepth: depth)
            if let focus { options.focus = try resolve(focus, in: [old, new]) }
            let result = diff(old: old, new: new, options: options, oldLabel: oldPath, newLabel: newPath)

            if let output {
                let url = URL(fileURLWithPath: output)
                let dot = DiffDOTWriter.render(DiffGraph(diff: result, old: old, new: new))
                let ext = url.pathExtension.lowercased()
                do {
                    let data = ext == "dot" ? Data(dot.utf8) : try await renderDOT(dot, format: ext)
                    try AtomicFile.write(data, to: url)
                } catch {
                    let message = (error as? Diagnostics.Failure)?.description ?? error.localizedDescription
                    throw Diagnostics.Failure("\(output): \(message)")
                }
            }

            let report: Data
            switch format {
            case .text: report = Data(DiffTextWriter.render(result, old: old, new: new).utf8)
            case .json: report = try result.jsonData() + Data("\n".utf8)
            }
            FileHandle.standardOutput.write(report)
        }
    }

    /// The id `--focus` names, or an error listing the closest actors.
    func resolve(_ query: String, in snapshots: [GraphSnapshot]) throws -> String {
        // Names are looked up in the union of both graphs: the actor may exist in only one.
        var union = GraphBuilder()
        for snapshot in snapshots { union.add(snapshot) }
        let resolver = try NameResolver(snapshot: union.snapshot(gazetteerVersion: ""))
        func describe(_ c: NameResolver.Candidate) -> String { "\(c.id) (\(c.name), \(c.nameEn))" }
        switch resolver.resolve(query) {
        case .found(let id):
            return id
        case .ambiguous(let candidates):
            throw Diagnostics.Failure("--focus `\(query)`: several actors have this name: \(candidates.map(describe).joined(separator: "; ")); give an id")
        case .notFound(let closest):
            let hint = closest.isEmpty ? "" : "; closest: " + closest.map(describe).joined(separator: "; ")
            throw Diagnostics.Failure("--focus `\(query)`: no actor with this id, name or alias in \(oldPath) or \(newPath)\(hint)")
        }
    }
}
