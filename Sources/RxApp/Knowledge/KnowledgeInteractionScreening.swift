import RxDrugKnowledge
import RxPrescriptions
import RxWire

/// Submit-time interaction screening over the in-memory knowledge base: the new prescription's lines
/// against each other and against the patient's other active prescriptions from any facility.
struct KnowledgeInteractionScreening: InteractionScreening {
    let knowledge: InteractionKnowledge
    let catalog: Catalog
    /// Counts the alerts of every screened submission for `/metrics`.
    var alertCounter: InteractionAlertCounter? = nil

    func screen(
        new: [ScreenedLine], active: [ScreenedLine], overrides: [(ingredientA: String, ingredientB: String)]
    ) -> ScreeningResult {
        let snapshot = self.catalog.current
        func drug(_ line: ScreenedLine) -> CheckedDrug {
            let product = snapshot.product(registrationNumber: line.registrationNumber)
            return CheckedDrug(
                displayName: product.map { "\($0.brandName) (\(line.registrationNumber))" } ?? line.registrationNumber,
                ingredients: line.ingredients, atcCodes: product?.atcCodes ?? [], lineNumber: Int(line.lineNumber),
                prescriptionCode: line.prescriptionCode)
        }
        let report = self.knowledge.current.check(
            new: new.map(drug), active: active.map(drug),
            overrides: overrides.map { InteractionAcknowledgement($0.ingredientA, $0.ingredientB) })
        self.alertCounter?.record(report.alerts)
        return ScreeningResult(
            alerts: report.alerts.map(Self.prescriptionAlert), blocking: report.blocking.map(Self.prescriptionAlert),
            acknowledged: report.overridden.compactMap { alert in
                alert.acknowledgement.map {
                    AcknowledgedAlert(
                        alert: Self.prescriptionAlert(alert), overrideIngredientA: $0.ingredientA,
                        overrideIngredientB: $0.ingredientB)
                }
            })
    }

    static func prescriptionAlert(_ alert: RxDrugKnowledge.InteractionAlert) -> PrescriptionAlert {
        var message = PrescriptionAlert()
        message.severity = alert.severity.name
        message.kind = alert.kind.rawValue
        message.message = alert.summary
        message.ingredientA = alert.firstIngredient
        message.ingredientB = alert.secondIngredient
        message.otherPrescriptionCode = alert.otherPrescriptionCode ?? ""
        message.source = alert.source
        message.ruleID = alert.rule?.id ?? ""
        return message
    }
}
