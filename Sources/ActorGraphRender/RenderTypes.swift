import Foundation

/// An output format of the renderer.
public enum RenderFormat: String, Sendable, CaseIterable {
    case png, svg, pdf
    /// DOT as Graphviz writes it back after layout (with positions).
    case dot

    /// The Graphviz `format:renderer` name. PNG and PDF go through cairo/pango, which shapes
    /// Arabic and lays it out right to left (the gd renderer draws isolated letters left to right);
    /// SVG uses the core writer, which keeps text, titles and tooltips as text.
    var graphvizName: String {
        switch self {
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .svg: "svg"
        case .dot: "dot"
        }
    }
}

/// A Graphviz layout engine; `auto` picks one from the graph's size and shape.
public enum Layout: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi, auto
}

/// The rendered bytes, the engine that laid them out, and what the reader should know.
public struct RenderResult: Sendable {
    public var data: Data
    public var layoutUsed: Layout
    /// Fallbacks taken and Graphviz's own warnings, one per line.
    public var warnings: [String]
}

/// What Graphviz's parser made of a DOT text (for checks and tests).
public struct DOTSummary: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var name: String
        /// The `label` attribute as stored after parsing (escape sequences such as `\n` and `\\`
        /// still in it); `\N` when the node has none.
        public var label: String
    }

    public var nodeCount: Int
    public var edgeCount: Int
    /// In Graphviz's order (the order of first appearance).
    public var nodes: [Node]
}

public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// Graphviz could not parse the DOT text; the message is Graphviz's.
    case invalidDOT(message: String)
    case layoutFailed(layout: String, message: String)
    case renderFailed(format: String, message: String)
    /// The Graphviz context could not be created.
    case graphvizUnavailable

    public var description: String {
        switch self {
        case .invalidDOT(let message): "Graphviz cannot read the DOT text: \(message)"
        case .layoutFailed(let layout, let message): "Graphviz layout \(layout) failed: \(message)"
        case .renderFailed(let format, let message): "Graphviz cannot render \(format): \(message)"
        case .graphvizUnavailable: "the Graphviz library could not be initialised"
        }
    }
}
