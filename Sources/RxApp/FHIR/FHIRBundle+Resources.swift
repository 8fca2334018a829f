import Foundation
import RxWire

/// The resources of an exported bundle.
extension FHIRBundle {
    mutating func addOrganization(_ facilityCode: String) {
        guard !facilityCode.isEmpty, !self.has("Organization/\(facilityCode)") else { return }
        self.add([
            "resourceType": "Organization",
            "identifier": [["system": FHIRSystems.facilityCode, "value": facilityCode]],
            "active": true,
        ], key: "Organization/\(facilityCode)")
    }

    mutating func addPractitioner(_ prescriber: Prescriber) {
        var resource: JSON = ["resourceType": "Practitioner", "name": [["text": prescriber.fullName]]]
        if !prescriber.practisingCertificateNumber.isEmpty {
            resource["identifier"] = [["system": FHIRSystems.practisingCertificate, "value": prescriber.practisingCertificateNumber]]
        }
        self.add(resource, key: "Practitioner")
    }

    mutating func addPatient(_ patient: Patient) {
        var identifiers: [JSON] = []
        if !patient.citizenID.isEmpty { identifiers.append(["system": FHIRSystems.citizenID, "value": patient.citizenID]) }
        if !patient.healthInsuranceNumber.isEmpty {
            identifiers.append(["system": FHIRSystems.healthInsurance, "value": patient.healthInsuranceNumber])
        }
        var resource: JSON = ["resourceType": "Patient", "name": [["text": patient.fullName]]]
        if !identifiers.isEmpty { resource["identifier"] = identifiers }
        switch patient.sex {
        case .male: resource["gender"] = "male"
        case .female: resource["gender"] = "female"
        default: resource["gender"] = "unknown"
        }
        if let birth = patient.dateOfBirth { resource["birthDate"] = Self.date(birth) }
        if !patient.address.isEmpty { resource["address"] = [["text": patient.address]] }
        if !patient.guardianName.isEmpty {
            resource["contact"] = [["relationship": [["text": "người giám hộ"]], "name": ["text": patient.guardianName]]]
        }
        self.add(resource, key: "Patient")
    }

    mutating func addMedication(registrationNumber: String, line: DrugLine) {
        guard !self.has("Medication/\(registrationNumber)") else { return }
        let codings: [JSON] = self.atcCodes(registrationNumber).map { ["system": FHIRSystems.atc, "code": $0] }
        var code: JSON = ["text": line.brandName.isEmpty ? registrationNumber : line.brandName]
        if !codings.isEmpty { code["coding"] = codings }
        var resource: JSON = [
            "resourceType": "Medication",
            "extension": [["url": FHIRSystems.registrationNumberExtension, "valueString": registrationNumber]],
            "code": code,
        ]
        if !line.dosageForm.isEmpty { resource["form"] = ["text": line.dosageForm] }
        let ingredients: [JSON] = line.activeIngredients.map { ingredient in
            var entry: JSON = ["itemCodeableConcept": ["text": ingredient.inn], "isActive": true]
            if let strength = UCUMQuantity(parsing: ingredient.strength) {
                entry["strength"] = [
                    "numerator": strength.json,
                    "denominator": ["value": 1, "unit": line.unit.isEmpty ? "unit" : line.unit],
                ]
            }
            return entry
        }
        if !ingredients.isEmpty { resource["ingredient"] = ingredients }
        self.add(resource, key: "Medication/\(registrationNumber)")
    }

    mutating func addMedicationRequest(_ line: DrugLine, prescription: Prescription) {
        var resource: JSON = [
            "resourceType": "MedicationRequest",
            "identifier": [["system": FHIRSystems.prescriptionCode, "value": self.response.code]],
            "groupIdentifier": ["system": FHIRSystems.prescriptionCode, "value": self.response.code],
            "status": Self.requestStatus(self.response.status),
            "intent": "order",
            "authoredOn": Self.dateTime(prescription.issuedAtUnixSeconds),
            "dispenseRequest": [
                "quantity": ["value": Int(line.quantity), "unit": line.unit],
                "validityPeriod": [
                    "start": Self.dateTime(prescription.issuedAtUnixSeconds),
                    "end": Self.dateTime(self.response.validUntilUnixSeconds),
                ],
            ] as JSON,
            "substitution": ["allowedBoolean": !line.doNotSubstitute],
        ]
        resource["medicationReference"] = self.reference("Medication/\(line.registrationNumber)")
        resource["subject"] = self.reference("Patient") ?? ["display": "ẩn danh (identity masked)"]
        if let practitioner = self.reference("Practitioner") { resource["requester"] = practitioner }
        if line.daysOfSupply > 0, var request = resource["dispenseRequest"] as? JSON {
            request["expectedSupplyDuration"] = [
                "value": Int(line.daysOfSupply), "unit": "days", "system": FHIRSystems.ucum, "code": "d",
            ]
            resource["dispenseRequest"] = request
        }
        if let directions = line.directions {
            var dosage: JSON = ["sequence": Int(line.lineNumber)]
            let text = [directions.dose, directions.timesPerDay > 0 ? "\(directions.timesPerDay) lần/ngày" : "",
                        directions.route, directions.timing].filter { !$0.isEmpty }.joined(separator: ", ")
            if !text.isEmpty { dosage["text"] = text }
            if directions.timesPerDay > 0 {
                dosage["timing"] = ["repeat": ["frequency": Int(directions.timesPerDay), "period": 1, "periodUnit": "d"]]
            }
            if !directions.route.isEmpty { dosage["route"] = ["text": directions.route] }
            if !directions.timing.isEmpty { dosage["additionalInstruction"] = [["text": directions.timing]] }
            resource["dosageInstruction"] = [dosage]
        }
        let reasons: [JSON] = prescription.diagnoses.map { diagnosis in
            var concept: JSON = ["text": diagnosis.text]
            if !diagnosis.icd10Code.isEmpty { concept["coding"] = [["system": FHIRSystems.icd10, "code": diagnosis.icd10Code]] }
            return concept
        }
        if !reasons.isEmpty { resource["reasonCode"] = reasons }
        if !prescription.advice.isEmpty { resource["note"] = [["text": prescription.advice]] }
        self.add(resource, key: "MedicationRequest/\(line.lineNumber)")
    }

    mutating func addMedicationDispense(_ line: DispensedLine, of dispense: DispenseRecord, prescription: Prescription) {
        let prescribed = prescription.lines.first { $0.lineNumber == line.lineNumber }
        var resource: JSON = [
            "resourceType": "MedicationDispense",
            "identifier": [["system": FHIRSystems.dispenseID, "value": "\(dispense.dispenseID)/\(line.lineNumber)"]],
            "status": "completed",
            "quantity": ["value": Int(line.quantity), "unit": prescribed?.unit ?? ""],
            "whenHandedOver": Self.dateTime(dispense.dispensedAtUnixSeconds),
        ]
        if let medication = self.reference("Medication/\(line.registrationNumber)") {
            resource["medicationReference"] = medication
        } else {
            resource["medicationCodeableConcept"] = ["text": "số đăng ký \(line.registrationNumber) (thay thế)"]
        }
        if let patient = self.reference("Patient") { resource["subject"] = patient }
        if let pharmacy = self.reference("Organization/\(dispense.pharmacyFacilityCode)") {
            resource["performer"] = [["actor": pharmacy]]
        }
        if let request = self.reference("MedicationRequest/\(line.lineNumber)") {
            resource["authorizingPrescription"] = [request]
        }
        self.add(resource, key: "MedicationDispense/\(dispense.dispenseID)/\(line.lineNumber)")
    }

    mutating func addProvenance(_ prescription: Prescription) {
        let targets = prescription.lines.compactMap { self.reference("MedicationRequest/\($0.lineNumber)") }
        guard !targets.isEmpty else { return }
        var agent: JSON = [:]
        agent["who"] = self.reference("Practitioner") ?? ["display": "bác sĩ kê đơn"]
        if let organization = self.reference("Organization/\(prescription.facilityCode)") { agent["onBehalfOf"] = organization }
        var resource: JSON = [
            "resourceType": "Provenance", "target": targets,
            "recorded": Self.dateTime(prescription.issuedAtUnixSeconds), "agent": [agent],
        ]
        if !self.response.signedPrescription.isEmpty {
            resource["signature"] = [[
                "type": [["system": "urn:iso-astm:E1762-95:2013", "code": "1.2.840.10065.1.12.1.1", "display": "Author's Signature"]],
                "when": Self.dateTime(prescription.issuedAtUnixSeconds),
                "who": agent["who"] ?? [:],
                "sigFormat": "application/pkcs7-signature",
                "data": Data(self.response.signedPrescription).base64EncodedString(),
            ] as JSON]
        }
        self.add(resource, key: "Provenance")
    }

    static func requestStatus(_ status: PrescriptionStatus) -> String {
        switch status {
        case .active, .partlyDispensed: "active"
        case .completed: "completed"
        case .cancelled, .replaced: "cancelled"
        case .expired: "stopped"
        default: "unknown"
        }
    }
}
