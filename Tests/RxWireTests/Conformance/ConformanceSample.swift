import RxWire

/// A message for the byte-conformance test: the Swift value and the same content
/// in protobuf text format, written independently by hand.
struct ConformanceSample: CustomStringConvertible, Sendable {
    let name: String
    let message: any ProtoMessage
    let text: String

    var typeName: String { type(of: self.message).protoMessageName }
    var description: String { self.name }
}
