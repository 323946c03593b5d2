import ActorGraphRender
import Foundation

/// Renders DOT text to an image (`png`, `svg` or `pdf`) for `diff -o`, through the one
/// in-process Graphviz renderer.
func renderDOT(_ dot: String, format: String) async throws -> Data {
    guard let renderFormat = RenderFormat(rawValue: format) else {
        throw Diagnostics.Failure("cannot render .\(format): use .png, .svg, .pdf or .dot")
    }
    do {
        let result = try await GraphvizRenderer.shared.render(dot: dot, format: renderFormat, layout: .auto)
        for warning in result.warnings { Diagnostics.warning(warning) }
        return result.data
    } catch let error as RenderError {
        throw Diagnostics.Failure(error.description)
    }
}
