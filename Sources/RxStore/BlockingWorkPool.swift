import Foundation

/// A few dedicated threads for work that blocks or burns CPU (SQLite reads, signature verification), so
/// that async callers suspend instead of holding one of Swift's cooperative threads.
///
/// The cooperative pool has one thread per core (two on a small server). A handler that runs a blocking
/// read or a millisecond of CPU on it keeps every other task — including the ones that would finish a
/// committed write and send its answer — waiting behind it. Here the caller's task suspends, a pool
/// thread runs the closure, and the continuation resumes the task with the result.
///
/// Jobs run in the order they were submitted, each on whichever pool thread is free.
public final class BlockingWorkPool: @unchecked Sendable {
    /// One pool per process, sized to the machine's cores, for the services' blocking work.
    public static let shared = BlockingWorkPool(
        threadCount: ProcessInfo.processInfo.activeProcessorCount, name: "rx-work")

    // Guarded by `condition`: the queue (`jobs[head...]` waits), and whether the pool is shutting down.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var isClosing = false
    private var runningThreads = 0
    /// How many threads the pool runs.
    public let threadCount: Int

    /// Starts `threadCount` (at least one) threads named `name-0`, `name-1`, …; Linux keeps 15 bytes of a
    /// thread name, so `name` should leave room for the index.
    public init(threadCount: Int, name: String) {
        self.threadCount = max(1, threadCount)
        self.runningThreads = self.threadCount
        for index in 0..<self.threadCount {
            let threadName = "\(name)-\(index)"
            let thread = Thread { [self] in
                Thread.current.name = threadName
                self.runWorkerThread()
            }
            thread.start()
        }
    }

    /// Runs `body` on a pool thread and returns (or throws) what it did, suspending the calling task
    /// meanwhile. A job already queued runs even if the calling task is cancelled.
    ///
    /// - Throws: whatever `body` threw, or `StoreError.closed` after ``close()``.
    public func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let job: @Sendable () -> Void = {
                continuation.resume(with: Result { try body() })
            }
            if !self.enqueue(job) {
                continuation.resume(throwing: StoreError.closed("blocking work pool", operation: "BlockingWorkPool.run"))
            }
        }
    }

    /// Lets the threads finish every queued job, then stops them; returns once they have stopped. Later
    /// ``run(_:)`` calls throw `.closed`. Must not be called from a job (it would wait for itself).
    public func close() {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.isClosing = true
        self.condition.broadcast()
        while self.runningThreads > 0 {
            self.condition.wait()
        }
    }

    /// Jobs waiting for a thread right now.
    public var queueDepth: Int {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.jobs.count - self.head
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) -> Bool {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard !self.isClosing else {
            return false
        }
        self.jobs.append(job)
        self.condition.signal()
        return true
    }

    private func runWorkerThread() {
        while let job = self.nextJob() {
            job()
        }
        self.condition.lock()
        self.runningThreads -= 1
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// The oldest queued job, waiting for one; `nil` once closing with nothing left.
    private func nextJob() -> (@Sendable () -> Void)? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.head == self.jobs.count && !self.isClosing {
            self.condition.wait()
        }
        guard self.head < self.jobs.count else {
            return nil
        }
        let job = self.jobs[self.head]
        self.head += 1
        if self.head == self.jobs.count {
            self.jobs.removeAll(keepingCapacity: true)
            self.head = 0
        } else if self.head >= 64 && self.head * 2 >= self.jobs.count {
            self.jobs.removeFirst(self.head)
            self.head = 0
        }
        return job
    }
}
