import CSQLite3

/// The one place where SQLite return codes become Swift errors (style.md item 2): every call into the
/// SQLite C API that returns a result code goes through ``check(_:_:db:)``.
enum SQLiteResult {
    /// Returns `code` when it means success (`SQLITE_OK`, `SQLITE_ROW`, `SQLITE_DONE`), and otherwise
    /// throws a ``StoreError`` carrying the result code, the extended code, `function` and SQLite's
    /// message for `db`.
    ///
    /// `@inline(never)` keeps the connection's error state from being disturbed between the failing call
    /// and the moment its message is read.
    @inline(never)
    @discardableResult
    static func check(_ code: Int32, _ function: String, db: OpaquePointer?) throws -> Int32 {
        switch code {
        case SQLITE_OK, SQLITE_ROW, SQLITE_DONE:
            return code
        default:
            throw Self.error(code, function, db: db)
        }
    }

    /// Builds the error for a failed `function` that returned `code`.
    ///
    /// The connection's message is used only when its recorded error matches `code`; otherwise (a call
    /// that does not record its error on the connection, or no connection at all) SQLite's generic text
    /// for the code is used, so a stale message from an earlier failure never leaks into this one.
    static func error(_ code: Int32, _ function: String, db: OpaquePointer?) -> StoreError {
        var extended = code
        var message = Self.genericMessage(for: code)
        if let db {
            let recorded = sqlite3_extended_errcode(db)
            if recorded & 0xFF == code & 0xFF {
                extended = recorded
                if let text = sqlite3_errmsg(db) {
                    message = String(cString: text)
                }
            }
        }
        let primary = extended & 0xFF
        let kind: StoreError.Code
        switch primary {
        case SQLITE_CONSTRAINT: kind = .constraint
        case SQLITE_BUSY, SQLITE_LOCKED: kind = .busy
        case SQLITE_MISUSE: kind = .misuse
        default: kind = .sqlite
        }
        return StoreError(
            code: kind, message: message, function: function, resultCode: primary, extendedResultCode: extended)
    }

    private static func genericMessage(for code: Int32) -> String {
        guard let text = sqlite3_errstr(code) else {
            return "SQLite result code \(code)"
        }
        return String(cString: text)
    }
}
