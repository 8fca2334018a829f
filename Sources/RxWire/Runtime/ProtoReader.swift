/// Reads protobuf fields from borrowed bytes without copying them.
///
/// A reader exists only inside `ProtoReader.withReader(_:limits:_:)` (or the
/// `ProtoMessage` decoding initialisers that call it): it holds a pointer into the
/// caller's buffer and must not escape that closure. Every read checks the current
/// limit — the end of the innermost message being decoded — before touching memory,
/// so no input can make it read outside the buffer.
public struct ProtoReader {
    private let bytes: UnsafeRawBufferPointer
    /// Position of the next unread byte, from the start of the whole input.
    public private(set) var offset: Int
    /// End of the innermost message (or packed run / map entry) being read.
    private var end: Int
    private var depth: Int
    private let limits: DecodingLimits
    /// Where the most recent tag started; unknown fields are copied from here.
    private var fieldStart: Int

    private init(bytes: UnsafeRawBufferPointer, limits: DecodingLimits) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
        self.depth = 0
        self.limits = limits
        self.fieldStart = 0
    }

    /// Lends a reader over `bytes` to `body`.
    ///
    /// - Warning: the reader points into `bytes`; do not store it or let it escape `body`.
    public static func withReader<Result>(
        _ bytes: UnsafeRawBufferPointer,
        limits: DecodingLimits = DecodingLimits(),
        _ body: (inout ProtoReader) throws(WireError) -> Result
    ) throws(WireError) -> Result {
        var reader = ProtoReader(bytes: bytes, limits: limits)
        return try body(&reader)
    }

    /// Whether the current message has no more bytes.
    public var isAtEnd: Bool { self.offset >= self.end }

    // MARK: Tags

    /// Reads the next field's tag, or returns nil at the end of the current message.
    ///
    /// Rejects field number 0, numbers above 2^29 - 1, and wire types 3, 4, 6 and 7.
    public mutating func nextTag() throws(WireError) -> FieldTag? {
        guard self.offset < self.end else { return nil }
        self.fieldStart = self.offset
        let raw = try self.readVarint()
        let number = raw >> 3
        guard number >= 1, number <= UInt64(FieldTag.maxFieldNumber) else {
            throw WireError(.invalidFieldNumber(number), at: self.fieldStart)
        }
        let wireTypeBits = UInt8(truncatingIfNeeded: raw & 7)
        guard let wireType = WireType(rawValue: wireTypeBits) else {
            throw WireError(.invalidWireType(wireTypeBits), at: self.fieldStart, fieldNumber: Int(number))
        }
        return FieldTag(fieldNumber: Int(number), wireType: wireType)
    }

    // MARK: Primitives

    /// Reads a varint of at most 10 bytes whose value fits in 64 bits.
    @inline(__always)
    public mutating func readVarint() throws(WireError) -> UInt64 {
        if self.offset < self.end {
            let first = self.bytes[self.offset]
            if first < 0x80 {
                self.offset += 1
                return UInt64(first)
            }
        }
        return try self.readVarintSlowly()
    }

    private mutating func readVarintSlowly() throws(WireError) -> UInt64 {
        let start = self.offset
        var index = start
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < self.end else { throw WireError(.truncated, at: start) }
            let byte = self.bytes[index]
            index += 1
            // The tenth byte may only contribute the 64th bit and must end the varint.
            if shift == 63, byte > 1 { throw WireError(.varintTooLong, at: start) }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                self.offset = index
                return result
            }
            shift += 7
        }
    }

    @inline(__always)
    public mutating func readFixed32() throws(WireError) -> UInt32 {
        guard self.end - self.offset >= 4 else { throw WireError(.truncated, at: self.offset) }
        let value = self.bytes.loadUnaligned(fromByteOffset: self.offset, as: UInt32.self)
        self.offset += 4
        return UInt32(littleEndian: value)
    }

    @inline(__always)
    public mutating func readFixed64() throws(WireError) -> UInt64 {
        guard self.end - self.offset >= 8 else { throw WireError(.truncated, at: self.offset) }
        let value = self.bytes.loadUnaligned(fromByteOffset: self.offset, as: UInt64.self)
        self.offset += 8
        return UInt64(littleEndian: value)
    }

    /// Reads a length prefix and checks it stays within the current message.
    public mutating func readLength() throws(WireError) -> Int {
        let start = self.offset
        let length = try self.readVarint()
        guard length <= UInt64(self.end - self.offset) else {
            throw WireError(.lengthPastEnd(length: length), at: start)
        }
        return Int(length)
    }

    /// Reads a length-delimited value and passes a view of its bytes to `body`.
    ///
    /// - Warning: the view is valid only inside `body`.
    public mutating func withLengthDelimited<Result>(
        _ body: (UnsafeRawBufferPointer, _ start: Int) throws(WireError) -> Result
    ) throws(WireError) -> Result {
        let length = try self.readLength()
        let start = self.offset
        self.offset += length
        return try body(UnsafeRawBufferPointer(rebasing: self.bytes[start..<start + length]), start)
    }

    // MARK: Nesting

    /// Decodes a length-delimited sub-message into `message`, merging with what it holds.
    ///
    /// Counts the nesting depth against `DecodingLimits.maxDepth` and names the
    /// sub-message's failing field in any error it throws.
    public mutating func readNestedMessage<Message: ProtoMessage>(into message: inout Message) throws(WireError) {
        let length = try self.readLength()
        guard self.depth < self.limits.maxDepth else {
            throw WireError(.depthLimitExceeded(limit: self.limits.maxDepth), at: self.offset)
        }
        let outerEnd = self.end
        self.end = self.offset + length
        self.depth += 1
        do throws(WireError) {
            try message.merge(from: &self)
        } catch {
            throw error.resolvingField(in: Message.schema)
        }
        self.depth -= 1
        self.offset = self.end
        self.end = outerEnd
    }

    /// Runs `body` with the limit narrowed to the next `length` bytes (a packed run or map entry).
    mutating func withLimit<Result>(
        _ length: Int, _ body: (inout ProtoReader) throws(WireError) -> Result
    ) throws(WireError) -> Result {
        let outerEnd = self.end
        self.end = self.offset + length
        let result = try body(&self)
        self.offset = self.end
        self.end = outerEnd
        return result
    }

    // MARK: Unknown fields

    /// Skips the value of a field the schema does not know, keeping its bytes in
    /// `unknownFields` when the limits ask to preserve them.
    public mutating func skip(tag: FieldTag, preservingIn unknownFields: inout UnknownFields) throws(WireError) {
        let start = self.fieldStart
        do throws(WireError) {
            switch tag.wireType {
            case .varint:
                _ = try self.readVarint()
            case .fixed64:
                _ = try self.readFixed64()
            case .fixed32:
                _ = try self.readFixed32()
            case .lengthDelimited:
                self.offset += try self.readLength()
            }
        } catch {
            throw error.inField(tag.fieldNumber)
        }
        if self.limits.preservesUnknownFields {
            unknownFields.append(UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.offset]))
        }
    }

    /// Start of the most recent tag, for errors reported against a whole field.
    var currentFieldStart: Int { self.fieldStart }
}
