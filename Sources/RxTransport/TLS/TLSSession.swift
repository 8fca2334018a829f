import COpenSSL

/// A resumable TLS session (an `SSL_SESSION`, usually carrying a server-issued ticket) that a client
/// passes to its next connection to the same server to skip certificate exchange and verification.
///
/// OpenSSL reference-counts sessions and does not mutate one once it is resumable, so a session may be
/// handed to a connection on another thread.
public final class TLSSession: @unchecked Sendable {
    /// The `SSL_SESSION`; this object holds one reference, released in `deinit`.
    let pointer: OpaquePointer

    /// Takes ownership of one reference to `pointer` (as returned by `SSL_get1_session`).
    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        SSL_SESSION_free(self.pointer)
    }

    /// The negotiated protocol version of the session ("TLSv1.3"), for logs and tests.
    public var protocolVersion: String {
        switch SSL_SESSION_get_protocol_version(self.pointer) {
        case TLS1_3_VERSION: "TLSv1.3"
        case TLS1_2_VERSION: "TLSv1.2"
        case let other: "0x" + String(other, radix: 16)
        }
    }
}
