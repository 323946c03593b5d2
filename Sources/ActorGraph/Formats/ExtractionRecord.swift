import Foundation

/// The JSON Lines record of one document (`actorgraph extract --format jsonl`), the contract
/// read by `score.py`: offsets are Unicode code points of the file's text, end exclusive, and
/// every mention's `text` equals the text at its span. Anaphors are not names and are not listed
/// as mentions; the relations they carry are.
public struct ExtractionRecord: Codable, Sendable, Equatable {
    public struct Entity: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var name_en: String
        public var type: ActorType
        public var discovered: Bool
        public var mentions: [MentionRecord]
    }
    public struct MentionRecord: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
    }
    public struct Relation: Codable, Sendable, Equatable {
        public var type: RelationType
        public var source: String
        public var target: String
        public var evidence: [EvidenceRecord]
    }
    public struct EvidenceRecord: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var cue: String?
        public var sentence: String
    }

    public var doc: String
    public var date: PartialDate?
    public var entities: [Entity]
    public var relations: [Relation]

    public init(_ doc: DocumentExtraction, includeCoMentions: Bool = true) {
        self.doc = doc.article.id
        self.date = doc.article.date
        let actors = doc.actors.actors
        // Each actor's name mentions by index, in text order (what `nameMentionsByActor` groups,
        // without copying every mention with its strings: the record reads three fields of each).
        let mentions = doc.actors.mentions
        var namesByActor = Array(repeating: [Int](), count: actors.count)
        for k in mentions.indices where mentions[k].kind == .name { namesByActor[mentions[k].actor].append(k) }
        self.entities = actors.indices.compactMap { i in
            let names = namesByActor[i]
            guard !names.isEmpty else { return nil }
            let a = actors[i]
            return Entity(id: a.id, name: a.name, name_en: a.nameEn, type: a.type, discovered: a.discovered,
                          mentions: names.map { MentionRecord(start: mentions[$0].start, end: mentions[$0].end, text: mentions[$0].text) })
        }
        self.relations = doc.relations.filter { includeCoMentions || $0.type.isTyped }.map { r in
            Relation(type: r.type, source: actors[r.source].id, target: actors[r.target].id,
                     evidence: r.evidence.map { e in
                         let s = doc.sentences[e.sentence]
                         return EvidenceRecord(start: s.start, end: s.end, cue: e.cue, sentence: s.text)
                     })
        }
    }

    /// The same line through `JSONEncoder`: the reference `jsonLine()` is tested against.
    func encodedLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension GraphSnapshot {
    /// Pretty, key-sorted JSON with Arabic kept readable.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Reads a snapshot, with a message that names the file when it is not one.
    public static func load(path: String) throws -> GraphSnapshot {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputProblem(file: path, message: "cannot read the graph: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let snapshot = try decoder.decode(GraphSnapshot.self, from: data)
            guard snapshot.format == "actorgraph-snapshot" else {
                throw InputProblem(file: path, message: "not an ActorGraph snapshot (format is `\(snapshot.format)`)")
            }
            guard snapshot.formatVersion <= currentFormatVersion else {
                throw InputProblem(file: path, message: "snapshot format \(snapshot.formatVersion) is newer than this tool reads (\(currentFormatVersion))")
            }
            return snapshot
        } catch let problem as InputProblem {
            throw problem
        } catch let error as DecodingError {
            throw InputProblem(file: path, message: "not a valid ActorGraph snapshot (\(describe(error)))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "truncated or malformed JSON" : "bad value at \(path(c.codingPath)): \(c.debugDescription)"
        case .keyNotFound(let k, let c): return "missing `\(k.stringValue)` at \(path(c.codingPath))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "wrong type at \(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
