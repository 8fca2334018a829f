/// What a verified CMS signature proves: the exact signed bytes and who signed them, when.
///
/// Produced only by `CMSVerifier.verify(_:at:)` after the signature, the chain to the prescriber-signing
/// CA and the certificate's validity have all been checked, so every field is trustworthy. Decode
/// `content` only from here — never from the CMS bytes before verification.
public struct VerifiedSignature: Sendable, Equatable {
    /// The encapsulated content exactly as signed (for a prescription: the encoded `Prescription`).
    public var content: [UInt8]
    /// The doctor's practising-certificate number (CCHN), from the subject `serialNumber` attribute.
    /// Treated as an opaque string; see Certs/dev/README.md for the assumed format.
    public var signerPractisingCertificate: String
    /// The doctor's name, from the subject `CN`.
    public var signerName: String
    /// The code of the facility the doctor prescribes for, from the subject `organizationIdentifier`
    /// (OID 2.5.4.97), when the certificate carries one.
    public var signerFacilityCode: String?
    /// The signed `signingTime` attribute in Unix seconds, when present. Authenticated (it is covered by
    /// the signature) but chosen by the signer.
    public var signingTime: Int64?
    /// The signer certificate's serial number in uppercase hexadecimal, as `openssl x509 -serial` prints it.
    public var certificateSerial: String
    /// Start of the signer certificate's validity, Unix seconds.
    public var notBefore: Int64
    /// End of the signer certificate's validity, Unix seconds.
    public var notAfter: Int64
    /// SHA-256 of the signer certificate's DER encoding, lowercase hexadecimal; identifies the
    /// certificate in audit records.
    public var certificateSHA256: String

    public init(
        content: [UInt8], signerPractisingCertificate: String, signerName: String, signerFacilityCode: String?,
        signingTime: Int64?, certificateSerial: String, notBefore: Int64, notAfter: Int64,
        certificateSHA256: String
    ) {
        self.content = content
        self.signerPractisingCertificate = signerPractisingCertificate
        self.signerName = signerName
        self.signerFacilityCode = signerFacilityCode
        self.signingTime = signingTime
        self.certificateSerial = certificateSerial
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.certificateSHA256 = certificateSHA256
    }
}
