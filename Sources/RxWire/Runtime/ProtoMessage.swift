/// A hand-written protobuf message type.
///
/// Conforming types are plain value types whose Swift shape mirrors the `.proto`
/// definition, plus two hand-written functions: `visitFields(with:)` (drives both
/// sizing and writing) and `merge(from:)` (decoding). `schema` describes the fields
/// for the conformance tests, which check it against `protoc`'s view of `Protos/`
/// and check the codec against it.
///
/// Naming rule for Swift types: a proto message or enum nested inside another is a
/// nested Swift type (`WireSample.Nested`, `HealthCheckResponse.ServingStatus`);
/// top-level proto types are top-level Swift types named as in the `.proto`, without
/// the package. Field names are the proto names in lowerCamelCase.
public protocol ProtoMessage: Sendable, Equatable {
    /// Fully qualified protobuf name, e.g. "grpc.health.v1.HealthCheckRequest".
    static var protoMessageName: String { get }
    /// The fields as declared in the `.proto` file.
    static var schema: MessageSchema { get }
    /// A message with every field at its default.
    init()
    /// Presents every field, in field-number order, to `visitor`.
    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor)
    /// Reads fields until the end of the current message, merging them into `self`
    /// (later singular values replace, repeated values append, messages merge).
    mutating func merge(from reader: inout ProtoReader) throws(WireError)
    /// Exact number of bytes `encode(to:)` writes.
    func encodedSize() -> Int
    /// Writes exactly `encodedSize()` bytes.
    func encode(to writer: inout ProtoWriter)
}

extension ProtoMessage {
    public static var protoMessageName: String { Self.schema.name }

    public func encodedSize() -> Int {
        var sizer = ProtoSizer()
        self.visitFields(with: &sizer)
        return sizer.size
    }

    public func encode(to writer: inout ProtoWriter) {
        self.visitFields(with: &writer)
    }

    /// Decodes a message from `reader`'s current message range.
    public init(from reader: inout ProtoReader) throws(WireError) {
        self.init()
        try self.merge(from: &reader)
    }
}
