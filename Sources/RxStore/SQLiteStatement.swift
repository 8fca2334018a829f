import CSQLite3

/// A prepared SQLite statement: typed parameter binds, stepping, and typed column reads.
///
/// Statements come from ``SQLiteConnection/withStatement(_:_:)``, which lends one (usually from the
/// connection's cache) for the duration of a closure and resets it afterwards.
///
/// - Parameter indices are 1-based (SQLite's convention for `?` placeholders); column indices are 0-based.
/// - Warning: A statement belongs to its connection's thread and must not escape the closure it was lent
///   to: after the closure returns it is reset and handed to the next user.
public final class SQLiteStatement {
    /// The `sqlite3_stmt*`; finalized in `deinit`, never handed out.
    private let handle: OpaquePointer
    /// The SQL text the statement was prepared from, for diagnostics.
    public let sql: String
    /// Set while the statement is lent out, so a nested use of the same SQL gets its own statement.
    var isBorrowed = false

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        // Finalizing after the connection was closed with sqlite3_close_v2 is allowed: the connection
        // stays a zombie until its last statement is gone.
        sqlite3_finalize(self.handle)
    }

    /// The connection's handle, where SQLite records this statement's errors.
    private var database: OpaquePointer? {
        sqlite3_db_handle(self.handle)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the bind call returns, so Swift storage
    /// needs to stay valid only for the duration of the call. (A C macro, so Swift cannot import it.)
    private var transient: sqlite3_destructor_type {
        unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
    }

    // MARK: Binding

    /// Binds a 64-bit integer to the 1-based parameter `index`.
    public func bind(_ value: Int64, at index: Int) throws {
        try self.check(sqlite3_bind_int64(self.handle, Int32(clamping: index), value), "sqlite3_bind_int64")
    }

    /// Binds an integer to the 1-based parameter `index`.
    public func bind(_ value: Int, at index: Int) throws {
        try self.bind(Int64(value), at: index)
    }

    /// Binds a double to the 1-based parameter `index`.
    public func bind(_ value: Double, at index: Int) throws {
        try self.check(sqlite3_bind_double(self.handle, Int32(clamping: index), value), "sqlite3_bind_double")
    }

    /// Binds `value` as UTF-8 text (embedded NUL characters included) to the 1-based parameter `index`.
    public func bind(_ value: String, at index: Int) throws {
        var text = value
        let position = Int32(clamping: index)
        let code = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(self.handle, position, "", 0, self.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                sqlite3_bind_text64(
                    self.handle, position, characters, UInt64(bytes.count), self.transient, UInt8(SQLITE_UTF8))
            }
        }
        try self.check(code, "sqlite3_bind_text64")
    }

    /// Binds `value` as a blob to the 1-based parameter `index` (an empty array binds an empty blob, not
    /// `NULL`).
    public func bind(_ value: [UInt8], at index: Int) throws {
        try value.withUnsafeBytes { bytes in
            try self.bind(bytes: bytes, at: index)
        }
    }

    /// Binds a copy of `bytes` as a blob to the 1-based parameter `index`, for callers that hold bytes in
    /// a buffer of their own and want to avoid building an array first.
    public func bind(bytes: UnsafeRawBufferPointer, at index: Int) throws {
        let position = Int32(clamping: index)
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            try self.check(sqlite3_bind_zeroblob(self.handle, position, 0), "sqlite3_bind_zeroblob")
            return
        }
        try self.check(
            sqlite3_bind_blob64(self.handle, position, base, UInt64(bytes.count), self.transient),
            "sqlite3_bind_blob64")
    }

    /// Binds SQL `NULL` to the 1-based parameter `index`.
    public func bindNull(at index: Int) throws {
        try self.check(sqlite3_bind_null(self.handle, Int32(clamping: index)), "sqlite3_bind_null")
    }

    /// Binds any ``SQLiteValue`` to the 1-based parameter `index`.
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        switch value {
        case .integer(let integer): try self.bind(integer, at: index)
        case .real(let real): try self.bind(real, at: index)
        case .text(let text): try self.bind(text, at: index)
        case .blob(let bytes): try self.bind(bytes, at: index)
        case .null: try self.bindNull(at: index)
        }
    }

    /// Binds `values` to parameters 1, 2, … in order.
    public func bind(_ values: [SQLiteValue]) throws {
        for (offset, value) in values.enumerated() {
            try self.bind(value, at: offset + 1)
        }
    }

    /// The number of parameters the SQL declares.
    public var parameterCount: Int {
        Int(sqlite3_bind_parameter_count(self.handle))
    }

    // MARK: Stepping

    /// Advances to the next row: `true` when a row is available to read, `false` when the statement has
    /// finished.
    @discardableResult
    public func step() throws -> Bool {
        try self.check(sqlite3_step(self.handle), "sqlite3_step") == SQLITE_ROW
    }

    /// Calls `body` for every remaining row.
    public func forEachRow(_ body: (SQLiteStatement) throws -> Void) throws {
        while try self.step() {
            try body(self)
        }
    }

    /// Rewinds the statement so it can be stepped again; bindings are kept.
    ///
    /// Does not throw: `sqlite3_reset` repeats the error of the last failed step, which ``step()`` has
    /// already reported.
    public func reset() {
        sqlite3_reset(self.handle)
    }

    /// Sets every parameter back to `NULL`, so values from a previous use cannot leak into the next one.
    public func clearBindings() {
        sqlite3_clear_bindings(self.handle)
    }

    // MARK: Columns

    /// The number of columns in each result row.
    public var columnCount: Int {
        Int(sqlite3_column_count(self.handle))
    }

    /// The name of the 0-based column `index` (its `AS` alias when there is one).
    public func columnName(at index: Int) -> String {
        guard let name = sqlite3_column_name(self.handle, Int32(clamping: index)) else {
            return ""
        }
        return String(cString: name)
    }

    /// Whether the 0-based column `index` of the current row is `NULL`.
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(self.handle, Int32(clamping: index)) == SQLITE_NULL
    }

    /// The 0-based column `index` as a 64-bit integer (`NULL` reads as 0).
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(self.handle, Int32(clamping: index))
    }

    /// The 0-based column `index` as an integer (`NULL` reads as 0).
    public func int(at index: Int) -> Int {
        Int(truncatingIfNeeded: self.int64(at: index))
    }

    /// The 0-based column `index` as a double (`NULL` reads as 0).
    public func double(at index: Int) -> Double {
        sqlite3_column_double(self.handle, Int32(clamping: index))
    }

    /// The 0-based column `index` as UTF-8 text, or `nil` when it is `NULL`.
    public func string(at index: Int) -> String? {
        let column = Int32(clamping: index)
        guard let characters = sqlite3_column_text(self.handle, column) else {
            return nil
        }
        // sqlite3_column_bytes must follow sqlite3_column_text: the text conversion may change the size.
        let count = Int(sqlite3_column_bytes(self.handle, column))
        return String(decoding: UnsafeBufferPointer(start: characters, count: count), as: UTF8.self)
    }

    /// The 0-based column `index` as bytes, or `nil` when it is `NULL`.
    public func blob(at index: Int) -> [UInt8]? {
        self.withBlob(at: index) { [UInt8]($0) }
    }

    /// Lends the bytes of the 0-based column `index` to `body` without copying them, or returns `nil`
    /// when the column is `NULL`.
    ///
    /// - Warning: The buffer is valid only inside `body`; do not let it escape.
    public func withBlob<Result>(
        at index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result? {
        let column = Int32(clamping: index)
        if sqlite3_column_type(self.handle, column) == SQLITE_NULL {
            return nil
        }
        let base = sqlite3_column_blob(self.handle, column)
        let count = Int(sqlite3_column_bytes(self.handle, column))
        return try body(UnsafeRawBufferPointer(start: count > 0 ? base : nil, count: count))
    }

    /// The 0-based column `index` in whatever storage class SQLite holds it.
    public func value(at index: Int) -> SQLiteValue {
        let column = Int32(clamping: index)
        switch sqlite3_column_type(self.handle, column) {
        case SQLITE_INTEGER: return .integer(self.int64(at: index))
        case SQLITE_FLOAT: return .real(self.double(at: index))
        case SQLITE_TEXT: return self.string(at: index).map(SQLiteValue.text) ?? .null
        case SQLITE_BLOB: return self.blob(at: index).map(SQLiteValue.blob) ?? .null
        default: return .null
        }
    }

    @discardableResult
    private func check(_ code: Int32, _ function: String) throws -> Int32 {
        try SQLiteResult.check(code, function, db: self.database)
    }
}
