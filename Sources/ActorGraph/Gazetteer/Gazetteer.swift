import Foundation

/// An alias whose meaning depends on the article's date (e.g. «القوات الحكومية» before and after
/// 8 December 2024). `from` and `until` are inclusive; either may be open.
public struct DatedAlias: Sendable, Equatable {
    public var name: String
    public var from: PartialDate?
    public var until: PartialDate?

    public init(name: String, from: PartialDate? = nil, until: PartialDate? = nil) {
        self.name = name; self.from = from; self.until = until
    }

    /// Whether the alias means this actor in an article of that date. An undated article
    /// accepts every reading; a date of month or year precision is taken at its first day.
    public func isValid(on date: PartialDate?) -> Bool {
        guard let day = date?.lowerBound else { return true }
        if let from, day < from.lowerBound { return false }
        if let until, day > until.upperBound { return false }
        return true
    }
}

/// One actor of the gazetteer.
public struct GazetteerActor: Sendable, Equatable {
    public var id: String
    public var type: ActorType
    public var name: String
    public var nameEn: String
    public var aliasesAr: [String]
    public var aliasesEn: [String]
    public var parent: String?
    public var side: String?
    public var datedAliases: [DatedAlias]

    public init(id: String, type: ActorType, name: String, nameEn: String, aliasesAr: [String] = [],
                aliasesEn: [String] = [], parent: String? = nil, side: String? = nil, datedAliases: [DatedAlias] = []) {
        self.id = id; self.type = type; self.name = name; self.nameEn = nameEn; self.aliasesAr = aliasesAr
        self.aliasesEn = aliasesEn; self.parent = parent; self.side = side; self.datedAliases = datedAliases
    }

    /// Every name that always means this actor: the canonical names and the undated aliases.
    /// A name also listed under `dated_aliases` (even the canonical one) is valid only in its period.
    public var undatedNames: [String] {
        let dated = Set(datedAliases.map(\.name))
        return ([name, nameEn] + aliasesAr + aliasesEn).filter { !dated.contains($0) }
    }
}

/// The actors ActorGraph knows by name, with their aliases, parents and sides.
public struct Gazetteer: Sendable {
    public private(set) var version: String
    public private(set) var actors: [GazetteerActor]
    private var index: [String: Int]

    public init(version: String, actors: [GazetteerActor]) {
        self.version = version
        self.actors = []
        self.index = [:]
        for actor in actors { upsert(actor) }
    }

    public func actor(id: String) -> GazetteerActor? { index[id].map { actors[$0] } }

    /// Adds an actor, or replaces the one with the same id (so a user's file can correct the default).
    public mutating func upsert(_ actor: GazetteerActor) {
        if let i = index[actor.id] { actors[i] = actor } else {
            index[actor.id] = actors.count
            actors.append(actor)
        }
    }

    /// This gazetteer extended by `other`: its actors are added, same ids replaced.
    public func merged(with other: Gazetteer) -> Gazetteer {
        var result = self
        for actor in other.actors { result.upsert(actor) }
        result.version = version + "+" + other.version
        return result
    }

    /// Every `parent` must name an actor of the (merged) gazetteer.
    public func validateParents() throws {
        for actor in actors {
            if let parent = actor.parent, index[parent] == nil {
                throw GazetteerError(file: "gazetteer", line: nil, column: nil,
                                     message: "actor `\(actor.id)` has parent `\(parent)`, which no gazetteer defines")
            }
        }
    }

    /// The gazetteer shipped with ActorGraph.
    public static func bundled() throws -> Gazetteer {
        try GazetteerLoader.load(url: try bundledURL())
    }

    /// Where the bundled gazetteer's file is.
    static func bundledURL() throws -> URL {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "yaml") else {
            throw GazetteerError(file: "gazetteer.yaml", line: nil, column: nil, message: "the bundled gazetteer is missing from the build")
        }
        return url
    }
}
