import RxSignature

/// Verifies a signed prescription (CMS SignedData, content attached) and says who signed it.
///
/// Production uses `CMSVerifier` (RxSignature), which conforms below; tests use fakes.
public protocol SignatureVerifier: Sendable {
    /// Checks the signature, the signer's chain to the prescriber-signing CA and the certificate's
    /// validity at the signing time and at `unixTime`, and returns the exact signed bytes.
    ///
    /// - Throws: `SignatureError` (mapped to `INVALID_ARGUMENT` or `PERMISSION_DENIED`), or any
    ///   `RPCErrorConvertible` error.
    func verify(_ signed: [UInt8], at unixTime: Int64) throws -> VerifiedSignature
}

extension CMSVerifier: SignatureVerifier {}
