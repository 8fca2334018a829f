import COpenSSL
import CRxShims
import Synchronization

/// Verifies prescriptions signed as CMS SignedData against the prescriber-signing CA.
///
/// The trust store holds only the prescriber-signing CA (and its CRLs), never the facility TLS CA, so a
/// facility's mTLS certificate cannot sign prescriptions. A signature is accepted only when all of these
/// hold: the DER is one SignedData with attached content and exactly one signer; the signature covers the
/// content and signed attributes (`CMS_verify` with `CMS_BINARY`, so the content is compared byte for
/// byte); the signer's certificate chains to the CA with the S/MIME signing purpose; and that chain is
/// valid both at the signed `signingTime` (when present) and at the caller's "now"; and, when the current
/// CRL lists the signer's certificate, the signature was made before the revocation date (see
/// `checkSignedBeforeRevocation`).
///
/// A signer whose chain was validated before takes a fast path (``verifyFast(_:at:)``) that checks the
/// same things on the same bytes without OpenSSL decoding the CMS; it can only accept, never refuse.
///
/// Thread safety: the `X509_STORE` is filled once in `init` and only read afterwards; OpenSSL (≥ 1.1)
/// locks the store's internal lookups, and every `verify` builds its own `X509_STORE_CTX` with its own
/// verification time, so one verifier may be shared by any number of threads.
public final class CMSVerifier: @unchecked Sendable {
    /// Owned; read-only after `init`.
    let trustStore: OpaquePointer
    /// Signer chains already validated; see ``SignerChainCache``.
    let chainCache = SignerChainCache()
    /// Signatures accepted by ``verifyFast(_:at:)`` (for tests and diagnostics).
    let fastPathVerifications = Mutex(0)

    /// Loads the trust anchors for prescription signatures.
    ///
    /// - Parameters:
    ///   - trustedCAFile: PEM file with the prescriber-signing CA certificate(s). Nothing else is trusted.
    ///   - crlFiles: PEM CRLs issued by that CA. When any is given, revocation is checked for the signer's
    ///     certificate (a CRL must then be present for its issuer).
    /// - Throws: `SignatureError.unreadableFile` naming the file that could not be loaded.
    public init(trustedCAFile: String, crlFiles: [String] = []) throws(SignatureError) {
        guard let store = X509_STORE_new() else {
            throw .openSSLFailure("X509_STORE_new failed")
        }
        ERR_clear_error()
        guard X509_STORE_load_file(store, trustedCAFile) == 1 else {
            let reason = OpenSSLErrorQueue.drain().summary(or: "no certificate found")
            X509_STORE_free(store)
            throw .unreadableFile(path: trustedCAFile, reason: reason)
        }
        for crlFile in crlFiles {
            ERR_clear_error()
            guard X509_STORE_load_file(store, crlFile) == 1 else {
                let reason = OpenSSLErrorQueue.drain().summary(or: "no CRL found")
                X509_STORE_free(store)
                throw .unreadableFile(path: crlFile, reason: reason)
            }
        }
        if !crlFiles.isEmpty {
            X509_STORE_set_flags(store, UInt(X509_V_FLAG_CRL_CHECK))
        }
        self.trustStore = store
    }

    deinit {
        X509_STORE_free(self.trustStore)
    }

    /// Verifies `der` and returns the signed content with the signer's identity.
    ///
    /// - Parameters:
    ///   - der: The CMS SignedData as received (DER; BER is tolerated as OpenSSL decodes it). Trailing bytes
    ///     after the structure are refused so the stored bytes are exactly what was verified.
    ///   - unixTime: "Now" in Unix seconds; the certificate chain must be valid at this time as well as at
    ///     the signing time. Passed in so tests and replays are deterministic.
    /// - Returns: The verified content and signer details.
    /// - Throws: `SignatureError` saying which check failed, with OpenSSL's reason.
    public func verify(_ der: [UInt8], at unixTime: Int64) throws(SignatureError) -> VerifiedSignature {
        if let verified = self.verifyFast(der, at: unixTime) { return verified }
        let cms = try Self.decode(der)
        defer { CMS_ContentInfo_free(cms) }
        let signerInfo = try Self.soleSignerInfo(of: cms)
        let content = try self.verifySignature(cms)
        let signer = try Self.signerCertificate(of: cms)
        let signingTime = try Self.signingTime(of: signerInfo)
        let cacheKey = SignerChainCache.key(of: signer)
        if let cacheKey, let known = self.chainCache.validated(
            key: cacheKey, signingTime: signingTime, now: unixTime, trustStore: self.trustStore)
        {
            return VerifiedSignature(content: content, certificate: known, signingTime: signingTime)
        }
        let generation = SignerChainCache.generation(of: self.trustStore)
        let untrusted = CMS_get1_certs(cms)
        defer { if let untrusted { rx_sk_x509_pop_free(untrusted) } }
        if let signingTime {
            try self.validateChain(
                of: signer, untrusted: untrusted, at: signingTime, moment: "at signing time", checkRevocation: false)
        }
        if let revokedAt = try self.validateChain(of: signer, untrusted: untrusted, at: unixTime, moment: "now") {
            try Self.checkSignedBeforeRevocation(revokedAt: revokedAt, signingTime: signingTime)
        }
        let certificate = try SignerCertificate(x509: signer)
        if let cacheKey {
            self.chainCache.remember(
                certificate, key: cacheKey, signer: signer, carried: untrusted, trustStore: self.trustStore,
                generation: generation)
        }
        return VerifiedSignature(
            content: content, signerPractisingCertificate: certificate.practisingCertificate,
            signerName: certificate.name, signerFacilityCode: certificate.facilityCode, signingTime: signingTime,
            certificateSerial: certificate.serialHex, notBefore: certificate.notBefore,
            notAfter: certificate.notAfter, certificateSHA256: certificate.sha256)
    }

    /// Parses `der` into an owned `CMS_ContentInfo` that is SignedData with attached content.
    private static func decode(_ der: [UInt8]) throws(SignatureError) -> OpaquePointer {
        guard !der.isEmpty else { throw .malformed("no bytes") }
        ERR_clear_error()
        var consumed = 0
        let decoded: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            let result = d2i_CMS_ContentInfo(nil, &cursor, buffer.count)
            if let cursor { consumed = cursor - base }
            return result
        }
        guard let cms = decoded else {
            let reason = OpenSSLErrorQueue.drain().summary(or: "unreadable")
            throw .malformed("not a DER-encoded CMS structure (\(reason))")
        }
        guard consumed == der.count else {
            CMS_ContentInfo_free(cms)
            throw .malformed("\(der.count - consumed) trailing bytes after the CMS structure")
        }
        guard OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed else {
            CMS_ContentInfo_free(cms)
            throw .malformed("CMS content type is not SignedData")
        }
        guard let slot = CMS_get0_content(cms), slot.pointee != nil else {
            CMS_ContentInfo_free(cms)
            throw .malformed("content not attached")
        }
        return cms
    }

    /// The only `SignerInfo` of `cms` (borrowed); prescriptions carry exactly one signature.
    private static func soleSignerInfo(of cms: OpaquePointer) throws(SignatureError) -> OpaquePointer {
        guard let infos = CMS_get0_SignerInfos(cms) else {
            throw .malformed("no signer information")
        }
        let count = rx_sk_cms_signerinfo_num(infos)
        guard count == 1, let info = rx_sk_cms_signerinfo_value(infos, 0) else {
            throw .malformed("expected exactly one signer, found \(max(count, 0))")
        }
        return info
    }

    /// Checks the signature and returns the exact signed content. The chain is checked separately (per
    /// call, with its own verification time), so `CMS_NO_SIGNER_CERT_VERIFY` here.
    private func verifySignature(_ cms: OpaquePointer) throws(SignatureError) -> [UInt8] {
        guard let output = BIO_new(BIO_s_mem()) else {
            throw .openSSLFailure("BIO_new failed")
        }
        defer { BIO_free(output) }
        ERR_clear_error()
        let flags = UInt32(CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY)
        guard CMS_verify(cms, nil, self.trustStore, nil, output, flags) == 1 else {
            let errors = OpenSSLErrorQueue.drain()
            if errors.contains(reason: CMS_R_SIGNER_CERTIFICATE_NOT_FOUND) {
                throw .malformed("the signer's certificate is not included")
            }
            throw .invalidSignature(errors.summary(or: "CMS_verify failed"))
        }
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = rx_bio_get_mem_data(output, &data)
        guard length > 0, let data else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            Array(UnsafeBufferPointer(start: bytes, count: length))
        }
    }

    /// The signer's certificate (borrowed from `cms`), resolved by the preceding `CMS_verify`.
    private static func signerCertificate(of cms: OpaquePointer) throws(SignatureError) -> OpaquePointer {
        guard let signers = CMS_get0_signers(cms) else {
            throw .malformed("the signer's certificate is not included")
        }
        defer { rx_sk_x509_free(signers) }
        guard rx_sk_x509_num(signers) == 1, let signer = rx_sk_x509_value(signers, 0) else {
            throw .malformed("expected exactly one signer certificate")
        }
        return signer
    }

    /// The signed `signingTime` attribute in Unix seconds, or `nil` when the signer did not include one.
    private static func signingTime(of signerInfo: OpaquePointer) throws(SignatureError) -> Int64? {
        let index = CMS_signed_get_attr_by_NID(signerInfo, NID_pkcs9_signingTime, -1)
        guard index >= 0 else { return nil }
        guard let attribute = CMS_signed_get_attr(signerInfo, index) else {
            throw .malformed("signingTime attribute cannot be read")
        }
        for type in [V_ASN1_UTCTIME, V_ASN1_GENERALIZEDTIME] {
            if let value = X509_ATTRIBUTE_get0_data(attribute, 0, type, nil) {
                guard let seconds = UnixTime.seconds(value.assumingMemoryBound(to: ASN1_TIME.self)) else {
                    throw .malformed("signingTime attribute is not a valid time")
                }
                return seconds
            }
        }
        throw .malformed("signingTime attribute is neither UTCTime nor GeneralizedTime")
    }
}
