import Foundation
import Logging
@testable import RxStatistics
import RxStore
import RxWire
import Testing

/// Recording through the outbox gives exactly the statistics inline recording gives, exactly once,
/// across restarts, and a statistics read sees the writes committed before it.
@Suite("Statistics outbox and applier")
struct StatisticsOutboxTests {
    /// Every statistics table, row by row, in key order.
    static func everything(_ world: StatisticsWorld) throws -> [String] { try Self.everything(world.store) }

    /// Prescription codes are random, so each is replaced by its position in issue order (each at its own time in `play`).
    static func everything(_ store: Store) throws -> [String] {
        try BulkLoadTests.tables(store) + store.read { connection in
            let codes = try connection.query("SELECT code FROM prescriptions ORDER BY created_at, issued_at") { $0.string(at: 0) ?? "" }
            let position = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, "#\($0)") })
            var rows: [String] = []
            for table in ["stat_prescriptions", "stat_prescription_items", "stat_controlled", "stat_controlled_fills"] {
                rows += try connection.query("SELECT * FROM \(table)") { row in
                    table + ":" + (0..<row.columnCount).map { column in
                        row.isNull(at: column) ? "∅" : position[row.string(at: column) ?? ""] ?? "\(row.value(at: column))"
                    }.joined(separator: "|")
                }.sorted()
            }
            return rows
        }
    }

    static func pending(_ world: StatisticsWorld) throws -> Int64 {
        try world.store.read { try $0.scalar("SELECT count(*) FROM stat_outbox").int64Value ?? -1 }
    }

    @Test("the same events give the same tables as inline recording, in batches of any size")
    func equalsInline() async throws {
        let inline = try StatisticsWorld(now: BulkLoadTests.start)
        try await BulkLoadTests.play(inline)
        let expected = try Self.everything(inline)
        #expect(expected.count > 40)
        for batchSize in [1, 4, 2_000] {
            let world = try StatisticsWorld(now: BulkLoadTests.start, outboxBatchSize: batchSize)
            try await BulkLoadTests.play(world)
            #expect(try Self.pending(world) > 20)
            #expect(try Self.everything(world) != expected)
            try await world.statistics.catchUp()
            #expect(try Self.pending(world) == 0)
            #expect(try Self.everything(world) == expected)
        }
    }

    @Test("events left by a stopped server are applied once by the next start")
    func appliedOnceAfterRestart() async throws {
        let inline = try StatisticsWorld(now: BulkLoadTests.start)
        try await BulkLoadTests.play(inline)
        let world = try StatisticsWorld(now: BulkLoadTests.start, outboxBatchSize: 5)
        try await BulkLoadTests.play(world)
        _ = try await world.applier?.applyBatch()
        let left = try Self.pending(world)
        #expect(left > 0)
        world.store.close()

        var logger = Logger(label: "test-outbox")
        logger.logLevel = .critical
        let reopened = try Store.open(
            directory: world.directory, configuration: Store.Configuration(migrations: StatisticsWorld.migrations), logger: logger)
        defer { reopened.close() }
        let applier = StatisticsApplier(store: reopened, logger: logger)
        applier.start()
        defer { applier.stop() }
        let deadline = Date().addingTimeInterval(10)
        while try reopened.read({ try $0.scalar("SELECT count(*) FROM stat_outbox").int64Value ?? -1 }) != 0, Date() < deadline {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        try await applier.drain()
        #expect(try reopened.read { try $0.scalar("SELECT count(*) FROM stat_outbox").int64Value } == 0)
        #expect(try Self.everything(reopened) == (try Self.everything(inline)))
    }

    @Test("an unreadable event is set aside with its reason and the queue moves on")
    func unreadableEventRejected() async throws {
        let world = try StatisticsWorld(now: BulkLoadTests.start, outboxBatchSize: 100)
        try await world.store.write { connection in
            try connection.run("INSERT INTO stat_outbox (event) VALUES (?)", .blob([1, 18, 0]))
        }
        let code = try await world.submit(
            patient: 1, lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        try await world.statistics.catchUp()
        let (rejected, reason, applied) = try world.store.read { connection in
            (try connection.scalar("SELECT count(*) FROM stat_outbox_rejected").int64Value,
             try connection.scalar("SELECT reason FROM stat_outbox_rejected").stringValue,
             try connection.scalar(
                "SELECT count(*) FROM stat_prescriptions WHERE id = (SELECT id FROM prescriptions WHERE code = ?)",
                .text(code)
             ).int64Value)
        }
        #expect(rejected == 1)
        #expect(reason == "statistics event kind 9 is not known")
        #expect(applied == 1)
        #expect(try Self.pending(world) == 0)
    }

    @Test("an event naming a prescription that is not stored is set aside; the events after it apply")
    func eventForUnknownPrescriptionRejected() async throws {
        let world = try StatisticsWorld(now: BulkLoadTests.start, outboxBatchSize: 100)
        try await world.store.write { connection in
            try connection.run("INSERT INTO stat_outbox (event) VALUES (?)", .blob(StatisticsEventTests.submitted.encoded()))
        }
        _ = try await world.submit(patient: 1, lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        try await world.statistics.catchUp()
        let (reason, counted) = try world.store.read { connection in
            (try connection.scalar("SELECT group_concat(reason) FROM stat_outbox_rejected").stringValue,
             try connection.scalar("SELECT count(*) FROM stat_prescriptions").int64Value)
        }
        #expect(reason == "statistics event names prescription 79088N000123, which is not stored")
        #expect(counted == 1)
        #expect(try world.store.read { try $0.scalar("SELECT sum(issued) FROM stat_cells WHERE ingredient = ''") } == .integer(1),
                "the rejected event must leave no figure behind")
        #expect(try Self.pending(world) == 0)
    }

    @Test("a read after catching up sees the Submit just acknowledged; the running applier gets there alone")
    func readsOwnWrites() async throws {
        let world = try StatisticsWorld(now: BulkLoadTests.start, outboxBatchSize: 100)
        _ = try await world.submit(patient: 1, lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        #expect(try world.query([], from: BulkLoadTests.start - 86_400, to: BulkLoadTests.start + 86_400).first?.issued == 0)
        #expect(try world.store.read { try $0.scalar("SELECT count(*) FROM stat_cells").int64Value } == 0)
        try await world.statistics.catchUp()
        #expect(try world.store.read { try $0.scalar("SELECT sum(issued) FROM stat_cells WHERE ingredient = ''").int64Value } == 1)

        _ = try await world.submit(patient: 2, lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        world.applier?.start()
        defer { world.applier?.stop() }
        let deadline = Date().addingTimeInterval(10)
        while try Self.pending(world) != 0, Date() < deadline { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(try world.store.read { try $0.scalar("SELECT sum(issued) FROM stat_cells WHERE ingredient = ''").int64Value } == 2)
    }

    @Test("catching up with nothing appended since the last empty batch costs no write")
    func idleCatchUpWritesNothing() async throws {
        let world = try StatisticsWorld(now: BulkLoadTests.start, outboxBatchSize: 100)
        try await world.statistics.catchUp()
        _ = try await world.submit(patient: 1, lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        try await world.statistics.catchUp()
        let writes = world.store.writer.statistics.writesCommitted
        try await world.statistics.catchUp()
        try await world.statistics.catchUp()
        #expect(world.store.writer.statistics.writesCommitted == writes)
        _ = try await world.submit(patient: 2, lines: [StatisticsWorld.line(1, FakeProducts.amoxicillin, quantity: 10)])
        try await world.statistics.catchUp()
        #expect(world.store.writer.statistics.writesCommitted == writes + 2)
        #expect(try Self.pending(world) == 0)
    }
}
