import Foundation
import Logging
import RxPrescriptions
import RxStore
import RxWire
import Testing

/// Step 302 rebuilds the code-keyed tables of step 300 in arrival order; a database written before it
/// must read and change exactly as before.
@Suite("Prescription schema migration to arrival order")
struct PrescriptionSchemaMigrationTests {
    private static let patientKey: [UInt8] = Array(repeating: 7, count: 32)

    private func open(_ directory: String, steps: [Migration]) throws -> Store {
        var logger = Logger(label: "test-migration")
        logger.logLevel = .critical
        return try Store.open(
            directory: directory,
            configuration: Store.Configuration(migrations: Migrations(combining: [Migrations.standard.steps, steps])),
            logger: logger)
    }

    /// Writes `before` into a fresh store that has the prescription steps below `version`, then reopens
    /// it with every step and hands it to `after`.
    private func migrating(
        from version: Int, before: (Store) async throws -> Void, after: (Store) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rx-migration-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = try self.open(directory, steps: PrescriptionSchema.migrations.filter { $0.version < version })
        try await before(old)
        old.close()
        let store = try self.open(directory, steps: PrescriptionSchema.migrations)
        defer { store.close() }
        try await after(store)
    }

    /// Two prescriptions in the shape of step 300, the later-created one with the smaller code: one partly
    /// dispensed (with its dispense), one active; both for the same patient.
    private func writeStepThreeHundredRows(_ store: Store) async throws {
        let content = Samples.ordinary().serializedBytes()
        try await store.write { connection in
            for (code, createdAt, status, dispensed) in [
                ("79088zzzzzzz-C", Samples.issuedAt, "partly_dispensed", 5), ("79088aaaaaaa-C", Samples.issuedAt + 1, "active", 0),
            ] {
                try connection.run(
                    """
                    INSERT INTO prescriptions (code, facility_code, type, issued_at, valid_until, status, masks_identity,
                        signer_certificate_serial, signer_practising_certificate, signed_bytes, content, created_at)
                    VALUES (?, '79088', 1, ?, ?, ?, 0, 'H', '000123/HCM-CCHN', ?, ?, ?)
                    """,
                    .text(code), .integer(Samples.issuedAt), .integer(Samples.issuedAt + 5 * 86_400), .text(status),
                    .blob(content), .blob(content), .integer(createdAt))
                for (line, registration, quantity) in [(1, FakeProducts.amoxicillin, 20), (2, FakeProducts.paracetamol, 10)] {
                    try connection.run(
                        """
                        INSERT INTO prescription_lines (code, line_number, registration_number, quantity, dispensed,
                            do_not_substitute, ingredients)
                        VALUES (?, ?, ?, ?, ?, 0, ?)
                        """,
                        .text(code), .integer(Int64(line)), .text(registration), .integer(Int64(quantity)),
                        .integer(line == 1 ? Int64(dispensed) : 0), .text(line == 1 ? "Amoxicillin" : "Paracetamol"))
                }
                try connection.run(
                    "INSERT INTO prescription_patients (patient_key, code) VALUES (?, ?)", .blob(Self.patientKey), .text(code))
                try connection.run(
                    """
                    INSERT INTO prescription_status_history (code, status, changed_at, facility_code, reason)
                    VALUES (?, 'active', ?, '79088', '')
                    """, .text(code), .integer(createdAt))
            }
            try connection.run(
                """
                INSERT INTO prescription_status_history (code, status, changed_at, facility_code, reason)
                VALUES ('79088zzzzzzz-C', 'partly_dispensed', ?, '48102', 'dispense 1')
                """, .integer(Samples.issuedAt + 60))
            try connection.run(
                """
                INSERT INTO dispenses (code, pharmacy_facility_code, dispensed_at, invoice_number, idempotency_key)
                VALUES ('79088zzzzzzz-C', '48102', ?, 'INV-1', 'k1')
                """, .integer(Samples.issuedAt + 60))
            try connection.run(
                """
                INSERT INTO dispense_lines (dispense_id, line_number, registration_number, quantity, unit_price_vnd,
                    reference_unit_price_vnd)
                VALUES (1, 1, ?, 5, 2500, 2500)
                """, .text(FakeProducts.amoxicillin))
        }
    }

    @Test("every row survives in arrival order, and the migrated prescriptions read, screen and dispense as before")
    func migratesStepThreeHundred() async throws {
        try await self.migrating(from: 302, before: self.writeStepThreeHundredRows) { store in
            try store.read { connection in
                #expect(try connection.query("SELECT code FROM prescriptions ORDER BY id") { $0.string(at: 0) ?? "" }
                    == ["79088zzzzzzz-C", "79088aaaaaaa-C"], "rows are stored in the order they were created")
                #expect(try connection.query("PRAGMA foreign_key_check") { $0.string(at: 0) ?? "" }.isEmpty)
                let partly = try #require(try PrescriptionRepository.load("79088zzzzzzz-C", on: connection))
                #expect(partly.status == .partlyDispensed)
                #expect(partly.lines.map(\.dispensed) == [5, 0])
                #expect(partly.lines.map(\.ingredients) == [["Amoxicillin"], ["Paracetamol"]])
                #expect(try PrescriptionRepository.history(of: "79088zzzzzzz-C", on: connection).map(\.reason) == ["", "dispense 1"])
                let screened = try PrescriptionRepository.activeLines(
                    patientKeys: [Self.patientKey], now: Samples.issuedAt + 120, excluding: "79088aaaaaaa-C", on: connection)
                #expect(screened.map(\.prescriptionCode) == ["79088zzzzzzz-C", "79088zzzzzzz-C"])
                #expect(screened.map(\.lineNumber) == [1, 2])
            }

            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 120))
            let rest = try await service.dispense(
                Samples.dispense("79088zzzzzzz-C", key: "k2", [(1, 15), (2, 10)]), caller: Samples.pharmacy2)
            #expect(rest.status == .completed)
            var get = GetPrescriptionRequest()
            get.code = "79088zzzzzzz-C"
            let read = try await service.get(get, caller: Samples.regulator)
            #expect(read.statusHistory.map(\.status) == [.active, .partlyDispensed, .completed])
            #expect(read.dispenses.map(\.pharmacyFacilityCode) == ["48102", "92031"])
            let fresh = try await service.submit(Samples.submit(Samples.ordinary(), key: "after-migration"), caller: Samples.hospital)
            #expect(try store.read { try $0.scalar("SELECT id FROM prescriptions WHERE code = ?", .text(fresh.code)) } == .integer(3))
        }
    }

    @Test("idempotency records from before step 303 still answer retries; later ones are filed under their key hash")
    func idempotencyByHash() async throws {
        try await self.migrating(from: 303) { old in
            try await old.write { connection in
                _ = try connection.run(
                    """
                    INSERT INTO prescription_idempotency (facility_code, method, idempotency_key, request_hash, response,
                        created_at)
                    VALUES ('79088', 'Submit', 'before', x'01', x'0a02', 1)
                    """)
            }
        } after: { store in
            let legacy = try store.read { connection in
                try PrescriptionRepository.idempotentAnswer(facilityCode: "79088", method: "Submit", key: "before", on: connection)
            }
            #expect(legacy?.requestHash == [1])
            #expect(legacy?.response == [0x0a, 0x02])

            // A record of another key filed first under the same hash must not be taken for this key's answer.
            try await store.write { connection in
                try connection.run(
                    """
                    INSERT INTO prescription_idempotency (key_hash, facility_code, method, idempotency_key, request_hash,
                        response, created_at)
                    VALUES (6251858260200728394, '79088', 'Submit', 'collides', x'02', x'', 2)
                    """)
            }
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let first = try await service.submit(Samples.submit(Samples.ordinary(), key: "key-1"), caller: Samples.hospital)
            // SHA-256("79088\0Submit\0key-1"), first 8 bytes as a signed big-endian integer: stored, so it must
            // never change.
            #expect(try store.read {
                try $0.scalar("SELECT key_hash FROM prescription_idempotency WHERE idempotency_key = 'key-1'")
            } == .integer(6_251_858_260_200_728_394))
            let retry = try await service.submit(Samples.submit(Samples.ordinary(), key: "key-1"), caller: Samples.hospital)
            #expect(retry.code == first.code)
            #expect(try store.read { try PrescriptionRepository.count(on: $0) } == 1)
        }
    }
}
