/// Pieces shared by the export writers (GraphML, GEXF, CSV, node-link JSON).
public enum ExportText {
    /// Escapes text for an XML 1.0 attribute value or element content.
    ///
    /// News text is untrusted: besides the five markup characters, this drops every scalar that
    /// XML 1.0 does not allow at all (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF).
    /// Tab, LF and CR are written as character references so that attribute-value normalization
    /// in the reader cannot turn them into spaces.
    public static func xml(_ text: String) -> String {
        func plain(_ v: UInt32) -> Bool { v >= 0x20 && v != 0x26 && v != 0x3C && v != 0x3E && v != 0x22 && v != 0x27 && v != 0xFFFE && v != 0xFFFF }
        if text.unicodeScalars.allSatisfy({ plain($0.value) }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&apos;"
            case 0x09: out += "&#9;"
            case 0x0A: out += "&#10;"
            case 0x0D: out += "&#13;"
            case 0x00...0x1F, 0xFFFE, 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The separator used where a list (aliases) has to be one string (GraphML, GEXF, CSV).
    public static let listSeparator = " | "

    public static func aliases(_ node: GraphSnapshot.Node) -> String {
        node.aliases.joined(separator: listSeparator)
    }
}

extension PartialDate {
    /// The first day this date may stand for, as `YYYY-MM-DD` (a year or month becomes its first day).
    public var firstDay: String { ExportText.day(lowerBound) }
    /// The last day this date may stand for, as `YYYY-MM-DD` (a year or month becomes its last day).
    public var lastDay: String { ExportText.day(upperBound) }
}

extension ExportText {
    /// `YYYYMMDD` → `YYYY-MM-DD`.
    static func day(_ packed: Int) -> String {
        let y = packed / 10000, m = packed / 100 % 100, d = packed % 100
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension GraphSnapshot.Edge {
    /// The sentence shown for an edge where only one fits: the oldest piece of evidence.
    public var firstEvidence: GraphSnapshot.Evidence? { evidence.first }
}

/// One attribute column of an export: the same table drives GraphML keys, GEXF attributes and
/// CSV headers, so the formats cannot drift apart.
struct ExportAttribute<Item>: Sendable {
    enum Kind: String, Sendable { case string, int, boolean }
    let name: String
    let kind: Kind
    /// nil when the item has no value (the writer leaves the cell or element out).
    let value: @Sendable (Item) -> String?

    init(_ name: String, _ kind: Kind, _ value: @escaping @Sendable (Item) -> String?) {
        self.name = name; self.kind = kind; self.value = value
    }
}

enum ExportSchema {
    static let node: [ExportAttribute<GraphSnapshot.Node>] = [
        .init("name", .string) { $0.name },
        .init("name_en", .string) { $0.nameEn },
        .init("type", .string) { $0.type.rawValue },
        .init("side", .string) { $0.side },
        .init("discovered", .boolean) { $0.discovered ? "true" : "false" },
        .init("mentions", .int) { String($0.mentions) },
        .init("documents", .int) { String($0.documents) },
        .init("first_seen", .string) { $0.firstSeen?.description },
        .init("last_seen", .string) { $0.lastSeen?.description },
        .init("aliases", .string) { ExportText.aliases($0) },
    ]

    static let edge: [ExportAttribute<GraphSnapshot.Edge>] = [
        .init("type", .string) { $0.type.rawValue },
        .init("symmetric", .boolean) { $0.type.isSymmetric ? "true" : "false" },
        .init("weight", .int) { String($0.weight) },
        .init("first_seen", .string) { $0.firstSeen?.description },
        .init("last_seen", .string) { $0.lastSeen?.description },
        .init("evidence_count", .int) { String($0.evidence.count) },
        .init("evidence", .string) { $0.firstEvidence?.sentence },
        .init("evidence_document", .string) { $0.firstEvidence?.document },
        .init("evidence_cue", .string) { $0.firstEvidence?.cue },
    ]
}
