import COpenSSL
import CRxShims

/// One TLS session over memory BIOs: the owner feeds it ciphertext read from the socket and sends the
/// ciphertext it produces; it never touches a socket itself, so the event loop keeps full control of
/// I/O readiness and buffering.
///
/// Typical loop iteration: `receiveCiphertext` with what the socket returned; `handshake()` until
/// `.complete`; then `readPlaintext`; `writePlaintext` for responses; finally send what
/// `takePendingCiphertext` (or `withPendingCiphertext` + `consumeCiphertext`) yields. Always flush
/// pending ciphertext after a failure too: it may hold the alert telling the peer why.
///
/// - Warning: Confined to one thread (the connection's I/O thread): not `Sendable`, no locks.
public final class TLSConnection {
    /// How far the handshake got with the ciphertext received so far.
    public enum HandshakeProgress: Sendable {
        /// Handshake finished; application data may flow.
        case complete
        /// Waiting for more ciphertext from the peer (flush pending ciphertext first).
        case needsMoreData
        /// The handshake failed; send pending ciphertext (the alert) and close.
        case failed(TLSError)
    }

    /// The outcome of draining decrypted application data.
    public enum ReadResult: Sendable {
        /// This many bytes were appended to the buffer.
        case ok(Int)
        /// No complete record is buffered; wait for more ciphertext.
        case wouldBlock
        /// The peer sent close_notify: no more data will come.
        case closed
        /// The connection failed (bad record, alert from the peer); close it.
        case failed(TLSError)
    }

    /// Size of the stack buffer that decrypted records pass through (one maximal TLS record). Not a
    /// per-connection buffer: thousands of idle connections would each hold one.
    static let scratchSize = 16 * 1024

    /// The context this connection was created from; kept alive as long as the connection.
    public let context: TLSContext
    /// The `SSL`, owned; it owns both memory BIOs.
    let ssl: OpaquePointer
    /// Memory BIO holding ciphertext received from the network, not yet consumed by OpenSSL.
    private var networkInput: OpaquePointer
    /// Memory BIO holding ciphertext produced by OpenSSL, not yet sent.
    private var networkOutput: OpaquePointer
    /// A failure seen while returning data, reported by the next `readPlaintext`.
    private var deferredFailure: TLSError?
    /// The peer certificate, extracted once after the handshake.
    var peerCertificateCache: PeerCertificate??

    /// Creates a connection in the role of `context` (accepting for a server context, connecting for
    /// a client context).
    public convenience init(context: TLSContext) throws(TLSError) {
        try self.init(context: context, resuming: nil)
    }

    /// Creates a connection, offering `session` for resumption when this is a client.
    ///
    /// - Parameters:
    ///   - context: Shared configuration; decides the role.
    ///   - session: A session from an earlier connection to the same server (see `session`); ignored
    ///     by server connections. The server falls back to a full handshake if it refuses it.
    /// - Throws: `TLSError` when OpenSSL cannot allocate the session or set the expected server name.
    public init(context: TLSContext, resuming session: TLSSession?) throws(TLSError) {
        let ssl = try withOpenSSLPointer("SSL_new") { SSL_new(context.pointer) }
        guard let input = BIO_new(BIO_s_mem()) else {
            let error = TLSError.drainingErrorQueue(operation: "BIO_new(input)")
            SSL_free(ssl)
            throw error
        }
        guard let output = BIO_new(BIO_s_mem()) else {
            let error = TLSError.drainingErrorQueue(operation: "BIO_new(output)")
            BIO_free(input)
            SSL_free(ssl)
            throw error
        }
        SSL_set_bio(ssl, input, output)
        do {
            try TLSConnection.configure(ssl: ssl, context: context, session: session)
        } catch {
            SSL_free(ssl)
            throw error
        }
        self.context = context
        self.ssl = ssl
        self.networkInput = input
        self.networkOutput = output
    }

    deinit {
        SSL_free(self.ssl)
    }

    /// Gives back the memory an idle connection holds: memory BIOs keep the capacity of the largest
    /// burst they ever carried (the handshake's certificate chain, a big request), so empty ones are
    /// replaced by fresh BIOs. Does nothing while ciphertext is pending either way.
    public func releaseIdleMemory() {
        guard BIO_ctrl_pending(self.networkInput) == 0, BIO_ctrl_pending(self.networkOutput) == 0 else { return }
        if let input = BIO_new(BIO_s_mem()) {
            SSL_set0_rbio(self.ssl, input)  // frees the old one
            self.networkInput = input
        }
        if let output = BIO_new(BIO_s_mem()) {
            SSL_set0_wbio(self.ssl, output)
            self.networkOutput = output
        }
    }

    private static func configure(ssl: OpaquePointer, context: TLSContext, session: TLSSession?) throws(TLSError) {
        switch context.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            SSL_set_connect_state(ssl)
            if let name = context.serverName {
                try expectServerName(name, ssl: ssl)
            }
            if let session {
                _ = try withOpenSSLResult("SSL_set_session") { SSL_set_session(ssl, session.pointer) }
            }
        }
    }

    /// Makes verification require `name` in the server certificate: as an IP address when it parses
    /// as one, else as a DNS name, which is also sent as SNI (RFC 6066 forbids IP literals in SNI).
    private static func expectServerName(_ name: String, ssl: OpaquePointer) throws(TLSError) {
        if let address = a2i_IPADDRESS(name) {
            ASN1_OCTET_STRING_free(address)
            _ = try withOpenSSLResult("X509_VERIFY_PARAM_set1_ip_asc(\(name))") {
                X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name)
            }
        } else {
            _ = try withOpenSSLResult("SSL_set1_host(\(name))") { SSL_set1_host(ssl, name) }
            _ = try withOpenSSLResult("SSL_set_tlsext_host_name(\(name))") { rx_ssl_set_tlsext_host_name(ssl, name) }
        }
    }

    // MARK: Ciphertext in

    /// Hands OpenSSL bytes read from the socket. Copies them; the buffer may be reused afterwards.
    public func receiveCiphertext(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            // A memory BIO grows as needed; a write fails only on allocation failure.
            let chunk = Int32(clamping: bytes.count - offset)
            let written = BIO_write(self.networkInput, base + offset, chunk)
            guard written > 0 else { return }
            offset += Int(written)
        }
    }

    // MARK: Handshake and plaintext

    /// Advances the handshake with the ciphertext received so far. Call again after each
    /// `receiveCiphertext` until it returns `.complete` or `.failed`; send pending ciphertext after
    /// every call.
    public func handshake() -> HandshakeProgress {
        if SSL_is_init_finished(self.ssl) == 1 { return .complete }
        ERR_clear_error()
        let result = SSL_do_handshake(self.ssl)
        if result == 1 { return .complete }
        switch self.classify(result, operation: "SSL_do_handshake") {
        case .wouldBlock: return .needsMoreData
        case .closed: return .failed(TLSError(operation: "SSL_do_handshake", reasons: ["peer closed during handshake"]))
        case .failed(let error): return .failed(error)
        }
    }

    /// Appends every plaintext byte that can be decrypted from the ciphertext received so far.
    ///
    /// - Returns: `.ok(n)` when bytes were appended (a close or failure right after them is reported
    ///   by the next call), otherwise why nothing was.
    public func readPlaintext(into buffer: inout [UInt8]) -> ReadResult {
        if let failure = self.deferredFailure { return .failed(failure) }
        return withUnsafeTemporaryAllocation(byteCount: Self.scratchSize, alignment: 16) { scratch in
            var total = 0
            while true {
                var count = 0
                ERR_clear_error()
                let result = SSL_read_ex(self.ssl, scratch.baseAddress, scratch.count, &count)
                if result == 1 {
                    buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<count]))
                    total += count
                    continue
                }
                switch self.classify(result, operation: "SSL_read_ex") {
                case .wouldBlock:
                    return total > 0 ? .ok(total) : .wouldBlock
                case .closed:
                    return total > 0 ? .ok(total) : .closed
                case .failed(let error):
                    guard total > 0 else { return .failed(error) }
                    self.deferredFailure = error
                    return .ok(total)
                }
            }
        }
    }

    /// Encrypts all of `bytes` into pending ciphertext (possibly several records). Never blocks:
    /// the output BIO grows, and the caller applies backpressure by watching pending ciphertext.
    ///
    /// - Throws: `TLSError` when the connection has failed or is shut down.
    public func writePlaintext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            var written = 0
            ERR_clear_error()
            let result = SSL_write_ex(self.ssl, base + offset, bytes.count - offset, &written)
            if result == 1 {
                offset += written
                continue
            }
            switch self.classify(result, operation: "SSL_write_ex") {
            case .wouldBlock:
                throw TLSError(operation: "SSL_write_ex", reasons: ["handshake not complete"])
            case .closed:
                throw TLSError(operation: "SSL_write_ex", reasons: ["connection closed"])
            case .failed(let error):
                throw error
            }
        }
    }

    /// Encrypts all of `bytes` into pending ciphertext; see `writePlaintext(_:)` for buffers.
    public func writePlaintext(_ bytes: [UInt8]) throws(TLSError) {
        var failure: TLSError?
        bytes.withUnsafeBytes { buffer in
            do throws(TLSError) { try self.writePlaintext(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Queues a close_notify alert (send pending ciphertext afterwards). Does not wait for the peer's.
    public func shutdown() {
        ERR_clear_error()
        _ = SSL_shutdown(self.ssl)
        ERR_clear_error()
    }

    // MARK: Ciphertext out

    /// Whether ciphertext is waiting to be sent to the peer.
    public var hasPendingCiphertext: Bool {
        BIO_ctrl_pending(self.networkOutput) > 0
    }

    /// Lends the pending ciphertext without copying. Call `consumeCiphertext(count:)` afterwards with
    /// what the socket accepted.
    ///
    /// - Warning: The buffer is valid only inside `body`; do not let it escape, and do not call other
    ///   methods of this connection from inside `body`.
    public func withPendingCiphertext<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = rx_bio_get_mem_data(self.networkOutput, &data)
        guard let data, length > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: data, count: length))
    }

    /// Drops the first `count` bytes of pending ciphertext (those the socket accepted).
    public func consumeCiphertext(count: Int) {
        var remaining = min(count, Int(BIO_ctrl_pending(self.networkOutput)))
        guard remaining > 0 else { return }
        withUnsafeTemporaryAllocation(byteCount: Self.scratchSize, alignment: 16) { scratch in
            while remaining > 0 {
                let chunk = Int32(min(remaining, scratch.count))
                let read = BIO_read(self.networkOutput, scratch.baseAddress, chunk)
                guard read > 0 else { return }
                remaining -= Int(read)
            }
        }
    }

    /// Moves all pending ciphertext to the end of `buffer`.
    ///
    /// - Returns: The number of bytes appended.
    @discardableResult
    public func takePendingCiphertext(into buffer: inout [UInt8]) -> Int {
        let count = self.withPendingCiphertext { pending in
            buffer.append(contentsOf: pending)
            return pending.count
        }
        self.consumeCiphertext(count: count)
        return count
    }

    // MARK: Errors

    private enum Outcome {
        case wouldBlock
        case closed
        case failed(TLSError)
    }

    /// Interprets a failed `SSL_*` result; must run right after the call, before anything else
    /// touches this thread's error queue.
    private func classify(_ result: Int32, operation: String) -> Outcome {
        let code = SSL_get_error(self.ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wouldBlock
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        default:
            let verification = SSL_get_verify_result(self.ssl)
            let verifyResult =
                verification == X509_V_OK ? nil : String(cString: X509_verify_cert_error_string(verification))
            var error = TLSError.drainingErrorQueue(operation: operation, verifyResult: verifyResult)
            if error.reasons.isEmpty {
                error.reasons.append("SSL_get_error \(code)")
            }
            return .failed(error)
        }
    }
}
