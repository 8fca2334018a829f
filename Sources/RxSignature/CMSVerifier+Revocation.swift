import COpenSSL

extension CMSVerifier {
    /// Adds the CRLs in `file` to the trust store while the verifier is in use (SIGHUP): submissions
    /// verified from now on see newly revoked signing certificates. The store locks itself, so this is
    /// safe beside concurrent `verify` calls; a newer CRL of the same CA (later `lastUpdate`) supersedes
    /// the older one, an identical one is ignored. Prescriptions accepted earlier are not re-verified,
    /// so they stay dispensable.
    ///
    /// Has an effect only on a verifier created with `crlFiles` (which turns revocation checks on).
    ///
    /// - Throws: `SignatureError.unreadableFile` when the file holds no readable CRL.
    public func reloadRevocationLists(crlFile file: String) throws(SignatureError) {
        ERR_clear_error()
        guard X509_STORE_load_file(self.trustStore, file) == 1 else {
            throw .unreadableFile(path: file, reason: OpenSSLErrorQueue.drain().summary(or: "no CRL found"))
        }
    }

    /// Accepts a signature of a revoked signer only when it was made before the revocation: signatures
    /// made before the revocation time stay valid (the doctor's earlier prescriptions are not voided by
    /// the revocation of a lost card).
    ///
    /// The signing time is the signed `signingTime` attribute: covered by the signature, but chosen by
    /// the signer. Without it nothing shows the signature predates the revocation, so it is refused; a
    /// signing time at or after the revocation date is refused (same second counts as after).
    static func checkSignedBeforeRevocation(revokedAt: Int64, signingTime: Int64?) throws(SignatureError) {
        let revoked = "revoked at \(UnixTime.rfc3339(revokedAt))"
        guard let signingTime else {
            throw .certificateRevoked("\(revoked); the signature carries no signing time to show it was made before")
        }
        guard signingTime < revokedAt else {
            throw .certificateRevoked("\(revoked), signed at \(UnixTime.rfc3339(signingTime))")
        }
    }
}
