import COpenSSL
import CRxShims

/// A doctor's signing certificate, private key and chain, read once: software that signs many
/// prescriptions with one key (a hospital system, the load generator) pays for reading and decoding
/// the PEM files once instead of on every signature.
///
/// `@unchecked Sendable`: nothing here is modified after `init`, and `CMS_sign` only takes references
/// to the certificate and key, so any number of threads may sign with one identity at once.
public final class SigningIdentity: @unchecked Sendable {
    /// Owned.
    let certificate: OpaquePointer
    /// Owned.
    let key: OpaquePointer
    /// Owned, with its certificates.
    let chain: OpaquePointer

    /// - Parameters:
    ///   - certificateFile: PEM signing certificate (the doctor's).
    ///   - privateKeyFile: PEM private key belonging to that certificate (unencrypted).
    ///   - chainFiles: PEM files with intermediate certificates to ship inside each SignedData.
    /// - Throws: `SignatureError.unreadableFile` naming a file that cannot be read or parsed.
    public init(certificateFile: String, privateKeyFile: String, chainFiles: [String] = []) throws(SignatureError) {
        let certificates = try PEMFile.readCertificates(certificateFile, limit: 1)
        defer { rx_sk_x509_pop_free(certificates) }
        guard let certificate = rx_sk_x509_value(certificates, 0), X509_up_ref(certificate) == 1 else {
            throw .unreadableFile(path: certificateFile, reason: "no certificate found")
        }
        let key: OpaquePointer
        do {
            key = try PEMFile.readPrivateKey(privateKeyFile)
        } catch {
            X509_free(certificate)
            throw error
        }
        guard let chain = rx_sk_x509_new_null() else {
            X509_free(certificate)
            EVP_PKEY_free(key)
            throw .openSSLFailure("sk_X509_new_null failed")
        }
        self.certificate = certificate
        self.key = key
        self.chain = chain
        for file in chainFiles {
            let members = try PEMFile.readCertificates(file, limit: nil)
            defer { rx_sk_x509_free(members) }
            for index in 0..<rx_sk_x509_num(members) {
                // Ownership moves from `members` (freed without its elements) to `chain`.
                guard let member = rx_sk_x509_value(members, index), rx_sk_x509_push(chain, member) > 0 else {
                    throw .openSSLFailure("sk_X509_push failed")
                }
            }
        }
    }

    deinit {
        rx_sk_x509_pop_free(self.chain)
        EVP_PKEY_free(self.key)
        X509_free(self.certificate)
    }
}
