import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph show NAME`: one actor and all its relations.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an actor: its names, type, side, dates, and its relations grouped by type.",
        discussion: "NAME is an actor id, or any Arabic or English name or alias."
    )

    @Argument(help: "The actor: an id, or an Arabic or English name or alias.")
    var name: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("relation"), help: ArgumentHelp("Show only this relation type (repeatable).", valueName: "type"))
    var relationNames: [String] = []

    @Flag(help: "Leave co_mentioned links out.")
    var noCoMentions = false

    @Flag(help: "Print the sentences that support each relation.")
    var evidence = false

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("NAME is empty.") }
        _ = try relations()
    }

    func relations() throws -> Set<RelationType> {
        var chosen = try RelationOptions.parse(relationNames)
        if chosen.isEmpty { chosen = Set(RelationType.allCases) }
        if noCoMentions { chosen.remove(.coMentioned) }
        return chosen
    }

    func run() async throws {
        try await Diagnostics.run {
            let index = try graphOptions.load()
            let node = try graphOptions.resolve(name, in: index)
            let report = index.report(on: node, relations: try relations(), evidence: evidence)
            try graphOptions.emit(report) { Self.text(report) }
        }
    }

    static func text(_ report: ActorReport) -> [String] {
        let a = report.actor
        var facts = [["type", a.type.rawValue + (a.discovered ? " (discovered, not in the gazetteer)" : "")]]
        if let side = a.side { facts.append(["side", side]) }
        facts.append(["mentions", "\(a.mentions) in \(QueryText.plural(a.documents, "document"))"])
        facts.append(["seen", QueryText.seen(a.firstSeen, a.lastSeen)])
        if !a.aliases.isEmpty { facts.append(["aliases", a.aliases.joined(separator: "، ")]) }
        var lines = ["\(a.id)  \(a.name)  \(a.nameEn)"] + TextTable(facts).lines(indent: "  ")
        guard !report.groups.isEmpty else { return lines + ["", "no relations"] }

        // One table for all groups, so that columns line up from group to group.
        var rows: [[String]] = []
        var headings: [Int: String] = [:]
        var extra: [Int: [String]] = [:]
        for group in report.groups {
            headings[rows.count] = "\(group.type.rawValue) (\(group.relations.count))"
            for r in group.relations {
                let arrow = switch r.direction {
                case .outgoing: "->"
                case .incoming: "<-"
                case .undirected: "--"
                }
                rows.append([arrow, r.actor.id, r.actor.name, r.actor.nameEn, r.actor.type.rawValue, String(r.weight),
                             QueryText.seen(r.firstSeen, r.lastSeen)])
                if let evidence = r.evidence { extra[rows.count - 1] = QueryText.evidence(evidence, indent: "       ") }
            }
        }
        let table = TextTable(rows, rightAligned: [5]).lines(indent: "  ")
        for (i, line) in table.enumerated() {
            if let heading = headings[i] { lines += ["", heading] }
            lines.append(line)
            lines += extra[i] ?? []
        }
        return lines
    }
}
