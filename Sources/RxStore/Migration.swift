/// One versioned step of the database schema: applied once, in its own transaction, when a database
/// whose `PRAGMA user_version` is below `version` is opened.
public struct Migration: Sendable, Hashable {
    /// The schema version this migration produces; versions run 1, 2, 3, … without gaps.
    public let version: Int
    /// A short name for logs, saying what the migration adds.
    public let name: String
    /// The SQL script (one or more statements) that takes the schema from `version - 1` to `version`.
    public let sql: String
    /// Whether the step rebuilds a table that other tables reference (create a new table, copy, drop the
    /// old one, rename). SQLite can only do that with foreign-key enforcement off, which cannot change
    /// inside a transaction; such a step runs with enforcement off and must leave `PRAGMA
    /// foreign_key_check` empty before it commits, so no reference is ever left dangling.
    public let rebuildsReferencedTables: Bool

    public init(version: Int, name: String, sql: String, rebuildsReferencedTables: Bool = false) {
        self.version = version
        self.name = name
        self.sql = sql
        self.rebuildsReferencedTables = rebuildsReferencedTables
    }
}
