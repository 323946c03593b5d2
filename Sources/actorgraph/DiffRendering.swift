import Foundation

/// Renders DOT text to an image (`png`, `svg` or `pdf`) for `diff -o`.
///
/// TODO(integration): the Graphviz renderer (`GraphvizRenderer` in ActorGraphRender, which owns
/// libgvc and does all rendering on one actor) is written on another branch. The lead replaces
/// this body with a call to it, e.g. `try await GraphvizRenderer.shared.render(dot, format: format)`
/// (making this function async if the renderer is an actor). Until then it fails with a clear
/// message, and `diff -o FILE.dot` writes the DOT text, which needs no renderer.
func renderDOT(_ dot: String, format: String) throws -> Data {
    throw Diagnostics.Failure("rendering needs the Graphviz renderer, which this build does not include yet; write a .dot file instead")
}
