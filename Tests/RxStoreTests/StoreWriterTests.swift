import Foundation
import RxStore
import Testing

@Suite("StoreWriter")
struct StoreWriterTests {
    private static let schema = Migration(
        version: 2, name: "dispense", sql: "CREATE TABLE dispense (id INTEGER PRIMARY KEY, who TEXT NOT NULL)")

    private static func configuration(queueCapacity: Int = 4096, maxBatchSize: Int = 512) -> Store.Configuration {
        Store.Configuration(
            writer: StoreWriter.Configuration(queueCapacity: queueCapacity, maxBatchSize: maxBatchSize),
            migrations: Migrations(Migrations.standard.steps + [Self.schema]))
    }

    @Test("200 concurrent writers from threads and tasks all commit, in fewer batches than writes")
    func groupCommit() async throws {
        try await withStore(configuration: Self.configuration()) { store, _ in
            let threads = (0..<4).map { thread in
                startThread {
                    for number in 0..<25 {
                        _ = try? store.write { connection in
                            try connection.run("INSERT INTO dispense (id, who) VALUES (?, 'thread')", .integer(Int64(thread * 25 + number)))
                        }
                    }
                }
            }
            let inserted = try await withThrowingTaskGroup(of: Int64.self) { group in
                for number in 100..<200 {
                    group.addTask {
                        try await store.write { connection in
                            try connection.run("INSERT INTO dispense (id, who) VALUES (?, 'task')", .integer(Int64(number)))
                            return connection.lastInsertRowID
                        }
                    }
                }
                return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
            }
            #expect(inserted == Set(100..<200))
            for thread in threads {
                #expect(await thread.opened())
            }
            let ids = try store.read { try $0.query("SELECT id FROM dispense ORDER BY id") { $0.int64(at: 0) } }
            #expect(ids == Array(0..<200))
            let statistics = store.writer.statistics
            #expect(statistics.writesCommitted == 200)
            #expect(statistics.writesFailed == 0)
            #expect(statistics.batchesCommitted < 200)
            #expect(statistics.largestBatchSize > 1)
        }
    }

    @Test("writes queued while the writer is busy commit together in one batch, capped by maxBatchSize")
    func batchingAndCap() async throws {
        try await withStore(configuration: Self.configuration(maxBatchSize: 8)) { store, _ in
            let occupied = await occupyWriter(of: store)
            #expect(occupied.entered)
            let before = store.writer.statistics.batchesCommitted
            async let results = withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<20 {
                    group.addTask {
                        _ = try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (?, 'x')", .integer(Int64(number))) }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await eventually { store.writer.statistics.queueDepth == 20 })
            occupied.release.open()
            try await results
            #expect(await occupied.done.opened())
            let statistics = store.writer.statistics
            // The occupying write's batch, then 20 queued writes in batches of at most 8: 8 + 8 + 4.
            #expect(statistics.batchesCommitted - before == 4)
            #expect(statistics.largestBatchSize == 8)
            #expect(statistics.lastBatchSize == 4)
            #expect(try store.read { try $0.scalar("SELECT count(*) FROM dispense") } == .integer(20))
        }
    }

    @Test("a failing write rolls back only itself; its batch neighbours commit")
    func failureIsolation() async throws {
        try await withStore(configuration: Self.configuration()) { store, _ in
            try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (1, 'existing')") }
            let occupied = await occupyWriter(of: store)
            #expect(occupied.entered)
            let before = store.writer.statistics
            let first = Task { try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (10, 'a')") } }
            let thrower = Task {
                try await store.write { connection in
                    try connection.run("INSERT INTO dispense (id, who) VALUES (11, 'b')")
                    throw DeliberateFailure(label: "b")
                }
            }
            let duplicate = Task { try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (1, 'dup')") } }
            let last = Task { try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (12, 'c')") } }
            #expect(await eventually { store.writer.statistics.queueDepth == 4 })
            occupied.release.open()

            #expect(try await first.value == 1)
            await #expect(throws: DeliberateFailure(label: "b")) { try await thrower.value }
            let duplicateError = try await #require(throws: StoreError.self) { try await duplicate.value }
            #expect(duplicateError.code == .constraint)
            #expect(try await last.value == 1)
            #expect(await occupied.done.opened())

            let rows = try store.read {
                try $0.query("SELECT id, who FROM dispense ORDER BY id") { "\($0.int(at: 0)):\($0.string(at: 1) ?? "")" }
            }
            #expect(rows == ["1:existing", "10:a", "12:c"])
            let after = store.writer.statistics
            #expect(after.batchesCommitted - before.batchesCommitted == 2)
            #expect(after.writesFailed - before.writesFailed == 2)
            #expect(after.writesCommitted - before.writesCommitted == 3)
        }
    }

    @Test("a full queue refuses writes with .overloaded, from blocking and async callers alike")
    func overload() async throws {
        try await withStore(configuration: Self.configuration(queueCapacity: 2)) { store, _ in
            let occupied = await occupyWriter(of: store)
            #expect(occupied.entered)
            let queued = (0..<2).map { number in
                Task { try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (?, 'q')", .integer(Int64(number))) } }
            }
            #expect(await eventually { store.writer.statistics.queueDepth == 2 })
            let blockingError = try #require(throws: StoreError.self) { try blockingWrite(store) }
            #expect(blockingError.code == .overloaded)
            let asyncError = try await #require(throws: StoreError.self) { try await store.write { _ in 0 } }
            #expect(asyncError.code == .overloaded)
            occupied.release.open()
            for task in queued {
                #expect(try await task.value == 1)
            }
            #expect(try store.read { try $0.scalar("SELECT count(*) FROM dispense") } == .integer(2))
        }
    }

    @Test("close commits every write already queued, then refuses new ones")
    func closeDrains() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Store.open(directory: directory, configuration: Self.configuration(), logger: quietLogger)
            let occupied = await occupyWriter(of: store)
            #expect(occupied.entered)
            let queued = (0..<10).map { number in
                Task { try await store.write { try $0.run("INSERT INTO dispense (id, who) VALUES (?, 'q')", .integer(Int64(number))) } }
            }
            #expect(await eventually { store.writer.statistics.queueDepth == 10 })
            let closed = startThread { store.close() }
            #expect(await eventually { store.writer.isClosed })
            let refused = try await #require(throws: StoreError.self) { try await store.write { _ in 0 } }
            #expect(refused.code == .closed)
            occupied.release.open()
            #expect(await closed.opened())
            for task in queued {
                #expect(try await task.value == 1)
            }
            let reopened = try Store.open(directory: directory, configuration: Self.configuration(), logger: quietLogger)
            defer { reopened.close() }
            #expect(try reopened.read { try $0.scalar("SELECT count(*) FROM dispense") } == .integer(10))
        }
    }

    @Test("a write issued from inside a write body throws .misuse instead of deadlocking")
    func nestedWrite() async throws {
        try await withStore { store, _ in
            let error = try await #require(throws: StoreError.self) {
                try await store.write { _ in try blockingWrite(store) }
            }
            #expect(error.code == .misuse)
        }
    }
}

/// A write through the blocking API (a synchronous context picks the blocking overload).
private func blockingWrite(_ store: Store) throws -> Int {
    try store.write { _ in 0 }
}
