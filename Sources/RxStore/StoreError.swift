/// An error from the storage layer: what failed, in words a log reader can act on, plus SQLite's own
/// diagnosis when SQLite reported it.
///
/// Callers branch on ``code`` (for example `.overloaded` becomes `RESOURCE_EXHAUSTED`, `.constraint`
/// becomes `ALREADY_EXISTS` or `FAILED_PRECONDITION` in the domain layer); the SQLite fields are for
/// logs and for the rare caller that needs an exact extended code. Equality ignores ``cause``.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad kind of failure. A struct wrapping a private enum so new kinds can be added without
    /// breaking exhaustive switches in other modules.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case sqlite, constraint, busy, overloaded, closed, schemaTooNew, migrationFailed, misuse, io
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) {
            self.wrapped = wrapped
        }

        /// SQLite returned an error not covered by a more specific code.
        public static let sqlite = Code(.sqlite)
        /// A `UNIQUE`, `PRIMARY KEY`, `CHECK`, `NOT NULL` or foreign-key constraint refused the change.
        public static let constraint = Code(.constraint)
        /// The database stayed locked by another connection for longer than the busy timeout.
        public static let busy = Code(.busy)
        /// The writer's queue is full: the caller should back off (gRPC `RESOURCE_EXHAUSTED`).
        public static let overloaded = Code(.overloaded)
        /// The store (or the part of it being used) has been closed.
        public static let closed = Code(.closed)
        /// The database was written by a newer build whose schema this build does not know.
        public static let schemaTooNew = Code(.schemaTooNew)
        /// A schema migration failed and was rolled back.
        public static let migrationFailed = Code(.migrationFailed)
        /// The store was used in a way that can never work (for example a write issued from inside a
        /// write, which would wait for itself).
        public static let misuse = Code(.misuse)
        /// A file-system operation around the database (creating its directory) failed.
        public static let io = Code(.io)

        public var description: String {
            switch self.wrapped {
            case .sqlite: "sqlite"
            case .constraint: "constraint"
            case .busy: "busy"
            case .overloaded: "overloaded"
            case .closed: "closed"
            case .schemaTooNew: "schemaTooNew"
            case .migrationFailed: "migrationFailed"
            case .misuse: "misuse"
            case .io: "io"
            }
        }
    }

    /// The broad kind of failure; branch on this.
    public var code: Code
    /// A human-readable explanation; for SQLite failures this is `sqlite3_errmsg` at the time of failure.
    public var message: String
    /// The primary SQLite result code (`SQLITE_ERROR`, `SQLITE_CONSTRAINT`, …), or `nil` when SQLite
    /// was not the one that failed.
    public var resultCode: Int32?
    /// The extended SQLite result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_IOERR_FSYNC`, …), or `nil`.
    public var extendedResultCode: Int32?
    /// The C function (or store operation) that failed, for example `sqlite3_prepare_v3`.
    public var function: String
    /// The underlying error, when this error wraps another one (a failed migration wraps the SQLite
    /// error that stopped it). Ignored by `==`.
    public var cause: (any Error)?

    /// Creates an error; prefer the static constructors for store-level failures.
    public init(
        code: Code, message: String, function: String, resultCode: Int32? = nil,
        extendedResultCode: Int32? = nil, cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.function = function
        self.resultCode = resultCode
        self.extendedResultCode = extendedResultCode
        self.cause = cause
    }

    /// The writer's queue already holds `capacity` writes.
    public static func overloaded(capacity: Int) -> StoreError {
        StoreError(
            code: .overloaded, message: "write queue is full (\(capacity) pending writes); back off and retry",
            function: "StoreWriter.enqueue")
    }

    /// `operation` was attempted after `component` was closed.
    public static func closed(_ component: String, operation: String) -> StoreError {
        StoreError(code: .closed, message: "\(component) is closed", function: operation)
    }

    public var description: String {
        var text = "StoreError.\(self.code) in \(self.function): \(self.message)"
        if let resultCode = self.resultCode {
            text += " (sqlite result \(resultCode)"
            if let extended = self.extendedResultCode, extended != resultCode {
                text += ", extended \(extended)"
            }
            text += ")"
        }
        if let cause = self.cause {
            text += "; caused by \(cause)"
        }
        return text
    }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.function == rhs.function
            && lhs.resultCode == rhs.resultCode && lhs.extendedResultCode == rhs.extendedResultCode
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.code)
        hasher.combine(self.message)
        hasher.combine(self.function)
        hasher.combine(self.resultCode)
        hasher.combine(self.extendedResultCode)
    }
}
