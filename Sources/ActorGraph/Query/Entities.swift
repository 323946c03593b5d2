/// One actor in a listing.
public struct EntityRow: Codable, Sendable, Equatable {
    public var actor: ActorSummary
    public var discovered: Bool
    public var mentions: Int
    public var documents: Int
    public var firstSeen: PartialDate?
    public var lastSeen: PartialDate?
}

extension GraphIndex {
    /// The actors of `type` (all when nil) whose id, names or aliases contain `match` (see
    /// `NameResolver.actors(matching:)`), most mentioned first, then by id.
    public func entities(type: ActorType? = nil, matching match: String? = nil,
                         extraNames: [String: [String]] = [:]) -> [EntityRow] {
        var keep: Set<String>?
        if let match, !match.trimmingCharacters(in: .whitespaces).isEmpty {
            keep = NameResolver(index: self, extraNames: extraNames).actors(matching: match)
        }
        var rows: [EntityRow] = []
        for v in 0..<nodeCount where type == nil || self.type(of: v) == type {
            let n = node(v)
            if let keep, !keep.contains(n.id) { continue }
            rows.append(EntityRow(actor: ActorSummary(id: n.id, name: n.name, nameEn: n.nameEn, type: n.type, side: n.side),
                                  discovered: n.discovered, mentions: n.mentions, documents: n.documents,
                                  firstSeen: n.firstSeen, lastSeen: n.lastSeen))
        }
        return rows.sorted { a, b in a.mentions != b.mentions ? a.mentions > b.mentions : a.actor.id < b.actor.id }
    }
}
