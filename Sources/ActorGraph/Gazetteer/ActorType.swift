/// What kind of actor a node is (see the annotation guide). `place` exists for completeness and is never scored.
public enum ActorType: String, Codable, Sendable, CaseIterable, Comparable {
    case faction, unit, person, state, place

    public static func < (a: ActorType, b: ActorType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The typed relations of the annotation guide, plus sentence co-occurrence.
public enum RelationType: String, Codable, Sendable, CaseIterable, Comparable {
    case subordinateTo = "subordinate_to"
    case commands
    case memberOf = "member_of"
    case alliedWith = "allied_with"
    case supports
    case fights
    case defectedFrom = "defected_from"
    case coMentioned = "co_mentioned"

    /// allied_with, fights and co_mentioned have no direction: their endpoints are stored in id order.
    public var isSymmetric: Bool { self == .alliedWith || self == .fights || self == .coMentioned }
    public var isTyped: Bool { self != .coMentioned }

    /// Whether a relation of this type can hold between actors of these types. A person leads or
    /// belongs to a group, not to another person; a group is never subordinate to a person (the
    /// person commands it). Coordination can carry a rule past its slots' own type tests («عيّن A
    /// رئيساً لفرع حلب، وB رئيساً لفرع حماة» coordinates the branch with B), so the edge is checked.
    public func admits(source: ActorType, target: ActorType) -> Bool {
        switch self {
        case .commands, .memberOf: return source == .person && target != .person
        case .subordinateTo: return source != .person && target != .person
        // Allies are two groups or two people: a person beside a group leads it or serves in it
        // («نفذت هيئة تحرير الشام بقيادة أبو محمد الجولاني حملة»).
        case .alliedWith: return (source == .person) == (target == .person)
        default: return true
        }
    }

    public static func < (a: RelationType, b: RelationType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
