import Foundation

/// One relation rule: a pattern over a sentence's words and actor mentions.
///
/// Pattern language (one rule per line of `relations.tsv`; see the file's header):
/// - `A`, `B` — an actor mention; `A:person`, `B:unit|faction` restrict its type. Up to two
///   descriptor words («ميليشيا», «قوات», «عناصر», …) before a mention are skipped.
/// - `^A`, `^B` — the sentence's first named actor, its topic, which a pronoun glued to a cue
///   refers to: «وتعتبر A، ميليشيا رديفة لقوات الأسد، … ويقودها B» is `^A …~20 ويقودها B:person`.
/// - `word` or `w1|w2|w3` — a word, compared after normalization and with clitics peeled off;
///   a trailing `?` makes it optional.
/// - `*` — exactly one word that names no actor and is no descriptor word («ميليشيا», «قوات»).
/// - `…` (or `...`) — up to 4 words that name no other actor; `…8` up to 8; `…~8` up to 8 words
///   that may name other actors (for a subject separated from its verb by a partner: «أطلقت A مع C … حملة لملاحقة B»).
public struct RelationRule: Sendable, Equatable {
    public enum Slot: String, Sendable { case a = "A", b = "B" }
    public enum Element: Sendable, Equatable {
        /// `topic`: only the sentence's first named actor (`^A`).
        case slot(Slot, Set<ActorType>?, topic: Bool = false)
        /// `exact`: the token itself, with no clitic peeled off («=قائد» is not «وقائد»).
        case word(Set<Word>, optional: Bool, exact: Bool = false)
        case gap(Int, crossesActors: Bool)
        /// `*`: exactly one word that names no actor and is no descriptor word.
        case anyWord
    }

    public var type: RelationType
    /// The slot whose actor is the relation's source (the other is its target).
    public var source: Slot
    public var elements: [Element]
    /// The rule does not apply to a sentence that contains one of these words.
    public var unless: Set<Word>
    /// The pattern as written in the table, for tracing.
    public var pattern: String
    public var line: Int

    /// The actor types a slot accepts (nil: any).
    public func types(of slot: Slot) -> Set<ActorType>? {
        for case .slot(let s, let types, _) in elements where s == slot { return types }
        return nil
    }
}

public struct RuleTableError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): error: \(message)" }
}

/// The relation rules, read from a tab-separated table that analysts can read and extend.
public struct RuleTable: Sendable {
    public var rules: [RelationRule]

    public init(rules: [RelationRule]) { self.rules = rules }

    public static func bundled() throws -> RuleTable {
        guard let url = Bundle.module.url(forResource: "relations", withExtension: "tsv") else {
            throw RuleTableError(file: "relations.tsv", line: 0, message: "the bundled rule table is missing from the build")
        }
        return try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self), file: url.lastPathComponent)
    }

    /// Columns: type, source slot (A or B; `-` for symmetric types), pattern, optional `unless` words.
    public static func parse(_ text: String, file: String) throws -> RuleTable {
        var rules: [RelationRule] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = n + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 3 else { throw RuleTableError(file: file, line: line, message: "expected: type<TAB>source<TAB>pattern[<TAB>unless]") }
            guard let type = RelationType(rawValue: columns[0]), type.isTyped else {
                throw RuleTableError(file: file, line: line, message: "unknown relation type `\(columns[0])`")
            }
            let source: RelationRule.Slot
            switch columns[1] {
            case "A", "-": source = .a
            case "B": source = .b
            default: throw RuleTableError(file: file, line: line, message: "source must be A, B or - (got `\(columns[1])`)")
            }
            let elements = try parsePattern(columns[2], file: file, line: line)
            let unless = columns.count > 3 ? Set(columns[3].split(separator: " ").map { Word(ArabicNormalizer.normalize($0)) }) : []
            rules.append(RelationRule(type: type, source: source, elements: elements, unless: unless, pattern: columns[2], line: line))
        }
        return RuleTable(rules: rules)
    }

    /// A slot written in a pattern (`A`, `B:person`, `^A`), without its `^`, and whether it had one.
    private static func slotWord(_ s: String) -> (String, topic: Bool)? {
        let topic = s.hasPrefix("^")
        let bare = topic ? String(s.dropFirst()) : s
        return bare == "A" || bare == "B" || bare.hasPrefix("A:") || bare.hasPrefix("B:") ? (bare, topic) : nil
    }

    static func parsePattern(_ pattern: String, file: String, line: Int) throws -> [RelationRule.Element] {
        var elements: [RelationRule.Element] = []
        var slots: Set<RelationRule.Slot> = []
        for part in pattern.split(separator: " ") {
            let s = String(part)
            if s.hasPrefix("…") || s.hasPrefix("...") {
                var digits = s.drop { $0 == "…" || $0 == "." }
                let crosses = digits.first == "~"
                if crosses { digits = digits.dropFirst() }
                guard let n = digits.isEmpty ? 4 : Int(digits), n > 0, n <= 20 else {
                    throw RuleTableError(file: file, line: line, message: "a gap is `…`, `…N` or `…~N` with N from 1 to 20 (got `\(s)`)")
                }
                elements.append(.gap(n, crossesActors: crosses))
            } else if s == "*" {
                elements.append(.anyWord)
            } else if let (s, topic) = RuleTable.slotWord(s) {
                let slot = RelationRule.Slot(rawValue: String(s.prefix(1)))!
                var types: Set<ActorType>?
                if s.count > 2 {
                    var set = Set<ActorType>()
                    for t in s.dropFirst(2).split(separator: "|") {
                        guard let type = ActorType(rawValue: String(t)) else {
                            throw RuleTableError(file: file, line: line, message: "unknown actor type `\(t)` in `\(s)`")
                        }
                        set.insert(type)
                    }
                    types = set
                }
                guard slots.insert(slot).inserted else { throw RuleTableError(file: file, line: line, message: "slot \(slot.rawValue) appears twice") }
                elements.append(.slot(slot, types, topic: topic))
            } else {
                let optional = s.hasSuffix("?")
                let exact = s.hasPrefix("=")
                var body = optional ? String(s.dropLast()) : s
                if exact { body = String(body.dropFirst()) }
                var words = body.split(separator: "|").map { ArabicNormalizer.normalize($0) }
                guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else {
                    throw RuleTableError(file: file, line: line, message: "empty word in pattern")
                }
                // Many texts write the Latin comma for the Arabic one: «محمد حسن المقداد, أحد عناصر "حزب الله"».
                if words.contains("،") && !words.contains(",") { words.append(",") }
                elements.append(.word(Set(words.map { Word($0) }), optional: optional, exact: exact))
            }
        }
        guard slots.count == 2 else { throw RuleTableError(file: file, line: line, message: "a pattern needs both slots A and B") }
        return elements
    }
}
