/// Whole-message encoding and decoding entry points.
extension ProtoMessage {
    /// Decodes a message from untrusted bytes.
    ///
    /// - Throws: `WireError` naming the failing field path, e.g.
    ///   `rx.v1.Prescription.patient.full_name`, for any malformed input.
    public init(serializedBytes bytes: [UInt8], limits: DecodingLimits = DecodingLimits()) throws(WireError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(WireError) -> Self in try Self(serializedBytes: raw, limits: limits) }
        }
        self = try result.get()
    }

    /// Decodes a message from a slice (e.g. a gRPC frame inside a larger buffer) without copying it.
    public init(serializedBytes bytes: ArraySlice<UInt8>, limits: DecodingLimits = DecodingLimits()) throws(WireError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(WireError) -> Self in try Self(serializedBytes: raw, limits: limits) }
        }
        self = try result.get()
    }

    /// Decodes a message from borrowed memory; nothing refers to `bytes` afterwards.
    public init(serializedBytes bytes: UnsafeRawBufferPointer, limits: DecodingLimits = DecodingLimits()) throws(WireError) {
        var message = Self()
        do throws(WireError) {
            try ProtoReader.withReader(bytes, limits: limits) { (reader: inout ProtoReader) throws(WireError) in
                try message.merge(from: &reader)
            }
        } catch {
            throw error.rooted(at: Self.protoMessageName, schema: Self.schema)
        }
        self = message
    }

    /// The message's deterministic encoding: fields in field-number order, proto3
    /// defaults omitted, map entries sorted by key, unknown fields last. Equal
    /// messages always give equal bytes, which signatures over prescriptions rely on.
    public func serializedBytes() -> [UInt8] {
        self.serializedBytes(headroom: 0)
    }

    /// The encoding preceded by `headroom` zero bytes, so a caller can fill in a frame
    /// header (e.g. gRPC's 5-byte prefix) without copying the message again.
    public func serializedBytes(headroom: Int) -> [UInt8] {
        precondition(headroom >= 0, "negative headroom")
        let size = self.encodedSize()
        return [UInt8](unsafeUninitializedCapacity: headroom + size) { buffer, initializedCount in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            if headroom > 0 {
                UnsafeMutableRawBufferPointer(rebasing: raw[0..<headroom]).initializeMemory(as: UInt8.self, repeating: 0)
            }
            let end = ProtoWriter.withWriter(into: raw, startingAt: headroom) { writer in
                self.encode(to: &writer)
            }
            precondition(end == headroom + size, "encode(to:) wrote \(end - headroom) bytes, encodedSize() said \(size)")
            initializedCount = end
        }
    }
}
