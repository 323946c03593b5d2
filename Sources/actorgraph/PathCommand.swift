import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph path A B`: how two actors are connected.
struct PathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show all shortest paths between two actors, with the relation and its direction on each hop.",
        discussion: """
            Paths follow typed relations in either direction unless --relation or --co-mentions say \
            otherwise. Two actors that are not connected are not an error: the answer says so.
            """
    )

    @Argument(help: "The first actor: an id, or an Arabic or English name or alias.")
    var from: String

    @Argument(help: "The second actor.")
    var to: String

    @OptionGroup var graphOptions: GraphOptions

    @OptionGroup var relationOptions: RelationOptions

    @Option(help: "List at most this many paths.")
    var maxPaths: Int = 10

    func validate() throws {
        if from.trimmingCharacters(in: .whitespaces).isEmpty || to.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("an actor name is empty.")
        }
        if maxPaths < 1 { throw ValidationError("--max-paths must be 1 or more.") }
    }

    func run() async throws {
        try await Diagnostics.run {
            let index = try graphOptions.load()
            let a = try graphOptions.resolve(from, in: index)
            let b = try graphOptions.resolve(to, in: index)
            let result = index.shortestPaths(from: a, to: b, maxPaths: maxPaths,
                                             relations: try relationOptions.relations(default: RelationType.typed))
            try graphOptions.emit(result) { Self.text(result) }
        }
    }

    static func text(_ result: PathsResult) -> [String] {
        let over = QueryText.relations(result.relations)
        guard let length = result.length else {
            let hint = result.relations.contains(.coMentioned) ? "" : "; add --co-mentions to follow co-mentions"
            return ["no path between \(result.from.id) and \(result.to.id) over \(over)\(hint)"]
        }
        let shown = result.count > result.paths.count ? " (showing \(result.paths.count))" : ""
        var lines = ["\(QueryText.plural(result.count, "shortest path")) of \(QueryText.plural(length, "hop")) from \(result.from.id) to \(result.to.id) over \(over)\(shown)"]

        // One table for the actors of every path; hop lines and path headings go between its rows.
        var rows: [[String]] = []
        var before: [Int: [String]] = [:]
        var after: [Int: [String]] = [:]
        for (p, path) in result.paths.enumerated() {
            before[rows.count] = ["", "path \(p + 1)"]
            for (k, actor) in path.actors.enumerated() {
                rows.append([actor.id, actor.name, actor.nameEn, actor.type.rawValue])
                if k < path.hops.count { after[rows.count - 1] = ["    " + hopText(path.hops[k])] }
            }
        }
        for (i, line) in TextTable(rows).lines(indent: "  ").enumerated() {
            lines += before[i] ?? []
            lines.append(line)
            lines += after[i] ?? []
        }
        return lines
    }

    /// `-[subordinate_to]->`, `<-[commands]-`, `-[fights]-`; several relations side by side.
    static func hopText(_ hop: PathsResult.Hop) -> String {
        hop.relations.map { r -> String in
            let seen = "w\(r.weight), \(QueryText.seen(r.firstSeen, r.lastSeen))"
            switch r.direction {
            case .forward: return "-[\(r.type.rawValue)]->  (\(seen))"
            case .backward: return "<-[\(r.type.rawValue)]-  (\(seen))"
            case .undirected: return "-[\(r.type.rawValue)]-  (\(seen))"
            }
        }.joined(separator: "   ")
    }
}
