import Foundation

/// Applies `work` to a sequence on several threads and hands the results to `consume` in the
/// order of the sequence, on the calling thread.
///
/// At most `window` items are between being taken from the sequence and being consumed (queued,
/// in progress, or done and waiting for an earlier one), so memory stays bounded however long the
/// sequence is, and a slow item holds up the others only once the window is full. `next` and
/// `consume` run on the calling thread only, so they may use its state freely. With one job the
/// work runs on the calling thread too: the same order and errors, without a hand-off per item.
enum OrderedWork {
    static func run<Input: Sendable, Output: Sendable>(
        jobs: Int, window: Int,
        next: () throws -> Input?,
        work: @escaping @Sendable (Input) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        precondition(jobs >= 1 && window >= 1)
        if jobs == 1 {
            while let input = try next() { try consume(work(input)) }
            return
        }
        let queue = WorkQueue<Input>()
        let results = Results<Output>()
        for _ in 0..<jobs {
            results.started()
            Thread {
                while let (index, input) = queue.take() { results.post(index, work(input)) }
                results.finished()
            }.start()
        }
        // Whatever ends the run (the end, or an error from `next` or `consume`), the workers
        // stop taking items and are waited for: none outlives the call.
        defer {
            queue.stop()
            results.waitForWorkers()
        }

        var taken = 0, delivered = 0, exhausted = false
        while true {
            while !exhausted && taken - delivered < window {
                if let input = try next() {
                    queue.enqueue(taken, input)
                    taken += 1
                } else {
                    exhausted = true
                }
            }
            guard delivered < taken else { return }
            let output = results.take(delivered)
            delivered += 1
            try consume(output)
        }
    }

    /// The items not yet started, which only the workers wait on: each item wakes one of them.
    private final class WorkQueue<Input: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [(index: Int, input: Input)] = []
        private var head = 0
        private var stopping = false

        func enqueue(_ index: Int, _ input: Input) {
            condition.lock()
            if head > 64 && head * 2 > items.count { items.removeFirst(head); head = 0 }
            items.append((index, input))
            condition.signal()
            condition.unlock()
        }

        /// The oldest queued item, waiting for one; nil once stopped.
        func take() -> (index: Int, input: Input)? {
            condition.lock(); defer { condition.unlock() }
            while head == items.count && !stopping { condition.wait() }
            if stopping { return nil }
            head += 1
            return items[head - 1]
        }

        /// Drops the items not started and wakes every idle worker to leave.
        func stop() {
            condition.lock()
            stopping = true
            items.removeAll()
            head = 0
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The results not yet consumed and the count of running workers, which only the calling
    /// thread waits on: a worker wakes it only for what it waits for.
    private final class Results<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var done: [Int: Output] = [:]
        private var awaited: Int?
        private var running = 0

        func started() { condition.lock(); running += 1; condition.unlock() }

        func post(_ index: Int, _ output: Output) {
            condition.lock()
            done[index] = output
            if index == awaited { condition.signal() }
            condition.unlock()
        }

        /// Waits for the result of item `index` and removes it.
        func take(_ index: Int) -> Output {
            condition.lock(); defer { condition.unlock() }
            awaited = index
            while done[index] == nil { condition.wait() }
            awaited = nil
            return done.removeValue(forKey: index)!
        }

        func finished() {
            condition.lock()
            running -= 1
            if running == 0 { condition.signal() }
            condition.unlock()
        }

        func waitForWorkers() {
            condition.lock()
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
