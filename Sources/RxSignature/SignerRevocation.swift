import COpenSSL

/// The signer's own revocation as the chain check found it, so the verifier can weigh the revocation
/// date against the signing time instead of refusing every signature of a revoked certificate.
///
/// OpenSSL's CRL check refuses a revoked certificate whatever the dates. During the check "now", the
/// verify callback below turns that one refusal — the signer's certificate (depth 0) listed in the CRL
/// OpenSSL selected and verified — into a recorded revocation date; every other failure (a revoked
/// intermediate, a missing, expired or badly signed CRL) still fails the chain.
final class SignerRevocation {
    /// When the CRL says the signer's certificate was revoked, in Unix seconds; `nil` when it is not revoked.
    private(set) var revokedAt: Int64?

    /// Runs `body` with `context` set up to record instead of refuse the signer's revocation. The
    /// context borrows `self` only for the duration of `body`.
    func recording<Result>(
        in context: OpaquePointer, _ body: () throws(SignatureError) -> Result
    ) throws(SignatureError) -> Result {
        let unmanaged = Unmanaged.passUnretained(self)
        guard X509_STORE_CTX_set_ex_data(context, Self.contextSlot, unmanaged.toOpaque()) == 1 else {
            throw .openSSLFailure("X509_STORE_CTX_set_ex_data failed")
        }
        X509_STORE_CTX_set_verify_cb(context, Self.callback)
        defer {
            X509_STORE_CTX_set_verify_cb(context, nil)
            _ = X509_STORE_CTX_set_ex_data(context, Self.contextSlot, nil)
        }
        return try withExtendedLifetime(self) { () throws(SignatureError) -> Result in try body() }
    }

    /// The application-data slot of an `X509_STORE_CTX` (what `X509_STORE_CTX_set_app_data` uses).
    private static let contextSlot: Int32 = 0

    /// OpenSSL's verify callback: keeps every verdict except "the signer's certificate is revoked",
    /// which it records with the CRL's revocation date and lets pass. When that date cannot be read
    /// the refusal stands.
    private static let callback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { ok, context in
        guard ok == 0, let context, X509_STORE_CTX_get_error(context) == X509_V_ERR_CERT_REVOKED,
            X509_STORE_CTX_get_error_depth(context) == 0,
            let slot = X509_STORE_CTX_get_ex_data(context, SignerRevocation.contextSlot),
            let revokedAt = SignerRevocation.revocationDate(in: context)
        else { return ok }
        Unmanaged<SignerRevocation>.fromOpaque(slot).takeUnretainedValue().revokedAt = revokedAt
        return 1
    }

    /// The revocation date of the context's current certificate in the CRL OpenSSL is checking it against.
    private static func revocationDate(in context: OpaquePointer) -> Int64? {
        guard let crl = X509_STORE_CTX_get0_current_crl(context),
            let certificate = X509_STORE_CTX_get_current_cert(context),
            let serial = X509_get0_serialNumber(certificate)
        else { return nil }
        var entry: OpaquePointer? = nil
        guard X509_CRL_get0_by_serial(crl, &entry, serial) == 1, let entry,
            let date = X509_REVOKED_get0_revocationDate(entry)
        else { return nil }
        return UnixTime.seconds(date)
    }
}
