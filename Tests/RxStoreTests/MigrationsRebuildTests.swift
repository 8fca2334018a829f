import RxStore
import Testing

/// Steps that rebuild a table other tables reference (SQLite's create-copy-drop-rename procedure).
@Suite("Migrations rebuilding referenced tables")
struct MigrationsRebuildTests {
    private static let parentAndChild = Migration(
        version: 10, name: "parent and child",
        sql: """
            CREATE TABLE parent (code TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE child (id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES parent (code));
            INSERT INTO parent VALUES ('B', 'second'), ('A', 'first');
            INSERT INTO child (code) VALUES ('A'), ('B'), ('B');
            """)

    /// The parent rebuilt as a rowid table in arrival order, keyed by code through a unique index.
    private static func rebuild(copying filter: String, flagged: Bool) -> Migration {
        Migration(
            version: 11, name: "parent in arrival order",
            sql: """
                CREATE TABLE parent_v2 (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
                INSERT INTO parent_v2 (code, body) SELECT code, body FROM parent \(filter) ORDER BY body;
                DROP TABLE parent;
                ALTER TABLE parent_v2 RENAME TO parent;
                """,
            rebuildsReferencedTables: flagged)
    }

    private func connection() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        try connection.execute("PRAGMA foreign_keys = ON")
        try Migrations([Self.parentAndChild]).apply(to: connection, logger: quietLogger)
        return connection
    }

    @Test("a flagged rebuild keeps every reference and turns enforcement back on")
    func flaggedRebuild() throws {
        let connection = try self.connection()
        let steps = Migrations([Self.parentAndChild, Self.rebuild(copying: "", flagged: true)])
        #expect(try steps.apply(to: connection, logger: quietLogger).map(\.version) == [11])
        #expect(try connection.query("SELECT id, code FROM parent ORDER BY id") { "\($0.int64(at: 0))\($0.string(at: 1) ?? "")" }
            == ["1A", "2B"])
        #expect(try connection.scalar("SELECT count(*) FROM child JOIN parent USING (code)") == .integer(3))
        #expect(try connection.pragma("foreign_keys") == .integer(1))
        let orphan = try #require(throws: StoreError.self) {
            try connection.run("INSERT INTO child (code) VALUES ('Z')")
        }
        #expect(orphan.code == .constraint, "the child table must still point at the rebuilt parent")
    }

    @Test("a rebuild that loses a referenced row is rolled back whole")
    func lossyRebuildRefused() throws {
        let connection = try self.connection()
        let steps = Migrations([Self.parentAndChild, Self.rebuild(copying: "WHERE code = 'A'", flagged: true)])
        let error = try #require(throws: StoreError.self) { try steps.apply(to: connection, logger: quietLogger) }
        #expect(error.code == .migrationFailed)
        #expect("\(error)".contains("refer to missing parents"))
        #expect(try Migrations.schemaVersion(of: connection) == 10)
        #expect(try connection.scalar("SELECT count(*) FROM parent") == .integer(2))
        #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'parent_v2'") == .integer(0))
        #expect(try connection.pragma("foreign_keys") == .integer(1))
    }

    @Test("without the flag, enforcement refuses to drop a referenced table")
    func unflaggedRebuildFails() throws {
        let connection = try self.connection()
        let steps = Migrations([Self.parentAndChild, Self.rebuild(copying: "", flagged: false)])
        let error = try #require(throws: StoreError.self) { try steps.apply(to: connection, logger: quietLogger) }
        #expect(error.code == .migrationFailed)
        #expect(try connection.scalar("SELECT count(*) FROM parent") == .integer(2))
    }
}
