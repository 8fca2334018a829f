/// Writes protobuf bytes into a buffer sized beforehand with `ProtoSizer`.
///
/// Encoding computes the exact size first and then writes once, so nested messages
/// are never re-copied. The writer exists only inside `withWriter(into:_:)`; every
/// write checks the remaining capacity and traps on overflow, which can only come
/// from a size/encode mismatch in a codec (a bug), never from input data.
public struct ProtoWriter {
    private let buffer: UnsafeMutableRawBufferPointer
    /// Bytes written so far.
    public private(set) var position: Int

    private init(buffer: UnsafeMutableRawBufferPointer, position: Int) {
        self.buffer = buffer
        self.position = position
    }

    /// Lends a writer over `buffer`, starting at `offset`, and returns the end position.
    ///
    /// - Warning: the writer points into `buffer`; do not store it or let it escape `body`.
    public static func withWriter(
        into buffer: UnsafeMutableRawBufferPointer, startingAt offset: Int = 0, _ body: (inout ProtoWriter) -> Void
    ) -> Int {
        precondition(offset >= 0 && offset <= buffer.count, "writer start outside the buffer")
        var writer = ProtoWriter(buffer: buffer, position: offset)
        body(&writer)
        return writer.position
    }

    @inline(__always)
    private func reserve(_ count: Int) {
        precondition(count <= self.buffer.count - self.position, "ProtoWriter overflow: encodedSize() and encode(to:) disagree")
    }

    @inline(__always)
    public mutating func writeVarint(_ value: UInt64) {
        if value < 0x80 {
            self.reserve(1)
            self.buffer[self.position] = UInt8(truncatingIfNeeded: value)
            self.position += 1
            return
        }
        self.reserve(Varint.size(value))
        var remaining = value
        while remaining >= 0x80 {
            self.buffer[self.position] = UInt8(truncatingIfNeeded: remaining) | 0x80
            self.position += 1
            remaining >>= 7
        }
        self.buffer[self.position] = UInt8(truncatingIfNeeded: remaining)
        self.position += 1
    }

    @inline(__always)
    public mutating func writeTag(field: Int, wireType: WireType) {
        self.writeVarint(FieldTag(fieldNumber: field, wireType: wireType).rawValue)
    }

    @inline(__always)
    public mutating func writeFixed32(_ value: UInt32) {
        self.reserve(4)
        self.buffer.storeBytes(of: value.littleEndian, toByteOffset: self.position, as: UInt32.self)
        self.position += 4
    }

    @inline(__always)
    public mutating func writeFixed64(_ value: UInt64) {
        self.reserve(8)
        self.buffer.storeBytes(of: value.littleEndian, toByteOffset: self.position, as: UInt64.self)
        self.position += 8
    }

    /// Copies `bytes` verbatim (no length prefix).
    public mutating func writeRawBytes(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        self.reserve(bytes.count)
        UnsafeMutableRawBufferPointer(rebasing: self.buffer[self.position..<self.position + bytes.count])
            .copyMemory(from: bytes)
        self.position += bytes.count
    }

    /// Copies `bytes` verbatim (no length prefix).
    public mutating func writeRawBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { self.writeRawBytes($0) }
    }

    /// Writes a string's UTF-8 with its length prefix.
    public mutating func writeLengthDelimited(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            self.writeVarint(UInt64(utf8.count))
            self.writeRawBytes(UnsafeRawBufferPointer(utf8))
        }
    }
}
