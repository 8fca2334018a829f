/// Why a signed prescription was refused, or why signing or loading trust material failed.
///
/// Each case carries a sentence for a human (the submitting facility's operator, a log reader) that
/// includes OpenSSL's own reason where there is one. Callers map cases to gRPC status codes: the
/// signature cases are the client's fault (`INVALID_ARGUMENT` / `PERMISSION_DENIED`), while
/// `unreadableFile` and `openSSLFailure` are server-side configuration or library problems.
public enum SignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a CMS SignedData with attached content and exactly one signer
    /// (garbage, truncated DER, trailing bytes, detached content, several signers).
    case malformed(String)
    /// The signature does not match the content or the signed attributes: the bytes were altered
    /// after signing, or were signed with a key other than the certificate's.
    case invalidSignature(String)
    /// The signer's certificate does not chain to the prescriber-signing CA, or is not usable for
    /// S/MIME signing (wrong key usage or extended key usage).
    case untrustedSigner(String)
    /// The signer's certificate (or a certificate in its chain) had expired at the signing time or now.
    case certificateExpired(String)
    /// The signer's certificate (or a certificate in its chain) was not yet valid at the signing time or now.
    case certificateNotYetValid(String)
    /// The signer's certificate is listed in a loaded certificate revocation list.
    case certificateRevoked(String)
    /// The signer's certificate lacks a subject attribute the clearinghouse needs (practising-certificate
    /// number in `serialNumber`, name in `CN`); the message names the attribute.
    case missingSignerAttribute(String)
    /// A certificate, key, CA or CRL file could not be read or parsed.
    case unreadableFile(path: String, reason: String)
    /// Signing failed (for example the private key does not belong to the certificate).
    case signingFailed(String)
    /// OpenSSL failed for a reason that is not the input's fault (allocation failure and the like).
    case openSSLFailure(String)

    /// A sentence describing the failure, suitable for a gRPC status message.
    public var message: String {
        switch self {
        case .malformed(let detail): "malformed signed prescription: \(detail)"
        case .invalidSignature(let detail): "signature does not verify: \(detail)"
        case .untrustedSigner(let detail): "signer is not trusted: \(detail)"
        case .certificateExpired(let detail): "signing certificate expired: \(detail)"
        case .certificateNotYetValid(let detail): "signing certificate not yet valid: \(detail)"
        case .certificateRevoked(let detail): "signing certificate revoked: \(detail)"
        case .missingSignerAttribute(let attribute): "signing certificate has no \(attribute)"
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .signingFailed(let detail): "signing failed: \(detail)"
        case .openSSLFailure(let detail): "OpenSSL failure: \(detail)"
        }
    }

    public var description: String { self.message }
}
