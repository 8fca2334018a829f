import RxWire
import Testing

/// Conformance test 2: our encoder and `protoc --encode` give identical bytes, and
/// `protoc --decode` reads our bytes back to the same content.
@Suite("Byte conformance with protoc")
struct BytesConformanceTests {
    @Test("our bytes equal protoc --encode, and protoc --decode of them gives the same text", arguments: ConformanceSample.catalog)
    func matchesProtoc(sample: ConformanceSample) throws {
        let protoc = try ProtocRunner.locate()
        let ours = sample.message.serializedBytes()
        let theirs = try protoc.encode(type: sample.typeName, text: sample.text)
        #expect(ours == theirs, "\(sample.name): ours \(Hex.string(ours))\n protoc \(Hex.string(theirs))")
        let canonicalText = try protoc.decode(type: sample.typeName, bytes: theirs)
        let ourText = try protoc.decode(type: sample.typeName, bytes: ours)
        #expect(ourText == canonicalText)
        #expect(try Self.decodeAgain(sample.message, from: theirs), "\(sample.name): decoding protoc's bytes gives a different message")
    }

    @Test("the samples set every field of every message in Protos/ at least once")
    func samplesCoverEveryField() throws {
        var present: Set<String> = []
        for sample in ConformanceSample.catalog {
            let schema = type(of: sample.message).schema
            present.formUnion(try SchemaFieldCoverage.fieldsPresent(in: sample.message.serializedBytes(), schema: schema))
        }
        let declared = ProtoSchema.messages.flatMap { message in message.fields.map { "\(message.name).\($0.name)" } }
        let missing = declared.filter { !present.contains($0) }
        #expect(missing == [], "fields no conformance sample sets: \(missing)")
    }

    /// Decodes `bytes` as the sample's type and compares with the sample.
    private static func decodeAgain<Message: ProtoMessage>(_ message: Message, from bytes: [UInt8]) throws -> Bool {
        try Message(serializedBytes: bytes) == message
    }
}
