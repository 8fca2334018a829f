import Foundation
import RxStore
import Testing

@Suite("StoreReaderPool")
struct StoreReaderPoolTests {
    @Test("readers see committed data, and not the writer's open transaction, while the writer is busy")
    func readersBesideBusyWriter() async throws {
        try await withStore { store, _ in
            try await store.write { try $0.run("INSERT INTO meta (key, value) VALUES ('committed', 1)") }
            let entered = Latch()
            let release = Latch()
            let writing = Task {
                try await store.write { connection in
                    try connection.run("INSERT INTO meta (key, value) VALUES ('pending', 2)")
                    entered.open()
                    release.wait()
                }
            }
            #expect(await eventually { entered.isOpened })
            let seen = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try store.read { try $0.query("SELECT key FROM meta") { $0.string(at: 0) ?? "" } }
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            #expect(seen.count == 8)
            #expect(seen.allSatisfy { $0.contains("committed") && !$0.contains("pending") })
            release.open()
            try await writing.value
            #expect(try store.read { try $0.scalar("SELECT value FROM meta WHERE key = 'pending'") } == .integer(2))
        }
    }

    @Test("one read sees a single snapshot even when the writer commits in the middle of it")
    func consistentSnapshot() async throws {
        try await withStore { store, _ in
            let counts = try store.read { connection -> [SQLiteValue] in
                let before = try connection.scalar("SELECT count(*) FROM meta")
                try insertFromAnotherThread(store)
                let during = try connection.scalar("SELECT count(*) FROM meta")
                return [before, during]
            }
            #expect(counts[0] == counts[1])
            let after = try store.read { try $0.scalar("SELECT count(*) FROM meta") }
            #expect(after.int64Value == (counts[0].int64Value ?? -1) + 1)
        }
    }

    @Test("more concurrent readers than connections all get served")
    func moreReadersThanConnections() async throws {
        try await withStore(configuration: Store.Configuration(readers: 2)) { store, _ in
            let finished = (0..<6).map { _ in
                startThread {
                    for _ in 0..<20 {
                        _ = try? store.read { try $0.scalar("SELECT count(*) FROM meta") }
                    }
                }
            }
            for thread in finished {
                #expect(await thread.opened())
            }
            let count = try store.read { try $0.scalar("SELECT count(*) FROM meta") }
            #expect(count == .integer(2))
        }
    }
}

/// Commits one row through the writer from a separate thread and waits for it, while the caller holds
/// a read transaction open.
private func insertFromAnotherThread(_ store: Store) throws {
    let done = startThread {
        _ = try? store.write { try $0.run("INSERT INTO meta (key, value) VALUES ('mid-read', 1)") }
    }
    guard done.wait() else {
        throw DeliberateFailure(label: "writer did not commit while a reader was open")
    }
}
