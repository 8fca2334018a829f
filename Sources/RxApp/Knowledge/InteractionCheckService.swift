import Foundation
import RxDrugKnowledge
import RxPrescriptions
import RxStore
import RxTransport
import RxWire

/// `rx.v1.Drugs/CheckInteractions`: prescriber software checks a draft before the doctor signs it.
///
/// It lives in the application layer because it needs both the drug knowledge and the prescriptions
/// store: with a patient identifier, the draft is checked against that patient's active prescriptions
/// from every facility, exactly as Submit will check it.
struct InteractionCheckService: Sendable {
    static let path = "/rx.v1.Drugs/CheckInteractions"
    /// Bounds the work one call may ask for.
    static let maximumItems = 100

    let knowledge: InteractionKnowledge
    let catalog: Catalog
    let store: Store

    func register(in router: inout Router, access: (String) -> MethodAccess) {
        let service = self
        router.registerUnary(Self.path, access: access(Self.path)) { (request: CheckInteractionsRequest, _) in
            try service.check(request)
        }
    }

    func check(_ request: CheckInteractionsRequest) throws -> CheckInteractionsResponse {
        guard !request.items.isEmpty else { throw RPCError(.invalidArgument, "items: at least one drug is needed") }
        guard request.items.count <= Self.maximumItems else {
            throw RPCError(.invalidArgument, "items: at most \(Self.maximumItems) drugs per check")
        }
        let index = self.knowledge.current
        let snapshot = self.catalog.current
        var drafts: [CheckedDrug] = []
        for (position, item) in request.items.enumerated() {
            let line = position + 1
            switch item.item {
            case .registrationNumber(let number):
                guard let product = snapshot.product(registrationNumber: number) else {
                    throw RPCError(.notFound, "items[\(position)]: registration number \(number) is not in the drug catalog")
                }
                drafts.append(
                    CheckedDrug(
                        displayName: "\(product.brandName) (\(number))", ingredients: product.ingredients.map(\.inn),
                        atcCodes: product.atcCodes, lineNumber: line))
            case .ingredient(let name):
                guard let drug = index.drug(named: name, lineNumber: line) else {
                    throw RPCError(.notFound, "items[\(position)]: no active ingredient known as \"\(name)\"")
                }
                drafts.append(drug)
            case nil:
                throw RPCError(.invalidArgument, "items[\(position)]: set registration_number or ingredient")
            }
        }
        let active = try self.activeDrugs(patientID: request.patientID, snapshot: snapshot)
        var response = CheckInteractionsResponse()
        response.alerts = index.check(new: drafts, active: active).alerts.map(Self.wireAlert)
        return response
    }

    private func activeDrugs(patientID: String, snapshot: CatalogSnapshot) throws -> [CheckedDrug] {
        let identifier = patientID.trimmingCharacters(in: .whitespaces)
        guard !identifier.isEmpty else { return [] }
        var patient = Patient()
        if PatientKey.isCitizenID(identifier) {
            patient.citizenID = identifier
        } else if PatientKey.isHealthInsuranceNumber(identifier) {
            patient.healthInsuranceNumber = identifier
        } else {
            throw RPCError(
                .invalidArgument, "patient_id must be a 12-digit citizen ID or a health-insurance (BHYT) number")
        }
        let keys = PatientKey.keys(for: patient)
        let now = Int64(Date().timeIntervalSince1970)
        let lines = try self.store.read { connection in
            try PrescriptionRepository.activeLines(patientKeys: keys, now: now, excluding: nil, on: connection)
        }
        return lines.map { line in
            let product = snapshot.product(registrationNumber: line.registrationNumber)
            return CheckedDrug(
                displayName: product.map { "\($0.brandName) (\(line.registrationNumber))" } ?? line.registrationNumber,
                ingredients: line.ingredients, atcCodes: product?.atcCodes ?? [], lineNumber: Int(line.lineNumber),
                prescriptionCode: line.prescriptionCode)
        }
    }

    static func wireAlert(_ alert: RxDrugKnowledge.InteractionAlert) -> RxWire.InteractionAlert {
        var message = RxWire.InteractionAlert()
        switch alert.severity {
        case .contraindicated: message.severity = .contraindicated
        case .major: message.severity = .major
        case .moderate: message.severity = .moderate
        case .minor: message.severity = .minor
        }
        message.kind = alert.kind == .interaction ? .drugInteraction : .duplicateTherapy
        message.drugA = alert.first.displayName
        message.drugB = alert.second.displayName
        message.ingredientA = alert.firstIngredient
        message.ingredientB = alert.secondIngredient
        message.clinicalEffect = alert.effect
        message.mechanism = alert.rule?.mechanism ?? ""
        message.management = alert.management
        message.source = alert.source
        message.otherPrescriptionCode = alert.otherPrescriptionCode ?? ""
        message.ruleID = alert.rule?.id ?? ""
        return message
    }
}
