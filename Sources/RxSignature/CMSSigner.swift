import COpenSSL
import CRxShims

/// Signs content as CMS SignedData the way a doctor's software does: DER, content attached, binary
/// (no MIME canonicalisation), with the signing-time attribute `CMS_sign` adds by default.
///
/// The result verifies with `CMSVerifier` and with `openssl cms -verify -binary -inform DER`.
public enum CMSSigner {
    /// Signs `content` with the key in `privateKeyFile` under the certificate in `certificateFile`.
    ///
    /// - Parameters:
    ///   - content: The exact bytes to sign (for a prescription: the encoded `Prescription`).
    ///   - certificateFile: PEM signing certificate (the doctor's).
    ///   - privateKeyFile: PEM private key belonging to that certificate (unencrypted).
    ///   - chainFiles: PEM files with intermediate certificates to ship inside the SignedData.
    /// - Returns: The DER-encoded SignedData.
    /// - Throws: `SignatureError.unreadableFile` for a file that cannot be read or parsed;
    ///   `SignatureError.signingFailed` when OpenSSL refuses to sign (for example a key that does not
    ///   match the certificate).
    public static func sign(
        content: [UInt8], certificateFile: String, privateKeyFile: String, chainFiles: [String] = []
    ) throws(SignatureError) -> [UInt8] {
        try Self.sign(
            content: content,
            identity: SigningIdentity(certificateFile: certificateFile, privateKeyFile: privateKeyFile, chainFiles: chainFiles))
    }

    /// Signs `content` with an identity read once (for many signatures with one key).
    ///
    /// - Throws: `SignatureError.signingFailed` when OpenSSL refuses to sign (for example a key that does
    ///   not match the certificate).
    public static func sign(content: [UInt8], identity: SigningIdentity) throws(SignatureError) -> [UInt8] {
        guard content.count <= Int(Int32.max) else {
            throw .signingFailed("content of \(content.count) bytes is too large to sign")
        }
        return try Self.sign(content, certificate: identity.certificate, key: identity.key, chain: identity.chain)
    }

    private static func sign(
        _ content: [UInt8], certificate: OpaquePointer, key: OpaquePointer, chain: OpaquePointer
    ) throws(SignatureError) -> [UInt8] {
        ERR_clear_error()
        let signed: OpaquePointer? = content.withUnsafeBytes { bytes in
            // A zero-length buffer may have no base address; any valid pointer works for length 0.
            let base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)
            guard let input = BIO_new_mem_buf(base, Int32(bytes.count)) else { return nil }
            defer { BIO_free(input) }
            return CMS_sign(certificate, key, chain, input, UInt32(CMS_BINARY))
        }
        guard let cms = signed else {
            throw .signingFailed(OpenSSLErrorQueue.drain().summary(or: "CMS_sign failed"))
        }
        defer { CMS_ContentInfo_free(cms) }
        guard let output = BIO_new(BIO_s_mem()) else {
            throw .openSSLFailure("BIO_new failed")
        }
        defer { BIO_free(output) }
        ERR_clear_error()
        guard i2d_CMS_bio(output, cms) == 1 else {
            throw .signingFailed(OpenSSLErrorQueue.drain().summary(or: "i2d_CMS_bio failed"))
        }
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = rx_bio_get_mem_data(output, &data)
        guard length > 0, let data else {
            throw .signingFailed("empty DER output")
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            Array(UnsafeBufferPointer(start: bytes, count: length))
        }
    }
}
