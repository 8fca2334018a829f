/// ALPN (RFC 7301) wire-format helpers: the protocol list is a sequence of length-prefixed names
/// (`0x02 'h' '2' 0x08 'h' 't' 't' 'p' '/' '1' '.' '1'`).
///
/// Pure functions over byte buffers so the server's selection rule is testable without a handshake
/// and callable from the `@convention(c)` ALPN callback without allocating.
enum ApplicationProtocolNegotiation {
    /// The only application protocol the clearinghouse speaks: gRPC runs over HTTP/2.
    static let http2: StaticString = "h2"

    /// Encodes protocol names into the ALPN wire format.
    ///
    /// - Throws: `TLSError` when a name is empty or longer than 255 UTF-8 bytes (not encodable).
    static func wireFormat(_ protocols: [String]) throws(TLSError) -> [UInt8] {
        var wire: [UInt8] = []
        for name in protocols {
            let bytes = Array(name.utf8)
            guard (1...255).contains(bytes.count) else {
                throw TLSError(
                    operation: "ALPN protocol list",
                    reasons: ["protocol name '\(name)' must be 1...255 bytes long"])
            }
            wire.append(UInt8(bytes.count))
            wire.append(contentsOf: bytes)
        }
        return wire
    }

    /// Finds `wanted` in a client's offered ALPN list.
    ///
    /// - Parameters:
    ///   - wanted: The protocol name (without length prefix).
    ///   - offered: The client's list in wire format, as received; may be malformed.
    /// - Returns: The offset of the name's first byte inside `offered`, or `nil` when it is not offered
    ///   or the list is malformed before reaching it.
    static func offset(of wanted: UnsafeRawBufferPointer, in offered: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        while index < offered.count {
            let length = Int(offered[index])
            let start = index + 1
            let end = start + length
            guard length > 0, end <= offered.count else { return nil }
            if length == wanted.count,
                UnsafeRawBufferPointer(rebasing: offered[start..<end]).elementsEqual(wanted)
            {
                return start
            }
            index = end
        }
        return nil
    }
}
