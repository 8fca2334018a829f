import RxSignature
import RxStore
import RxTransport
import RxWire

extension PrescriptionsService {
    /// Submit: verify, validate, screen, assign a code and store the signed bytes.
    public func submit(_ request: SubmitPrescriptionRequest, caller: FacilityIdentity) async throws
        -> SubmitPrescriptionResponse
    {
        try await self.audited(method: "Submit", code: nil, caller: caller) {
            try await self.issue(
                signed: request.signedPrescription, idempotencyKey: request.idempotencyKey, method: "Submit",
                caller: caller)
        }
    }

    /// Replace: like Submit, and the prescription named by the content's `replaces_code` becomes replaced.
    public func replace(_ request: ReplacePrescriptionRequest, caller: FacilityIdentity) async throws
        -> SubmitPrescriptionResponse
    {
        try await self.audited(method: "Replace", code: nil, caller: caller) {
            try await self.issue(
                signed: request.signedPrescription, idempotencyKey: request.idempotencyKey, method: "Replace",
                caller: caller)
        }
    }

    private func issue(signed: [UInt8], idempotencyKey key: String, method: String, caller: FacilityIdentity)
        async throws -> SubmitPrescriptionResponse
    {
        try Self.checkIdempotencyKey(key)
        let facilityCode = caller.facilityCode
        // The reads, the verification, validation and screening block or burn CPU: they run on the
        // blocking-work pool, so the cooperative threads stay free to hand committed answers back.
        let service = self
        let preparation = try await self.work.run {
            try service.prepareIssue(signed: signed, key: key, method: method, caller: caller)
        }
        let prepared: PreparedIssue
        switch preparation {
        case .replayed(let response):
            return response
        case .ready(let ready):
            prepared = ready
        }
        let requestHash = prepared.requestHash
        let now = prepared.now
        let content = prepared.content
        let signature = prepared.signature
        let replacing = prepared.replacing
        let validated = prepared.validated
        let patientKeys = prepared.patientKeys
        let screening = prepared.screening
        let proposed = prepared.proposed
        let generateCode = self.generateCode
        let role = Self.roles(of: caller)
        let events = self.events
        let prescriberCertificate = signature.signerPractisingCertificate
        return try await self.store.write { connection in
            if let replayed = try Self.replay(
                SubmitPrescriptionResponse.self, facilityCode: facilityCode, method: method, key: key,
                requestHash: requestHash, on: connection)
            {
                return replayed
            }
            if let replacing {
                try Self.checkReplaceable(replacing.description, caller: caller, on: connection)
            }
            let code = try Self.newCode(proposed: proposed, content: content, generate: generateCode, on: connection)
            try PrescriptionRepository.insert(
                validated, code: code, signature: signature, signedBytes: signed, patientKeys: patientKeys, now: now,
                on: connection)
            try PrescriptionRepository.recordOverrides(
                screening.acknowledged, code: code, now: now, on: connection)
            try events.submitted(
                PrescriptionSubmitted(
                    code: code, validated: validated, patientKeys: patientKeys,
                    prescriberCertificate: prescriberCertificate, interactionAlerts: screening.alerts.count, at: now),
                on: connection)
            var response = SubmitPrescriptionResponse()
            response.code = code
            response.validUntilUnixSeconds = validated.validUntil
            response.alerts = screening.alerts
            response.status = .active
            try PrescriptionRepository.recordIdempotency(
                facilityCode: facilityCode, method: method, key: key, requestHash: requestHash,
                response: response.serializedBytes(), now: now, on: connection)
            try AuditLog.append(
                on: connection, at: now, facilityCode: facilityCode, role: role, method: method, code: code, result: "OK")
            if let replacing {
                let old = replacing.description
                try PrescriptionRepository.setStatus(.replaced, of: old, replacedBy: code, on: connection)
                try PrescriptionRepository.addHistory(
                    code: old, status: .replaced, at: now, facilityCode: facilityCode, reason: "replaced by \(code)",
                    on: connection)
                try AuditLog.append(
                    on: connection, at: now, facilityCode: facilityCode, role: role, method: method, code: old,
                    result: "OK")
                try events.replaced(code: old, by: code, at: now, on: connection)
            }
            return response
        }
    }

    /// What a new submission brings to the writer once it is verified, validated and screened.
    struct PreparedIssue: Sendable {
        var requestHash: [UInt8]
        var now: Int64
        var content: Prescription
        var signature: VerifiedSignature
        var replacing: PrescriptionCode?
        var validated: ValidatedPrescription
        var patientKeys: [[UInt8]]
        var screening: ScreeningResult
        var proposed: PrescriptionCode?
    }

    /// A retry's stored answer, or a new submission ready to be written.
    enum IssuePreparation: Sendable {
        case replayed(SubmitPrescriptionResponse)
        case ready(PreparedIssue)
    }

    /// Everything before the write, blocking and CPU-heavy: the idempotency replay check, the signature,
    /// validation against the facility and catalog, and interaction screening.
    func prepareIssue(signed: [UInt8], key: String, method: String, caller: FacilityIdentity) throws
        -> IssuePreparation
    {
        let requestHash = SHA256.hash(signed)
        let facilityCode = caller.facilityCode
        // A retry is answered before the (expensive) verification.
        if let replayed = try self.store.read({ connection in
            try Self.replay(
                SubmitPrescriptionResponse.self, facilityCode: facilityCode, method: method, key: key,
                requestHash: requestHash, on: connection)
        }) {
            return .replayed(replayed)
        }
        let now = self.clock.now()
        let (content, signature) = try self.verifiedContent(signed, caller: caller, now: now)
        let replacing = try Self.replacedCode(content, method: method)
        let patientKeys = content.patient.map(PatientKey.keys(for:)) ?? []
        // One read transaction for both lookups: the facility and the patient's other active lines.
        let (facility, active) = try self.store.read { connection in
            (
                try PrescriptionRepository.facility(facilityCode, on: connection),
                try PrescriptionRepository.activeLines(
                    patientKeys: patientKeys, now: now, excluding: replacing?.description, on: connection)
            )
        }
        let validated = try PrescriptionValidator(products: self.products, now: now).validate(content, facility: facility)
        let screening = try self.screen(validated, active: active)
        let proposed = try content.proposedCode.map { text throws(PrescriptionError) in try PrescriptionCode(parsing: text) }
        return .ready(
            PreparedIssue(
                requestHash: requestHash, now: now, content: content, signature: signature, replacing: replacing,
                validated: validated, patientKeys: patientKeys, screening: screening, proposed: proposed))
    }

    /// The code named by `replaces_code`, required for Replace and refused for Submit.
    private static func replacedCode(_ content: Prescription, method: String) throws(PrescriptionError) -> PrescriptionCode? {
        switch (method, content.replacesCode) {
        case ("Replace", nil):
            throw .invalidArgument("a replacement must name the prescription it replaces in replaces_code")
        case ("Replace", let text?):
            return try PrescriptionCode(parsing: text)
        case (_, nil):
            return nil
        case (_, .some):
            throw .invalidArgument("replaces_code is set: corrections go through Replace, not Submit")
        }
    }

    /// Only the issuing facility may replace, and only a prescription still active with nothing dispensed.
    private static func checkReplaceable(_ code: String, caller: FacilityIdentity, on connection: SQLiteConnection) throws {
        guard let old = try PrescriptionRepository.load(code, on: connection) else {
            throw PrescriptionError.notFound("no prescription has the code \(code) named in replaces_code")
        }
        guard old.facilityCode == caller.facilityCode else {
            throw PrescriptionError.permissionDenied("only the issuing facility \(old.facilityCode) may replace \(code)")
        }
        guard old.status == .active, old.lines.allSatisfy({ $0.dispensed == 0 }) else {
            throw PrescriptionError.failedPrecondition(
                "\(code) cannot be replaced: it is \(old.status.rawValue.replacingOccurrences(of: "_", with: " ")); "
                    + "only an active prescription with nothing dispensed can be replaced")
        }
    }

    /// The proposed code after its uniqueness check, or a fresh random one.
    private static func newCode(
        proposed: PrescriptionCode?, content: Prescription,
        generate: @Sendable (String, PrescriptionType) -> PrescriptionCode, on connection: SQLiteConnection
    ) throws -> String {
        if let proposed {
            guard try !PrescriptionRepository.exists(proposed.description, on: connection) else {
                throw PrescriptionError.alreadyExists("the proposed code \(proposed) is already in use")
            }
            return proposed.description
        }
        for _ in 0..<8 {
            let code = generate(content.facilityCode, content.type).description
            if try !PrescriptionRepository.exists(code, on: connection) {
                return code
            }
        }
        throw PrescriptionError(.unavailable, "could not draw an unused prescription code; retry")
    }

    /// Screens the new lines against the patient's other dispensable prescriptions; blocking findings the
    /// prescriber did not acknowledge refuse the submission.
    private func screen(_ validated: ValidatedPrescription, active: [ScreenedLine]) throws -> ScreeningResult {
        let new = validated.content.lines.enumerated().map { index, line in
            ScreenedLine(
                lineNumber: line.lineNumber, registrationNumber: line.registrationNumber,
                ingredients: index < validated.products.count && !validated.products[index].ingredients.isEmpty
                    ? validated.products[index].ingredients.map(\.inn) : line.activeIngredients.map(\.inn))
        }
        let overrides = validated.content.interactionOverrides.map { (ingredientA: $0.ingredientA, ingredientB: $0.ingredientB) }
        var result = self.screening.screen(new: new, active: active, overrides: overrides)
        Self.attachOverrideReasons(&result, content: validated.content)
        guard result.blocking.isEmpty else {
            throw PrescriptionError.failedPrecondition(
                "interaction screening requires acknowledgement (add an interaction override with a reason): "
                    + result.blocking.map { "\($0.ingredientA) + \($0.ingredientB): \($0.message)" }.joined(separator: "; "))
        }
        return result
    }

    /// Copies each override's reason from the signed content onto the alerts it covers, so the
    /// response says which findings were overridden and why.
    private static func attachOverrideReasons(_ result: inout ScreeningResult, content: Prescription) {
        for index in result.acknowledged.indices {
            let item = result.acknowledged[index]
            let reason = content.interactionOverrides.first {
                $0.ingredientA == item.overrideIngredientA && $0.ingredientB == item.overrideIngredientB
            }?.reason ?? ""
            if let position = result.alerts.firstIndex(of: item.alert) {
                result.alerts[position].overrideReason = reason
            }
            result.acknowledged[index].alert.overrideReason = reason
        }
    }
}
