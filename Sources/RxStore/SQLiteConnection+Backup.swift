import CSQLite3

extension SQLiteConnection {
    /// Copies this connection's database to `path` with SQLite's online backup API, replacing whatever
    /// database is there.
    ///
    /// With the default `pagesPerStep` of -1 the whole copy is one step, that is one read transaction:
    /// the backup is a consistent snapshot, and in WAL mode the writer keeps committing meanwhile. A
    /// positive `pagesPerStep` copies in slices, and SQLite restarts the copy if another connection
    /// changes the database between slices.
    ///
    /// - Parameters:
    ///   - path: The destination file; created when missing, overwritten when present.
    ///   - pagesPerStep: Pages copied per `sqlite3_backup_step`, or -1 for all at once.
    public func backup(to path: String, pagesPerStep: Int32 = -1) throws {
        try self.withHandle(for: "backup") { source in
            var destination: OpaquePointer?
            defer { sqlite3_close_v2(destination) }
            let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            try SQLiteResult.check(sqlite3_open_v2(path, &destination, flags, nil), "sqlite3_open_v2", db: destination)
            guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
                throw SQLiteResult.error(sqlite3_errcode(destination), "sqlite3_backup_init", db: destination)
            }
            var code: Int32
            var busyRetries = 0
            repeat {
                code = sqlite3_backup_step(backup, pagesPerStep)
                if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                    busyRetries += 1
                    sqlite3_sleep(10)
                }
            } while code == SQLITE_OK || ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && busyRetries < 500)
            // backup_finish reports the first error of the steps on the destination handle.
            let finish = sqlite3_backup_finish(backup)
            if code != SQLITE_DONE {
                throw SQLiteResult.error(code, "sqlite3_backup_step", db: destination)
            }
            try SQLiteResult.check(finish, "sqlite3_backup_finish", db: destination)
        }
    }
}
