import COpenSSL
import CRxShims

/// Reads PEM certificates and keys from files, turning OpenSSL failures into `SignatureError.unreadableFile`.
enum PEMFile {
    /// Every certificate in `path` (at most `limit`), as an owned stack the caller frees with
    /// `rx_sk_x509_pop_free` (or `rx_sk_x509_free` after moving the elements elsewhere).
    static func readCertificates(_ path: String, limit: Int?) throws(SignatureError) -> OpaquePointer {
        let file = try Self.open(path)
        defer { BIO_free(file) }
        guard let stack = rx_sk_x509_new_null() else {
            throw .openSSLFailure("sk_X509_new_null failed")
        }
        ERR_clear_error()
        while limit.map({ rx_sk_x509_num(stack) < $0 }) ?? true,
            let certificate = PEM_read_bio_X509(file, nil, nil, nil)
        {
            guard rx_sk_x509_push(stack, certificate) > 0 else {
                X509_free(certificate)
                rx_sk_x509_pop_free(stack)
                throw .openSSLFailure("sk_X509_push failed")
            }
        }
        // Reading stops at end of file with a "no start line" error; only an empty result is a failure.
        let errors = OpenSSLErrorQueue.drain()
        guard rx_sk_x509_num(stack) > 0 else {
            rx_sk_x509_pop_free(stack)
            throw .unreadableFile(path: path, reason: errors.summary(or: "no PEM certificate found"))
        }
        return stack
    }

    /// The private key in `path`, owned by the caller (`EVP_PKEY_free`).
    static func readPrivateKey(_ path: String) throws(SignatureError) -> OpaquePointer {
        let file = try Self.open(path)
        defer { BIO_free(file) }
        ERR_clear_error()
        guard let key = PEM_read_bio_PrivateKey(file, nil, nil, nil) else {
            throw .unreadableFile(path: path, reason: OpenSSLErrorQueue.drain().summary(or: "no PEM private key found"))
        }
        return key
    }

    private static func open(_ path: String) throws(SignatureError) -> OpaquePointer {
        ERR_clear_error()
        guard let file = BIO_new_file(path, "rb") else {
            throw .unreadableFile(path: path, reason: OpenSSLErrorQueue.drain().summary(or: "cannot open"))
        }
        return file
    }
}
