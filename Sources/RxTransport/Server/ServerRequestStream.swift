import RxWire

/// The request messages of a bidirectional-streaming call, in arrival order.
///
/// Messages are delivered as their DATA frames arrive; the sequence ends when the client
/// half-closes (END_STREAM) and throws the decoding error of a malformed message. The loop buffers
/// only a bounded number of undelivered messages per call: a client that floods the stream faster
/// than the handler reads gets `RESOURCE_EXHAUSTED`.
public struct ServerRequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Message

    let messages: AsyncStream<[UInt8]>

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator

        public mutating func next() async throws -> Message? {
            guard let bytes = await self.base.next() else { return nil }
            return try Message(serializedBytes: bytes)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: self.messages.makeAsyncIterator())
    }
}
