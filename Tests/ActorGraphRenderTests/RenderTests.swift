import ActorGraph
import ActorGraphRender
import Foundation
import Testing

struct RenderTests {
    private func sampleDOT() throws -> String { DOTWriter().write(try Fixtures.sampleGraph()) }

    @Test func svgIsWellFormedWithTitlesAndEvidenceTooltips() async throws {
        let result = try await GraphvizRenderer.shared.render(dot: try sampleDOT(), format: .svg, layout: .auto)
        #expect(result.layoutUsed == .dot)
        let svg = try #require(SVGContents.read(result.data), "the SVG is not well-formed XML")
        #expect(svg.titles.contains("liwa-al-quds"))
        #expect(svg.titles.contains("islamic-state->liwa-al-quds"))
        #expect(svg.texts.contains("لواء القدس") && svg.texts.contains("Liwa al-Quds"))
        #expect(svg.tooltips.contains { $0.contains("اندلعت اشتباكات بين لواء القدس وعناصر تنظيم الدولة") && $0.contains("seeds/003_9d9063c38ab4daf6.txt") })
        #expect(svg.tooltips.contains { $0.contains("aliases: تنظيم الدولة، داعش، تنظيم الدولة الإسلامية") })
        // Tooltip lines stay separate lines.
        #expect(svg.tooltips.contains { $0.hasPrefix("fights\nbetween: تنظيم الدولة (Islamic State)\n") })
    }

    @Test func pngHasTheSignatureAndRealContent() async throws {
        let result = try await GraphvizRenderer.shared.render(dot: try sampleDOT(), format: .png, layout: .auto)
        #expect(Array(result.data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(result.data.count > 20_000)
    }

    @Test func pdfStartsLikeAPDF() async throws {
        let result = try await GraphvizRenderer.shared.render(dot: try sampleDOT(), format: .pdf, layout: .dot)
        #expect(result.data.starts(with: Data("%PDF-".utf8)))
    }

    @Test func dotFormatIsLaidOutDOTThatParsesAgain() async throws {
        let result = try await GraphvizRenderer.shared.render(dot: try sampleDOT(), format: .dot, layout: .dot)
        let text = try #require(String(data: result.data, encoding: .utf8))
        #expect(text.contains("pos="))
        #expect(try await GraphvizRenderer.shared.inspectDOT(text).nodeCount == 12)  // 11 actors and the legend
    }

    @Test(arguments: Layout.allCases)
    func everyLayoutRenders(_ layout: Layout) async throws {
        let result = try await GraphvizRenderer.shared.render(dot: try sampleDOT(), format: .svg, layout: layout)
        #expect(result.layoutUsed == (layout == .auto ? .dot : layout))
        #expect(SVGContents.read(result.data) != nil)
    }

    @Test func graphsTooLargeForTheLayoutFallBackToSfdp() async throws {
        let nodes = (0..<301).map { "n\($0)" }
        let dot = "digraph { " + zip(nodes, nodes.dropFirst()).map { "\($0) -> \($1);" }.joined(separator: " ") + " }"
        let result = try await GraphvizRenderer.shared.render(dot: dot, format: .svg, layout: .circo)
        #expect(result.layoutUsed == .sfdp)
        #expect(result.warnings.contains { $0.contains("layout circo is too slow for 301 nodes") })
    }

    @Test func graphvizWarningsComeBackWithTheResult() async throws {
        let result = try await GraphvizRenderer.shared.render(dot: #"digraph { a [color="nocolor"] }"#, format: .svg, layout: .dot)
        #expect(result.warnings.contains { $0.contains("nocolor") })
    }

    /// Every handle is freed on every path (see GraphvizRenderer); this only checks that many
    /// renders in a row, with failures between them, keep working.
    @Test func twoHundredRendersInARow() async throws {
        let dot = #"digraph { charset="UTF-8"; a [label="لواء القدس"]; b [label="الفرع 227"]; a -> b }"#
        for i in 0..<200 {
            if i % 50 == 0 {
                await #expect(throws: RenderError.self) { try await GraphvizRenderer.shared.render(dot: "digraph {", format: .png, layout: .dot) }
            }
            let result = try await GraphvizRenderer.shared.render(dot: dot, format: .png, layout: .dot)
            #expect(result.data.count > 1000)
        }
    }
}
