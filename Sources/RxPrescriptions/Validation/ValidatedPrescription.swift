import RxWire

/// A prescription that passed `PrescriptionValidator`, with what validation learned about it.
public struct ValidatedPrescription: Sendable {
    public var content: Prescription
    /// The catalog entry of each line, in line order.
    public var products: [ProductFacts]
    /// The parsed diagnoses.
    public var diagnoses: [ICD10Code]
    /// The patient's identity must be hidden on lookups by others (HIV/AIDS diagnosis).
    public var masksIdentity: Bool
    /// End of the validity window (exclusive), Unix seconds.
    public var validUntil: Int64
}
