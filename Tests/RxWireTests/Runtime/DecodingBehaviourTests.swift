import RxWire
import Testing

/// What the decoder accepts: unknown fields, both repeated encodings, unknown enum
/// numbers, merging of repeated singular fields.
@Suite("Decoding behaviour")
struct DecodingBehaviourTests {
    @Test("unknown fields are skipped, kept in order, and written back after known fields")
    func unknownFieldsPreserved() throws {
        var builder = WireBuilder()
        builder.varint(99, 5)
        builder.string(1, "svc")
        builder.lengthDelimited(100, [1, 2, 3])
        builder.fixed32(101, 7)
        builder.fixed64(102, 8)
        let request = try HealthCheckRequest(serializedBytes: builder.bytes)
        #expect(request.service == "svc")
        var unknown = WireBuilder()
        unknown.varint(99, 5)
        unknown.lengthDelimited(100, [1, 2, 3])
        unknown.fixed32(101, 7)
        unknown.fixed64(102, 8)
        #expect(request.unknownFields.bytes == unknown.bytes)
        #expect(request.serializedBytes() == Hex.bytes("0a 03 73 76 63") + unknown.bytes)

        let dropped = try HealthCheckRequest(serializedBytes: builder.bytes, limits: DecodingLimits(preservesUnknownFields: false))
        #expect(dropped.unknownFields.isEmpty)
        #expect(dropped == HealthCheckRequest(service: "svc"))
    }

    @Test("repeated scalars are accepted packed, unpacked and mixed, whatever the schema says")
    func packedAndUnpacked() throws {
        var builder = WireBuilder()
        builder.varint(18, 1)                                // packed_int32, unpacked element
        builder.lengthDelimited(18, [0x02, 0x03])            // packed_int32, packed run
        builder.varint(18, UInt64(bitPattern: -4))           // unpacked negative
        builder.lengthDelimited(30, [0x05, 0x80, 0x01])      // unpacked_uint32, sent packed
        builder.varint(30, 7)
        builder.lengthDelimited(31, [1, 0, 0, 0, 2, 0, 0, 0]) // packed_fixed32
        builder.fixed32(31, 3)
        builder.lengthDelimited(19, [])                      // an empty packed run adds nothing
        let sample = try WireSample(serializedBytes: builder.bytes)
        #expect(sample.packedInt32 == [1, 2, 3, -4])
        #expect(sample.unpackedUint32 == [5, 128, 7])
        #expect(sample.packedFixed32 == [1, 2, 3])
        #expect(sample.packedSint64.isEmpty)
        // Re-encoding uses each field's declared form.
        #expect(try WireSample(serializedBytes: sample.serializedBytes()) == sample)
    }

    @Test("repeated strings and messages are never accepted as packed runs of another type")
    func nonPackableRejectsWrongWireType() {
        #expect(throws: WireError(.wrongWireType(expected: .lengthDelimited, actual: .varint), path: "rx.v1.WireSample.tags", offset: 0)) {
            try WireSample(serializedBytes: Hex.bytes("a8 01 01"))
        }
    }

    @Test("unknown enum numbers are kept and re-encoded, negative ones too")
    func unknownEnumPreserved() throws {
        let response = try HealthCheckResponse(serializedBytes: [0x08, 0x07])
        #expect(response.status.rawValue == 7)
        #expect(!response.status.isKnown)
        #expect(response.status.description == "7")
        #expect(response.serializedBytes() == [0x08, 0x07])
        #expect(HealthCheckResponse(status: .serving).status.description == "SERVING")

        var sample = WireSample()
        sample.kind = .negative
        sample.kinds = [SampleKind(rawValue: -100), .large]
        let decoded = try WireSample(serializedBytes: sample.serializedBytes())
        #expect(decoded.kind == .negative)
        #expect(decoded.kinds == [SampleKind(rawValue: -100), .large])
    }

    @Test("a singular field seen twice keeps the last value; a message seen twice is merged")
    func lastValueWinsAndMessagesMerge() throws {
        // patient { full_name: "A" } patient { citizen_id: "1" } facility_code "x" then "y"
        let bytes = Hex.bytes("22 03 0a 01 41 22 03 3a 01 31 0a 01 78 0a 01 79")
        let prescription = try Prescription(serializedBytes: bytes)
        #expect(prescription.facilityCode == "y")
        #expect(prescription.patient?.fullName == "A")
        #expect(prescription.patient?.citizenID == "1")
    }

    @Test("oneof: the last member on the wire wins")
    func oneofLastWins() throws {
        var builder = WireBuilder()
        builder.string(25, "text")
        builder.varint(26, 9)
        #expect(try WireSample(serializedBytes: builder.bytes).choice == .choiceNumber(9))
    }

    @Test("decoding from a slice and from borrowed memory gives the same message")
    func sliceAndPointerEntryPoints() throws {
        let request = HealthCheckRequest(service: "rx.v1.Diagnostics")
        let framed = [0, 0, 0, 0, 0] + request.serializedBytes()
        #expect(try HealthCheckRequest(serializedBytes: framed[5...]) == request)
        let viaPointer = try framed.withUnsafeBytes { raw in
            try HealthCheckRequest(serializedBytes: UnsafeRawBufferPointer(rebasing: raw[5...]))
        }
        #expect(viaPointer == request)
        #expect(try HealthCheckRequest(serializedBytes: []) == HealthCheckRequest())
    }
}
