import RxWire

extension ConformanceSample {
    /// Samples that together set every field of every message in Protos/ (the
    /// conformance test checks that coverage), with negative and extreme numbers,
    /// empty and Vietnamese strings, nesting, repetition, maps and each oneof member.
    static let catalog: [ConformanceSample] = [
        .wireSampleWithText, .wireSampleWithNumber, .wireSampleWithNested, .echoRequest, .echoResponse,
        .healthCheckRequest, .healthCheckResponse, .healthListRequest, .healthListResponse, .prescription,
    ] + prescriptionsServiceSamples + drugs + reflection + statistics

    static let wireSampleWithText = ConformanceSample(name: "WireSample, choice_text", message: {
        var sample = WireSample()
        sample.int32Value = -42
        sample.int64Value = Int64.min
        sample.uint32Value = UInt32.max
        sample.uint64Value = UInt64.max
        sample.sint32Value = -2_147_483_648
        sample.sint64Value = -9_000_000_000
        sample.fixed32Value = 4_000_000_000
        sample.fixed64Value = 18_000_000_000_000_000_000
        sample.sfixed32Value = -123_456
        sample.sfixed64Value = -1
        sample.floatValue = 1.5
        sample.doubleValue = -2.25
        sample.boolValue = true
        sample.stringValue = "Nguyễn Thị Hương — thuốc kháng sinh"
        sample.bytesValue = [0, 1, 0xFE, 0xFF]
        sample.kind = .negative
        sample.nested = WireSample.Nested(label: "lồng", amount: -7, deltas: [-1, 0, 1], children: [
            WireSample.Nested(label: "con", amount: 1),
        ])
        sample.packedInt32 = [0, -1, 300, Int32.max]
        sample.packedSint64 = [-1, 1, Int64.min]
        sample.packedDouble = [0.5, -0.0, 1e300]
        sample.tags = ["", "a", "Đà Nẵng"]
        sample.children = [WireSample.Nested(), WireSample.Nested(label: "b")]
        sample.counters = ["z": 26, "a": -1, "ấ": 3_000_000_000]
        sample.nestedByID = [7: WireSample.Nested(label: "bảy"), -3: WireSample.Nested(amount: 3)]
        sample.choice = .choiceText("")
        sample.optionalInt32 = 0
        sample.kinds = [.small, .negative, SampleKind(rawValue: 99)]
        sample.unpackedUint32 = [0, 1, 128]
        sample.packedFixed32 = [1, UInt32.max]
        sample.blobs = [[], [0x80]]
        sample.optionalString = "tùy chọn"
        sample.maxFieldNumber = 1
        return sample
    }(), text: """
        int32_value: -42
        int64_value: -9223372036854775808
        uint32_value: 4294967295
        uint64_value: 18446744073709551615
        sint32_value: -2147483648
        sint64_value: -9000000000
        fixed32_value: 4000000000
        fixed64_value: 18000000000000000000
        sfixed32_value: -123456
        sfixed64_value: -1
        float_value: 1.5
        double_value: -2.25
        bool_value: true
        string_value: "Nguyễn Thị Hương — thuốc kháng sinh"
        bytes_value: "\\000\\001\\376\\377"
        kind: SAMPLE_KIND_NEGATIVE
        nested { label: "lồng" amount: -7 deltas: [-1, 0, 1] children { label: "con" amount: 1 } }
        packed_int32: [0, -1, 300, 2147483647]
        packed_sint64: [-1, 1, -9223372036854775808]
        packed_double: [0.5, -0, 1e300]
        tags: ["", "a", "Đà Nẵng"]
        children { }
        children { label: "b" }
        counters { key: "a" value: -1 }
        counters { key: "z" value: 26 }
        counters { key: "ấ" value: 3000000000 }
        nested_by_id { key: -3 value { amount: 3 } }
        nested_by_id { key: 7 value { label: "bảy" } }
        choice_text: ""
        optional_int32: 0
        kinds: [SAMPLE_KIND_SMALL, SAMPLE_KIND_NEGATIVE, 99]
        unpacked_uint32: [0, 1, 128]
        packed_fixed32: [1, 4294967295]
        blobs: ["", "\\200"]
        optional_string: "tùy chọn"
        max_field_number: 1
        """)

    static let wireSampleWithNumber = ConformanceSample(name: "WireSample, choice_number", message: {
        var sample = WireSample()
        sample.int32Value = Int32.min
        sample.choice = .choiceNumber(-5)
        sample.maxFieldNumber = UInt64.max
        return sample
    }(), text: """
        int32_value: -2147483648
        choice_number: -5
        max_field_number: 18446744073709551615
        """)

    static let wireSampleWithNested = ConformanceSample(name: "WireSample, choice_nested", message: {
        var sample = WireSample()
        sample.choice = .choiceNested(WireSample.Nested(label: "chọn"))
        return sample
    }(), text: """
        choice_nested { label: "chọn" }
        """)

    static let echoRequest = ConformanceSample(name: "EchoRequest", message: {
        var request = EchoRequest()
        var sample = WireSample()
        sample.stringValue = "xin chào"
        request.sample = sample
        request.delayMs = 250
        request.repeat = 3
        request.padding = [UInt8](repeating: 0x61, count: 300)
        return request
    }(), text: """
        sample { string_value: "xin chào" }
        delay_ms: 250
        repeat: 3
        padding: "\(String(repeating: "a", count: 300))"
        """)

    static let echoResponse = ConformanceSample(name: "EchoResponse", message: {
        EchoResponse(sample: WireSample(), index: 2)
    }(), text: """
        sample { }
        index: 2
        """)

    static let healthCheckRequest = ConformanceSample(
        name: "HealthCheckRequest", message: HealthCheckRequest(service: "rx.v1.Diagnostics"),
        text: #"service: "rx.v1.Diagnostics""#)

    static let healthCheckResponse = ConformanceSample(
        name: "HealthCheckResponse", message: HealthCheckResponse(status: .notServing), text: "status: NOT_SERVING")

    static let healthListRequest = ConformanceSample(name: "HealthListRequest", message: HealthListRequest(), text: "")

    static let healthListResponse = ConformanceSample(name: "HealthListResponse", message: HealthListResponse(statuses: [
        "rx.v1.Diagnostics": HealthCheckResponse(status: .serving),
        "": HealthCheckResponse(status: .serviceUnknown),
        "grpc.health.v1.Health": HealthCheckResponse(),
    ]), text: """
        statuses { key: "" value { status: SERVICE_UNKNOWN } }
        statuses { key: "grpc.health.v1.Health" value { } }
        statuses { key: "rx.v1.Diagnostics" value { status: SERVING } }
        """)
}
