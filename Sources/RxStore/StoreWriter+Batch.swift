import Foundation
import Logging

// Everything in this file runs on the writer thread, the only thread that touches `connection`.
extension StoreWriter {
    /// The writer thread's life: wait for writes, commit them in batches, and after `close()` drain the
    /// queue, close the connection and report that it has finished.
    func runWriterThread() {
        self.condition.lock()
        self.writerThreadID = pthread_self()
        self.condition.unlock()
        while let batch = self.nextBatch() {
            self.commit(batch)
        }
        self.connection.close()
        self.condition.lock()
        self.isFinished = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// Waits for queued writes and takes up to `maxBatchSize` of them; `nil` once closing with an empty
    /// queue.
    private func nextBatch() -> [any QueuedWrite]? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.pending.isEmpty && !self.isClosing {
            self.condition.wait()
        }
        if self.pending.isEmpty {
            return nil
        }
        let count = min(self.pending.count, self.configuration.maxBatchSize)
        let batch = Array(self.pending.prefix(count))
        self.pending.removeFirst(count)
        return batch
    }

    /// Runs `batch` in one transaction, one savepoint per write, commits, and only then completes every
    /// caller.
    private func commit(_ batch: [any QueuedWrite]) {
        var succeeded = 0
        var commitStarted: UInt64 = 0
        do {
            try self.connection.run("BEGIN IMMEDIATE")
            for request in batch {
                if try self.perform(request) {
                    succeeded += 1
                }
            }
            commitStarted = DispatchTime.now().uptimeNanoseconds
            try self.connection.run("COMMIT")
        } catch {
            self.abandon(batch, because: error)
            return
        }
        let commitSeconds = Double(DispatchTime.now().uptimeNanoseconds - commitStarted) / 1e9
        self.record(batchSize: batch.count, committed: succeeded, commitSeconds: commitSeconds)
        for request in batch {
            request.complete()
        }
    }

    /// Runs one request inside `SAVEPOINT`; returns whether its changes stay in the transaction.
    ///
    /// Throws (abandoning the batch) only when the transaction itself is gone or the savepoint machinery
    /// failed — never merely because the body threw.
    private func perform(_ request: any QueuedWrite) throws -> Bool {
        try self.connection.run("SAVEPOINT rx_write")
        let succeeded = request.perform(on: self.connection)
        guard self.connection.isInTransaction else {
            // SQLite rolled back the whole transaction (I/O error, disk full, RAISE(ROLLBACK)), or the body
            // ended it itself: the earlier writes of this batch are gone too.
            let error = StoreError(
                code: .sqlite,
                message: "the batch transaction ended inside a write body; every write of the batch was rolled back",
                function: "StoreWriter.commit")
            request.fail(error)
            throw error
        }
        if !succeeded {
            try self.connection.run("ROLLBACK TO rx_write")
        }
        try self.connection.run("RELEASE rx_write")
        return succeeded
    }

    /// Fails every write of a batch whose transaction could not be committed, after making sure nothing
    /// of it stays behind.
    private func abandon(_ batch: [any QueuedWrite], because error: any Error) {
        if self.connection.isInTransaction {
            do {
                try self.connection.run("ROLLBACK")
            } catch {
                self.logger.error("rolling back a failed batch failed", metadata: ["error": "\(error)"])
            }
        }
        self.logger.error("write batch failed", metadata: ["size": "\(batch.count)", "error": "\(error)"])
        self.condition.lock()
        self.counters.batchesFailed += 1
        self.counters.writesFailed += batch.count
        self.counters.lastBatchSize = batch.count
        self.condition.unlock()
        for request in batch {
            request.fail(error)
            request.complete()
        }
    }

    private func record(batchSize: Int, committed: Int, commitSeconds: Double) {
        self.condition.lock()
        self.counters.batchSizes[batchSize, default: 0] += 1
        let bucket = Statistics.commitLatencyBounds.firstIndex { commitSeconds <= $0 } ?? Statistics.commitLatencyBounds.count
        self.counters.commitLatencyCounts[bucket] += 1
        self.counters.commitSecondsTotal += commitSeconds
        self.counters.batchesCommitted += 1
        self.counters.writesCommitted += committed
        self.counters.writesFailed += batchSize - committed
        self.counters.lastBatchSize = batchSize
        self.counters.largestBatchSize = max(self.counters.largestBatchSize, batchSize)
        self.condition.unlock()
        self.logger.trace("write batch committed", metadata: ["size": "\(batchSize)", "committed": "\(committed)"])
    }
}
