import Synchronization

/// The bridge between a streaming handler on the task pool and its stream on the I/O loop.
///
/// The handler reserves room for each message before it is handed to the loop; the loop gives the
/// room back as nghttp2 takes bytes for DATA frames, which happens only while the client's flow
/// control window is open. So a client that stops reading stops the handler after `limit` bytes.
final class ServerStreamSink: Sendable {
    private struct State {
        var pendingBytes = 0
        var waiter: CheckedContinuation<Void, any Error>? = nil
        var closed = false
    }

    private let state = Mutex(State())
    private let limit: Int
    private let deliver: @Sendable ([UInt8]) -> Void

    init(limit: Int, deliver: @escaping @Sendable ([UInt8]) -> Void) {
        self.limit = limit
        self.deliver = deliver
    }

    func send(_ framed: [UInt8]) async throws {
        while true {
            let reserved = try self.state.withLock { state throws -> Bool in
                if state.closed { throw CancellationError() }
                guard state.pendingBytes < self.limit else { return false }
                state.pendingBytes += framed.count
                return true
            }
            if reserved { break }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let resumeNow = self.state.withLock { state -> Bool in
                        if state.closed || state.pendingBytes < self.limit { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                self.close()
            }
        }
        self.deliver(framed)
    }

    /// Called on the loop when nghttp2 has taken `count` bytes.
    func release(_ count: Int) {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, any Error>? in
            state.pendingBytes -= count
            guard state.pendingBytes < self.limit else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Ends the call for the handler: the current and every later `send` throw.
    func close() {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, any Error>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(throwing: CancellationError())
    }
}
