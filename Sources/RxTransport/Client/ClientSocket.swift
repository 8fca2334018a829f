import CRxLinux
import Glibc

/// A connected, non-blocking TCP socket for the client side, with `poll`-based waits.
final class ClientSocket {
    let fd: Int32

    /// Resolves `host` (name or numeric) and connects to the first address that answers within
    /// `timeoutMilliseconds`.
    init(host: String, port: Int, timeoutMilliseconds: Int) throws(SystemError) {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw SystemError(function: "getaddrinfo(\(host))", errno: status == EAI_SYSTEM ? Glibc.errno : EHOSTUNREACH)
        }
        defer { freeaddrinfo(results) }
        var lastError = SystemError(function: "connect(\(host):\(port))", errno: ECONNREFUSED)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 || Glibc.errno == EINPROGRESS {
                var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&descriptor, 1, Int32(timeoutMilliseconds))
                var socketError: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
                if ready == 1, socketError == 0 {
                    var one: Int32 = 1
                    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                    self.fd = fd
                    return
                }
                lastError = SystemError(function: "connect(\(host):\(port))", errno: ready == 0 ? ETIMEDOUT : socketError)
            } else {
                lastError = SystemError(function: "connect(\(host):\(port))", errno: Glibc.errno)
            }
            close(fd)
        }
        throw lastError
    }

    deinit {
        close(self.fd)
    }

    /// Waits until the socket is readable (and, if `writable`, writable); `false` on timeout.
    func wait(readable: Bool, writable: Bool, timeoutMilliseconds: Int32) -> Bool {
        var events: Int16 = 0
        if readable { events |= Int16(POLLIN) }
        if writable { events |= Int16(POLLOUT) }
        var descriptor = pollfd(fd: self.fd, events: events, revents: 0)
        return poll(&descriptor, 1, timeoutMilliseconds) > 0
    }

    /// Reads into `buffer`; `nil` when nothing is available, 0 at end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int? {
        try systemCall("read") { Glibc.read(self.fd, buffer.baseAddress, buffer.count) }
    }

    /// Writes as much of `bytes` as the socket takes; returns the count (0 if it would block).
    func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) -> Int {
        try systemCall("write") { Glibc.write(self.fd, bytes.baseAddress, bytes.count) } ?? 0
    }
}
