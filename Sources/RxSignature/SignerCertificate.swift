import COpenSSL
import CRxShims

/// The parts of a signer's X.509 certificate the clearinghouse records, copied out of OpenSSL.
///
/// Built from a borrowed `X509` pointer inside the verifier; nothing here keeps the pointer.
struct SignerCertificate {
    var practisingCertificate: String
    var name: String
    var facilityCode: String?
    var serialHex: String
    var notBefore: Int64
    var notAfter: Int64
    var sha256: String

    /// Reads the subject attributes, serial, validity and fingerprint of `x509` (borrowed, not freed).
    ///
    /// - Throws: `SignatureError.missingSignerAttribute` when the practising-certificate number or the name
    ///   is absent or empty; `SignatureError.malformed` when a value cannot be decoded as UTF-8 or the
    ///   validity dates cannot be read.
    init(x509: OpaquePointer) throws(SignatureError) {
        guard let subject = X509_get_subject_name(x509) else {
            throw .malformed("signer certificate has no subject")
        }
        guard let practising = try Self.attribute(NID_serialNumber, of: subject), !practising.isEmpty else {
            throw .missingSignerAttribute("serialNumber (practising-certificate number) in its subject")
        }
        guard let name = try Self.attribute(NID_commonName, of: subject), !name.isEmpty else {
            throw .missingSignerAttribute("commonName (doctor's name) in its subject")
        }
        let facility = try Self.attribute(NID_organizationIdentifier, of: subject)
        guard let notBeforeTime = X509_get0_notBefore(x509), let notBefore = UnixTime.seconds(notBeforeTime),
            let notAfterTime = X509_get0_notAfter(x509), let notAfter = UnixTime.seconds(notAfterTime)
        else {
            throw .malformed("signer certificate validity dates cannot be read")
        }
        self.practisingCertificate = practising
        self.name = name
        self.facilityCode = (facility?.isEmpty ?? true) ? nil : facility
        self.serialHex = try Self.serialHex(of: x509)
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.sha256 = try Self.fingerprint(of: x509)
    }

    /// The first subject entry with `nid` as UTF-8, or `nil` when the subject has none.
    private static func attribute(_ nid: Int32, of subject: OpaquePointer) throws(SignatureError) -> String? {
        let index = X509_NAME_get_index_by_NID(subject, nid, -1)
        guard index >= 0 else { return nil }
        guard let entry = X509_NAME_get_entry(subject, index), let data = X509_NAME_ENTRY_get_data(entry) else {
            throw .malformed("signer certificate subject entry \(nid) cannot be read")
        }
        var bytes: UnsafeMutablePointer<UInt8>? = nil
        let length = ASN1_STRING_to_UTF8(&bytes, data)
        guard length >= 0, let bytes else {
            throw .malformed("signer certificate subject entry \(nid) is not a valid string")
        }
        defer { rx_openssl_free(bytes) }
        guard let text = String(validating: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
        else {
            throw .malformed("signer certificate subject entry \(nid) is not valid UTF-8")
        }
        return text
    }

    private static func serialHex(of x509: OpaquePointer) throws(SignatureError) -> String {
        guard let serial = X509_get0_serialNumber(x509), let number = ASN1_INTEGER_to_BN(serial, nil) else {
            throw .malformed("signer certificate serial number cannot be read")
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else {
            throw .openSSLFailure("BN_bn2hex failed")
        }
        defer { rx_openssl_free(hex) }
        return String(cString: hex)
    }

    private static func fingerprint(of x509: OpaquePointer) throws(SignatureError) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(x509, EVP_sha256(), &digest, &length) == 1, Int(length) == SHA256.digestLength else {
            throw .openSSLFailure("X509_digest(SHA-256) failed")
        }
        return SHA256.hexString(digest.prefix(Int(length)))
    }
}
