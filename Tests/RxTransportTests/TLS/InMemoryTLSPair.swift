@testable import RxTransport

/// A client and a server `TLSConnection` wired back to back in memory: every "send" is a copy of
/// pending ciphertext into the other end, so handshakes and records run without sockets.
final class InMemoryTLSPair {
    let client: TLSConnection
    let server: TLSConnection
    private(set) var clientProgress: TLSConnection.HandshakeProgress = .needsMoreData
    private(set) var serverProgress: TLSConnection.HandshakeProgress = .needsMoreData

    /// Ciphertext moved per transfer; small values exercise partial sends.
    var chunkSize = Int.max

    init(client: TLSContext, server: TLSContext, resuming session: TLSSession? = nil) throws {
        self.client = try TLSConnection(context: client, resuming: session)
        self.server = try TLSConnection(context: server)
    }

    /// Moves at most `chunkSize` bytes of pending ciphertext from `source` to `destination` through
    /// the zero-copy `withPendingCiphertext` + `consumeCiphertext` path.
    /// - Returns: the number of bytes moved.
    @discardableResult
    func transfer(from source: TLSConnection, to destination: TLSConnection) -> Int {
        let count = source.withPendingCiphertext { pending in
            let count = min(pending.count, self.chunkSize)
            destination.receiveCiphertext(UnsafeRawBufferPointer(rebasing: pending[..<count]))
            return count
        }
        source.consumeCiphertext(count: count)
        return count
    }

    /// Moves all pending ciphertext from `source` to `destination`.
    @discardableResult
    func flush(from source: TLSConnection, to destination: TLSConnection) -> Int {
        var moved = 0
        while source.hasPendingCiphertext {
            moved += self.transfer(from: source, to: destination)
        }
        return moved
    }

    /// Runs both handshakes, one chunk of ciphertext per direction per step, until each has completed
    /// or failed, or no more bytes move.
    func handshake() {
        for _ in 0..<10_000 {
            if case .needsMoreData = self.clientProgress { self.clientProgress = self.client.handshake() }
            let toServer = self.transfer(from: self.client, to: self.server)
            if case .needsMoreData = self.serverProgress { self.serverProgress = self.server.handshake() }
            let toClient = self.transfer(from: self.server, to: self.client)
            if case .needsMoreData = self.clientProgress { self.clientProgress = self.client.handshake() }
            if toServer == 0, toClient == 0, !self.client.hasPendingCiphertext { return }
        }
    }

    var bothComplete: Bool {
        if case .complete = self.clientProgress, case .complete = self.serverProgress { return true }
        return false
    }

    var serverFailure: TLSError? {
        if case .failed(let error) = self.serverProgress { return error }
        return nil
    }

    var clientFailure: TLSError? {
        if case .failed(let error) = self.clientProgress { return error }
        return nil
    }

    /// Writes `bytes` on `sender`, moves all ciphertext, and returns what `receiver` decrypts.
    func send(_ bytes: [UInt8], from sender: TLSConnection, to receiver: TLSConnection) throws -> [UInt8] {
        try sender.writePlaintext(bytes)
        self.flush(from: sender, to: receiver)
        var received: [UInt8] = []
        if case .failed(let error) = receiver.readPlaintext(into: &received) { throw error }
        return received
    }

    /// Lets the client process what the server sent after the handshake (TLS 1.3 session tickets,
    /// alerts), returning the client's read result.
    func clientDrainsServer() -> TLSConnection.ReadResult {
        self.flush(from: self.server, to: self.client)
        var sink: [UInt8] = []
        return self.client.readPlaintext(into: &sink)
    }
}
