import RxSignature
import RxStore
import RxTransport
import RxWire

extension PrescriptionsService {
    /// Dispense: records what a pharmacy handed out. Partial dispensing is allowed except for narcotic
    /// prescriptions, which are dispensed in full in one go (see docs/prescriptions.md).
    public func dispense(_ request: DispensePrescriptionRequest, caller: FacilityIdentity) async throws
        -> DispensePrescriptionResponse
    {
        let code = try PrescriptionCode(parsing: request.code).description
        return try await self.audited(method: "Dispense", code: code, caller: caller) {
            try await self.performDispense(request, code: code, caller: caller)
        }
    }

    private func performDispense(_ request: DispensePrescriptionRequest, code: String, caller: FacilityIdentity)
        async throws -> DispensePrescriptionResponse
    {
        let key = request.idempotencyKey
        try Self.checkIdempotencyKey(key)
        let requestHash = SHA256.hash(request.serializedBytes())
        let facilityCode = caller.facilityCode
        guard let prescription = try self.store.read({ try PrescriptionRepository.load(code, on: $0) }) else {
            throw PrescriptionError.notFound("no prescription has the code \(code)")
        }
        let now = self.clock.now()
        let lines = try self.priced(request, against: prescription, on: CivilDate.inVietnam(at: now))
        let role = Self.roles(of: caller)
        let invoice = request.invoiceNumber
        let events = self.events
        return try await self.store.write { connection in
            if let replayed = try Self.replay(
                DispensePrescriptionResponse.self, facilityCode: facilityCode, method: "Dispense", key: key,
                requestHash: requestHash, on: connection)
            {
                return replayed
            }
            guard let current = try PrescriptionRepository.load(code, on: connection) else {
                throw PrescriptionError.notFound("no prescription has the code \(code)")
            }
            try Self.checkDispensable(current, lines: lines, now: now)
            for line in lines {
                guard try PrescriptionRepository.addDispensed(
                    line.quantity, prescriptionID: current.rowID, lineNumber: line.lineNumber, on: connection)
                else {
                    throw PrescriptionError.failedPrecondition(
                        "line \(line.lineNumber): \(line.quantity) requested but only "
                            + "\(current.lines.first { $0.lineNumber == line.lineNumber }?.remaining ?? 0) remain; "
                            + "remaining quantities: \(current.remainingSummary)")
                }
            }
            let dispenseID = try PrescriptionRepository.insertDispense(
                code: code, pharmacyFacilityCode: facilityCode, at: now, invoiceNumber: invoice, idempotencyKey: key,
                lines: lines, on: connection)
            let updatedLines = try PrescriptionRepository.lines(ofPrescription: current.rowID, on: connection)
            let newStatus: StoredStatus = updatedLines.allSatisfy { $0.remaining == 0 } ? .completed : .partlyDispensed
            if newStatus != current.status {
                try PrescriptionRepository.setStatus(newStatus, of: code, on: connection)
                try PrescriptionRepository.addHistory(
                    prescriptionID: current.rowID, status: newStatus, at: now, facilityCode: facilityCode,
                    reason: "dispense \(dispenseID)", on: connection)
            }
            try events.dispensed(
                PrescriptionDispensed(
                    code: code, pharmacyFacilityCode: facilityCode, at: now, lines: lines, previousStatus: current.status,
                    newStatus: newStatus),
                on: connection)
            var response = DispensePrescriptionResponse()
            response.code = code
            response.status = newStatus.wireStatus
            response.lines = updatedLines.map(\.state)
            response.dispenseID = String(dispenseID)
            try PrescriptionRepository.recordIdempotency(
                facilityCode: facilityCode, method: "Dispense", key: key, requestHash: requestHash,
                response: response.serializedBytes(), now: now, on: connection)
            try AuditLog.append(
                on: connection, at: now, facilityCode: facilityCode, role: role, method: "Dispense", code: code,
                result: "OK")
            return response
        }
    }

    /// Checks each requested line against the prescription (line exists, quantity, substitution) and fills
    /// in the product handed out and the reference price on `date`.
    private func priced(
        _ request: DispensePrescriptionRequest, against prescription: StoredPrescription, on date: CivilDate
    ) throws(PrescriptionError) -> [DispensedLine] {
        guard !request.lines.isEmpty else { throw .invalidArgument("a dispense needs at least one line") }
        var seen: Set<UInt32> = []
        var priced: [DispensedLine] = []
        for requested in request.lines {
            guard let line = prescription.lines.first(where: { $0.lineNumber == requested.lineNumber }) else {
                throw .invalidArgument("\(prescription.code) has no line \(requested.lineNumber)")
            }
            guard seen.insert(requested.lineNumber).inserted else {
                throw .invalidArgument("line \(requested.lineNumber) appears twice in one dispense")
            }
            guard requested.quantity > 0 else {
                throw .invalidArgument("line \(requested.lineNumber): quantity must be greater than 0")
            }
            guard requested.unitPriceVND >= 0 else {
                throw .invalidArgument("line \(requested.lineNumber): unit_price_vnd must not be negative")
            }
            if let refusal = SubstitutionRule.refusal(
                prescribed: line.registrationNumber, handedOut: requested.registrationNumber,
                doNotSubstitute: line.doNotSubstitute, lineNumber: line.lineNumber, products: self.products)
            {
                throw .failedPrecondition(refusal)
            }
            var dispensed = requested
            if dispensed.registrationNumber.isEmpty { dispensed.registrationNumber = line.registrationNumber }
            dispensed.referenceUnitPriceVND =
                self.products.unitPriceVND(registrationNumber: dispensed.registrationNumber, on: date) ?? 0
            priced.append(dispensed)
        }
        return priced
    }

    /// State checks made inside the write, against the committed state.
    static func checkDispensable(_ prescription: StoredPrescription, lines: [DispensedLine], now: Int64) throws(PrescriptionError) {
        let code = prescription.code
        switch prescription.status.effective(validUntil: prescription.validUntil, now: now) {
        case .cancelled: throw .failedPrecondition("\(code) was cancelled by the issuing facility and cannot be dispensed")
        case .replaced:
            throw .failedPrecondition(
                "\(code) was replaced by \(prescription.replacedBy ?? "a newer prescription") and cannot be dispensed")
        case .completed: throw .failedPrecondition("\(code) is already dispensed in full")
        case .expired: throw .failedPrecondition("\(code) expired at \(prescription.validUntil) (5 days after issue) and cannot be dispensed")
        default: break
        }
        if prescription.type == .narcotic {
            let complete = prescription.lines.allSatisfy { line in
                line.dispensed == 0 && lines.contains { $0.lineNumber == line.lineNumber && $0.quantity == line.quantity }
            }
            guard complete else {
                throw .failedPrecondition(
                    "\(code) is a narcotic prescription: every line must be dispensed in full in one dispense "
                        + "(prescribed: \(prescription.lines.map { "line \($0.lineNumber) × \($0.quantity)" }.joined(separator: ", ")))")
            }
        }
    }
}
