/// A prescription just stored, with what validation and screening learned about it.
public struct PrescriptionSubmitted: Sendable {
    /// The code assigned.
    public var code: String
    /// The validated content and the catalog facts of each line.
    public var validated: ValidatedPrescription
    /// The patient's pseudonymous keys (``PatientKey``), possibly empty.
    public var patientKeys: [[UInt8]]
    /// The practising-certificate number of the signing doctor.
    public var prescriberCertificate: String
    /// Number of interaction alerts screening reported.
    public var interactionAlerts: Int
    /// When it was stored (Unix seconds).
    public var at: Int64

    public init(
        code: String, validated: ValidatedPrescription, patientKeys: [[UInt8]], prescriberCertificate: String,
        interactionAlerts: Int, at: Int64
    ) {
        self.code = code
        self.validated = validated
        self.patientKeys = patientKeys
        self.prescriberCertificate = prescriberCertificate
        self.interactionAlerts = interactionAlerts
        self.at = at
    }
}
