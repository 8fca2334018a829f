/// One versioned step of the database schema: applied once, in its own transaction, when a database
/// whose `PRAGMA user_version` is below `version` is opened.
public struct Migration: Sendable, Hashable {
    /// The schema version this migration produces; versions run 1, 2, 3, … without gaps.
    public let version: Int
    /// A short name for logs, saying what the migration adds.
    public let name: String
    /// The SQL script (one or more statements) that takes the schema from `version - 1` to `version`.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
