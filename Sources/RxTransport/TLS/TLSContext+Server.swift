import COpenSSL
import CRxShims

extension TLSContext {
    /// Identifies this application's sessions in tickets, so a resumed session is only accepted by a
    /// context with the same client-certificate policy (OpenSSL refuses resumption with client
    /// verification when it is unset).
    static let sessionIDContext: StaticString = "rx-clearinghouse-mtls"

    /// Tickets issued per TLS 1.3 handshake: one for the next connection and one spare for a client
    /// that opens a second connection in parallel.
    static let ticketsPerHandshake = 2

    /// Creates the clearinghouse server context: mutual TLS with facility client certificates,
    /// TLS 1.2+, ECDHE+AEAD suites, ALPN `h2` only, session tickets for cheap reconnection.
    ///
    /// A client that presents no certificate, a certificate from another CA, an expired certificate
    /// or one whose extended key usage excludes `clientAuth` fails the handshake. A client that does
    /// not offer ALPN `h2` fails with a `no_application_protocol` alert: gRPC needs HTTP/2 and there is
    /// no fallback.
    ///
    /// - Parameters:
    ///   - certificateChainFile: PEM server certificate, followed by any intermediates.
    ///   - privateKeyFile: PEM private key of that certificate.
    ///   - clientCAFile: PEM CA certificate(s) whose facility certificates are accepted.
    /// - Throws: `TLSError` when a file cannot be read or the key does not match the certificate.
    public static func server(
        certificateChainFile: String, privateKeyFile: String, clientCAFile: String
    ) throws(TLSError) -> TLSContext {
        let tls = try TLSContext(role: .server, serverName: nil)
        let context = tls.pointer
        try tls.loadIdentity(certificateChainFile: certificateChainFile, privateKeyFile: privateKeyFile)
        try tls.loadTrustAnchors(file: clientCAFile)

        let acceptedIssuers = try withOpenSSLPointer("SSL_load_client_CA_file(\(clientCAFile))") {
            SSL_load_client_CA_file(clientCAFile)
        }
        SSL_CTX_set_client_CA_list(context, acceptedIssuers)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        _ = try withOpenSSLResult("X509_VERIFY_PARAM_set_purpose(sslclient)") {
            X509_VERIFY_PARAM_set_purpose(SSL_CTX_get0_param(context), X509_PURPOSE_SSL_CLIENT)
        }

        _ = SSL_CTX_set_options(context, rx_ssl_op_cipher_server_preference())
        _ = try withOpenSSLResult("SSL_CTX_set_session_id_context") {
            TLSContext.sessionIDContext.withUTF8Buffer { id in
                SSL_CTX_set_session_id_context(context, id.baseAddress, UInt32(id.count))
            }
        }
        _ = try withOpenSSLResult("SSL_CTX_set_num_tickets") {
            SSL_CTX_set_num_tickets(context, TLSContext.ticketsPerHandshake)
        }
        // Tickets carry the session state (stateless resumption), so no server-side cache is needed:
        // turning it off keeps memory flat however many facilities connect.
        _ = rx_ssl_ctx_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))

        SSL_CTX_set_client_hello_cb(context, requireApplicationProtocolOffer, nil)
        SSL_CTX_set_alpn_select_cb(context, selectHTTP2, nil)
        return tls
    }
}

/// ClientHello callback: refuses a client that sends no ALPN extension at all. OpenSSL does not call
/// the ALPN select callback in that case, so without this check such a client would complete the
/// handshake with no application protocol.
private func requireApplicationProtocolOffer(
    _ ssl: OpaquePointer?, _ alert: UnsafeMutablePointer<Int32>?, _ argument: UnsafeMutableRawPointer?
) -> Int32 {
    var data: UnsafePointer<UInt8>? = nil
    var length = 0
    let present = SSL_client_hello_get0_ext(
        ssl, UInt32(TLSEXT_TYPE_application_layer_protocol_negotiation), &data, &length)
    guard present == 1 else {
        alert?.pointee = SSL_AD_NO_APPLICATION_PROTOCOL
        return SSL_CLIENT_HELLO_ERROR
    }
    return SSL_CLIENT_HELLO_SUCCESS
}

/// ALPN select callback: picks `h2` from the client's offer or aborts the handshake with a fatal
/// `no_application_protocol` alert. Points `out` into the client's own list (which OpenSSL copies
/// right after the callback), so nothing is allocated.
private func selectHTTP2(
    _ ssl: OpaquePointer?,
    _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    _ outLength: UnsafeMutablePointer<UInt8>?,
    _ offered: UnsafePointer<UInt8>?,
    _ offeredLength: UInt32,
    _ argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let offered, let out, let outLength else { return SSL_TLSEXT_ERR_ALERT_FATAL }
    let offeredList = UnsafeRawBufferPointer(start: offered, count: Int(offeredLength))
    return ApplicationProtocolNegotiation.http2.withUTF8Buffer { wanted in
        guard
            let offset = ApplicationProtocolNegotiation.offset(
                of: UnsafeRawBufferPointer(wanted), in: offeredList)
        else {
            return SSL_TLSEXT_ERR_ALERT_FATAL
        }
        out.pointee = offered + offset
        outLength.pointee = UInt8(wanted.count)
        return SSL_TLSEXT_ERR_OK
    }
}
