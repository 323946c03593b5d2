import ActorGraph
import Dispatch
import Foundation

/// On SIGINT or SIGTERM, removes the temporary files of writes in progress and exits with the
/// usual 128 + signal status. Outputs are only ever replaced by an atomic rename, so the
/// previous graph.json (or export) is left as it was.
enum SignalCleanup {
    /// The sources must outlive `install()`; written once, from the main thread, before any
    /// signal can be delivered to them.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        guard sources.isEmpty else { return }
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)  // let the dispatch source receive it instead of the default action
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler {
                AtomicFile.removeTemporaries()
                exit(128 + signo)
            }
            source.resume()
            sources.append(source)
        }
    }
}
