/// One drug line as the interaction screening sees it.
public struct ScreenedLine: Sendable, Hashable {
    public var lineNumber: UInt32
    public var registrationNumber: String
    /// INNs of the active ingredients.
    public var ingredients: [String]
    /// For lines of the patient's other active prescriptions: their code; nil for the new prescription.
    public var prescriptionCode: String?

    public init(lineNumber: UInt32, registrationNumber: String, ingredients: [String], prescriptionCode: String? = nil) {
        self.lineNumber = lineNumber
        self.registrationNumber = registrationNumber
        self.ingredients = ingredients
        self.prescriptionCode = prescriptionCode
    }
}
