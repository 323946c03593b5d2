import Foundation

/// The graph snapshot (`Graphs/graph.json`): the unit every reader takes.
///
/// A plain value, versioned by `formatVersion`. Arrays are kept sorted (nodes by id, edges by
/// source/type/target, evidence by date/document/offset) so that the same input always writes
/// the same bytes.
public struct GraphSnapshot: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    public var metadata: Metadata
    public var nodes: [Node]
    public var edges: [Edge]

    public init(metadata: Metadata, nodes: [Node], edges: [Edge]) {
        self.format = "actorgraph-snapshot"
        self.formatVersion = GraphSnapshot.currentFormatVersion
        self.metadata = metadata
        self.nodes = nodes
        self.edges = edges
    }

    public struct Metadata: Codable, Sendable, Equatable {
        /// The documents the snapshot was built from, as given (relative paths or JSONL ids).
        public var inputs: [String]
        public var documentCount: Int
        /// The earliest and latest article date among the inputs; nil when no input was dated.
        public var period: Period?
        public var undatedDocuments: Int
        public var toolVersion: String
        public var gazetteerVersion: String
        /// The undated inputs by name, so that merging snapshots that share documents counts each
        /// once. Absent in snapshots written before it was added (then merges add the counts).
        public var undatedInputs: [String]?

        public init(inputs: [String], documentCount: Int, period: Period?, undatedDocuments: Int,
                    toolVersion: String, gazetteerVersion: String, undatedInputs: [String]? = nil) {
            self.inputs = inputs
            self.documentCount = documentCount
            self.period = period
            self.undatedDocuments = undatedDocuments
            self.toolVersion = toolVersion
            self.gazetteerVersion = gazetteerVersion
            self.undatedInputs = undatedInputs
        }
    }

    public struct Period: Codable, Sendable, Equatable, Hashable {
        public var from: PartialDate
        public var to: PartialDate
        public init(from: PartialDate, to: PartialDate) { self.from = from; self.to = to }
    }

    public struct Node: Codable, Sendable, Equatable, Identifiable {
        public var id: String
        public var name: String
        public var nameEn: String
        public var type: ActorType
        /// "government", "opposition", "sdf", "iran-axis", … as given by the gazetteer; nil when unknown.
        public var side: String?
        /// True when the actor is not in the gazetteer but was found by a discovery pattern.
        public var discovered: Bool
        /// Every distinct surface form seen in the text, most frequent first.
        public var aliases: [String]
        public var mentions: Int
        public var documents: Int
        public var firstSeen: PartialDate?
        public var lastSeen: PartialDate?
        /// Per document, the surface forms seen and how often: what `mentions`, `documents` and
        /// `aliases` are computed from, kept so that snapshots merge exactly (a document shared by
        /// two snapshots counts once, alias order follows true frequencies). Absent in snapshots
        /// written before it was added, and after merging such a snapshot's node.
        public var occurrences: [Occurrence]?

        public init(id: String, name: String, nameEn: String, type: ActorType, side: String? = nil,
                    discovered: Bool = false, aliases: [String] = [], mentions: Int = 0, documents: Int = 0,
                    firstSeen: PartialDate? = nil, lastSeen: PartialDate? = nil, occurrences: [Occurrence]? = nil) {
            self.id = id; self.name = name; self.nameEn = nameEn; self.type = type; self.side = side
            self.discovered = discovered; self.aliases = aliases; self.mentions = mentions
            self.documents = documents; self.firstSeen = firstSeen; self.lastSeen = lastSeen
            self.occurrences = occurrences
        }
    }

    /// The mentions of one actor in one document. An array of objects, not a dictionary keyed by
    /// document: the snake-case key strategies of the snapshot's coder would rewrite such keys.
    public struct Occurrence: Codable, Sendable, Equatable {
        public var document: String
        /// Surface forms, sorted by text; empty when the actor was only referred to (anaphora).
        public var aliases: [AliasCount]
        public init(document: String, aliases: [AliasCount]) { self.document = document; self.aliases = aliases }
    }

    public struct AliasCount: Codable, Sendable, Equatable {
        public var text: String
        public var count: Int
        public init(text: String, count: Int) { self.text = text; self.count = count }
    }

    public struct Edge: Codable, Sendable, Equatable {
        public var source: String
        public var type: RelationType
        public var target: String
        /// The number of distinct sentences that support the edge.
        public var weight: Int
        public var firstSeen: PartialDate?
        public var lastSeen: PartialDate?
        public var evidence: [Evidence]

        public init(source: String, type: RelationType, target: String, weight: Int,
                    firstSeen: PartialDate? = nil, lastSeen: PartialDate? = nil, evidence: [Evidence]) {
            self.source = source; self.type = type; self.target = target; self.weight = weight
            self.firstSeen = firstSeen; self.lastSeen = lastSeen; self.evidence = evidence
        }

        public var key: EdgeKey { EdgeKey(source: source, type: type, target: target) }
    }

    /// One sentence that supports an edge.
    public struct Evidence: Codable, Sendable, Equatable, Hashable {
        public var document: String
        public var date: PartialDate?
        /// The sentence's span in the document, in Unicode code points, end exclusive.
        public var start: Int
        public var end: Int
        public var sentence: String
        /// The cue that licensed a typed relation (nil for co-mention).
        public var cue: String?

        public init(document: String, date: PartialDate?, start: Int, end: Int, sentence: String, cue: String?) {
            self.document = document; self.date = date; self.start = start; self.end = end
            self.sentence = sentence; self.cue = cue
        }
    }

    public func node(id: String) -> Node? { nodes.first { $0.id == id } }
}

/// The identity of an edge. Symmetric relations are stored with `source <= target`.
public struct EdgeKey: Hashable, Sendable, Comparable {
    public var source: String
    public var type: RelationType
    public var target: String

    public init(source: String, type: RelationType, target: String) {
        if type.isSymmetric && target < source {
            self.source = target; self.target = source
        } else {
            self.source = source; self.target = target
        }
        self.type = type
    }

    public static func < (a: EdgeKey, b: EdgeKey) -> Bool {
        (a.source, a.type.rawValue, a.target) < (b.source, b.type.rawValue, b.target)
    }
}
