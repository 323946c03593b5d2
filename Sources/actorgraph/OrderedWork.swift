import Foundation

/// Applies `work` to a sequence on several threads and hands the results to `consume` in the
/// order of the sequence, on the calling thread.
///
/// At most `window` items are between being taken from the sequence and being consumed (queued,
/// in progress, or done and waiting for an earlier one), so memory stays bounded however long the
/// sequence is, and a slow item holds up the others only once the window is full. `next` and
/// `consume` run on the calling thread only, so they may use its state freely.
enum OrderedWork {
    static func run<Input: Sendable, Output: Sendable>(
        jobs: Int, window: Int,
        next: () throws -> Input?,
        work: @escaping @Sendable (Input) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        precondition(jobs >= 1 && window >= 1)
        let shared = Shared<Input, Output>()
        for _ in 0..<jobs {
            shared.started()
            Thread { shared.serve(work) }.start()
        }
        // Whatever ends the run (the end, or an error from `next` or `consume`), the workers
        // stop taking items and are waited for: none outlives the call.
        defer { shared.stop() }

        var taken = 0, delivered = 0, exhausted = false
        while true {
            while !exhausted && taken - delivered < window {
                if let input = try next() {
                    shared.enqueue(taken, input)
                    taken += 1
                } else {
                    exhausted = true
                }
            }
            guard delivered < taken else { return }
            let output = shared.take(delivered)
            delivered += 1
            try consume(output)
        }
    }

    /// The queue of items to do and the results not yet consumed, behind one lock.
    private final class Shared<Input: Sendable, Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var queue: [(index: Int, input: Input)] = []
        private var head = 0
        private var results: [Int: Output] = [:]
        private var stopping = false
        private var running = 0

        func started() { condition.lock(); running += 1; condition.unlock() }

        func enqueue(_ index: Int, _ input: Input) {
            condition.lock()
            if head > 64 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
            queue.append((index, input))
            condition.broadcast()
            condition.unlock()
        }

        /// A worker's loop: take the oldest queued item, do it, post the result; until stopped.
        func serve(_ work: (Input) -> Output) {
            condition.lock()
            while true {
                while head == queue.count && !stopping { condition.wait() }
                if head == queue.count { break }
                let (index, input) = queue[head]
                head += 1
                condition.unlock()
                let output = work(input)
                condition.lock()
                results[index] = output
                condition.broadcast()
            }
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the result of item `index` and removes it.
        func take(_ index: Int) -> Output {
            condition.lock(); defer { condition.unlock() }
            while results[index] == nil { condition.wait() }
            return results.removeValue(forKey: index)!
        }

        /// Drops the items not started and waits for the workers to finish the ones they hold.
        func stop() {
            condition.lock()
            stopping = true
            queue.removeAll()
            head = 0
            condition.broadcast()
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
