import Foundation
import Logging

/// The clearinghouse's database: one SQLite file in WAL mode, one serialized group-committing writer,
/// and a pool of readers.
///
/// Open it once at start-up with ``open(directory:logger:readers:)``: that creates the directory, brings
/// the schema up to date (refusing a database from a newer build) and starts the writer thread. Close it
/// at shutdown with ``close()``, which commits every write already queued.
public final class Store: Sendable {
    /// The database file name inside the data directory.
    public static let fileName = "rx.sqlite3"

    /// The path of the database file.
    public let path: String
    /// The single writer; see ``StoreWriter``.
    public let writer: StoreWriter
    /// The read-only connections; see ``StoreReaderPool``.
    public let readers: StoreReaderPool
    /// Keeps the WAL short off the writer's thread (`nil` when configured off).
    private let checkpointer: StoreCheckpointer?

    private init(path: String, writer: StoreWriter, readers: StoreReaderPool, checkpointer: StoreCheckpointer?) {
        self.path = path
        self.writer = writer
        self.readers = readers
        self.checkpointer = checkpointer
    }

    /// Opens (creating when needed) the store in `directory` with default limits.
    ///
    /// - Parameters:
    ///   - directory: The data directory; created with its parents when missing.
    ///   - logger: Where the store logs migrations and failed batches.
    ///   - readers: How many read-only connections to keep.
    public static func open(directory: String, logger: Logger, readers: Int = 4) throws -> Store {
        try self.open(directory: directory, configuration: Configuration(readers: readers), logger: logger)
    }

    /// Opens (creating when needed) the store in `directory`.
    ///
    /// - Throws: `StoreError.io` when the directory cannot be created, `.schemaTooNew` for a database
    ///   written by a newer build, `.migrationFailed`, or the SQLite error that stopped opening.
    public static func open(directory: String, configuration: Configuration, logger: Logger) throws -> Store {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                code: .io, message: "cannot create data directory \(directory)",
                function: "FileManager.createDirectory", cause: error)
        }
        let path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
        let connection = try SQLiteConnection(path: path, mode: .readWrite, logger: logger)
        try connection.configureForWriting(busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        try configuration.migrations.apply(to: connection, logger: logger)
        // Readers open after the writer has switched the file to WAL, which they check.
        let readers = try StoreReaderPool(
            path: path, size: configuration.readers,
            busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds, logger: logger)
        var checkpointer: StoreCheckpointer?
        if configuration.checkpointIntervalMilliseconds > 0 {
            try connection.execute("PRAGMA wal_autocheckpoint=\(StoreCheckpointer.writerAutoCheckpointPages)")
            checkpointer = try StoreCheckpointer(
                path: path, intervalMilliseconds: configuration.checkpointIntervalMilliseconds,
                busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds, logger: logger)
        }
        let writer = StoreWriter(connection: connection, configuration: configuration.writer, logger: logger)
        logger.info(
            "store opened",
            metadata: [
                "path": "\(path)", "schemaVersion": "\(configuration.migrations.latestVersion)",
                "readers": "\(readers.size)",
            ])
        return Store(path: path, writer: writer, readers: readers, checkpointer: checkpointer)
    }

    /// Runs `body` in the writer's next batch, blocking until it has committed. See
    /// ``StoreWriter/write(_:)-swift.method``.
    @discardableResult
    public func write<Value: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Value) throws -> Value {
        try self.writer.write(body)
    }

    /// Runs `body` in the writer's next batch, suspending until it has committed.
    @discardableResult
    public func write<Value: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Value) async throws -> Value {
        try await self.writer.write(body)
    }

    /// Runs `body` in the writer's next batch and calls `completion` on the writer thread after it has
    /// committed (and, for `.synchronous`, fsynced). See ``StoreWriter/write(_:durability:completion:)``.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (SQLiteConnection) throws -> Value, durability: WriteDurability = .synchronous,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        self.writer.write(body, durability: durability, completion: completion)
    }

    /// Runs `body` on a borrowed read-only connection inside one read transaction.
    public func read<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        try self.readers.read(body)
    }

    /// Writes a consistent copy of the database to `path` while the store keeps serving, using a reader
    /// connection so the writer is not held up.
    public func backup(to path: String) throws {
        try self.readers.withConnection { connection in
            try connection.backup(to: path)
        }
    }

    /// Closes the readers and the checkpointer, then lets the writer commit what is queued and closes it
    /// (its connection, the last one, checkpoints the WAL away). Later calls throw `.closed`.
    public func close() {
        self.readers.close()
        self.checkpointer?.close()
        self.writer.close()
    }
}
