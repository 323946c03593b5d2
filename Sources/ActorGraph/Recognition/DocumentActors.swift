/// A place in the text where an actor is named or referred to.
public struct Mention: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case name, anaphor }
    /// Original code-point span, end exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    public var kind: Kind
    /// Token range in the document's token stream (clitics included in the first token).
    public var tokens: Range<Int>
    /// Index into `DocumentActors.actors`.
    public var actor: Int
    /// How many letters of clitics («و», «ب», «لل», …) the first token carries before the name.
    public var clitic: String = ""
    /// A sponsor named by an adjective («بدعم أميركي»): it names a backer, never a party to
    /// other relations.
    public var sponsorOnly: Bool = false
}

/// An actor found in one document: from the gazetteer or discovered by a pattern.
public struct FoundActor: Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEn: String
    public var type: ActorType
    public var side: String?
    public var parent: String?
    public var discovered: Bool
}

/// The actors of one document and every mention of them, in text order.
public struct DocumentActors: Sendable {
    public var actors: [FoundActor]
    public var mentions: [Mention]

    /// The name mentions of every actor (index = actor), in text order: one pass over the mentions.
    public func nameMentionsByActor() -> [[Mention]] {
        var groups = Array(repeating: [Mention](), count: actors.count)
        for m in mentions where m.kind == .name { groups[m.actor].append(m) }
        return groups
    }
}
