import Testing

@testable import RxTransport

/// One committed facility certificate and the identity the server must derive from it.
struct ExpectedFacility: Sendable, CustomTestStringConvertible {
    var file: String
    var code: String
    var roles: Set<FacilityRole>
    var testDescription: String { self.file }
}

@Suite("TLS handshake between in-memory client and server")
struct TLSConnectionHandshakeTests {
    @Test("hospital certificate: handshake completes with h2, TLS 1.3 and the hospital's identity")
    func hospitalHandshake() throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: "hospital-prescriber"),
            server: DevelopmentPKI.serverContext())
        pair.handshake()
        #expect(pair.bothComplete, "client \(pair.clientProgress), server \(pair.serverProgress)")
        #expect(pair.server.negotiatedALPN == "h2")
        #expect(pair.client.negotiatedALPN == "h2")
        #expect(pair.server.negotiatedProtocolVersion == "TLSv1.3")
        #expect(pair.client.negotiatedProtocolVersion == "TLSv1.3")
        #expect(pair.server.sessionReused == false)

        let certificate = try #require(pair.server.peerCertificate())
        let identity = try certificate.facilityIdentity()
        #expect(identity.facilityCode == "79088")
        #expect(identity.provinceCode == "79")
        #expect(identity.facilityName == "Bệnh viện Đa khoa Thử nghiệm Sài Gòn")
        #expect(identity.roles == [.prescriber])
        #expect(identity.certificateSerial == certificate.serialHex)
        #expect(certificate.sha256Fingerprint.count == 64)
        #expect(certificate.notBefore < certificate.notAfter)
        // Generated certificates last about ten years; anything before 2030 means a date bug.
        #expect(certificate.notAfter > 1_893_456_000)

        let serverCertificate = try #require(pair.client.peerCertificate())
        #expect(serverCertificate.subjectValues("CN") == ["localhost"])
        // Cached: the same value on every call.
        #expect(pair.server.peerCertificate() == certificate)
    }

    @Test(
        "every trusted facility certificate authenticates with its code and roles",
        arguments: [
            ExpectedFacility(file: "hospital-prescriber", code: "79088", roles: [.prescriber]),
            ExpectedFacility(file: "clinic-prescriber", code: "01215", roles: [.prescriber]),
            ExpectedFacility(file: "pharmacy", code: "48102", roles: [.pharmacy]),
            ExpectedFacility(file: "pharmacy-2", code: "92031", roles: [.pharmacy]),
            ExpectedFacility(file: "regulator", code: "01QLD", roles: [.regulator]),
            ExpectedFacility(file: "norole", code: "56007", roles: []),
        ])
    func facilityIdentities(expected: ExpectedFacility) throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: expected.file), server: DevelopmentPKI.serverContext())
        pair.handshake()
        #expect(pair.bothComplete, "client \(pair.clientProgress), server \(pair.serverProgress)")
        let identity = try #require(pair.server.peerCertificate()).facilityIdentity()
        #expect(identity.facilityCode == expected.code)
        #expect(identity.roles == expected.roles)
        #expect(!identity.facilityName.isEmpty)
    }

    @Test(
        "server refuses client certificates it must not trust",
        arguments: [
            ("foreign", "unable to get local issuer certificate"),
            ("expired", "certificate has expired"),
            // Signed by the prescriber-signing CA, which is not a TLS trust anchor.
            ("doctor-1", "unable to get local issuer certificate"),
        ])
    func refusedCertificates(file: String, verifyResult: String) throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: file), server: DevelopmentPKI.serverContext())
        pair.handshake()
        let failure = try #require(pair.serverFailure, "server \(pair.serverProgress)")
        #expect(failure.verifyResult == verifyResult)
        #expect(failure.operation == "SSL_do_handshake")
        #expect(pair.server.peerCertificate() == nil)
        // The alert reaches the client: its handshake (TLS 1.3 completes it early) or next read fails.
        if pair.clientFailure == nil {
            guard case .failed = pair.clientDrainsServer() else {
                Issue.record("client did not see the server's alert")
                return
            }
        }
    }

    @Test("server refuses a trusted certificate whose extended key usage excludes clientAuth")
    func wrongKeyUsage() throws {
        // Trust the signing CA for this test only: doctor certificates carry emailProtection, not
        // clientAuth, so the purpose check alone must refuse them.
        let server = try TLSContext.server(
            certificateChainFile: DevelopmentPKI.path("server.crt"), privateKeyFile: DevelopmentPKI.path("server.key"),
            clientCAFile: DevelopmentPKI.path("signing-ca.crt"))
        let pair = try InMemoryTLSPair(client: DevelopmentPKI.clientContext(identity: "doctor-2"), server: server)
        pair.handshake()
        let failure = try #require(pair.serverFailure, "server \(pair.serverProgress)")
        #expect(failure.verifyResult == "unsuitable certificate purpose")
    }

    @Test("server refuses a client without a certificate")
    func noClientCertificate() throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: nil), server: DevelopmentPKI.serverContext())
        pair.handshake()
        let failure = try #require(pair.serverFailure, "server \(pair.serverProgress)")
        #expect(failure.reasons.contains { $0.contains("peer did not return a certificate") }, "\(failure)")
        guard case .failed(let clientError) = pair.clientDrainsServer() else {
            Issue.record("client did not see the server's alert")
            return
        }
        #expect(clientError.reasons.contains { $0.contains("certificate required") }, "\(clientError)")
    }

    @Test(
        "server refuses a client that does not offer h2",
        arguments: [["http/1.1"], [], ["h2c", "grpc-exp"]] as [[String]])
    func noHTTP2Offer(protocols: [String]) throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: "hospital-prescriber", alpnProtocols: protocols),
            server: DevelopmentPKI.serverContext())
        pair.handshake()
        #expect(pair.serverFailure != nil, "server \(pair.serverProgress)")
        let clientError = try #require(pair.clientFailure, "client \(pair.clientProgress)")
        #expect(clientError.reasons.contains { $0.contains("no application protocol") }, "\(clientError)")
    }

    @Test("server selects h2 when the client offers it after other protocols")
    func http2AmongOthers() throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: "pharmacy", alpnProtocols: ["http/1.1", "h2"]),
            server: DevelopmentPKI.serverContext())
        pair.handshake()
        #expect(pair.bothComplete)
        #expect(pair.server.negotiatedALPN == "h2")
    }

    @Test("a TLS 1.2-only client negotiates an ECDHE AEAD suite")
    func tls12Client() throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: "pharmacy", maximumProtocolVersion: .tls12),
            server: DevelopmentPKI.serverContext())
        pair.handshake()
        #expect(pair.bothComplete, "client \(pair.clientProgress), server \(pair.serverProgress)")
        #expect(pair.server.negotiatedProtocolVersion == "TLSv1.2")
        let cipher = try #require(pair.server.negotiatedCipher)
        #expect(cipher.hasPrefix("ECDHE-ECDSA-"))
        #expect(cipher.contains("GCM") || cipher.contains("CHACHA20-POLY1305"))
        #expect(try pair.server.peerCertificate()?.facilityIdentity().facilityCode == "48102")
    }

    @Test("client accepts the server by DNS name or IP address in its certificate")
    func serverNames() throws {
        for name in ["localhost", "127.0.0.1", "::1"] {
            let pair = try InMemoryTLSPair(
                client: DevelopmentPKI.clientContext(identity: "pharmacy", serverName: name),
                server: DevelopmentPKI.serverContext())
            pair.handshake()
            #expect(pair.bothComplete, "\(name): client \(pair.clientProgress)")
        }
    }

    @Test("client refuses a server whose certificate does not match the expected name")
    func serverNameMismatch() throws {
        for name in ["rx.example.vn", "10.0.0.1"] {
            let pair = try InMemoryTLSPair(
                client: DevelopmentPKI.clientContext(identity: "pharmacy", serverName: name),
                server: DevelopmentPKI.serverContext())
            pair.handshake()
            let failure = try #require(pair.clientFailure, "\(name): client \(pair.clientProgress)")
            let verifyResult = try #require(failure.verifyResult)
            #expect(verifyResult.contains("mismatch"), "\(name): \(failure)")
        }
    }

    @Test("client refuses a server from a CA it does not trust")
    func untrustedServer() throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: "pharmacy", trustedCA: "foreign-ca.crt"),
            server: DevelopmentPKI.serverContext())
        pair.handshake()
        let failure = try #require(pair.clientFailure, "client \(pair.clientProgress)")
        #expect(failure.verifyResult == "unable to get local issuer certificate")
        #expect(pair.server.isHandshakeComplete == false)
    }

    @Test("handshake completes when ciphertext arrives a few bytes at a time")
    func fragmentedCiphertext() throws {
        let pair = try InMemoryTLSPair(
            client: DevelopmentPKI.clientContext(identity: "regulator"), server: DevelopmentPKI.serverContext())
        pair.chunkSize = 7
        pair.handshake()
        #expect(pair.bothComplete, "client \(pair.clientProgress), server \(pair.serverProgress)")
        #expect(try pair.server.peerCertificate()?.facilityIdentity().roles == [.regulator])
    }
}
