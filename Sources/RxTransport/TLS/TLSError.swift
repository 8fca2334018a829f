/// A failed TLS operation: which OpenSSL call failed, what OpenSSL said about it, and — for handshakes
/// that failed on certificate checks — the certificate verification result.
///
/// OpenSSL reports failures through a per-thread error queue rather than return values; this error
/// captures that queue at the moment of failure so the text survives to the log line that explains
/// why a facility could not connect (an expired certificate, an unknown issuer, a missing `h2` offer).
public struct TLSError: Error, Sendable, CustomStringConvertible {
    /// The OpenSSL function (and, where useful, its argument such as a file path) that failed.
    public var operation: String
    /// The OpenSSL error queue at the time of failure, oldest first, one line per entry.
    public var reasons: [String]
    /// The X.509 verification result when certificate verification failed (e.g.
    /// "certificate has expired"); `nil` when verification succeeded or did not run.
    public var verifyResult: String?

    /// Creates an error from already-collected parts; mainly for callers outside this module that
    /// wrap their own checks (e.g. an ALPN policy) in the same error type.
    public init(operation: String, reasons: [String] = [], verifyResult: String? = nil) {
        self.operation = operation
        self.reasons = reasons
        self.verifyResult = verifyResult
    }

    public var description: String {
        var text = "TLS error in \(self.operation)"
        if let verifyResult = self.verifyResult {
            text += " (certificate verification: \(verifyResult))"
        }
        if !self.reasons.isEmpty {
            text += ": " + self.reasons.joined(separator: "; ")
        }
        return text
    }
}
