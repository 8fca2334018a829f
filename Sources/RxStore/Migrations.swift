import Logging

/// The schema migrations of every area and the logic that brings a database up to date.
///
/// Each area of the clearinghouse owns a range of versions (store 1–99, drug catalog 100–199,
/// interactions 200–299, prescriptions 300–399), so areas can add steps independently. Applied steps are
/// recorded in the `schema_migrations` ledger inside the same transaction as their SQL, so a step and its
/// record commit together or not at all, and a step added later with a lower number than one already
/// applied is still applied. `PRAGMA user_version` mirrors the highest applied version for tools.
/// A database that records a step this build does not know is refused: running old code against a newer
/// schema could silently misread or damage records.
public struct Migrations: Sendable, Hashable {
    /// The migrations in ascending version order.
    public let steps: [Migration]

    /// Wraps `steps`, whose versions must be positive and strictly increasing (checked by
    /// ``apply(to:logger:)``).
    public init(_ steps: [Migration]) {
        self.steps = steps
    }

    /// The union of several areas' steps, sorted by version.
    public init(combining areas: [[Migration]]) {
        self.steps = areas.flatMap { $0 }.sorted { $0.version < $1.version }
    }

    /// The highest version this build knows.
    public var latestVersion: Int {
        self.steps.last?.version ?? 0
    }

    /// The highest schema version applied to the database behind `connection`.
    public static func schemaVersion(of connection: SQLiteConnection) throws -> Int {
        Int(truncatingIfNeeded: try connection.pragma("user_version").int64Value ?? 0)
    }

    /// Applies every migration the database has not recorded, each in its own `BEGIN IMMEDIATE`
    /// transaction, in version order, and returns those applied (empty when the database was current).
    ///
    /// - Throws: `StoreError.schemaTooNew` when the database records a step this build does not know;
    ///   `StoreError.migrationFailed` (with the SQLite error as `cause`) when a migration fails, leaving
    ///   the database as it was before that step; `StoreError.misuse` when the list is misnumbered.
    @discardableResult
    public func apply(to connection: SQLiteConnection, logger: Logger) throws -> [Migration] {
        try self.validate()
        var recorded = try connection.immediateTransaction { connection in
            try self.prepareLedger(connection)
        }
        try self.refuseUnknown(recorded)
        var applied: [Migration] = []
        for migration in self.steps where !recorded.contains(migration.version) {
            let didApply: Bool
            do {
                didApply = try Self.withForeignKeysOff(migration.rebuildsReferencedTables, on: connection) {
                    try connection.immediateTransaction { connection in try self.applyIfMissing(migration, on: connection) }
                }
            } catch {
                throw StoreError(
                    code: .migrationFailed,
                    message: "migration \(migration.version) '\(migration.name)' failed and was rolled back; "
                        + "the database stays as it was before it",
                    function: "Migrations.apply", cause: error)
            }
            recorded.insert(migration.version)
            if didApply {
                logger.info(
                    "applied schema migration",
                    metadata: ["version": "\(migration.version)", "name": "\(migration.name)", "path": "\(connection.path)"])
                applied.append(migration)
            }
        }
        return applied
    }

    /// Applies `migration` inside the caller's transaction unless another process already did; returns
    /// whether it applied it.
    private func applyIfMissing(_ migration: Migration, on connection: SQLiteConnection) throws -> Bool {
        // Re-read under the write lock: another process may have migrated since the first check.
        guard try connection.scalar(
            "SELECT count(*) FROM schema_migrations WHERE version = ?", .integer(Int64(migration.version))
        ) == .integer(0) else {
            return false
        }
        try connection.execute(migration.sql)
        if migration.rebuildsReferencedTables { try Self.requireIntactReferences(on: connection) }
        try connection.run(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%s','now'))",
            .integer(Int64(migration.version)), .text(migration.name))
        if try Self.schemaVersion(of: connection) < migration.version {
            try connection.execute("PRAGMA user_version = \(migration.version)")
        }
        return true
    }

    /// Runs `body` with foreign-key enforcement off when `off` is set (SQLite ignores the pragma inside a
    /// transaction, so it is switched around the step's transaction), restoring the previous setting.
    private static func withForeignKeysOff<Result>(
        _ off: Bool, on connection: SQLiteConnection, _ body: () throws -> Result
    ) throws -> Result {
        guard off else { return try body() }
        let previous = try connection.pragma("foreign_keys").int64Value ?? 0
        try connection.execute("PRAGMA foreign_keys = OFF")
        let result = Swift.Result { try body() }
        // Restoring enforcement must not fail silently: a connection left without it would accept
        // dangling references from then on. The step's own error, if any, is the one reported.
        let restored = Swift.Result { try connection.execute("PRAGMA foreign_keys = \(previous == 0 ? "OFF" : "ON")") }
        let value = try result.get()
        try restored.get()
        return value
    }

    /// Fails the step when a rebuild left a row referring to a parent that no longer exists.
    private static func requireIntactReferences(on connection: SQLiteConnection) throws {
        let dangling = try connection.query("PRAGMA foreign_key_check") { row in
            "\(row.string(at: 0) ?? "?") row \(row.int64(at: 1)) → \(row.string(at: 2) ?? "?")"
        }
        guard dangling.isEmpty else {
            throw StoreError(
                code: .constraint,
                message: "\(dangling.count) rows refer to missing parents after the rebuild, first: \(dangling[0])",
                function: "Migrations.apply")
        }
    }

    /// Creates the ledger if needed and returns the recorded versions. A database migrated before the
    /// ledger existed recorded only `user_version` (steps 1…n without gaps): those steps are entered.
    private func prepareLedger(_ connection: SQLiteConnection) throws -> Set<Int> {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at INTEGER NOT NULL)
            """)
        let versions = try connection.query("SELECT version FROM schema_migrations") { Int($0.int64(at: 0)) }
        if versions.isEmpty {
            let legacy = try Self.schemaVersion(of: connection)
            guard legacy > 0 else { return [] }
            guard legacy <= self.latestVersion else {
                throw self.tooNew("database schema version \(legacy) is newer than this build knows (\(self.latestVersion))")
            }
            for migration in self.steps where migration.version <= legacy {
                try connection.run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%s','now'))",
                    .integer(Int64(migration.version)), .text(migration.name))
            }
            return Set(self.steps.map(\.version).filter { $0 <= legacy })
        }
        return Set(versions)
    }

    private func refuseUnknown(_ recorded: Set<Int>) throws {
        let unknown = recorded.subtracting(self.steps.map(\.version)).sorted()
        guard unknown.isEmpty else {
            throw self.tooNew("database has schema steps this build does not know: \(unknown)")
        }
    }

    private func tooNew(_ detail: String) -> StoreError {
        StoreError(
            code: .schemaTooNew, message: "\(detail); refusing to open it: run a newer rx-server",
            function: "Migrations.apply")
    }

    private func validate() throws {
        var previous = 0
        for migration in self.steps {
            guard migration.version > previous else {
                throw StoreError(
                    code: .misuse,
                    message: "migration '\(migration.name)' has version \(migration.version) after \(previous): "
                        + "versions must be positive and strictly increasing",
                    function: "Migrations.apply")
            }
            previous = migration.version
        }
    }
}
