/// `rx.v1.EchoRequest`: what `Diagnostics.Echo` and `EchoStream` send back, and how.
public struct EchoRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.EchoRequest", fields: [
        FieldSchema("sample", 1, .message(WireSample.schema.name)),
        FieldSchema("delay_ms", 2, .uint32),
        FieldSchema("repeat", 3, .uint32),
        FieldSchema("padding", 4, .bytes),
    ])

    /// Echoed unchanged in every response.
    public var sample: WireSample?
    /// How long the server waits before answering, in milliseconds (tests deadlines).
    public var delayMs: UInt32 = 0
    /// Number of responses `EchoStream` sends; `Echo` ignores it.
    public var `repeat`: UInt32 = 0
    /// Ballast to make large requests; not echoed.
    public var padding: [UInt8] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessage(self.sample, field: 1)
        visitor.visitSingular(ProtoUInt32.self, self.delayMs, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.repeat, field: 3)
        visitor.visitSingular(ProtoBytes.self, self.padding, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.sample = try reader.readMessage(tag: tag, merging: self.sample)
            case 2: self.delayMs = try reader.read(ProtoUInt32.self, tag: tag)
            case 3: self.repeat = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.padding = try reader.read(ProtoBytes.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
