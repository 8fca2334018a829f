import RxWire
import Testing

/// The hand-written codecs implement exactly the fields their `schema` lists: bytes
/// built from the schema alone (every field set, each oneof member in turn) decode
/// with unknown-field preservation off and re-encode to the same bytes. A field the
/// codec does not read would be dropped; one with the wrong number or wire type would
/// throw or come back different.
@Suite("Hand-written codecs agree with their schemas")
struct SchemaCodecAgreementTests {
    @Test("every schema field survives decode and re-encode", arguments: ProtoSchema.messageTypes.map { TypeBox($0) })
    func everyFieldRoundTrips(box: TypeBox) throws {
        let schema = box.type.schema
        let oneofWidth = max(1, schema.oneofNames.map { name in schema.fields.filter { $0.oneof == name }.count }.max() ?? 1)
        for choice in 0..<oneofWidth {
            var filler = SchemaFiller(generator: SeededGenerator(seed: UInt64(choice) + 1), mode: .everyField(oneofChoice: choice))
            let bytes = filler.message(schema)
            let reencoded = try Self.roundTrip(box.type, bytes, limits: DecodingLimits(preservesUnknownFields: false))
            #expect(reencoded == bytes, "\(schema.name) (oneof choice \(choice)):\n schema \(Hex.string(bytes))\n codec  \(Hex.string(reencoded))")
        }
    }

    @Test("message names are unique and match their schemas")
    func namesAreConsistent() {
        let names = ProtoSchema.messageTypes.map { $0.protoMessageName }
        #expect(Set(names).count == names.count)
        #expect(ProtoSchema.messageTypes.allSatisfy { $0.protoMessageName == $0.schema.name })
        #expect(ProtoSchema.messageType(named: "rx.v1.Prescription") != nil)
        #expect(ProtoSchema.messageType(named: "rx.v1.Missing") == nil)
    }

    @Test("gRPC paths are built from the service and method names")
    func methodPaths() throws {
        let health = ServiceSchema.health
        let check = try #require(health.method(named: "Check"))
        #expect(health.path(of: check) == "/grpc.health.v1.Health/Check")
        let watch = try #require(health.method(named: "Watch"))
        #expect(watch.serverStreaming && !watch.clientStreaming)
    }

    static func roundTrip<Message: ProtoMessage>(_ type: Message.Type, _ bytes: [UInt8], limits: DecodingLimits) throws -> [UInt8] {
        try Message(serializedBytes: bytes, limits: limits).serializedBytes()
    }
}

/// Wraps a message metatype so it can be a test argument with a readable name.
struct TypeBox: CustomStringConvertible, Sendable {
    let type: any ProtoMessage.Type

    init(_ type: any ProtoMessage.Type) {
        self.type = type
    }

    var description: String { self.type.protoMessageName }
}
