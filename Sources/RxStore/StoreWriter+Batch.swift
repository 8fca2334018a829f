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
        while let work = self.nextWork() {
            switch work {
            case .batch(let batch): self.commit(batch)
            case .syncLog: self.syncLog()
            }
        }
        if self.unsyncedSince != nil { self.syncLog() }
        self.connection.close()
        self.condition.lock()
        self.isFinished = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    private enum Work {
        case batch([any QueuedWrite])
        /// Deferred commits have waited `deferredSyncMilliseconds`: fsync the WAL file now.
        case syncLog
    }

    /// Waits for queued writes and takes up to `maxBatchSize` of them, or says it is time to sync the
    /// deferred commits; `nil` once closing with an empty queue.
    private func nextWork() -> Work? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while true {
            if let since = self.unsyncedSince {
                let due = since + UInt64(self.configuration.deferredSyncMilliseconds) * 1_000_000
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= due { return .syncLog }
                if self.pending.isEmpty && !self.isClosing {
                    _ = self.condition.wait(until: Date(timeIntervalSinceNow: Double(due - now) / 1e9))
                    continue
                }
            } else if self.pending.isEmpty && !self.isClosing {
                self.condition.wait()
                continue
            }
            if self.pending.isEmpty {
                return nil
            }
            let count = min(self.pending.count, self.configuration.maxBatchSize)
            let batch = Array(self.pending.prefix(count))
            self.pending.removeFirst(count)
            return .batch(batch)
        }
    }

    /// Makes the deferred commits durable: an fsync of the WAL file covers every frame written so far.
    private func syncLog() {
        self.unsyncedSince = nil
        let path = self.connection.path + "-wal"
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            // No WAL file means nothing was written since the last checkpoint removed it.
            if errno != ENOENT { self.logger.error("opening the WAL to sync it failed", metadata: ["errno": "\(errno)"]) }
            return
        }
        defer { Glibc.close(descriptor) }
        if fdatasync(descriptor) != 0 {
            self.logger.error("syncing the WAL failed", metadata: ["errno": "\(errno)"])
            return
        }
        self.condition.lock()
        self.counters.walSyncs += 1
        self.condition.unlock()
    }

    /// Puts the connection at `synchronous=NORMAL` for a batch of only deferred writes (no fsync at
    /// COMMIT) and back at `FULL` otherwise, changing the setting only when it differs.
    private func setSyncMode(deferred: Bool) throws {
        guard deferred != self.connectionDefersSync else { return }
        try self.connection.execute(deferred ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL")
        self.connectionDefersSync = deferred
    }

    /// Runs `batch` in one transaction, one savepoint per write, commits, and only then completes every
    /// caller.
    private func commit(_ batch: [any QueuedWrite]) {
        var succeeded = 0
        var commitStarted: UInt64 = 0
        let deferred =
            self.configuration.deferredSyncMilliseconds > 0 && batch.allSatisfy { $0.durability == .deferredSync }
        do {
            try self.setSyncMode(deferred: deferred)
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
        let committedAt = DispatchTime.now().uptimeNanoseconds
        let commitSeconds = Double(committedAt - commitStarted) / 1e9
        if deferred {
            if self.unsyncedSince == nil { self.unsyncedSince = committedAt }
        } else {
            // A synchronous COMMIT fsyncs the WAL file, and with it every deferred frame before it.
            self.unsyncedSince = nil
        }
        self.record(batchSize: batch.count, committed: succeeded, commitSeconds: commitSeconds, deferred: deferred)
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

    private func record(batchSize: Int, committed: Int, commitSeconds: Double, deferred: Bool) {
        self.condition.lock()
        if deferred { self.counters.deferredCommits += 1 }
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
