import Foundation
import Logging

/// A fixed set of read-only connections that callers borrow one at a time.
///
/// WAL lets these read beside the writer: a reader sees the last committed state when its read began and
/// never waits for the writer, nor the writer for it. Reads are expected to be quick, so a caller that
/// finds every connection busy simply blocks until one comes back.
public final class StoreReaderPool: @unchecked Sendable {
    // Confinement: a connection sits in `idle` (guarded by `condition`) or is lent to exactly one caller.
    private let condition = NSCondition()
    private var idle: [SQLiteConnection]
    private var lentCount = 0
    private var isClosed = false
    private let logger: Logger
    /// How many connections the pool holds.
    public let size: Int

    /// Opens `size` read-only connections to `path`, which must already be a WAL database.
    init(path: String, size: Int, busyTimeoutMilliseconds: Int32, logger: Logger) throws {
        let count = max(1, size)
        var connections: [SQLiteConnection] = []
        for _ in 0..<count {
            let connection = try SQLiteConnection(path: path, mode: .readOnly, logger: logger)
            try connection.configureForReading(busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            connections.append(connection)
        }
        self.idle = connections
        self.size = count
        self.logger = logger
    }

    /// Borrows a connection and runs `body` on it inside one read transaction, so every query in `body`
    /// sees the same consistent snapshot.
    ///
    /// - Warning: Do not keep the connection (or statements from it) beyond `body`, and do not nest
    ///   reads deeper than the pool size: each level holds a connection while waiting for another.
    public func read<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        try self.withConnection { connection in
            try connection.run("BEGIN")
            defer { self.endReadTransaction(on: connection) }
            return try body(connection)
        }
    }

    /// Borrows a connection without opening a transaction (backups manage their own).
    func withConnection<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        let connection = try self.borrow()
        defer { self.giveBack(connection) }
        return try body(connection)
    }

    /// Waits until every borrowed connection is back, then closes them all. Later reads throw `.closed`.
    public func close() {
        self.condition.lock()
        self.isClosed = true
        while self.lentCount > 0 {
            self.condition.wait()
        }
        let connections = self.idle
        self.idle.removeAll()
        self.condition.unlock()
        for connection in connections {
            connection.close()
        }
    }

    private func borrow() throws -> SQLiteConnection {
        self.condition.lock()
        defer { self.condition.unlock() }
        while true {
            if self.isClosed {
                throw StoreError.closed("store reader pool", operation: "StoreReaderPool.read")
            }
            if let connection = self.idle.popLast() {
                self.lentCount += 1
                return connection
            }
            self.condition.wait()
        }
    }

    private func giveBack(_ connection: SQLiteConnection) {
        self.condition.lock()
        self.idle.append(connection)
        self.lentCount -= 1
        self.condition.broadcast()
        self.condition.unlock()
    }

    private func endReadTransaction(on connection: SQLiteConnection) {
        guard connection.isInTransaction else {
            return
        }
        do {
            try connection.run("COMMIT")
        } catch {
            self.logger.error("ending a read transaction failed", metadata: ["error": "\(error)"])
        }
    }
}
