import ActorGraph
import ArgumentParser
import Foundation

enum QueryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// Options shared by the commands that read a graph snapshot.
struct GraphOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The graph to read: a snapshot (graph.json), or an index made by `actorgraph index`.",
                               valueName: "file"))
    var graph: String = "Graphs/graph.json"

    @Option(help: "Output format: text (aligned columns) or json (stable, sorted keys; see docs/queries.md).")
    var format: QueryFormat = .text

    @Flag(help: "Read the JSON even when an up-to-date index (graph.idx) is beside it.")
    var noIndex = false

    /// The graph's index: from graph.idx when it matches the JSON, else built from the JSON.
    func load() throws -> GraphIndex {
        let loaded = try GraphIndex.load(graphPath: graph, useIndex: !noIndex)
        if let ignored = loaded.ignoredIndex {
            Diagnostics.warning("\(ignored.path) \(ignored.reason); reading the JSON (run `actorgraph index \(graph)` to refresh it)")
        }
        return loaded.index
    }

    /// The actor a reader means by `name`; an unknown or ambiguous name is an error that lists candidates.
    ///
    /// The graph's own names are tried first; the bundled gazetteer's names for the graph's actors
    /// ("SAA", «قسد») only when they do not settle it, because reading the gazetteer takes longer
    /// than most queries.
    func resolve(_ name: String, in index: GraphIndex) throws -> Int {
        if let exact = index.nodeIndex(id: name) { return exact }
        var resolution = NameResolver(index: index).resolve(name, closest: false)
        if case .found = resolution {} else {
            resolution = NameResolver(index: index, extraNames: Self.gazetteerNames(for: index)).resolve(name)
        }
        switch resolution {
        case .found(let id):
            guard let node = index.nodeIndex(id: id) else { throw Diagnostics.Failure("no actor named «\(name)» in \(graph)") }
            return node
        case .ambiguous(let candidates):
            throw Diagnostics.Failure("«\(name)» names several actors in \(graph): \(Self.describe(candidates)); give one of these ids")
        case .notFound(let closest):
            let hint = closest.isEmpty ? "" : "; closest: \(Self.describe(closest))"
            throw Diagnostics.Failure("no actor named «\(name)» in \(graph)\(hint)")
        }
    }

    static func describe(_ candidates: [NameResolver.Candidate]) -> String {
        candidates.map { "\($0.id) (\($0.name), \($0.nameEn))" }.joined(separator: ", ")
    }

    /// The bundled gazetteer's other names for the graph's actors, so that a reader may use any
    /// name the gazetteer knows ("SAA", «قسد») even when the articles did not.
    static func gazetteerNames(for index: GraphIndex) -> [String: [String]] {
        guard let gazetteer = try? Gazetteer.bundled() else { return [:] }
        var names: [String: [String]] = [:]
        for actor in gazetteer.actors where index.nodeIndex(id: actor.id) != nil {
            names[actor.id] = [actor.name, actor.nameEn] + actor.aliasesAr + actor.aliasesEn + actor.datedAliases.map(\.name)
        }
        return names
    }

    /// Prints `value` as JSON, or the text `render` makes.
    func emit<T: Encodable>(_ value: T, text render: () -> [String]) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            var data = try encoder.encode(value)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        case .text:
            let lines = render()
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8))
        }
    }
}

/// Which relations a walk follows: typed ones unless told otherwise.
struct RelationOptions: ParsableArguments {
    @Option(name: .customLong("relation"),
            help: ArgumentHelp("Follow only this relation type (repeatable): \(RelationType.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "type"))
    var relationNames: [String] = []

    @Flag(help: "Also follow co_mentioned links (sentence co-occurrence without a stated relation).")
    var coMentions = false

    func validate() throws { _ = try relations(default: RelationType.typed) }

    func relations(default defaults: Set<RelationType>) throws -> Set<RelationType> {
        var chosen = try Self.parse(relationNames)
        if chosen.isEmpty { chosen = defaults }
        if coMentions { chosen.insert(.coMentioned) }
        return chosen
    }

    static func parse(_ names: [String]) throws -> Set<RelationType> {
        var chosen = Set<RelationType>()
        for name in names {
            guard let type = RelationType(rawValue: name.replacingOccurrences(of: "-", with: "_").lowercased()) else {
                throw ValidationError("--relation `\(name)` is not a relation type (\(RelationType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            chosen.insert(type)
        }
        return chosen
    }
}

extension ActorType: ExpressibleByArgument {}
extension QueryDirection: ExpressibleByArgument {}
extension CentralityMeasure: ExpressibleByArgument {}
