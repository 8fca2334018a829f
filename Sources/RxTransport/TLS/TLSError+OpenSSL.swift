import COpenSSL

extension TLSError {
    /// Builds an error for `operation` from the calling thread's OpenSSL error queue, emptying it so
    /// the next operation on this thread starts clean.
    ///
    /// `@inline(never)` so nothing between the failing call and the drain can run OpenSSL code that
    /// touches the queue.
    @inline(never)
    static func drainingErrorQueue(operation: String, verifyResult: String? = nil) -> TLSError {
        var reasons: [String] = []
        var text = [CChar](repeating: 0, count: 256)
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            let line = text.withUnsafeMutableBufferPointer { buffer -> String in
                guard let base = buffer.baseAddress else { return "OpenSSL error \(code)" }
                ERR_error_string_n(code, base, buffer.count)
                return String(cString: base)
            }
            reasons.append(line)
        }
        return TLSError(operation: operation, reasons: reasons, verifyResult: verifyResult)
    }
}

/// Runs an OpenSSL call that reports success with a positive return value (the usual convention),
/// clearing the error queue first so only this call's errors end up in the thrown error.
///
/// - Parameters:
///   - operation: The function name (plus any argument worth logging, such as a file path).
///   - body: The call itself.
/// - Returns: The call's return value when positive.
/// - Throws: `TLSError` carrying `operation` and the drained error queue when the result is ≤ 0.
@inline(never)
func withOpenSSLResult(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws(TLSError) -> Int32 {
    ERR_clear_error()
    let result = body()
    guard result > 0 else {
        throw TLSError.drainingErrorQueue(operation: operation())
    }
    return result
}

/// Runs an OpenSSL call that returns an object pointer (or `NULL` on failure), clearing the error
/// queue first; the pointer-returning sibling of `withOpenSSLResult`.
@inline(never)
func withOpenSSLPointer(
    _ operation: @autoclosure () -> String, _ body: () -> OpaquePointer?
) throws(TLSError) -> OpaquePointer {
    ERR_clear_error()
    guard let pointer = body() else {
        throw TLSError.drainingErrorQueue(operation: operation())
    }
    return pointer
}
