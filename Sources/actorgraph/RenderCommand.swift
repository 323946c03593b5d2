import ActorGraph
import ActorGraphRender
import ArgumentParser
import Foundation

/// `actorgraph render GRAPH.json -o FILE`: filters a snapshot and draws it.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a graph snapshot as PNG, SVG, PDF or DOT, or write the filtered snapshot as JSON.",
        discussion: """
            The output file's extension picks the format: png, svg, pdf, dot or json. \
            Filters apply in this order: --since/--until (which recount edge weights), --relations, \
            --types, --min-weight, --focus/--depth, --max-nodes.
            """
    )

    @Argument(help: "The graph snapshot to draw (graph.json).")
    var graph: String

    @Option(name: .shortAndLong, help: "The file to write; its extension (png, svg, pdf, dot, json) picks the format.")
    var output: String

    @Option(help: "Layout engine: \(Layout.allCases.map(\.rawValue).joined(separator: ", ")) (default: auto).",
            transform: { try parseValue($0, as: Layout.self) })
    var layout: Layout = .auto

    @Option(help: "Keep only the actors around this one: an actor id, or an Arabic or English name or alias.")
    var focus: String?

    @Option(help: "How many edges away from --focus to keep.")
    var depth: Int = 1

    @Option(help: "Keep only these relation types (comma-separated).")
    var relations: String?

    @Option(help: "Keep only these actor types (comma-separated): faction, unit, person, state, place.")
    var types: String?

    @Option(help: "Keep only relations supported by at least this many sentences.")
    var minWeight: Int?

    @Option(help: "Keep only evidence dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Keep only evidence dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var until: String?

    @Option(help: "Keep only this many actors, the most connected (by the weights of their relations).")
    var maxNodes: Int?

    @Flag(help: "Leave out co-mention links (sentence co-occurrence without a stated relation).")
    var noCoMentions = false

    @Flag(help: "Draw no legend.")
    var noLegend = false

    func validate() throws {
        _ = try outputFormat()
        _ = try criteria(focusID: nil)
        if focus?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw ValidationError("--focus is empty.") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
        if focus == nil && depth != 1 { throw ValidationError("--depth needs --focus.") }
        if let minWeight, minWeight < 1 { throw ValidationError("--min-weight must be 1 or more.") }
        if let maxNodes, maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more.") }
    }

    func run() async throws {
        do {
            let snapshot: GraphSnapshot
            do { snapshot = try GraphSnapshot.load(path: graph) } catch let problem as InputProblem {
                throw Failure(file: problem.file, message: problem.message)
            }
            let focusID = try focus.map { try resolveFocus($0, in: snapshot) }
            let filtered = GraphFilter.apply(try criteria(focusID: focusID), to: snapshot)
            guard !filtered.nodes.isEmpty else { throw Failure(file: graph, message: "no actors left after filtering") }
            let data = try await draw(filtered, subtitle: filterSummary(focusID: focusID, in: snapshot), focus: focusID)
            do {
                try AtomicFile.write(data, to: URL(fileURLWithPath: output))
            } catch {
                throw Failure(file: output, message: "cannot write: \(error.localizedDescription)")
            }
        } catch let failure as Failure {
            printError("actorgraph: error: \(failure.file): \(failure.message)")
            throw ExitCode.failure
        }
    }

    // MARK: - Steps

    private enum OutputFormat { case image(RenderFormat), json }

    private func outputFormat() throws -> OutputFormat {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if ext == "json" { return .json }
        guard let format = RenderFormat(rawValue: ext) else {
            throw ValidationError("Cannot tell the format from '\(output)': use .png, .svg, .pdf, .dot or .json.")
        }
        return .image(format)
    }

    private func criteria(focusID: String?) throws -> GraphFilter.Criteria {
        var relationTypes = try relations.map { try parseList($0, as: RelationType.self, option: "--relations") }
        if noCoMentions { relationTypes = (relationTypes ?? Set(RelationType.allCases)).subtracting([.coMentioned]) }
        return GraphFilter.Criteria(
            since: try since.map { try parseDate($0, option: "--since") },
            until: try until.map { try parseDate($0, option: "--until") },
            relations: relationTypes,
            actorTypes: try types.map { try parseList($0, as: ActorType.self, option: "--types") },
            minimumWeight: minWeight,
            focus: focusID,
            depth: depth,
            maxNodes: maxNodes)
    }

    private func resolveFocus(_ query: String, in snapshot: GraphSnapshot) throws -> String {
        func describe(_ candidates: [NameResolver.Candidate]) -> String {
            candidates.map { "\($0.id) (\($0.name) / \($0.nameEn))" }.joined(separator: "; ")
        }
        switch try NameResolver(snapshot: snapshot).resolve(query) {
        case .found(let id):
            return id
        case .ambiguous(let candidates):
            throw Failure(file: graph, message: "«\(query)» names several actors; give one id: \(describe(candidates))")
        case .notFound(let closest):
            let hint = closest.isEmpty ? "" : "; closest: \(describe(closest))"
            throw Failure(file: graph, message: "no actor matches «\(query)»\(hint)")
        }
    }

    /// The filters in force, for the line under the picture's title; nil when there are none.
    private func filterSummary(focusID: String?, in snapshot: GraphSnapshot) -> String? {
        var parts: [String] = []
        if let node = focusID.flatMap(snapshot.node(id:)) { parts.append("around \(node.name) (\(node.nameEn)), depth \(depth)") }
        switch (since, until) {
        case let (from?, to?): parts.append("evidence \(from) – \(to)")
        case let (from?, nil): parts.append("evidence from \(from)")
        case let (nil, to?): parts.append("evidence until \(to)")
        case (nil, nil): break
        }
        if let relations { parts.append("relations: \(relations)") }
        if let types { parts.append("types: \(types)") }
        if let minWeight { parts.append("weight ≥ \(minWeight)") }
        if let maxNodes { parts.append("top \(maxNodes) actors") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private func draw(_ snapshot: GraphSnapshot, subtitle: String?, focus: String?) async throws -> Data {
        switch try outputFormat() {
        case .json:
            return try snapshot.jsonData()
        case .image(let format):
            // --no-co-mentions already removed them; the writer drops those made redundant by typed edges.
            let options = DOTWriter.Options(coMentions: .untypedPairsOnly, subtitle: subtitle, legend: !noLegend, focus: focus)
            let writer = DOTWriter(options: options)
            let dot = writer.write(snapshot)
            // DOT is written as ActorGraph made it, not re-emitted by Graphviz.
            if format == .dot { return Data(dot.utf8) }
            do {
                let result = try await GraphvizRenderer.shared.render(dot: dot, format: format, layout: layout)
                for warning in result.warnings { printError("actorgraph: warning: \(graph): \(warning)") }
                printError("actorgraph: \(snapshot.nodes.count) actors, \(writer.drawnEdges(of: snapshot).count) relations drawn with \(result.layoutUsed.rawValue)")
                return result.data
            } catch let error as RenderError {
                throw Failure(file: graph, message: error.description)
            }
        }
    }
}


/// A runtime error reported as `actorgraph: error: FILE: message`.
private struct Failure: Error {
    var file: String
    var message: String
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// ArgumentParser names the option itself when a transform throws; `option` is for lists
/// parsed in `validate()`, where it does not.
private func parseValue<T: RawRepresentable & CaseIterable>(_ text: String, as type: T.Type, option: String? = nil) throws -> T
where T.RawValue == String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let value = T(rawValue: trimmed) else {
        let prefix = option.map { "\($0): " } ?? ""
        throw ValidationError("\(prefix)unknown value '\(trimmed)'; use one of \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
    return value
}

private func parseList<T: RawRepresentable & CaseIterable & Hashable>(_ text: String, as type: T.Type, option: String) throws -> Set<T>
where T.RawValue == String {
    Set(try text.split(separator: ",").map { try parseValue(String($0), as: type, option: option) })
}

private func parseDate(_ text: String, option: String) throws -> PartialDate {
    guard let date = PartialDate(text) else {
        throw ValidationError("\(option): not a date (YYYY, YYYY-MM or YYYY-MM-DD): '\(text)'.")
    }
    return date
}
