/// The quoted DOT IDs of one output: each actor id once, and never the same DOT ID for two
/// different actors (cleaning can make two ids equal, e.g. ids that differ only by a control
/// character), nor for an actor and the legend.
struct DOTIdentifiers {
    private var byActor: [String: String] = [:]
    private var used: Set<String> = []

    /// Registers an actor id and returns its DOT ID.
    mutating func quoted(_ actorID: String) -> String {
        if let known = byActor[actorID] { return known }
        let id = fresh(DOTEscaping.clean(actorID))
        byActor[actorID] = id
        return id
    }

    /// The DOT ID of an actor registered with `quoted`.
    func existing(_ actorID: String) -> String {
        byActor[actorID] ?? DOTEscaping.quotedID(actorID)
    }

    /// A DOT ID not used so far, `base` itself when it is free, else `base#2`, `base#3`, ….
    mutating func fresh(_ base: String) -> String {
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)#\(n)"
        }
        used.insert(candidate)
        return DOTEscaping.quotedID(candidate)
    }
}
