import Foundation

/// The visual encoding: one row per actor type and per relation type. The legend is drawn from
/// these same rows, so the two cannot disagree.
public enum DOTStyle {
    public struct NodeStyle: Sendable, Equatable {
        public var shape: String
        public var style: String
        public var fillColor: String
    }

    public struct EdgeStyle: Sendable, Equatable {
        public var color: String
        public var style: String
        /// Line width at weight 1.
        public var basePenWidth: Double
        /// Arrowhead pointing at the relation's target; nil draws no arrow.
        public var arrowhead: String?
        /// Whether the edge pulls its endpoints into ranks in hierarchical layouts.
        public var ranks: Bool
        /// Whether the edge is drawn from target to source with `dir=back`, so that the target
        /// (the parent or the organisation) is ranked above the source while the arrow still
        /// points at the target.
        public var drawnReversed: Bool
    }

    public static func node(_ type: ActorType) -> NodeStyle {
        switch type {
        case .faction: NodeStyle(shape: "box", style: "rounded,filled", fillColor: "#fdd0a2")
        case .unit: NodeStyle(shape: "box", style: "filled", fillColor: "#c6dbef")
        case .person: NodeStyle(shape: "ellipse", style: "filled", fillColor: "#c7e9c0")
        case .state: NodeStyle(shape: "hexagon", style: "filled", fillColor: "#dadaeb")
        case .place: NodeStyle(shape: "note", style: "filled", fillColor: "#f0f0f0")
        }
    }

    public static func edge(_ type: RelationType) -> EdgeStyle {
        switch type {
        case .subordinateTo:
            EdgeStyle(color: "#252525", style: "solid", basePenWidth: 1.4, arrowhead: "normal", ranks: true, drawnReversed: true)
        case .commands:
            EdgeStyle(color: "#6a51a3", style: "solid", basePenWidth: 1.4, arrowhead: "normal", ranks: true, drawnReversed: false)
        case .memberOf:
            EdgeStyle(color: "#636363", style: "solid", basePenWidth: 0.7, arrowhead: "onormal", ranks: true, drawnReversed: true)
        case .alliedWith:
            EdgeStyle(color: "#31a354", style: "dashed", basePenWidth: 1.2, arrowhead: nil, ranks: false, drawnReversed: false)
        case .supports:
            EdgeStyle(color: "#2171b5", style: "solid", basePenWidth: 1.2, arrowhead: "normal", ranks: true, drawnReversed: false)
        case .fights:
            EdgeStyle(color: "#de2d26", style: "solid", basePenWidth: 1.4, arrowhead: nil, ranks: false, drawnReversed: false)
        case .defectedFrom:
            EdgeStyle(color: "#e6550d", style: "dashed", basePenWidth: 1.2, arrowhead: "normal", ranks: false, drawnReversed: false)
        case .coMentioned:
            EdgeStyle(color: "#969696", style: "dotted", basePenWidth: 0.6, arrowhead: nil, ranks: false, drawnReversed: false)
        }
    }

    /// Grows with the logarithm of the weight so a few heavy edges do not swamp the picture.
    public static func penWidth(base: Double, weight: Int) -> Double {
        let grown = base + 0.9 * log2(Double(max(weight, 1)))
        return min(grown, maxPenWidth)
    }

    public static let maxPenWidth = 6.0

    /// Outline for actors found by discovery patterns rather than the gazetteer.
    public static let discoveredOutline = "dashed"

    /// Fixed decimal text so the output never depends on the locale or float printing.
    static func number(_ value: Double) -> String {
        String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}
