import COpenSSL
import CRxShims
import Synchronization

/// Signer certificates whose chain to the prescriber-signing CA has already been validated, so the next
/// prescription signed with the same certificate skips building and checking the chain again (two
/// `X509_verify_cert` runs, each verifying the CA's signature and the CRL's) and re-reading the
/// certificate's subject.
///
/// A doctor signs many prescriptions with one certificate, so nearly every submission hits. The answer
/// of a chain check depends only on the certificates, the trust store's contents and the moment checked,
/// so an entry records:
/// - the trust store's generation (how many certificates and CRLs it holds; OpenSSL only ever adds to a
///   store, and a reloaded CRL that differs from every loaded one is added): any reload that can change
///   an answer makes every entry stale;
/// - the span in which every certificate involved is valid (signer, the store's CAs, certificates the
///   CMS carried), which both moments must fall in, and the span in which every loaded CRL is current,
///   which "now" must fall in when revocation is checked.
///
/// Outside those spans, after a reload, or for a certificate that any loaded CRL lists, the full check
/// runs exactly as without the cache, with its own verdict and message. Only successful checks are kept.
final class SignerChainCache: Sendable {
    /// One validated signer certificate and the conditions under which that verdict still holds.
    struct Entry: Sendable {
        var certificate: SignerCertificate
        /// For the fast path: the signer's key and identifiers (`nil` for a key type it does not handle).
        var publicKey: SignerPublicKey?
        var storeGeneration: Int
        var validFrom: Int64
        var validUntil: Int64
        var revocationCurrentFrom: Int64
        var revocationCurrentUntil: Int64
    }

    /// Certificates kept at most; the cache is emptied when full (a day of a province's doctors fits).
    static let capacity = 10_000

    private let entries = Mutex<[[UInt8]: Entry]>([:])

    /// Signer certificates kept right now.
    var count: Int { self.entries.withLock { $0.count } }

    /// The DER encoding of `x509` (borrowed), the key under which its verdict is kept.
    static func key(of x509: OpaquePointer) -> [UInt8]? {
        let length = i2d_X509(x509, nil)
        guard length > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_X509(x509, &cursor)
        }
        return written == length ? bytes : nil
    }

    /// The recorded certificate when its chain was validated against the store as it is now and both
    /// moments fall inside the spans recorded with it; `nil` means "run the full check".
    func validated(
        key: [UInt8], signingTime: Int64?, now: Int64, trustStore: OpaquePointer
    ) -> SignerCertificate? {
        self.entry(key: key, signingTime: signingTime, now: now, trustStore: trustStore)?.certificate
    }

    /// The whole entry under the same conditions as ``validated(key:signingTime:now:trustStore:)``.
    func entry(key: [UInt8], signingTime: Int64?, now: Int64, trustStore: OpaquePointer) -> Entry? {
        guard let entry = self.entries.withLock({ $0[key] }) else { return nil }
        guard entry.storeGeneration == Self.generation(of: trustStore) else { return nil }
        let moments = [now] + (signingTime.map { [$0] } ?? [])
        guard moments.allSatisfy({ entry.validFrom <= $0 && $0 <= entry.validUntil }),
            entry.revocationCurrentFrom <= now, now <= entry.revocationCurrentUntil
        else { return nil }
        return entry
    }

    /// Whether a verdict is kept for the certificate encoded as `key`, whatever the moment (the fast
    /// path's first filter over the certificates a SignedData carries).
    func contains(key: [UInt8]) -> Bool { self.entries.withLock { $0[key] != nil } }

    /// Keeps the verdict of a successful full check of `signer` (borrowed), run against the store at
    /// `generation` (read before the check began, so a reload during the check leaves the entry stale).
    /// Nothing is kept when a loaded CRL lists any certificate involved, so revocation is always judged
    /// by the full check.
    func remember(
        _ certificate: SignerCertificate, key: [UInt8], signer: OpaquePointer, carried: OpaquePointer?,
        trustStore: OpaquePointer, generation: Int
    ) {
        var certificates = [signer]
        if let carried {
            for index in 0..<rx_sk_x509_num(carried) {
                if let x509 = rx_sk_x509_value(carried, index) { certificates.append(x509) }
            }
        }
        guard let entry = Self.entry(certificate, certificates: certificates, trustStore: trustStore, generation: generation)
        else { return }
        self.entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// How many certificates and CRLs the store holds: grows with every load that changes its contents.
    static func generation(of store: OpaquePointer) -> Int {
        X509_STORE_lock(store)
        defer { X509_STORE_unlock(store) }
        guard let objects = X509_STORE_get0_objects(store) else { return 0 }
        return Int(OPENSSL_sk_num(objects))
    }

    /// The spans for `certificates` (borrowed) and the store's CAs and CRLs, or `nil` when one cannot be
    /// read or a CRL lists one of the certificates.
    private static func entry(
        _ certificate: SignerCertificate, certificates: [OpaquePointer], trustStore: OpaquePointer, generation: Int
    ) -> Entry? {
        var entry = Entry(
            certificate: certificate, publicKey: certificates.first.flatMap(SignerPublicKey.init(x509:)),
            storeGeneration: generation, validFrom: .min, validUntil: .max,
            revocationCurrentFrom: .min, revocationCurrentUntil: .max)
        X509_STORE_lock(trustStore)
        defer { X509_STORE_unlock(trustStore) }
        guard let objects = X509_STORE_get0_objects(trustStore) else { return nil }
        var all = certificates
        var crls: [OpaquePointer] = []
        for index in 0..<OPENSSL_sk_num(objects) {
            guard let raw = OPENSSL_sk_value(objects, index) else { continue }
            let object = OpaquePointer(raw)
            switch X509_OBJECT_get_type(object) {
            case X509_LU_X509:
                if let x509 = X509_OBJECT_get0_X509(object) { all.append(x509) }
            case X509_LU_CRL:
                if let crl = X509_OBJECT_get0_X509_CRL(object) { crls.append(crl) }
            default:
                continue
            }
        }
        for x509 in all {
            guard let from = X509_get0_notBefore(x509).flatMap(UnixTime.seconds),
                let until = X509_get0_notAfter(x509).flatMap(UnixTime.seconds)
            else { return nil }
            entry.validFrom = max(entry.validFrom, from)
            entry.validUntil = min(entry.validUntil, until)
        }
        for crl in crls {
            guard let from = X509_CRL_get0_lastUpdate(crl).flatMap(UnixTime.seconds) else { return nil }
            entry.revocationCurrentFrom = max(entry.revocationCurrentFrom, from)
            if let next = X509_CRL_get0_nextUpdate(crl) {
                guard let until = UnixTime.seconds(next) else { return nil }
                entry.revocationCurrentUntil = min(entry.revocationCurrentUntil, until)
            }
            for x509 in certificates {
                var revoked: OpaquePointer? = nil
                if X509_CRL_get0_by_cert(crl, &revoked, x509) != 0 { return nil }
            }
        }
        return entry
    }
}

extension VerifiedSignature {
    /// The answer for `content` signed by `certificate`.
    init(content: [UInt8], certificate: SignerCertificate, signingTime: Int64?) {
        self.init(
            content: content, signerPractisingCertificate: certificate.practisingCertificate,
            signerName: certificate.name, signerFacilityCode: certificate.facilityCode, signingTime: signingTime,
            certificateSerial: certificate.serialHex, notBefore: certificate.notBefore,
            notAfter: certificate.notAfter, certificateSHA256: certificate.sha256)
    }
}
