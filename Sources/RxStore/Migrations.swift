import Logging

/// The ordered list of schema migrations and the logic that brings a database up to date.
///
/// The schema version lives in `PRAGMA user_version`, which SQLite stores in the file header and changes
/// transactionally, so a migration and its version bump commit together or not at all. A database whose
/// version is newer than the newest migration this build knows is refused: running old code against a
/// newer schema could silently misread or damage records.
public struct Migrations: Sendable, Hashable {
    /// The migrations, oldest first.
    public let steps: [Migration]

    /// Wraps `steps`, which must be numbered 1, 2, 3, … in order (checked by ``apply(to:logger:)``).
    public init(_ steps: [Migration]) {
        self.steps = steps
    }

    /// The schema version a fully migrated database has.
    public var latestVersion: Int {
        self.steps.last?.version ?? 0
    }

    /// The schema version recorded in the database behind `connection`.
    public static func schemaVersion(of connection: SQLiteConnection) throws -> Int {
        Int(truncatingIfNeeded: try connection.pragma("user_version").int64Value ?? 0)
    }

    /// Applies every migration newer than the database's version, each in its own `BEGIN IMMEDIATE`
    /// transaction, and returns those applied (empty when the database was already current).
    ///
    /// - Throws: `StoreError.schemaTooNew` when the database is newer than this build;
    ///   `StoreError.migrationFailed` (with the SQLite error as `cause`) when a migration fails, leaving
    ///   the database at the last version that succeeded; `StoreError.misuse` when the list is misnumbered.
    @discardableResult
    public func apply(to connection: SQLiteConnection, logger: Logger) throws -> [Migration] {
        try self.validate()
        let found = try Self.schemaVersion(of: connection)
        try self.refuseIfNewer(found)
        var applied: [Migration] = []
        for migration in self.steps where migration.version > found {
            let didApply: Bool
            do {
                didApply = try connection.immediateTransaction { connection in
                    // Re-read under the write lock: another process may have migrated since the check above.
                    let current = try Self.schemaVersion(of: connection)
                    try self.refuseIfNewer(current)
                    guard current < migration.version else {
                        return false
                    }
                    try connection.execute(migration.sql)
                    try connection.execute("PRAGMA user_version = \(migration.version)")
                    return true
                }
            } catch let error as StoreError where error.code == .schemaTooNew {
                throw error
            } catch {
                throw StoreError(
                    code: .migrationFailed,
                    message: "migration \(migration.version) '\(migration.name)' failed and was rolled back; "
                        + "the database stays at version \(migration.version - 1)",
                    function: "Migrations.apply", cause: error)
            }
            if didApply {
                logger.info(
                    "applied schema migration",
                    metadata: ["version": "\(migration.version)", "name": "\(migration.name)", "path": "\(connection.path)"])
                applied.append(migration)
            }
        }
        return applied
    }

    private func refuseIfNewer(_ version: Int) throws {
        guard version <= self.latestVersion else {
            throw StoreError(
                code: .schemaTooNew,
                message: "database schema version \(version) is newer than this build knows "
                    + "(\(self.latestVersion)); refusing to open it: run a newer rx-server",
                function: "Migrations.apply")
        }
    }

    private func validate() throws {
        for (offset, migration) in self.steps.enumerated() where migration.version != offset + 1 {
            throw StoreError(
                code: .misuse,
                message: "migration '\(migration.name)' has version \(migration.version), expected \(offset + 1): "
                    + "versions must run 1, 2, 3, … without gaps",
                function: "Migrations.apply")
        }
    }
}
