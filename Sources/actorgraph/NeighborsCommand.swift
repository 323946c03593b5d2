import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph neighbors NAME`: the actors linked to an actor, hop by hop.
struct NeighborsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the actors linked to an actor, up to a number of hops, with the edges that link them.",
        discussion: """
            NAME is an actor id, or any Arabic or English name or alias (with or without the article, \
            diacritics or leading clitics). Only typed relations are followed unless --relation or \
            --co-mentions say otherwise. Symmetric relations (allied_with, fights, co_mentioned) are \
            followed whatever the --direction.
            """
    )

    @Argument(help: "The actor: an id, or an Arabic or English name or alias.")
    var name: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "How many hops out to go.")
    var depth: Int = 1

    @OptionGroup var relationOptions: RelationOptions

    @Option(help: "Follow edges out of the actor (it is the source), into it, or both.")
    var direction: QueryDirection = .both

    @Flag(help: "Print the sentences that support each edge.")
    var evidence = false

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("NAME is empty.") }
        if depth < 1 { throw ValidationError("--depth must be 1 or more.") }
    }

    func run() async throws {
        try await Diagnostics.run {
            let index = try graphOptions.load()
            let center = try graphOptions.resolve(name, in: index)
            let query = NeighborsQuery(depth: depth, relations: try relationOptions.relations(default: RelationType.typed),
                                       direction: direction, evidence: evidence)
            let result = index.neighbors(of: center, query)
            try graphOptions.emit(result) { Self.text(result) }
        }
    }

    static func text(_ result: NeighborsResult) -> [String] {
        let c = result.center
        let directions = switch result.direction {
        case .both: "both directions"
        case .outgoing: "edges out of it"
        case .incoming: "edges into it"
        }
        var lines = ["\(c.id)  \(c.name)  \(c.nameEn)  \(c.type.rawValue)"]
        let scope = "within \(QueryText.plural(result.depth, "hop")), \(directions), \(QueryText.relations(result.relations))"
        guard !result.neighbors.isEmpty else {
            let hint = result.relations.contains(.coMentioned) ? "" : " (add --co-mentions to follow co-mentions)"
            return lines + ["no neighbors \(scope)\(hint)"]
        }
        lines.append("\(QueryText.plural(result.neighbors.count, "neighbor")) \(scope)")
        lines.append("")
        var rows = [["hop", "id", "name", "English", "type", "relation", "weight", "seen"]]
        var extra: [Int: [String]] = [:]
        for n in result.neighbors {
            for (k, e) in n.edges.enumerated() {
                let who = k == 0 ? [String(n.distance), n.actor.id, n.actor.name, n.actor.nameEn, n.actor.type.rawValue]
                                 : ["", "", "", "", ""]
                rows.append(who + [QueryText.relation(e.source, e.type, e.target), String(e.weight), QueryText.seen(e.firstSeen, e.lastSeen)])
                if let evidence = e.evidence { extra[rows.count - 1] = QueryText.evidence(evidence, indent: "     ") }
            }
        }
        return lines + QueryText.interleave(TextTable(rows, rightAligned: [0, 6]).lines(), extra)
    }
}
