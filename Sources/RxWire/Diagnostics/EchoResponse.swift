/// `rx.v1.EchoResponse`: one echoed sample.
public struct EchoResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.EchoResponse", fields: [
        FieldSchema("sample", 1, .message(WireSample.schema.name)),
        FieldSchema("index", 2, .uint32),
    ])

    public var sample: WireSample?
    /// Position of this response in an `EchoStream`, counting from 0.
    public var index: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(sample: WireSample?, index: UInt32) {
        self.sample = sample
        self.index = index
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessage(self.sample, field: 1)
        visitor.visitSingular(ProtoUInt32.self, self.index, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.sample = try reader.readMessage(tag: tag, merging: self.sample)
            case 2: self.index = try reader.read(ProtoUInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
