import RxStore
import Testing

@Suite("Migrations")
struct MigrationsTests {
    private static let second = Migration(
        version: 2, name: "prescription", sql: "CREATE TABLE prescription (id TEXT PRIMARY KEY, body BLOB)")

    @Test("a fresh database gets every migration once; reopening applies nothing")
    func appliesOnce() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/db.sqlite3"
            let first = try SQLiteConnection(path: path, mode: .readWrite, logger: quietLogger)
            let applied = try Migrations.standard.apply(to: first, logger: quietLogger)
            #expect(applied.map(\.version) == [1])
            #expect(try Migrations.schemaVersion(of: first) == 1)
            let created = try first.scalar("SELECT value FROM meta WHERE key = 'created_at'")
            #expect(created.stringValue?.hasPrefix("20") == true)
            first.close()

            let again = try SQLiteConnection(path: path, mode: .readWrite, logger: quietLogger)
            #expect(try Migrations.standard.apply(to: again, logger: quietLogger).isEmpty)
            #expect(try again.scalar("SELECT value FROM meta WHERE key = 'created_at'") == created)
            #expect(try again.scalar("SELECT count(*) FROM meta") == .integer(2))
        }
    }

    @Test("the store is idempotent on reopen and keeps its creation time")
    func storeReopen() async throws {
        try await withTemporaryDirectory { directory in
            let first = try Store.open(directory: directory, logger: quietLogger)
            let created = try first.read { try $0.scalar("SELECT value FROM meta WHERE key = 'created_at'") }
            first.close()
            let second = try Store.open(directory: directory, logger: quietLogger)
            defer { second.close() }
            #expect(try second.read { try $0.scalar("SELECT value FROM meta WHERE key = 'created_at'") } == created)
            #expect(try second.read { try Migrations.schemaVersion(of: $0) } == Migrations.standard.latestVersion)
        }
    }

    @Test("a newer migration list upgrades an older database, applying only what is missing")
    func upgrade() async throws {
        try await withTemporaryDirectory { directory in
            try Store.open(directory: directory, logger: quietLogger).close()
            let upgraded = Migrations(Migrations.standard.steps + [Self.second])
            let store = try Store.open(
                directory: directory, configuration: Store.Configuration(migrations: upgraded), logger: quietLogger)
            defer { store.close() }
            #expect(try store.read { try Migrations.schemaVersion(of: $0) } == 2)
            #expect(try store.read { try $0.scalar("SELECT count(*) FROM prescription") } == .integer(0))
            #expect(try store.read { try $0.scalar("SELECT count(*) FROM meta") } == .integer(2))
        }
    }

    @Test("a database newer than the code is refused with .schemaTooNew")
    func newerRefused() async throws {
        try await withTemporaryDirectory { directory in
            let connection = try SQLiteConnection(
                path: directory + "/" + Store.fileName, mode: .readWrite, logger: quietLogger)
            try connection.execute("PRAGMA user_version = 99")
            connection.close()
            let error = try #require(throws: StoreError.self) {
                try Store.open(directory: directory, logger: quietLogger)
            }
            #expect(error.code == .schemaTooNew)
            #expect(error.message.contains("99"))
        }
    }

    @Test("a failing migration is rolled back whole and leaves the previous version")
    func failingMigration() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/db.sqlite3"
            let connection = try SQLiteConnection(path: path, mode: .readWrite, logger: quietLogger)
            let broken = Migration(
                version: 2, name: "broken", sql: "CREATE TABLE half (x); INSERT INTO missing VALUES (1)")
            let error = try #require(throws: StoreError.self) {
                try Migrations(Migrations.standard.steps + [broken]).apply(to: connection, logger: quietLogger)
            }
            #expect(error.code == .migrationFailed)
            #expect((error.cause as? StoreError)?.message.contains("no such table: missing") == true)
            #expect(try Migrations.schemaVersion(of: connection) == 1)
            #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'half'") == .integer(0))
        }
    }

    @Test("a migration list with repeated or decreasing versions is refused before touching the database")
    func misnumbered() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        let repeated = Migrations([Migrations.standard.steps[0], Migration(version: 1, name: "again", sql: "SELECT 1")])
        let error = try #require(throws: StoreError.self) { try repeated.apply(to: connection, logger: quietLogger) }
        #expect(error.code == .misuse)
        #expect(try Migrations.schemaVersion(of: connection) == 0)
    }

    @Test("areas number their steps in their own ranges; a lower step added later is still applied")
    func areaRanges() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        let prescriptions = Migration(version: 300, name: "rx", sql: "CREATE TABLE rx (id INTEGER)")
        let catalog = Migration(version: 100, name: "catalog", sql: "CREATE TABLE catalog (id INTEGER)")
        let first = Migrations(combining: [Migrations.standard.steps, [prescriptions]])
        #expect(try first.apply(to: connection, logger: quietLogger).map(\.version) == [1, 300])
        let later = Migrations(combining: [Migrations.standard.steps, [catalog], [prescriptions]])
        #expect(try later.apply(to: connection, logger: quietLogger).map(\.version) == [100])
        #expect(try later.apply(to: connection, logger: quietLogger).isEmpty)
        #expect(try Migrations.schemaVersion(of: connection) == 300)
        let error = try #require(throws: StoreError.self) { try first.apply(to: connection, logger: quietLogger) }
        #expect(error.code == .schemaTooNew, "a build without step 100 must refuse this database")
    }
}
