#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: the function's name and `errno`, read before anything else could
/// overwrite it.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    public var function: String
    public var errno: Int32

    public init(function: String, errno: Int32) {
        self.function = function
        self.errno = errno
    }

    public var description: String {
        "\(self.function) failed: \(String(cString: strerror(self.errno))) (errno \(self.errno))"
    }
}

/// Runs a system call the way every caller here needs it: retried on `EINTR`, `EAGAIN` reported
/// as `nil` (the non-blocking "try again later"), any other failure thrown with its errno.
///
/// Marked `@inline(never)` so that `errno` is read right after the call, before ARC or another
/// inlined call can clobber it.
@inline(never)
func systemCall<T: FixedWidthInteger>(_ function: StaticString, _ body: () -> T) throws(SystemError) -> T? {
    while true {
        let result = body()
        if result >= 0 { return result }
        let error = Glibc.errno
        switch error {
        case EINTR: continue
        case EAGAIN: return nil
        default: throw SystemError(function: "\(function)", errno: error)
        }
    }
}
