import Foundation
import Logging

/// The single serialized writer: one dedicated thread owns the write connection and commits queued
/// writes in batches (group commit).
///
/// Callers enqueue a closure and wait. The writer thread takes every queued write (up to
/// ``Configuration/maxBatchSize``) and runs them in one `BEGIN IMMEDIATE … COMMIT`, so a batch costs one
/// fsync however many writes it holds. Each write runs inside its own `SAVEPOINT`: a write that throws is
/// rolled back alone and its caller gets the error, while its neighbours commit. Every caller of a batch
/// is completed only after `COMMIT` returned, so a returned write is durable (`synchronous=FULL`).
///
/// Because writes run in one serial order, a check-then-update inside one write body (stock that must
/// not go negative) cannot race another write.
///
/// - Warning: A write body runs on the writer thread inside the batch's transaction: it must be short,
///   must not block on anything but SQLite, must not issue `BEGIN`/`COMMIT`/`ROLLBACK` itself, and must
///   not call ``write(_:)-swift.method`` (that would wait for itself; it throws `.misuse`). A body whose
///   failure makes SQLite abandon the whole transaction (`SQLITE_FULL`, an I/O error, `RAISE(ROLLBACK)`)
///   fails the whole batch.
public final class StoreWriter: @unchecked Sendable {
    /// Limits of the writer's queue.
    public struct Configuration: Sendable, Hashable {
        /// Writes that may wait in the queue before callers get `StoreError.overloaded`.
        public var queueCapacity: Int
        /// The most writes committed in one transaction; bounds how long one batch holds the write lock.
        public var maxBatchSize: Int
        /// How long a batch of only ``WriteDurability/deferredSync`` writes may stay unsynced; 0 syncs
        /// every commit (every write then behaves as ``WriteDurability/synchronous``).
        public var deferredSyncMilliseconds: Int

        public init(queueCapacity: Int = 4096, maxBatchSize: Int = 512, deferredSyncMilliseconds: Int = 20) {
            self.queueCapacity = max(1, queueCapacity)
            self.maxBatchSize = max(1, maxBatchSize)
            self.deferredSyncMilliseconds = max(0, deferredSyncMilliseconds)
        }
    }

    /// Counters for metrics; a snapshot taken under the writer's lock.
    public struct Statistics: Sendable, Hashable {
        /// Transactions committed.
        public var batchesCommitted = 0
        /// Writes whose changes were committed.
        public var writesCommitted = 0
        /// Writes that failed (their own error, or their batch failed).
        public var writesFailed = 0
        /// Batches whose transaction could not be committed.
        public var batchesFailed = 0
        /// Writes in the most recent batch.
        public var lastBatchSize = 0
        /// Writes in the largest batch so far.
        public var largestBatchSize = 0
        /// Writes waiting in the queue right now.
        public var queueDepth = 0
        /// Committed batches by their number of writes (at most `maxBatchSize` keys).
        public var batchSizes: [Int: Int] = [:]
        /// Upper bounds (seconds) of the `COMMIT` latency buckets; the fsync dominates it.
        public static let commitLatencyBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
        /// `COMMIT` durations counted per bucket of ``commitLatencyBounds``, then one for slower ones.
        public var commitLatencyCounts = Array(repeating: 0, count: Self.commitLatencyBounds.count + 1)
        /// Total seconds spent in `COMMIT`.
        public var commitSecondsTotal = 0.0
        /// Batches committed without an fsync (only ``WriteDurability/deferredSync`` writes).
        public var deferredCommits = 0
        /// Timed fsyncs of the WAL file that made deferred commits durable.
        public var walSyncs = 0
    }

    let configuration: Configuration
    let logger: Logger
    /// Owned by the writer thread from `start()` until it exits; no other thread touches it.
    let connection: SQLiteConnection

    /// Guards everything below and signals both "work queued" and "writer finished".
    let condition = NSCondition()
    var pending: [any QueuedWrite] = []
    var isClosing = false
    var isFinished = false
    var counters = Statistics()
    var writerThreadID: pthread_t?
    /// Writer thread only: whether the connection is at `synchronous=NORMAL` for a deferred batch.
    var connectionDefersSync = false
    /// Writer thread only: when the oldest commit not yet fsynced was made (uptime nanoseconds).
    var unsyncedSince: UInt64?

    /// Takes ownership of `connection` (already configured and migrated) and starts the writer thread.
    init(connection: SQLiteConnection, configuration: Configuration, logger: Logger) {
        self.connection = connection
        self.configuration = configuration
        self.logger = logger
        let thread = Thread { [self] in
            Thread.current.name = "rx-store-writer"
            self.runWriterThread()
        }
        thread.start()
    }

    /// Runs `body` in the next batch and returns its result once the batch has committed, blocking the
    /// calling thread meanwhile. For callers on worker threads; async code uses the `async` overload.
    ///
    /// - Throws: whatever `body` threw (its changes were rolled back), `StoreError.overloaded` when the
    ///   queue is full, `.closed` after ``close()``, `.misuse` when called from inside a write body, or
    ///   the SQLite error that made the batch's transaction fail.
    @discardableResult
    public func write<Value: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Value) throws -> Value {
        try withoutActuallyEscaping(body) { body in
            let request = WriteRequest(body: body, waiter: .thread(NSCondition()))
            try self.enqueue(request)
            return try request.waitForOutcome()
        }
    }

    /// Runs `body` in the next batch and returns its result once the batch has committed, suspending the
    /// calling task meanwhile (no thread of the cooperative pool is blocked).
    ///
    /// A write already queued cannot be withdrawn: cancelling the task does not cancel the write, so the
    /// caller learns its true outcome.
    ///
    /// - Throws: as the blocking overload.
    @discardableResult
    public func write<Value: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Value) async throws -> Value {
        try await withoutActuallyEscaping(body) { body in
            try await withCheckedThrowingContinuation { continuation in
                let request = WriteRequest(body: body, waiter: .task(continuation))
                do {
                    try self.enqueue(request)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Queues `body` for the next batch and calls `completion` on the writer thread once the batch has
    /// committed (or failed), without a task or a blocked thread in between: for callers that answer
    /// from an event loop, where a task per call would cost two thread hand-offs. `completion` must
    /// return quickly (it holds up the rest of the batch's acknowledgements); hand real work elsewhere.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (SQLiteConnection) throws -> Value, durability: WriteDurability = .synchronous,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        let request = WriteRequest(body: body, waiter: .callback(completion), durability: durability)
        do {
            try self.enqueue(request)
        } catch {
            completion(.failure(error))
        }
    }

    /// A snapshot of the counters.
    public var statistics: Statistics {
        self.condition.lock()
        defer { self.condition.unlock() }
        var snapshot = self.counters
        snapshot.queueDepth = self.pending.count
        return snapshot
    }

    /// Whether ``close()`` has been called: new writes are refused (queued ones still commit).
    public var isClosed: Bool {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.isClosing
    }

    /// Stops accepting writes, lets the writer commit everything already queued, closes the write
    /// connection, and returns when the writer thread has finished. Calling it again does nothing.
    public func close() {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.isClosing = true
        self.condition.broadcast()
        if self.isOnWriterThread {
            return  // Waiting here would wait for ourselves; the loop exits once the queue is drained.
        }
        while !self.isFinished {
            self.condition.wait()
        }
    }

    private func enqueue(_ request: any QueuedWrite) throws {
        self.condition.lock()
        defer { self.condition.unlock() }
        if self.isOnWriterThread {
            throw StoreError(
                code: .misuse, message: "write called from inside a write body would wait for itself",
                function: "StoreWriter.write")
        }
        if self.isClosing {
            throw StoreError.closed("store writer", operation: "StoreWriter.write")
        }
        if self.pending.count >= self.configuration.queueCapacity {
            throw StoreError.overloaded(capacity: self.configuration.queueCapacity)
        }
        self.pending.append(request)
        // Broadcast, not signal: close() may be waiting on the same condition, and the writer must wake.
        self.condition.broadcast()
    }

    /// Whether the caller is the writer thread. Call with `condition` locked.
    private var isOnWriterThread: Bool {
        guard let writer = self.writerThreadID else {
            return false
        }
        return pthread_equal(writer, pthread_self()) != 0
    }
}
