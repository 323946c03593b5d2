import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph entities`: the actors of the graph.
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the actors of the graph, most mentioned first.",
        discussion: """
            --match keeps actors whose id, Arabic or English names or aliases contain the text, \
            compared as names are (diacritics, hamza forms, article and transliteration variants folded).
            """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Only actors of this type: \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var type: ActorType?

    @Option(help: "Only actors with a name containing this text (Arabic or English).")
    var match: String?

    struct Output: Encodable {
        var count: Int
        var actors: [EntityRow]
    }

    func run() async throws {
        try await Diagnostics.run {
            let index = try graphOptions.load()
            let extra = match == nil ? [:] : GraphOptions.gazetteerNames(for: index)
            let rows = index.entities(type: type, matching: match, extraNames: extra)
            let output = Output(count: rows.count, actors: rows)
            try graphOptions.emit(output) { Self.text(output) }
        }
    }

    static func text(_ output: Output) -> [String] {
        guard !output.actors.isEmpty else { return ["no actors"] }
        var rows = [["id", "name", "English", "type", "side", "mentions", "docs", "seen"]]
        for r in output.actors {
            rows.append([r.actor.id, r.actor.name, r.actor.nameEn, r.actor.type.rawValue, r.actor.side ?? "-",
                         String(r.mentions), String(r.documents), QueryText.seen(r.firstSeen, r.lastSeen)])
        }
        return [QueryText.plural(output.count, "actor"), ""] + TextTable(rows, rightAligned: [5, 6]).lines()
    }
}
