import COpenSSL

extension CMSVerifier {
    /// The signature checked without OpenSSL parsing the CMS, when its signer's chain was validated
    /// before: `nil` means "undecided, run the full check", never "refused".
    ///
    /// It accepts only the narrow shape ``SignedDataParts`` recognises, signed by a certificate the
    /// SignedData carries whose chain verdict ``SignerChainCache`` holds for both moments, named by the
    /// SignerInfo, with a signature algorithm matching its key; then the content's SHA-256 must equal the
    /// signed message digest and the signature must verify over the signed attributes. These are the
    /// checks `CMS_verify` makes on that shape, over the same bytes; the full path remains the judge of
    /// everything else, including every refusal and its message.
    func verifyFast(_ der: [UInt8], at unixTime: Int64) -> VerifiedSignature? {
        guard let parts = try? SignedDataParts(der: der) else { return nil }
        var signingTime: Int64?
        if let encoded = parts.signingTime {
            guard let seconds = Self.seconds(encodedTime: encoded) else { return nil }
            signingTime = seconds
        }
        for certificate in parts.certificates where self.chainCache.contains(key: certificate) {
            guard let entry = self.chainCache.entry(
                key: certificate, signingTime: signingTime, now: unixTime, trustStore: self.trustStore),
                let key = entry.publicKey
            else { continue }
            switch parts.signer {
            case .issuerAndSerial(let identifier): guard identifier == key.issuerAndSerial else { continue }
            case .subjectKeyIdentifier(let identifier): guard identifier == key.subjectKeyIdentifier else { continue }
            }
            let algorithms = key.isEC
                ? [SignedDataParts.OID.ecdsaWithSHA256, SignedDataParts.OID.ecPublicKey]
                : [SignedDataParts.OID.sha256WithRSA, SignedDataParts.OID.rsaEncryption]
            guard algorithms.contains(parts.signatureAlgorithm), SHA256.hash(parts.content) == parts.messageDigest,
                key.verifies(parts.signature, over: parts.signedAttributes)
            else { return nil }
            self.fastPathVerifications.withLock { $0 += 1 }
            return VerifiedSignature(content: parts.content, certificate: entry.certificate, signingTime: signingTime)
        }
        return nil
    }

    /// A UTCTime or GeneralizedTime element in Unix seconds, read as the full path reads signingTime.
    private static func seconds(encodedTime: [UInt8]) -> Int64? {
        encodedTime.withUnsafeBufferPointer { buffer -> Int64? in
            var cursor = buffer.baseAddress
            guard let time = d2i_ASN1_TIME(nil, &cursor, buffer.count) else {
                ERR_clear_error()
                return nil
            }
            defer { ASN1_TIME_free(time) }
            guard let base = buffer.baseAddress, cursor == base + buffer.count else { return nil }
            return UnixTime.seconds(time)
        }
    }
}
