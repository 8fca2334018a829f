import Foundation
import Logging
import RxPrescriptions
@testable import RxStatistics
import RxStore
import Testing

/// Step 404 re-keys the per-prescription statistics rows from the code to the prescription's row id.
@Suite("Statistics schema migration to row ids")
struct StatisticsSchemaMigrationTests {
    private func open(_ directory: String, statistics: [Migration]) throws -> Store {
        var logger = Logger(label: "test-migration")
        logger.logLevel = .critical
        let migrations = Migrations(combining: [Migrations.standard.steps, PrescriptionSchema.migrations, statistics])
        return try Store.open(directory: directory, configuration: Store.Configuration(migrations: migrations), logger: logger)
    }

    @Test("rows written by code before step 404 keep every figure under their prescription's row id, and stay usable")
    func rekeysByRowID() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rx-stat-migration-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = try self.open(directory, statistics: StatisticsSchema.migrations.filter { $0.version < 404 })
        try await old.write { connection in
            for (code, issuedAt) in [("79088zzzzzzz-C", 1_767_225_600), ("79088aaaaaaa-C", 1_767_225_700)] {
                try connection.run(
                    """
                    INSERT INTO prescriptions (code, facility_code, type, issued_at, valid_until, status, masks_identity,
                        signer_certificate_serial, signer_practising_certificate, signed_bytes, content, created_at)
                    VALUES (?, '79088', 1, ?, ?, 'active', 0, 'H', 'P', x'00', x'00', ?)
                    """, .text(code), .integer(Int64(issuedAt)), .integer(Int64(issuedAt) + 432_000), .integer(Int64(issuedAt)))
                try connection.run(
                    """
                    INSERT INTO stat_prescriptions (code, facility_code, province, type, issued_at, valid_until, patient_key,
                        open, first_dispensed_at, substituted, interaction_alerts, overrides)
                    VALUES (?, '79088', '79', 1, ?, ?, x'07', 1, NULL, 0, 2, 1)
                    """, .text(code), .integer(Int64(issuedAt)), .integer(Int64(issuedAt) + 432_000))
                try connection.run(
                    """
                    INSERT INTO stat_prescription_items (code, line_number, ingredient, atc, registration_number)
                    VALUES (?, 1, 'amoxicillin', 'J01CA04', 'VD-1'), (?, 2, 'paracetamol', 'N02BE01', 'VD-2')
                    """, .text(code), .text(code))
            }
        }
        old.close()

        let store = try self.open(directory, statistics: StatisticsSchema.migrations)
        defer { store.close() }
        try store.read { connection in
            let rows = try connection.query(
                "SELECT id, issued_at, interaction_alerts, overrides, open FROM stat_prescriptions ORDER BY id"
            ) { row in (0..<5).map { row.int64(at: $0) } }
            #expect(rows == [[1, 1_767_225_600, 2, 1, 1], [2, 1_767_225_700, 2, 1, 1]])
            #expect(try connection.query(
                "SELECT prescription_id, line_number, ingredient FROM stat_prescription_items ORDER BY 1, 2"
            ) { "\($0.int64(at: 0)).\($0.int64(at: 1)) \($0.string(at: 2) ?? "")" }
                == ["1.1 amoxicillin", "1.2 paracetamol", "2.1 amoxicillin", "2.2 paracetamol"])
            let coordinates = try #require(try StatisticsRecorder.prescription("79088aaaaaaa-C", on: connection))
            #expect(coordinates.id == 2)
            #expect(coordinates.isOpen)
            #expect(try StatisticsRecorder.pairs(of: coordinates.id, on: connection).map(\.ingredient) == ["amoxicillin", "paracetamol"])
        }
        try await store.write { connection in try StatisticsRecorder().cancelled(code: "79088zzzzzzz-C", at: 1_767_226_000, on: connection) }
        #expect(try store.read { try $0.scalar("SELECT open FROM stat_prescriptions WHERE id = 1") } == .integer(0))
        #expect(try store.read { try $0.scalar("SELECT sum(cancelled) FROM stat_cells WHERE ingredient = ''") } == .integer(1))
    }
}
