import RxWire

extension ConformanceSample {
    /// Samples for `rx/v1/prescriptions.proto`; together they set every field of its messages.
    static let prescriptionsServiceSamples: [ConformanceSample] = [
        .submitPrescriptionRequest, .submitPrescriptionResponse, .getPrescriptionRequest, .getPrescriptionResponse,
        .dispensePrescriptionRequest, .dispensePrescriptionResponse, .cancelPrescriptionRequest,
        .cancelPrescriptionResponse, .replacePrescriptionRequest, .auditVerifyRequest, .auditVerifyResponse,
        .exportFhirRequest, .exportFhirResponse,
    ]

    static let submitPrescriptionRequest = ConformanceSample(name: "SubmitPrescriptionRequest", message: {
        var request = SubmitPrescriptionRequest()
        request.signedPrescription = [0x30, 0x80, 0x00, 0xFF]
        request.idempotencyKey = "lần-gửi-1"
        return request
    }(), text: #"""
        signed_prescription: "0\200\000\377"
        idempotency_key: "lần-gửi-1"
        """#)

    static let submitPrescriptionResponse = ConformanceSample(name: "SubmitPrescriptionResponse", message: {
        var alert = PrescriptionAlert()
        alert.severity = "major"
        alert.kind = "interaction"
        alert.message = "Tăng nguy cơ chảy máu"
        alert.ingredientA = "Warfarin"
        alert.ingredientB = "Aspirin"
        alert.otherPrescriptionCode = "01215a1b2c3d-C"
        alert.source = "rx-interactions-2026.1"
        alert.ruleID = "DDI-0042"
        alert.overrideReason = "Theo dõi INR hằng tuần"
        var response = SubmitPrescriptionResponse()
        response.code = "79088k3f9a2q-C"
        response.validUntilUnixSeconds = 1_767_657_600
        response.alerts = [alert, PrescriptionAlert()]
        response.status = .active
        return response
    }(), text: """
        code: "79088k3f9a2q-C"
        valid_until_unix_seconds: 1767657600
        alerts {
          severity: "major" kind: "interaction" message: "Tăng nguy cơ chảy máu"
          ingredient_a: "Warfarin" ingredient_b: "Aspirin" other_prescription_code: "01215a1b2c3d-C"
          source: "rx-interactions-2026.1" rule_id: "DDI-0042" override_reason: "Theo dõi INR hằng tuần"
        }
        alerts {}
        status: PRESCRIPTION_STATUS_ACTIVE
        """)

    static let getPrescriptionRequest = ConformanceSample(name: "GetPrescriptionRequest", message: {
        var request = GetPrescriptionRequest()
        request.code = "79088K3F9A2Q-c"
        request.includeSignedPrescription = true
        return request
    }(), text: """
        code: "79088K3F9A2Q-c"
        include_signed_prescription: true
        """)

    static let getPrescriptionResponse = ConformanceSample(name: "GetPrescriptionResponse", message: {
        var content = Prescription()
        content.facilityCode = "79088"
        content.type = .narcotic
        var line = PrescriptionLineState()
        line.lineNumber = 1
        line.registrationNumber = "VD-25123-18"
        line.prescribedQuantity = 20
        line.dispensedQuantity = 15
        line.remainingQuantity = 5
        var handedOut = DispensedLine()
        handedOut.lineNumber = 1
        handedOut.quantity = 15
        handedOut.registrationNumber = "893114458325"
        handedOut.unitPriceVND = 2_500
        handedOut.referenceUnitPriceVND = -1
        var record = DispenseRecord()
        record.dispenseID = "d-000001"
        record.pharmacyFacilityCode = "48102"
        record.dispensedAtUnixSeconds = 1_767_300_000
        record.lines = [handedOut]
        record.invoiceNumber = "HĐ-0001"
        var change = StatusChange()
        change.status = .partlyDispensed
        change.changedAtUnixSeconds = 1_767_300_000
        change.facilityCode = "48102"
        change.reason = "bán một phần"
        var response = GetPrescriptionResponse()
        response.code = "79088k3f9a2q-N"
        response.prescription = content
        response.status = .partlyDispensed
        response.validUntilUnixSeconds = 1_767_657_600
        response.lines = [line]
        response.dispenses = [record]
        response.statusHistory = [change]
        response.signedPrescription = [1, 2, 3]
        response.identityMasked = true
        response.replacedByCode = "79088aaaaaaa-N"
        response.signerCertificateSerial = "1A2B3C"
        return response
    }(), text: #"""
        code: "79088k3f9a2q-N"
        prescription { facility_code: "79088" type: PRESCRIPTION_TYPE_NARCOTIC }
        status: PRESCRIPTION_STATUS_PARTLY_DISPENSED
        valid_until_unix_seconds: 1767657600
        lines {
          line_number: 1 registration_number: "VD-25123-18" prescribed_quantity: 20
          dispensed_quantity: 15 remaining_quantity: 5
        }
        dispenses {
          dispense_id: "d-000001" pharmacy_facility_code: "48102" dispensed_at_unix_seconds: 1767300000
          lines {
            line_number: 1 quantity: 15 registration_number: "893114458325" unit_price_vnd: 2500
            reference_unit_price_vnd: -1
          }
          invoice_number: "HĐ-0001"
        }
        status_history {
          status: PRESCRIPTION_STATUS_PARTLY_DISPENSED changed_at_unix_seconds: 1767300000
          facility_code: "48102" reason: "bán một phần"
        }
        signed_prescription: "\001\002\003"
        identity_masked: true
        replaced_by_code: "79088aaaaaaa-N"
        signer_certificate_serial: "1A2B3C"
        """#)

    static let dispensePrescriptionRequest = ConformanceSample(name: "DispensePrescriptionRequest", message: {
        var line = DispensedLine()
        line.lineNumber = 2
        line.quantity = 10
        var request = DispensePrescriptionRequest()
        request.code = "79088k3f9a2q-C"
        request.lines = [line]
        request.idempotencyKey = "nhà-thuốc-42"
        request.invoiceNumber = "0000123"
        return request
    }(), text: """
        code: "79088k3f9a2q-C"
        lines { line_number: 2 quantity: 10 }
        idempotency_key: "nhà-thuốc-42"
        invoice_number: "0000123"
        """)

    static let dispensePrescriptionResponse = ConformanceSample(name: "DispensePrescriptionResponse", message: {
        var line = PrescriptionLineState()
        line.lineNumber = 2
        line.prescribedQuantity = 10
        line.dispensedQuantity = 10
        var response = DispensePrescriptionResponse()
        response.code = "79088k3f9a2q-C"
        response.status = .completed
        response.lines = [line]
        response.dispenseID = "d-000002"
        return response
    }(), text: """
        code: "79088k3f9a2q-C"
        status: PRESCRIPTION_STATUS_COMPLETED
        lines { line_number: 2 prescribed_quantity: 10 dispensed_quantity: 10 }
        dispense_id: "d-000002"
        """)

    static let cancelPrescriptionRequest = ConformanceSample(name: "CancelPrescriptionRequest", message: {
        var request = CancelPrescriptionRequest()
        request.code = "79088k3f9a2q-C"
        request.reason = "Kê nhầm liều"
        return request
    }(), text: """
        code: "79088k3f9a2q-C"
        reason: "Kê nhầm liều"
        """)

    static let cancelPrescriptionResponse = ConformanceSample(name: "CancelPrescriptionResponse", message: {
        var response = CancelPrescriptionResponse()
        response.code = "79088k3f9a2q-C"
        response.status = PrescriptionStatus(rawValue: 42)
        return response
    }(), text: """
        code: "79088k3f9a2q-C"
        status: 42
        """)

    static let replacePrescriptionRequest = ConformanceSample(name: "ReplacePrescriptionRequest", message: {
        var request = ReplacePrescriptionRequest()
        request.signedPrescription = [0x30]
        request.idempotencyKey = "sửa-1"
        return request
    }(), text: """
        signed_prescription: "0"
        idempotency_key: "sửa-1"
        """)

    static let auditVerifyRequest = ConformanceSample(name: "AuditVerifyRequest", message: AuditVerifyRequest(), text: "")

    static let auditVerifyResponse = ConformanceSample(name: "AuditVerifyResponse", message: {
        var response = AuditVerifyResponse()
        response.intact = true
        response.entriesChecked = UInt64.max
        response.firstBrokenSequence = 17
        response.problem = "entry_hash does not match the entry's content"
        response.headHash = [0xDE, 0xAD]
        return response
    }(), text: #"""
        intact: true
        entries_checked: 18446744073709551615
        first_broken_sequence: 17
        problem: "entry_hash does not match the entry\'s content"
        head_hash: "\336\255"
        """#)

    static let exportFhirRequest = ConformanceSample(name: "ExportFhirRequest", message: {
        var request = ExportFhirRequest()
        request.code = "79088k3f9a2q-C"
        return request
    }(), text: """
        code: "79088k3f9a2q-C"
        """)

    static let exportFhirResponse = ConformanceSample(name: "ExportFhirResponse", message: {
        var response = ExportFhirResponse()
        response.code = "79088k3f9a2q-C"
        response.bundleJSON = "{}"
        return response
    }(), text: """
        code: "79088k3f9a2q-C"
        bundle_json: "{}"
        """)
}
