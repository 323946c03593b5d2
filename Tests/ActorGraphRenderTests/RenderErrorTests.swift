@testable import ActorGraphRender
import Testing

struct RenderErrorTests {
    /// (DOT text, part of the message Graphviz gives)
    static let malformed: [(String, String)] = [
        ("digraph { a -> ; }", "syntax error in line 1 near ';'"),
        ("digraph {", "syntax error"),
        ("digraph { a [label=<x<b>] }", "HTML string"),
        ("not a graph at all", "syntax error"),
        ("", "no graph in the text"),
        ("digraph { a }\u{0}digraph { b }", "NUL"),
    ]

    @Test(arguments: malformed)
    func malformedDOTThrowsGraphvizsMessage(_ dot: String, _ message: String) async throws {
        let error = await #expect(throws: RenderError.self) { try await GraphvizRenderer.shared.validateDOT(dot) }
        guard case .invalidDOT(let text)? = error else { Issue.record("expected invalidDOT, got \(String(describing: error))"); return }
        #expect(text.contains(message), "\(text)")

        let renderError = await #expect(throws: RenderError.self) {
            try await GraphvizRenderer.shared.render(dot: dot, format: .png, layout: .auto)
        }
        #expect(renderError == error)
    }

    @Test func theNextGraphParsesAfterAnError() async throws {
        _ = try? await GraphvizRenderer.shared.validateDOT("digraph { a -> ; }")
        let summary = try await GraphvizRenderer.shared.inspectDOT("digraph { a -> b }")
        #expect(summary.nodeCount == 2 && summary.edgeCount == 1)
        #expect(summary.nodes.map(\.name) == ["a", "b"])
        #expect(summary.nodes.map(\.label) == [#"\N"#, #"\N"#])
    }

    /// Graphviz's lexer keeps what follows the first graph for the next read (see
    /// GraphvizRenderer.drainLeftoverInput); it must not reach the next caller.
    @Test func textAfterTheFirstGraphDoesNotLeakIntoTheNextRead() async throws {
        let result = try await GraphvizRenderer.shared.render(dot: "digraph first { a } digraph leftover { x -> y }",
                                                              format: .svg, layout: .dot)
        #expect(result.warnings.contains("only the first graph was read; the text after it was ignored"))
        #expect(try await GraphvizRenderer.shared.inspectDOT("digraph second { c }").nodes.map(\.name) == ["c"])

        _ = try await GraphvizRenderer.shared.inspectDOT("digraph {\n a\n b\n}\n\n\n")
        let error = await #expect(throws: RenderError.self) { try await GraphvizRenderer.shared.validateDOT("digraph { a -> ; }") }
        #expect(error == .invalidDOT(message: "syntax error in line 1 near ';'"))
    }

    @Test func errorsDescribeThemselves() {
        #expect(RenderError.invalidDOT(message: "syntax error in line 1").description
                == "Graphviz cannot read the DOT text: syntax error in line 1")
    }

    @Test func messagesAreSplitIntoErrorsAndWarnings() {
        let report = GraphvizMessages.parse(
            "Warning: : nocolor is not a known color.\nError: syntax error in line 1 scanning a HTML string\nString starting:<x\nError: second\n")
        #expect(report.warnings == [": nocolor is not a known color."])
        #expect(report.errors == ["syntax error in line 1 scanning a HTML string String starting:<x", "second"])
        #expect(GraphvizMessages.parse("").errorText(or: "fallback") == "fallback")
    }
}

struct LayoutPlannerTests {
    @Test(arguments: [
        // (requested, nodes, edges, directed edges, expected, warns)
        (Layout.auto, 11, 14, 10, Layout.dot, false),
        (.auto, 0, 0, 0, .dot, false),
        (.auto, 100, 100, 20, .neato, false),  // mostly undirected: fights, alliances
        (.auto, 300, 500, 400, .neato, false),
        (.auto, 2000, 5000, 5000, .sfdp, false),
        (.auto, 150, 900, 900, .neato, false),  // too many edges for dot: auto stays quiet
        (.auto, 450, 4000, 0, .sfdp, false),
        (.dot, 400, 800, 800, .dot, false),
        (.dot, 401, 600, 600, .sfdp, true),
        (.dot, 100, 801, 801, .sfdp, true),
        (.neato, 500, 3000, 0, .neato, false),
        (.circo, 301, 0, 0, .sfdp, true),
        (.twopi, 900, 900, 0, .twopi, false),
        (.sfdp, 100_000, 1_000_000, 0, .sfdp, false),
    ])
    func plans(_ requested: Layout, _ nodes: Int, _ edges: Int, _ directed: Int, _ expected: Layout, _ warns: Bool) {
        let plan = LayoutPlanner.plan(requested: requested, nodes: nodes, edges: edges, directedEdges: directed)
        #expect(plan.layout == expected)
        #expect(plan.warnings.isEmpty == !warns)
    }
}
