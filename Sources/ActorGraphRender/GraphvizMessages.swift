internal import CGraphviz
import Foundation

/// Collects what Graphviz reports through its error callback instead of letting it print to stderr.
///
/// Graphviz takes a plain C function with no context pointer, so the messages go to this one
/// shared log. Only `GraphvizRenderer` (one actor) calls Graphviz, so one log is enough; the lock
/// makes it safe whatever thread Graphviz calls back on.
final class GraphvizMessages: @unchecked Sendable {
    struct Report: Sendable {
        var errors: [String] = []
        var warnings: [String] = []
        /// The errors as one line, or a fallback when Graphviz failed without saying why.
        func errorText(or fallback: String) -> String {
            errors.isEmpty ? fallback : errors.joined(separator: "; ")
        }
    }

    static let shared = GraphvizMessages()

    private let lock = NSLock()
    private var text = ""

    /// Routes Graphviz's messages here and forgets earlier ones; call before each Graphviz job.
    func begin() {
        _ = agseterrf(graphvizMessageSink)
        lock.withLock { text = "" }
    }

    /// What Graphviz reported since `begin()`.
    func report() -> Report {
        let collected = lock.withLock { text }
        return Self.parse(collected)
    }

    fileprivate func append(_ piece: String) {
        lock.withLock { text += piece }
    }

    /// Graphviz sends "Error" or "Warning", then ": ", then the message, which may span lines; a
    /// line without either prefix continues the message before it.
    static func parse(_ text: String) -> Report {
        var report = Report()
        var lastWasError = true
        for line in text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("Error: ") {
                report.errors.append(String(line.dropFirst(7))); lastWasError = true
            } else if line.hasPrefix("Warning: ") {
                report.warnings.append(String(line.dropFirst(9))); lastWasError = false
            } else if lastWasError, let last = report.errors.popLast() {
                report.errors.append(last + " " + line)
            } else if !lastWasError, let last = report.warnings.popLast() {
                report.warnings.append(last + " " + line)
            } else {
                report.errors.append(line)
            }
        }
        return report
    }
}

/// The C callback Graphviz calls with each piece of a message.
private func graphvizMessageSink(_ piece: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let piece { GraphvizMessages.shared.append(String(cString: piece)) }
    return 0
}
