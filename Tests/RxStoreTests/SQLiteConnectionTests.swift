import CSQLite3
import Foundation
import RxStore
import Testing

@Suite("SQLiteConnection")
struct SQLiteConnectionTests {
    @Test("bad SQL throws a StoreError carrying the result code, function and SQLite's message")
    func badSQL() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        let error = try #require(throws: StoreError.self) {
            try connection.withStatement("SELEC 1") { try $0.step() }
        }
        #expect(error.code == .sqlite)
        #expect(error.resultCode == SQLITE_ERROR)
        #expect(error.extendedResultCode == SQLITE_ERROR)
        #expect(error.function == "sqlite3_prepare_v3")
        #expect(error.message.contains("syntax error"))
        #expect(error.message.contains("SELEC"))
    }

    @Test("execute reports errors from scripts too")
    func executeError() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        let error = try #require(throws: StoreError.self) {
            try connection.execute("CREATE TABLE a (x); INSERT INTO missing VALUES (1)")
        }
        #expect(error.function == "sqlite3_exec")
        #expect(error.message.contains("no such table: missing"))
    }

    @Test("a constraint violation carries the extended code and maps to .constraint")
    func constraintViolation() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        try connection.execute("CREATE TABLE drug (code TEXT PRIMARY KEY)")
        try connection.run("INSERT INTO drug VALUES (?)", "VN-123")
        let error = try #require(throws: StoreError.self) {
            try connection.run("INSERT INTO drug VALUES (?)", "VN-123")
        }
        #expect(error.code == .constraint)
        #expect(error.resultCode == SQLITE_CONSTRAINT)
        #expect(error.extendedResultCode == SQLITE_CONSTRAINT | (6 << 8))  // SQLITE_CONSTRAINT_PRIMARYKEY, a macro Swift cannot import
        #expect(error.function == "sqlite3_step")
        #expect(error.message.contains("UNIQUE constraint failed: drug.code"))
    }

    @Test("statements are cached by SQL text; a nested use of the same SQL gets its own statement")
    func statementCache() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        for _ in 0..<3 {
            #expect(try connection.scalar("SELECT 40 + 2") == .integer(42))
        }
        #expect(connection.cachedStatementCount == 1)
        let nested = try connection.withStatement("SELECT ?") { outer in
            try outer.bind(1, at: 1)
            let inner = try connection.withStatement("SELECT ?") { inner in
                try inner.bind(2, at: 1)
                return try inner.step() ? inner.int(at: 0) : 0
            }
            return (try outer.step() ? outer.int(at: 0) : 0, inner)
        }
        #expect(nested.0 == 1)
        #expect(nested.1 == 2)
    }

    @Test("withStatement refuses SQL holding more than one statement")
    func oneStatementOnly() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        let error = try #require(throws: StoreError.self) {
            try connection.withStatement("SELECT 1; SELECT 2") { try $0.step() }
        }
        #expect(error.code == .misuse)
        #expect(try connection.scalar("SELECT 1;  ") == .integer(1))
    }

    @Test("a closed connection throws .closed")
    func closed() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWrite, logger: quietLogger)
        connection.close()
        #expect(connection.isClosed)
        let error = try #require(throws: StoreError.self) { try connection.execute("SELECT 1") }
        #expect(error.code == .closed)
    }

    @Test("opening a missing file read-only fails with SQLITE_CANTOPEN and names the path")
    func cantOpen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/absent.sqlite3"
            let error = try #require(throws: StoreError.self) {
                try SQLiteConnection(path: path, mode: .readOnly, logger: quietLogger)
            }
            #expect(error.resultCode == SQLITE_CANTOPEN)
            #expect(error.function == "sqlite3_open_v2")
            #expect(error.message.contains(path))
        }
    }

    @Test("backup copies the database to a new file")
    func backup() async throws {
        try await withTemporaryDirectory { directory in
            let source = try SQLiteConnection(path: directory + "/source.sqlite3", mode: .readWrite, logger: quietLogger)
            try source.execute("CREATE TABLE dispense (id INTEGER PRIMARY KEY, note TEXT)")
            for number in 1...100 {
                try source.run("INSERT INTO dispense (note) VALUES (?)", .text("lần cấp \(number)"))
            }
            try source.backup(to: directory + "/copy.sqlite3")
            let copy = try SQLiteConnection(path: directory + "/copy.sqlite3", mode: .readOnly, logger: quietLogger)
            #expect(try copy.scalar("SELECT count(*) FROM dispense") == .integer(100))
            #expect(try copy.scalar("SELECT note FROM dispense WHERE id = 100") == .text("lần cấp 100"))
        }
    }
}
