/// What the clearinghouse needs from a verified peer certificate, copied out of OpenSSL once per
/// connection so later layers (authorisation, audit logs) never touch X.509 structures.
public struct PeerCertificate: Sendable, Hashable {
    /// One attribute of the subject's distinguished name, in certificate order.
    public struct SubjectEntry: Sendable, Hashable {
        /// OpenSSL's short name ("CN", "O", "OU", "serialNumber"), or the dotted OID when OpenSSL has
        /// no name for it.
        public var shortName: String
        /// The value converted to UTF-8.
        public var value: String

        public init(shortName: String, value: String) {
            self.shortName = shortName
            self.value = value
        }
    }

    /// Subject attributes in certificate order; repeated attributes (several OU) stay separate.
    public var subject: [SubjectEntry]
    /// Certificate serial number, uppercase hex as `openssl x509 -serial` prints it.
    public var serialHex: String
    /// Start of validity, Unix seconds.
    public var notBefore: Int64
    /// End of validity, Unix seconds.
    public var notAfter: Int64
    /// SHA-256 of the DER certificate, lowercase hex: a stable key for audit logs.
    public var sha256Fingerprint: String

    public init(
        subject: [SubjectEntry], serialHex: String, notBefore: Int64, notAfter: Int64, sha256Fingerprint: String
    ) {
        self.subject = subject
        self.serialHex = serialHex
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.sha256Fingerprint = sha256Fingerprint
    }

    /// The values of every subject attribute named `shortName`, in order.
    public func subjectValues(_ shortName: String) -> [String] {
        self.subject.filter { $0.shortName == shortName }.map(\.value)
    }

    /// Interprets the subject as a facility identity (CN = facility code, O = name, OU = roles).
    ///
    /// - Throws: `IdentityError` when the subject does not follow the facility scheme.
    public func facilityIdentity() throws(IdentityError) -> FacilityIdentity {
        try FacilityIdentity(
            subjectEntries: self.subject.map { (shortName: $0.shortName, value: $0.value) },
            serialHex: self.serialHex,
            notAfter: self.notAfter)
    }
}
