import RxWire
import Testing

/// Every kind of malformed input throws a `WireError` with the right kind, field path
/// and offset.
@Suite("Malformed input")
struct MalformedInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let description: String
        let hex: String
        let expected: WireError
    }

    static let sampleCases: [Case] = [
        Case(description: "truncated varint", hex: "08 80",
             expected: WireError(.truncated, path: "rx.v1.WireSample.int32_value", offset: 1)),
        Case(description: "varint over 10 bytes", hex: "08 ff ff ff ff ff ff ff ff ff ff 01",
             expected: WireError(.varintTooLong, path: "rx.v1.WireSample.int32_value", offset: 1)),
        Case(description: "10-byte varint above 64 bits", hex: "08 ff ff ff ff ff ff ff ff ff 02",
             expected: WireError(.varintTooLong, path: "rx.v1.WireSample.int32_value", offset: 1)),
        Case(description: "truncated fixed64", hex: "41 01 02 03",
             expected: WireError(.truncated, path: "rx.v1.WireSample.fixed64_value", offset: 1)),
        Case(description: "length past the end", hex: "72 05 61",
             expected: WireError(.lengthPastEnd(length: 5), path: "rx.v1.WireSample.string_value", offset: 1)),
        Case(description: "wrong wire type for a known field", hex: "0d 00 00 00 00",
             expected: WireError(.wrongWireType(expected: .varint, actual: .fixed32), path: "rx.v1.WireSample.int32_value", offset: 0)),
        Case(description: "wrong wire type for a message field", hex: "88 01 01",
             expected: WireError(.wrongWireType(expected: .lengthDelimited, actual: .varint), path: "rx.v1.WireSample.nested", offset: 0)),
        Case(description: "wire type 3 (start group)", hex: "0b",
             expected: WireError(.invalidWireType(3), path: "rx.v1.WireSample.int32_value", offset: 0)),
        Case(description: "wire type 4 (end group)", hex: "0c",
             expected: WireError(.invalidWireType(4), path: "rx.v1.WireSample.int32_value", offset: 0)),
        Case(description: "wire type 6", hex: "08 01 0e",
             expected: WireError(.invalidWireType(6), path: "rx.v1.WireSample.int32_value", offset: 2)),
        Case(description: "wire type 7 on an unknown field", hex: "9f 06",
             expected: WireError(.invalidWireType(7), path: "rx.v1.WireSample.#99", offset: 0)),
        Case(description: "field number 0", hex: "00 01",
             expected: WireError(.invalidFieldNumber(0), path: "rx.v1.WireSample", offset: 0)),
        Case(description: "field number 2^29", hex: "80 80 80 80 10 01",
             expected: WireError(.invalidFieldNumber(536_870_912), path: "rx.v1.WireSample", offset: 0)),
        Case(description: "invalid UTF-8 in a string", hex: "72 02 c3 28",
             expected: WireError(.invalidUTF8, path: "rx.v1.WireSample.string_value", offset: 2)),
        Case(description: "packed run cut inside a fixed32", hex: "fa 01 03 01 00 00",
             expected: WireError(.truncated, path: "rx.v1.WireSample.packed_fixed32", offset: 3)),
        Case(description: "bad string map key", hex: "ba 01 04 0a 02 c0 80",
             expected: WireError(.invalidUTF8, path: "rx.v1.WireSample.counters.key", offset: 5)),
        Case(description: "bad field inside a map value", hex: "c2 01 06 08 01 12 02 0a 05",
             expected: WireError(.lengthPastEnd(length: 5), path: "rx.v1.WireSample.nested_by_id.value.label", offset: 8)),
        Case(description: "unknown length-delimited field past the end", hex: "a2 06 09 00",
             expected: WireError(.lengthPastEnd(length: 9), path: "rx.v1.WireSample.#100", offset: 2)),
    ]

    @Test("WireSample rejects", arguments: MalformedInputTests.sampleCases)
    func wireSampleRejects(testCase: Case) {
        #expect(throws: testCase.expected) { try WireSample(serializedBytes: Hex.bytes(testCase.hex)) }
    }

    @Test("invalid UTF-8 deep in a prescription names the full field path")
    func nestedInvalidUTF8() {
        // patient (4) { full_name (1): C3 28 }
        let bytes = Hex.bytes("22 04 0a 02 c3 28")
        do {
            _ = try Prescription(serializedBytes: bytes)
            Issue.record("decoded invalid UTF-8")
        } catch {
            #expect(error == WireError(.invalidUTF8, path: "rx.v1.Prescription.patient.full_name", offset: 4))
            #expect(error.description == "invalid UTF-8 in string field rx.v1.Prescription.patient.full_name at byte 4")
        }
    }

    @Test("an error inside a repeated message names the repeated field")
    func errorInRepeatedMessage() {
        // lines (7) { directions (8) { times_per_day (2): truncated varint } }
        let bytes = Hex.bytes("3a 04 42 02 10 80")
        #expect(throws: WireError(.truncated, path: "rx.v1.Prescription.lines.directions.times_per_day", offset: 5)) {
            try Prescription(serializedBytes: bytes)
        }
    }

    @Test("a sub-message length past its parent's end is rejected")
    func subMessagePastParent() {
        // patient (4) of length 3 holding full_name (1) claiming 5 bytes
        #expect(throws: WireError(.lengthPastEnd(length: 5), path: "rx.v1.Prescription.patient.full_name", offset: 3)) {
            try Prescription(serializedBytes: Hex.bytes("22 03 0a 05 41 42 43 44 45"))
        }
    }

    @Test("nesting up to the depth limit decodes; one level more throws")
    func depthLimit() throws {
        // WireSample.nested is level 1; each Nested.children adds one.
        func nested(levels: Int) -> [UInt8] {
            var inner: [UInt8] = []
            for _ in 1..<levels { inner = [0x22] + WireBuilder.varint(UInt64(inner.count)) + inner }
            return [0x8A, 0x01] + WireBuilder.varint(UInt64(inner.count)) + inner
        }
        _ = try WireSample(serializedBytes: nested(levels: 64))
        do {
            _ = try WireSample(serializedBytes: nested(levels: 65))
            Issue.record("decoded 65 nested levels")
        } catch {
            #expect(error.kind == .depthLimitExceeded(limit: 64))
            #expect(error.fieldPath.hasPrefix("rx.v1.WireSample.nested.children.children"))
        }
        #expect(throws: WireError.self) {
            try Prescription(serializedBytes: Hex.bytes("22 04 12 02 08 01"), limits: DecodingLimits(maxDepth: 1))
        }
        _ = try Prescription(serializedBytes: Hex.bytes("22 04 12 02 08 01"), limits: DecodingLimits(maxDepth: 2))
    }

    static let invalidUTF8Table: [String] = ["c0 80", "ed a0 80", "f4 90 80 80", "e1 bb", "80", "f8 88 80 80 80", "e0 80 80", "f0 80 80 80"]

    @Test("strict UTF-8: overlong forms, surrogates, out-of-range and truncated sequences", arguments: MalformedInputTests.invalidUTF8Table)
    func invalidUTF8Sequences(hex: String) {
        let payload = Hex.bytes(hex)
        let bytes = [0x0A, UInt8(payload.count)] + payload
        #expect(throws: WireError(.invalidUTF8, path: "grpc.health.v1.HealthCheckRequest.service", offset: 2)) {
            try HealthCheckRequest(serializedBytes: bytes)
        }
    }

    @Test("valid multi-byte UTF-8 decodes, including 4-byte sequences")
    func validUTF8() throws {
        let text = "Nguyễn Thị Ánh — \u{1F48A} ok"
        let bytes = HealthCheckRequest(service: text).serializedBytes()
        #expect(try HealthCheckRequest(serializedBytes: bytes).service == text)
    }
}
