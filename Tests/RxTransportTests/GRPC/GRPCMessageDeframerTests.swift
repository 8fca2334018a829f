import Testing

@testable import RxTransport

@Suite("gRPC message deframer")
struct GRPCMessageDeframerTests {
    private func feed(_ chunks: [[UInt8]], maximum: Int = 1 << 20) throws -> [[UInt8]] {
        var deframer = GRPCMessageDeframer(maximumMessageBytes: maximum)
        var messages: [[UInt8]] = []
        for chunk in chunks {
            try chunk.withUnsafeBytes { bytes in
                try deframer.consume(bytes) { messages.append($0) }
            }
        }
        try deframer.finish()
        return messages
    }

    @Test("one message in one frame")
    func singleMessage() throws {
        #expect(try self.feed([GRPCMessageFramer.frame([1, 2, 3])]) == [[1, 2, 3]])
    }

    @Test("a message split across frames at every byte boundary")
    func splitEverywhere() throws {
        let framed = GRPCMessageFramer.frame(Array(0..<40))
        for cut in 1..<framed.count {
            let messages = try self.feed([Array(framed[..<cut]), Array(framed[cut...])])
            #expect(messages == [Array(0..<40)], "cut at \(cut)")
        }
        let byteByByte = try self.feed(framed.map { [$0] })
        #expect(byteByByte == [Array(0..<40)])
    }

    @Test("several messages in one frame, including zero-length ones")
    func severalInOneFrame() throws {
        var buffer: [UInt8] = []
        GRPCMessageFramer.append(message: [7], to: &buffer)
        GRPCMessageFramer.append(message: [], to: &buffer)
        GRPCMessageFramer.append(message: [8, 9], to: &buffer)
        #expect(try self.feed([buffer]) == [[7], [], [8, 9]])
    }

    @Test("an empty request is a bare 5-byte prefix")
    func emptyMessage() throws {
        #expect(try self.feed([[0, 0, 0, 0, 0]]) == [[]])
    }

    @Test("an oversized message fails at its prefix, before the body arrives")
    func oversizedFailsEarly() throws {
        var deframer = GRPCMessageDeframer(maximumMessageBytes: 100)
        let prefix: [UInt8] = [0, 0, 0, 0, 101]
        #expect(throws: GRPCMessageDeframer.Failure.messageTooLarge(length: 101, maximum: 100)) {
            try prefix.withUnsafeBytes { try deframer.consume($0) { _ in } }
        }
    }

    @Test("compressed flag and unknown flags are refused")
    func flags() throws {
        #expect(throws: GRPCMessageDeframer.Failure.compressedMessage) { try self.feed([[1, 0, 0, 0, 0]]) }
        #expect(throws: GRPCMessageDeframer.Failure.invalidFlag(2)) { try self.feed([[2, 0, 0, 0, 0]]) }
    }

    @Test("a stream ending inside a prefix or a body is truncated")
    func truncation() throws {
        #expect(throws: GRPCMessageDeframer.Failure.truncated(expected: 5, received: 3)) { try self.feed([[0, 0, 0]]) }
        #expect(throws: GRPCMessageDeframer.Failure.truncated(expected: 9, received: 6)) {
            try self.feed([[0, 0, 0, 0, 4, 1]])
        }
    }
}
