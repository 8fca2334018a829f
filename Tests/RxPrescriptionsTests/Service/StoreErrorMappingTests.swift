import Foundation
import Logging
import RxPrescriptions
import RxStore
import RxTransport
import Testing

@Suite("Storage failures as gRPC statuses")
struct StoreErrorMappingTests {
    private static func sqliteError(_ resultCode: Int32, extended: Int32? = nil) -> StoreError {
        StoreError(
            code: .sqlite, message: "from SQLite", function: "sqlite3_step", resultCode: resultCode,
            extendedResultCode: extended ?? resultCode)
    }

    @Test("a full disk, a read-only database and I/O errors are UNAVAILABLE with a clear message")
    func conditionsTheCallerCanOutlast() {
        let full = RPCError(mapping: Self.sqliteError(13))
        #expect(full.code == .unavailable)
        #expect(full.message.contains("disk is full"))
        let readOnly = RPCError(mapping: Self.sqliteError(8))
        #expect(readOnly.code == .unavailable)
        #expect(readOnly.message.contains("read-only"))
        let ioError = RPCError(mapping: Self.sqliteError(10, extended: 10 | (4 << 8)))
        #expect(ioError.code == .unavailable)
        #expect(ioError.message.contains("I/O"))
        #expect(RPCError(mapping: StoreError(code: .busy, message: "locked", function: "step")).code == .unavailable)
        #expect(RPCError(mapping: StoreError.closed("store", operation: "write")).code == .unavailable)
    }

    @Test("a full write queue is RESOURCE_EXHAUSTED; other SQLite failures are INTERNAL without SQLite's text")
    func overloadAndBugs() {
        #expect(RPCError(mapping: StoreError.overloaded(capacity: 8)).code == .resourceExhausted)
        let constraint = RPCError(mapping: StoreError(
            code: .constraint, message: "UNIQUE constraint failed: prescriptions.code", function: "step",
            resultCode: 19))
        #expect(constraint.code == .internal)
        #expect(!constraint.message.contains("prescriptions"))
    }

    @Test("a write on a read-only connection maps to UNAVAILABLE")
    func realReadOnlyDatabase() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("rx-readonly-\(UInt64.random(in: 0...UInt64.max)).sqlite3").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var logger = Logger(label: "test-readonly")
        logger.logLevel = .critical
        let writer = try SQLiteConnection(path: path, mode: .readWrite, logger: logger)
        try writer.execute("CREATE TABLE t (x INTEGER)")
        writer.close()
        let reader = try SQLiteConnection(path: path, mode: .readOnly, logger: logger)
        defer { reader.close() }
        do {
            try reader.run("INSERT INTO t (x) VALUES (1)")
            Issue.record("a read-only connection accepted a write")
        } catch {
            let mapped = RPCError(mapping: error)
            #expect(mapped.code == .unavailable)
            #expect(mapped.message.contains("read-only"))
        }
    }
}
