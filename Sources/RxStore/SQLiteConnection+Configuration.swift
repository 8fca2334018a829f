extension SQLiteConnection {
    /// The writer's page cache in KiB (SQLite's negative `cache_size`): large enough that the pages a
    /// batch touches (indexes of every table a submission writes) stay cached between batches instead of
    /// being read back with `pread(2)` for every transaction.
    static let writerCacheKiB = 65_536

    /// Prepares the single write connection: WAL journal, full fsync on every commit, foreign keys.
    ///
    /// `synchronous=FULL` because in WAL mode `NORMAL` may lose the last commits on power loss, and an OK
    /// sent to a client must survive power loss. `journal_mode=WAL` is stored in the database file, so
    /// readers opened afterwards find it already set. A large page cache keeps the writer's per-batch
    /// reads off `pread(2)` without changing what reaches the disk or when.
    ///
    /// No connection maps the file (`mmap_size` stays 0). In WAL mode a connection that starts a read
    /// transaction after another connection changed the WAL drops its page cache and unmaps the whole
    /// file (SQLite's `pagerBeginReadTransaction`); under a steady stream of writes that meant tearing
    /// down and faulting back a mapping of the whole database for nearly every read, with cross-CPU TLB
    /// flushes. Measured on the 2-core VM, 4 × 64 in flight: lookups 34.5 k → 41–42 k calls/s, Submits
    /// with 64 in flight 5.5 k → 5.9–6.1 k/s once neither readers nor the writer mapped the file.
    func configureForWriting(busyTimeoutMilliseconds: Int32) throws {
        try self.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        let journalMode = try self.scalar("PRAGMA journal_mode=WAL")
        guard journalMode.stringValue?.lowercased() == "wal" else {
            throw StoreError(
                code: .sqlite, message: "could not switch \(self.path) to WAL (journal mode is \(journalMode))",
                function: "PRAGMA journal_mode")
        }
        try self.execute(
            "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-\(Self.writerCacheKiB); "
                + "PRAGMA mmap_size=0")
    }

    /// Prepares a reader connection: checks the database is in WAL mode (so reads never block the writer
    /// nor it them) and forbids changes even through SQL that would otherwise be allowed. Pages are read
    /// with `pread(2)` through the operating system's page cache, not a mapping (see
    /// ``configureForWriting(busyTimeoutMilliseconds:)`` for why).
    func configureForReading(busyTimeoutMilliseconds: Int32) throws {
        try self.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        let journalMode = try self.pragma("journal_mode")
        guard journalMode.stringValue?.lowercased() == "wal" else {
            throw StoreError(
                code: .sqlite, message: "reader found \(self.path) not in WAL mode (journal mode is \(journalMode))",
                function: "PRAGMA journal_mode")
        }
        try self.execute("PRAGMA query_only=ON; PRAGMA mmap_size=0")
    }
}
