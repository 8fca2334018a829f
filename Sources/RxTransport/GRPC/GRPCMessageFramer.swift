/// Writes the 5-byte gRPC length prefix in front of an encoded message.
public enum GRPCMessageFramer {
    /// Appends `prefix + message` to `buffer`, so several messages can share one buffer.
    public static func append(message: [UInt8], to buffer: inout [UInt8]) {
        let length = UInt32(truncatingIfNeeded: message.count)
        buffer.reserveCapacity(buffer.count + 5 + message.count)
        buffer.append(0)
        buffer.append(UInt8(truncatingIfNeeded: length >> 24))
        buffer.append(UInt8(truncatingIfNeeded: length >> 16))
        buffer.append(UInt8(truncatingIfNeeded: length >> 8))
        buffer.append(UInt8(truncatingIfNeeded: length))
        buffer.append(contentsOf: message)
    }

    public static func frame(_ message: [UInt8]) -> [UInt8] {
        var buffer: [UInt8] = []
        self.append(message: message, to: &buffer)
        return buffer
    }
}
