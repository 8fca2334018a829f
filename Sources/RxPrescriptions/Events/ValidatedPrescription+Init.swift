import RxWire

extension ValidatedPrescription {
    /// A prescription as validation would describe it; for tools that write synthetic data sets through
    /// a ``PrescriptionEventSink`` without running the validator.
    public init(content: Prescription, products: [ProductFacts], masksIdentity: Bool = false, validUntil: Int64) {
        self.init(content: content, products: products, diagnoses: [], masksIdentity: masksIdentity, validUntil: validUntil)
    }
}
