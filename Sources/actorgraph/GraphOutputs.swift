import ActorGraph
import ActorGraphRender
import Foundation

/// Writes a snapshot and its pictures into a folder: `NAME.json`, `NAME.dot`, `NAME.svg`, `NAME.png`.
/// Each file is written atomically; the picture is laid out once per format by the in-process renderer.
enum GraphOutputs {
    static func write(_ snapshot: GraphSnapshot, to folder: URL, name: String = "graph") async throws {
        let dot = DOTWriter().write(snapshot)
        var images: [(String, Data)] = []
        for format in [RenderFormat.svg, .png] {
            let result = try await GraphvizRenderer.shared.render(dot: dot, format: format, layout: .auto)
            for warning in result.warnings { Diagnostics.warning("\(name).\(format.rawValue): \(warning)") }
            images.append((format.rawValue, result.data))
        }
        // The snapshot goes last: a reader that sees the new graph.json also sees its pictures.
        try AtomicFile.write(dot, to: folder.appendingPathComponent("\(name).dot"))
        for (ext, data) in images { try AtomicFile.write(data, to: folder.appendingPathComponent("\(name).\(ext)")) }
        try AtomicFile.write(try snapshot.jsonData(), to: folder.appendingPathComponent("\(name).json"))
    }
}
