import Testing

@testable import RxTransport

@Suite("TLS application data, close and session resumption")
struct TLSConnectionDataTests {
    private func connectedPair(
        identity: String = "hospital-prescriber",
        maximumProtocolVersion: TLSContext.ProtocolVersion = .tls13,
        client: TLSContext? = nil,
        server: TLSContext? = nil,
        resuming session: TLSSession? = nil
    ) throws -> InMemoryTLSPair {
        let pair = try InMemoryTLSPair(
            client: client
                ?? DevelopmentPKI.clientContext(identity: identity, maximumProtocolVersion: maximumProtocolVersion),
            server: server ?? DevelopmentPKI.serverContext(),
            resuming: session)
        pair.handshake()
        try #require(pair.bothComplete, "client \(pair.clientProgress), server \(pair.serverProgress)")
        return pair
    }

    /// Bytes that differ at every position within a record, so reordering or loss is detected.
    private func pattern(count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &+ $0 >> 8) }
    }

    @Test("small messages round-trip in both directions")
    func smallRoundTrip() throws {
        let pair = try self.connectedPair()
        let request = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
        #expect(try pair.send(request, from: pair.client, to: pair.server) == request)
        let response = Array("Đơn thuốc 79088k3f9a2q-C".utf8)
        #expect(try pair.send(response, from: pair.server, to: pair.client) == response)
    }

    @Test("after releasing idle memory (fresh memory BIOs) both sides keep talking", arguments: [TLSContext.ProtocolVersion.tls13, .tls12])
    func releaseIdleMemory(version: TLSContext.ProtocolVersion) throws {
        let pair = try self.connectedPair(maximumProtocolVersion: version)
        let first = self.pattern(count: 40_000, seed: 3)
        #expect(try pair.send(first, from: pair.client, to: pair.server) == first)
        pair.server.releaseIdleMemory()
        pair.client.releaseIdleMemory()
        let second = self.pattern(count: 70_000, seed: 4)
        #expect(try pair.send(second, from: pair.server, to: pair.client) == second)
        #expect(try pair.send(first, from: pair.client, to: pair.server) == first)
    }

    @Test("releasing idle memory with ciphertext still pending keeps it")
    func releaseKeepsPendingCiphertext() throws {
        let pair = try self.connectedPair()
        try [UInt8](repeating: 7, count: 100).withUnsafeBytes { try pair.client.writePlaintext($0) }
        pair.client.releaseIdleMemory()
        #expect(pair.client.hasPendingCiphertext)
        _ = pair.flush(from: pair.client, to: pair.server)
        var received: [UInt8] = []
        _ = pair.server.readPlaintext(into: &received)
        #expect(received == [UInt8](repeating: 7, count: 100))
    }

    @Test("1 MiB round-trips in both directions", arguments: [TLSContext.ProtocolVersion.tls13, .tls12])
    func largeRoundTrip(version: TLSContext.ProtocolVersion) throws {
        let pair = try self.connectedPair(maximumProtocolVersion: version)
        let upload = self.pattern(count: 1 << 20, seed: 1)
        #expect(try pair.send(upload, from: pair.client, to: pair.server) == upload)
        let download = self.pattern(count: 1 << 20, seed: 2)
        #expect(try pair.send(download, from: pair.server, to: pair.client) == download)
    }

    @Test("data arriving in small pieces is reassembled by repeated reads")
    func fragmentedData() throws {
        let pair = try self.connectedPair()
        let message = self.pattern(count: 100_000, seed: 3)
        try pair.client.writePlaintext(message)
        pair.chunkSize = 1_000
        var received: [UInt8] = []
        var reads = 0
        while pair.client.hasPendingCiphertext {
            pair.transfer(from: pair.client, to: pair.server)
            switch pair.server.readPlaintext(into: &received) {
            case .ok: reads += 1
            case .wouldBlock: continue
            case .closed: Issue.record("unexpected close")
            case .failed(let error): Issue.record("read failed: \(error)")
            }
        }
        #expect(received == message)
        #expect(reads > 1)
    }

    @Test("reading with nothing received would block")
    func readWouldBlock() throws {
        let pair = try self.connectedPair()
        var buffer: [UInt8] = []
        guard case .wouldBlock = pair.server.readPlaintext(into: &buffer) else {
            Issue.record("expected wouldBlock")
            return
        }
        #expect(buffer.isEmpty)
    }

    @Test("close_notify from the client is reported as closed after the data before it")
    func closeNotify() throws {
        let pair = try self.connectedPair()
        let last = Array("last words".utf8)
        try pair.client.writePlaintext(last)
        pair.client.shutdown()
        pair.flush(from: pair.client, to: pair.server)
        var received: [UInt8] = []
        guard case .ok(let count) = pair.server.readPlaintext(into: &received) else {
            Issue.record("expected the data before close_notify")
            return
        }
        #expect(count == last.count)
        #expect(received == last)
        guard case .closed = pair.server.readPlaintext(into: &received) else {
            Issue.record("expected closed after close_notify")
            return
        }
        #expect(throws: TLSError.self) {
            try pair.client.writePlaintext(last)
        }
    }

    @Test("takePendingCiphertext moves everything pending in one call")
    func takePendingCiphertext() throws {
        let pair = try self.connectedPair()
        let message = self.pattern(count: 50_000, seed: 4)
        try pair.server.writePlaintext(message)
        var wire: [UInt8] = [0xAA]
        let taken = pair.server.takePendingCiphertext(into: &wire)
        #expect(taken > message.count)
        #expect(wire.count == taken + 1)
        #expect(wire[0] == 0xAA)
        #expect(!pair.server.hasPendingCiphertext)
        wire[1...].withUnsafeBytes { pair.client.receiveCiphertext($0) }
        var received: [UInt8] = []
        _ = pair.client.readPlaintext(into: &received)
        #expect(received == message)
    }

    @Test("a corrupted record fails the connection", arguments: [TLSContext.ProtocolVersion.tls13, .tls12])
    func corruptedRecord(version: TLSContext.ProtocolVersion) throws {
        let pair = try self.connectedPair(maximumProtocolVersion: version)
        var received: [UInt8] = []
        _ = pair.clientDrainsServer()
        let message = Array("tamper with me".utf8)
        try pair.client.writePlaintext(message)
        var wire: [UInt8] = []
        pair.client.takePendingCiphertext(into: &wire)
        wire[wire.count - 1] ^= 0x01
        wire.withUnsafeBytes { pair.server.receiveCiphertext($0) }
        guard case .failed(let error) = pair.server.readPlaintext(into: &received) else {
            Issue.record("expected failure on a corrupted record")
            return
        }
        #expect(error.operation == "SSL_read_ex")
        #expect(received.isEmpty)
    }

    @Test(
        "a second connection resumes the first one's session and still knows the facility",
        arguments: [TLSContext.ProtocolVersion.tls13, .tls12])
    func resumption(version: TLSContext.ProtocolVersion) throws {
        let client = try DevelopmentPKI.clientContext(identity: "clinic-prescriber", maximumProtocolVersion: version)
        let server = try DevelopmentPKI.serverContext()
        let first = try self.connectedPair(client: client, server: server)
        #expect(first.client.sessionReused == false)
        // TLS 1.3 tickets arrive after the handshake and are processed by a read.
        _ = first.clientDrainsServer()
        let session = try #require(first.client.session)
        #expect(session.protocolVersion == (version == .tls13 ? "TLSv1.3" : "TLSv1.2"))

        let second = try self.connectedPair(client: client, server: server, resuming: session)
        #expect(second.client.sessionReused)
        #expect(second.server.sessionReused)
        let identity = try #require(second.server.peerCertificate()).facilityIdentity()
        #expect(identity.facilityCode == "01215")
        #expect(identity.roles == [.prescriber])
        #expect(second.server.negotiatedALPN == "h2")
        let ping = Array("ping".utf8)
        #expect(try second.send(ping, from: second.client, to: second.server) == ping)
    }

    @Test("a server with other certificates refuses the session and runs a full handshake")
    func resumptionAcrossServers() throws {
        let client = try DevelopmentPKI.clientContext(identity: "clinic-prescriber")
        let first = try self.connectedPair(client: client)
        _ = first.clientDrainsServer()
        let session = try #require(first.client.session)
        // A fresh server context has fresh ticket keys: the old ticket cannot be decrypted.
        let second = try self.connectedPair(client: client, resuming: session)
        #expect(second.server.sessionReused == false)
        #expect(try second.server.peerCertificate()?.facilityIdentity().facilityCode == "01215")
    }
}
