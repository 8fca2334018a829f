/// Raw bytes of fields a message's schema does not know, kept in arrival order.
///
/// proto3 asks decoders to keep unknown fields so that a message passed through an
/// older program keeps what newer programs put in it. They are written back after
/// all known fields, so a message with unknown fields still encodes deterministically.
public struct UnknownFields: Sendable, Equatable, Hashable {
    /// Complete fields (tag and value) exactly as received.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public var isEmpty: Bool { self.bytes.isEmpty }

    mutating func append(_ fieldBytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: fieldBytes)
    }
}
