import COpenSSL

extension CMSVerifier {
    /// Builds and checks the signer's chain to the prescriber-signing CA as of `unixTime`, with the S/MIME
    /// signing purpose (key usage digitalSignature/nonRepudiation, EKU emailProtection when present).
    ///
    /// - Parameters:
    ///   - signer: The signer certificate (borrowed).
    ///   - untrusted: Extra certificates shipped in the CMS, usable as intermediates but never as anchors.
    ///   - unixTime: The moment the chain must be valid.
    ///   - moment: Words for the message ("at signing time", "now").
    ///   - checkRevocation: Whether the store's CRLs apply. Revocation is judged "now", against the
    ///     current CRL; at the (signer-claimed) signing time only the validity period is checked, since a
    ///     CRL issued after that moment would otherwise count as "not yet valid".
    /// - Returns: When the current CRL lists the signer's own certificate, its revocation date (Unix
    ///   seconds) for the caller to weigh against the signing time; `nil` when it is not revoked. Any
    ///   other revocation (an intermediate CA) and every CRL problem still throws.
    @discardableResult
    func validateChain(
        of signer: OpaquePointer, untrusted: OpaquePointer?, at unixTime: Int64, moment: String,
        checkRevocation: Bool = true
    ) throws(SignatureError) -> Int64? {
        guard let context = X509_STORE_CTX_new() else {
            throw .openSSLFailure("X509_STORE_CTX_new failed")
        }
        defer { X509_STORE_CTX_free(context) }
        ERR_clear_error()
        guard X509_STORE_CTX_init(context, self.trustStore, signer, untrusted) == 1,
            X509_STORE_CTX_set_purpose(context, X509_PURPOSE_SMIME_SIGN) == 1
        else {
            throw .openSSLFailure(OpenSSLErrorQueue.drain().summary(or: "X509_STORE_CTX_init failed"))
        }
        X509_STORE_CTX_set_time(context, 0, time_t(unixTime))
        if !checkRevocation, let parameters = X509_STORE_CTX_get0_param(context) {
            _ = X509_VERIFY_PARAM_clear_flags(parameters, UInt(X509_V_FLAG_CRL_CHECK))
        }
        let revocation = SignerRevocation()
        let verified = try revocation.recording(in: context) { () throws(SignatureError) -> Bool in
            X509_verify_cert(context) == 1
        }
        if verified {
            return revocation.revokedAt
        }
        ERR_clear_error()
        let code = X509_STORE_CTX_get_error(context)
        let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
        let depth = X509_STORE_CTX_get_error_depth(context)
        let whose = depth == 0 ? "signer certificate" : "issuer certificate at depth \(depth)"
        let detail = "\(reason) (\(whose), checked \(moment), \(UnixTime.rfc3339(unixTime)))"
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: throw .certificateExpired(detail)
        case X509_V_ERR_CERT_NOT_YET_VALID: throw .certificateNotYetValid(detail)
        case X509_V_ERR_CERT_REVOKED: throw .certificateRevoked(detail)
        default: throw .untrustedSigner(detail)
        }
    }
}
