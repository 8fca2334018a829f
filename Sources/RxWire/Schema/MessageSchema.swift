/// A message's declared fields, as the Swift side believes the `.proto` says.
///
/// Every `ProtoMessage` exposes one. The conformance tests compare it with the
/// descriptors `protoc` produces for `Protos/`, and check that the codec reads and
/// writes exactly these fields, so the three cannot drift apart unnoticed.
public struct MessageSchema: Sendable, Equatable {
    /// Fully qualified name, e.g. "rx.v1.Prescription".
    public let name: String
    /// Fields in field-number order.
    public let fields: [FieldSchema]

    public init(name: String, fields: [FieldSchema]) {
        self.name = name
        self.fields = fields.sorted { $0.number < $1.number }
    }

    public func field(number: Int) -> FieldSchema? {
        self.fields.first { $0.number == number }
    }

    public func field(named name: String) -> FieldSchema? {
        self.fields.first { $0.name == name }
    }

    /// Names of the message's oneofs, in order of first appearance.
    public var oneofNames: [String] {
        var names: [String] = []
        for field in self.fields {
            if let oneof = field.oneof, !names.contains(oneof) { names.append(oneof) }
        }
        return names
    }
}
