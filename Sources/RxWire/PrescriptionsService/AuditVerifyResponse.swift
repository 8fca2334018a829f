/// `rx.v1.AuditVerifyResponse`: the result of checking the audit hash chain.
public struct AuditVerifyResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.AuditVerifyResponse", fields: [
        FieldSchema("intact", 1, .bool),
        FieldSchema("entries_checked", 2, .uint64),
        FieldSchema("first_broken_sequence", 3, .uint64),
        FieldSchema("problem", 4, .string),
        FieldSchema("head_hash", 5, .bytes),
    ])

    public var intact = false
    public var entriesChecked: UInt64 = 0
    /// Sequence number of the first entry that does not verify (0 if intact).
    public var firstBrokenSequence: UInt64 = 0
    public var problem = ""
    /// SHA-256 of the last entry that verified.
    public var headHash: [UInt8] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoBool.self, self.intact, field: 1)
        visitor.visitSingular(ProtoUInt64.self, self.entriesChecked, field: 2)
        visitor.visitSingular(ProtoUInt64.self, self.firstBrokenSequence, field: 3)
        visitor.visitSingular(ProtoString.self, self.problem, field: 4)
        visitor.visitSingular(ProtoBytes.self, self.headHash, field: 5)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.intact = try reader.read(ProtoBool.self, tag: tag)
            case 2: self.entriesChecked = try reader.read(ProtoUInt64.self, tag: tag)
            case 3: self.firstBrokenSequence = try reader.read(ProtoUInt64.self, tag: tag)
            case 4: self.problem = try reader.read(ProtoString.self, tag: tag)
            case 5: self.headHash = try reader.read(ProtoBytes.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
