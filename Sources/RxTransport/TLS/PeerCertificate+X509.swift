import COpenSSL
import CRxShims

extension PeerCertificate {
    /// Copies subject, serial, validity and fingerprint out of an `X509` (borrowed; not freed here).
    ///
    /// Returns `nil` when any part cannot be decoded — e.g. a subject value that is not valid UTF-8 —
    /// because silently skipping an attribute could change who the peer appears to be.
    init?(x509: OpaquePointer) {
        guard let subject = Self.subjectEntries(of: x509),
            let serialHex = Self.serialHex(of: x509),
            let notBefore = Self.unixSeconds(X509_get0_notBefore(x509)),
            let notAfter = Self.unixSeconds(X509_get0_notAfter(x509)),
            let fingerprint = Self.sha256Fingerprint(of: x509)
        else { return nil }
        self.init(
            subject: subject, serialHex: serialHex, notBefore: notBefore, notAfter: notAfter,
            sha256Fingerprint: fingerprint)
    }

    private static func subjectEntries(of x509: OpaquePointer) -> [SubjectEntry]? {
        guard let name = X509_get_subject_name(x509) else { return nil }
        let count = X509_NAME_entry_count(name)
        var entries: [SubjectEntry] = []
        entries.reserveCapacity(Int(max(count, 0)))
        for index in 0..<max(count, 0) {
            guard let entry = X509_NAME_get_entry(name, index),
                let object = X509_NAME_ENTRY_get_object(entry),
                let data = X509_NAME_ENTRY_get_data(entry),
                let shortName = Self.shortName(of: object),
                let value = Self.utf8(data)
            else { return nil }
            entries.append(SubjectEntry(shortName: shortName, value: value))
        }
        return entries
    }

    private static func shortName(of object: OpaquePointer) -> String? {
        let nid = OBJ_obj2nid(object)
        if nid != NID_undef, let name = OBJ_nid2sn(nid) {
            return String(cString: name)
        }
        var text = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&text, Int32(text.count), object, 1)
        guard length > 0, Int(length) < text.count else { return nil }
        return String(decoding: text[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func utf8(_ string: UnsafePointer<ASN1_STRING>) -> String? {
        var bytes: UnsafeMutablePointer<UInt8>? = nil
        let length = ASN1_STRING_to_UTF8(&bytes, string)
        guard length >= 0, let bytes else { return nil }
        defer { rx_openssl_free(bytes) }
        return String(validating: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
    }

    private static func serialHex(of x509: OpaquePointer) -> String? {
        guard let serial = X509_get0_serialNumber(x509), let number = ASN1_INTEGER_to_BN(serial, nil) else {
            return nil
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return nil }
        defer { rx_openssl_free(hex) }
        return String(cString: hex)
    }

    private static func unixSeconds(_ time: UnsafePointer<ASN1_TIME>?) -> Int64? {
        guard let time, let epoch = ASN1_TIME_set(nil, 0) else { return nil }
        defer { ASN1_TIME_free(epoch) }
        var days: Int32 = 0
        var seconds: Int32 = 0
        guard ASN1_TIME_diff(&days, &seconds, epoch, time) == 1 else { return nil }
        return Int64(days) * 86_400 + Int64(seconds)
    }

    private static func sha256Fingerprint(of x509: OpaquePointer) -> String? {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(x509, EVP_sha256(), &digest, &length) == 1 else { return nil }
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(Int(length) * 2)
        for byte in digest[..<Int(length)] {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
