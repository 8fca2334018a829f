import COpenSSL
import CRxShims

extension TLSContext {
    /// Creates a client context (rxctl, the load generator, tests): verifies the server's certificate
    /// against `trustedCAFile` and its name against `serverName`, and optionally presents a facility
    /// certificate for mutual TLS.
    ///
    /// - Parameters:
    ///   - certificateChainFile: PEM client certificate (plus intermediates); `nil` for no client
    ///     certificate. Must be given together with `privateKeyFile`.
    ///   - privateKeyFile: PEM private key of the client certificate.
    ///   - trustedCAFile: PEM CA certificate(s) the server's certificate must chain to.
    ///   - serverName: DNS name (also sent as SNI) or IP literal the server certificate must match.
    ///   - alpnProtocols: Protocols offered via ALPN, most preferred first. The server only accepts
    ///     `h2`; other values exist to test that refusal.
    ///   - maximumProtocolVersion: The highest TLS version offered.
    /// - Warning: `serverName: nil` disables the name check: any certificate from the trusted CA is
    ///   accepted as the server. Use it only in tests.
    /// - Throws: `TLSError` when a file cannot be read, the key does not match the certificate, or
    ///   only one of certificate and key is given.
    public static func client(
        certificateChainFile: String?,
        privateKeyFile: String?,
        trustedCAFile: String,
        serverName: String?,
        alpnProtocols: [String] = ["h2"],
        maximumProtocolVersion: ProtocolVersion = .tls13
    ) throws(TLSError) -> TLSContext {
        let tls = try TLSContext(role: .client, serverName: serverName)
        let context = tls.pointer
        switch (certificateChainFile, privateKeyFile) {
        case (let chain?, let key?):
            try tls.loadIdentity(certificateChainFile: chain, privateKeyFile: key)
        case (nil, nil):
            break
        default:
            throw TLSError(
                operation: "TLSContext.client",
                reasons: ["certificateChainFile and privateKeyFile must be given together"])
        }
        try tls.loadTrustAnchors(file: trustedCAFile)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        _ = try withOpenSSLResult("X509_VERIFY_PARAM_set_purpose(sslserver)") {
            X509_VERIFY_PARAM_set_purpose(SSL_CTX_get0_param(context), X509_PURPOSE_SSL_SERVER)
        }
        _ = try withOpenSSLResult("SSL_CTX_set_max_proto_version") {
            rx_ssl_ctx_set_max_proto_version(context, maximumProtocolVersion.openSSLValue)
        }
        if !alpnProtocols.isEmpty {
            let wire = try ApplicationProtocolNegotiation.wireFormat(alpnProtocols)
            // Unlike most of OpenSSL, SSL_CTX_set_alpn_protos returns 0 on success.
            _ = try withOpenSSLResult("SSL_CTX_set_alpn_protos") {
                SSL_CTX_set_alpn_protos(context, wire, UInt32(wire.count)) == 0 ? 1 : 0
            }
        }
        return tls
    }
}
