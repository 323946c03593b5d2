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
        // A queue of its own: extraction keeps every thread of the global queues busy (with
        // --jobs 1 under taskset there is one), and a handler queued behind it would only run
        // once the work is done. A serial queue is served by an overcommitting thread.
        let queue = DispatchQueue(label: "actorgraph.signals")
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)  // let the dispatch source receive it instead of the default action
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            source.setEventHandler {
                AtomicFile.removeTemporaries()
                // _exit, not exit: atexit handlers could wait on locks held by busy workers.
                _exit(128 + signo)
            }
            source.resume()
            sources.append(source)
        }
    }
}
