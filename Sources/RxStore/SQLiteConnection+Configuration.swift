extension SQLiteConnection {
    /// How much of the database file a reader maps (SQLite maps at most the file's size).
    static let readerMapBytes = 1 << 30
    /// The writer's page cache in KiB (SQLite's negative `cache_size`): large enough that the pages a
    /// batch touches (indexes of every table a submission writes) stay cached between batches instead of
    /// being read back with `pread(2)` for every transaction.
    static let writerCacheKiB = 65_536

    /// Prepares the single write connection: WAL journal, full fsync on every commit, foreign keys.
    ///
    /// `synchronous=FULL` because in WAL mode `NORMAL` may lose the last commits on power loss, and an OK
    /// sent to a client must survive power loss. `journal_mode=WAL` is stored in the database file, so
    /// readers opened afterwards find it already set. A large page cache and a mapped file keep the
    /// writer's per-batch reads off `pread(2)`; neither changes what reaches the disk or when.
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
                + "PRAGMA mmap_size=\(Self.readerMapBytes)")
    }

    /// Prepares a reader connection: checks the database is in WAL mode (so reads never block the writer
    /// nor it them), forbids changes even through SQL that would otherwise be allowed, and maps the file
    /// into memory so that pages already in the page cache are read without a `pread(2)` each (a lookup
    /// touches a dozen pages; the syscalls were 6% of the server's time under lookup load).
    func configureForReading(busyTimeoutMilliseconds: Int32) throws {
        try self.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        let journalMode = try self.pragma("journal_mode")
        guard journalMode.stringValue?.lowercased() == "wal" else {
            throw StoreError(
                code: .sqlite, message: "reader found \(self.path) not in WAL mode (journal mode is \(journalMode))",
                function: "PRAGMA journal_mode")
        }
        try self.execute("PRAGMA query_only=ON; PRAGMA mmap_size=\(Self.readerMapBytes)")
    }
}
