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
}
