extension SQLiteConnection {
    /// Runs one statement with `values` bound to its parameters in order, stepping it to completion, and
    /// returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: SQLiteValue...) throws -> Int {
        try self.withStatement(sql) { statement in
            try statement.bind(values)
            while try statement.step() {}
            return self.changes
        }
    }

    /// Runs one query with `values` bound to its parameters and maps every result row with `row`.
    ///
    /// - Warning: The statement passed to `row` is valid only during that call.
    @inlinable
    public func query<Row>(
        _ sql: String, _ values: SQLiteValue..., row: (SQLiteStatement) throws -> Row
    ) throws -> [Row] {
        try self.withStatement(sql) { statement in
            try statement.bind(values)
            var rows: [Row] = []
            try statement.forEachRow { rows.append(try row($0)) }
            return rows
        }
    }

    /// The first column of the first row of a query, or `.null` when it returns no rows.
    public func scalar(_ sql: String, _ values: SQLiteValue...) throws -> SQLiteValue {
        try self.withStatement(sql) { statement in
            try statement.bind(values)
            return try statement.step() ? statement.value(at: 0) : .null
        }
    }

    /// The current value of the pragma `name` (for example `journal_mode` or `user_version`).
    ///
    /// - Parameter name: A pragma name from code, never from input: pragmas cannot take bound parameters.
    public func pragma(_ name: String) throws -> SQLiteValue {
        try self.scalar("PRAGMA \(name)")
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// `IMMEDIATE` takes the write lock up front, so the transaction cannot fail halfway with `BUSY` on
    /// upgrading a read lock. Used for migrations and maintenance; regular writes go through
    /// ``StoreWriter``, which batches many of them into one such transaction.
    public func immediateTransaction<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        try self.execute("BEGIN IMMEDIATE")
        do {
            let result = try body(self)
            try self.execute("COMMIT")
            return result
        } catch {
            if self.isInTransaction {
                try? self.execute("ROLLBACK")
            }
            throw error
        }
    }
}
