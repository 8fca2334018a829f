import Foundation
import Logging

/// Copies the WAL back into the database file on a thread and connection of its own.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the writer: every
/// thousand pages, one batch also copies 4 MB into the database file and fsyncs it, and every Submit
/// queued behind it waits (perf under Submit load: a third of the writer thread in `pwrite(2)`). A
/// `PASSIVE` checkpoint from another connection does the same copying while the writer keeps committing;
/// the writer keeps a far higher automatic threshold (``writerAutoCheckpointPages``) only as a safety
/// net, should this thread fall behind.
///
/// Durability is unchanged: a checkpoint copies only committed frames, and with `synchronous=FULL` it
/// syncs the WAL before and the database file after copying.
final class StoreCheckpointer: @unchecked Sendable {
    /// The writer checkpoints by itself only past this many WAL pages (40 MB).
    static let writerAutoCheckpointPages = 10_000

    private let connection: SQLiteConnection
    private let interval: TimeInterval
    private let logger: Logger
    private let condition = NSCondition()
    private var stopping = false
    private var running = true
    /// When a failure was last logged, while checkpoints keep failing (a full disk would otherwise log
    /// ten lines a second).
    private var failingSince: Date?
    private var lastFailureLogged: Date?

    /// Opens its connection to `path` and starts checkpointing every `intervalMilliseconds`.
    init(path: String, intervalMilliseconds: Int, busyTimeoutMilliseconds: Int32, logger: Logger) throws {
        self.connection = try SQLiteConnection(path: path, mode: .readWrite, logger: logger)
        try self.connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        try self.connection.execute("PRAGMA synchronous=FULL")
        self.interval = Double(intervalMilliseconds) / 1_000
        self.logger = logger
        let thread = Thread { [self] in
            Thread.current.name = "rx-checkpoint"
            self.run()
        }
        thread.start()
    }

    private func run() {
        while true {
            self.condition.lock()
            if !self.stopping { _ = self.condition.wait(until: Date().addingTimeInterval(self.interval)) }
            if self.stopping {
                self.running = false
                self.condition.broadcast()
                self.condition.unlock()
                return
            }
            self.condition.unlock()
            do {
                try self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
                if let since = self.failingSince {
                    self.logger.notice("background checkpoints work again", metadata: ["failingSince": "\(since)"])
                    self.failingSince = nil
                    self.lastFailureLogged = nil
                }
            } catch {
                let now = Date()
                if self.failingSince == nil { self.failingSince = now }
                if self.lastFailureLogged.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
                    self.lastFailureLogged = now
                    self.logger.warning(
                        "background checkpoint failed; the WAL grows until it works again (logged once a minute)",
                        metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Stops after the checkpoint in progress and closes the connection.
    func close() {
        self.condition.lock()
        self.stopping = true
        self.condition.broadcast()
        while self.running { self.condition.wait() }
        self.condition.unlock()
        self.connection.close()
    }
}
