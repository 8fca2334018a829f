import CSQLite3
import Logging

/// One SQLite database connection: a thin owner of `sqlite3*` with a prepared-statement cache.
///
/// Opened with `SQLITE_OPEN_NOMUTEX`, so SQLite does no locking of its own for this handle: a
/// connection must be used by **one thread at a time** (the writer thread owns the write connection for
/// its whole life; a reader connection is borrowed by one caller at a time from ``StoreReaderPool``).
/// That is why this type is deliberately not `Sendable`.
///
/// Extended result codes are switched on, so errors carry codes like `SQLITE_CONSTRAINT_UNIQUE`.
public final class SQLiteConnection {
    /// How the database file is opened.
    public enum Mode: Sendable, Hashable {
        /// Read and write, creating the file when missing (the writer's connection).
        case readWrite
        /// Read only (readers); SQLite refuses any change through this connection.
        case readOnly
    }

    /// The most statements kept prepared; SQL used by the store is a fixed set of constants, so this is
    /// only a guard against a caller building SQL text dynamically.
    public static let statementCacheCapacity = 256

    /// The file this connection has open.
    public let path: String
    /// Whether the connection may write.
    public let mode: Mode
    private var handle: OpaquePointer?
    private var statementCache: [String: SQLiteStatement] = [:]
    private let logger: Logger

    /// Process-wide SQLite settings, applied once before the first connection opens: memory statistics
    /// off, because keeping them takes a global mutex on every allocation that reader threads contend
    /// for (seen in profiles of the lookup path as futex waits inside `sqlite3Malloc`).
    private static let libraryConfigured: Bool = {
        rx_sqlite3_disable_memory_statistics() == SQLITE_OK
    }()

    /// Opens the database at `path`.
    ///
    /// - Parameters:
    ///   - path: The database file. `.readWrite` creates it when missing; `.readOnly` requires it.
    ///   - mode: Whether the connection may write.
    ///   - logger: Where the connection reports problems it cannot throw (a failing close).
    public init(path: String, mode: Mode, logger: Logger) throws {
        _ = Self.libraryConfigured
        var database: OpaquePointer?
        let access = mode == .readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &database, access | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let database else {
            var error = SQLiteResult.error(code == SQLITE_OK ? SQLITE_NOMEM : code, "sqlite3_open_v2", db: database)
            error.message += " (opening \(path))"
            // A handle is returned even when opening failed, and must still be released.
            sqlite3_close_v2(database)
            throw error
        }
        sqlite3_extended_result_codes(database, 1)
        self.handle = database
        self.path = path
        self.mode = mode
        self.logger = logger
    }

    deinit {
        self.close()
    }

    /// Finalizes the cached statements and closes the connection. Calling it again does nothing.
    public func close() {
        guard let database = self.handle else {
            return
        }
        self.handle = nil
        self.statementCache.removeAll()
        let code = sqlite3_close_v2(database)
        if code != SQLITE_OK {
            self.logger.error(
                "closing SQLite connection failed",
                metadata: ["path": "\(self.path)", "error": "\(SQLiteResult.error(code, "sqlite3_close_v2", db: nil))"])
        }
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool {
        self.handle == nil
    }

    /// The live handle, or `.closed` naming the `operation` that needed it.
    private func database(for operation: String) throws -> OpaquePointer {
        guard let database = self.handle else {
            throw StoreError.closed("SQLite connection to \(self.path)", operation: operation)
        }
        return database
    }

    /// Runs one or more `;`-separated SQL statements that return no rows the caller needs (schema
    /// scripts, `BEGIN`, `COMMIT`, pragmas). Statements run through here are not cached.
    public func execute(_ sql: String) throws {
        let database = try self.database(for: "execute")
        try SQLiteResult.check(sqlite3_exec(database, sql, nil, nil, nil), "sqlite3_exec", db: database)
    }

    /// Lends a prepared statement for `sql` to `body`, then resets it and clears its bindings.
    ///
    /// Statements are cached by their SQL text, so the second use of the same SQL skips preparing. If the
    /// same SQL is already lent out further up the stack (a nested use), a fresh uncached statement is
    /// prepared for the inner use.
    ///
    /// - Parameter sql: Exactly one SQL statement; a trailing `;` is allowed, a second statement is not
    ///   (use ``execute(_:)`` for scripts).
    /// - Warning: The statement must not escape `body`.
    public func withStatement<Result>(_ sql: String, _ body: (SQLiteStatement) throws -> Result) throws -> Result {
        let database = try self.database(for: "withStatement")
        let statement: SQLiteStatement
        if let cached = self.statementCache[sql] {
            statement = cached.isBorrowed ? try self.prepare(sql, database, persistent: false) : cached
        } else {
            statement = try self.prepare(sql, database, persistent: true)
            self.cache(statement)
        }
        statement.isBorrowed = true
        defer {
            statement.reset()
            statement.clearBindings()
            statement.isBorrowed = false
        }
        return try body(statement)
    }

    private func prepare(_ sql: String, _ database: OpaquePointer, persistent: Bool) throws -> SQLiteStatement {
        var prepared: OpaquePointer?
        var rest = ""
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database, text, -1, flags, &prepared, &tail)
            if let tail {
                rest = String(cString: tail)
            }
            return code
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(prepared)
            throw SQLiteResult.error(code, "sqlite3_prepare_v3", db: database)
        }
        guard let prepared else {
            throw StoreError(code: .misuse, message: "SQL contains no statement: \(sql)", function: "sqlite3_prepare_v3")
        }
        guard rest.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
            sqlite3_finalize(prepared)
            throw StoreError(
                code: .misuse, message: "withStatement takes one SQL statement, found more after: \(sql)",
                function: "sqlite3_prepare_v3")
        }
        return SQLiteStatement(handle: prepared, sql: sql)
    }

    private func cache(_ statement: SQLiteStatement) {
        if self.statementCache.count >= Self.statementCacheCapacity {
            // Only reachable when callers build SQL dynamically; dropping the idle statements keeps memory
            // bounded without bookkeeping on the hot path.
            self.statementCache = self.statementCache.filter { $0.value.isBorrowed }
        }
        self.statementCache[statement.sql] = statement
    }

    /// How many prepared statements the cache holds (for tests and metrics).
    public var cachedStatementCount: Int {
        self.statementCache.count
    }

    /// Sets how long SQLite retries when another connection holds a lock before failing with `.busy`.
    public func setBusyTimeout(milliseconds: Int32) throws {
        let database = try self.database(for: "setBusyTimeout")
        try SQLiteResult.check(sqlite3_busy_timeout(database, milliseconds), "sqlite3_busy_timeout", db: database)
    }

    /// Rows changed by the most recent `INSERT`, `UPDATE` or `DELETE` on this connection.
    public var changes: Int {
        guard let database = self.handle else {
            return 0
        }
        return Int(sqlite3_changes64(database))
    }

    /// The rowid of the most recent successful `INSERT` on this connection.
    public var lastInsertRowID: Int64 {
        guard let database = self.handle else {
            return 0
        }
        return sqlite3_last_insert_rowid(database)
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode). The writer uses this to notice
    /// SQLite rolling a whole transaction back on its own after an I/O or memory error.
    public var isInTransaction: Bool {
        guard let database = self.handle else {
            return false
        }
        return sqlite3_get_autocommit(database) == 0
    }

    /// Lends the raw handle to `body`, for the facets of this type that call SQLite APIs not wrapped
    /// above (backup).
    func withHandle<Result>(for operation: String, _ body: (OpaquePointer) throws -> Result) throws -> Result {
        try body(try self.database(for: operation))
    }
}
