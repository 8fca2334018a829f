/// Reassembles length-prefixed gRPC messages from DATA frame payloads.
///
/// Each message is a 5-byte prefix (compressed flag, big-endian `UInt32` length) followed by the
/// message bytes. A message may span several DATA frames and one frame may carry several messages,
/// so the deframer is a small state machine over arbitrary chunks. A declared length above
/// `maximumMessageBytes` fails as soon as the prefix is seen, before any of the body is buffered.
public struct GRPCMessageDeframer: Sendable {
    public enum Failure: Error, Sendable, Equatable {
        /// The prefix declared `length` bytes, more than the configured maximum.
        case messageTooLarge(length: Int, maximum: Int)
        /// The compressed flag was set; we negotiate no compression.
        case compressedMessage
        /// The flag byte was neither 0 nor 1.
        case invalidFlag(UInt8)
        /// The stream ended inside a prefix or a message body.
        case truncated(expected: Int, received: Int)
    }

    public let maximumMessageBytes: Int
    private var prefix: [UInt8] = []
    private var body: [UInt8] = []
    private var expectedLength: Int? = nil

    public init(maximumMessageBytes: Int) {
        self.maximumMessageBytes = maximumMessageBytes
        self.prefix.reserveCapacity(5)
    }

    /// Whether bytes of an unfinished message are buffered.
    public var hasPartialMessage: Bool { !self.prefix.isEmpty || self.expectedLength != nil }

    /// Feeds one chunk and calls `onMessage` for every message it completes, in order.
    public mutating func consume(
        _ chunk: UnsafeRawBufferPointer, onMessage: ([UInt8]) throws -> Void
    ) throws {
        var index = 0
        while index < chunk.count {
            if let expected = self.expectedLength {
                let take = min(expected - self.body.count, chunk.count - index)
                self.body.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[index..<index + take]))
                index += take
                if self.body.count == expected {
                    let message = self.body
                    self.body = []
                    self.expectedLength = nil
                    try onMessage(message)
                }
                continue
            }
            self.prefix.append(chunk[index])
            index += 1
            guard self.prefix.count == 5 else { continue }
            let flag = self.prefix[0]
            let length =
                Int(self.prefix[1]) << 24 | Int(self.prefix[2]) << 16 | Int(self.prefix[3]) << 8
                | Int(self.prefix[4])
            self.prefix.removeAll(keepingCapacity: true)
            switch flag {
            case 0: break
            case 1: throw Failure.compressedMessage
            default: throw Failure.invalidFlag(flag)
            }
            guard length <= self.maximumMessageBytes else {
                throw Failure.messageTooLarge(length: length, maximum: self.maximumMessageBytes)
            }
            if length == 0 {
                try onMessage([])
            } else {
                self.expectedLength = length
                self.body.reserveCapacity(length)
            }
        }
    }

    /// Call at END_STREAM: throws if the stream stopped inside a message.
    public func finish() throws {
        if let expected = self.expectedLength {
            throw Failure.truncated(expected: expected + 5, received: self.body.count + 5)
        }
        if !self.prefix.isEmpty {
            throw Failure.truncated(expected: 5, received: self.prefix.count)
        }
    }
}
