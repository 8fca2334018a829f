import RxPrescriptions
import RxStore
import RxWire
import Testing

@Suite("Audit chain")
struct AuditLogTests {
    @Test("every call is chained; tampering with one row is reported at that row")
    func tamperDetected() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await service.submit(Samples.submit(Samples.ordinary()), caller: Samples.hospital).code
            _ = try await service.dispense(Samples.dispense(code, key: "a", [(1, 1)]), caller: Samples.pharmacy)
            _ = try? await service.dispense(Samples.dispense(code, key: "b", [(1, 99)]), caller: Samples.pharmacy)
            var get = GetPrescriptionRequest()
            get.code = code
            _ = try await service.get(get, caller: Samples.regulator)
            let intact = try service.auditVerify()
            #expect(intact.intact)
            #expect(intact.entriesChecked == 4)
            let results = try store.read { connection in
                try connection.query("SELECT method, result FROM audit_log ORDER BY seq") { "\($0.string(at: 0) ?? "") \($0.string(at: 1) ?? "")" }
            }
            #expect(results == ["Submit OK", "Dispense OK", "Dispense FAILED_PRECONDITION", "Get OK"])

            try await store.write { try $0.run("UPDATE audit_log SET facility_code = '99999' WHERE seq = 2") }
            let tampered = try service.auditVerify()
            #expect(!tampered.intact)
            #expect(tampered.firstBrokenSequence == 2)
            #expect(tampered.problem.contains("entry_hash"))
        }
    }

    @Test("a deleted row and a relinked row are both caught")
    func deletionDetected() async throws {
        try await withPrescriptionStore { store async throws in
            for index in 1...5 {
                try await store.write { connection in
                    try AuditLog.append(
                        on: connection, at: Int64(index), facilityCode: "79088", role: "prescriber", method: "Submit",
                        code: "c\(index)", result: "OK")
                }
            }
            #expect(try store.read { try AuditLog.verify(on: $0) }.isIntact)
            try await store.write { try $0.run("DELETE FROM audit_log WHERE seq = 3") }
            let verification = try store.read { try AuditLog.verify(on: $0) }
            #expect(verification.firstBrokenSequence == 4)
            #expect(verification.problem?.contains("missing") == true)
            #expect(verification.entriesChecked == 3)
        }
    }

    @Test("the canonical bytes keep field boundaries")
    func canonicalBytes() {
        let a = AuditEntry(sequence: 1, at: 2, facilityCode: "ab", role: "c", method: "", code: "", result: "")
        let b = AuditEntry(sequence: 1, at: 2, facilityCode: "a", role: "bc", method: "", code: "", result: "")
        #expect(a.canonicalBytes != b.canonicalBytes)
    }
}
