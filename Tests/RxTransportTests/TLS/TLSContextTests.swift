import Testing

@testable import RxTransport

@Suite("TLS context configuration errors")
struct TLSContextTests {
    @Test("a private key that does not match the certificate is refused at creation")
    func keyMismatch() {
        let error = #expect(throws: TLSError.self) {
            try TLSContext.server(
                certificateChainFile: DevelopmentPKI.path("server.crt"),
                privateKeyFile: DevelopmentPKI.path("hospital-prescriber.key"),
                clientCAFile: DevelopmentPKI.path("ca.crt"))
        }
        #expect(error?.reasons.contains { $0.contains("key values mismatch") } == true, "\(String(describing: error))")
        #expect(error?.description.contains("hospital-prescriber.key") == true)
    }

    @Test("a missing file names the file in the error")
    func missingFile() {
        let missing = DevelopmentPKI.path("no-such-ca.crt")
        let error = #expect(throws: TLSError.self) {
            try TLSContext.server(
                certificateChainFile: DevelopmentPKI.path("server.crt"),
                privateKeyFile: DevelopmentPKI.path("server.key"),
                clientCAFile: missing)
        }
        #expect(error?.operation.contains(missing) == true, "\(String(describing: error))")
        #expect(error?.reasons.isEmpty == false)
    }

    @Test("a client certificate without its key is refused")
    func certificateWithoutKey() {
        #expect(throws: TLSError.self) {
            try TLSContext.client(
                certificateChainFile: DevelopmentPKI.path("pharmacy.crt"), privateKeyFile: nil,
                trustedCAFile: DevelopmentPKI.path("ca.crt"), serverName: "localhost")
        }
    }

    @Test("an ALPN protocol name longer than 255 bytes is refused")
    func overlongProtocolName() {
        #expect(throws: TLSError.self) {
            try DevelopmentPKI.clientContext(identity: nil, alpnProtocols: [String(repeating: "x", count: 256)])
        }
    }

    @Test("contexts report their role")
    func roles() throws {
        #expect(try DevelopmentPKI.serverContext().role == .server)
        let client = try DevelopmentPKI.clientContext(identity: "pharmacy", serverName: "localhost")
        #expect(client.role == .client)
        #expect(client.serverName == "localhost")
    }

    @Test("error description carries operation, verification result and OpenSSL reasons")
    func errorDescription() {
        let error = TLSError(
            operation: "SSL_do_handshake", reasons: ["first", "second"], verifyResult: "certificate has expired")
        #expect(
            error.description
                == "TLS error in SSL_do_handshake (certificate verification: certificate has expired): first; second")
        #expect(TLSError(operation: "SSL_new").description == "TLS error in SSL_new")
    }
}
