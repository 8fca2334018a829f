import RxTransport
import RxWire
import Testing

@testable import RxApp

@Suite("FHIR export")
struct FHIRExportServiceTests {
    static func caller(_ facilityCode: String, _ roles: Set<FacilityRole>) -> FacilityIdentity {
        FacilityIdentity(
            facilityCode: facilityCode, facilityName: "thử nghiệm", roles: roles, certificateSerial: "01", notAfter: 0)
    }

    /// Issued by 79088, dispensed once by the pharmacy 48102.
    static var found: GetPrescriptionResponse {
        var line = DrugLine()
        line.lineNumber = 1
        line.registrationNumber = "VD-12345-18"
        line.quantity = 10
        line.unit = "viên"
        var prescription = Prescription()
        prescription.facilityCode = "79088"
        prescription.lines = [line]
        var dispensed = DispensedLine()
        dispensed.lineNumber = 1
        dispensed.registrationNumber = "VD-12345-18"
        dispensed.quantity = 2
        var dispense = DispenseRecord()
        dispense.dispenseID = "d-1"
        dispense.pharmacyFacilityCode = "48102"
        dispense.lines = [dispensed]
        var response = GetPrescriptionResponse()
        response.code = "79088k3f9a2q-C"
        response.prescription = prescription
        response.dispenses = [dispense]
        return response
    }

    @Test("the issuing facility, the pharmacy that dispensed and a regulator may export")
    func allowedCallers() throws {
        try FHIRExportService.checkMayExport(Self.found, caller: Self.caller("79088", [.prescriber]))
        try FHIRExportService.checkMayExport(Self.found, caller: Self.caller("48102", [.pharmacy]))
        try FHIRExportService.checkMayExport(Self.found, caller: Self.caller("01QLD", [.regulator]))
    }

    @Test("another prescriber and a pharmacy that did not dispense are refused with PERMISSION_DENIED")
    func refusedCallers() {
        for caller in [Self.caller("01215", [.prescriber]), Self.caller("92031", [.pharmacy])] {
            #expect(throws: RPCError.self) { try FHIRExportService.checkMayExport(Self.found, caller: caller) }
            do {
                try FHIRExportService.checkMayExport(Self.found, caller: caller)
            } catch let error as RPCError {
                #expect(error.code == .permissionDenied)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("the bundle takes ATC codes from the lookup and leaves the patient out when none is given")
    func bundleUsesLookup() throws {
        var bundle = FHIRBundle(response: Self.found) { $0 == "VD-12345-18" ? ["N02BE01"] : [] }
        let json = bundle.build()
        let entries = try #require(json["entry"] as? [[String: Any]])
        let resources = entries.compactMap { $0["resource"] as? [String: Any] }
        let kinds = Set(resources.compactMap { $0["resourceType"] as? String })
        #expect(kinds == ["Organization", "Medication", "MedicationRequest", "MedicationDispense", "Provenance"])
        let medication = try #require(resources.first { $0["resourceType"] as? String == "Medication" })
        let coding = (medication["code"] as? [String: Any])?["coding"] as? [[String: Any]]
        #expect(coding?.first?["code"] as? String == "N02BE01")
    }
}
