import RxDrugKnowledge
import RxPrescriptions
import RxWire

/// The drug catalog as the prescription rules see it: every question reads the snapshot current at
/// that moment, so a catalog reload takes effect for the next call without a restart.
struct CatalogProductDirectory: ProductDirectory {
    let catalog: Catalog

    func product(registrationNumber: String) -> ProductFacts? {
        guard let product = self.catalog.current.product(registrationNumber: registrationNumber) else { return nil }
        return ProductFacts(
            registrationNumber: product.registrationNumber,
            ingredients: product.ingredients.map { ProductFacts.Ingredient(inn: $0.inn, strength: $0.strength) },
            dosageForm: product.dosageForm, route: product.route,
            controlledClass: Self.controlledClass(product.controlledClass),
            prescriptionOnly: product.prescriptionOnly, atcCodes: product.atcCodes)
    }

    func isEquivalent(_ a: String, _ b: String) -> Bool {
        let snapshot = self.catalog.current
        guard let first = snapshot.product(registrationNumber: a), let second = snapshot.product(registrationNumber: b) else {
            return false
        }
        return snapshot.isEquivalent(first, second)
    }

    func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64? {
        guard let day = CatalogDate(year: Int(date.year), month: Int(date.month), day: Int(date.day)) else { return nil }
        return self.catalog.unitPrice(registrationNumber: registrationNumber, on: day)?.unitPriceVND
    }

    static func controlledClass(_ value: RxDrugKnowledge.ControlledClass) -> RxPrescriptions.ControlledClass {
        switch value {
        case .none: return .none
        case .narcotic: return .narcotic
        case .psychotropic: return .psychotropic
        case .precursor: return .precursor
        }
    }
}
