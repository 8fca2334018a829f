import COpenSSL
import CRxShims

extension TLSContext {
    /// Turns on certificate revocation checks for client certificates, with the CRLs in `file`.
    ///
    /// Call once, before the server accepts connections: it sets the `CRL_CHECK` flag (every handshake
    /// then needs a CRL from the facility CA, so a missing CRL refuses everyone rather than nobody) and
    /// turns off session resumption, because a resumed session skips certificate verification and
    /// would let a revoked facility back in until its ticket expired.
    ///
    /// - Parameter file: PEM file holding one or more CRLs.
    /// - Returns: The number of CRLs loaded.
    /// - Throws: `TLSError` when the file cannot be read or holds no CRL.
    public func enableRevocationChecks(crlFile file: String) throws(TLSError) -> Int {
        let context = self.pointer
        let loaded = try self.addRevocationLists(from: file)
        _ = try withOpenSSLResult("X509_VERIFY_PARAM_set_flags(CRL_CHECK)") {
            X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(context), UInt(X509_V_FLAG_CRL_CHECK))
        }
        _ = try withOpenSSLResult("SSL_CTX_set_num_tickets(0)") { SSL_CTX_set_num_tickets(context, 0) }
        // TLS 1.2 tickets cannot be turned off without a macro; a one-second lifetime makes them useless.
        _ = SSL_CTX_set_timeout(context, 1)
        return loaded
    }

    /// Adds the CRLs in `file` to the trust store, for handshakes from now on; safe while serving
    /// (the store locks itself). A newer CRL from the same CA (later `lastUpdate`) supersedes the
    /// older one; an identical CRL is ignored.
    ///
    /// - Returns: The serial numbers (upper-case hex, as in `FacilityIdentity.certificateSerial`)
    ///   revoked by the CRLs in the file, so the caller can close those peers' live connections.
    @discardableResult
    public func reloadRevocationLists(crlFile file: String) throws(TLSError) -> Set<String> {
        var revoked: Set<String> = []
        try self.addRevocationLists(from: file) { crl in
            guard let entries = X509_CRL_get_REVOKED(crl) else { return }
            for index in 0..<max(OPENSSL_sk_num(entries), 0) {
                guard let entry = OPENSSL_sk_value(entries, index),
                    let serial = Self.serialHex(X509_REVOKED_get0_serialNumber(OpaquePointer(entry)))
                else { continue }
                revoked.insert(serial)
            }
        }
        return revoked
    }

    @discardableResult
    private func addRevocationLists(
        from file: String, inspect: (OpaquePointer) -> Void = { _ in }
    ) throws(TLSError) -> Int {
        let store = try withOpenSSLPointer("SSL_CTX_get_cert_store") { SSL_CTX_get_cert_store(self.pointer) }
        let bio = try withOpenSSLPointer("BIO_new_file(\(file))") { BIO_new_file(file, "r") }
        defer { BIO_free(bio) }
        var crls: [OpaquePointer] = []
        defer { crls.forEach { X509_CRL_free($0) } }
        while let crl = PEM_read_bio_X509_CRL(bio, nil, nil, nil) {
            crls.append(crl)
        }
        // Reading stops with a "no start line" error at the end of the file; it is not a failure.
        ERR_clear_error()
        guard !crls.isEmpty else {
            throw TLSError(operation: "PEM_read_bio_X509_CRL(\(file))", reasons: ["no CRL in the file"])
        }
        for crl in crls {
            _ = try withOpenSSLResult("X509_STORE_add_crl(\(file))") { X509_STORE_add_crl(store, crl) }
            inspect(crl)
        }
        return crls.count
    }

    /// An ASN.1 serial number as upper-case hex (`BN_bn2hex`), the form peer identities use.
    private static func serialHex(_ serial: UnsafePointer<ASN1_INTEGER>?) -> String? {
        guard let serial, let number = ASN1_INTEGER_to_BN(serial, nil) else { return nil }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return nil }
        defer { rx_openssl_free(hex) }
        return String(cString: hex)
    }
}
