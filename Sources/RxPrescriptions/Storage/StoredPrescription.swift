import RxWire

/// A prescription row with its lines, as stored.
public struct StoredPrescription: Sendable {
    /// One drug line with its running dispensed total.
    public struct Line: Sendable, Hashable {
        public var lineNumber: UInt32
        public var registrationNumber: String
        public var quantity: UInt32
        public var dispensed: UInt32
        public var doNotSubstitute: Bool
        /// INNs of the active ingredients.
        public var ingredients: [String]

        public var remaining: UInt32 { self.quantity - min(self.dispensed, self.quantity) }

        public var state: PrescriptionLineState {
            var state = PrescriptionLineState()
            state.lineNumber = self.lineNumber
            state.registrationNumber = self.registrationNumber
            state.prescribedQuantity = self.quantity
            state.dispensedQuantity = self.dispensed
            state.remainingQuantity = self.remaining
            return state
        }
    }

    /// The row's id in `prescriptions` (schema step 302): what its lines and history hang off.
    public var rowID: Int64
    public var code: String
    public var facilityCode: String
    public var type: PrescriptionType
    public var issuedAt: Int64
    public var validUntil: Int64
    public var status: StoredStatus
    public var replacedBy: String?
    public var masksIdentity: Bool
    public var signerCertificateSerial: String
    public var signedBytes: [UInt8]
    public var content: [UInt8]
    public var lines: [Line]

    /// Remaining quantities as text for refusal messages: "line 1: 5 left, line 2: 0 left".
    public var remainingSummary: String {
        self.lines.map { "line \($0.lineNumber): \($0.remaining) left" }.joined(separator: ", ")
    }
}
