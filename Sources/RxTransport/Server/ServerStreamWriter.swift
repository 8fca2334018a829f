import RxWire

/// Sends the messages of a server-streaming call.
public struct ServerStreamWriter<Message: ProtoMessage>: Sendable {
    let sink: ServerStreamSink

    /// Queues one message; suspends while too many bytes wait for a slow client, and throws
    /// `CancellationError` once the call is over (client reset, deadline, shutdown).
    public func send(_ message: Message) async throws {
        var framed: [UInt8] = []
        GRPCMessageFramer.append(message: message.serializedBytes(), to: &framed)
        try await self.sink.send(framed)
    }
}
