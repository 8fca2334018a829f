import RxWire

/// The drug catalog as the prescription rules see it.
///
/// RxPrescriptions does not depend on the drug-knowledge module: the application adapts its catalog to
/// this protocol, and tests use small in-memory directories.
public protocol ProductDirectory: Sendable {
    /// The product registered under `registrationNumber`, or nil when the number is unknown.
    func product(registrationNumber: String) -> ProductFacts?
    /// Whether `b` may be handed out in place of `a`: same active ingredients, strengths, dosage form and
    /// route (GPP III.2c; see docs/prescriptions.md). False when either number is unknown.
    func isEquivalent(_ a: String, _ b: String) -> Bool
    /// The declared unit price on `date` (VND per dispensing unit), or nil when none is known.
    func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64?
}
