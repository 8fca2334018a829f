import CRxLinux
import Glibc

/// An IPv4 or IPv6 socket address parsed from a numeric host (`127.0.0.1`, `::1`, `0.0.0.0`).
struct SocketAddress {
    private var storage = sockaddr_storage()
    private let length: socklen_t
    let family: Int32

    init(host: String, port: Int) throws(SystemError) {
        guard (0...65535).contains(port) else { throw SystemError(function: "port \(port)", errno: EINVAL) }
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeMutableBytes(of: &self.storage) { target in
                withUnsafeBytes(of: v4) { target.copyMemory(from: $0) }
            }
            self.length = socklen_t(MemoryLayout<sockaddr_in>.size)
            self.family = AF_INET
            return
        }
        var v6 = sockaddr_in6()
        let name = host == "localhost" ? "::1" : host
        guard inet_pton(AF_INET6, name, &v6.sin6_addr) == 1 else {
            throw SystemError(function: "inet_pton(\(host)): not a numeric address", errno: EINVAL)
        }
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = in_port_t(UInt16(port).bigEndian)
        withUnsafeMutableBytes(of: &self.storage) { target in
            withUnsafeBytes(of: v6) { target.copyMemory(from: $0) }
        }
        self.length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        self.family = AF_INET6
    }

    func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        var storage = self.storage
        return try withUnsafePointer(to: &storage) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, self.length) }
        }
    }

    static func port(of storage: sockaddr_storage) -> Int {
        withUnsafeBytes(of: storage) { raw -> Int in
            switch Int32(storage.ss_family) {
            case AF_INET: return Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
            case AF_INET6: return Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
            default: return 0
            }
        }
    }

    static func describe(_ storage: sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        return withUnsafeBytes(of: storage) { raw -> String in
            switch Int32(storage.ss_family) {
            case AF_INET:
                var address = raw.load(as: sockaddr_in.self)
                inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count))
                return "\(Self.string(text)):\(UInt16(bigEndian: address.sin_port))"
            case AF_INET6:
                var address = raw.load(as: sockaddr_in6.self)
                inet_ntop(AF_INET6, &address.sin6_addr, &text, socklen_t(text.count))
                return "[\(Self.string(text))]:\(UInt16(bigEndian: address.sin6_port))"
            default:
                return "unknown"
            }
        }
    }

    private static func string(_ text: [CChar]) -> String {
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
