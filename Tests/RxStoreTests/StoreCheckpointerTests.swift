import Foundation
import RxStore
import Testing

/// The WAL is copied into the database file by the background checkpointer, not by the writer.
@Suite("Background checkpoints")
struct StoreCheckpointerTests {
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Writes about 8 MB (2,000 pages: past SQLite's default automatic checkpoint, far below the writer's
    /// threshold when the checkpointer runs) and returns the database file's size a while later.
    static func databaseSizeAfterWriting(checkpointIntervalMilliseconds: Int) async throws -> Int {
        try await withStore(configuration: Store.Configuration(checkpointIntervalMilliseconds: checkpointIntervalMilliseconds)) {
            store, directory in
            try await store.write { try $0.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)") }
            for _ in 0..<8 {
                try await store.write { connection in
                    for _ in 0..<256 { try connection.run("INSERT INTO blobs (data) VALUES (randomblob(4000))") }
                }
            }
            let path = directory + "/" + Store.fileName
            let deadline = Date().addingTimeInterval(5)
            while Self.fileSize(path) < 8_000_000, Date() < deadline { try await Task.sleep(nanoseconds: 10_000_000) }
            return Self.fileSize(path)
        }
    }

    @Test("with the checkpointer the committed pages reach the database file while the writer only commits")
    func checkpointsInBackground() async throws {
        #expect(try await Self.databaseSizeAfterWriting(checkpointIntervalMilliseconds: 10) >= 8_000_000)
    }

    @Test("every committed row survives closing and reopening with checkpoints under way")
    func nothingLost() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = Store.Configuration(checkpointIntervalMilliseconds: 1)
            let store = try Store.open(directory: directory, configuration: configuration, logger: quietLogger)
            try await store.write { try $0.execute("CREATE TABLE numbers (n INTEGER PRIMARY KEY)") }
            for batch in 0..<50 {
                try await store.write { connection in
                    for n in 0..<100 { try connection.run("INSERT INTO numbers (n) VALUES (?)", .integer(Int64(batch * 100 + n))) }
                }
            }
            store.close()
            let reopened = try Store.open(directory: directory, configuration: configuration, logger: quietLogger)
            defer { reopened.close() }
            let (count, sum) = try reopened.read { connection in
                (try connection.scalar("SELECT count(*) FROM numbers").int64Value, try connection.scalar("SELECT sum(n) FROM numbers").int64Value)
            }
            #expect(count == 5_000)
            #expect(sum == Int64(4_999 * 5_000 / 2))
        }
    }
}
