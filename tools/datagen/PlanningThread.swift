import Foundation

/// Plans prescriptions (random draws, codes, patient keys, content encoding) on another core while the
/// loading thread writes them: the loader is bound by SQLite, which only one thread can write.
///
/// The planner and its random generator live on the planning thread from `init` until ``finish()``
/// hands them back, so the data set is the same as when planned inline: one sequence of draws.
/// Batches pass through a queue of at most `depth`, so memory stays flat however many are planned.
final class PlanningThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[DataSetWriter.Prepared]] = []
    private var done = false
    private var planner: DataSetPlanner
    private var generator: SplitMix64
    private let depth: Int

    init(planner: DataSetPlanner, generator: SplitMix64, count: Int, batchSize: Int = 5_000, depth: Int = 4) {
        self.planner = planner
        self.generator = generator
        self.depth = depth
        let thread = Thread { [self] in self.plan(count: count, batchSize: batchSize) }
        thread.name = "rx-datagen-plan"
        thread.start()
    }

    private func plan(count: Int, batchSize: Int) {
        var planned = 0
        while planned < count {
            let size = min(batchSize, count - planned)
            var batch: [DataSetWriter.Prepared] = []
            batch.reserveCapacity(size)
            for _ in 0..<size { batch.append(DataSetWriter.prepare(self.planner.next(&self.generator))) }
            planned += size
            self.condition.lock()
            while self.queue.count >= self.depth { self.condition.wait() }
            self.queue.append(batch)
            self.condition.broadcast()
            self.condition.unlock()
        }
        self.condition.lock()
        self.done = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// The next planned batch, in order, or `nil` once all have been taken.
    func next() -> [DataSetWriter.Prepared]? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.queue.isEmpty && !self.done { self.condition.wait() }
        guard !self.queue.isEmpty else { return nil }
        self.condition.broadcast()
        return self.queue.removeFirst()
    }

    /// The planner and generator after the last planned prescription (waits for the planning thread).
    func finish() -> (DataSetPlanner, SplitMix64) {
        self.condition.lock()
        defer { self.condition.unlock() }
        while !self.done { self.condition.wait() }
        return (self.planner, self.generator)
    }
}
