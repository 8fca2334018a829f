/// `rx.v1.Prescriber`: the doctor who issues and signs the prescription.
public struct Prescriber: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.Prescriber", fields: [
        FieldSchema("full_name", 1, .string),
        FieldSchema("practising_certificate_number", 2, .string),
    ])

    public var fullName = ""
    /// Practising certificate (CCHN/GPHN) number, as printed.
    public var practisingCertificateNumber = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.fullName, field: 1)
        visitor.visitSingular(ProtoString.self, self.practisingCertificateNumber, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.fullName = try reader.read(ProtoString.self, tag: tag)
            case 2: self.practisingCertificateNumber = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
