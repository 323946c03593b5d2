/// Everything extracted from one article: its actors, their mentions, and the relations
/// between them with the sentences that state them.
public struct DocumentExtraction: Sendable {
    public var article: Article
    public var actors: DocumentActors
    /// The sentences the relations cite (their evidence), in text order.
    public var sentences: [SentenceText]
    public var relations: [ExtractedRelation]

    public struct SentenceText: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
    }
}

/// A relation between two actors of a document (indices into `DocumentActors.actors`).
public struct ExtractedRelation: Sendable, Equatable {
    public var type: RelationType
    public var source: Int
    public var target: Int
    public var evidence: [Evidence]

    public struct Evidence: Sendable, Equatable {
        /// Index into `DocumentExtraction.sentences`.
        public var sentence: Int
        /// The cue that licensed the relation, nil for co-mention.
        public var cue: String?
        /// The name of the rule that matched, for tracing (nil for co-mention).
        public var rule: String?
    }
}
