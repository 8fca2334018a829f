/// `rx.v1.ExportFhirRequest`: which prescription to export as a FHIR R4 Bundle.
public struct ExportFhirRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.ExportFhirRequest", fields: [
        FieldSchema("code", 1, .string),
    ])

    public var code = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
