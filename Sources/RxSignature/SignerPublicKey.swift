import COpenSSL

/// A validated signer certificate's public key and the identifiers a SignerInfo may name it by, kept
/// in ``SignerChainCache`` for the fast path (``CMSVerifier`` verifies the next signature with it
/// instead of having OpenSSL decode the certificate again).
///
/// `@unchecked Sendable`: the key is never modified after `init`, and OpenSSL 3 allows one `EVP_PKEY`
/// to be used by many threads at once for verification (each call builds its own contexts).
final class SignerPublicKey: @unchecked Sendable {
    /// Owned (one reference taken in `init`, released in `deinit`).
    let key: OpaquePointer
    /// The encodings of the certificate's issuer Name and serial INTEGER, one after the other: the
    /// contents of an IssuerAndSerialNumber naming it.
    let issuerAndSerial: [UInt8]
    /// The subjectKeyIdentifier extension's value, when the certificate has one.
    let subjectKeyIdentifier: [UInt8]?
    let isEC: Bool

    /// Takes its own reference to the key of `x509` (borrowed); `nil` for a key type the fast path does
    /// not handle or identifiers that cannot be encoded.
    init?(x509: OpaquePointer) {
        guard let key = X509_get0_pubkey(x509) else { return nil }
        let type = EVP_PKEY_get_base_id(key)
        guard type == EVP_PKEY_EC || type == EVP_PKEY_RSA else { return nil }
        guard let issuer = Self.encoding({ i2d_X509_NAME(X509_get_issuer_name(x509), $0) }),
            let serial = Self.encoding({ i2d_ASN1_INTEGER(X509_get0_serialNumber(x509), $0) })
        else { return nil }
        guard EVP_PKEY_up_ref(key) == 1 else { return nil }
        self.key = key
        self.issuerAndSerial = issuer + serial
        self.isEC = type == EVP_PKEY_EC
        if let identifier = X509_get0_subject_key_id(x509), let data = ASN1_STRING_get0_data(identifier) {
            self.subjectKeyIdentifier = Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(identifier))))
        } else {
            self.subjectKeyIdentifier = nil
        }
    }

    deinit {
        EVP_PKEY_free(self.key)
    }

    /// Whether `signature` by this key over `message` verifies with SHA-256 (ECDSA, or RSA PKCS #1 v1.5).
    func verifies(_ signature: [UInt8], over message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, SHA256.algorithm, nil, self.key) == 1 else {
            ERR_clear_error()
            return false
        }
        let verified = signature.withUnsafeBufferPointer { signature in
            message.withUnsafeBufferPointer { message in
                EVP_DigestVerify(context, signature.baseAddress, signature.count, message.baseAddress, message.count)
            }
        }
        if verified != 1 { ERR_clear_error() }
        return verified == 1
    }

    /// The DER `encode` writes (it is called twice: for the length, then to write).
    private static func encoding(_ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8]? {
        let length = encode(nil)
        guard length > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return encode(&cursor)
        }
        return written == length ? bytes : nil
    }
}
