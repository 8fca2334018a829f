import RxPrescriptions
import RxStore
import RxTransport
import RxWire
import Testing

@Suite("Submit and Replace")
struct SubmitTests {
    private func rpcCode(_ body: () async throws -> Void) async -> GRPCStatus.Code? {
        do {
            try await body()
            return nil
        } catch {
            return RPCError(mapping: error).code
        }
    }

    @Test("a valid prescription gets a fresh code, 5 days of validity and is stored with its signed bytes")
    func submitStores() async throws {
        try await withPrescriptionStore { store async throws in
            let clock = ManualClock(Samples.issuedAt + 60)
            let service = makeService(store: store, clock: clock)
            let request = Samples.submit(Samples.ordinary())
            let response = try await service.submit(request, caller: Samples.hospital)
            #expect(response.code.hasPrefix("79088") && response.code.hasSuffix("-C"))
            #expect(response.validUntilUnixSeconds == Samples.issuedAt + 432_000)
            #expect(response.status == .active)
            var get = GetPrescriptionRequest()
            get.code = response.code.uppercased()
            get.includeSignedPrescription = true
            let read = try await service.get(get, caller: Samples.pharmacy)
            #expect(read.code == response.code)
            #expect(read.signedPrescription == request.signedPrescription)
            #expect(read.prescription == Samples.ordinary())
            #expect(read.lines.map(\.remainingQuantity) == [20, 10])
            #expect(read.statusHistory.map(\.status) == [.active])
        }
    }

    @Test("the same key and content returns the first answer; the same key with other content is ALREADY_EXISTS")
    func idempotency() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let first = try await service.submit(Samples.submit(Samples.ordinary(), key: "retry"), caller: Samples.hospital)
            let again = try await service.submit(Samples.submit(Samples.ordinary(), key: "retry"), caller: Samples.hospital)
            #expect(again == first)
            var other = Samples.ordinary()
            other.advice = "khác"
            let code = await self.rpcCode { _ = try await service.submit(Samples.submit(other, key: "retry"), caller: Samples.hospital) }
            #expect(code == .alreadyExists)
            #expect(try store.read { try PrescriptionRepository.count(on: $0) } == 1)
        }
    }

    @Test("signer, facility and prescriber mismatches, bad signatures and garbage are refused and store nothing")
    func refusals() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            var garbage = SubmitPrescriptionRequest()
            garbage.signedPrescription = [0x30, 0x03, 0x01, 0x02, 0x03]
            garbage.idempotencyKey = "g"
            let cases: [(SubmitPrescriptionRequest, FacilityIdentity, GRPCStatus.Code)] = [
                (garbage, Samples.hospital, .invalidArgument),
                (Samples.submit(Samples.ordinary(), signer: 9), Samples.hospital, .permissionDenied),  // unknown CA
                (Samples.submit(Samples.ordinary(), signer: 2), Samples.hospital, .permissionDenied),  // expired
                (Samples.submit(Samples.ordinary(), signer: 1), Samples.hospital, .permissionDenied),  // other doctor
                (Samples.submit(Samples.ordinary()), Samples.clinic, .permissionDenied),  // other facility
                (Samples.submit(Samples.ordinary(), key: ""), Samples.hospital, .invalidArgument),
            ]
            for (request, caller, expected) in cases {
                let code = await self.rpcCode { _ = try await service.submit(request, caller: caller) }
                #expect(code == expected)
            }
            #expect(try store.read { try PrescriptionRepository.count(on: $0) } == 0)
        }
    }

    @Test("a narcotic prescription from the clinic without beds is FAILED_PRECONDITION; from the hospital it is accepted")
    func narcoticRegister() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let fromClinic = await self.rpcCode {
                _ = try await service.submit(Samples.submit(Samples.fromClinic(Samples.narcotic()), signer: 1), caller: Samples.clinic)
            }
            #expect(fromClinic == .failedPrecondition)
            let response = try await service.submit(Samples.submit(Samples.narcotic()), caller: Samples.hospital)
            #expect(response.code.hasSuffix("-N"))
        }
    }

    @Test("a proposed code is accepted once; reusing it is ALREADY_EXISTS; generated collisions are redrawn")
    func proposedAndCollidingCodes() async throws {
        try await withPrescriptionStore { store async throws in
            let clock = ManualClock(Samples.issuedAt + 60)
            var content = Samples.ordinary()
            content.proposedCode = "79088K3F9A2Q-c"
            let service = makeService(store: store, clock: clock)
            #expect(try await service.submit(Samples.submit(content, key: "a"), caller: Samples.hospital).code == "79088k3f9a2q-C")
            let reused = await self.rpcCode { _ = try await service.submit(Samples.submit(content, key: "b"), caller: Samples.hospital) }
            #expect(reused == .alreadyExists)

            let draws = ManualClock(0)
            let colliding = makeService(store: store, clock: clock) { facility, type in
                draws.now += 1
                return try! PrescriptionCode(parsing: draws.now < 3 ? "79088k3f9a2q-C" : "79088zzzzzzz-C")
            }
            #expect(try await colliding.submit(Samples.submit(Samples.ordinary(), key: "c"), caller: Samples.hospital).code == "79088zzzzzzz-C")
        }
    }

    @Test("blocking interactions need an acknowledgement; alerts against other active prescriptions are returned")
    func screening() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let first = Samples.ordinary(lines: [Samples.line(1, FakeProducts.warfarin, inn: "Warfarin")])
            let firstCode = try await service.submit(Samples.submit(first, key: "w"), caller: Samples.hospital).code
            var second = Samples.ordinary(lines: [Samples.line(1, FakeProducts.aspirin, inn: "Aspirin")])
            let blocked = await self.rpcCode { _ = try await service.submit(Samples.submit(second, key: "a1"), caller: Samples.hospital) }
            #expect(blocked == .failedPrecondition)
            second.interactionOverrides = [InteractionOverride(ingredientA: "Aspirin", ingredientB: "Warfarin", reason: "theo dõi INR")]
            let accepted = try await service.submit(Samples.submit(second, key: "a2"), caller: Samples.hospital)
            #expect(accepted.alerts.map(\.otherPrescriptionCode) == [firstCode])
        }
    }

    @Test("an override is recorded with its reason, the finding's severity and the other code, and counted; a refusal records none")
    func overridesRecorded() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let first = Samples.ordinary(lines: [Samples.line(1, FakeProducts.warfarin, inn: "Warfarin")])
            let firstCode = try await service.submit(Samples.submit(first, key: "w"), caller: Samples.hospital).code
            var second = Samples.ordinary(lines: [Samples.line(1, FakeProducts.aspirin, inn: "Aspirin")])
            _ = await self.rpcCode { _ = try await service.submit(Samples.submit(second, key: "a1"), caller: Samples.hospital) }
            #expect(try store.read { try PrescriptionRepository.overrideCount(on: $0) } == 0)
            second.interactionOverrides = [
                InteractionOverride(ingredientA: "Paracetamol", ingredientB: "Ibuprofen", reason: "không liên quan"),
                InteractionOverride(ingredientA: "Aspirin", ingredientB: "Warfarin", reason: "theo dõi INR"),
            ]
            let accepted = try await service.submit(Samples.submit(second, key: "a2"), caller: Samples.hospital)
            #expect(accepted.alerts.map(\.overrideReason) == ["theo dõi INR"])
            let code = accepted.code
            let recorded = try store.read { try PrescriptionRepository.overrides(of: code, on: $0) }
            #expect(
                recorded == [
                    RecordedOverride(
                        code: code, ingredientA: "Aspirin", ingredientB: "Warfarin", reason: "theo dõi INR", severity: "major",
                        ruleID: "", otherPrescriptionCode: firstCode, createdAt: Samples.issuedAt + 60)
                ])
            #expect(try store.read { try PrescriptionRepository.overrideCount(on: $0) } == 1)
            #expect(try store.read { try PrescriptionRepository.overrideCount(severity: "major", on: $0) } == 1)
            #expect(try store.read { try PrescriptionRepository.overrideCount(severity: "contraindicated", on: $0) } == 0)
            _ = try await service.submit(Samples.submit(second, key: "a2"), caller: Samples.hospital)
            #expect(try store.read { try PrescriptionRepository.overrideCount(on: $0) } == 1)
        }
    }

    @Test("cancelled, fully dispensed and expired prescriptions no longer take part in screening")
    func inactivePrescriptionsAreNotScreened() async throws {
        try await withPrescriptionStore { store async throws in
            let clock = ManualClock(Samples.issuedAt + 60)
            let service = makeService(store: store, clock: clock)
            func warfarin(_ patient: String) -> Prescription {
                Samples.ordinary(citizenID: patient, lines: [Samples.line(1, FakeProducts.warfarin, quantity: 20, inn: "Warfarin")])
            }
            func aspirin(_ patient: String, issuedAt: Int64 = Samples.issuedAt) -> Prescription {
                var content = Samples.ordinary(citizenID: patient, lines: [Samples.line(1, FakeProducts.aspirin, inn: "Aspirin")])
                content.issuedAtUnixSeconds = issuedAt
                return content
            }
            func blocked(_ content: Prescription, key: String) async -> Bool {
                await self.rpcCode { _ = try await service.submit(Samples.submit(content, key: key), caller: Samples.hospital) }
                    == .failedPrecondition
            }
            let cancelled = try await service.submit(Samples.submit(warfarin("079085000001"), key: "c-w"), caller: Samples.hospital).code
            #expect(await blocked(aspirin("079085000001"), key: "c-a1"))
            var cancel = CancelPrescriptionRequest()
            cancel.code = cancelled
            cancel.reason = "ngừng thuốc"
            _ = try await service.cancel(cancel, caller: Samples.hospital)
            #expect(await !blocked(aspirin("079085000001"), key: "c-a2"))

            let completed = try await service.submit(Samples.submit(warfarin("079085000002"), key: "d-w"), caller: Samples.hospital).code
            _ = try await service.dispense(Samples.dispense(completed, key: "d-d1", [(1, 19)]), caller: Samples.pharmacy)
            #expect(await blocked(aspirin("079085000002"), key: "d-a1"))
            _ = try await service.dispense(Samples.dispense(completed, key: "d-d2", [(1, 1)]), caller: Samples.pharmacy)
            #expect(await !blocked(aspirin("079085000002"), key: "d-a2"))

            _ = try await service.submit(Samples.submit(warfarin("079085000003"), key: "e-w"), caller: Samples.hospital)
            clock.now = Samples.issuedAt + 432_000 - 1
            #expect(await blocked(aspirin("079085000003", issuedAt: clock.now - 60), key: "e-a1"))
            clock.now = Samples.issuedAt + 432_000
            #expect(await !blocked(aspirin("079085000003", issuedAt: clock.now - 60), key: "e-a2"))
        }
    }

    @Test("Replace supersedes an undispensed prescription of the same facility; the old one can no longer be dispensed")
    func replace() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let old = try await service.submit(Samples.submit(Samples.ordinary(), key: "o"), caller: Samples.hospital).code
            var correction = Samples.ordinary()
            correction.lines[0].quantity = 14
            correction.replacesCode = old
            let viaSubmit = await self.rpcCode { _ = try await service.submit(Samples.submit(correction, key: "s"), caller: Samples.hospital) }
            #expect(viaSubmit == .invalidArgument)
            var replace = ReplacePrescriptionRequest()
            replace.signedPrescription = FakeVerifier.sign(correction)
            replace.idempotencyKey = "r"
            let new = try await service.replace(replace, caller: Samples.hospital).code
            var get = GetPrescriptionRequest()
            get.code = old
            let oldState = try await service.get(get, caller: Samples.pharmacy)
            #expect(oldState.status == .replaced)
            #expect(oldState.replacedByCode == new)
            let dispenseOld = await self.rpcCode {
                _ = try await service.dispense(Samples.dispense(old, key: "d", [(1, 1)]), caller: Samples.pharmacy)
            }
            #expect(dispenseOld == .failedPrecondition)
            _ = try await service.dispense(Samples.dispense(new, key: "d2", [(1, 1)]), caller: Samples.pharmacy)
            var again = correction
            again.replacesCode = new
            replace.signedPrescription = FakeVerifier.sign(again)
            replace.idempotencyKey = "r2"
            let afterDispense = await self.rpcCode { _ = try await service.replace(replace, caller: Samples.hospital) }
            #expect(afterDispense == .failedPrecondition)
        }
    }
}
