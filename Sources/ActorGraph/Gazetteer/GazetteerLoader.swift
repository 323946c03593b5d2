import Foundation
import Yams

/// A gazetteer file that cannot be used, with the place of the problem.
public struct GazetteerError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}

/// Reads the gazetteer YAML format (see README, "Gazetteer format"). Reading is all or nothing:
/// the first problem throws with file, line and column, and nothing is used from a half-read file.
public enum GazetteerLoader {
    public static func load(url: URL) throws -> Gazetteer {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GazetteerError(file: url.path, line: nil, column: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        let text: String
        do { text = try TextDecoder.decode(data).text } catch {
            throw GazetteerError(file: url.path, line: nil, column: nil, message: error.description)
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ yaml: String, file: String) throws -> Gazetteer {
        // The plain layout is read without Yams; anything else (or anything wrong) is read by
        // Yams, which also says where a problem is.
        if let gazetteer = GazetteerFastReader.parse(yaml) { return gazetteer }
        return try parseWithYams(yaml, file: file)
    }

    /// What `parse` gives, always read with Yams: the reference the fast reader is tested against.
    static func parseWithYams(_ yaml: String, file: String) throws -> Gazetteer {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw GazetteerError(file: file, line: nil, column: nil, message: "the file is empty")
            }
            root = node
        } catch let error as GazetteerError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        }
        var reader = Reader(file: file)
        guard let top = root.mapping else { throw reader.error(root, "the top level must be a mapping with `version` and `actors`") }
        let version = try top["version"].map { try reader.scalar($0, "version") } ?? "unversioned"
        guard let list = top["actors"] else { throw reader.error(root, "missing `actors:` list") }
        guard let items = list.sequence else { throw reader.error(list, "`actors` must be a list") }
        var actors: [GazetteerActor] = []
        var seen: [String: Int] = [:]
        for item in items {
            let actor = try reader.actor(item)
            if let line = seen[actor.id] {
                throw reader.error(item, "duplicate id `\(actor.id)` (first defined on line \(line))")
            }
            seen[actor.id] = item.mark?.line ?? 0
            actors.append(actor)
        }
        return Gazetteer(version: version, actors: actors)
    }

    /// A value as the gazetteer takes it: without the spaces around it, nil when nothing is left.
    static func nonEmptyTrimmed(_ s: String) -> String? {
        let trimmed = s.trimmingSpaces()  // as `trimmingCharacters(in: .whitespaces)`, without `NSString`
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether an actor id is made of ASCII letters, digits and - _ . only.
    static func isValidID(_ id: String) -> Bool {
        id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    private static func yamlError(_ error: YamlError, file: String) -> GazetteerError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return GazetteerError(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)")
        case .composer(_, let problem, let mark, _):
            return GazetteerError(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)")
        default:
            return GazetteerError(file: file, line: nil, column: nil, message: "malformed YAML: \(error)")
        }
    }

    private struct Reader {
        let file: String
        static let keys: Set<String> = ["id", "type", "ar", "en", "aliases_ar", "aliases_en", "parent", "side", "dated_aliases"]
        /// The nodes `map[key]` looks keys up with (`Node(key, map.tag.copy(with: .implicit))`;
        /// every mapping of a composed document has the default resolver), made once per file:
        /// Yams resolves a fresh node's tag with regular expressions at every lookup, which
        /// was a third of reading the gazetteer. A node keeps its resolved tag.
        private var probes: [String: Node] = [:]

        init(file: String) { self.file = file }

        /// `map[key]`, with the key's probe node made once.
        mutating func field(_ map: Node.Mapping, _ key: String) -> Node? {
            if let probe = probes[key] { return map[probe] }
            let probe = Node(key, Tag(.implicit))
            probes[key] = probe
            return map[probe]
        }

        func error(_ node: Node, _ message: String) -> GazetteerError {
            GazetteerError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
        }

        func scalar(_ node: Node, _ key: String) throws -> String {
            guard let s = node.scalar?.string else { throw error(node, "`\(key)` must be a single value") }
            guard let trimmed = GazetteerLoader.nonEmptyTrimmed(s) else { throw error(node, "`\(key)` is empty") }
            return trimmed
        }

        func strings(_ node: Node?, _ key: String) throws -> [String] {
            guard let node else { return [] }
            if node.scalar != nil { return [try scalar(node, key)] }
            guard let seq = node.sequence else { throw error(node, "`\(key)` must be a list of names") }
            return try seq.map { try scalar($0, key) }
        }

        func date(_ node: Node?, _ key: String) throws -> PartialDate? {
            guard let node else { return nil }
            let s = try scalar(node, key)
            guard let d = PartialDate(s) else { throw error(node, "`\(key)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD): \(s)") }
            return d
        }

        mutating func actor(_ node: Node) throws -> GazetteerActor {
            guard let map = node.mapping else { throw error(node, "each actor must be a mapping (id, type, ar, en, …)") }
            for (k, _) in map {
                guard let key = k.scalar?.string, Reader.keys.contains(key) else {
                    throw error(k, "unknown key `\(k.scalar?.string ?? "?")` (expected one of: \(Reader.keys.sorted().joined(separator: ", ")))")
                }
            }
            guard let idNode = field(map, "id") else { throw error(node, "actor without `id`") }
            let id = try scalar(idNode, "id")
            guard GazetteerLoader.isValidID(id) else {
                throw error(idNode, "id `\(id)` must be ASCII letters, digits and - _ .")
            }
            guard let typeNode = field(map, "type") else { throw error(node, "actor `\(id)` has no `type`") }
            let typeName = try scalar(typeNode, "type")
            guard let type = ActorType(rawValue: typeName) else {
                throw error(typeNode, "actor `\(id)`: unknown type `\(typeName)` (faction, unit, person, state, place)")
            }
            guard let arNode = field(map, "ar") else { throw error(node, "actor `\(id)` has no Arabic name `ar`") }
            let ar = try scalar(arNode, "ar")
            let en = try field(map, "en").map { try scalar($0, "en") } ?? id
            var dated: [DatedAlias] = []
            if let list = field(map, "dated_aliases") {
                guard let seq = list.sequence else { throw error(list, "`dated_aliases` must be a list") }
                for entry in seq {
                    guard let m = entry.mapping, let nameNode = field(m, "name") else {
                        throw error(entry, "a dated alias needs `name` and `from` and/or `until`")
                    }
                    let alias = DatedAlias(name: try scalar(nameNode, "name"), from: try date(field(m, "from"), "from"), until: try date(field(m, "until"), "until"))
                    guard alias.from != nil || alias.until != nil else { throw error(entry, "dated alias `\(alias.name)` has neither `from` nor `until`") }
                    dated.append(alias)
                }
            }
            return GazetteerActor(
                id: id, type: type, name: ar, nameEn: en,
                aliasesAr: try strings(field(map, "aliases_ar"), "aliases_ar"),
                aliasesEn: try strings(field(map, "aliases_en"), "aliases_en"),
                parent: try field(map, "parent").map { try scalar($0, "parent") },
                side: try field(map, "side").map { try scalar($0, "side") },
                datedAliases: dated)
        }
    }
}
