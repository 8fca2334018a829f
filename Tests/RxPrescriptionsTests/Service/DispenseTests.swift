import RxPrescriptions
import RxStore
import RxTransport
import RxWire
import Testing

@Suite("Dispense, Cancel and expiry")
struct DispenseTests {
    private func rpcError(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch {
            return RPCError(mapping: error)
        }
    }

    private func submitted(_ service: PrescriptionsService, _ content: Prescription = Samples.ordinary()) async throws -> String {
        try await service.submit(Samples.submit(content, key: "submit-\(content.lines.count)-\(content.type.rawValue)"), caller: Samples.hospital).code
    }

    @Test("active → partly dispensed → completed, with remaining quantities and history")
    func lifecycle() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await self.submitted(service)
            let partial = try await service.dispense(Samples.dispense(code, key: "p1", [(1, 15)]), caller: Samples.pharmacy)
            #expect(partial.status == .partlyDispensed)
            #expect(partial.lines.map(\.remainingQuantity) == [5, 10])
            let rest = try await service.dispense(Samples.dispense(code, key: "p2", [(1, 5), (2, 10)]), caller: Samples.pharmacy2)
            #expect(rest.status == .completed)
            #expect(rest.lines.map(\.remainingQuantity) == [0, 0])
            var get = GetPrescriptionRequest()
            get.code = code
            let read = try await service.get(get, caller: Samples.regulator)
            #expect(read.status == .completed)
            #expect(read.statusHistory.map(\.status) == [.active, .partlyDispensed, .completed])
            #expect(read.dispenses.map(\.pharmacyFacilityCode) == ["48102", "92031"])
            #expect(read.dispenses[0].lines[0].referenceUnitPriceVND == 2_500)
            let more = await self.rpcError {
                _ = try await service.dispense(Samples.dispense(code, key: "p3", [(2, 1)]), caller: Samples.pharmacy)
            }
            #expect(more?.code == .failedPrecondition)
        }
    }

    @Test("more than remains is refused with the remaining quantities, and nothing changes")
    func overDispense() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await self.submitted(service)
            _ = try await service.dispense(Samples.dispense(code, key: "a", [(2, 4)]), caller: Samples.pharmacy)
            let error = await self.rpcError {
                _ = try await service.dispense(Samples.dispense(code, key: "b", [(2, 1), (1, 21)]), caller: Samples.pharmacy)
            }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.message.contains("line 1: 20 left, line 2: 6 left") == true)
            var get = GetPrescriptionRequest()
            get.code = code
            #expect(try await service.get(get, caller: Samples.pharmacy).lines.map(\.dispensedQuantity) == [0, 4])
        }
    }

    @Test("a retried dispense returns the first answer; the key with other lines is ALREADY_EXISTS")
    func idempotentDispense() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await self.submitted(service)
            let first = try await service.dispense(Samples.dispense(code, key: "x", [(1, 20), (2, 10)]), caller: Samples.pharmacy)
            let retry = try await service.dispense(Samples.dispense(code, key: "x", [(1, 20), (2, 10)]), caller: Samples.pharmacy)
            #expect(retry == first)
            let other = await self.rpcError {
                _ = try await service.dispense(Samples.dispense(code, key: "x", [(1, 1)]), caller: Samples.pharmacy)
            }
            #expect(other?.code == .alreadyExists)
        }
    }

    @Test("substitution: equivalent products only, never against do-not-substitute")
    func substitution() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            var content = Samples.ordinary()
            content.lines[1].doNotSubstitute = true
            let code = try await self.submitted(service, content)
            _ = try await service.dispense(
                Samples.dispense(code, key: "eq", [(1, 2)], product: FakeProducts.amoxicillinGeneric), caller: Samples.pharmacy)
            let notEquivalent = await self.rpcError {
                _ = try await service.dispense(
                    Samples.dispense(code, key: "ne", [(1, 2)], product: FakeProducts.aspirin), caller: Samples.pharmacy)
            }
            #expect(notEquivalent?.code == .failedPrecondition)
            #expect(notEquivalent?.message.contains("not equivalent") == true)
            let forbidden = await self.rpcError {
                _ = try await service.dispense(
                    Samples.dispense(code, key: "dns", [(2, 1)], product: FakeProducts.amoxicillinGeneric), caller: Samples.pharmacy)
            }
            #expect(forbidden?.message.contains("do-not-substitute") == true)
            #expect(SubstitutionRule.refusal(
                prescribed: FakeProducts.amoxicillin, handedOut: "", doNotSubstitute: true, lineNumber: 1,
                products: FakeProducts()) == nil)
        }
    }

    @Test("dispensable until just before 5 days after issue; expired exactly at the boundary")
    func expiryBoundary() async throws {
        try await withPrescriptionStore { store async throws in
            let clock = ManualClock(Samples.issuedAt + 60)
            let service = makeService(store: store, clock: clock)
            let code = try await self.submitted(service)
            clock.now = Samples.issuedAt + 5 * 86_400 - 1
            _ = try await service.dispense(Samples.dispense(code, key: "in", [(1, 1)]), caller: Samples.pharmacy)
            clock.now = Samples.issuedAt + 5 * 86_400
            let late = await self.rpcError {
                _ = try await service.dispense(Samples.dispense(code, key: "late", [(1, 1)]), caller: Samples.pharmacy)
            }
            #expect(late?.code == .failedPrecondition)
            #expect(late?.message.contains("expired") == true)
            var get = GetPrescriptionRequest()
            get.code = code
            #expect(try await service.get(get, caller: Samples.pharmacy).status == .expired)
            #expect(StoredStatus.active.effective(validUntil: 100, now: 99) == .active)
            #expect(StoredStatus.partlyDispensed.effective(validUntil: 100, now: 100) == .expired)
            #expect(StoredStatus.completed.effective(validUntil: 100, now: 500) == .completed)
        }
    }

    @Test("cancel: issuing facility only, with a reason; then no dispensing")
    func cancel() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await self.submitted(service)
            var request = CancelPrescriptionRequest()
            request.code = code
            #expect(await self.rpcError { _ = try await service.cancel(request, caller: Samples.hospital) }?.code == .invalidArgument)
            request.reason = "Kê nhầm thuốc"
            #expect(await self.rpcError { _ = try await service.cancel(request, caller: Samples.clinic) }?.code == .permissionDenied)
            #expect(try await service.cancel(request, caller: Samples.hospital).status == .cancelled)
            #expect(try await service.cancel(request, caller: Samples.hospital).status == .cancelled)
            let dispense = await self.rpcError {
                _ = try await service.dispense(Samples.dispense(code, key: "c", [(1, 1)]), caller: Samples.pharmacy)
            }
            #expect(dispense?.code == .failedPrecondition)
            var get = GetPrescriptionRequest()
            get.code = code
            let read = try await service.get(get, caller: Samples.hospital)
            #expect(read.statusHistory.last?.reason == "Kê nhầm thuốc")
        }
    }

    @Test("narcotic prescriptions are dispensed in full in one go")
    func narcoticInFull() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await self.submitted(service, Samples.narcotic())
            let partial = await self.rpcError {
                _ = try await service.dispense(Samples.dispense(code, key: "n1", [(1, 10)]), caller: Samples.pharmacy)
            }
            #expect(partial?.message.contains("in full in one dispense") == true)
            #expect(try await service.dispense(Samples.dispense(code, key: "n2", [(1, 30)]), caller: Samples.pharmacy).status == .completed)
        }
    }

    @Test("Get: unknown code NOT_FOUND, malformed INVALID_ARGUMENT, another prescriber PERMISSION_DENIED, HIV masked")
    func lookups() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            var content = Samples.ordinary()
            content.diagnoses.append(Diagnosis(icd10Code: "B20", text: "HIV"))
            let code = try await self.submitted(service, content)
            var get = GetPrescriptionRequest()
            get.code = "79088zzzzzzz-C"
            #expect(await self.rpcError { _ = try await service.get(get, caller: Samples.pharmacy) }?.code == .notFound)
            get.code = "not a code"
            #expect(await self.rpcError { _ = try await service.get(get, caller: Samples.pharmacy) }?.code == .invalidArgument)
            get.code = code
            get.includeSignedPrescription = true
            #expect(await self.rpcError { _ = try await service.get(get, caller: Samples.clinic) }?.code == .permissionDenied)
            let masked = try await service.get(get, caller: Samples.pharmacy)
            #expect(masked.identityMasked)
            #expect(masked.prescription?.patient?.fullName == IdentityMasking.maskedName)
            #expect(masked.prescription?.patient?.citizenID == "")
            #expect(masked.signedPrescription.isEmpty)
            let own = try await service.get(get, caller: Samples.hospital)
            #expect(!own.identityMasked)
            #expect(own.prescription?.patient?.fullName == "Lê Văn An")
        }
    }

    @Test("50 concurrent dispenses of one line from two pharmacies never over-dispense")
    func concurrentDispenses() async throws {
        try await withPrescriptionStore { store async throws in
            let service = makeService(store: store, clock: ManualClock(Samples.issuedAt + 60))
            let code = try await self.submitted(service, Samples.ordinary(lines: [Samples.line(1, FakeProducts.amoxicillin, quantity: 30)]))
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let caller = index % 2 == 0 ? Samples.pharmacy : Samples.pharmacy2
                        do {
                            _ = try await service.dispense(Samples.dispense(code, key: "c\(index)", [(1, 1)]), caller: caller)
                            return true
                        } catch {
                            #expect(RPCError(mapping: error).code == .failedPrecondition)
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 30)
            var get = GetPrescriptionRequest()
            get.code = code
            let read = try await service.get(get, caller: Samples.regulator)
            #expect(read.lines[0].dispensedQuantity == 30)
            #expect(read.dispenses.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.quantity } } == 30)
            #expect(read.status == .completed)
        }
    }
}
