import Foundation
import Logging
import RxStore

/// Folds the events of `stat_outbox` (see ``StatisticsOutbox``) into the aggregates, many per
/// transaction, on a thread of its own.
///
/// Each batch is one write through the store's writer: read up to ``Configuration/batchSize`` events in
/// order, apply each with the same ``StatisticsRecorder`` logic the server used to run inline (the
/// aggregate cells of the batch merged in memory and written once each), delete them, commit. Applying and deleting in one transaction makes it exactly-once across crashes: a lost
/// batch leaves its events in the outbox and the next start applies them. The batch commits with
/// ``WriteDurability/deferredSync``: the events themselves were fsynced with the changes they describe.
///
/// An event that cannot be read back, or that the recorder refuses with a constraint error, moves to
/// `stat_outbox_rejected` with the reason (and an error in the log) so one bad record never stops the
/// statistics; any other failure (I/O, disk full, the store closing) leaves the batch for a retry.
public final class StatisticsApplier: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// Events per transaction: bounds how long one batch holds the writer (500 merged events take
        /// 10–20 ms here) while Submits queue behind it.
        public var batchSize = 500
        /// How long a wake-up waits for more events before applying. Longer batches merge more changes
        /// into the same rows (fewer pages written and fsynced per event): 20 ms cost a Submit +36 %,
        /// 200 ms +12–19 % on this machine (`rx-statbench`). Statistics reads drain first, so nobody
        /// reads stale figures.
        public var coalesceMilliseconds = 200
        /// Pause after a failed batch before the next try.
        public var retryMilliseconds = 1_000

        public init() {}
    }

    let store: Store
    let configuration: Configuration
    let logger: Logger

    private let condition = NSCondition()
    /// Appends so far (counted inside the appending writes, on the writer thread).
    private var appends: UInt64 = 0
    /// The `appends` count a batch read inside its write and then found the outbox empty after: every
    /// event counted up to there is applied. `nil` until the first such batch (a previous run may have
    /// left events).
    private var appliedThrough: UInt64?
    private var signalled = false
    private var stopping = false
    private var running = false

    public init(store: Store, configuration: Configuration = Configuration(), logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts the applying thread; it first applies whatever a previous run left in the outbox.
    public func start() {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard !self.running else { return }
        self.running = true
        self.stopping = false
        self.signalled = true
        let thread = Thread { [self] in
            Thread.current.name = "rx-statistics"
            self.run()
        }
        thread.start()
    }

    /// Stops the thread after the batch in progress; events still queued stay in the outbox for the next
    /// start. Call before closing the store.
    public func stop() {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.stopping = true
        self.condition.broadcast()
        while self.running { self.condition.wait() }
    }

    /// Counts an append and tells the thread events are waiting (cheap: called inside writes).
    func wake() {
        self.condition.lock()
        self.appends &+= 1
        if !self.signalled {
            self.signalled = true
            self.condition.signal()
        }
        self.condition.unlock()
    }

    /// Returns once every event committed before the call has been applied, so a statistics read that
    /// follows sees the caller's own writes. Each round is a write queued behind everything already
    /// queued, so it sees every event committed before it.
    ///
    /// When nothing was appended since a batch last emptied the outbox, it returns at once: a statistics
    /// read then costs no write.
    public func drain() async throws {
        if self.condition.withLock({ self.appliedThrough == self.appends }) { return }
        while try await self.applyBatch() == self.configuration.batchSize {}
    }

    private func run() {
        while true {
            self.condition.lock()
            while !self.signalled && !self.stopping { self.condition.wait() }
            if self.stopping {
                self.running = false
                self.condition.broadcast()
                self.condition.unlock()
                return
            }
            self.signalled = false
            self.condition.unlock()
            Thread.sleep(forTimeInterval: Double(self.configuration.coalesceMilliseconds) / 1_000)
            do {
                while try self.applyBatchWaiting() == self.configuration.batchSize {}
            } catch {
                if (error as? StoreError)?.code != .closed {
                    self.logger.error("statistics outbox batch failed; retrying", metadata: ["error": "\(error)"])
                }
                Thread.sleep(forTimeInterval: Double(self.configuration.retryMilliseconds) / 1_000)
                self.wake()
            }
        }
    }

    /// One batch, blocking this thread until it has committed.
    private func applyBatchWaiting() throws -> Int {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Int, any Error> = .success(0)
        self.queueBatch { result in
            outcome = result
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    /// One batch, suspending the task until it has committed.
    func applyBatch() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            self.queueBatch { continuation.resume(with: $0) }
        }
    }

    private func queueBatch(_ completion: @escaping @Sendable (Result<Int, any Error>) -> Void) {
        let (limit, logger) = (self.configuration.batchSize, self.logger)
        self.store.writer.write(
            { connection in
                // Read on the writer thread: every append counted so far has been written before this batch.
                let seen = self.condition.withLock { self.appends }
                return (seen, try Self.apply(limit: limit, logger: logger, on: connection))
            },
            durability: .deferredSync,
            completion: { result in
                if case .success(let (seen, applied)) = result, applied < limit {
                    self.condition.withLock { self.appliedThrough = max(self.appliedThrough ?? 0, seen) }
                }
                completion(result.map(\.1))
            })
    }

    /// Applies and deletes up to `limit` events in order; returns how many it took from the outbox.
    ///
    /// The per-prescription rows are written event by event (later events of the batch read them); the
    /// aggregate cells of the whole batch are merged in memory (``StatisticsBulkLoad/init(forBatchOf:)``)
    /// and each distinct cell is written once at the end. The batch is first applied whole under one
    /// savepoint; only when an event fails (a constraint, a prescription not stored) is it rolled back and
    /// applied again event by event, each under its own savepoint, so the failing event alone is set aside.
    /// Two statements per event are thereby saved on the writer thread in the usual case.
    static func apply(limit: Int, logger: Logger, on connection: SQLiteConnection) throws -> Int {
        let events = try connection.query(
            "SELECT seq, event FROM stat_outbox ORDER BY seq LIMIT ?", .integer(Int64(limit))
        ) { (seq: $0.int64(at: 0), record: $0.blob(at: 1) ?? []) }
        guard let last = events.last?.seq else { return 0 }
        try connection.run("SAVEPOINT rx_statistics_batch")
        do {
            try Self.fold(events, eventByEvent: false, logger: logger, on: connection)
            try connection.run("RELEASE rx_statistics_batch")
        } catch is EventFailed {
            try connection.run("ROLLBACK TO rx_statistics_batch")
            try connection.run("RELEASE rx_statistics_batch")
            try Self.fold(events, eventByEvent: true, logger: logger, on: connection)
        }
        try connection.run("DELETE FROM stat_outbox WHERE seq <= ?", .integer(last))
        return events.count
    }

    /// An event of a batch applied whole failed: the batch is applied again event by event.
    private struct EventFailed: Error {}

    /// Folds `events` into the statistics tables. Unreadable events are set aside in both modes; an event
    /// whose application fails is set aside `eventByEvent`, and otherwise fails the whole fold.
    private static func fold(
        _ events: [(seq: Int64, record: [UInt8])], eventByEvent: Bool, logger: Logger, on connection: SQLiteConnection
    ) throws {
        let batch = StatisticsBulkLoad(forBatchOf: events.count)
        let rows = PrescriptionRowBuffer()
        let recorder = eventByEvent ? StatisticsRecorder(bulkLoad: batch) : StatisticsRecorder(bulkLoad: batch, rows: rows)
        for (seq, record) in events {
            let event: StatisticsEvent
            do {
                event = try StatisticsEvent(decoding: record)
            } catch {
                try Self.reject(seq: seq, record: record, reason: error.description, logger: logger, on: connection)
                continue
            }
            guard eventByEvent else {
                do {
                    try event.apply(with: recorder, on: connection)
                } catch let error as StoreError where error.code == .constraint {
                    throw EventFailed()
                } catch is StatisticsEventError {
                    throw EventFailed()
                }
                batch.commitEvent()
                continue
            }
            try connection.run("SAVEPOINT rx_statistics_event")
            do {
                try event.apply(with: recorder, on: connection)
                try connection.run("RELEASE rx_statistics_event")
                batch.commitEvent()
            } catch let error as StoreError where error.code == .constraint {
                try Self.setAside(seq: seq, record: record, reason: "\(error)", batch: batch, logger: logger, on: connection)
            } catch let error as StatisticsEventError {
                try Self.setAside(seq: seq, record: record, reason: error.description, batch: batch, logger: logger, on: connection)
            }
        }
        do {
            try rows.flush(on: connection)
        } catch let error as StoreError where error.code == .constraint {
            throw EventFailed()
        }
        try batch.upsert(on: connection)
    }

    /// Undoes the failed event's rows and cell changes and keeps it with the reason.
    private static func setAside(
        seq: Int64, record: [UInt8], reason: String, batch: StatisticsBulkLoad, logger: Logger, on connection: SQLiteConnection
    ) throws {
        batch.discardEvent()
        try connection.run("ROLLBACK TO rx_statistics_event")
        try connection.run("RELEASE rx_statistics_event")
        try Self.reject(seq: seq, record: record, reason: reason, logger: logger, on: connection)
    }

    private static func reject(seq: Int64, record: [UInt8], reason: String, logger: Logger, on connection: SQLiteConnection) throws {
        logger.error("statistics event rejected", metadata: ["seq": "\(seq)", "reason": "\(reason)"])
        try connection.run(
            "INSERT INTO stat_outbox_rejected (event, reason, rejected_at) VALUES (?, ?, ?)", .blob(record), .text(reason),
            .integer(Int64(Date().timeIntervalSince1970)))
    }
}
