import COpenSSL
import CRxShims

/// Shared TLS configuration (an `SSL_CTX`): certificates, trust anchors, protocol versions, cipher
/// policy and ALPN. Create one per listening server or per client identity and share it by every
/// connection.
///
/// Immutable after creation, so it is safe to share across I/O threads: OpenSSL reference-counts
/// `SSL_CTX` and `SSL_new` on a configured context is thread-safe.
public final class TLSContext: @unchecked Sendable {
    /// Which end of the handshake connections made from this context play.
    public enum Role: Sendable, Hashable {
        /// Accepts connections; requires and verifies a facility client certificate.
        case server
        /// Connects to a server; verifies the server's certificate and name.
        case client
    }

    /// The highest TLS version a client context offers. Servers always allow 1.2 and 1.3.
    public enum ProtocolVersion: Sendable, Hashable {
        /// TLS 1.2 only; for testing the 1.2 cipher policy and for old client stacks.
        case tls12
        /// TLS 1.3 preferred, 1.2 allowed.
        case tls13

        var openSSLValue: Int32 {
            switch self {
            case .tls12: TLS1_2_VERSION
            case .tls13: TLS1_3_VERSION
            }
        }
    }

    /// TLS 1.2 suites: forward secrecy (ECDHE) and AEAD only. TLS 1.3 suites are all AEAD already and
    /// keep OpenSSL's defaults.
    static let tls12CipherList = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")

    /// The `SSL_CTX`, owned by this object and freed in `deinit`.
    let pointer: OpaquePointer
    /// Whether connections from this context accept or connect.
    public let role: Role
    /// For client contexts: the name (DNS name or IP literal) the server's certificate must match, and
    /// the SNI sent when it is a DNS name. `nil` disables the name check.
    public let serverName: String?

    /// Creates an `SSL_CTX` with the settings both roles share; the object owns the context from here
    /// on, so a failure later in configuration frees it through `deinit`.
    init(role: Role, serverName: String?) throws(TLSError) {
        let method = role == .server ? TLS_server_method() : TLS_client_method()
        self.pointer = try withOpenSSLPointer("SSL_CTX_new") { SSL_CTX_new(method) }
        self.role = role
        self.serverName = serverName

        let context = self.pointer
        _ = try withOpenSSLResult("SSL_CTX_set_min_proto_version(TLS1_2)") {
            rx_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION)
        }
        _ = try withOpenSSLResult("SSL_CTX_set_cipher_list") {
            SSL_CTX_set_cipher_list(context, TLSContext.tls12CipherList)
        }
        _ = SSL_CTX_set_options(context, rx_ssl_op_no_renegotiation())
        // NO_AUTO_CHAIN: send exactly the chain file. Otherwise OpenSSL completes the chain from the
        // verification store, which on a server holds the *client* CAs, not this certificate's issuers.
        let modes =
            SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS
            | SSL_MODE_NO_AUTO_CHAIN
        _ = rx_ssl_ctx_set_mode(context, Int(modes))
    }

    deinit {
        SSL_CTX_free(self.pointer)
    }

    /// Loads this end's certificate chain and private key and checks that they belong together, so a
    /// misconfigured deployment fails at startup rather than on the first handshake.
    func loadIdentity(certificateChainFile: String, privateKeyFile: String) throws(TLSError) {
        let context = self.pointer
        _ = try withOpenSSLResult("SSL_CTX_use_certificate_chain_file(\(certificateChainFile))") {
            SSL_CTX_use_certificate_chain_file(context, certificateChainFile)
        }
        _ = try withOpenSSLResult("SSL_CTX_use_PrivateKey_file(\(privateKeyFile))") {
            SSL_CTX_use_PrivateKey_file(context, privateKeyFile, SSL_FILETYPE_PEM)
        }
        _ = try withOpenSSLResult("SSL_CTX_check_private_key(\(privateKeyFile) for \(certificateChainFile))") {
            SSL_CTX_check_private_key(context)
        }
    }

    /// Trusts the CA certificates in `file` (PEM, possibly several) for verifying the peer.
    func loadTrustAnchors(file: String) throws(TLSError) {
        let context = self.pointer
        _ = try withOpenSSLResult("SSL_CTX_load_verify_locations(\(file))") {
            SSL_CTX_load_verify_locations(context, file, nil)
        }
    }
}
