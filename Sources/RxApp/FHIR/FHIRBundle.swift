import Foundation
import RxWire

/// A prescription as a FHIR R4 `Bundle` (type `collection`, JSON), built from `Get`'s answer.
///
/// The one builder of exported bundles: `rx.v1.Prescriptions/ExportFhir` serves it, and
/// `rxctl export --fhir` calls that method, so the server and the tool cannot drift apart.
///
/// One `MedicationRequest` per line (identified by the national prescription code), one
/// `MedicationDispense` per dispensed line, one `Medication` per product, the `Patient`, the
/// `Practitioner`, an `Organization` per facility, and a `Provenance` carrying the CMS signature.
/// Times carry Vietnam's offset (+07:00); quantities of time use UCUM.
struct FHIRBundle {
    typealias JSON = [String: Any]

    let response: GetPrescriptionResponse
    /// ATC codes of a registration number, looked up in the catalog (empty for a product it lacks).
    let atcCodes: (_ registrationNumber: String) -> [String]
    private(set) var entries: [JSON] = []
    private var references: [String: String] = [:]

    init(response: GetPrescriptionResponse, atcCodes: @escaping (_ registrationNumber: String) -> [String]) {
        self.response = response
        self.atcCodes = atcCodes
    }

    /// The whole bundle.
    mutating func build(now: Date = Date()) -> JSON {
        let prescription = self.response.prescription ?? Prescription()
        self.addOrganization(prescription.facilityCode)
        if let prescriber = prescription.prescriber { self.addPractitioner(prescriber) }
        if !self.response.identityMasked, let patient = prescription.patient { self.addPatient(patient) }
        for line in prescription.lines {
            self.addMedication(registrationNumber: line.registrationNumber, line: line)
            self.addMedicationRequest(line, prescription: prescription)
        }
        for dispense in self.response.dispenses {
            self.addOrganization(dispense.pharmacyFacilityCode)
            for line in dispense.lines { self.addMedicationDispense(line, of: dispense, prescription: prescription) }
        }
        self.addProvenance(prescription)
        return [
            "resourceType": "Bundle",
            "identifier": ["system": FHIRSystems.prescriptionCode, "value": self.response.code],
            "type": "collection",
            "timestamp": Self.dateTime(Int64(now.timeIntervalSince1970)),
            "entry": self.entries,
        ]
    }

    /// Adds `resource` under a fresh `urn:uuid:` and remembers it under `key` for references.
    mutating func add(_ resource: JSON, key: String) {
        let url = "urn:uuid:" + UUID().uuidString.lowercased()
        self.references[key] = url
        var resource = resource
        resource["id"] = String(url.dropFirst("urn:uuid:".count))
        self.entries.append(["fullUrl": url, "resource": resource])
    }

    func reference(_ key: String) -> JSON? {
        self.references[key].map { ["reference": $0] }
    }

    func has(_ key: String) -> Bool { self.references[key] != nil }

    /// `2026-11-23T09:30:00+07:00`: FHIR dateTime with Vietnam's offset (no daylight saving).
    static func dateTime(_ unixSeconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }

    static func date(_ date: CivilDate) -> String {
        String(format: "%04d-%02d-%02d", Int(date.year), Int(date.month), Int(date.day))
    }
}
