import COpenSSL
import CRxShims

extension TLSConnection {
    /// Whether the handshake has finished.
    public var isHandshakeComplete: Bool {
        SSL_is_init_finished(self.ssl) == 1
    }

    /// The protocol agreed via ALPN ("h2"), or `nil` before the handshake or when none was agreed.
    public var negotiatedALPN: String? {
        var data: UnsafePointer<UInt8>? = nil
        var length: UInt32 = 0
        SSL_get0_alpn_selected(self.ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// The negotiated TLS version ("TLSv1.3"), or `nil` before the handshake completes.
    public var negotiatedProtocolVersion: String? {
        guard self.isHandshakeComplete, let version = SSL_get_version(self.ssl) else { return nil }
        return String(cString: version)
    }

    /// The negotiated cipher suite in OpenSSL naming ("TLS_AES_256_GCM_SHA384",
    /// "ECDHE-ECDSA-AES128-GCM-SHA256"), or `nil` before the handshake completes.
    public var negotiatedCipher: String? {
        guard self.isHandshakeComplete, let cipher = SSL_get_current_cipher(self.ssl),
            let name = SSL_CIPHER_get_name(cipher)
        else { return nil }
        return String(cString: name)
    }

    /// Whether this handshake resumed an earlier session (abbreviated handshake).
    public var sessionReused: Bool {
        rx_ssl_session_reused(self.ssl) == 1
    }

    /// The session to offer on the next connection to the same server (client side), or `nil` when
    /// none is resumable yet. With TLS 1.3 the server's ticket arrives after the handshake and is
    /// processed by `readPlaintext`, so ask after the first read.
    public var session: TLSSession? {
        guard let pointer = SSL_get1_session(self.ssl) else { return nil }
        let session = TLSSession(owning: pointer)
        guard SSL_SESSION_is_resumable(pointer) == 1 else { return nil }
        return session
    }

    /// The verified certificate of the peer, parsed on first use after the handshake and cached for
    /// the connection's lifetime (resumed sessions carry it too).
    ///
    /// - Returns: `nil` before the handshake completes, when the peer sent no certificate, or when its
    ///   subject cannot be decoded (treat as unauthenticated).
    public func peerCertificate() -> PeerCertificate? {
        if let cached = self.peerCertificateCache { return cached }
        guard self.isHandshakeComplete else { return nil }
        let certificate: PeerCertificate?
        if let x509 = SSL_get1_peer_certificate(self.ssl) {
            defer { X509_free(x509) }
            certificate = PeerCertificate(x509: x509)
        } else {
            certificate = nil
        }
        self.peerCertificateCache = .some(certificate)
        return certificate
    }
}
