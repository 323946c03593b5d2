import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph top`: the most central actors.
struct TopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "Rank actors by degree, weighted degree, betweenness or PageRank.",
        discussion: """
            degree counts distinct linked actors; weighted-degree sums the weights (supporting \
            sentences) of the actor's edges; betweenness (Brandes) counts shortest paths through the \
            actor, edge directions ignored; pagerank follows directed relations from source to target \
            (a unit passes rank to what it is subordinate to), symmetric ones both ways. All over typed \
            relations unless --relation or --co-mentions say otherwise.
            """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "The measure to rank by: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var by: CentralityMeasure = .degree

    @Option(help: "Rank only actors of this type: \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var type: ActorType?

    @Option(help: "How many actors to list.")
    var limit: Int = 20

    @OptionGroup var relationOptions: RelationOptions

    struct Output: Encodable {
        var by: CentralityMeasure
        var type: ActorType?
        var relations: [RelationType]
        var actors: [CentralityRow]
    }

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be 1 or more.") }
    }

    func run() async throws {
        try await Diagnostics.run {
            let index = try graphOptions.load()
            let relations = try relationOptions.relations(default: RelationType.typed)
            let rows = index.top(by: by, type: type, limit: limit, relations: relations)
            let output = Output(by: by, type: type, relations: relations.sorted(), actors: rows)
            try graphOptions.emit(output) { Self.text(output) }
        }
    }

    static func text(_ output: Output) -> [String] {
        let what = output.type.map { "\($0.rawValue) actors" } ?? "actors"
        var lines = ["\(what) by \(output.by.rawValue) over \(QueryText.relations(output.relations))"]
        guard !output.actors.isEmpty else { return lines + ["no \(what)"] }
        lines.append("")
        let score: (Double) -> String = switch output.by {
        case .degree, .weightedDegree: { String(Int($0)) }
        case .betweenness: { String(format: "%.2f", $0) }
        case .pagerank: { String(format: "%.4f", $0) }
        }
        var rows = [["rank", "id", "name", "English", "type", "degree", "weighted"]]
        let extraScore = output.by == .betweenness || output.by == .pagerank
        if extraScore { rows[0].append(output.by.rawValue) }
        for r in output.actors {
            var row = [String(r.rank), r.actor.id, r.actor.name, r.actor.nameEn, r.actor.type.rawValue,
                       String(r.degree), String(r.weightedDegree)]
            if extraScore { row.append(score(r.score)) }
            rows.append(row)
        }
        return lines + TextTable(rows, rightAligned: [0, 5, 6, 7]).lines()
    }
}
