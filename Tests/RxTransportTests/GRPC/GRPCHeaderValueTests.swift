import Testing

@testable import RxTransport

@Suite("gRPC header values")
struct GRPCHeaderValueTests {
    @Test(
        "grpc-timeout parses every unit",
        arguments: [
            ("1n", UInt64(1)), ("5u", 5_000), ("1m", 1_000_000), ("250m", 250_000_000), ("2S", 2_000_000_000),
            ("1M", 60_000_000_000), ("1H", 3_600_000_000_000), ("99999999n", 99_999_999),
        ])
    func timeoutUnits(text: String, nanoseconds: UInt64) {
        #expect(GRPCTimeout(headerValue: text)?.nanoseconds == nanoseconds)
    }

    @Test("malformed grpc-timeout values are rejected", arguments: ["", "m", "10", "10x", "123456789m", "-1S", "1.5S"])
    func timeoutMalformed(text: String) {
        #expect(GRPCTimeout(headerValue: text) == nil)
    }

    @Test("grpc-timeout round-trips exactly when 8 digits suffice, and rounds up otherwise")
    func timeoutRoundTrip() {
        for nanos: UInt64 in [1, 999, 1_000_000, 99_999_999, 30_000_000_000] {
            let header = GRPCTimeout(nanoseconds: nanos).headerValue
            #expect(header.utf8.count <= 9)
            #expect(GRPCTimeout(headerValue: header)?.nanoseconds == nanos, "\(header)")
        }
        let rounded = GRPCTimeout(nanoseconds: 123_456_789_001).headerValue
        #expect(rounded == "123457m")
        #expect(GRPCTimeout(headerValue: rounded).map { $0.nanoseconds >= 123_456_789_001 } == true)
    }

    @Test("grpc-message is percent-encoded outside printable ASCII and for '%'")
    func statusMessage() {
        #expect(GRPCStatusMessage.encode("plain text") == "plain text")
        #expect(GRPCStatusMessage.encode("100%") == "100%25")
        #expect(GRPCStatusMessage.encode("mã đơn\n") == "m%C3%A3 %C4%91%C6%A1n%0A")
        #expect(GRPCStatusMessage.encode(" padded ") == "%20padded%20")
        for text in ["mã đơn thuốc không hợp lệ", "a%b", "tab\tnewline\n", ""] {
            #expect(GRPCStatusMessage.decode(GRPCStatusMessage.encode(text)) == text)
        }
        #expect(GRPCStatusMessage.decode("bad %zz escape %4") == "bad %zz escape %4")
    }

    @Test("status codes have their canonical names")
    func codeNames() {
        #expect(GRPCStatus.Code.invalidArgument.name == "INVALID_ARGUMENT")
        #expect(GRPCStatus.Code(name: "permission_denied") == .permissionDenied)
        #expect(GRPCStatus.Code(rawValue: 99).name == "CODE_99")
    }

    @Test("base64 for -bin metadata accepts padded and unpadded text")
    func base64() {
        for bytes: [UInt8] in [[], [0], [0, 1], [0, 1, 2], [255, 254, 253, 252], Array(0...255)] {
            let encoded = Base64.encode(bytes)
            #expect(Base64.decode(encoded) == bytes)
            #expect(Base64.decode(encoded + String(repeating: "=", count: (4 - encoded.count % 4) % 4)) == bytes)
        }
        #expect(Base64.decode("a") == nil)
        #expect(Base64.decode("ab!d") == nil)
    }
}

@Suite("Server address")
struct ServerAddressTests {
    @Test("host:port parses names, IPv4 and bracketed IPv6; bad ports and empty hosts do not")
    func parsing() {
        #expect(ServerAddress(parsing: "localhost:50051") == ServerAddress(parsing: "localhost:50051"))
        #expect(ServerAddress(parsing: "localhost:50051")?.port == 50051)
        #expect(ServerAddress(parsing: "[::1]:443")?.host == "::1")
        #expect(ServerAddress(parsing: "[::1]:443")?.description == "[::1]:443")
        for bad in ["localhost", "localhost:0", "localhost:70000", ":50051", "host:port"] {
            #expect(ServerAddress(parsing: bad) == nil, "\(bad)")
        }
    }
}
