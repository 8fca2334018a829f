import Testing

@testable import RxTransport

@Suite("ALPN wire format")
struct ApplicationProtocolNegotiationTests {
    @Test("protocol names encode as length-prefixed bytes")
    func wireFormat() throws {
        #expect(try ApplicationProtocolNegotiation.wireFormat(["h2"]) == [2, 0x68, 0x32])
        #expect(
            try ApplicationProtocolNegotiation.wireFormat(["h2", "http/1.1"])
                == [2, 0x68, 0x32, 8] + Array("http/1.1".utf8))
        #expect(try ApplicationProtocolNegotiation.wireFormat([]) == [])
        #expect(throws: TLSError.self) { try ApplicationProtocolNegotiation.wireFormat([""]) }
    }

    @Test(
        "h2 is found only where a well-formed list offers it",
        arguments: [
            ([2, 0x68, 0x32], 1),
            ([8] + Array("http/1.1".utf8) + [2, 0x68, 0x32], 10),
            ([3, 0x68, 0x32, 0x63], nil),  // "h2c" is not "h2"
            ([8] + Array("http/1.1".utf8), nil),
            ([], nil),
            ([5, 0x68, 0x32], nil),  // length runs past the end
            ([0, 2, 0x68, 0x32], nil),  // empty name is malformed
            ([1, 0x68, 2, 0x68, 0x32], 3),
        ] as [([UInt8], Int?)])
    func offsetOfHTTP2(offered: [UInt8], expected: Int?) {
        let found = offered.withUnsafeBytes { list in
            ApplicationProtocolNegotiation.http2.withUTF8Buffer { wanted in
                ApplicationProtocolNegotiation.offset(of: UnsafeRawBufferPointer(wanted), in: list)
            }
        }
        #expect(found == expected)
    }
}
