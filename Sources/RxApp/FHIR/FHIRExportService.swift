import Foundation
import RxDrugKnowledge
import RxPrescriptions
import RxTransport
import RxWire

/// `rx.v1.Prescriptions/ExportFhir`: a prescription as a FHIR R4 Bundle for health information exchanges.
///
/// It lives in RxApp because the bundle joins two domains (the prescription and the catalog's ATC codes).
/// The read goes through `PrescriptionsService.get`, so it is audited and identity-masked exactly like
/// `Get`; the export is then narrowed to the issuing facility, pharmacies that dispensed the prescription
/// and regulators.
struct FHIRExportService: Sendable {
    static let path = PrescriptionsService.path("ExportFhir")

    let prescriptions: PrescriptionsService
    let catalog: Catalog

    func register(in router: inout Router, access: (String) -> MethodAccess) {
        let service = self
        router.registerUnary(Self.path, access: access(Self.path)) { (request: ExportFhirRequest, context) in
            try await service.export(request, caller: context.identity)
        }
    }

    func export(_ request: ExportFhirRequest, caller: FacilityIdentity) async throws -> ExportFhirResponse {
        var get = GetPrescriptionRequest()
        get.code = request.code
        get.includeSignedPrescription = true
        let found = try await self.prescriptions.get(get, caller: caller)
        try Self.checkMayExport(found, caller: caller)
        let snapshot = self.catalog.current
        var bundle = FHIRBundle(response: found) { registrationNumber in
            snapshot.product(registrationNumber: registrationNumber)?.atcCodes ?? []
        }
        let data: Data
        do {
            data = try JSONSerialization.data(
                withJSONObject: bundle.build(), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        } catch {
            throw RPCError(.internal, "the FHIR bundle of \(found.code) could not be written as JSON: \(error)")
        }
        var response = ExportFhirResponse()
        response.code = found.code
        response.bundleJSON = String(decoding: data, as: UTF8.self)
        return response
    }

    /// Issuing facility, a pharmacy with a dispense record of its own, or a regulator.
    static func checkMayExport(_ found: GetPrescriptionResponse, caller: FacilityIdentity) throws {
        if caller.roles.contains(.regulator) { return }
        if found.prescription?.facilityCode == caller.facilityCode { return }
        if caller.roles.contains(.pharmacy),
            found.dispenses.contains(where: { $0.pharmacyFacilityCode == caller.facilityCode })
        {
            return
        }
        throw RPCError(
            .permissionDenied,
            "\(found.code) may be exported by the issuing facility, pharmacies that dispensed it and regulators only")
    }
}
