import CSQLite3
import Foundation
import RxStore
import Testing

@Suite("Store")
struct StoreTests {
    @Test("open creates the directory and the database file")
    func createsDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let nested = directory + "/data/rx"
            let store = try Store.open(directory: nested, logger: quietLogger, readers: 2)
            defer { store.close() }
            #expect(store.path == nested + "/" + Store.fileName)
            #expect(FileManager.default.fileExists(atPath: store.path))
            #expect(store.readers.size == 2)
        }
    }

    @Test("the write connection runs WAL, synchronous=FULL and foreign keys")
    func writerPragmas() async throws {
        try await withStore { store, _ in
            let pragmas = try store.write { connection in
                [
                    try connection.pragma("journal_mode"), try connection.pragma("synchronous"),
                    try connection.pragma("foreign_keys"),
                ]
            }
            #expect(pragmas == [.text("wal"), .integer(2), .integer(1)])
        }
    }

    @Test("reader connections see WAL, are query-only and refuse writes")
    func readerPragmas() async throws {
        try await withStore { store, _ in
            let pragmas = try store.read { [try $0.pragma("journal_mode"), try $0.pragma("query_only")] }
            #expect(pragmas == [.text("wal"), .integer(1)])
            let error = try #require(throws: StoreError.self) {
                try store.read { try $0.run("INSERT INTO meta (key, value) VALUES ('x', 1)") }
            }
            #expect(error.resultCode == SQLITE_READONLY)
        }
    }

    @Test("backup while open produces a readable copy with committed data")
    func onlineBackup() async throws {
        try await withStore { store, directory in
            try store.write { try $0.run("INSERT INTO meta (key, value) VALUES ('note', 'sao lưu')") }
            let copyPath = directory + "/backup.sqlite3"
            try store.backup(to: copyPath)
            let copy = try SQLiteConnection(path: copyPath, mode: .readOnly, logger: quietLogger)
            #expect(try copy.scalar("SELECT value FROM meta WHERE key = 'note'") == .text("sao lưu"))
            #expect(try Migrations.schemaVersion(of: copy) == Migrations.standard.latestVersion)
        }
    }

    @Test("after close, reads and writes throw .closed")
    func closedStore() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Store.open(directory: directory, logger: quietLogger)
            store.close()
            store.close()
            let writeError = try #require(throws: StoreError.self) { try store.write { _ in 1 } }
            #expect(writeError.code == .closed)
            let readError = try #require(throws: StoreError.self) { try store.read { _ in 1 } }
            #expect(readError.code == .closed)
        }
    }

    @Test("data written before close is there after reopening")
    func persistsAcrossReopen() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Store.open(directory: directory, logger: quietLogger)
            try await store.write { try $0.run("INSERT INTO meta (key, value) VALUES ('durable', ?)", .blob([1, 2])) }
            store.close()
            let reopened = try Store.open(directory: directory, logger: quietLogger)
            defer { reopened.close() }
            #expect(try reopened.read { try $0.scalar("SELECT value FROM meta WHERE key = 'durable'") } == .blob([1, 2]))
        }
    }

    @Test("the writer and checkpoint threads carry their names where top -H and perf look (/proc)")
    func namedThreads() async throws {
        func threadNames() -> Set<String> {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return Set(tasks.compactMap { task in
                try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8).trimmingCharacters(in: .newlines)
            })
        }
        try await withStore { _, _ in
            // Each thread names itself as it starts, which may be a moment after the store has opened.
            #expect(await eventually(seconds: 10) { threadNames().isSuperset(of: ["rx-store-writer", "rx-checkpoint"]) },
                    "threads seen: \(threadNames().sorted())")
        }
    }

    @Test("neither the readers nor the writer map the file: under writes SQLite would unmap it for every read")
    func noMappedReads() async throws {
        try await withStore { store, _ in
            #expect(try store.read { try $0.pragma("mmap_size") } == .integer(0))
            let writer = try await store.write { try $0.pragma("mmap_size") }
            #expect(writer == .integer(0))
        }
    }
}
